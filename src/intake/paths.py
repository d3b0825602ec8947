"""Where intake finds its resources and keeps its data.

One `resource_path()` serves the source tree, an installed package and a frozen
build alike, so no other module needs to know how the program was started.
"""

import os
import sys
from pathlib import Path

APP_NAME = "intake"
APP_AUTHOR = "intake"

_RESOURCES_ENV = "INTAKE_RESOURCES"


def resources_root() -> Path:
    """The folder holding rules, taxonomy, schemas, letters and the demo directory."""
    override = os.environ.get(_RESOURCES_ENV)
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    bundled = Path(__file__).resolve().parent / "_resources"
    if bundled.is_dir():
        return bundled
    # Source tree or editable install: src/intake/paths.py -> <repo>/resources
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """A file or folder below the resources root."""
    return resources_root().joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder for intake (database, clinic rule overrides), created 0700."""
    import platformdirs  # here, not above: the window shows before anything needs it

    path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def log_dir() -> Path:
    import platformdirs

    path = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
