"""Writing an export whole or not at all.

The file is written to a private temporary file beside the target (same folder, so the
final rename stays on one file system), flushed and fsynced, then renamed over the
target with `os.replace`. On any failure, cancellation included, the temporary file is
removed and the target is left as it was: absent, or the previous export unchanged.
The file is created readable by its owner only (0600), as the database is: it holds
health data.
"""

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from intake.problems import InputError, error

OUT_OPTION = "--out"


def check_target(target: Path) -> None:
    """InputError unless `target` names a file that may be written in an existing folder."""
    folder = target.parent
    if not folder.is_dir():
        raise InputError(
            [
                error(
                    f"the folder {str(folder)!r} does not exist; expected an existing folder "
                    "(create it first: the export never creates folders)",
                    field=OUT_OPTION,
                )
            ]
        )
    if target.is_dir():
        raise InputError(
            [error(f"{str(target)!r} is a folder; expected a file name", field=OUT_OPTION)]
        )


@contextlib.contextmanager
def atomic_binary(target: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces `target` only if the `with` block completes."""
    check_target(target)
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _sync_folder(target.parent)


@contextlib.contextmanager
def atomic_text(target: Path, *, encoding: str = "utf-8", newline: str = "") -> Iterator[TextIO]:
    """A text file (default UTF-8, newlines written as given) that replaces `target` whole."""
    with atomic_binary(target) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline=newline, write_through=False)
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the binary stream is closed (and fsynced) by atomic_binary


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
