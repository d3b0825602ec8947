"""The details pane's HTML: directory text escaped, the facts a counselor needs, and all of
it in Spanish when the interface is."""

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser

from intake.directory.snapshot import Place, ServiceView
from intake.gui import i18n
from intake.gui.service_details import details_html
from intake.taxonomy_i18n import load_taxonomy_texts

TODAY = dt.date(2026, 11, 23)

# Every English heading and phrase the pane may show; none may be left in Spanish.
ENGLISH_WORDS = (
    "Services offered", "Who can come", "How it works", "Languages", "Cost", "Where",
    "Contact", "Hours", "How to get in", "Other classifications", "Last verified",
    "Alert:", "Only for", "Ages", "All ages", "Up to age", "Call for address",
    "Getting there", "Wait time", "Not recorded", "out of date", "This service",
    "Status:", "English", "Spanish", "September", "February",
)  # fmt: skip


@pytest.fixture
def spanish() -> Iterator[None]:
    assert i18n.install("es")
    yield
    i18n.uninstall()


def shown_text(html: str) -> str:
    """What a reader sees: the HTML rendered as Qt renders it, as plain text."""
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_markup_in_the_directory_shows_literally(snapshot, taxonomy) -> None:
    html = details_html(snapshot.get("svc-markup"), taxonomy, TODAY)
    text = shown_text(html)
    assert "<b>x</b>" in text
    assert "<i>Org</i> & Co" in text
    assert "<script>alert('hi')</script>" in text
    assert "<img src=x>Closed Friday" in text
    assert "<b>x</b>" not in html and "<script>" not in html and "<img" not in html


def test_details_show_types_hours_contact_and_place(snapshot, taxonomy) -> None:
    text = shown_text(details_html(snapshot.get("svc-syringe"), taxonomy, TODAY))
    for expected in (
        "Northside Syringe Services",
        "Harm Reduction Collective",
        "Syringe services",
        taxonomy.terms["harm_reduction.naloxone"].description,
        "Walk-in",
        "Free",
        "English, Spanish",
        "12 Main St, Billings, MT 59101",
        "+1 406 555 0101",
        "Mon-Fri 10:00-18:00",
        "September 1, 2026",
        "All ages",
    ):
        assert expected in text, expected
    assert "out of date" not in text


def test_confidential_address_stale_listing_and_requirements(snapshot, taxonomy) -> None:
    text = shown_text(details_html(snapshot.get("svc-housing"), taxonomy, TODAY))
    assert "Call for address" in text
    assert "may be out of date" in text
    assert "Requires not using" in text
    assert "Only for: Women" in text
    assert "Ages 18 and up" in text
    assert "Call for a phone screening" in text


def test_a_listing_never_verified_is_flagged(snapshot, taxonomy) -> None:
    text = shown_text(details_html(snapshot.get("svc-smart"), taxonomy, TODAY))
    assert "Not recorded" in text and "may be out of date" in text


def test_status_is_flagged(snapshot, taxonomy) -> None:
    text = shown_text(details_html(snapshot.get("svc-meeting"), taxonomy, TODAY))
    assert "temporarily closed" in text
    assert "Only for use of: Alcohol" in text


def test_only_web_addresses_become_links(snapshot, taxonomy) -> None:
    assert '<a href="https://example.org/syringe">' in details_html(
        snapshot.get("svc-syringe"), taxonomy, TODAY
    )
    clinic = details_html(snapshot.get("svc-clinic"), taxonomy, TODAY)
    assert "<a " not in clinic
    assert "javascript:alert(1)" in shown_text(clinic)
    assert "Sliding scale: 0-40 USD" in shown_text(clinic)
    assert "Accepts Medicaid" in shown_text(clinic)


def test_cost_lines_are_not_repeated_and_hours_are_one_a_line(taxonomy) -> None:
    repeated = ServiceView(
        id="svc-free",
        name="Free clinic",
        codes=frozenset({"payment.free"}),
        costs=("Free", "free"),
        fees_description="Free",
        schedule="Saturday, 12 pm to 4 pm; Monday to Friday, 10 am to 6 pm",
    )
    html = details_html(repeated, taxonomy, TODAY)
    assert html.count("<li>Free</li>") == 1
    assert "Saturday, 12 pm to 4 pm<br>Monday to Friday, 10 am to 6 pm" in html


# -- the Spanish interface ---------------------------------------------------------------

EVERYTHING = ServiceView(
    id="svc-all",
    name="Centro Todo",
    codes=frozenset(
        {
            "harm_reduction.naloxone",
            "population.women",
            "substance.opioids",
            "requirement.abstinence",
            "approach.walk_in",
            "format.online",
            "payment.medicaid",
        }
    ),
    organization_name="Org",
    status="inactive",
    alert="Closed Friday",
    minimum_age=18,
    maximum_age=64,
    languages=("en", "es", "asl", "zz"),
    places=(Place("p", "Main", "12 Main St", transportation="Bus 4"),),
    wait_time="2 weeks",
    assured_date="2025-02-03",
)


def english_left(text: str) -> list[str]:
    return [word for word in ENGLISH_WORDS if re.search(rf"\b{re.escape(word)}(?!\w)", text)]


def test_the_whole_pane_is_spanish(spanish, taxonomy) -> None:
    text = shown_text(details_html(EVERYTHING, taxonomy, TODAY))
    for expected in (
        "Este servicio está inactivo",
        "Aviso: Closed Friday",  # the directory's own words stay as written
        "Servicios que ofrece",
        "Naloxona (Narcan): Naloxona gratis o de bajo costo",
        "Quién puede ir",
        "De 18 a 64 años",
        "Solo para: Mujeres",
        "Solo para el consumo de: Opioides",
        "Exige no consumir: Este servicio pide",
        "Cómo funciona",
        "Sin cita: No necesita cita",
        "En línea: Por video",
        "Idiomas",
        "Inglés, Español, Lengua de señas americana, zz",
        "Costo",
        "Acepta Medicaid",
        "Dónde",
        "Cómo llegar: Bus 4",
        "Tiempo de espera: 2 weeks",
        "Última verificación",
        "3 de febrero de 2025: hace más de un año",
    ):
        assert expected in text, expected
    assert english_left(text) == []


def test_no_taxonomy_label_stays_english(spanish, taxonomy) -> None:
    """Every code at once: each label shown is the Spanish file's, none the English one."""
    every = ServiceView(id="svc-every", name="x", codes=frozenset(taxonomy.terms))
    text = shown_text(details_html(every, taxonomy, TODAY))
    spanish_texts = load_taxonomy_texts("es").texts
    shown = [code for code in taxonomy.terms if spanish_texts[code].label in text]
    # Types, requirements, approaches and formats show label and description; populations,
    # substances and payments their labels.
    assert len(shown) == len(taxonomy.terms)
    for code, term in taxonomy.terms.items():
        if term.group in ("population", "substance", "payment"):
            continue
        assert spanish_texts[code].description in text, code
        assert term.description not in text, code


def test_other_notices_in_spanish(spanish, taxonomy, snapshot) -> None:
    housing = shown_text(details_html(snapshot.get("svc-housing"), taxonomy, TODAY))
    assert "Llame para pedir la dirección" in housing and "Desde los 18 años" in housing
    smart = shown_text(details_html(snapshot.get("svc-smart"), taxonomy, TODAY))
    assert "Sin fecha: es posible que esta información esté desactualizada." in smart
    meeting = shown_text(details_html(snapshot.get("svc-meeting"), taxonomy, TODAY))
    assert "Este servicio está cerrado temporalmente." in meeting
    assert "Solo para el consumo de: Alcohol" in meeting
    syringe = shown_text(details_html(snapshot.get("svc-syringe"), taxonomy, TODAY))
    assert "Todas las edades" in syringe and "1 de septiembre de 2026" in syringe
    odd = ServiceView(id="o", name="o", status="pending", maximum_age=17)
    odd_text = shown_text(details_html(odd, taxonomy, TODAY))
    assert "Estado: pending." in odd_text and "Hasta los 17 años" in odd_text
    for text in (housing, smart, meeting, syringe, odd_text):
        assert english_left(text) == []


def test_english_again_after_spanish(taxonomy, snapshot) -> None:
    assert i18n.install("es")
    i18n.uninstall()
    text = shown_text(details_html(snapshot.get("svc-syringe"), taxonomy, TODAY))
    assert "Syringe services" in text and "English, Spanish" in text and "Servicios" not in text
    assert {"Services offered", "English", "September"} <= set(english_left(text))  # it can fail


def test_screenshot_of_the_spanish_pane(qtbot, spanish, taxonomy, snapshot, screenshot) -> None:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(520, 900)
    browser.setHtml(details_html(EVERYTHING, taxonomy, TODAY))
    browser.show()
    qtbot.waitExposed(browser)
    screenshot(browser, "service_details_spanish")
    browser.setHtml(details_html(snapshot.get("svc-syringe"), taxonomy, TODAY))
    screenshot(browser, "service_details_spanish_syringe")
    assert "Servicios que ofrece" in browser.toPlainText()
