"""The directory browser: services by pathway, searchable as you type, with their details."""

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.gui.directory_labels import language_codes, language_name, shown_taxonomy
from intake.gui.directory_model import (
    COL_SERVICE,
    SERVICE_ROLE,
    ServiceFilterProxy,
    ServiceTableModel,
)
from intake.gui.i18n import fill
from intake.gui.service_details import details_html
from intake.gui.service_table import ServiceTable
from intake.taxonomy import IntakeTaxonomy

ALL_PATHWAYS = QT_TRANSLATE_NOOP("DirectoryBrowser", "All pathways")
ALL_TYPES = QT_TRANSLATE_NOOP("DirectoryBrowser", "All service types")
ALL_LANGUAGES = QT_TRANSLATE_NOOP("DirectoryBrowser", "All languages")
NO_SELECTION = QT_TRANSLATE_NOOP("DirectoryBrowser", "<p>Choose a service to see its details.</p>")


class DirectoryBrowser(QWidget):
    """Filters above a table of services; the chosen service's details beside it."""

    service_chosen = Signal(object)  # the ServiceView shown in the details, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._taxonomy: IntakeTaxonomy | None = None
        self.model = ServiceTableModel(self)
        self.proxy = ServiceFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText=self.tr("Name, organization, description or type"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search services"))
        self.pathway = _combo(self.tr("Pathway"))
        self.service_type = _combo(self.tr("Service type"))
        self.language = _combo(self.tr("Language"))
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of services shown"))

        self.table = ServiceTable()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(COL_SERVICE, Qt.SortOrder.AscendingOrder)

        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Service details"))
        self.details.setOpenExternalLinks(True)
        self.details.setHtml(self.tr(NO_SELECTION))

        self._lay_out()
        self._connect()

    # -- building ------------------------------------------------------------------------

    def _lay_out(self) -> None:
        filters = QGridLayout()
        filters.addWidget(_buddy(self.tr("&Search:"), self.search), 0, 0)
        filters.addWidget(self.search, 0, 1, 1, 5)
        filters.addWidget(_buddy(self.tr("&Pathway:"), self.pathway), 1, 0)
        filters.addWidget(self.pathway, 1, 1)
        filters.addWidget(_buddy(self.tr("T&ype:"), self.service_type), 1, 2)
        filters.addWidget(self.service_type, 1, 3)
        filters.addWidget(_buddy(self.tr("&Language:"), self.language), 1, 4)
        filters.addWidget(self.language, 1, 5)
        for column in (1, 3, 5):
            filters.setColumnStretch(column, 1)

        count_row = QHBoxLayout()
        count_row.addWidget(self.count)
        count_row.addStretch()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(count_row)
        left_layout.addWidget(self.table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 380])  # scaled to the width there is
        self.details.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setFocusProxy(self.search)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._focus_table)
        self.pathway.currentIndexChanged.connect(self._pathway_changed)
        self.service_type.currentIndexChanged.connect(self._type_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # -- data ----------------------------------------------------------------------------

    def set_directory(self, snapshot: DirectorySnapshot, taxonomy: IntakeTaxonomy) -> None:
        """Show a (new) directory; the search and the chosen filters are kept where they fit."""
        taxonomy = shown_taxonomy(taxonomy)  # labels in the interface's language
        self._taxonomy = taxonomy
        self._fill_pathways(taxonomy)
        self._fill_languages(snapshot.services)
        self.model.set_directory(snapshot.services, taxonomy)
        self._show_details(None)
        self._update_count()

    def _fill_pathways(self, taxonomy: IntakeTaxonomy) -> None:
        items = [(p.label, p.code) for p in taxonomy.pathways]
        _refill(self.pathway, self.tr(ALL_PATHWAYS), items)
        self._fill_types()

    def _fill_types(self) -> None:
        code = self.pathway.currentData()
        if self._taxonomy is None or code is None:
            _refill(self.service_type, self.tr(ALL_TYPES), [])
            self.service_type.setEnabled(False)
            return
        types = [(t.label, t.code) for t in self._taxonomy.types_of(code)]
        _refill(self.service_type, self.tr(ALL_TYPES), types)
        self.service_type.setEnabled(True)

    def _fill_languages(self, services: tuple[ServiceView, ...]) -> None:
        codes = {code for service in services for code in language_codes(service)}
        items = sorted((language_name(code), code) for code in codes)
        _refill(self.language, self.tr(ALL_LANGUAGES), items)

    # -- reacting ------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)

    def _pathway_changed(self) -> None:
        self.proxy.set_pathway(self.pathway.currentData())
        self._fill_types()

    def _type_changed(self) -> None:
        self.proxy.set_type(self.service_type.currentData())

    def _language_changed(self) -> None:
        self.proxy.set_language(self.language.currentData())

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("%2 service") if total == 1 else self.tr("%2 services")
        else:
            text = self.tr("%1 of %2 service") if total == 1 else self.tr("%1 of %2 services")
        self.count.setText(fill(text, shown, total))

    def _focus_table(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, COL_SERVICE))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_details(indexes[0].data(SERVICE_ROLE) if indexes else None)

    def _activated(self, index: QModelIndex) -> None:
        """Enter (or a double click) on a row: show its details and move there to read them."""
        self._show_details(index.data(SERVICE_ROLE))
        self.details.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_details(self, service: ServiceView | None) -> None:
        if service is None or self._taxonomy is None:
            self.details.setHtml(self.tr(NO_SELECTION))
        else:
            self.details.setHtml(details_html(service, self._taxonomy, dt.date.today()))
        self.service_chosen.emit(service)

    def shown_services(self) -> list[ServiceView]:
        """The services the filters let through, in the table's order."""
        return [
            self.proxy.index(row, COL_SERVICE).data(SERVICE_ROLE)
            for row in range(self.proxy.rowCount())
        ]


def _combo(accessible_name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
    """Replace a combo's items, keeping the current choice if it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, code in items:
        combo.addItem(label, code)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if combo.currentData() != current:
        combo.currentIndexChanged.emit(combo.currentIndex())
