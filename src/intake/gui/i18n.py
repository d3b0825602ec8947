"""The counselor's interface language: English (the strings in the code) or Spanish.

    install(app_language())     # before the first window: intake_es.qm and Qt's qtbase_es.qm

Spanish comes from `resources/translations/intake_es.qm`, compiled from `intake_es.ts` by
`tools/update_translations.py` and committed, so nothing is built at run time. Qt's own
`qtbase_es.qm` (from PySide6's translations folder) is loaded too, or the standard
buttons (OK, Cancel, Yes, No) would stay English.

The interface language is the counselor's choice for this desk, kept in the desk's
preferences file; it has nothing to do with the languages a client speaks.
"""

import re
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QStandardPaths,
    QTranslator,
)

from intake.paths import APP_NAME, resource_path

ENGLISH, SPANISH = "en", "es"
SUPPORTED = (ENGLISH, SPANISH)
NOT_CHOSEN = ""  # English until a counselor chooses, whatever the computer's own language
# Each language is named in itself, so it can be found whatever the interface shows now.
LANGUAGE_NAMES = {ENGLISH: "English", SPANISH: "Español"}
LANGUAGE_KEY = "interface/language"

_installed: list[QTranslator] = []
_installed_language = ENGLISH
_ready = False  # has a language been installed in this process?


def desk_settings() -> QSettings:
    """This computer's preferences for intake (interface language, the last session).

    Clinic-wide settings (letterhead, default distance) live in the database instead. The
    file is <the user's config folder>/intake/desk.ini (on Linux ~/.config/intake/desk.ini,
    as platformdirs would say; Qt's answer is used because it is loaded already).
    """
    location = QStandardPaths.StandardLocation.GenericConfigLocation
    folder = Path(QStandardPaths.writableLocation(location)) / APP_NAME
    return QSettings(str(folder / "desk.ini"), QSettings.Format.IniFormat)


def chosen_language(settings: QSettings | None = None) -> str:
    """What a counselor chose on this computer: ENGLISH, SPANISH or NOT_CHOSEN."""
    settings = settings or desk_settings()
    value = str(settings.value(LANGUAGE_KEY, NOT_CHOSEN) or NOT_CHOSEN)
    return value if value in SUPPORTED else NOT_CHOSEN


def choose_language(code: str, settings: QSettings | None = None) -> None:
    """Remember the interface language for the next start."""
    settings = settings or desk_settings()
    settings.setValue(LANGUAGE_KEY, code if code in SUPPORTED else NOT_CHOSEN)
    settings.sync()


def app_language(settings: QSettings | None = None) -> str:
    """The language to show: the one chosen for this computer, else English.

    Not the computer's own language: a clinic's machines are often set up in one language
    and used by counselors who read another, and the choice is one click in Settings.
    """
    return chosen_language(settings) or ENGLISH


def current_language() -> str:
    """The language the interface is shown in now."""
    return _installed_language


def ensure_installed() -> None:
    """Install this desk's language, unless a language was installed already."""
    if not _ready:
        install(app_language())


def install(language: str) -> bool:
    """Show the interface in `language` from now on (windows built later); False if its
    translation could not be loaded, in which case the interface stays English.

    English loads `intake_en.qm` too: it holds only the plural forms ("1 client",
    "2 clients") of strings written once in the code as "%n client(s)".
    """
    global _installed_language
    uninstall()
    if language not in SUPPORTED:
        return False
    ours = _translator(translations_folder(), f"intake_{language}")
    if ours is None:
        return language == ENGLISH
    qt_own = None
    if language != ENGLISH:
        qt_own = _translator(qt_translations_folder(), f"qtbase_{language}")
    for translator in (ours, qt_own):
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    language_code = QLocale.Language.Spanish if language == SPANISH else QLocale.Language.English
    QLocale.setDefault(_locale(language_code))
    _installed_language = language
    return True


def uninstall() -> None:
    """Back to the strings in the code (English without its plural forms)."""
    global _installed_language, _ready
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    QLocale.setDefault(_locale(QLocale.Language.English))
    _installed_language = ENGLISH
    _ready = True


def translations_folder() -> Path:
    return resource_path("translations")


def qt_translations_folder() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _translator(folder: Path, name: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(name, str(folder)) else None


def _locale(language: QLocale.Language) -> QLocale:
    """Dates and numbers in `language` as written where this computer is (es_US, en_GB…)."""
    return QLocale(language, QLocale.system().territory())


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(text: str, *values: object) -> str:
    """Put `values` in a translated text's %1, %2… in one pass (a value holding "%2" stays)."""

    def value(found: re.Match[str]) -> str:
        number = int(found.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else found.group(0)

    return _PLACEHOLDER.sub(value, text)
