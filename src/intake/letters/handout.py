"""Composing the client handout: where to go and whom to call, revealing no substance use.

    handout = compose_handout(intake, services, settings=..., safety=safety_lines(snapshot, point))

What a handout holds, and why (a client may carry it anywhere, so it must not tell a
reader that the client uses drugs):
- the client's name (as given: it may be an alias) and goals, worded neutrally from the
  texts ("Making changes at my own pace"), plus the client's own words unless the
  counselor leaves them out (`own_words=False`): they are the client's to carry;
- each chosen service with address (or "call for address"), phone, hours, how to get in
  and what to expect (cost, wait, walk-in, languages, getting there). Names and other
  directory text are printed as the directory has them, EXCEPT text holding a word that
  reveals substance use (resources/letters/discreet.toml: "Methadone treatment", "Opioid
  Treatment Program", "Syringe services"...), which is left off and replaced by
  "Place 1" and a note, unless `full_names=True` (the client's informed choice);
- never: substances, risks, circumstances, service types or pathway labels, directory
  descriptions, the 42 CFR part 2 notice (its footer would itself reveal a substance-use
  record);
- the same safety lines on every handout, whatever the intake says, so they reveal
  nothing about this client: 911, the crisis line(s), an overdose spotting line and the
  nearest places to get naloxone, all from the directory by taxonomy code.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from intake.directory.snapshot import DirectorySnapshot, ServiceView
from intake.geo import Point, distance_km
from intake.intake_model import Intake
from intake.letters.discreet import Discretion, load_discretion
from intake.letters.model import Block, DocInfo, Handout, Letterhead, Row
from intake.letters.texts import Texts, choose_language, load_texts
from intake.settings import ClinicSettings

CRISIS = "crisis.hotline"
SPOTTING = "crisis.overdose_spotting"
NALOXONE = "harm_reduction.naloxone"
MAX_CRISIS_LINES = 2
MAX_NALOXONE_PLACES = 2

Shown = Callable[[str], str]  # directory text as printed: the text, or "" when withheld


@dataclass(frozen=True, slots=True)
class SafetyLines:
    crisis: tuple[ServiceView, ...] = ()
    spotting: tuple[ServiceView, ...] = ()
    naloxone: tuple[ServiceView, ...] = ()


def safety_lines(
    snapshot: DirectorySnapshot, near: Point | None = None, discretion: Discretion | None = None
) -> SafetyLines:
    """The same lines for every client of an area, so they reveal nothing about this one.

    Crisis lines: phone-only and low-barrier first (988), none whose name reveals
    substance use. One spotting line. Naloxone: places whose organization's name reveals
    nothing first (a pharmacy, public health), then the nearest to `near`, then free and
    walk-in; one per address.
    """
    guard = discretion or load_discretion()
    active = [s for s in snapshot.services if s.status == "active" and s.phones]
    crisis = sorted(
        (s for s in active if s.has(CRISIS) and not guard.reveals(_title(s))),
        key=lambda s: (bool(s.places), not s.has("approach.low_barrier"), s.name),
    )
    spotting = sorted(
        (s for s in active if s.has(SPOTTING)), key=lambda s: (bool(s.places), s.name)
    )
    naloxone = _one_per_place(
        sorted(
            (s for s in active if s.has(NALOXONE) and _first_address(s)),
            key=lambda s: _naloxone_rank(s, near, guard),
        )
    )
    return SafetyLines(
        crisis=tuple(crisis[:MAX_CRISIS_LINES]),
        spotting=tuple(spotting[:1]),
        naloxone=tuple(naloxone[:MAX_NALOXONE_PLACES]),
    )


def _title(service: ServiceView) -> str:
    return f"{service.name} {service.organization_name}"


def _naloxone_rank(
    service: ServiceView, near: Point | None, guard: Discretion
) -> tuple[bool, float, bool, bool, str]:
    points = [p.point for p in service.places if p.point is not None]
    far = min((distance_km(near, p) for p in points), default=float("inf")) if near else 0.0
    free, walk_in = service.has("payment.free"), service.has("approach.walk_in")
    return (guard.reveals(service.organization_name), far, not free, not walk_in, service.name)


def _one_per_place(services: Sequence[ServiceView]) -> list[ServiceView]:
    seen: set[str] = set()
    kept = []
    for service in services:
        address = _first_address(service)
        if address not in seen:
            seen.add(address)
            kept.append(service)
    return kept


def _first_address(service: ServiceView) -> str:
    return next((p.address for p in service.places if p.address and not p.confidential), "")


def compose_handout(
    intake: Intake,
    services: Sequence[ServiceView],
    *,
    settings: ClinicSettings,
    safety: SafetyLines,
    today: date,
    language: str | None = None,
    own_words: bool = False,
    full_names: bool = False,
    counselor: str | None = None,
    texts: Texts | None = None,
    discretion: Discretion | None = None,
) -> Handout:
    t = texts or load_texts(language or choose_language(intake.client.languages))
    guard = discretion or load_discretion()

    def shown(text: str) -> str:
        return text if full_names or not guard.reveals(text) else ""

    clinic = settings.clinic_name
    counselor_name = counselor if counselor is not None else settings.counselor_name
    closing = []
    if counselor_name:
        closing.append(f"{t['handout.counselor']}: {counselor_name}")
    if clinic:
        key = "handout.questions" if settings.phone else "handout.questions_no_phone"
        closing.append(t.format(key, clinic=clinic, phone=settings.phone))
    return Handout(
        info=DocInfo(
            title=t["handout.title"],
            subject=t["handout.subject"],
            author=clinic,
            language=t.language,
            footer="",  # no 42 CFR part 2 line: it would reveal a substance-use record
            page_label=t["common.page"],
        ),
        letterhead=Letterhead(clinic, settings.address, settings.phone, settings.logo_path),
        title=t["handout.title"],
        prepared_for=t.format("handout.prepared_for", name=intake.client.name),
        dateline=t.date(today),
        intro=t["handout.intro"],
        goals=_goals(intake, t, own_words),
        places_title=t["handout.places"],
        places=tuple(_place(s, n, t, shown) for n, s in enumerate(services, start=1)),
        safety=_safety(safety, t),
        closing=tuple(closing),
    )


def _goals(intake: Intake, t: Texts, own_words: bool) -> Block:
    paragraphs: tuple[str, ...] = ()
    if own_words and intake.goal_statement:
        paragraphs = (f"{t['handout.own_words']}: “{intake.goal_statement}”",)
    bullets = tuple(t.labels("handout.goal", [str(g) for g in intake.goals]))
    return Block(title=t["handout.goals"], bullets=bullets, paragraphs=paragraphs)


def _place(service: ServiceView, number: int, t: Texts, shown: Shown) -> Block:
    name, org = shown(service.name), shown(service.organization_name)
    if name and org and org != name:
        title = f"{number}. {name} — {org}"
    elif name or org:
        title = f"{number}. {name or org}"
    else:
        title = f"{number}. {t['handout.name_withheld']}"
    withheld = not name or (bool(service.organization_name) and not org)
    rows = [Row(t["common.address"], _addresses(service, t))]
    rows.append(
        Row(
            t["common.phone"],
            t["common.list_separator"].join(service.phones) or t["handout.no_phone"],
        )
    )
    rows.append(Row(t["common.hours"], _schedule(service.schedule) or t["handout.hours_unknown"]))
    how = shown(service.application_process)
    if how:
        rows.append(Row(t["handout.how_to_get_in"], how))
    expect = _expectations(service, t, shown)
    if expect:
        rows.append(Row(t["handout.what_to_expect"], "\n".join(expect)))
    if service.url and not withheld and shown(service.url):
        rows.append(Row(t["common.website"], service.url))
    return Block(
        title=title,
        rows=tuple(rows),
        note=t["handout.name_withheld_note"] if withheld else "",
    )


def _addresses(service: ServiceView, t: Texts) -> str:
    lines = list(
        dict.fromkeys(p.address for p in service.places if p.address and not p.confidential)
    )
    return "\n".join(lines) if lines else t["common.call_for_address"]


def _schedule(text: str) -> str:
    return text.replace(".; ", "; ").strip()


def _expectations(service: ServiceView, t: Texts, shown: Shown) -> list[str]:
    lines = []
    if service.alert and shown(service.alert):
        lines.append(t.format("handout.call_ahead", alert=service.alert))
    if service.has("approach.walk_in"):
        lines.append(t["handout.walk_in"])
    costs = [c for c in service.costs if c and shown(c)]
    if costs:
        lines.append(t.format("handout.cost", costs=t["common.list_separator"].join(costs)))
    if service.wait_time and shown(service.wait_time):
        lines.append(t.format("handout.wait", wait=service.wait_time))
    if service.languages:
        names = [t.label("languages", code) for code in service.languages]
        lines.append(
            t.format("handout.languages", languages=t["common.list_separator"].join(names))
        )
    transport = next((p.transportation for p in service.places if p.transportation), "")
    if transport and shown(transport):
        lines.append(t.format("handout.getting_there", transportation=transport))
    return lines


def _safety(lines: SafetyLines, t: Texts) -> Block:
    sep = t["common.list_separator"]
    crisis = [f"{s.name}: {sep.join(s.phones)}" for s in lines.crisis]
    spotting = [f"{s.name}: {sep.join(s.phones)}" for s in lines.spotting]
    naloxone = []
    for service in lines.naloxone:
        parts = (service.organization_name or service.name, _first_address(service))
        where = ", ".join(part for part in parts if part)
        naloxone.append(f"{where}: {sep.join(service.phones)}")
    groups = (
        ("handout.crisis", crisis),
        ("handout.spotting", spotting),
        ("handout.naloxone", naloxone),
    )
    rows = [Row(t[key], "\n".join(values)) for key, values in groups if values]
    return Block(
        title=t["handout.safety_title"],
        paragraphs=(t["handout.emergency"], t["handout.safety_intro"]),
        rows=tuple(rows),
    )
