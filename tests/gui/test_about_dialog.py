"""The About box: version, purpose, licence, and the bundled components with their texts."""

import shutil
from collections.abc import Iterator

import pytest

from PySide6.QtCore import Qt

from intake import __version__
from intake.gui import about_dialog, i18n
from intake.gui.about_dialog import (
    COL_LICENSE,
    COL_NAME,
    COL_WHAT,
    COMPONENT_ROLE,
    AboutDialog,
    ComponentTableModel,
    show_about,
)
from intake.licenses import load_components
from intake.paths import resource_path


@pytest.fixture
def spanish() -> Iterator[None]:
    assert i18n.install("es")
    yield
    i18n.uninstall()


def open_about(qtbot) -> AboutDialog:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # the active window: mnemonics work only there
        dialog.show()
    return dialog


def row_of(dialog: AboutDialog, name: str) -> int:
    names = [dialog.model.index(r, COL_NAME).data() for r in range(dialog.model.rowCount())]
    return names.index(name)


def test_the_model_passes_the_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(ComponentTableModel(load_components()), force_py=True)


def test_version_purpose_and_licence(qtbot, screenshot) -> None:
    dialog = open_about(qtbot)
    assert dialog.windowTitle() == "About intake"
    assert f"intake {__version__}" in dialog.heading.text()
    assert "harm-reduction programs" in dialog.purpose.text()
    assert "GPL-3.0-or-later" in dialog.license.text() and "HSDS 3.0" in dialog.license.text()
    screenshot(dialog, "about_dialog")


def test_every_component_is_listed_and_intake_shows_first(qtbot) -> None:
    dialog = open_about(qtbot)
    components = load_components()
    model = dialog.model
    assert model.rowCount() == len(components)
    assert [model.index(r, COL_NAME).data() for r in range(model.rowCount())] == [
        c.name for c in components
    ]
    assert model.index(1, COL_LICENSE).data() == "LGPL-3.0-only"
    assert model.index(0, COL_WHAT).data() == "this program"
    assert model.headerData(COL_LICENSE, Qt.Orientation.Horizontal) == "Licence"
    assert dialog.table.currentIndex().row() == 0 or dialog.table.selectionModel().hasSelection()
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    assert not dialog.note.isVisible()


def test_choosing_a_component_by_keyboard_shows_its_text_and_note(qtbot) -> None:
    dialog = open_about(qtbot)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.table.selectionModel().selectedRows()[0].row() == 1
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    assert dialog.note.isVisible() and "LGPL-3.0 section 4" in dialog.note.text()
    dialog.table.selectRow(row_of(dialog, "DejaVu Sans"))
    assert "Bitstream" in dialog.text.toPlainText()


def test_a_text_this_installation_lacks_is_said_plainly(
    qtbot, monkeypatch, screenshot, tmp_path
) -> None:
    # An installation as a source checkout is: the list and our own texts, none of the
    # texts the desktop build copies from the packages.
    shutil.copytree(
        resource_path("licenses"), tmp_path / "licenses", ignore=shutil.ignore_patterns("packages")
    )
    monkeypatch.setenv("INTAKE_RESOURCES", str(tmp_path))
    dialog = open_about(qtbot)
    row = row_of(dialog, "ReportLab")
    dialog.table.selectRow(row)
    text = dialog.text.toPlainText()
    assert text.startswith("The licence text of ReportLab is not in this installation.")
    assert "licenses/packages/reportlab/LICENSE" in text
    screenshot(dialog, "about_dialog_missing_text")
    monkeypatch.setattr(about_dialog, "license_text", lambda _component: None)
    dialog.table.selectRow(0)
    assert dialog.text.toPlainText().startswith(
        "The licence text of intake is missing from this installation. Expected at: "
    )


def test_a_broken_list_is_said_in_the_box(qtbot, monkeypatch, tmp_path) -> None:
    (tmp_path / "licenses").mkdir()
    (tmp_path / "licenses" / "components.toml").write_text("[[component]\n")
    monkeypatch.setenv("INTAKE_RESOURCES", str(tmp_path))
    dialog = open_about(qtbot)
    assert dialog.model.rowCount() == 0
    assert dialog.text.toPlainText().startswith("The list of bundled components could not be read")


def test_labels_lead_to_their_widgets_and_escape_closes(qtbot) -> None:
    dialog = open_about(qtbot)
    assert dialog.list_label.buddy() is dialog.table
    assert dialog.text_label.buddy() is dialog.text
    assert dialog.table.accessibleName() == "Bundled components"
    assert dialog.text.accessibleName() == "Licence text"
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.text
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_show_about_runs_the_dialog(qtbot, monkeypatch) -> None:
    shown: list[AboutDialog] = []

    def fake_exec(self: AboutDialog) -> int:
        qtbot.addWidget(self)
        shown.append(self)
        return 0

    monkeypatch.setattr(AboutDialog, "exec", fake_exec)
    show_about(None)
    assert len(shown) == 1 and shown[0].model.rowCount() > 0


def test_spanish(qtbot, spanish, screenshot) -> None:
    dialog = open_about(qtbot)
    assert dialog.windowTitle() == "Acerca de intake"
    assert "reducción de daños" in dialog.purpose.text()
    assert "Software libre" in dialog.license.text()
    model = dialog.model
    assert model.headerData(COL_WHAT, Qt.Orientation.Horizontal) == "Se usa para"
    uses = [model.index(r, COL_WHAT).data() for r in range(model.rowCount())]
    english = [component.what for component in load_components()]
    untranslated = [use for use, source in zip(uses, english, strict=True) if use == source]
    assert untranslated == [], "add these to about_dialog._USES and translate them"
    assert model.index(0, COL_NAME).data(COMPONENT_ROLE).name == "intake"
    screenshot(dialog, "about_dialog_spanish")
    dialog.table.selectRow(row_of(dialog, "ReportLab"))
    assert dialog.text.toPlainText().startswith("El texto de la licencia de ReportLab")
