"""How the faces are embedded: reportlab's subsets, a short name table, quick streams."""

import io
import random
import struct
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFace

from intake.letters import fonts
from intake.letters.embedding import KEPT_NAME_IDS, LetterFace, short_name_table
from intake.letters.flow import text_flowable
from intake.letters.layout import build_pdf, stylesheet
from intake.letters.model import DocInfo

INFO = DocInfo(title="t", subject="s", author="a", language="en", footer="Footer text.")


def _tables(font: bytes) -> dict[str, bytes]:
    count = struct.unpack_from(">H", font, 4)[0]
    tables = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack_from(">4sLLL", font, 12 + 16 * index)
        tables[tag.decode("latin-1")] = font[offset : offset + length]
    return tables


def _name_ids(table: bytes) -> set[int]:
    _, count, _ = struct.unpack_from(">HHH", table)
    return {struct.unpack_from(">6H", table, 6 + 12 * i)[3] for i in range(count)}


def _filters(ref: Any) -> list[str]:
    found = ref.get_object().get("/Filter")
    if found is None:
        return []
    return [str(f) for f in found] if isinstance(found, list) else [str(found)]


@pytest.mark.parametrize("name", [fonts.REGULAR, fonts.BOLD, fonts.ARABIC, fonts.CJK])
def test_subsets_are_byte_for_byte_reportlabs(name: str) -> None:
    face = fonts._register(name).face
    assert isinstance(face, LetterFace)
    codes = sorted(face.charToGlyph)
    rng = random.Random(name)
    for trial in range(25):
        # reportlab's first subset: 32 placeholders, printable ASCII, then what a text used
        subset = [0] * 32 + list(range(32, 127)) + rng.sample(codes, rng.randint(0, 120))
        if trial % 5 == 0:
            subset = rng.sample(codes, min(len(codes), 250))
        assert face.makeSubset(subset) == TTFontFace.makeSubset(face, subset), trial


def test_the_name_table_keeps_records_0_to_6_with_their_strings() -> None:
    face = fonts._register(fonts.REGULAR).face
    full = TTFontFace.get_table(face, "name")
    short = short_name_table(full)
    assert _name_ids(full) > KEPT_NAME_IDS and _name_ids(short) == KEPT_NAME_IDS
    assert len(short) < 1500 < 15_000 < len(full)  # the licence text (name 13) stays out
    assert "DejaVu Sans".encode("utf-16-be") in short and b"Version 2.37" in short


def test_a_name_table_it_does_not_know_is_kept_as_it_is() -> None:
    assert short_name_table(b"\x00\x01\x00\x00\x00\x06") == b"\x00\x01\x00\x00\x00\x06"
    assert short_name_table(b"\x00") == b"\x00"


def test_a_pdf_embeds_plain_subsets_and_compresses_its_text_streams() -> None:
    story = [text_flowable("Plain text, é and “quotes”.", stylesheet().body)]
    reader = PdfReader(io.BytesIO(build_pdf(story, INFO)))
    page = reader.pages[0]
    assert _filters(page["/Contents"]) == ["/FlateDecode"]
    embedded = 0
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        assert _filters(font["/ToUnicode"]) == ["/FlateDecode"]
        stream = font["/FontDescriptor"]["/FontFile2"].get_object()
        assert "/Filter" not in stream  # outlines hardly compress: stored as they are
        data = stream.get_data()
        assert data[:4] == b"\x00\x01\x00\x00" and stream["/Length1"] == len(data)
        assert _name_ids(_tables(data)["name"]) == KEPT_NAME_IDS
        widths = font["/Widths"]
        assert len(widths) == font["/LastChar"] - font["/FirstChar"] + 1
        face = fonts._register(str(font["/BaseFont"]).split("+", 1)[1]).face
        assert float(widths[ord("P")]) == pytest.approx(face.getCharWidth(ord("P")), abs=1e-3)
        embedded += 1
    assert embedded == 1
    text = " ".join(page.extract_text().split())
    assert "Plain text, é and “quotes”." in text and "Footer text." in text
