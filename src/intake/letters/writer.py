"""Writing a PDF atomically: a temporary file in the same folder, fsync, then os.replace.

A failure at any step leaves no file behind (and an existing file at `path` untouched):
a half-written letter is never mistaken for a whole one. The file is created readable by
its owner only, as it holds health information.
"""

import contextlib
import os
import tempfile
from pathlib import Path

from intake.problems import InputError, error


def write_atomically(path: Path | str, data: bytes) -> Path:
    """Write `data` to `path` all at once; InputError (naming the file) if it cannot be."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _cannot(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _cannot(path, exc) from None
        raise
    _sync_folder(folder)
    return path


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _cannot(path: Path, exc: OSError) -> InputError:
    reason = exc.strerror or type(exc).__name__
    return InputError([error(f"cannot write the file: {reason}", file=path.name)])
