"""Reading an HSDS 3.0 directory, as given, into rows of field values with their origin.

A folder of CSV files (with or without datapackage.json), a .zip of one, or a JSON file
in one of the nested forms (see hsds_json). CSV rows are streamed, never all in memory;
each row carries the file name and its spreadsheet row number (header = row 1) so every
problem can point at it. Nothing here judges values: hsds_check does.
"""

import codecs
import csv
import io
import json
import posixpath
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from intake.directory import hsds_json
from intake.directory.hsds_report import Reporter
from intake.directory.hsds_spec import TableSpec, spec, table_by_file_name

# (where, row, values): `where` names the file (and JSON path); `row` is the 1-based
# spreadsheet row of a CSV record, None for JSON.
Record = tuple[str, int | None, dict[str, Any]]

# Long free-text descriptions exceed the csv module's default 128 KiB field limit.
csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))

_READ_ERRORS = (OSError, zipfile.BadZipFile, zlib.error, EOFError)


class TableInput:
    """The rows of one kept table, read on demand."""

    def __init__(self, table: str, label: str, size: int) -> None:
        self.table = table
        self.label = label
        self.size = size  # progress units: bytes of a CSV file, records of JSON
        self.absent: set[str] = set()  # required columns the header lacks (reported once)

    def records(self) -> Iterator[Record]:
        raise NotImplementedError

    def done(self) -> int:
        """Progress units consumed so far."""
        raise NotImplementedError


@dataclass
class DirectoryInput:
    name: str  # the file or folder name, for the import record
    tables: dict[str, TableInput] = field(default_factory=dict)
    closers: ExitStack = field(default_factory=ExitStack)

    @property
    def total(self) -> int:
        return sum(t.size for t in self.tables.values())

    def close(self) -> None:
        self.closers.close()

    def __enter__(self) -> "DirectoryInput":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_directory(path: Path, reporter: Reporter) -> DirectoryInput:
    """Find the tables in `path`; structural problems go to `reporter`, not raised."""
    name = path.name or str(path)
    if path.is_dir():
        return _csv_directory(name, _folder_files(path), reporter)
    if not path.is_file():
        reporter.error("no such file or folder", file=name, kind="missing")
        return DirectoryInput(name)
    if path.suffix.lower() == ".json":
        return _json_directory(path, reporter)
    if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
        return _zip_directory(path, reporter)
    reporter.error(
        "not an HSDS directory: expected a folder of CSV files, a .zip of one, or a .json file",
        file=name,
        kind="form",
    )
    return DirectoryInput(name)


@dataclass(frozen=True)
class _File:
    name: str  # the file's own name, as datapackage.json and HSDS name it
    label: str  # how problems name it
    size: int
    open: Callable[[], IO[bytes]]


def _folder_files(folder: Path) -> list[_File]:
    return [
        _File(p.name, p.name, p.stat().st_size, _opener(p))
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    ]


def _opener(path: Path) -> Callable[[], IO[bytes]]:
    return lambda: path.open("rb")


def _zip_directory(path: Path, reporter: Reporter) -> DirectoryInput:
    result = DirectoryInput(path.name)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        reporter.error(f"not a readable .zip file ({exc})", file=path.name, kind="zip")
        return result
    result.closers.callback(archive.close)
    members = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and not info.filename.startswith("__MACOSX/")
        and not posixpath.basename(info.filename).startswith(".")
    ]
    csv_folders = {posixpath.dirname(m.filename) for m in members if _is_csv(m.filename)}
    if len(csv_folders) > 1:
        reporter.error(
            "CSV files in several folders of the zip; expected them at its root or in one folder",
            file=path.name,
            kind="zip",
        )
        return result
    folder = csv_folders.pop() if csv_folders else ""
    files = [
        _File(
            posixpath.basename(m.filename),
            f"{path.name}/{m.filename}",
            m.file_size,
            _member_opener(archive, m),
        )
        for m in members
        if posixpath.dirname(m.filename) == folder
    ]
    inner = _csv_directory(path.name, files, reporter)
    result.tables = inner.tables
    return result


def _member_opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], IO[bytes]]:
    return lambda: archive.open(info)


def _is_csv(name: str) -> bool:
    return name.lower().endswith(".csv")


def _csv_directory(name: str, files: list[_File], reporter: Reporter) -> DirectoryInput:
    result = DirectoryInput(name)
    by_name = {f.name: f for f in files}
    tables = _tables_of_datapackage(by_name, reporter)
    known = table_by_file_name()
    seen_csv = False
    for file in files:
        if not _is_csv(file.name):
            continue
        seen_csv = True
        table = tables.get(file.name) or known.get(file.name.lower())
        if table is None:
            reporter.warning(
                "not an HSDS table file; ignored", file=file.label, kind="unknown file"
            )
            continue
        table_spec = spec(table)
        if not table_spec.kept:
            _report_not_kept(table_spec, file, reporter)
            continue
        if table in result.tables:
            reporter.error(
                f"a second file for the HSDS table {table} "
                f"(the first is {result.tables[table].label})",
                file=file.label,
                kind="duplicate file",
            )
            continue
        result.tables[table] = CsvTable(table_spec, file, reporter)
    if not seen_csv:
        reporter.error(
            "no HSDS CSV files found: expected files such as organizations.csv and services.csv",
            file=name,
            kind="empty",
        )
    return result


def _tables_of_datapackage(files: dict[str, _File], reporter: Reporter) -> dict[str, str]:
    """File name to table name, as datapackage.json says; {} when there is none to use."""
    package = files.get("datapackage.json")
    if package is None:
        return {}
    try:
        with package.open() as stream:
            data = json.loads(stream.read().decode("utf-8-sig"))
        resources = data["resources"]
        mapping = {
            posixpath.basename(r["path"]): r["name"]
            for r in resources
            if isinstance(r, dict) and isinstance(r.get("path"), str) and r.get("name")
        }
    except (ValueError, KeyError, TypeError, *_READ_ERRORS):
        reporter.warning(
            "not a JSON data package; the CSV files are read by their HSDS names",
            file=package.label,
            kind="datapackage",
        )
        return {}
    known = set(table_by_file_name().values())
    return {path: table for path, table in mapping.items() if table in known}


def _report_not_kept(table: TableSpec, file: _File, reporter: Reporter) -> None:
    try:
        with file.open() as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
            rows = sum(1 for cells in csv.reader(text) if cells) - 1
    except (csv.Error, *_READ_ERRORS):
        rows = 0
    reporter.warning(
        f"{max(rows, 0)} row(s) read and not kept: this program does not keep HSDS "
        f"{table.name} records",
        file=file.label,
        kind="not kept",
    )


class _Counting(io.RawIOBase):
    """Counts the bytes read through it, for progress by bytes of the file."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.count += size
        return size


class CsvTable(TableInput):
    def __init__(self, table: TableSpec, file: _File, reporter: Reporter) -> None:
        super().__init__(table.name, file.label, file.size)
        self._spec = table
        self._file = file
        self._reporter = reporter
        self._counting: _Counting | None = None
        self._unnamed: set[int] = set()  # columns whose header cell is empty

    def done(self) -> int:
        return self._counting.count if self._counting else 0

    def records(self) -> Iterator[Record]:
        try:
            utf8 = _is_utf8(self._file)
            with self._file.open() as raw:
                self._counting = _Counting(raw)
                buffered = io.BufferedReader(self._counting, 1 << 16)
                # surrogateescape: a stray byte becomes a marker we can place in a row and
                # field, rather than an exception somewhere in an 8 KiB block.
                text = io.TextIOWrapper(
                    buffered, encoding="utf-8-sig", errors="surrogateescape", newline=""
                )
                yield from self._rows(csv.reader(text), utf8)
        except _READ_ERRORS as exc:
            self._error(f"could not be read ({type(exc).__name__}: {exc})", kind="read")

    def _rows(self, reader: Iterator[list[str]], utf8: bool) -> Iterator[Record]:
        row = 1
        try:
            header = next(reader, None)
            if header is None:
                self._error("the file is empty; expected a header row of HSDS field names")
                return
            if not utf8:
                self._check_bytes(header, [None] * len(header), 1)
            names = self._header(header)
            all_named = all(names)
            field_names = cast(list[str], names)
            width = len(names)
            label = self.label
            for cells in reader:
                row += 1
                if not cells:
                    continue
                if not utf8:
                    self._check_bytes(cells, names, row)
                if all_named and len(cells) == width:
                    yield label, row, dict(zip(field_names, cells, strict=True))
                else:
                    yield label, row, self._ragged(cells, names, row)
        except csv.Error as exc:
            self._error(f"is not valid CSV here ({exc})", row=row + 1, kind="csv")

    def _header(self, header: list[str]) -> list[str | None]:
        fields = set(self._spec.field_names)
        names: list[str | None] = []
        unknown = []
        for index, cell in enumerate(header):
            name = cell.strip()
            if not name:
                self._unnamed.add(index)
            if name in names and name:
                self._error(f"the column {name} appears twice in the header row", row=1, field=name)
                names.append(None)
            elif name and name not in fields:
                unknown.append(name)
                names.append(None)
            else:
                names.append(name or None)
        if unknown:
            self._reporter.warning(
                f"column(s) not in the HSDS {self.table} table, ignored: {', '.join(unknown)}",
                file=self.label,
                row=1,
                kind="unknown columns",
            )
        for column in self._spec.columns:
            if column.required and column.name not in names:
                self.absent.add(column.name)
                self._error(
                    "this required column is missing from the header row",
                    row=1,
                    field=column.name,
                )
        return names

    def _ragged(self, cells: list[str], names: list[str | None], row: int) -> dict[str, str]:
        values = {}
        for index, cell in enumerate(cells):
            name = names[index] if index < len(names) else None
            if name:
                values[name] = cell
            elif cell.strip() and (index >= len(names) or index in self._unnamed):
                self._error(
                    f"a value in column {index + 1}, which has no name in the header row "
                    "(expected each column to be named by an HSDS field)",
                    row=row,
                    kind="unnamed column",
                )
        return values

    def _check_bytes(self, cells: list[str], names: list[str | None], row: int) -> None:
        for index, cell in enumerate(cells):
            bad = _first_escaped_byte(cell)
            if bad is not None:
                name = names[index] if index < len(names) else None
                self._error(
                    f"not UTF-8 text (byte 0x{bad:02X}); save the file as UTF-8",
                    row=row,
                    field=name,
                    kind="encoding",
                )

    def _error(
        self, message: str, *, row: int | None = None, field: str | None = None, kind: str = ""
    ) -> None:
        self._reporter.error(message, file=self.label, row=row, field=field, kind=kind)


def _first_escaped_byte(text: str) -> int | None:
    for char in text:
        if "\udc80" <= char <= "\udcff":
            return ord(char) - 0xDC00
    return None


def _is_utf8(file: _File) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    with file.open() as raw:
        while chunk := raw.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


class JsonTable(TableInput):
    def __init__(self, table: str, label: str, records: list[Record]) -> None:
        super().__init__(table, label, len(records))
        self._records = records
        self._done = 0

    def done(self) -> int:
        return self._done

    def records(self) -> Iterator[Record]:
        for record in self._records:
            self._done += 1
            yield record


def _json_directory(path: Path, reporter: Reporter) -> DirectoryInput:
    result = DirectoryInput(path.name)
    document = _load_json(path, reporter)
    if document is None:
        return result
    tables = hsds_json.flatten(document, path.name, reporter)
    result.tables = {
        table: JsonTable(table, path.name, records) for table, records in tables.items() if records
    }
    return result


def _load_json(path: Path, reporter: Reporter) -> Any:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reporter.error(
            f"not UTF-8 text (byte 0x{exc.object[exc.start]:02X} at offset {exc.start}); "
            "save the file as UTF-8",
            file=path.name,
            kind="encoding",
        )
        return None
    except OSError as exc:
        reporter.error(f"could not be read ({exc.strerror})", file=path.name, kind="read")
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        reporter.error(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            file=path.name,
            kind="json",
        )
        return None
