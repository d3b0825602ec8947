"""The wizard's draft: one plain dict in the shape of contract §1, plus the wizard's own notes.

No Qt here. Pages read their answers in `initializePage` and write each answer the moment
it changes (`draft.set("client.name", "Sky")`); the core's `intake_model` turns the dict
into an Intake and words every problem. An unknown answer is a missing key, never "no":
setting None, "" or an empty list removes the key, and an emptied section goes with it.

What the wizard needs to resume exactly where the counselor was, but which is not an
answer of the contract (the "alias only" box, questions the client preferred not to
answer, the referrals ticked so far), is kept apart in `extras` and stored beside the
answers under one key that `answers` never holds.
"""

import copy
import json
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from intake.intake_model import Intake, parse_intake
from intake.problems import InputError, Problem

WIZARD_KEY = "_wizard"  # where the extras live in a stored draft
SOURCE = "form"  # what problems name as their file

_INDEX = re.compile(r"\[\d+\]")
_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def is_unknown(value: object) -> bool:
    """None, blank text and empty lists or objects all mean "not answered"."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | dict | tuple) and not value


def compact(values: Mapping[str, Any]) -> dict[str, Any]:
    """A section without its unknown answers."""
    return {key: value for key, value in values.items() if not is_unknown(value)}


def field_key(field: str | None) -> str:
    """A problem's field path without list positions ("client.languages[1]" -> ...languages)."""
    return _INDEX.sub("", field or "")


def iso_date_text(text: str) -> str:
    """A typed date as the intake wants it: US-style "4/12/1990" becomes "1990-04-12".

    Anything else is kept as typed (trimmed), so the intake model can say what is wrong.
    """
    found = _US_DATE.match(text)
    if not found:
        return text.strip()
    month, day, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return text.strip()


class Draft:
    """The answers being gathered, and the wizard's notes about them.

    `on_change` is called after every change that alters something (the wizard saves and
    re-checks then). `revision` counts changes, so checks can be cached per revision.
    """

    def __init__(
        self, answers: Mapping[str, Any] | None = None, extras: Mapping[str, Any] | None = None
    ) -> None:
        self.answers: dict[str, Any] = copy.deepcopy(dict(answers or {}))
        self.extras: dict[str, Any] = copy.deepcopy(dict(extras or {}))
        self.revision = 0
        self.on_change: Callable[[], None] | None = None
        self._checked: tuple[int, date | None, list[Problem]] | None = None

    # -- stored form ----------------------------------------------------------------------

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> "Draft":
        """A draft as `save_draft` kept it (answers with the extras under WIZARD_KEY)."""
        answers = {k: v for k, v in stored.items() if k != WIZARD_KEY}
        extras = stored.get(WIZARD_KEY)
        return cls(answers, extras if isinstance(extras, dict) else {})

    def stored(self) -> dict[str, Any]:
        """What `save_draft` gets: a deep copy, so later edits do not reach a save in flight."""
        data = copy.deepcopy(self.answers)
        if self.extras:
            data[WIZARD_KEY] = copy.deepcopy(self.extras)
        return data

    # -- answers --------------------------------------------------------------------------

    def get(self, path: str, default: Any = None) -> Any:
        """The answer at a dotted path ("risks.uses_alone"), or `default` when unknown."""
        node: Any = self.answers
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return copy.deepcopy(node)

    def set(self, path: str, value: Any) -> bool:
        """Answer (or, with an unknown value, forget) the question at `path`; True if changed."""
        if self.get(path) == (None if is_unknown(value) else value):
            return False
        parts = path.split(".")
        if is_unknown(value):
            self._remove(parts)
        else:
            node = self.answers
            for part in parts[:-1]:
                child = node.get(part)
                if not isinstance(child, dict):
                    child = node[part] = {}
                node = child
            node[parts[-1]] = copy.deepcopy(value)
        self._changed()
        return True

    def _remove(self, parts: list[str]) -> None:
        trail: list[tuple[dict[str, Any], str]] = []
        node: Any = self.answers
        for part in parts:
            if not isinstance(node, dict) or part not in node:
                return
            trail.append((node, part))
            node = node[part]
        for parent, key in reversed(trail):
            child = parent[key]
            if child is node or (isinstance(child, dict) and not child):
                del parent[key]  # the answer, then each section it leaves empty
            else:
                break

    # -- the wizard's notes ------------------------------------------------------------

    def extra(self, key: str, default: Any = None) -> Any:
        return copy.deepcopy(self.extras.get(key, default))

    def set_extra(self, key: str, value: Any) -> bool:
        if is_unknown(value):
            if key not in self.extras:
                return False
            del self.extras[key]
        else:
            if self.extras.get(key) == value:
                return False
            self.extras[key] = copy.deepcopy(value)
        self._changed()
        return True

    def declined(self, path: str) -> bool:
        """Did the client prefer not to answer this question? (The answer stays unknown.)"""
        return path in self.extras.get("declined", [])

    def set_declined(self, path: str, declined: bool) -> bool:
        paths = [p for p in self.extras.get("declined", []) if p != path]
        if declined:
            paths.append(path)
        return self.set_extra("declined", sorted(paths))

    # -- checking -----------------------------------------------------------------------

    def problems(self, today: date | None = None) -> list[Problem]:
        """Every problem the intake model finds in the answers so far (cached per change)."""
        if self._checked is not None and self._checked[:2] == (self.revision, today):
            return self._checked[2]
        try:
            parse_intake(self.answers, source=SOURCE, today=today)
        except InputError as exc:
            problems = exc.errors
        else:
            problems = []
        self._checked = (self.revision, today, problems)
        return problems

    def parse(self, today: date | None = None) -> Intake:
        """The finished Intake; InputError with every problem if it is not complete."""
        return parse_intake(self.answers, source=SOURCE, today=today)

    def matching_key(self) -> str:
        """The answers that decide the plan, as text: a plan is stale when this changes."""
        relevant = {k: v for k, v in self.answers.items() if k != "consent"}
        return json.dumps(relevant, sort_keys=True, default=str)

    def _changed(self) -> None:
        self.revision += 1
        if self.on_change is not None:
            self.on_change()
