"""The condition language of the rule files, and its three-valued logic.

Client conditions test intake answers:

    { field = "risks.uses_alone", is = true }
    { field = "substances.current", contains_any = ["alcohol", "benzodiazepines"] }
    { all = [ ... ] }   { any = [ ... ] }   { not = { ... } }   true   false

Service conditions test the `intake` taxonomy codes of a service:

    { has = "medication.methadone" }   { has_any = [...] }   { has_all = [...] }
    { pathway = "moderation" }          and all / any / not, true, false

A client condition answers True, False or None (unknown: an answer is missing). Rules
act on True only, so a skipped question never counts as "no"; `if_unknown = true|false`
on a field test says what to assume instead, and `known = true` asks whether a field was
answered at all.
"""

import difflib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from intake.rules.fields import FieldSpec, IntakeFacts

Truth = bool | None
Report = Callable[[str, str | None], None]  # (message, text to find the line by)


# --- client conditions ------------------------------------------------------------------


class Condition(ABC):
    @abstractmethod
    def evaluate(self, facts: IntakeFacts) -> Truth: ...


@dataclass(frozen=True, slots=True)
class Constant(Condition):
    value: bool

    def evaluate(self, facts: IntakeFacts) -> Truth:
        return self.value


@dataclass(frozen=True, slots=True)
class AllOf(Condition):
    parts: tuple[Condition, ...]

    def evaluate(self, facts: IntakeFacts) -> Truth:
        # Kleene "and": one known False decides; otherwise any unknown leaves it unknown.
        result: Truth = True
        for part in self.parts:
            value = part.evaluate(facts)
            if value is False:
                return False
            if value is None:
                result = None
        return result


@dataclass(frozen=True, slots=True)
class AnyOf(Condition):
    parts: tuple[Condition, ...]

    def evaluate(self, facts: IntakeFacts) -> Truth:
        result: Truth = False
        for part in self.parts:
            value = part.evaluate(facts)
            if value is True:
                return True
            if value is None:
                result = None
        return result


@dataclass(frozen=True, slots=True)
class Not(Condition):
    part: Condition

    def evaluate(self, facts: IntakeFacts) -> Truth:
        value = self.part.evaluate(facts)
        return None if value is None else not value


def _contains(values: tuple[Any, ...], wanted: Any) -> Truth:
    if wanted in values:
        return True
    return None if None in values else False


def _contains_any(values: tuple[Any, ...], wanted: tuple[Any, ...]) -> Truth:
    if any(w in values for w in wanted):
        return True
    return None if None in values else False


def _contains_all(values: tuple[Any, ...], wanted: tuple[Any, ...]) -> Truth:
    if all(w in values for w in wanted):
        return True
    return None if None in values else False


_OPS: dict[str, Callable[[Any, Any], Truth]] = {
    "is": lambda v, x: v == x,
    "is_not": lambda v, x: v != x,
    "in": lambda v, x: v in x,
    "not_in": lambda v, x: v not in x,
    "contains": _contains,
    "contains_any": _contains_any,
    "contains_all": _contains_all,
    "below": lambda v, x: v < x,
    "at_most": lambda v, x: v <= x,
    "above": lambda v, x: v > x,
    "at_least": lambda v, x: v >= x,
}
SCALAR_OPS = ("is", "is_not", "in", "not_in")
LIST_OPS = ("contains", "contains_any", "contains_all")
NUMBER_OPS = ("below", "at_most", "above", "at_least")
OPERATORS = (*SCALAR_OPS, *LIST_OPS, *NUMBER_OPS, "known")


@dataclass(frozen=True, slots=True)
class FieldTest(Condition):
    path: str
    op: str
    operand: Any
    if_unknown: bool | None = None

    def evaluate(self, facts: IntakeFacts) -> Truth:
        value = facts.value(self.path)
        if self.op == "known":
            return (value is not None) is self.operand
        result = None if value is None else _OPS[self.op](value, self.operand)
        if result is None and self.if_unknown is not None:
            return self.if_unknown
        return result


# --- service conditions -----------------------------------------------------------------


class ServiceCondition(ABC):
    @abstractmethod
    def matches(self, codes: frozenset[str]) -> bool: ...

    @abstractmethod
    def codes(self) -> Iterator[str]:
        """The taxonomy codes (and pathway prefixes) the condition looks at."""


@dataclass(frozen=True, slots=True)
class ServiceConstant(ServiceCondition):
    value: bool

    def matches(self, codes: frozenset[str]) -> bool:
        return self.value

    def codes(self) -> Iterator[str]:
        yield from ()


@dataclass(frozen=True, slots=True)
class HasCodes(ServiceCondition):
    wanted: frozenset[str]
    need_all: bool = False

    def matches(self, codes: frozenset[str]) -> bool:
        return self.wanted <= codes if self.need_all else not self.wanted.isdisjoint(codes)

    def codes(self) -> Iterator[str]:
        yield from self.wanted


@dataclass(frozen=True, slots=True)
class InPathway(ServiceCondition):
    pathway: str

    def matches(self, codes: frozenset[str]) -> bool:
        prefix = self.pathway + "."
        return any(code.startswith(prefix) for code in codes)

    def codes(self) -> Iterator[str]:
        yield self.pathway


@dataclass(frozen=True, slots=True)
class ServiceAll(ServiceCondition):
    parts: tuple[ServiceCondition, ...]

    def matches(self, codes: frozenset[str]) -> bool:
        return all(p.matches(codes) for p in self.parts)

    def codes(self) -> Iterator[str]:
        for part in self.parts:
            yield from part.codes()


@dataclass(frozen=True, slots=True)
class ServiceAny(ServiceCondition):
    parts: tuple[ServiceCondition, ...]

    def matches(self, codes: frozenset[str]) -> bool:
        return any(p.matches(codes) for p in self.parts)

    def codes(self) -> Iterator[str]:
        for part in self.parts:
            yield from part.codes()


@dataclass(frozen=True, slots=True)
class ServiceNot(ServiceCondition):
    part: ServiceCondition

    def matches(self, codes: frozenset[str]) -> bool:
        return not self.part.matches(codes)

    def codes(self) -> Iterator[str]:
        yield from self.part.codes()


# --- reading conditions from a rule file ---------------------------------------------------


class ConditionReader:
    """Turns parsed TOML into conditions, reporting every mistake with a phrase that lets
    the loader find its line."""

    def __init__(
        self,
        fields: Mapping[str, FieldSpec],
        is_code: Callable[[str], bool],
        pathways: tuple[str, ...],
    ) -> None:
        self.fields = fields
        self.is_code = is_code
        self.pathways = pathways

    # -- client --------------------------------------------------------------------------

    def client(self, raw: Any, report: Report) -> Condition | None:
        if isinstance(raw, bool):
            return Constant(raw)
        if not isinstance(raw, dict):
            report(
                f"a condition must be a table such as {{ field = ..., is = ... }} or "
                f"{{ all = [...] }}, not {_show(raw)}",
                None,
            )
            return None
        for key in ("all", "any"):
            if key in raw:
                return self._client_group(key, raw, report)
        if "not" in raw:
            self._only(raw, {"not"}, "a { not = ... } condition", report)
            part = self.client(raw["not"], report)
            return None if part is None else Not(part)
        if "field" in raw:
            return self._field_test(raw, report)
        report(
            f"a condition needs `field` (with an operator), or `all`, `any` or `not`; "
            f"found keys {', '.join(sorted(raw)) or 'none'}",
            _first_key(raw),
        )
        return None

    def _client_group(self, key: str, raw: dict[str, Any], report: Report) -> Condition | None:
        self._only(raw, {key}, f"a {{ {key} = [...] }} condition", report)
        items = raw[key]
        if not isinstance(items, list) or not items:
            report(f"`{key}` must be a non-empty list of conditions", key)
            return None
        parts = [self.client(item, report) for item in items]
        if any(p is None for p in parts):
            return None
        known = tuple(p for p in parts if p is not None)
        return AllOf(known) if key == "all" else AnyOf(known)

    def _field_test(self, raw: dict[str, Any], report: Report) -> Condition | None:
        path = raw["field"]
        if not isinstance(path, str):
            report(f"`field` must be a field name in quotes, not {_show(path)}", "field")
            return None
        spec = self.fields.get(path)
        if spec is None:
            report(f"unknown intake field {path!r}{_did_you_mean(path, self.fields)}", f'"{path}"')
            return None
        ops = [k for k in raw if k in OPERATORS]
        unknown = [k for k in raw if k not in (*OPERATORS, "field", "if_unknown")]
        if unknown:
            report(
                f"unknown key {unknown[0]!r} in the test of {path!r}; operators: "
                f"{', '.join(OPERATORS)}; and if_unknown",
                unknown[0],
            )
            return None
        if len(ops) != 1:
            report(
                f"the test of {path!r} needs exactly one operator ({', '.join(OPERATORS)}), "
                f"found {len(ops)}",
                f'"{path}"',
            )
            return None
        op = ops[0]
        if_unknown = raw.get("if_unknown")
        if if_unknown is not None and not isinstance(if_unknown, bool):
            report(f"if_unknown must be true or false, not {_show(if_unknown)}", "if_unknown")
            return None
        operand = self._operand(spec, op, raw[op], report)
        if operand is _BAD:
            return None
        return FieldTest(path, op, operand, if_unknown)

    def _operand(self, spec: FieldSpec, op: str, value: Any, report: Report) -> Any:
        where = f"{spec.path} {op}"
        if op == "known":
            if not isinstance(value, bool):
                report(f"`known` must be true or false, not {_show(value)}", op)
                return _BAD
            return value
        if spec.kind == "list":
            if op not in LIST_OPS:
                report(f"{spec.path!r} is a list: use {', '.join(LIST_OPS)} or known, not {op}", op)
                return _BAD
            values = [value] if op == "contains" else value
            if op != "contains" and (not isinstance(value, list) or not value):
                report(f'`{op}` needs a non-empty list, e.g. ["a", "b"]', op)
                return _BAD
            checked = [self._scalar(spec, v, where, report) for v in values]
            if any(c is _BAD for c in checked):
                return _BAD
            return checked[0] if op == "contains" else tuple(checked)
        if op in LIST_OPS:
            report(f"{spec.path!r} is not a list: use {', '.join(SCALAR_OPS)}, not {op}", op)
            return _BAD
        if op in NUMBER_OPS:
            if spec.kind != "number":
                report(f"{spec.path!r} is not a number: {op} does not apply", op)
                return _BAD
            return self._scalar(spec, value, where, report)
        if op in ("in", "not_in"):
            if not isinstance(value, list) or not value:
                report(f'`{op}` needs a non-empty list, e.g. ["a", "b"]', op)
                return _BAD
            checked = [self._scalar(spec, v, where, report) for v in value]
            return _BAD if any(c is _BAD for c in checked) else frozenset(checked)
        return self._scalar(spec, value, where, report)

    def _scalar(self, spec: FieldSpec, value: Any, where: str, report: Report) -> Any:
        if spec.kind == "flag" and not isinstance(value, bool):
            report(f"{where}: expected true or false, not {_show(value)}", _needle(value))
            return _BAD
        if spec.kind == "number" and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            report(f"{where}: expected a number, not {_show(value)}", _needle(value))
            return _BAD
        if spec.kind in ("text", "choice") and not isinstance(value, str):
            report(f"{where}: expected a text in quotes, not {_show(value)}", _needle(value))
            return _BAD
        if spec.kind == "list" and (isinstance(value, bool) or not isinstance(value, str | int)):
            report(f"{where}: expected a text in quotes, not {_show(value)}", _needle(value))
            return _BAD
        if spec.choices is not None and value not in spec.choices:
            report(
                f"{where}: {_show(value)} is not a possible answer; expected one of "
                f"{', '.join(sorted(spec.choices))}",
                _needle(value),
            )
            return _BAD
        return value

    # -- service -------------------------------------------------------------------------

    def service(self, raw: Any, report: Report) -> ServiceCondition | None:
        if isinstance(raw, bool):
            return ServiceConstant(raw)
        if not isinstance(raw, dict):
            report(
                f'a service condition must be a table such as {{ has = "..." }}, not {_show(raw)}',
                None,
            )
            return None
        keys = [
            k for k in ("all", "any", "not", "has", "has_any", "has_all", "pathway") if k in raw
        ]
        if len(keys) != 1 or len(raw) != 1:
            report(
                "a service condition is exactly one of: has, has_any, has_all, pathway, all, "
                f"any, not; found {', '.join(sorted(raw)) or 'nothing'}",
                _first_key(raw),
            )
            return None
        key = keys[0]
        value = raw[key]
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                report(f"`{key}` must be a non-empty list of service conditions", key)
                return None
            parts = [self.service(v, report) for v in value]
            if any(p is None for p in parts):
                return None
            known = tuple(p for p in parts if p is not None)
            return ServiceAll(known) if key == "all" else ServiceAny(known)
        if key == "not":
            part = self.service(value, report)
            return None if part is None else ServiceNot(part)
        if key == "pathway":
            if value not in self.pathways:
                report(
                    f"unknown pathway {_show(value)}; expected one of {', '.join(self.pathways)}",
                    _needle(value),
                )
                return None
            return InPathway(value)
        codes = [value] if key == "has" else value
        if key != "has" and (not isinstance(value, list) or not value):
            report(f"`{key}` needs a non-empty list of taxonomy codes", key)
            return None
        if not self.codes_known(codes, report):
            return None
        return HasCodes(frozenset(codes), need_all=key == "has_all")

    def codes_known(self, codes: list[Any], report: Report) -> bool:
        good = True
        for code in codes:
            if not isinstance(code, str) or not self.is_code(code):
                report(
                    f"unknown taxonomy code {_show(code)} (see resources/taxonomy/intake.toml)",
                    _needle(code),
                )
                good = False
        return good

    def _only(self, raw: dict[str, Any], allowed: set[str], what: str, report: Report) -> None:
        for key in raw:
            if key not in allowed:
                report(f"{what} cannot also have {key!r}", key)


class _Bad:
    """Marks an operand that failed its check (None is a legitimate operand nowhere, but
    a sentinel keeps that from mattering)."""


_BAD: Any = _Bad()


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _needle(value: Any) -> str | None:
    """The text to look for in the file to find the line of a bad value."""
    if isinstance(value, str):
        return f'"{value}"'
    return None


def _first_key(raw: Mapping[str, Any]) -> str | None:
    return next(iter(raw), None)


def _did_you_mean(word: str, known: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.75)
    return f'; did you mean "{close[0]}"?' if close else ""
