"""The list of bundled components and their licence texts."""

from pathlib import Path

import pytest

from intake.licenses import (
    Component,
    copied_at_build,
    license_path,
    license_text,
    load_components,
)
from intake.paths import resource_path
from intake.problems import InputError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "components.toml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_components(path)
    return str(caught.value)


def test_the_bundled_list_names_intake_and_qt_first() -> None:
    components = load_components()
    assert components[0] == Component(
        name="intake",
        what="this program",
        license="GPL-3.0-or-later",
        text="licenses/GPL-3.0.txt",
    )
    assert components[1].license == "LGPL-3.0-only" and "LGPL-3.0 section 4" in components[1].note
    assert len({c.name for c in components}) == len(components) >= 10


def test_every_text_not_copied_at_build_is_in_the_resources() -> None:
    for component in load_components():
        if not copied_at_build(component):
            assert license_path(component).is_file(), component.text
            assert (license_text(component) or "").strip(), component.text


def test_the_gpl_text_is_read_from_the_resources() -> None:
    intake = load_components()[0]
    assert license_path(intake) == resource_path("licenses", "GPL-3.0.txt")
    assert "GNU GENERAL PUBLIC LICENSE" in (license_text(intake) or "")


def test_a_text_the_installation_lacks_is_none(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INTAKE_RESOURCES", str(tmp_path))
    reportlab = Component("ReportLab", "PDF", "BSD-3-Clause", "licenses/packages/reportlab/LICENSE")
    assert license_text(reportlab) is None and copied_at_build(reportlab)
    (tmp_path / "licenses" / "packages" / "reportlab").mkdir(parents=True)
    (tmp_path / "licenses" / "packages" / "reportlab" / "LICENSE").write_text("BSD")
    assert license_text(reportlab) == "BSD"


def test_an_entry_without_a_licence_is_refused_naming_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[component]]\nname = "A"\nwhat = "x"\nlicense = "MIT"\ntext = "a.txt"\n'
        '[[component]]\nname = "B"\nwhat = "y"\ntext = "b.txt"\n',
    )
    message = refused(path)
    assert str(path) in message and "[[component]] 2 (B): needs license" in message


def test_unknown_keys_and_paths_outside_the_resources_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[component]]\nname = "A"\nwhat = "x"\nlicense = "MIT"\ntext = "../../etc/passwd"\n'
        'url = "https://example.org"\n'
        '[[component]]\nname = "B"\nwhat = "y"\nlicense = "MIT"\ntext = "/etc/passwd"\n',
    )
    message = refused(path)
    assert "[[component]] 1 (A): unknown key 'url'" in message
    assert "text must be a path below the resources folder" in message
    assert "'../../etc/passwd'" in message and "'/etc/passwd'" in message


def test_an_empty_or_broken_list_is_refused(tmp_path: Path) -> None:
    assert "expected [[component]] tables" in refused(write(tmp_path, 'title = "x"\n'))
    assert "not valid TOML" in refused(write(tmp_path, "[[component]\n"))
    assert "cannot read" in refused(tmp_path / "missing.toml")
