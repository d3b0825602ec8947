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


# The same in Spanish, for the Spanish files (the taxonomy's Spanish, the interface's .ts):
# say "persona que usa drogas", "consumo de sustancias", "volver a consumir"; not
# "adicto", "drogadicto", "toxicómano", "yonqui", "abuso de sustancias", or "limpio"/"sucio"
# for people or test results ("material limpio" for supplies is fine).
STIGMATIZING_ES = re.compile(
    r"""\b(
        (drog)?adict[oa]s? | toxic[oó]man[oa]s? | yonqu?k?i(s|es)?
      | abus(o|ador|adora|adores|adoras) \s+ de \s+ (sustancias|drogas|alcohol)
      | (prueba|pruebas|an[aá]lisis|orina|muestra|muestras|examen|ex[aá]menes|resultados?)
        \s+ (de \s+ \w+ \s+)? (limpi|suci)[oa]s?
      | (sali[oó]|salieron|dio|dieron|result[oó]) \s+ (limpi|suci)[oa]s?
      | (estar|est[aá]|est[aá]n|estaba|estoy|estuvo|sigue|seguir|siga|mantenerse|se \s+ mantiene
         |mantenerte|quedarse|ponerse|se \s+ puso)
        \s+ (limpi|suci)[oa]s?
      | limpi[oa]s? \s+ y \s+ sobri[oa]s?
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)


def findings(text: str, words: re.Pattern[str] = STIGMATIZING) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        for match in words.finditer(line):
            yield number, match.group(0)


def spanish_texts() -> Iterator[tuple[Path, str]]:
    """Files written in Spanish: `<name>.es.<ext>`, the interface's `*_es.ts` and the
    rules' `translations/es.toml`."""
    for path, text in resource_texts():
        if ".es." in path.name or path.name.endswith("_es.ts") or path.name == "es.toml":
            yield path, text


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


def test_the_spanish_word_list_catches_what_it_should() -> None:
    bad = [
        "un adicto",
        "Drogadictos",
        "los toxicómanos",
        "un yonqui",
        "tratamiento del abuso de sustancias",
        "una prueba de orina limpia",
        "el análisis salió sucio",
        "mantenerse limpio",
        "estar limpia y sobria",
        "sigue limpio desde enero",
    ]
    good = [
        "persona que usa drogas",
        "consumo de sustancias",
        "volver a consumir",
        "la prueba dio negativo",
        "jeringas y material limpio",
        "Limpieza y cuidado de heridas",
        "medicina de las adicciones",
    ]
    missed = [t for t in bad if not list(findings(t, STIGMATIZING_ES))]
    assert not missed, missed
    assert not [t for t in good if list(findings(t, STIGMATIZING_ES))]


def test_no_stigmatizing_words_in_spanish() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}: {word!r}"
        for path, text in spanish_texts()
        for line, word in findings(text, STIGMATIZING_ES)
    ]
    assert not found, "stigmatizing words in Spanish (see domain guide, Words):\n" + "\n".join(
        found
    )


def test_the_spanish_scan_sees_the_taxonomy_the_rules_and_the_interface() -> None:
    names = {path.name for path, _ in spanish_texts()}
    assert {"intake.es.toml", "es.toml", "intake_es.ts"} <= names
