"""A referral plan as plain text for a terminal: pathways in plan order, urgent first.

The reasons and cautions are the rule files' sentences; only the few headings here are
the program's own.
"""

from intake.rules.plan import PathwayPlan, Referral, ReferralPlan

_FIT = {"matches_goal": "fits your goals", "also_available": "also available"}


def plan_text(plan: ReferralPlan) -> str:
    lines = [
        f"Referral plan, {plan.generated_at:%Y-%m-%d %H:%M} UTC",
        f"(rules {plan.rules_version}; directory {plan.directory_version})",
    ]
    if plan.cautions:
        lines += ["", "Please note:"]
        lines += [f"  ! {caution}" for caution in plan.cautions]
    if not plan.pathways:
        lines += ["", "No service in the directory fits this client now."]
    for number, pathway in enumerate(plan.pathways, start=1):
        lines += ["", *_pathway_lines(number, pathway)]
    if plan.excluded:
        lines += ["", f"Kept out ({len(plan.excluded) + plan.excluded_not_listed}):"]
        for excluded in plan.excluded:
            lines.append(f"  - {excluded.service_name}: {'; '.join(excluded.why)}")
        if plan.excluded_not_listed:
            lines.append(f"  ... and {plan.excluded_not_listed} more not listed")
    return "\n".join(lines) + "\n"


def _pathway_lines(number: int, pathway: PathwayPlan) -> list[str]:
    lines = [f"{number}. {pathway.label} ({_FIT[pathway.fit]})"]
    # Urgent referrals first; the plan's own order (best first) otherwise.
    ordered = sorted(pathway.referrals, key=lambda r: not r.urgent)
    for referral in ordered:
        lines += _referral_lines(referral)
    if pathway.more_available:
        lines.append(f"   ... {pathway.more_available} more in this pathway")
    return lines


def _referral_lines(referral: Referral) -> list[str]:
    mark = "URGENT " if referral.urgent else ("SAFETY " if referral.safety_net else "")
    name = referral.service_name
    if referral.organization_name and referral.organization_name != name:
        name += f" ({referral.organization_name})"
    lines = [f"   * {mark}{name}"]
    where = [part for part in (referral.address, _km(referral.distance_km)) if part]
    if where:
        lines.append(f"       {' - '.join(where)}")
    contact = [f"Call {', '.join(referral.phones)}" if referral.phones else "", referral.url]
    if any(contact):
        lines.append(f"       {' - '.join(part for part in contact if part)}")
    if referral.schedule:
        lines.append(f"       Hours: {referral.schedule}")
    lines.append(f"       Why: {'; '.join(referral.reasons)}")
    lines += [f"       Note: {caution}" for caution in referral.cautions]
    return lines


def _km(distance: float | None) -> str:
    return "" if distance is None else f"{distance:g} km"
