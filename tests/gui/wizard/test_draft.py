"""The wizard's draft: a plain dict in the contract's shape; unknown answers are absent."""

from datetime import date

from intake.gui.wizard.draft import WIZARD_KEY, Draft, compact, field_key, iso_date_text


def test_answers_are_set_by_path_and_unknown_ones_removed_with_their_empty_section() -> None:
    draft = Draft()
    assert draft.set("risks.uses_alone", True)
    assert draft.set("risks.suicidal_thoughts", False)  # "no" is an answer, kept
    assert draft.answers == {"risks": {"uses_alone": True, "suicidal_thoughts": False}}
    assert draft.set("risks.uses_alone", None)
    assert draft.set("risks.suicidal_thoughts", "")
    assert draft.answers == {}
    assert not draft.set("client.name", "  ")  # blank is unknown: nothing changes


def test_every_change_is_counted_and_reported_once() -> None:
    changes: list[int] = []
    draft = Draft()
    draft.on_change = lambda: changes.append(draft.revision)
    draft.set("client.name", "Sky")
    draft.set("client.name", "Sky")  # the same answer again: not a change
    draft.set_extra("is_alias", True)
    assert changes == [1, 2]


def test_the_stored_form_keeps_the_wizards_notes_apart_and_reads_back_equal() -> None:
    draft = Draft({"client": {"name": "Sky"}, "goals": ["safety"]})
    draft.set_declined("risks.uses_alone", True)
    stored = draft.stored()
    assert stored[WIZARD_KEY] == {"declined": ["risks.uses_alone"]}
    again = Draft.from_stored(stored)
    assert again.answers == draft.answers and again.declined("risks.uses_alone")
    stored["client"]["name"] = "changed"  # a copy: the draft is not touched
    assert draft.get("client.name") == "Sky"


def test_problems_come_from_the_intake_model_with_their_field_paths() -> None:
    draft = Draft({"client": {"name": "Sky", "phone": "abc"}, "goals": []})
    fields = {p.field for p in draft.problems(date(2026, 11, 23))}
    assert fields == {"client.phone", "goals"}
    draft.set("client.phone", None)
    draft.set("goals", ["safety"])
    assert draft.problems(date(2026, 11, 23)) == []
    assert draft.parse(date(2026, 11, 23)).client.name == "Sky"


def test_the_plan_depends_on_every_answer_but_the_consent() -> None:
    draft = Draft({"client": {"name": "Sky"}, "goals": ["safety"]})
    before = draft.matching_key()
    draft.set("consent", {"signed_by": "Sky"})
    assert draft.matching_key() == before
    draft.set("goals", ["safety", "abstinence"])
    assert draft.matching_key() != before


def test_helpers() -> None:
    assert iso_date_text("4/12/1990") == "1990-04-12"
    assert iso_date_text(" 1990-04-12 ") == "1990-04-12"
    assert iso_date_text("2/30/1990") == "2/30/1990"  # not a date: kept for the model to word
    assert field_key("substances[1].route") == "substances.route"
    assert compact({"a": None, "b": "", "c": [], "d": 0, "e": False}) == {"d": 0, "e": False}
