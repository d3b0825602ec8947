"""Clinic settings: the letterhead, the counselor, the default travel limit, paper and language.

    settings = load_settings(database)           # defaults for anything not saved yet
    save_settings(database, replace(settings, clinic_name="Harbor Clinic"))

One `ClinicSetting` row per field (key = field name, value = JSON), so a field added
later needs no migration and an old database simply shows its default. A stored value
that is not valid (edited by hand, written by an older version) is ignored with a
warning naming the key only, never the value; `save_settings` refuses invalid values
with an InputError listing every problem.

The counselor's name and credentials may later move to a per-desk setting; until then
they live here with the clinic's.
"""

import logging
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Literal, get_args

from intake.problems import InputError, Problem, error

if TYPE_CHECKING:  # the store is imported when settings are read: letters render without it
    from intake.store.db import Database

log = logging.getLogger(__name__)

PaperSize = Literal["letter", "a4"]
PAPER_SIZES: tuple[str, ...] = get_args(PaperSize)
UI_LANGUAGES = ("en", "es")
_TEXT_LIMIT = 500


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    """What every desk of the clinic shares. Change with `dataclasses.replace`."""

    clinic_name: str = ""
    address: str = ""  # may hold several lines ("\n")
    phone: str = ""
    logo_path: str | None = None  # an image file (PNG or JPEG) printed on the letterhead
    counselor_name: str = ""
    counselor_credentials: str = ""  # e.g. "LCSW, CADC"
    default_max_distance_km: float = 40.0
    paper_size: PaperSize = "letter"
    ui_language: str = "en"  # also the language of provider letters


_DEFAULTS = ClinicSettings()
_KEYS = tuple(f.name for f in fields(ClinicSettings))


def load_settings(database: "Database") -> ClinicSettings:
    """The saved settings; a missing or invalid value gives its default."""
    from sqlmodel import col, select

    from intake.store.records_tables import ClinicSetting

    with database.engine.connect() as conn:
        rows = conn.execute(
            select(ClinicSetting.key, ClinicSetting.value).where(col(ClinicSetting.key).in_(_KEYS))
        ).all()
    values: dict[str, Any] = {}
    for key, value in rows:
        problem = _check(key, value)
        if problem is None:
            values[key] = _normalized(key, value)
        else:
            log.warning("clinic setting %r ignored: %s", key, problem)
    return ClinicSettings(**values)


def save_settings(database: "Database", settings: ClinicSettings) -> None:
    """Store every field, in one transaction; InputError (nothing stored) if any is invalid."""
    from intake.store.records_tables import ClinicSetting, utcnow

    problems = validate_settings(settings)
    if problems:
        raise InputError(problems)
    now = utcnow()
    with database.session() as session:
        for key, value in asdict(settings).items():
            row = session.get(ClinicSetting, key)
            if row is None:
                row = ClinicSetting.model_validate({"key": key})
            row.value = value
            row.updated_at = now
            session.add(row)


def validate_settings(settings: ClinicSettings) -> list[Problem]:
    """Every problem with the values, each naming the setting and what was expected."""
    problems = []
    for key, value in asdict(settings).items():
        message = _check(key, value)
        if message is not None:
            problems.append(error(message, field=key))
    return problems


def settings_as_dict(settings: ClinicSettings) -> Mapping[str, Any]:
    return asdict(settings)


def _check(key: str, value: Any) -> str | None:
    """Why `value` cannot be the setting `key`, or None if it can."""
    if key in ("clinic_name", "address", "phone", "counselor_name", "counselor_credentials"):
        if not isinstance(value, str):
            return "expected text"
        if len(value) > _TEXT_LIMIT:
            return f"expected at most {_TEXT_LIMIT} characters"
        return None
    if key == "logo_path":
        return None if value is None or isinstance(value, str) else "expected a file path or none"
    if key == "default_max_distance_km":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or not math.isfinite(value) or value <= 0:
            return "expected a number of kilometres greater than 0"
        return None
    if key == "paper_size":
        return None if value in PAPER_SIZES else f"expected one of {', '.join(PAPER_SIZES)}"
    if key == "ui_language":
        return None if value in UI_LANGUAGES else f"expected one of {', '.join(UI_LANGUAGES)}"
    return "unknown setting"


def _normalized(key: str, value: Any) -> Any:
    if key == "default_max_distance_km":
        return float(value)
    if key == "logo_path" and value == "":
        return None
    return value


def default_settings() -> ClinicSettings:
    return _DEFAULTS
