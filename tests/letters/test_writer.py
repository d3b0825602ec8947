"""Atomic writing: a failure at any step leaves no file, and no temporary file either."""

import os
import stat
from pathlib import Path

import pytest

from intake.letters import write_atomically
from intake.problems import InputError


def test_writes_the_bytes_readable_by_the_owner_only(tmp_path: Path) -> None:
    path = write_atomically(tmp_path / "letter.pdf", b"%PDF-1.4 hello")
    assert path.read_bytes() == b"%PDF-1.4 hello"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["letter.pdf"]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failure_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(InputError, match="cannot write the file: No space left on device"):
        write_atomically(tmp_path / "letter.pdf", b"%PDF")
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_a_failure_keeps_the_file_that_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"old")

    def fail(*_args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError):
        write_atomically(path, b"new")
    monkeypatch.undo()
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["letter.pdf"]


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        write_atomically(tmp_path / "nowhere" / "letter.pdf", b"%PDF")
    assert exc.value.problems[0].file == "letter.pdf"
