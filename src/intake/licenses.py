"""What intake bundles and under which licences: `resources/licenses/components.toml`.

    for component in load_components():
        component.name, component.what, component.license
        license_text(component)          # the licence's text, or None if not installed

Each component names its licence text by a path below the resources folder. Texts under
`licenses/packages/` are copied from the packages' metadata when the desktop build is
made (installer/collect_licenses.py), so a development install does not hold them;
`copied_at_build()` says which. No Qt here.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from intake.paths import resource_path
from intake.problems import InputError, Problem, error

BUILD_COPIES = "licenses/packages/"  # texts the desktop build copies in

_REQUIRED = ("name", "what", "license", "text")
_KEYS = (*_REQUIRED, "note")


@dataclass(frozen=True, slots=True)
class Component:
    """One bundled part of the program: what it is, what it is for, its licence."""

    name: str
    what: str  # what intake uses it for
    license: str  # an SPDX expression, or a short phrase where one does not fit
    text: str  # the licence text, as a "/"-separated path below the resources folder
    note: str = ""


def components_path() -> Path:
    return resource_path("licenses", "components.toml")


def load_components(path: Path | None = None) -> tuple[Component, ...]:
    """The components in file order; InputError naming the file and each entry at fault."""
    path = path or components_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError([error(f"cannot read the list: {exc}", file=str(path))]) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError([error(f"not valid TOML: {exc}", file=str(path))]) from exc
    entries = data.get("component")
    if not isinstance(entries, list) or not entries:
        message = "expected [[component]] tables with name, what, license and text"
        raise InputError([error(message, file=str(path), field="component")])
    problems: list[Problem] = []
    components = []
    for number, entry in enumerate(entries, start=1):
        component = _component(entry, f"[[component]] {number}", str(path), problems)
        if component is not None:
            components.append(component)
    if problems:
        raise InputError(problems)
    return tuple(components)


def _component(entry: object, where: str, file: str, problems: list[Problem]) -> Component | None:
    if not isinstance(entry, Mapping):
        problems.append(error(f"{where} is not a table", file=file))
        return None
    name = entry.get("name")
    if isinstance(name, str) and name.strip():
        where = f"{where} ({name.strip()})"
    before = len(problems)
    for key in entry:
        if key not in _KEYS:
            problems.append(
                error(f"{where}: unknown key {key!r}; allowed: {', '.join(_KEYS)}", file=file)
            )
    values = {key: _text(entry, key, where, file, problems) for key in _KEYS}
    if values["text"] and not _is_inside(values["text"]):
        problems.append(
            error(
                f"{where}: text must be a path below the resources folder, "
                f"like licenses/GPL-3.0.txt, not {values['text']!r}",
                file=file,
                field="text",
            )
        )
    if len(problems) > before:
        return None
    return Component(**values)


def _text(entry: Mapping[str, Any], key: str, where: str, file: str, out: list[Problem]) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (key in _REQUIRED and not value.strip()):
        out.append(error(f'{where}: needs {key} = "..." (a non-empty text)', file=file, field=key))
        return ""
    return value.strip()


def _is_inside(text: str) -> bool:
    """A relative path that stays below the resources folder ("../x" or "/x" do not)."""
    path = PurePosixPath(text)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in text


def license_path(component: Component) -> Path:
    return resource_path(*PurePosixPath(component.text).parts)


def license_text(component: Component) -> str | None:
    """The component's licence text; None if this installation does not hold it."""
    try:
        return license_path(component).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def copied_at_build(component: Component) -> bool:
    """Whether the text is one the desktop build copies in (absent from a source checkout)."""
    return component.text.startswith(BUILD_COPIES)
