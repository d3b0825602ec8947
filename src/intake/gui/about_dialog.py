"""The About box: version, purpose, licence, and every bundled component with its licence text.

    show_about(window)

The list comes from `resources/licenses/components.toml` (read by `intake.licenses`);
choosing a component shows its licence text from the resources folder, or says plainly
that this installation does not hold it.
"""

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QObject,
    Qt,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake import __version__
from intake.gui.i18n import fill
from intake.gui.summary_model import ROW_ROLE, SummaryTableModel
from intake.licenses import (
    Component,
    copied_at_build,
    license_path,
    license_text,
    load_components,
)
from intake.problems import InputError

LICENSE = "GPL-3.0-or-later"
COL_NAME, COL_WHAT, COL_LICENSE = range(3)
HEADERS = (
    QT_TRANSLATE_NOOP("ComponentTableModel", "Component"),
    QT_TRANSLATE_NOOP("ComponentTableModel", "Used for"),
    QT_TRANSLATE_NOOP("ComponentTableModel", "Licence"),
)
COMPONENT_ROLE = ROW_ROLE

# What each component is used for, as components.toml says it, marked for translation. A
# phrase added to the file later shows as written until it is translated here too.
_USES = (
    QT_TRANSLATE_NOOP("ComponentUses", "this program"),
    QT_TRANSLATE_NOOP("ComponentUses", "the desktop interface"),
    QT_TRANSLATE_NOOP("ComponentUses", "letters and handouts (PDF)"),
    QT_TRANSLATE_NOOP("ComponentUses", "the database and its migrations"),
    QT_TRANSLATE_NOOP("ComponentUses", "ReportLab's compiled speed-ups"),
    QT_TRANSLATE_NOOP("ComponentUses", "joining Arabic letters in letters and handouts"),
    QT_TRANSLATE_NOOP(
        "ComponentUses", "right-to-left order of Arabic and Hebrew in letters and handouts"
    ),
    QT_TRANSLATE_NOOP("ComponentUses", "checking intakes and plans"),
    QT_TRANSLATE_NOOP("ComponentUses", "validation, data folders, FHIR export, images"),
    QT_TRANSLATE_NOOP("ComponentUses", "US ZIP code centroids for distances"),
    QT_TRANSLATE_NOOP("ComponentUses", "font in letters"),
    QT_TRANSLATE_NOOP("ComponentUses", "font in letters (Chinese, Japanese, Korean)"),
    QT_TRANSLATE_NOOP("ComponentUses", "directory import and export"),
    QT_TRANSLATE_NOOP("ComponentUses", "the runtime inside the desktop build"),
)


def show_about(parent: QWidget | None) -> None:
    """Show the About box and wait until it is closed."""
    AboutDialog(parent).exec()


def component_use(component: Component) -> str:
    """What a component is used for, in the interface's language."""
    return QCoreApplication.translate("ComponentUses", component.what)


class ComponentTableModel(SummaryTableModel[Component]):
    def __init__(self, components: Sequence[Component], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_rows(components)

    def headers(self) -> tuple[str, ...]:
        return tuple(self.tr(header) for header in HEADERS)

    def cell(self, component: Component, column: int) -> str:
        if column == COL_NAME:
            return component.name
        if column == COL_WHAT:
            return component_use(component)
        return component.license


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About intake"))
        self.heading = QLabel(f"<h2>intake {escape(__version__)}</h2>")
        self.heading.setAccessibleName(fill(self.tr("intake, version %1"), __version__))
        self.purpose = QLabel(
            self.tr("Intake and referral assistant for substance-use and harm-reduction programs.")
        )
        self.license = QLabel(
            fill(
                self.tr(
                    "Free software under the GNU General Public License, version 3 or later "
                    "(%1). Service directories are read and written as Open Referral HSDS 3.0."
                ),
                LICENSE,
            )
        )
        for label in (self.purpose, self.license):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.components, problem = _components()
        self.model = ComponentTableModel(self.components, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Bundled components"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.list_label = QLabel(self.tr("&Bundled components and their licences:"))
        self.list_label.setBuddy(self.table)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Licence text"))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTabChangesFocus(True)
        self.text_label = QLabel(self.tr("Licence &text:"))
        self.text_label.setBuddy(self.text)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        self._lay_out()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        if problem:
            self.text.setPlainText(problem)
        elif self.components:
            self.table.selectRow(0)

    def _lay_out(self) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list_label)
        top_layout.addWidget(self.table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.text_label)
        bottom_layout.addWidget(self.note)
        bottom_layout.addWidget(self.text, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.purpose)
        layout.addWidget(self.license)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        char, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().height()
        self.table.setColumnWidth(COL_NAME, 30 * char)
        self.table.setColumnWidth(COL_WHAT, 44 * char)
        self.resize(110 * char, 40 * line)
        self.table.setFocus()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_license(indexes[0].data(COMPONENT_ROLE))

    def show_license(self, component: Component) -> None:
        self.note.setText(component.note)
        self.note.setVisible(bool(component.note))
        text = license_text(component)
        if text is None:
            text = self._missing(component)
        self.text.setPlainText(text)

    def _missing(self, component: Component) -> str:
        if copied_at_build(component):
            why = self.tr(
                "The licence text of %1 is not in this installation. The desktop build copies "
                "it from the package when it is made; a development copy of intake does not "
                "hold it. Expected at: %2"
            )
        else:
            why = self.tr(
                "The licence text of %1 is missing from this installation. Expected at: %2"
            )
        return fill(why, component.name, license_path(component))


def _components() -> tuple[tuple[Component, ...], str]:
    """The components and, if the list cannot be read, a sentence saying so."""
    try:
        return load_components(), ""
    except InputError as exc:
        text = QCoreApplication.translate(
            "AboutDialog", "The list of bundled components could not be read:\n%1"
        )
        return (), fill(text, str(exc))
