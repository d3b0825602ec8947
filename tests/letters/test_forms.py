"""Signature and blank lines: the room and the rules of the Tables they replace."""

import io

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from intake.letters import fonts, layout
from intake.letters.flow import text_flowable
from intake.letters.forms import BlankLines, SignatureLines
from intake.letters.layout import stylesheet

STYLES = stylesheet()
WIDTH = layout.text_width("letter")


def _para(text: str, style_name: str) -> Paragraph:
    return Paragraph(fonts.markup(text), getattr(STYLES, style_name))


@pytest.mark.parametrize(
    "signature, date",
    [("Signature", "Date"), ("Firma del consejero o de la consejera a cargo", "Fecha")],
)
def test_signature_lines_take_the_room_of_their_table(signature: str, date: str) -> None:
    table = Table(
        [["", "", ""], [_para(signature, "muted"), "", _para(date, "muted")]],
        colWidths=[WIDTH * 0.5, WIDTH * 0.08, WIDTH * 0.25],
        rowHeights=[12 * mm, None],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        ),
    )
    lines = SignatureLines(
        text_flowable(signature, STYLES.muted), text_flowable(date, STYLES.muted), WIDTH, layout.INK
    )
    assert lines.wrap(WIDTH, 1000) == pytest.approx(table.wrap(WIDTH, 1000))


def test_blank_lines_take_the_room_of_their_table_and_split_between_rows() -> None:
    labels = ["Received by (name)", "Signature", "Date", "Phone"]
    table = Table(
        [[_para(label, "label"), ""] for label in labels],
        colWidths=[WIDTH * 0.3, WIDTH * 0.7],
        rowHeights=[9 * mm] * len(labels),
    )
    blanks = BlankLines([text_flowable(x, STYLES.label) for x in labels], WIDTH, layout.INK)
    assert blanks.wrap(WIDTH, 1000) == pytest.approx(table.wrap(WIDTH, 1000))
    head, tail = blanks.split(WIDTH, 9 * mm * 2.5)
    assert [len(head.labels), len(tail.labels)] == [2, 2]
    assert blanks.split(WIDTH, 9 * mm * 0.5) == []


def test_each_blank_has_its_line() -> None:
    labels = ["Received by (name)", "Signature", "Date"]
    canvas = Canvas(io.BytesIO())
    blanks = BlankLines([text_flowable(x, STYLES.label) for x in labels], WIDTH, layout.INK)
    blanks.wrap(WIDTH, 1000)
    blanks.drawOn(canvas, 0, 0)
    code = " ".join(canvas._code)
    assert code.count(" l S") == len(labels) and code.count("Tj") == len(labels)
