"""Fonts with per-character fallback, escaping, and the letter texts as data."""

import io
import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Paragraph, SimpleDocTemplate

from intake.letters import fonts
from intake.letters.layout import stylesheet
from intake.letters.notice import load_notice
from intake.letters.texts import available_languages, choose_language, load_texts
from intake.paths import resource_path


def test_each_script_gets_a_face_that_has_it() -> None:
    assert fonts.faces_used("Zoë Nguyễn") == {fonts.REGULAR}
    assert fonts.faces_used("王芳") == {fonts.CJK}
    assert fonts.faces_used("سارة") == {fonts.ARABIC}
    assert fonts.faces_used("王", bold=True) == {fonts.CJK}  # Droid has no bold
    assert fonts.faces_used("سارة", bold=True) == {fonts.ARABIC_BOLD}


def test_markup_escapes_and_wraps_only_the_fallback_runs() -> None:
    out = fonts.markup("Zoë <b>& 王芳\nnext")
    assert out == 'Zoë &lt;b&gt;&amp; <font name="DroidSansFallback">王芳<br/></font>next'


def test_control_characters_are_dropped() -> None:
    assert fonts.markup("a\x00b\x1bc\td") == "abc d"


def test_every_font_file_and_licence_is_shipped() -> None:
    folder = resource_path("fonts")
    for name in fonts.FILES.values():
        assert (folder / name).read_bytes()[:4] == b"\x00\x01\x00\x00", name  # TrueType
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for licence in ("LICENSE-DejaVu.txt", "LICENSE-Noto-OFL-1.1.txt", "LICENSE-Apache-2.0.txt"):
        assert (folder / licence).is_file() and licence in readme


def _extracted(text: str) -> str:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, initialFontName=fonts.REGULAR)
    doc.build([Paragraph(fonts.markup(text), stylesheet().body)])
    page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    return " ".join(page.split())


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("abcXYZ019 <>&;\"'/=éñüễỗđ王芳李明ÀÇ-.,")),
        min_size=1,
        max_size=40,
    ).filter(lambda s: s.strip())
)
def test_any_text_prints_as_typed(text: str) -> None:
    """Markup characters, accents and CJK all come back out of the PDF unchanged."""
    assert _extracted(text) == " ".join(text.split())


def _keys(data: dict[str, Any], prefix: str = "") -> set[str]:
    keys = set()
    for key, value in data.items():
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
        else:
            keys.add(f"{prefix}{key}")
    return keys


def _raw(language: str) -> dict[str, Any]:
    return tomllib.loads(resource_path("letters", f"{language}.toml").read_text(encoding="utf-8"))


def test_spanish_has_every_english_text_translated() -> None:
    assert _keys(_raw("es")) == _keys(_raw("en"))
    en, es = load_texts("en"), load_texts("es")
    untranslated = sorted(
        key for key in en.names() if es.get(key) == en.get(key) != "" and key not in SAME_IN_BOTH
    )
    assert not untranslated, untranslated


SAME_IN_BOTH = {
    "common.no",
    "common.list_separator",
    "substances.alcohol",
    "substances.cannabis",
    "insurance.medicaid",
    "insurance.medicare",
    "insurance.va",
    "provider.contact",
}


def test_texts_format_dates_per_language() -> None:
    from datetime import date

    day = date(2026, 11, 23)
    assert load_texts("en").date(day) == "November 23, 2026"
    assert load_texts("es").date(day) == "23 de noviembre de 2026"


def test_languages_available_and_chosen() -> None:
    assert {"en", "es"} <= set(available_languages())
    assert choose_language(["ES", "en"]) == "es"
    assert choose_language(["vi"]) == "en"
    assert choose_language(None) == "en"
    assert load_texts("xx").language == "en"


def test_the_notice_is_versioned_data_with_its_source() -> None:
    notice = load_notice()
    assert notice.version and notice.source
    assert "eCFR" in notice.verify
    assert notice.full.startswith("This record which has been disclosed to you is protected")
    assert notice.full.endswith("(see 42 CFR 2.31).")
    assert (
        notice.short == "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
    )
