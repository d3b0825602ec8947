"""No stigmatizing words in anything a user may read.

Scans every text file under resources/ (rules, taxonomy, demo directory, schemas,
letters...) and every string literal in src/intake, and fails naming the file and line
of each. The only place the words may appear is this test's own list (tests/ is not
scanned). The field's guidance (NIDA, "Words Matter"): say "person who uses drugs",
"substance use", "return to use", "testing positive/negative"; not "addict", "abuser",
"junkie", "substance abuse", or "clean"/"dirty" for people or test results.
"""

import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

STIGMATIZING = re.compile(
    r"""\b(
        addicts? | abusers? | junkies? | junky
      | substance[ -]abuse | drug[ -]abuse | alcohol[ -]abuse
      | (clean|dirty) \s+
        (urine|ua|uas|drug\s+screens?|drug\s+tests?|tests?|screens?|tox\w*|samples?|time)
      | (tested|tests?|testing|came\s+back|screens?|screened|urine|ua) \s+
        (was\s+|is\s+)? (clean|dirty)
      | (stay|stays|stayed|staying|get|gets|got|getting|be|being|been|am|are|is|was|were)
        \s+ clean
      | clean \s+ and \s+ sober
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)


def findings(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        for match in STIGMATIZING.finditer(line):
            yield number, match.group(0)


def resource_texts() -> Iterator[tuple[Path, str]]:
    for path in sorted((REPO / "resources").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:
            continue  # binary (images, fonts)
        try:
            yield path, data.decode("utf-8")
        except UnicodeDecodeError:
            continue


def source_strings() -> Iterator[tuple[Path, int, str]]:
    """(file, line, text) of every string literal in src/intake."""
    for path in sorted((REPO / "src" / "intake").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.STRING:
                yield path, token.start[0], token.string


def test_the_word_list_catches_what_it_should() -> None:
    bad = [
        "an addict",
        "Drug abusers",
        "substance abuse treatment",
        "a clean urine test",
        "the UA came back dirty",
        "stay clean",
        "getting clean and sober",
        "junkie",
    ]
    good = [
        "person who uses drugs",
        "substance use",
        "return to use",
        "testing negative",
        "clean syringes and supplies",  # equipment, not people
        "addiction medicine",
        "SAMHSA National Helpline",
    ]
    assert all(list(findings(text)) for text in bad), [t for t in bad if not list(findings(t))]
    assert not [t for t in good if list(findings(t))]


def test_no_stigmatizing_words_in_resources() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}: {word!r}"
        for path, text in resource_texts()
        for line, word in findings(text)
    ]
    assert not found, "stigmatizing words (see domain guide, Words):\n" + "\n".join(found)


def test_no_stigmatizing_words_in_program_strings() -> None:
    found = [
        f"{path.relative_to(REPO)}:{start + offset}: {word!r}"
        for path, start, text in source_strings()
        for offset, word in ((n - 1, w) for n, w in findings(text))
    ]
    assert not found, "stigmatizing words (see domain guide, Words):\n" + "\n".join(found)


def test_the_scan_sees_the_rules_and_the_source() -> None:
    scanned = {path.relative_to(REPO).parts[:2] for path, _ in resource_texts()}
    assert ("resources", "rules") in scanned and ("resources", "taxonomy") in scanned
    assert sum(1 for _ in source_strings()) > 100
