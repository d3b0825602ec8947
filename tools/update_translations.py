"""Update the interface translations, or check that they are complete and compiled.

    .venv/bin/python tools/update_translations.py           # lupdate, then lrelease
    .venv/bin/python tools/update_translations.py --check   # exit 1 if anything is missing

`pyside6-lupdate` reads every `self.tr("…")` and literal
`QCoreApplication.translate("Context", "…")` in src/intake/gui into
resources/translations/intake_es.ts (every string, for Spanish) and intake_en.ts (only the
plural forms, "%n client(s)" -> "1 client" / "2 clients"); translate the new entries
(Qt Linguist: `.venv/bin/pyside6-linguist resources/translations/intake_es.ts`, or by
hand), then run this again: `pyside6-lrelease` compiles the .qm files the program loads.
Both .ts and .qm are committed, so nothing is built at run time.

`--check` does the same work in a scratch folder and fails if a string has no
translation yet, or if the committed .qm files are not what the .ts files compile to.
"""

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "src" / "intake" / "gui"
TRANSLATIONS = REPO / "resources" / "translations"
BIN = Path(sys.executable).parent
LANGUAGES = {"es": [], "en": ["-pluralonly"]}  # language -> extra lupdate options


def tool(name: str) -> str:
    """A PySide6 tool beside this Python (the virtualenv's), else on the PATH."""
    beside = BIN / name
    return str(beside) if beside.exists() else name


def sources() -> list[str]:
    return sorted(str(path) for path in SOURCES.rglob("*.py"))


def lupdate(ts_file: Path, language: str, options: list[str]) -> None:
    command = [
        tool("pyside6-lupdate"),
        *options,
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        language,
        *sources(),
        "-ts",
        str(ts_file),
    ]
    subprocess.run(command, check=True, capture_output=True, text=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def unfinished(ts_file: Path) -> list[str]:
    """The messages of a .ts file that have no finished translation, as "context: source"."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            if not _translated(message.find("translation")):
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def _translated(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") == "unfinished":
        return False
    forms = translation.findall("numerusform")
    if forms:
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def update() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    missing = []
    for language, options in LANGUAGES.items():
        ts_file = TRANSLATIONS / f"intake_{language}.ts"
        lupdate(ts_file, language, options)
        lrelease(ts_file, ts_file.with_suffix(".qm"))
        missing += [f"{ts_file.name}: {entry}" for entry in unfinished(ts_file)]
    for entry in missing:
        print(f"not translated yet: {entry}")
    print(f"{len(missing)} string(s) still to translate" if missing else "every string translated")
    return 0


def check() -> int:
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for language, options in LANGUAGES.items():
            committed_ts = TRANSLATIONS / f"intake_{language}.ts"
            committed_qm = committed_ts.with_suffix(".qm")
            if not committed_ts.exists() or not committed_qm.exists():
                problems.append(f"{committed_ts.name} or its .qm is missing: run this tool")
                continue
            ts_file = Path(scratch) / committed_ts.name
            shutil.copyfile(committed_ts, ts_file)
            lupdate(ts_file, language, options)
            problems += [f"{ts_file.name}: not translated: {e}" for e in unfinished(ts_file)]
            qm_file = ts_file.with_suffix(".qm")
            lrelease(committed_ts, qm_file)
            if not filecmp.cmp(qm_file, committed_qm, shallow=False):
                problems.append(f"{committed_qm.name} is older than {committed_ts.name}")
            if not filecmp.cmp(ts_file, committed_ts, shallow=False):
                problems.append(f"{committed_ts.name} does not hold the strings of the code now")
    for problem in problems:
        print(problem)
    if problems:
        print("run: .venv/bin/python tools/update_translations.py, translate, run it again")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    return check() if args.check else update()


if __name__ == "__main__":
    sys.exit(main())
