"""The program's own HSDS taxonomy, `intake`: pathways, service types and eligibility codes.

The codes live in `resources/taxonomy/intake.toml` so that a clinic administrator can
reword labels without touching code. Term ids are uuid5 of the code, so every install,
import and export gives the same code the same HSDS `taxonomy_term.id`.
"""

import functools
import re
import tomllib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.paths import resource_path
from intake.problems import InputError, Problem, error

TERM_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "intake:taxonomy")
TAXONOMY_NAME = "intake"

# Groups of eligibility and feature codes; every other group must be a pathway.
FEATURE_GROUPS = ("population", "requirement", "approach", "format", "payment", "substance")

# What the contract (§2, §3) fixes: the rules and saved referrals depend on these, so a
# file that drops one is refused rather than silently matching less.
CONTRACT_PATHWAYS = (
    "twelve_step",
    "secular_mutual_aid",
    "moderation",
    "medication",
    "treatment",
    "harm_reduction",
    "peer_support",
    "crisis",
    "basic_needs",
    "health",
)
SUBSTANCES = (
    "alcohol",
    "opioids",
    "methamphetamine",
    "cocaine",
    "benzodiazepines",
    "cannabis",
    "tobacco",
    "other",
)
CONTRACT_TYPE_CODES = (
    "twelve_step.meeting",
    "secular_mutual_aid.meeting",
    "moderation.program",
    "medication.methadone",
    "medication.buprenorphine",
    "medication.naltrexone",
    "medication.acamprosate",
    "medication.nicotine_replacement",
    "treatment.withdrawal_management",
    "treatment.inpatient",
    "treatment.residential",
    "treatment.partial_hospitalization",
    "treatment.intensive_outpatient",
    "treatment.outpatient",
    "treatment.contingency_management",
    "harm_reduction.syringe_services",
    "harm_reduction.naloxone",
    "harm_reduction.test_strips",
    "harm_reduction.drug_checking",
    "harm_reduction.safer_smoking",
    "harm_reduction.overdose_prevention_site",
    "harm_reduction.hiv_hcv_testing",
    "harm_reduction.prep",
    "harm_reduction.wound_care",
    "peer_support.recovery_coach",
    "peer_support.recovery_community",
    "crisis.hotline",
    "crisis.overdose_spotting",
    "crisis.stabilization",
    "basic_needs.shelter",
    "basic_needs.recovery_housing",
    "basic_needs.food",
    "basic_needs.showers",
    "basic_needs.legal",
    "basic_needs.transportation",
    "health.primary_care",
    "health.mental_health",
    "health.perinatal",
)
CONTRACT_FEATURE_CODES = (
    "population.pregnant",
    "population.adolescent",
    "population.veteran",
    "population.women",
    "population.men",
    "population.lgbtq",
    "population.justice_involved",
    "requirement.abstinence",
    "approach.faith_based",
    "approach.low_barrier",
    "approach.walk_in",
    "format.online",
    "format.phone",
    "payment.free",
    "payment.sliding_scale",
    "payment.medicaid",
    "payment.medicare",
    "payment.private",
    "payment.va",
    *(f"substance.{s}" for s in SUBSTANCES),
)

_PATHWAY_CODE = re.compile(r"[a-z][a-z0-9_]*")
_TERM_CODE = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")
_ENTRY_KEYS = ("code", "label", "description")
_TOP_KEYS = ("version", "description", "pathways", "terms")


@dataclass(frozen=True, slots=True)
class Pathway:
    code: str
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    label: str
    description: str
    group: str  # the part before the dot: a pathway code or one of FEATURE_GROUPS

    @property
    def is_type(self) -> bool:
        """True for a service type (`harm_reduction.naloxone`), False for a feature code."""
        return self.group not in FEATURE_GROUPS


def term_id_of(code: str) -> str:
    """The HSDS id of an `intake` code: the same on every install."""
    return str(uuid.uuid5(TERM_NAMESPACE, code))


@dataclass(frozen=True)
class IntakeTaxonomy:
    version: str
    pathways: tuple[Pathway, ...]
    terms: dict[str, Term]  # by code, in file order
    description: str = ""
    _pathway_by_code: dict[str, Pathway] = field(init=False, repr=False, compare=False)
    _code_by_id: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code = {p.code: p for p in self.pathways}
        all_codes = [*by_code, *self.terms]
        object.__setattr__(self, "_pathway_by_code", by_code)
        object.__setattr__(self, "_code_by_id", {term_id_of(c): c for c in all_codes})

    @property
    def taxonomy_id(self) -> str:
        return term_id_of(TAXONOMY_NAME)

    def term_id(self, code: str) -> str:
        return term_id_of(code)

    def code_of_term_id(self, term_id: str) -> str | None:
        """The code of a term or pathway id of this taxonomy; None for any other id."""
        return self._code_by_id.get(term_id)

    def is_known(self, code: str) -> bool:
        return code in self.terms or code in self._pathway_by_code

    def pathway(self, code: str) -> Pathway:
        return self._pathway_by_code[code]

    def pathway_codes(self) -> tuple[str, ...]:
        return tuple(self._pathway_by_code)

    def types_of(self, pathway_code: str) -> tuple[Term, ...]:
        """The service types of a pathway, in file order; KeyError for an unknown pathway."""
        self.pathway(pathway_code)
        return tuple(t for t in self.terms.values() if t.group == pathway_code)

    def label(self, code: str) -> str:
        if code in self.terms:
            return self.terms[code].label
        if code in self._pathway_by_code:
            return self._pathway_by_code[code].label
        return code


def load_taxonomy(path: Path | None = None) -> IntakeTaxonomy:
    """Read and check a taxonomy file; the bundled one (read once) when no path is given."""
    if path is None:
        return _load_default()
    return _load(path)


@functools.cache
def _load_default() -> IntakeTaxonomy:
    return _load(resource_path("taxonomy", "intake.toml"))


def _load(path: Path) -> IntakeTaxonomy:
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message ends "(at line L, column C)"
        raise InputError([error(f"not valid TOML: {exc}", file=str(path))]) from exc
    return _Checker(path, text).build(data)


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InputError([error(f"cannot read the taxonomy file: {exc}", file=str(path))]) from exc
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        raise InputError([error(message, file=str(path))]) from exc


class _Checker:
    """Collects every problem in a parsed taxonomy file, then builds it or raises them all."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.problems: list[Problem] = []

    def build(self, data: Mapping[str, Any]) -> IntakeTaxonomy:
        self._check_top_keys(data)
        version = self._text_value(data, "version", "the file")
        description = self._optional_text(data, "description")
        before = len(self.problems)
        pathways = self._pathways(self._entries(data, "pathways"))
        # Broken pathways would make every type code look undeclared: check groups only
        # against a sound list.
        declared = None if len(self.problems) > before else [p.code for p in pathways]
        terms = self._terms(self._entries(data, "terms"), declared)
        self._check_contract(pathways, terms)
        if self.problems:
            raise InputError(self.problems)
        return IntakeTaxonomy(version, tuple(pathways), terms, description)

    # -- reporting ---------------------------------------------------------------------

    def _report(self, message: str, field_name: str | None = None) -> None:
        self.problems.append(error(message, file=str(self.path), field=field_name))

    def _line_of_key(self, key: str) -> str:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return f" (line {number})"
        return ""

    def _header_lines(self, section: str) -> list[int]:
        pattern = re.compile(rf"^\s*\[\[\s*{re.escape(section)}\s*\]\]")
        return [n for n, line in enumerate(self.lines, start=1) if pattern.match(line)]

    # -- top level ---------------------------------------------------------------------

    def _check_top_keys(self, data: Mapping[str, Any]) -> None:
        for key in data:
            if key not in _TOP_KEYS:
                allowed = ", ".join(_TOP_KEYS)
                self._report(
                    f"unknown key {key!r}{self._line_of_key(key)}; allowed: {allowed}", key
                )

    def _text_value(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self._report(f'{where} needs {key} = "..." (a non-empty text)', key)
            return ""
        return value.strip()

    def _optional_text(self, data: Mapping[str, Any], key: str) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self._report(f"{key} must be a text in quotes{self._line_of_key(key)}", key)
            return ""
        return value.strip()

    def _entries(self, data: Mapping[str, Any], section: str) -> list[tuple[str, dict[str, Any]]]:
        """The [[section]] tables, each with a phrase saying where it is in the file."""
        value = data.get(section)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self._report(
                f"expected a list of [[{section}]] tables, each with code, label and description",
                section,
            )
            return []
        lines = self._header_lines(section)
        if len(lines) != len(value):  # written as an inline array: no header lines to name
            return [(f"[[{section}]] entry {i}", entry) for i, entry in enumerate(value, 1)]
        return [
            (f"the [[{section}]] entry at line {n}", e) for n, e in zip(lines, value, strict=True)
        ]

    # -- entries -----------------------------------------------------------------------

    def _entry_fields(self, where: str, entry: Mapping[str, Any]) -> tuple[str, str, str] | None:
        for key in entry:
            if key not in _ENTRY_KEYS:
                self._report(
                    f"{where} has unknown key {key!r}; allowed: code, label, description", key
                )
        values = []
        for key in _ENTRY_KEYS:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                code = entry.get("code")
                named = f" (code {code!r})" if isinstance(code, str) and key != "code" else ""
                self._report(f'{where}{named} has no {key}; write {key} = "..."', key)
                return None
            values.append(value.strip())
        return values[0], values[1], values[2]

    def _pathways(self, entries: Iterable[tuple[str, dict[str, Any]]]) -> list[Pathway]:
        pathways: dict[str, Pathway] = {}
        for where, entry in entries:
            fields = self._entry_fields(where, entry)
            if fields is None:
                continue
            code, label, description = fields
            if not _PATHWAY_CODE.fullmatch(code):
                self._report(
                    f"{where}: pathway code {code!r} must be lowercase letters, digits and "
                    "underscores, starting with a letter",
                    "code",
                )
            elif code in pathways:
                self._report(f"{where}: pathway {code!r} is declared twice", "code")
            else:
                pathways[code] = Pathway(code, label, description)
        return list(pathways.values())

    def _terms(
        self, entries: Iterable[tuple[str, dict[str, Any]]], pathway_codes: list[str] | None
    ) -> dict[str, Term]:
        terms: dict[str, Term] = {}
        for where, entry in entries:
            fields = self._entry_fields(where, entry)
            if fields is None:
                continue
            code, label, description = fields
            group = code.split(".", 1)[0]
            if not _TERM_CODE.fullmatch(code):
                self._report(
                    f"{where}: code {code!r} must have the form group.value (lowercase letters, "
                    "digits and underscores), e.g. harm_reduction.naloxone",
                    "code",
                )
            elif pathway_codes is not None and group not in {*pathway_codes, *FEATURE_GROUPS}:
                known = ", ".join([*pathway_codes, *FEATURE_GROUPS])
                self._report(
                    f"{where}: code {code!r} starts with {group!r}, which is neither a declared "
                    f"pathway nor a feature group; expected one of: {known}",
                    "code",
                )
            elif code in terms:
                self._report(f"{where}: code {code!r} is declared twice", "code")
            else:
                terms[code] = Term(code, label, description, group)
        return terms

    def _check_contract(self, pathways: list[Pathway], terms: Mapping[str, Term]) -> None:
        if self.problems:
            return  # a broken entry would show up again here as "missing"
        declared = {p.code for p in pathways}
        for code in CONTRACT_PATHWAYS:
            if code not in declared:
                self._report(
                    f"pathway {code!r} is missing; the rules need every pathway", "pathways"
                )
        for code in (*CONTRACT_TYPE_CODES, *CONTRACT_FEATURE_CODES):
            if code not in terms:
                self._report(f"code {code!r} is missing; the rules need it", "terms")
