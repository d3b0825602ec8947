"""How the TrueType faces are embedded in each PDF: the subset's name table and compression.

reportlab embeds, per document and face, a subset holding the glyphs the document uses,
plus the face's whole `name` table. In DejaVu Sans that table is 15.6 KB, 14.3 KB of it
the licence text (name 13) in two encodings: it doubled the font data every letter
compresses, for a table no viewer reads. So the subset's name table keeps what fontTools'
pyftsubset and HarfBuzz's hb-subset keep by default: records 0 to 6 (copyright, family,
style, unique id, full name, version, PostScript name). The licences ship beside the
fonts in resources/fonts/.

The subsets are embedded uncompressed: TrueType outlines (with their hinting programs)
hardly compress, 22 KB to 16 KB at zlib's default level and to 19 KB at its fastest, and
compressing them was a tenth of the time to make a letter. ToUnicode maps and page
contents are text and compress well; they use zlib's fastest level (TEXT_FLATE). A
three-page letter is about 54 KB (49 KB when reportlab compressed its subsets, name
tables and all).

`LetterFace.makeSubset` builds the same subset bytes as reportlab's, reading the face's
fixed tables and each glyph's composite references once rather than for every document.
"""

import contextlib
import struct
import zlib
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFont,
    TTFontFace,
    TTFontMaker,
    _set_ushort,
)

KEPT_NAME_IDS = frozenset(range(7))
_RECORD = struct.Struct(">6H")


def short_name_table(table: bytes) -> bytes:
    """A format-0 `name` table with only the KEPT_NAME_IDS records; others as they are."""
    if len(table) < 6:
        return table
    version, count, storage = struct.unpack(">HHH", table[:6])
    if version != 0 or len(table) < 6 + count * _RECORD.size:
        return table
    records = []
    strings = bytearray()
    for index in range(count):
        platform, encoding, language, name_id, length, offset = _RECORD.unpack_from(
            table, 6 + index * _RECORD.size
        )
        if name_id not in KEPT_NAME_IDS:
            continue
        records.append((platform, encoding, language, name_id, length, len(strings)))
        strings += table[storage + offset : storage + offset + length]
    header = struct.pack(">HHH", 0, len(records), 6 + len(records) * _RECORD.size)
    return header + b"".join(_RECORD.pack(*record) for record in records) + bytes(strings)


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    """Flate (zlib) at a chosen level and strategy; any Flate decoder reads it."""

    def __init__(self, level: int, strategy: int) -> None:
        self.level = level
        self.strategy = strategy

    def encode(self, text: bytes | str) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        packer = zlib.compressobj(self.level, zlib.DEFLATED, 15, 9, self.strategy)
        return packer.compress(data) + packer.flush()


# Page contents and ToUnicode maps at zlib's fastest level: about 40% larger than at its
# default (12 KB of page operators to 3.4 KB rather than 2.4 KB), in a quarter of the time.
TEXT_FLATE = _Flate(1, zlib.Z_DEFAULT_STRATEGY)


def quick_page_streams(doc: Any) -> None:
    """Give the document's pages their content streams, compressed with TEXT_FLATE.

    Call after the last page is shown and before saving: reportlab makes the same stream
    at save time (PDFPage.check_format), compressed at zlib's default level.
    """
    for page in doc.Pages.pages:
        if page.compression and not page.Contents and page.stream:
            stream = pdfdoc.PDFStream(content=page.stream, filters=[TEXT_FLATE])
            stream.__Comment__ = "page stream"
            page.Contents = stream


class LetterFace(TTFontFace):
    """A face whose subsets carry the short name table and are embedded uncompressed.

    `makeSubset` builds the same bytes as reportlab's (tests/letters/test_embedding.py
    compares them) with the face's fixed tables and each glyph's composite references
    read once, instead of re-reading them for every document.
    """

    short_name: bytes | None = None
    _parts: dict[int, tuple[tuple[int, int], ...]]  # set by LetterFont

    def get_table(self, tag: str) -> bytes:
        if tag == "name" and self.short_name is not None:
            return self.short_name
        table: bytes = super().get_table(tag)
        return table

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        reference = super().addSubsetObjects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if stream is not None:
            stream.filters = None  # as it is: outlines hardly compress (see above)
        return reference

    def makeSubset(self, subset: list[int]) -> bytes:
        """The TrueType subset holding the glyphs of `subset` (codes in subset order)."""
        glyph_map = [0]  # new glyph index -> glyph in the face
        glyph_set = {0: 0}  # glyph in the face -> new index
        cmap = []
        char_to_glyph = self.charToGlyph
        for code in subset:
            glyph = char_to_glyph.get(code, 0)
            new = glyph_set.get(glyph)
            if new is None:
                new = glyph_set[glyph] = len(glyph_map)
                glyph_map.append(glyph)
            cmap.append(new)
        number = 0
        parts_of = self._parts
        while number < len(glyph_map):  # and the glyphs composite glyphs are made of
            glyph = glyph_map[number]
            parts = parts_of.get(glyph)
            for _, part in self._read_parts(glyph) if parts is None else parts:
                if part not in glyph_set:
                    glyph_set[part] = len(glyph_map)
                    glyph_map.append(part)
            number += 1

        fixed = self._fixed_tables()
        output = TTFontMaker()
        for tag in ("name", "OS/2", "cvt ", "fpgm", "prep", "post"):
            if tag in fixed:
                output.add(tag, fixed[tag])
        metrics = self._metrics(glyph_map)
        output.add("hmtx", metrics[0])
        output.add("hhea", _set_ushort(fixed["hhea"], 34, metrics[1]))
        output.add("maxp", _set_ushort(fixed["maxp"], 4, len(glyph_map)))
        header = [0, 1, 1, 0, 0, 12, 6, 10 + len(subset) * 2, 0, 0, len(subset)]
        output.add("cmap", struct.pack(f">{len(header) + len(cmap)}H", *header, *cmap))
        glyf, offsets = self._glyphs(glyph_map, glyph_set)
        output.add("glyf", glyf)
        end = offsets[-1]
        if (end + 1) >> 1 > 0xFFFF:
            location_format = 1
            loca = struct.pack(f">{len(offsets)}L", *offsets)
        else:
            location_format = 0
            loca = struct.pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets))
        output.add("loca", loca)
        output.add("head", _set_ushort(fixed["head"], 50, location_format))
        return bytes(output.makeStream())

    def _fixed_tables(self) -> dict[str, bytes]:
        """The tables every subset copies (reportlab: name, OS/2, cvt, fpgm, prep as they
        are; post cut to its version-3 header) and those it patches (hhea, maxp, head)."""
        tables: dict[str, bytes] | None = self.__dict__.get("_fixed")
        if tables is None:
            tables = {}
            for tag in ("name", "OS/2", "cvt ", "fpgm", "prep", "hhea", "maxp", "head"):
                with contextlib.suppress(KeyError):  # cvt, fpgm and prep are optional
                    tables[tag] = bytes(self.get_table(tag))
            tables["post"] = b"\x00\x03\x00\x00" + self.get_table("post")[4:16] + b"\x00" * 16
            tables["glyf"] = bytes(self.get_table("glyf"))
            self.__dict__["_fixed"] = tables
        return tables

    def _metrics(self, glyph_map: list[int]) -> tuple[bytes, int]:
        """hmtx for the subset's glyphs, and its number of full metrics (as reportlab)."""
        hmetrics = self.hmetrics
        values: list[int] = []
        for glyph in glyph_map:
            advance, bearing = hmetrics[glyph]
            values += (int(advance), int(bearing))
        # Trailing glyphs of the same advance keep only their side bearings.
        end = len(values) - 2
        while end and values[end] == values[end - 2]:
            end -= 2
        end += 2
        values = values[:end] + values[end + 1 :: 2]
        return struct.pack(f">{len(values)}H", *values), end >> 1

    def _glyphs(self, glyph_map: list[int], glyph_set: dict[int, int]) -> tuple[bytes, list[int]]:
        """glyf for the subset (composite references renumbered, 4-byte aligned) and the
        offsets for loca."""
        data = self._fixed_tables()["glyf"]
        positions = self.glyphPos
        pieces: list[bytes] = []
        offsets: list[int] = []
        end = 0
        for glyph in glyph_map:
            offsets.append(end)
            start = positions[glyph]
            length = positions[glyph + 1] - start
            piece = data[start : start + length]
            parts = self._parts[glyph] if length > 2 else ()
            if parts:
                patched = bytearray(piece)
                for offset, part in parts:
                    struct.pack_into(">H", patched, offset, glyph_set[part])
                piece = bytes(patched)
            pieces.append(piece)
            end += length
            if end % 4:
                pieces.append(b"\0" * (4 - end % 4))
                end += 4 - end % 4
        offsets.append(end)
        return b"".join(pieces), offsets

    def _read_parts(self, glyph: int) -> tuple[tuple[int, int], ...]:
        """For a composite glyph, where each component's glyph index sits in it, and the
        index; () for a simple or empty glyph. Read once per glyph (kept in _parts)."""
        data = self._fixed_tables()["glyf"]
        start = self.glyphPos[glyph]
        if self.glyphPos[glyph + 1] - start < 2 or struct.unpack_from(">h", data, start)[0] >= 0:
            self._parts[glyph] = ()
            return ()
        parts = []
        offset = 10  # past numberOfContours and the bounding box
        flags = GF_MORE_COMPONENTS
        while flags & GF_MORE_COMPONENTS:
            flags, part = struct.unpack_from(">HH", data, start + offset)
            parts.append((offset + 2, part))
            offset += 8 if flags & GF_ARG_1_AND_2_ARE_WORDS else 6
            if flags & GF_WE_HAVE_A_SCALE:
                offset += 2
            elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
                offset += 4
            elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
                offset += 8
        found = self._parts[glyph] = tuple(parts)
        return found


class LetterFont(TTFont):
    """A TrueType font embedded as above, with its widths written in one go.

    reportlab writes each subset's /Widths as an array formatted number by number (about
    a tenth of writing a letter's PDF); here the array is formatted once, the same way.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        face = self.face
        # reportlab has read the names it needs from the full table while loading the face.
        short = short_name_table(face.get_table("name"))
        face.__class__ = LetterFace  # the loaded face, not a second load of the file
        face.short_name = short
        face._parts = {}

    def addObjects(self, doc: Any) -> None:
        fonts = doc.idToObject["BasicFonts"].dict
        before = set(fonts)
        super().addObjects(doc)
        for name in set(fonts) - before:
            pdf_font = fonts[name]
            widths = getattr(pdf_font, "Widths", None)
            if isinstance(widths, pdfdoc.PDFArray) and widths.sequence:
                pdf_font.Widths = b"[ " + fp_str(*widths.sequence).encode("ascii") + b" ]"
            to_unicode = getattr(pdf_font, "ToUnicode", None)
            cmap = doc.idToObject.get(getattr(to_unicode, "name", None))
            if isinstance(cmap, pdfdoc.PDFStream) and cmap.filters:
                cmap.filters = [TEXT_FLATE]
