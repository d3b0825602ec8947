"""Reading and checking the rules folder: all of it, or nothing.

    rules = load_rules()          # the clinic's folder if it exists, else the bundled one
    rules = load_rules(folder)    # a given folder
    rules = load_rules(language="es")   # texts a person reads in Spanish (translation.py)

Every mistake in every file is collected and raised as one InputError; each names the
file and the line ("line 12: unknown intake field 'risks.uses_alon'; did you mean ...").
A rule set is returned only when every file is sound, so no half rule set is ever used.
"""

import difflib
import re
import string
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake.paths import data_dir, resource_path
from intake.problems import InputError, Problem, error
from intake.rules.conditions import (
    AllOf,
    Condition,
    ConditionReader,
    Constant,
    ServiceCondition,
    ServiceConstant,
)
from intake.rules.fields import field_catalogue
from intake.rules.locate import Locator
from intake.rules.ruleset import (
    FACTORS,
    AgeRule,
    CautionRule,
    Coverage,
    DistanceBand,
    DistanceRule,
    ExcludeRule,
    Goal,
    LanguageRule,
    Limits,
    PlanTexts,
    PopulationDefault,
    PopulationRule,
    Ranking,
    ReasonRule,
    ReferralTexts,
    RuleSet,
    SafetyRule,
    StatusRule,
    SubstanceRule,
    Text,
)
from intake.taxonomy import IntakeTaxonomy, load_taxonomy

RULE_FILES = (
    "rules.toml",
    "goals.toml",
    "eligibility.toml",
    "safety.toml",
    "cautions.toml",
    "ranking.toml",
    "languages.toml",
)

# The intake contract (§3a) holds whatever the files say: these may be reworded or
# widened, never removed.
CONTRACT_GOALS = {
    "abstinence": ("twelve_step", "secular_mutual_aid", "treatment", "medication", "peer_support"),
    "reduced_use": ("moderation", "medication", "harm_reduction", "treatment", "peer_support"),
    "safety": ("harm_reduction", "crisis", "basic_needs", "health", "medication", "peer_support"),
}
CONTRACT_SAFETY = {  # id -> (codes it must offer, must be urgent)
    "safety.crisis_line": (("crisis.hotline",), True),
    "safety.withdrawal_management": (("treatment.withdrawal_management",), True),
    "safety.pregnancy_medication": (("medication.methadone", "medication.buprenorphine"), True),
    "safety.naloxone": (("harm_reduction.naloxone",), False),
    "safety.overdose_spotting": (("crisis.overdose_spotting",), False),
    "safety.syringe_services": (("harm_reduction.syringe_services",), False),
    "safety.hiv_hcv_testing": (("harm_reduction.hiv_hcv_testing",), False),
}
CONTRACT_EXCLUDES = ("eligibility.requires_abstinence", "eligibility.faith_based")

_RULE_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_STATUSES = ("inactive", "defunct", "temporarily_closed")
_LIMITS = (
    "referrals_per_pathway",
    "excluded_listed",
    "farther_listed_per_pathway",
    "stale_after_days",
)
_ELIGIBILITY_TABLES = ("status", "age", "population_default", "substance", "language", "distance")
_WHEN = ("when", "when_all", "when_any")


def rules_folder() -> tuple[Path, str]:
    """The folder rules come from, and "clinic" or "bundled"."""
    clinic = data_dir() / "rules"
    if clinic.is_dir():
        return clinic, "clinic"
    return resource_path("rules"), "bundled"


def load_rules(
    folder: Path | None = None,
    *,
    taxonomy: IntakeTaxonomy | None = None,
    language: str = "en",
) -> RuleSet:
    """The checked rule set of `folder` (default: `rules_folder()`), its texts in
    `language` ("en", as the files are written, or "es"); InputError otherwise."""
    if folder is None:
        folder, source = rules_folder()
    else:
        bundled = resource_path("rules").resolve()
        source = "bundled" if folder.resolve() == bundled else "clinic"
    taxonomy = taxonomy or load_taxonomy()
    files = _read_folder(folder)
    rules = _Builder(folder, source, files, taxonomy).build()
    return rules if language == "en" else in_language(rules, language)


def in_language(rules: RuleSet, language: str) -> RuleSet:
    """The same rules with the texts a person reads in `language`; InputError if the
    translation cannot be read."""
    # Only a translated rule set needs the translation files and the taxonomy's labels.
    from intake.rules.translation import load_translation, translate_rules

    english = rules.english
    if language == "en":
        return english
    return translate_rules(english, load_translation(english.folder, language))


# --- reading files -------------------------------------------------------------------------


@dataclass
class _File:
    path: Path
    data: dict[str, Any]
    locator: Locator


def _read_folder(folder: Path) -> dict[str, _File]:
    problems: list[Problem] = []
    files: dict[str, _File] = {}
    if not folder.is_dir():
        raise InputError([error("the rules folder does not exist", file=str(folder))])
    for name in RULE_FILES:
        path = folder / name
        try:
            text = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            problems.append(error(f"missing: the rules folder needs {name}", file=str(path)))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(error(f"cannot be read as UTF-8 text ({exc})", file=str(path)))
            continue
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:  # its message ends "(at line L, column C)"
            problems.append(error(f"not valid TOML: {exc}", file=str(path)))
            continue
        files[name] = _File(path, data, Locator(text))
    for extra in sorted(p.name for p in folder.glob("*.toml") if p.name not in RULE_FILES):
        problems.append(
            error(
                f"unexpected rules file {extra}; the rules are in {', '.join(RULE_FILES)}",
                file=str(folder / extra),
            )
        )
    if problems:
        raise InputError(problems)
    return files


# --- checking --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """A place in a file: a [section] or the index-th [[section]] entry, for line numbers."""

    file: _File
    section: str | None = None
    index: int | None = None

    def describe(self) -> str:
        if self.section is None:
            return "the top of the file"
        if self.index is None:
            return f"[{self.section}]"
        return f"[[{self.section}]] entry {self.index + 1}"


class _Builder:
    def __init__(
        self, folder: Path, source: str, files: dict[str, _File], taxonomy: IntakeTaxonomy
    ) -> None:
        self.folder = folder
        self.source = source
        self.files = files
        self.taxonomy = taxonomy
        # (file's place in RULE_FILES, line, problem): reported in the order of the files.
        self.problems: list[tuple[int, int, Problem]] = []
        self.rule_ids: dict[str, str] = {}  # id -> file name
        self.reader = ConditionReader(
            field_catalogue(), taxonomy.is_known, taxonomy.pathway_codes()
        )

    # -- reporting -----------------------------------------------------------------------

    def report(
        self, where: _Where, message: str, *, key: str | None = None, needle: str | None = None
    ) -> None:
        line = where.file.locator.line_of(where.section, where.index, key=key, needle=needle)
        prefix = f"line {line}: " if line else ""
        dotted = ".".join(p for p in (where.section, key) if p) or None
        problem = error(f"{prefix}{message}", file=str(where.file.path), field=dotted)
        self.problems.append((RULE_FILES.index(where.file.path.name), line or 0, problem))

    def reporter(self, where: _Where, context: str) -> Callable[[str, str | None], None]:
        def report(message: str, needle: str | None) -> None:
            key = needle if needle and not needle.startswith('"') else None
            found = needle if needle and needle.startswith('"') else None
            self.report(where, f"{context}: {message}", key=key, needle=found)

        return report

    # -- building ------------------------------------------------------------------------
    # Every reader below reports what is wrong and returns a stand-in (an empty text, a
    # false condition), so that one pass finds every mistake; `build` then raises them
    # all before a rule set with a stand-in in it could exist.

    def build(self) -> RuleSet:
        f = self.files
        rules_file, eligibility = f["rules.toml"], f["eligibility.toml"]
        self.keys(
            _Where(rules_file),
            rules_file.data,
            required=("version", "limits", "plan_text", "referral_text"),
            optional=("description",),
        )
        self.keys(
            _Where(eligibility),
            eligibility.data,
            required=(*_ELIGIBILITY_TABLES, "population"),
            optional=("exclude",),
        )
        goals, fits_goal = self.goals(f["goals.toml"])
        rule_set = RuleSet(
            version=self.text_value(_Where(rules_file), rules_file.data, "version"),
            source=self.source,
            folder=self.folder,
            limits=self.limits(rules_file),
            plan_text=self.plan_texts(rules_file),
            referral_text=self.referral_texts(rules_file),
            goals=goals,
            fits_goal=fits_goal,
            status=self.status(eligibility),
            age=self.age(eligibility),
            populations=self.populations(eligibility),
            population_default=self.population_default(eligibility),
            substance=self.substance(eligibility),
            language=self.language(eligibility),
            distance=self.distance(eligibility),
            excludes=self.excludes(eligibility),
            safety=self.safety(f["safety.toml"]),
            cautions=self.cautions(f["cautions.toml"]),
            ranking=self.ranking(f["ranking.toml"]),
            language_names=self.language_names(f["languages.toml"]),
            pathway_labels={p.code: p.label for p in self.taxonomy.pathways},
            term_labels={code: t.label for code, t in self.taxonomy.terms.items()},
        )
        if self.problems:
            self.problems.sort(key=lambda item: (item[0], item[1]))  # stable: same line keeps order
            raise InputError(problem for _, _, problem in self.problems)
        return rule_set

    # -- generic checks ------------------------------------------------------------------

    def keys(
        self,
        where: _Where,
        table: Mapping[str, Any],
        *,
        required: Iterable[str] = (),
        optional: Iterable[str] = (),
    ) -> None:
        required, optional = tuple(required), tuple(optional)
        allowed = (*required, *optional)
        missing = [key for key in required if key not in table]
        for key in table:
            if key in allowed:
                continue
            # A misspelt key is one mistake, not two ("unknown urgnet", "needs urgent").
            close = difflib.get_close_matches(key, missing, n=1, cutoff=0.7)
            if close:
                missing.remove(close[0])
                hint = f"did you mean {close[0]!r}?"
            else:
                hint = f"allowed: {', '.join(allowed)}"
            self.report(where, f"unknown key {key!r} in {where.describe()}; {hint}", key=key)
        for key in missing:
            self.report(where, f"{where.describe()} needs {key!r}")

    def table(self, file: _File, name: str) -> tuple[_Where, dict[str, Any]]:
        value = file.data.get(name)
        if value is not None and not isinstance(value, dict):
            self.report(_Where(file), f"{name!r} must be a [{name}] table", key=name)
        return _Where(file, name), value if isinstance(value, dict) else {}

    def entries(self, file: _File, name: str) -> list[tuple[_Where, dict[str, Any]]]:
        value = file.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.report(_Where(file), f"{name!r} must be a list of [[{name}]] entries", key=name)
            return []
        return [(_Where(file, name, i), entry) for i, entry in enumerate(value)]

    def text_value(self, where: _Where, table: Mapping[str, Any], key: str) -> str:
        value = table.get(key)
        if key in table and (not isinstance(value, str) or not value.strip()):
            self.report(where, f"{key} must be a non-empty text in quotes", key=key)
        return value.strip() if isinstance(value, str) else ""

    def text(
        self, where: _Where, table: Mapping[str, Any], key: str, allowed: Iterable[str] = ()
    ) -> Text:
        """A user-facing text; it may use only the {places} in `allowed`."""
        if key not in table:  # reported by keys() as a required key
            return Text("")
        value = self.text_value(where, table, key)
        allowed = tuple(allowed)
        try:
            names = [n for _, n, _, _ in string.Formatter().parse(value) if n is not None]
        except ValueError as exc:
            self.report(where, f"{key}: {exc} (write {{{{ and }}}} for a literal brace)", key=key)
            return Text("")
        for name in names:
            if name not in allowed:
                hint = ", ".join("{" + a + "}" for a in allowed) or "none"
                self.report(
                    where, f"{key}: unknown place {{{name}}}; this text may use: {hint}", key=key
                )
        return Text(value)

    def optional_text(
        self, where: _Where, table: Mapping[str, Any], key: str, allowed: Iterable[str] = ()
    ) -> Text | None:
        return self.text(where, table, key, allowed) if key in table else None

    def number(
        self,
        where: _Where,
        table: Mapping[str, Any],
        key: str,
        *,
        low: float,
        high: float | None = None,
        integer: bool = False,
    ) -> float:
        value = table.get(key)
        kind = "a whole number" if integer else "a number"
        if value is None:  # reported by keys() as a required key
            return low
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if not is_number or (integer and not isinstance(value, int)):
            self.report(where, f"{key} must be {kind}, not {value!r}", key=key)
            return low
        if value < low or (high is not None and value > high):
            rng = f"from {low:g}" + (f" to {high:g}" if high is not None else " up")
            self.report(where, f"{key} must be {kind} {rng}, not {value!r}", key=key)
            return low
        return float(value)

    def flag(self, where: _Where, table: Mapping[str, Any], key: str) -> bool:
        value = table.get(key)
        if key in table and not isinstance(value, bool):
            self.report(where, f"{key} must be true or false", key=key)
        return value is True

    def rule_id(self, where: _Where, entry: Mapping[str, Any]) -> str:
        value = entry.get("id")
        if not isinstance(value, str) or not _RULE_ID.fullmatch(value):
            self.report(
                where,
                f'{where.describe()} needs id = "group.name" (lowercase letters, digits, '
                "underscores and dots)",
                key="id",
            )
            return ""
        if value in self.rule_ids:
            self.report(
                where,
                f"rule id {value!r} is used twice (also in {self.rule_ids[value]})",
                needle=f'"{value}"',
            )
        self.rule_ids[value] = where.file.path.name
        return value

    def condition(self, where: _Where, raw: Any, context: str) -> Condition:
        found = self.reader.client(raw, self.reporter(where, context))
        return found if found is not None else Constant(False)

    def when(self, where: _Where, entry: Mapping[str, Any], context: str) -> Condition:
        """`when`, `when_all` and `when_any` together (all must hold); true when none."""
        parts: list[Condition] = []
        if "when" in entry:
            parts.append(self.condition(where, entry["when"], context))
        for key, kind in (("when_all", "all"), ("when_any", "any")):
            if key in entry:
                parts.append(self.condition(where, {kind: entry[key]}, context))
        if not parts:
            return Constant(True)
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def service(self, where: _Where, entry: Mapping[str, Any], context: str) -> ServiceCondition:
        if "service" not in entry:
            self.report(where, f"{context} needs service = {{ ... }}")
            return ServiceConstant(False)
        found = self.reader.service(entry["service"], self.reporter(where, context))
        return found if found is not None else ServiceConstant(False)

    def codes(self, where: _Where, value: Any, key: str, context: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.report(where, f"{context}: {key} must be a non-empty list of codes", key=key)
            return ()
        self.reader.codes_known(value, self.reporter(where, context))
        return tuple(str(v) for v in value)

    # -- rules.toml ----------------------------------------------------------------------

    def limits(self, file: _File) -> Limits:
        where, table = self.table(file, "limits")
        self.keys(where, table, required=_LIMITS)
        lows = {"referrals_per_pathway": 1, "stale_after_days": 1}
        values = [
            int(self.number(where, table, n, low=lows.get(n, 0), integer=True)) for n in _LIMITS
        ]
        return Limits(*values)

    def plan_texts(self, file: _File) -> PlanTexts:
        where, table = self.table(file, "plan_text")
        self.keys(
            where,
            table,
            required=("no_postal_code", "postal_code_not_found", "excluded_not_listed"),
        )
        return PlanTexts(
            self.text(where, table, "no_postal_code"),
            self.text(where, table, "postal_code_not_found", ("postal_code",)),
            self.text(where, table, "excluded_not_listed", ("count",)),
        )

    def referral_texts(self, file: _File) -> ReferralTexts:
        where, table = self.table(file, "referral_text")
        self.keys(where, table, required=("call_for_address", "alert", "stale_listing"))
        return ReferralTexts(
            self.text(where, table, "call_for_address"),
            self.text(where, table, "alert", ("alert",)),
            self.text(where, table, "stale_listing", ("date",)),
        )

    # -- goals.toml ----------------------------------------------------------------------

    def goals(self, file: _File) -> tuple[dict[str, Goal], Text]:
        top = _Where(file)
        self.keys(top, file.data, required=("fits_goal", "goals"))
        fits = self.text(top, file.data, "fits_goal", ("goals",))
        _, table = self.table(file, "goals")
        goals: dict[str, Goal] = {}
        for code, entry in table.items():
            where = _Where(file, f"goals.{code}")
            if code not in CONTRACT_GOALS:
                self.report(
                    where, f"unknown goal {code!r}; the goals are {', '.join(CONTRACT_GOALS)}"
                )
            elif not isinstance(entry, dict):
                self.report(where, f"goals.{code} must be a table with label and pathways")
            else:
                goals[code] = self.goal(where, code, entry)
        for code in CONTRACT_GOALS:
            if code not in table:
                self.report(top, f"goal {code!r} is missing; write a [goals.{code}] table")
        return goals, fits

    def goal(self, where: _Where, code: str, entry: dict[str, Any]) -> Goal:
        self.keys(where, entry, required=("label", "pathways"))
        label = self.text_value(where, entry, "label")
        listed = entry.get("pathways")
        if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
            self.report(where, "pathways must be a list of pathway codes", key="pathways")
            listed = []
        known = self.taxonomy.pathway_codes()
        for pathway in listed:
            if pathway not in known:
                self.report(
                    where,
                    f"unknown pathway {pathway!r}; expected one of {', '.join(known)}",
                    needle=f'"{pathway}"',
                )
        for pathway in CONTRACT_GOALS[code]:
            if listed and pathway not in listed:
                self.report(
                    where,
                    f"the intake contract says pathway {pathway!r} fits the goal {code!r}; keep "
                    "it in the list (you may reorder)",
                    key="pathways",
                )
        return Goal(code, label, tuple(dict.fromkeys(listed)))

    # -- eligibility.toml ----------------------------------------------------------------

    def status(self, file: _File) -> StatusRule:
        where, table = self.table(file, "status")
        self.keys(where, table, required=("id", *_STATUSES, "other"))
        return StatusRule(
            self.rule_id(where, table),
            {s: self.text(where, table, s) for s in _STATUSES},
            self.text(where, table, "other", ("status",)),
        )

    def age(self, file: _File) -> AgeRule:
        where, table = self.table(file, "age")
        self.keys(
            where, table, required=("id", "minimum_only", "maximum_only", "both", "why", "ask")
        )
        return AgeRule(
            self.rule_id(where, table),
            self.text(where, table, "minimum_only", ("minimum",)),
            self.text(where, table, "maximum_only", ("maximum",)),
            self.text(where, table, "both", ("minimum", "maximum")),
            self.text(where, table, "why", ("ages",)),
            self.text(where, table, "ask", ("ages",)),
        )

    def populations(self, file: _File) -> dict[str, PopulationRule]:
        rules: dict[str, PopulationRule] = {}
        for where, entry in self.entries(file, "population"):
            self.keys(
                where,
                entry,
                required=("id", "code", "member_when", "why", "ask", "reason"),
                optional=("not_member_when",),
            )
            code = entry.get("code")
            if (
                not isinstance(code, str)
                or not code.startswith("population.")
                or not self.taxonomy.is_known(code)
            ):
                self.report(
                    where, f"code {code!r} is not a population.* code of the taxonomy", key="code"
                )
                code = ""
            elif code in rules:
                self.report(where, f"population {code!r} has two entries", key="code")
            context = f"population {code}"
            not_member = entry.get("not_member_when")
            rules[code] = PopulationRule(
                self.rule_id(where, entry),
                code,
                self.condition(where, entry.get("member_when"), context),
                None if not_member is None else self.condition(where, not_member, context),
                self.text(where, entry, "why"),
                self.text(where, entry, "ask"),
                self.text(where, entry, "reason"),
            )
        return rules

    def population_default(self, file: _File) -> PopulationDefault:
        where, table = self.table(file, "population_default")
        self.keys(where, table, required=("id", "ask"))
        return PopulationDefault(
            self.rule_id(where, table), self.text(where, table, "ask", ("label",))
        )

    def substance(self, file: _File) -> SubstanceRule:
        where, table = self.table(file, "substance")
        self.keys(where, table, required=("id", "why", "ask", "reason"))
        return SubstanceRule(
            self.rule_id(where, table),
            *(self.text(where, table, k, ("substances",)) for k in ("why", "ask", "reason")),
        )

    def language(self, file: _File) -> LanguageRule:
        where, table = self.table(file, "language")
        self.keys(where, table, required=("id", "default", "why", "ask"))
        default = table.get("default")
        if (
            not isinstance(default, list)
            or not default
            or not all(isinstance(c, str) and _LANGUAGE.fullmatch(c) for c in default)
        ):
            self.report(
                where, 'default must be a list of language codes, e.g. ["en"]', key="default"
            )
            default = []
        return LanguageRule(
            self.rule_id(where, table),
            tuple(default),
            self.text(where, table, "why", ("languages",)),
            self.text(where, table, "ask", ("languages",)),
        )

    def distance(self, file: _File) -> DistanceRule:
        where, table = self.table(file, "distance")
        self.keys(where, table, required=("id", "remote", "why", "kept_for_safety"))
        return DistanceRule(
            self.rule_id(where, table),
            self.codes(where, table.get("remote"), "remote", "[distance]"),
            self.text(where, table, "why", ("km", "max_km")),
            self.text(where, table, "kept_for_safety", ("km", "max_km")),
        )

    def excludes(self, file: _File) -> tuple[ExcludeRule, ...]:
        rules: list[ExcludeRule] = []
        for where, entry in self.entries(file, "exclude"):
            self.keys(
                where,
                entry,
                required=("id", "service", "why"),
                optional=(*_WHEN, "ask"),
            )
            rule_id = self.rule_id(where, entry)
            context = f"rule {rule_id or where.describe()}"
            rules.append(
                ExcludeRule(
                    rule_id,
                    self.service(where, entry, context),
                    self.when(where, entry, context),
                    self.text(where, entry, "why"),
                    self.optional_text(where, entry, "ask"),
                )
            )
        for required in CONTRACT_EXCLUDES:
            if required not in self.rule_ids:
                self.report(
                    _Where(file),
                    f"the [[exclude]] rule {required!r} is required by the intake contract; "
                    "keep it (you may reword its texts)",
                )
        return tuple(rules)

    # -- safety.toml ---------------------------------------------------------------------

    def safety(self, file: _File) -> tuple[SafetyRule, ...]:
        self.keys(_Where(file), file.data, optional=("safety",))
        rules: list[SafetyRule] = []
        for where, entry in self.entries(file, "safety"):
            self.keys(
                where,
                entry,
                required=("id", "offer", "urgent", "priority", "reason"),
                optional=(*_WHEN, "caution", "missing"),
            )
            rule_id = self.rule_id(where, entry)
            context = f"rule {rule_id or where.describe()}"
            if not any(k in entry for k in _WHEN):
                self.report(where, f"{context} needs when, when_all or when_any")
            rules.append(
                SafetyRule(
                    rule_id,
                    self.when(where, entry, context),
                    self.codes(where, entry.get("offer"), "offer", context),
                    self.flag(where, entry, "urgent"),
                    int(self.number(where, entry, "priority", low=0, integer=True)),
                    self.text(where, entry, "reason"),
                    self.optional_text(where, entry, "caution"),
                    self.optional_text(where, entry, "missing"),
                )
            )
        self.check_contract_safety(file, rules)
        return tuple(rules)

    def check_contract_safety(self, file: _File, rules: list[SafetyRule]) -> None:
        for rule_id, (codes, urgent) in CONTRACT_SAFETY.items():
            positions = [n for n, r in enumerate(rules) if r.id == rule_id]
            if not positions:
                self.report(
                    _Where(file),
                    f"the safety rule {rule_id!r} is required by the intake contract; keep it "
                    "(you may widen `when` and reword its texts)",
                )
                continue
            rule, where = rules[positions[0]], _Where(file, "safety", positions[0])
            for code in codes:
                if rule.offer and code not in rule.offer:
                    self.report(
                        where,
                        f"rule {rule_id}: the contract requires it to offer {code!r}",
                        key="offer",
                    )
            if urgent and not rule.urgent:
                self.report(
                    where, f"rule {rule_id}: the contract requires urgent = true", key="urgent"
                )

    # -- cautions.toml -------------------------------------------------------------------

    def cautions(self, file: _File) -> tuple[CautionRule, ...]:
        self.keys(_Where(file), file.data, optional=("caution",))
        rules: list[CautionRule] = []
        for where, entry in self.entries(file, "caution"):
            self.keys(where, entry, required=("id", "text"), optional=("service", *_WHEN))
            rule_id = self.rule_id(where, entry)
            context = f"rule {rule_id or where.describe()}"
            service = self.service(where, entry, context) if "service" in entry else None
            rules.append(
                CautionRule(
                    rule_id,
                    service,
                    self.when(where, entry, context),
                    self.text(where, entry, "text"),
                )
            )
        return tuple(rules)

    # -- ranking.toml --------------------------------------------------------------------

    def ranking(self, file: _File) -> Ranking:
        self.keys(
            _Where(file),
            file.data,
            required=("weights", "cost", "language", "distance", "low_barrier", "fallback"),
            optional=("reason",),
        )
        cost_where, cost = self.table(file, "cost")
        self.keys(
            cost_where, cost, required=("free", "sliding_scale", "coverage", "coverage_codes")
        )
        language_where, language = self.table(file, "language")
        self.keys(language_where, language, required=("text",))
        distance_where, distance = self.table(file, "distance")
        self.keys(
            distance_where,
            distance,
            required=("bands", "beyond", "remote", "text", "online", "phone"),
        )
        low_where, low = self.table(file, "low_barrier")
        self.keys(low_where, low, required=("when", "low_barrier", "walk_in"))
        fallback_where, fallback = self.table(file, "fallback")
        self.keys(fallback_where, fallback, required=("text",))
        return Ranking(
            weights=self.weights(file),
            free=self.text(cost_where, cost, "free"),
            sliding_scale=self.text(cost_where, cost, "sliding_scale"),
            coverage=self.text(cost_where, cost, "coverage", ("coverage",)),
            coverages=self.coverages(file, cost.get("coverage_codes")),
            language=self.text(language_where, language, "text", ("language",)),
            bands=self.bands(distance_where, distance.get("bands")),
            beyond=self.number(distance_where, distance, "beyond", low=0, high=1),
            remote=self.number(distance_where, distance, "remote", low=0, high=1),
            distance=self.text(distance_where, distance, "text", ("km",)),
            online=self.text(distance_where, distance, "online"),
            phone=self.text(distance_where, distance, "phone"),
            low_barrier_when=self.when(low_where, low, "[low_barrier]"),
            low_barrier=self.text(low_where, low, "low_barrier"),
            walk_in=self.text(low_where, low, "walk_in"),
            fallback=self.text(fallback_where, fallback, "text", ("types",)),
            reasons=self.reasons(file),
        )

    def weights(self, file: _File) -> dict[str, float]:
        where, table = self.table(file, "weights")
        self.keys(where, table, required=FACTORS)
        weights = {k: self.number(where, table, k, low=0, high=1) for k in FACTORS if k in table}
        if len(weights) == len(FACTORS) and sum(weights.values()) <= 0:
            self.report(where, "at least one weight must be above 0")
        return weights

    def coverages(self, file: _File, table: Any) -> tuple[Coverage, ...]:
        where = _Where(file, "cost.coverage_codes")
        if not isinstance(table, dict):
            self.report(
                _Where(file, "cost"), "coverage_codes must be a table", key="coverage_codes"
            )
            return ()
        choices = field_catalogue()["circumstances.insurance"].choices or frozenset()
        found: list[Coverage] = []
        for insurance, entry in table.items():
            if insurance not in choices:
                self.report(
                    where,
                    f"unknown insurance answer {insurance!r}; expected one of "
                    + ", ".join(sorted(choices)),
                    key=insurance,
                )
            elif not isinstance(entry, dict) or set(entry) != {"code", "name"}:
                self.report(
                    where,
                    f'{insurance} must be {{ code = "payment...", name = "..." }}',
                    key=insurance,
                )
            else:
                codes = self.codes(where, [entry["code"]], insurance, f"coverage {insurance}")
                name = self.text_value(where, entry, "name")
                found.append(Coverage(insurance, codes[0], name))
        return tuple(found)

    def bands(self, where: _Where, value: Any) -> tuple[DistanceBand, ...]:
        message = (
            "bands must be a list of { within_km = <more than 0>, value = <0 to 1> }, nearest first"
        )
        if not isinstance(value, list) or not value:
            self.report(where, message, key="bands")
            return (DistanceBand(1.0, 0.0),)
        bands: list[DistanceBand] = []
        for band in value:
            km, score = _band_numbers(band)
            if (
                km is None
                or score is None
                or km <= 0
                or not 0 <= score <= 1
                or (bands and km <= bands[-1].within_km)
            ):
                needle = f"within_km = {band.get('within_km')}" if isinstance(band, dict) else None
                self.report(where, message, key="bands", needle=needle)
                return (DistanceBand(1.0, 0.0),)
            bands.append(DistanceBand(km, score))
        return tuple(bands)

    def reasons(self, file: _File) -> tuple[ReasonRule, ...]:
        rules: list[ReasonRule] = []
        for where, entry in self.entries(file, "reason"):
            self.keys(where, entry, required=("id", "service", "text", "bonus"), optional=_WHEN)
            rule_id = self.rule_id(where, entry)
            context = f"rule {rule_id or where.describe()}"
            rules.append(
                ReasonRule(
                    rule_id,
                    self.service(where, entry, context),
                    self.when(where, entry, context),
                    self.text(where, entry, "text"),
                    self.number(where, entry, "bonus", low=0, high=1),
                )
            )
        return tuple(rules)

    # -- languages.toml ------------------------------------------------------------------

    def language_names(self, file: _File) -> dict[str, str]:
        self.keys(_Where(file), file.data, required=("names",))
        where, table = self.table(file, "names")
        names: dict[str, str] = {}
        for code, name in table.items():
            if not _LANGUAGE.fullmatch(code) or not isinstance(name, str) or not name.strip():
                self.report(
                    where,
                    f'{code!r}: expected a lowercase language code = "Name", e.g. es = "Spanish"',
                    key=code,
                )
                continue
            names[code] = name.strip()
        return names


def _band_numbers(band: Any) -> tuple[float | None, float | None]:
    if not isinstance(band, dict) or set(band) != {"within_km", "value"}:
        return None, None
    numbers = [
        float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None
        for v in (band["within_km"], band["value"])
    ]
    return numbers[0], numbers[1]
