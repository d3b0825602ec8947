"""A service's details as HTML for a QTextBrowser.

Every string from the directory or the taxonomy goes through `escape()` before it is
placed in markup: a listing named `<b>x</b>` shows those characters, never bold text.
"""

import datetime as dt
from html import escape
from urllib.parse import urlsplit

from intake.directory.snapshot import Place, ServiceView
from intake.gui.directory_labels import Vocabulary, language_codes, language_name
from intake.taxonomy import IntakeTaxonomy

STALE_AFTER = dt.timedelta(days=365)

_STATUS_NOTICE = {
    "inactive": "This service is inactive: check with them before referring.",
    "defunct": "This service is no longer offered.",
    "temporarily closed": "This service is temporarily closed.",
}
_NOTICE = (
    '<table width="100%" cellpadding="6" style="background-color:#fff4ce; color:#3d2e00; '
    'margin-bottom:6px"><tr><td>{}</td></tr></table>'
)
_SECTION = '<h3 style="margin-top:12px; margin-bottom:2px">{}</h3>{}'


def details_html(service: ServiceView, taxonomy: IntakeTaxonomy, today: dt.date) -> str:
    words = Vocabulary(taxonomy)
    parts = [f"<h2>{escape(service.name)}</h2>"]
    if service.organization_name:
        parts.append(f"<p>{escape(service.organization_name)}</p>")
    if service.status != "active":
        notice = _STATUS_NOTICE.get(service.status, f"Status: {service.status}.")
        parts.append(_NOTICE.format(f"<b>{escape(notice)}</b>"))
    if service.alert:
        parts.append(_NOTICE.format(f"<b>Alert:</b> {escape(service.alert)}"))
    if service.description:
        parts.append(_paragraphs(service.description))
    parts += [
        _section("Services offered", _types(service, words)),
        _section("Who can come", _eligibility(service, words)),
        _section("How it works", _approach(service, words)),
        _section("Languages", escape(", ".join(map(language_name, language_codes(service))))),
        _section("Cost", _cost(service, words)),
        _section("Where", "".join(_place(place) for place in service.places)),
        _section("Contact", _contact(service)),
        _section("Hours", _lines(service.schedule.split("; "))),
        _section("How to get in", _getting_in(service)),
        _section("Other classifications", escape(", ".join(service.other_terms))),
        _section("Last verified", _verified(service.assured_date, today)),
    ]
    return "".join(parts)


def _section(title: str, body: str) -> str:
    return _SECTION.format(escape(title), body) if body else ""


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def _lines(lines: list[str]) -> str:
    return "<br>".join(escape(line) for line in lines if line.strip())


def _list(items: list[str]) -> str:
    """Items already escaped, as a bulleted list."""
    if not items:
        return ""
    return "<ul style='margin-top:0'>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _types(service: ServiceView, words: Vocabulary) -> str:
    return _list(
        [f"<b>{escape(t.label)}</b>: {escape(t.description)}" for t in words.type_terms(service)]
    )


def _eligibility(service: ServiceView, words: Vocabulary) -> str:
    items = [escape(_ages(service.minimum_age, service.maximum_age))]
    populations = words.feature_terms(service, "population")
    if populations:
        items.append("Only for: " + escape(", ".join(t.label for t in populations)))
    substances = words.feature_terms(service, "substance")
    if substances:
        items.append("Only for use of: " + escape(", ".join(t.label for t in substances)))
    for term in words.feature_terms(service, "requirement"):
        items.append(f"<b>{escape(term.label)}</b>: {escape(term.description)}")
    if service.eligibility_description:
        items.append(escape(service.eligibility_description))
    return _list(items)


def _ages(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return f"Ages {_age(minimum)} to {_age(maximum)}"
    if minimum is not None:
        return f"Ages {_age(minimum)} and up"
    if maximum is not None:
        return f"Up to age {_age(maximum)}"
    return "All ages"


def _age(value: float) -> str:
    return f"{value:g}"


def _approach(service: ServiceView, words: Vocabulary) -> str:
    terms = (
        *words.feature_terms(service, "approach"),
        *words.feature_terms(service, "format"),
    )
    return _list([f"<b>{escape(t.label)}</b>: {escape(t.description)}" for t in terms])


def _cost(service: ServiceView, words: Vocabulary) -> str:
    lines = [t.label for t in words.feature_terms(service, "payment")]
    lines += [*service.costs, service.fees_description]
    unique: dict[str, str] = {}
    for line in lines:
        unique.setdefault(line.strip().casefold(), line.strip())
    return _list([escape(line) for key, line in unique.items() if key])


def _place(place: Place) -> str:
    lines = [f"<b>{escape(place.name)}</b>"] if place.name else []
    if place.confidential or not place.address:
        lines.append("<i>Call for address</i>")
    else:
        lines.append(escape(place.address))
    if place.transportation:
        lines.append("Getting there: " + escape(place.transportation))
    return "<p>" + "<br>".join(lines) + "</p>"


def _contact(service: ServiceView) -> str:
    items = [escape(phone) for phone in service.phones]
    if service.url:
        items.append(_link(service.url))
    if service.email:
        items.append(escape(service.email))
    return _list(items)


def _link(url: str) -> str:
    """A link only for web addresses; anything else is shown as plain text."""
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'
    return escape(url)


def _getting_in(service: ServiceView) -> str:
    parts = [_paragraphs(service.application_process)] if service.application_process else []
    if service.wait_time:
        parts.append(f"<p>Wait time: {escape(service.wait_time)}</p>")
    return "".join(parts)


def _verified(assured_date: str, today: dt.date) -> str:
    if not assured_date:
        return _NOTICE.format("Not recorded: this listing may be out of date.")
    try:
        verified = dt.date.fromisoformat(assured_date[:10])
    except ValueError:
        return escape(assured_date)
    text = f"{verified:%B} {verified.day}, {verified.year}"  # a month name, digits: no markup
    if today - verified > STALE_AFTER:
        return _NOTICE.format(f"{text}: more than a year ago, so this listing may be out of date.")
    return text
