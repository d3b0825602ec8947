"""The directory as a Qt table: one row per service, and a proxy that filters as you type.

The model holds a `DirectorySnapshot` and the taxonomy's labels, nothing else: it never
reads the database. Everything a row shows or is searched on is computed once, in
`set_directory()`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from intake.directory.snapshot import ServiceView
from intake.gui.directory_labels import Vocabulary, language_codes, language_name
from intake.gui.folding import folded
from intake.taxonomy import IntakeTaxonomy

COL_SERVICE, COL_ORGANIZATION, COL_PATHWAYS, COL_TYPES, COL_LANGUAGES, COL_PHONE = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("ServiceTableModel", "Service"),
    QT_TRANSLATE_NOOP("ServiceTableModel", "Organization"),
    QT_TRANSLATE_NOOP("ServiceTableModel", "Pathways"),
    QT_TRANSLATE_NOOP("ServiceTableModel", "Types"),
    QT_TRANSLATE_NOOP("ServiceTableModel", "Languages"),
    QT_TRANSLATE_NOOP("ServiceTableModel", "Phone"),
)

SERVICE_ROLE = Qt.ItemDataRole.UserRole + 1  # the ServiceView of the row

_INACTIVE = {
    "inactive": QT_TRANSLATE_NOOP("ServiceTableModel", "inactive"),
    "defunct": QT_TRANSLATE_NOOP("ServiceTableModel", "no longer offered"),
    "temporarily closed": QT_TRANSLATE_NOOP("ServiceTableModel", "temporarily closed"),
}

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ServiceRow:
    """One service as the table shows it and the filter tests it."""

    service: ServiceView
    cells: tuple[str, ...]
    sort_keys: tuple[str, ...]
    pathways: frozenset[str]
    languages: frozenset[str]
    haystack: str  # folded name, organization, description and type labels


class ServiceTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ServiceRow] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_directory(self, services: tuple[ServiceView, ...], taxonomy: IntakeTaxonomy) -> None:
        self.beginResetModel()
        vocabulary = Vocabulary(taxonomy)
        self._rows = [_make_row(service, vocabulary) for service in services]
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def row_at(self, row: int) -> ServiceRow:
        return self._rows[row]

    # -- QAbstractTableModel -------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort here, with one key per row, rather than in the proxy: a proxy compares
        through data() and takes seconds over a national directory."""
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        persistent = self.persistentIndexList()
        self._sort_rows(column, order)
        position = {id(row): number for number, row in enumerate(self._rows)}
        moved = [self.index(position[id(before[i.row()])], i.column()) for i in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column, order)
        self._rows.sort(
            key=lambda row: (row.sort_keys[column], row.sort_keys[COL_SERVICE], row.service.id),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return self.tr(HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[column]
        if role == SERVICE_ROLE:
            return row.service
        if role == Qt.ItemDataRole.FontRole and row.service.status != "active":
            return _italic()
        return None


def _make_row(service: ServiceView, vocabulary: Vocabulary) -> ServiceRow:
    pathways = vocabulary.pathway_codes(service)
    type_labels = [t.label for t in vocabulary.type_terms(service)]
    languages = language_codes(service)
    name = service.name
    if service.status != "active":
        status = _INACTIVE.get(service.status, service.status)
        name = f"{name} ({QCoreApplication.translate('ServiceTableModel', status)})"
    cells = (
        name,
        service.organization_name,
        ", ".join(vocabulary.taxonomy.label(code) for code in pathways),
        ", ".join(type_labels),
        ", ".join(language_name(code) for code in languages),
        service.phones[0] if service.phones else "",
    )
    searched = (service.name, service.organization_name, service.description, *type_labels)
    return ServiceRow(
        service=service,
        cells=cells,
        sort_keys=tuple(folded(cell) for cell in cells),
        pathways=frozenset(pathways),
        languages=frozenset(languages),
        haystack=folded("\n".join(searched)),
    )


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


class ServiceFilterProxy(QSortFilterProxyModel):
    """Keeps the services that match the search words (all of them), the pathway, the
    service type and the language chosen; None means no limit. Sorting is passed on to
    the source model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._pathway: str | None = None
        self._type: str | None = None
        self._language: str | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The table's header sorts the source model; the proxy keeps its order and only filters."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def set_search(self, text: str) -> None:
        with self._filter_change():
            self._words = tuple(folded(text).split())

    def set_pathway(self, code: str | None) -> None:
        with self._filter_change():
            self._pathway = code

    def set_type(self, code: str | None) -> None:
        with self._filter_change():
            self._type = code

    def set_language(self, code: str | None) -> None:
        with self._filter_change():
            self._language = code

    @contextmanager
    def _filter_change(self) -> Iterator[None]:
        self.beginFilterChange()
        yield
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ServiceTableModel):
            return True
        row = model.row_at(source_row)
        return (
            all(word in row.haystack for word in self._words)
            and (self._pathway is None or self._pathway in row.pathways)
            and (self._type is None or self._type in row.service.codes)
            and (self._language is None or self._language in row.languages)
        )
