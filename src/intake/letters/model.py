"""What a letter says, decided before it is laid out: plain frozen dataclasses.

The compose step (provider.py, handout.py, accounting.py) decides what goes in, worded
in the letter's language; the render step (render.py) only lays it out. So the rules of
minimum necessary are tested on these objects, and the PDF tests check the layout.
All strings here are plain text: the renderer escapes every one of them.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Block:
    """A titled section: label/value rows, then paragraphs, then bullet points."""

    title: str
    rows: tuple[Row, ...] = ()
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    kind: str = ""  # the consent's information kind this block reveals; "" for none
    note: str = ""  # a smaller line under the title


@dataclass(frozen=True, slots=True)
class Letterhead:
    name: str
    address: str = ""
    phone: str = ""
    logo_path: str | None = None


@dataclass(frozen=True, slots=True)
class DocInfo:
    """PDF metadata and what every page's footer says."""

    title: str
    subject: str
    author: str  # the clinic
    language: str
    # The same in every document (layout keeps its line breaks): the short form of the
    # 42 CFR part 2 notice, or "" for none.
    footer: str = ""
    page_label: str = "Page {page} of {pages}"
    reference: str = ""  # e.g. "Reference 3F2A9C1B", printed in every footer


@dataclass(frozen=True, slots=True)
class Signature:
    closing: str  # "Sincerely,"
    signature_label: str
    date_label: str
    name: str
    credentials: str
    role: str
    clinic: str


@dataclass(frozen=True, slots=True)
class Slip:
    """The "referral received" return slip: its own last page, sent back to the clinic."""

    title: str
    heading: str
    return_to: str
    address_lines: tuple[str, ...]
    intro: str
    rows: tuple[Row, ...]
    status_title: str
    statuses: tuple[str, ...]
    blanks: tuple[str, ...]  # labels of lines to fill in: received by, signature, date...


@dataclass(frozen=True, slots=True)
class ProviderLetter:
    info: DocInfo
    letterhead: Letterhead
    confidential: str
    dateline: str
    recipient_title: str
    recipient_lines: tuple[str, ...]  # service name first
    subject: str
    intro: str
    blocks: tuple[Block, ...]  # the client, goals, and the sections the consent allows
    included_line: str
    closing: str
    signature: Signature
    consent: Block
    notice: Block
    slip: Slip
    included: tuple[str, ...]  # the consent's information kinds this letter holds
    reference: str


@dataclass(frozen=True, slots=True)
class Handout:
    info: DocInfo
    letterhead: Letterhead
    title: str
    prepared_for: str
    dateline: str
    intro: str
    goals: Block | None
    places_title: str
    places: tuple[Block, ...]
    safety: Block
    closing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccountingDoc:
    info: DocInfo
    letterhead: Letterhead
    title: str
    rows: tuple[Row, ...]  # client, record, printed on
    intro: str
    headers: tuple[str, ...]
    entries: tuple[tuple[str, ...], ...]
    empty: str
