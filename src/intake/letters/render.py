"""Laying out composed letters as PDF bytes: pure functions, no files, no database.

    pdf = render_provider_letter(letter, paper="a4")
    pdf = render_handout(handout, paper="letter")
    pdf = render_accounting(accounting)

Every string goes through `_text`: plain text in the style's own face becomes a quick
TextBlock (flow.py); anything else reaches Paragraph through `fonts.markup`, which escapes
it and picks a face per character.
"""

import logging
from collections.abc import Iterable

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from intake.letters import fonts, layout
from intake.letters.flow import Rows, text_flowable
from intake.letters.forms import BlankLines, SignatureLines
from intake.letters.layout import Styles, build_pdf, stylesheet, text_width
from intake.letters.model import AccountingDoc, Block, Handout, Letterhead, ProviderLetter, Row

log = logging.getLogger(__name__)

mm = layout.mm
CHECKBOX = "☐"


def render_provider_letter(
    letter: ProviderLetter, *, paper: str = "letter", invariant: bool = False
) -> bytes:
    styles = stylesheet()
    width = text_width(paper)
    story: list[Flowable] = [*_letterhead(letter.letterhead, styles, width)]
    story += [
        _text(letter.confidential, styles.banner),
        _text(letter.dateline, styles.body),
        Spacer(1, 3 * mm),
        _text(letter.recipient_title, styles.label, bold=True),
        *[
            _text(line, styles.tight if i else styles.label)
            for i, line in enumerate(letter.recipient_lines)
        ],
        Spacer(1, 3 * mm),
        _text(letter.subject, styles.heading, bold=True),
        _text(letter.intro, styles.body),
    ]
    for block in letter.blocks:
        story += _block(block, styles, width)
    story += [Spacer(1, 2 * mm), _text(letter.included_line, styles.muted)]
    story += [_text(letter.closing, styles.body)]
    story.append(_signature(letter, styles, width))
    story += _block(letter.consent, styles, width)
    story.append(CondPageBreak(40 * mm))
    story += _block(letter.notice, styles, width, paragraph_style=styles.notice, fixed=True)
    story += _slip(letter, styles, width)
    return build_pdf(story, letter.info, paper=paper, invariant=invariant)


def render_handout(handout: Handout, *, paper: str = "letter", invariant: bool = False) -> bytes:
    styles = stylesheet(large=True)
    width = text_width(paper)
    story: list[Flowable] = [*_letterhead(handout.letterhead, styles, width)]
    story += [
        _text(handout.title, styles.title, bold=True),
        _text(handout.prepared_for, styles.body),
        _text(handout.dateline, styles.muted),
        _text(handout.intro, styles.body),
    ]
    if handout.goals is not None:
        story += _block(handout.goals, styles, width)
    # The heading goes in the first place's group: a heading may not be kept with a group
    # (reportlab's rule), and alone it could end a page with its places on the next.
    places = [_place(place, styles, width) for place in handout.places]
    heading = _text(handout.places_title, styles.heading, bold=True)
    if places:
        places[0] = [heading, *places[0]]
    else:
        story.append(heading)
    story += [KeepTogether(place) for place in places]
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether(_boxed(handout.safety, styles, width)))
    story.append(Spacer(1, 4 * mm))
    story += [_text(line, styles.body) for line in handout.closing]
    return build_pdf(story, handout.info, paper=paper, invariant=invariant)


def render_accounting(
    doc: AccountingDoc, *, paper: str = "letter", invariant: bool = False
) -> bytes:
    styles = stylesheet()
    width = text_width(paper)
    story: list[Flowable] = [*_letterhead(doc.letterhead, styles, width)]
    story.append(_text(doc.title, styles.title, bold=True))
    story.append(_rows(doc.rows, styles, width))
    story.append(_text(doc.intro, styles.body))
    if not doc.entries:
        story.append(_text(doc.empty, styles.body))
        return build_pdf(story, doc.info, paper=paper, invariant=invariant)
    small = styles.small
    header = [_text(h, small, bold=True) for h in doc.headers]
    body = [[_text(cell, small) for cell in entry] for entry in doc.entries]
    shares = (0.12, 0.19, 0.20, 0.14, 0.12, 0.10, 0.13)
    table = Table([header, *body], colWidths=[width * s for s in shares], repeatRows=1)
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, layout.INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, layout.RULE),
                ("BACKGROUND", (0, 0), (-1, 0), layout.SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story.append(table)
    return build_pdf(story, doc.info, paper=paper, invariant=invariant)


# -- parts ------------------------------------------------------------------------------


_text = text_flowable  # every string of a document is set through this


def _table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """Every table names the embedded font: reportlab's default cell font is Helvetica,
    which would otherwise be referenced (unembedded) by the PDF."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def _letterhead(head: Letterhead, styles: Styles, width: float) -> list[Flowable]:
    lines: list[Flowable] = []
    if head.name:
        lines.append(_text(head.name, styles.clinic, bold=True))
    for line in (head.address, head.phone):
        if line:
            lines.append(_text(line, styles.muted))
    logo = _logo(head.logo_path)
    if logo is None and not lines:
        return []
    if logo is None:
        top: Flowable = KeepTogether(lines)
    else:
        top = Table(
            [[logo, lines]],
            colWidths=[logo.drawWidth + 5 * mm, width - logo.drawWidth - 5 * mm],
            style=_table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
    rule = HRFlowable(
        width="100%", thickness=0.8, color=layout.RULE, spaceBefore=2 * mm, spaceAfter=4 * mm
    )
    return [top, rule]


def _logo(path: str | None) -> Image | None:
    if not path:
        return None
    try:
        reader = ImageReader(path)
        w, h = reader.getSize()
    except Exception:  # a missing or unreadable logo must not stop a letter
        log.warning("the clinic logo could not be read; letters print without it")
        return None
    scale = min(layout.LOGO_MAX_HEIGHT / h, layout.LOGO_MAX_WIDTH / w)
    return Image(path, width=w * scale, height=h * scale)


def _rows(rows: Iterable[Row], styles: Styles, width: float) -> Rows:
    share = layout.LABEL_COLUMN_SHARE
    cells = [(_text(r.label, styles.label, bold=True), _text(r.value, styles.body)) for r in rows]
    return Rows(cells, (width * share, width * (1 - share)))


def _block(
    block: Block,
    styles: Styles,
    width: float,
    *,
    paragraph_style: ParagraphStyle | None = None,
    fixed: bool = False,
) -> list[Flowable]:
    """The block's title, note, rows, paragraphs and bullets; `fixed`: its paragraphs are
    the same in every letter (the §2.32 notice), so their line breaks may be kept."""
    style = paragraph_style if paragraph_style is not None else styles.body
    out: list[Flowable] = [_text(block.title, styles.heading, bold=True)]
    if block.note:
        out.append(_text(block.note, styles.muted))
    if block.rows:
        # The heading keeps with the first rows only, so a long section flows on to the
        # next page instead of leaving a gap.
        out.append(_rows(block.rows[:2], styles, width))
        if block.rows[2:]:
            out.append(_rows(block.rows[2:], styles, width))
    out += [_text(p, style, fixed=fixed) for p in block.paragraphs]
    out += [_text(b, styles.bullet, bullet="•") for b in block.bullets]
    return out


def _place(block: Block, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [_text(block.title, styles.heading, bold=True)]
    if block.note:
        out.append(_text(block.note, styles.muted))
    if block.rows:
        out.append(_rows(block.rows, styles, width))
    out += [_text(b, styles.bullet, bullet="•") for b in block.bullets]
    out.append(HRFlowable(width="100%", thickness=0.4, color=layout.RULE, spaceBefore=2 * mm))
    return out


def _boxed(block: Block, styles: Styles, width: float) -> list[Flowable]:
    inner: list[Flowable] = [_text(block.title, styles.heading, bold=True)]
    inner += [_text(p, styles.body) for p in block.paragraphs]
    for row in block.rows:  # stacked: long labels in a narrow column would be too tall
        inner.append(_text(row.label, styles.label, bold=True))
        inner.append(_text(row.value, styles.bullet))
    box = Table([[inner]], colWidths=[width])
    box.setStyle(
        _table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, layout.INK),
                ("BACKGROUND", (0, 0), (-1, -1), layout.SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return [box]


def _signature(letter: ProviderLetter, styles: Styles, width: float) -> Flowable:
    sig = letter.signature
    lines = SignatureLines(
        _text(sig.signature_label, styles.muted),
        _text(sig.date_label, styles.muted),
        width,
        layout.INK,
    )
    parts: list[Flowable] = [_text(sig.closing, styles.body), lines]
    name = ", ".join(part for part in (sig.name, sig.credentials) if part)
    if name:
        parts.append(_text(name, styles.tight, bold=True))
    role = " · ".join(part for part in (sig.role, sig.clinic) if part)
    if role:
        parts.append(_text(role, styles.muted))
    return KeepTogether(parts)


def _slip(letter: ProviderLetter, styles: Styles, width: float) -> list[Flowable]:
    slip = letter.slip
    out: list[Flowable] = [
        PageBreak(),
        _text(f"✂ {'- ' * 20}{slip.heading}{' -' * 20}", styles.muted),
        _text(slip.title, styles.title, bold=True),
        _text(slip.return_to, styles.body, bold=True),
        *[_text(line, styles.body) for line in slip.address_lines],
        _text(slip.intro, styles.muted),
        Spacer(1, 2 * mm),
        _rows(slip.rows, styles, width),
        _text(slip.status_title, styles.heading, bold=True),
    ]
    out += [_text(f"{CHECKBOX}  {status}", styles.body) for status in slip.statuses]
    out.append(Spacer(1, 4 * mm))
    blanks = [_text(label, styles.label, bold=True) for label in slip.blanks]
    out.append(BlankLines(blanks, width, layout.INK))
    return out
