"""The details pane's HTML: directory text escaped, and the facts a counselor needs."""

import datetime as dt

from PySide6.QtGui import QTextDocument

from intake.directory.snapshot import ServiceView
from intake.gui.service_details import details_html

TODAY = dt.date(2026, 11, 23)


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
