"""Finding the line of a key or a value in a TOML file, for messages an administrator can act on.

tomllib reports the line of a syntax error but keeps no positions for the values it
reads, so semantic errors ("unknown intake field") are placed by looking for the key or
the value inside the lines of the table or [[entry]] they belong to.
"""

import re
from dataclasses import dataclass

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")


@dataclass(frozen=True, slots=True)
class _Header:
    line: int  # 1-based
    name: str
    is_array: bool


class Locator:
    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [
            _Header(n, m.group(2).replace('"', "").replace("'", ""), m.group(1) == "[[")
            for n, line in enumerate(self.lines, start=1)
            if (m := _HEADER.match(line))
        ]

    def span(self, section: str | None, index: int | None = None) -> tuple[int, int]:
        """First and last line of a [section] (or its index-th [[section]] entry), with its
        sub-tables; the lines before any header for section None."""
        if section is None:
            end = self.headers[0].line - 1 if self.headers else len(self.lines)
            return 1, end
        matching = [h for h in self.headers if h.name == section and (index is None or h.is_array)]
        position = index or 0
        if position >= len(matching):
            return 1, len(self.lines)
        start = matching[position].line
        end = len(self.lines)
        for header in self.headers:
            if header.line > start and not header.name.startswith(section + "."):
                end = header.line - 1
                break
        return start, end

    def line_of(
        self,
        section: str | None,
        index: int | None = None,
        *,
        key: str | None = None,
        needle: str | None = None,
    ) -> int | None:
        """The line holding `needle` (else `key = `) inside the section; else the header's
        line; None when nothing fits."""
        start, end = self.span(section, index)
        if needle:
            for n in range(start, end + 1):
                if needle in _code_part(self.lines[n - 1]):
                    return n
        if key:
            pattern = re.compile(rf"(^|[\s{{,]){re.escape(key)}\s*=")
            for n in range(start, end + 1):
                if pattern.search(_code_part(self.lines[n - 1])):
                    return n
        if section is not None and start <= len(self.lines):
            return start
        return None


def _code_part(line: str) -> str:
    """The line without a trailing comment (a # inside quotes is kept)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[:i]
    return line
