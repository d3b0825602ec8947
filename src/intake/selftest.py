"""`intake --self-test`: is this installation whole? One line per check, exit 0 or 1.

    ok   rules bundled:2026.11.1
    FAIL fonts DejaVuSans.ttf: No such file or directory
    self-test FAILED: 1 of 16 checks

It checks the resources (rules, taxonomy, schemas, fonts, letter texts, translations,
icons, licences), the migrations (a new temporary database is migrated to the head), the
demo directory (imported into that database), matching (a demo intake from
resources/examples/intakes/), a letter (a client handout written to a temporary folder)
and, last, the main window (opened offscreen when there is no display, on a second
temporary database, as a first run would).

Everything happens inside `sandbox()`: the user's data, configuration and log folders
(platformdirs) and INTAKE_DATABASE_URL point into a temporary folder that is removed at
the end, so the self-test never reads or writes the user's database, clinic rules,
desk preferences or log. The data it uses is the fictional demo data only.

No Qt is imported here at module level, and Qt is imported by name in the window check
(like `intake.cli` does), so the core stays free of Qt. A windowed Windows build has no
console: give a REPORT file and the lines are written there too.
"""

import importlib
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

import platformdirs

from intake import __version__
from intake.paths import resource_path, resources_root
from intake.problems import InputError

DEMO_INTAKE = "buprenorphine_peer_support.json"
WINDOW_TIMEOUT_S = 60.0
# Folders below the resources root that a working install needs.
RESOURCE_FOLDERS = (
    "demo",
    "examples/intakes",
    "fonts",
    "hsds/schema",
    "icons",
    "letters",
    "licenses",
    "messages",
    "notices",
    "rules",
    "rules/translations",
    "schemas",
    "taxonomy",
    "translations",
)
UI_LANGUAGES = ("en", "es")
FHIR_KINDS = ("Bundle", "Patient", "Organization", "HealthcareService", "ServiceRequest")
_DIR_FUNCTIONS = (
    "user_data_dir",
    "user_config_dir",
    "user_cache_dir",
    "user_state_dir",
    "user_log_dir",
    "user_runtime_dir",
)
_XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
_DATABASE_ENV = "INTAKE_DATABASE_URL"


class CheckFailed(Exception):
    """A check's own verdict: the message is the line's detail."""


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok' if self.ok else 'FAIL':<5}{self.name} {self.detail}".rstrip()


@dataclass
class _State:
    """What one check hands to the next (the temporary database, the plan...)."""

    tmp: Path
    database: Any = None
    snapshot: Any = None
    plan: Any = None
    intake: Any = None
    skipped_because: dict[str, str] = field(default_factory=dict)


def run_self_test(report: Path | None = None, *, window: bool = True) -> int:
    """Run every check, print one line each (and to `report`), return 0 if all passed."""
    out = _Output(sys.stdout, report)
    results: list[Check] = []
    with sandbox() as tmp:
        state = _State(tmp)
        try:
            for name, check in _core_checks(state):
                results.append(out.emit(_run(name, check, state)))
        finally:
            if state.database is not None:
                state.database.dispose()
        if window:
            results.append(out.emit(_run("window", _check_window, state)))
    failed = sum(not r.ok for r in results)
    if failed:
        out.write(f"self-test FAILED: {failed} of {len(results)} checks")
    else:
        out.write(f"self-test passed: {len(results)} checks")
    out.close()
    return 1 if failed else 0


# --- the sandbox -----------------------------------------------------------------------------


@contextmanager
def sandbox() -> Iterator[Path]:
    """Point the user's data, config, cache, state and log folders and the database URL into
    a temporary folder, and restore everything afterwards."""
    saved_env = {key: os.environ.get(key) for key in (*_XDG, _DATABASE_ENV)}
    saved_dirs = {name: getattr(platformdirs, name) for name in _DIR_FUNCTIONS}
    with tempfile.TemporaryDirectory(prefix="intake-selftest-", ignore_cleanup_errors=True) as t:
        tmp = Path(t)
        try:
            for name in _DIR_FUNCTIONS:
                setattr(platformdirs, name, _folder_in(tmp / "user" / name))
            for key in _XDG:
                os.environ[key] = str(tmp / "xdg" / key.lower())
            os.environ[_DATABASE_ENV] = f"sqlite:///{tmp / 'default.db'}"
            yield tmp
        finally:
            for name, function in saved_dirs.items():
                setattr(platformdirs, name, function)
            for key, value in saved_env.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def _folder_in(folder: Path) -> Callable[..., str]:
    def user_dir(*_args: Any, **_kwargs: Any) -> str:
        return str(folder)

    return user_dir


# --- running checks --------------------------------------------------------------------------


def _run(name: str, check: Callable[[_State], str], state: _State) -> Check:
    needs = _NEEDS.get(name, ())
    missing = [n for n in needs if n in state.skipped_because]
    if missing:
        state.skipped_because[name] = missing[0]
        return Check(name, False, f"not run: the {missing[0]} check failed")
    try:
        return Check(name, True, check(state))
    except Exception as exc:  # a self-test reports every failure as a line, never a traceback
        state.skipped_because[name] = name
        return Check(name, False, _reason(exc))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, CheckFailed):
        return str(exc)
    if isinstance(exc, InputError):
        first = "; ".join(str(p) for p in exc.problems[:2])
        more = len(exc.problems) - 2
        return first + (f" (and {more} more)" if more > 0 else "")
    text = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _Output:
    """Standard output (absent in a windowed build) and, if asked, a report file."""

    def __init__(self, stream: TextIO | None, report: Path | None) -> None:
        self._stream = stream
        self._file = report.open("w", encoding="utf-8") if report else None

    def emit(self, check: Check) -> Check:
        self.write(check.line())
        return check

    def write(self, line: str) -> None:
        for target in (self._stream, self._file):
            if target is not None:
                print(line, file=target, flush=True)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


# --- core checks (no Qt) ---------------------------------------------------------------------


def _check_version(_state: _State) -> str:
    if getattr(sys, "frozen", False):
        how = "frozen"
    elif os.environ.get("INTAKE_RESOURCES"):
        how = "resources from INTAKE_RESOURCES"
    elif resources_root().name == "_resources":
        how = "installed"
    else:
        how = "source"
    return f"{__version__} (Python {platform.python_version()}, {how}, {platform.system()})"


def _check_resources(_state: _State) -> str:
    root = resources_root()
    missing = [name for name in RESOURCE_FOLDERS if not (root / name).is_dir()]
    if missing:
        raise CheckFailed(f"missing under {root}: {', '.join(missing)}")
    return f"{len(RESOURCE_FOLDERS)} folders in {root}"


def _check_taxonomy(_state: _State) -> str:
    from intake.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(resource_path("taxonomy", "intake.toml"))
    return f"{taxonomy.version}: {len(taxonomy.terms)} codes in {len(taxonomy.pathways)} pathways"


def _check_rules(_state: _State) -> str:
    from intake.rules import load_rules
    from intake.rules.loader import in_language
    from intake.rules.translation import TRANSLATED_LANGUAGES

    rules = load_rules(resource_path("rules"))
    for language in TRANSLATED_LANGUAGES:
        in_language(rules, language)  # the translation is there and sound
    return f"{rules.version_label}, texts in en, {', '.join(TRANSLATED_LANGUAGES)}"


def _check_schemas(_state: _State) -> str:
    from jsonschema.validators import validator_for

    intake_schema = resource_path("schemas", "intake.schema.json")
    hsds = sorted(resource_path("hsds", "schema").glob("*.json"))
    if not hsds:
        raise CheckFailed("no HSDS schemas in hsds/schema")
    for path in (intake_schema, *hsds):
        schema = json.loads(path.read_text(encoding="utf-8"))
        validator_for(schema).check_schema(schema)
    return f"intake.schema.json and {len(hsds)} HSDS schemas"


def _check_fonts(_state: _State) -> str:
    from reportlab.pdfbase.ttfonts import TTFont

    from intake.letters.fonts import FILES

    for name, file_name in FILES.items():
        TTFont(f"selftest-{name}", str(resource_path("fonts", file_name)))
    return f"{len(FILES)} faces: {', '.join(sorted(FILES))}"


def _check_letter_texts(_state: _State) -> str:
    from intake.letters import available_languages, load_notice, load_texts

    languages = available_languages()
    if not languages:
        raise CheckFailed("no letter texts in letters/")
    for language in languages:
        load_texts(language)
    load_notice()
    return f"{', '.join(languages)}; 42 CFR part 2 notice"


def _check_translations(_state: _State) -> str:
    from intake.wording_i18n import TRANSLATED_LANGUAGES, load_message_texts

    found = []
    for language in UI_LANGUAGES:
        path = resource_path("translations", f"intake_{language}.qm")
        if not path.is_file() or path.stat().st_size == 0:
            raise CheckFailed(f"{path.name} missing or empty")
        found.append(language)
    for language in TRANSLATED_LANGUAGES:
        load_message_texts(language)  # the intake model's messages in that language
    return ", ".join(found) + "; messages in " + ", ".join(TRANSLATED_LANGUAGES)


def _check_icons(_state: _State) -> str:
    icon = resource_path("icons", "intake.svg")
    if b"<svg" not in icon.read_bytes()[:4096]:
        raise CheckFailed("icons/intake.svg is not an SVG image")
    return icon.name


def _check_licenses(_state: _State) -> str:
    """Every licence text components.toml names is there; the copies taken from the packages'
    dist-info at build time (licenses/packages/) only in a frozen build."""
    from intake.licenses import copied_at_build, license_path, load_components

    components = load_components()
    frozen = bool(getattr(sys, "frozen", False))
    needed = [c for c in components if frozen or not copied_at_build(c)]
    missing = [c.text for c in needed if not license_path(c).is_file()]
    if missing:
        raise CheckFailed(f"licence texts missing: {', '.join(missing)}")
    return f"{len(components)} components, {len(needed)} licence texts"


def _check_migrations(_state: _State) -> str:
    from intake.store.db import MIGRATIONS, SCHEMA_HEAD, head_revision

    head = head_revision()
    if head != SCHEMA_HEAD:
        raise CheckFailed(f"the migration scripts end at {head}, the program expects {SCHEMA_HEAD}")
    scripts = sorted(p.name for p in (MIGRATIONS / "versions").glob("*.py"))
    return f"head {head} ({len(scripts)} scripts)"


def _check_database(state: _State) -> str:
    from sqlalchemy import inspect
    from sqlmodel import SQLModel

    from intake.store.db import current_revision, head_revision, open_database

    state.database = open_database(f"sqlite:///{state.tmp / 'selftest.db'}")
    revision = current_revision(state.database)
    if revision != head_revision():
        raise CheckFailed(f"a new database stopped at {revision}, not {head_revision()}")
    with state.database.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    missing = sorted(set(SQLModel.metadata.tables) - tables)
    if missing:
        raise CheckFailed(f"tables missing after migrating: {', '.join(missing)}")
    return f"a new temporary database migrated to {revision} ({len(tables)} tables)"


def _check_demo_directory(state: _State) -> str:
    from intake.directory.demo import demo_directory_path
    from intake.directory.hsds import import_directory
    from intake.directory.snapshot_loader import load_snapshot

    import_directory(state.database, demo_directory_path())
    state.snapshot = load_snapshot(state.database)
    if not len(state.snapshot):
        raise CheckFailed("the demo directory imported no services")
    return f"{len(state.snapshot)} services imported into the temporary database"


def _check_matching(state: _State) -> str:
    from intake.intake_model import load_intake
    from intake.rules import load_rules, make_plan

    today = date.today()
    state.intake = load_intake(resource_path("examples", "intakes", DEMO_INTAKE), today=today)
    rules = load_rules(resource_path("rules"))
    state.plan = make_plan(state.intake, state.snapshot, rules, today=today, now=datetime.now(UTC))
    referrals = state.plan.referrals()
    if not referrals:
        raise CheckFailed(f"{DEMO_INTAKE}: no referrals")
    if not any(r.safety_net for r in referrals):
        raise CheckFailed(f"{DEMO_INTAKE}: no safety-floor referral")
    pathways = len(state.plan.pathways)
    return f"{DEMO_INTAKE}: {len(referrals)} referrals in {pathways} pathways"


def _check_letter(state: _State) -> str:
    from intake.letters import make_handout
    from intake.settings import default_settings

    services = [state.snapshot.get(r.service_id) for r in state.plan.referrals()[:3]]
    out = state.tmp / "letters" / "handout.pdf"
    out.parent.mkdir()
    result = make_handout(
        state.intake,
        [s for s in services if s is not None],
        out,
        settings=default_settings(),
        directory=state.snapshot,
    )
    data = out.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise CheckFailed("the handout is not a PDF")
    return f"client handout, {result.places} places, {len(data) // 1024} KB PDF (temporary)"


def _check_fhir(_state: _State) -> str:
    """The FHIR models the export loads by name (a frozen build must have bundled them)."""
    from fhir.resources.R4B import get_fhir_model_class

    models = {kind: get_fhir_model_class(kind) for kind in FHIR_KINDS}
    models["Patient"].model_validate({"id": "selftest", "gender": "unknown"})
    return f"R4B models: {', '.join(FHIR_KINDS)}"


_CORE_CHECKS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("version", _check_version),
    ("resources", _check_resources),
    ("taxonomy", _check_taxonomy),
    ("rules", _check_rules),
    ("schemas", _check_schemas),
    ("fonts", _check_fonts),
    ("letter-texts", _check_letter_texts),
    ("translations", _check_translations),
    ("icons", _check_icons),
    ("licenses", _check_licenses),
    ("migrations", _check_migrations),
    ("database", _check_database),
    ("demo-directory", _check_demo_directory),
    ("matching", _check_matching),
    ("letter", _check_letter),
    ("fhir-export", _check_fhir),
)
# A check that needs another's result is not run when that one failed.
_NEEDS: dict[str, tuple[str, ...]] = {
    "database": ("migrations",),
    "demo-directory": ("database",),
    "matching": ("demo-directory", "rules", "taxonomy"),
    "letter": ("matching", "fonts", "letter-texts"),
}


def _core_checks(_state: _State) -> tuple[tuple[str, Callable[[_State], str]], ...]:
    return _CORE_CHECKS


# --- the window (Qt, imported by name) -------------------------------------------------------


def _check_window(state: _State) -> str:
    """Open the main window as `intake` does, on a new temporary database, and wait until the
    directory is shown (the first run loads the demo directory)."""
    if not _display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qt_core = importlib.import_module("PySide6.QtCore")
    qt_gui = importlib.import_module("PySide6.QtGui")
    qt_widgets = importlib.import_module("PySide6.QtWidgets")
    from intake.paths import APP_AUTHOR, APP_NAME

    app = qt_widgets.QApplication.instance() or qt_widgets.QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    icon = qt_gui.QIcon(str(resource_path("icons", "intake.svg")))
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise CheckFailed("the SVG icon could not be drawn (Qt's SVG plugin missing?)")
    main_window = importlib.import_module("intake.gui.main_window")
    window = main_window.MainWindow(f"sqlite:///{state.tmp / 'window.db'}")
    try:
        window.show()
        finished: list[bool] = []
        task = window.start_loading()
        if hasattr(task, "finished"):  # a Task: it says when loading succeeded or failed
            task.finished.connect(lambda: finished.append(True))
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        while window.loaded is None and not finished and time.monotonic() < deadline:
            app.processEvents(qt_core.QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)
        if window.loaded is None:
            raise CheckFailed(_window_problem(window))
        services = len(window.loaded.snapshot)
        platform_name = qt_gui.QGuiApplication.platformName()
        return f"main window opened ({platform_name}), directory shown: {services} services"
    finally:
        _close(window, app, qt_core, qt_widgets)


def _display_available() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _window_problem(window: Any) -> str:
    status = window.statusBar().currentMessage() or "no message"
    return f"the directory was not shown (within {WINDOW_TIMEOUT_S:.0f} s): {status}"


def _close(window: Any, app: Any, qt_core: Any, qt_widgets: Any) -> None:
    """Let background work finish, then close and delete the window before Python exits."""
    qt_core.QThreadPool.globalInstance().waitForDone(30_000)
    app.processEvents()
    window.close()
    for widget in qt_widgets.QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    qt_core.QCoreApplication.sendPostedEvents(None, qt_core.QEvent.Type.DeferredDelete)
    app.processEvents()
    if window.database is not None:
        window.database.dispose()
