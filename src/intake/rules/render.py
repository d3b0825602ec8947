"""A referral plan as plain text for a terminal: pathways in plan order, urgent first.

The reasons and cautions are the rule files' sentences, in the language the rules were
loaded in; only the few words here are the program's own, in English and Spanish.
"""

from intake.rules.plan import PathwayPlan, Referral, ReferralPlan

_WORDS = {
    "en": {
        "title": "Referral plan, {at} UTC",
        "source": "(rules {rules}; directory {directory})",
        "note": "Please note:",
        "none": "No service in the directory fits this client now.",
        "matches_goal": "fits your goals",
        "also_available": "also available",
        "more": "   ... {count} more in this pathway",
        "kept_out": "Kept out ({count}):",
        "not_listed": "  ... and {count} more not listed",
        "urgent": "URGENT ",
        "safety": "SAFETY ",
        "call": "Call {phones}",
        "hours": "Hours: {schedule}",
        "why": "Why: {reasons}",
        "caution": "Note: {caution}",
    },
    "es": {
        "title": "Plan de derivación, {at} UTC",
        "source": "(reglas {rules}; directorio {directory})",
        "note": "Tenga en cuenta:",
        "none": "Ningún servicio del directorio es adecuado para esta persona ahora.",
        "matches_goal": "coincide con sus metas",
        "also_available": "también disponible",
        "more": "   ... {count} más en esta ruta",
        "kept_out": "Excluidos ({count}):",
        "not_listed": "  ... y {count} más no listados",
        "urgent": "URGENTE ",
        "safety": "SEGURIDAD ",
        "call": "Llame al {phones}",
        "hours": "Horario: {schedule}",
        "why": "Por qué: {reasons}",
        "caution": "Nota: {caution}",
    },
}


def plan_text(plan: ReferralPlan, *, language: str = "en") -> str:
    """The plan for a terminal; `language` is that of the rules the plan was made with."""
    words = _WORDS[language]
    lines = [
        words["title"].format(at=f"{plan.generated_at:%Y-%m-%d %H:%M}"),
        words["source"].format(rules=plan.rules_version, directory=plan.directory_version),
    ]
    if plan.cautions:
        lines += ["", words["note"]]
        lines += [f"  ! {caution}" for caution in plan.cautions]
    if not plan.pathways:
        lines += ["", words["none"]]
    for number, pathway in enumerate(plan.pathways, start=1):
        lines += ["", *_pathway_lines(number, pathway, words)]
    if plan.excluded:
        lines += ["", words["kept_out"].format(count=len(plan.excluded) + plan.excluded_not_listed)]
        for excluded in plan.excluded:
            lines.append(f"  - {excluded.service_name}: {'; '.join(excluded.why)}")
        if plan.excluded_not_listed:
            lines.append(words["not_listed"].format(count=plan.excluded_not_listed))
    return "\n".join(lines) + "\n"


def _pathway_lines(number: int, pathway: PathwayPlan, words: dict[str, str]) -> list[str]:
    lines = [f"{number}. {pathway.label} ({words[pathway.fit]})"]
    # Urgent referrals first; the plan's own order (best first) otherwise.
    ordered = sorted(pathway.referrals, key=lambda r: not r.urgent)
    for referral in ordered:
        lines += _referral_lines(referral, words)
    if pathway.more_available:
        lines.append(words["more"].format(count=pathway.more_available))
    return lines


def _referral_lines(referral: Referral, words: dict[str, str]) -> list[str]:
    mark = words["urgent"] if referral.urgent else (words["safety"] if referral.safety_net else "")
    name = referral.service_name
    if referral.organization_name and referral.organization_name != name:
        name += f" ({referral.organization_name})"
    lines = [f"   * {mark}{name}"]
    where = [part for part in (referral.address, _km(referral.distance_km)) if part]
    if where:
        lines.append(f"       {' - '.join(where)}")
    phones = words["call"].format(phones=", ".join(referral.phones)) if referral.phones else ""
    contact = [phones, referral.url]
    if any(contact):
        lines.append(f"       {' - '.join(part for part in contact if part)}")
    if referral.schedule:
        lines.append("       " + words["hours"].format(schedule=referral.schedule))
    lines.append("       " + words["why"].format(reasons="; ".join(referral.reasons)))
    lines += ["       " + words["caution"].format(caution=c) for c in referral.cautions]
    return lines


def _km(distance: float | None) -> str:
    return "" if distance is None else f"{distance:g} km"
