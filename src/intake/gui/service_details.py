"""A service's details as HTML for a QTextBrowser, in the interface's language.

Every string from the directory or the taxonomy goes through `escape()` before it is
placed in markup: a listing named `<b>x</b>` shows those characters, never bold text.
The program's own words go through Qt's translations (context "ServiceDetails"), the
taxonomy's through `Vocabulary`; what the directory itself says is shown as written.
"""

import datetime as dt
from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from intake.directory.snapshot import Place, ServiceView
from intake.gui.directory_labels import Vocabulary, language_codes, language_name
from intake.gui.i18n import fill
from intake.taxonomy import IntakeTaxonomy

STALE_AFTER = dt.timedelta(days=365)

_STATUS_NOTICE = {
    "inactive": QT_TRANSLATE_NOOP(
        "ServiceDetails", "This service is inactive: check with them before referring."
    ),
    "defunct": QT_TRANSLATE_NOOP("ServiceDetails", "This service is no longer offered."),
    "temporarily closed": QT_TRANSLATE_NOOP(
        "ServiceDetails", "This service is temporarily closed."
    ),
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
        parts.append(_NOTICE.format(f"<b>{escape(_status_notice(service.status))}</b>"))
    if service.alert:
        alert = QCoreApplication.translate("ServiceDetails", "Alert:")
        parts.append(_NOTICE.format(f"<b>{escape(alert)}</b> {escape(service.alert)}"))
    if service.description:
        parts.append(_paragraphs(service.description))
    languages = ", ".join(map(language_name, language_codes(service)))
    parts += [
        _section(
            QCoreApplication.translate("ServiceDetails", "Services offered"),
            _types(service, words),
        ),
        _section(
            QCoreApplication.translate("ServiceDetails", "Who can come"),
            _eligibility(service, words),
        ),
        _section(
            QCoreApplication.translate("ServiceDetails", "How it works"),
            _approach(service, words),
        ),
        _section(QCoreApplication.translate("ServiceDetails", "Languages"), escape(languages)),
        _section(QCoreApplication.translate("ServiceDetails", "Cost"), _cost(service, words)),
        _section(
            QCoreApplication.translate("ServiceDetails", "Where"),
            "".join(_place(place) for place in service.places),
        ),
        _section(QCoreApplication.translate("ServiceDetails", "Contact"), _contact(service)),
        _section(
            QCoreApplication.translate("ServiceDetails", "Hours"),
            _lines(service.schedule.split("; ")),
        ),
        _section(
            QCoreApplication.translate("ServiceDetails", "How to get in"), _getting_in(service)
        ),
        _section(
            QCoreApplication.translate("ServiceDetails", "Other classifications"),
            escape(", ".join(service.other_terms)),
        ),
        _section(
            QCoreApplication.translate("ServiceDetails", "Last verified"),
            _verified(service.assured_date, today),
        ),
    ]
    return "".join(parts)


def _status_notice(status: str) -> str:
    notice = _STATUS_NOTICE.get(status)
    if notice is not None:
        return QCoreApplication.translate("ServiceDetails", notice)
    return fill(QCoreApplication.translate("ServiceDetails", "Status: %1."), status)


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
        text = QCoreApplication.translate("ServiceDetails", "Only for: %1")
        items.append(escape(fill(text, ", ".join(t.label for t in populations))))
    substances = words.feature_terms(service, "substance")
    if substances:
        text = QCoreApplication.translate("ServiceDetails", "Only for use of: %1")
        items.append(escape(fill(text, ", ".join(t.label for t in substances))))
    for term in words.feature_terms(service, "requirement"):
        items.append(f"<b>{escape(term.label)}</b>: {escape(term.description)}")
    if service.eligibility_description:
        items.append(escape(service.eligibility_description))
    return _list(items)


def _ages(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        text = QCoreApplication.translate("ServiceDetails", "Ages %1 to %2")
        return fill(text, _age(minimum), _age(maximum))
    if minimum is not None:
        return fill(QCoreApplication.translate("ServiceDetails", "Ages %1 and up"), _age(minimum))
    if maximum is not None:
        return fill(QCoreApplication.translate("ServiceDetails", "Up to age %1"), _age(maximum))
    return QCoreApplication.translate("ServiceDetails", "All ages")


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
        call = QCoreApplication.translate("ServiceDetails", "Call for address")
        lines.append(f"<i>{escape(call)}</i>")
    else:
        lines.append(escape(place.address))
    if place.transportation:
        text = QCoreApplication.translate("ServiceDetails", "Getting there: %1")
        lines.append(escape(fill(text, place.transportation)))
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
        text = QCoreApplication.translate("ServiceDetails", "Wait time: %1")
        parts.append(f"<p>{escape(fill(text, service.wait_time))}</p>")
    return "".join(parts)


def _verified(assured_date: str, today: dt.date) -> str:
    if not assured_date:
        text = QCoreApplication.translate(
            "ServiceDetails", "Not recorded: this listing may be out of date."
        )
        return _NOTICE.format(escape(text))
    try:
        verified = dt.date.fromisoformat(assured_date[:10])
    except ValueError:
        return escape(assured_date)
    date = _long_date(verified)
    if today - verified > STALE_AFTER:
        text = QCoreApplication.translate(
            "ServiceDetails", "%1: more than a year ago, so this listing may be out of date."
        )
        return _NOTICE.format(escape(fill(text, date)))
    return escape(date)


def _long_date(day: dt.date) -> str:
    """A date as "September 1, 2026", or "1 de septiembre de 2026" in Spanish."""
    pattern = QCoreApplication.translate(
        "ServiceDetails", "MMMM d, yyyy", "date format (Qt QLocale): month name, day, year"
    )
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)
