"""The referral rules: from a client's goals and answers to an explained referral plan.

    from intake.rules import load_rules, make_plan
    rules = load_rules()                        # clinic folder if present, else bundled
    plan = make_plan(intake, snapshot, rules, today=date.today())
    print(plan.to_json())

The rules are data (resources/rules/*.toml, see the README there); this package reads
and checks them (loader.py), and applies them (engine.py) as a pure function with no Qt,
no database and no clock.
"""

from intake.rules.engine import make_plan
from intake.rules.loader import load_rules, rules_folder
from intake.rules.plan import Exclusion, PathwayPlan, Referral, ReferralPlan
from intake.rules.ruleset import RuleSet

__all__ = [
    "Exclusion",
    "PathwayPlan",
    "Referral",
    "ReferralPlan",
    "RuleSet",
    "load_rules",
    "make_plan",
    "rules_folder",
]
