"""English and Spanish interface: translations complete and compiled, Spanish shown with Qt's
own Spanish buttons, the language kept per desk, and mnemonics that do not clash."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from intake.gui import i18n, loading
from intake.gui.i18n import fill
from intake.gui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def spanish() -> Iterator[None]:
    assert i18n.install("es")
    yield
    i18n.uninstall()


@pytest.fixture
def fake_load(monkeypatch, database, snapshot, taxonomy) -> None:
    def open_and_load(url: str | None) -> loading.LoadedDirectory:
        return loading.LoadedDirectory(database, snapshot, taxonomy, is_demo=True)

    monkeypatch.setattr(loading, "open_and_load", open_and_load)


def open_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignals(
        [window.clients_page.searched, window.settings_page.loaded], timeout=60_000
    ):
        window.start_loading()
    return window


def test_every_string_is_translated_and_the_qm_files_are_up_to_date() -> None:
    """lupdate over src/intake/gui finds nothing new and lrelease gives the committed .qm."""
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_spanish_interface_shows_spanish_words(qtbot, spanish, fake_load, screenshot) -> None:
    window = open_window(qtbot)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["&Clientes", "&Directorio", "Con&figuración"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Archivo", "Ay&uda"]
    page = window.clients_page.finder
    assert page.new_button.text() == "&Nueva admisión"
    assert page.count.text() == "Todavía no hay clientes. Comience con Nueva admisión."
    assert page.history.title.text() == "Ningún cliente elegido"
    assert "servicios" in window.directory_status.text()
    assert window.settings_page.save_button.text() == "&Guardar configuración"
    assert window.directory_page.browser.pathway.itemText(0) == "Todas las rutas"
    screenshot(window, "main_window_spanish")
    window.tabs.setCurrentWidget(window.settings_tab)
    screenshot(window, "settings_spanish")
    window.tabs.setCurrentWidget(window.directory_page)
    window.directory_page.browser.table.selectRow(0)
    screenshot(window, "directory_spanish")


def test_qt_standard_buttons_are_spanish_too(qtbot, spanish) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x")
    box.setStandardButtons(QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard)
    qtbot.addWidget(box)
    texts = sorted(button.text().replace("&", "") for button in box.buttons())
    assert texts == ["Cancelar", "Descartar"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text().replace("&", "") == "Cerrar"
    assert QLocale().language() == QLocale.Language.Spanish


def test_back_to_english(qtbot, spanish) -> None:
    i18n.uninstall()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "&Clients"
    assert i18n.current_language() == "en"
    assert i18n.install("es") and i18n.current_language() == "es"  # for the fixture's undo


def test_the_language_is_chosen_per_desk_english_until_then(monkeypatch) -> None:
    assert i18n.chosen_language() == i18n.NOT_CHOSEN
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("es_MX")))
    assert i18n.app_language() == "en"  # the computer's language does not decide
    i18n.choose_language("es")
    assert i18n.chosen_language() == "es" and i18n.app_language() == "es"
    i18n.choose_language("xx")
    assert i18n.chosen_language() == i18n.NOT_CHOSEN


def test_an_unknown_language_is_refused_and_stays_english() -> None:
    assert not i18n.install("xx")
    assert i18n.current_language() == "en"


def test_fill_puts_values_in_one_pass() -> None:
    assert fill("%1 · born %2", "Ana %2", "1990") == "Ana %2 · born 1990"
    assert fill("%1 of %2", 3) == "3 of %2"


SHOWN = {
    "setText", "setPlaceholderText", "setToolTip", "setStatusTip", "setAccessibleName",
    "setWindowTitle", "addTab", "addMenu", "showMessage", "setLabelText", "addItem", "addButton",
    "QLabel", "QPushButton", "QAction", "QGroupBox", "QCheckBox", "QRadioButton",
}  # fmt: skip
CHECKED = [
    "main_window.py", "settings_page.py", "clients", "directory_browser.py",
    "directory_import.py", "directory_model.py", "directory_page.py",
]  # fmt: skip
NOT_WORDS = {"intake"}  # the program's name is the same in every language


def test_no_visible_text_bypasses_translation() -> None:
    """A literal handed straight to a widget would stay English in the Spanish interface."""
    import ast

    gui = REPO / "src" / "intake" / "gui"
    files = [p for name in CHECKED for p in ((gui / name).rglob("*.py") if (gui / name).is_dir()
             else [gui / name])]  # fmt: skip
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            first = node.args[0]
            if (
                name in SHOWN
                and isinstance(first, ast.Constant | ast.JoinedStr)
                and any(ch.isalpha() for ch in ast.unparse(first))
                and getattr(first, "value", None) not in NOT_WORDS
            ):
                found.append(f"{path.relative_to(REPO)}:{node.lineno} {ast.unparse(node)[:70]}")
    assert found == []


def test_every_translation_context_is_a_real_one() -> None:
    """`tr = QCoreApplication.translate` or `parent.tr("…")` is read by lupdate under a
    context that never matches at run time (ecosystem trap 12): those strings would stay
    English in the Spanish interface."""
    import xml.etree.ElementTree as ET

    ts = REPO / "resources" / "translations" / "intake_es.ts"
    contexts = {c.findtext("name", "") for c in ET.parse(ts).getroot().iter("context")}
    wrong = contexts & {"", "parent", "self", "QCoreApplication", "QObject", "QWidget"}
    assert not wrong, f"use self.tr or a literal QCoreApplication.translate, not {wrong}"


def test_the_wizard_in_spanish_has_one_mnemonic_per_letter_on_each_page(
    qtbot, spanish, database, snapshot, screenshot
) -> None:
    """Qt's own Spanish wizard buttons (< &Atrás, Siguie&nte >, &Finalizar) count too."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget, QWizard

    from intake.gui.wizard import IntakeWizard

    wizard = IntakeWizard(database, snapshot, counselor="Dana Reyes")
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Siguie&nte >"
    clashes = {}
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        shown = [
            w.text()
            for w in page.findChildren(QWidget)
            if isinstance(w, QLabel | QAbstractButton) and w.isVisibleTo(page)
        ]
        last = page_id == max(wizard.pageIds())
        shown.append(wizard.buttonText(QWizard.WizardButton.FinishButton if last
                                       else QWizard.WizardButton.NextButton))  # fmt: skip
        if page_id != wizard.startId():
            shown.append(wizard.buttonText(QWizard.WizardButton.BackButton))
        letters: dict[str, list[str]] = {}
        for text in shown:
            if letter := _mnemonic(text):
                letters.setdefault(letter, []).append(text)
        clashes |= {f"{page.title()} {k}": v for k, v in letters.items() if len(v) > 1}
        assert all(_mnemonic(t) is None or _mnemonic(t).isascii() for t in shown), shown
    assert clashes == {}
    assert wizard.page(wizard.startId()).title() == "El cliente"
    screenshot(wizard, "wizard_spanish")


def _mnemonic(text: str) -> str | None:
    text = text.replace("&&", "")
    at = text.find("&")
    return text[at + 1].lower() if 0 <= at < len(text) - 1 and text[at + 1] != " " else None
