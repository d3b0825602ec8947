"""The fast check's verdict is the R4B models' own, on valid and on broken resources."""

import copy
import datetime as dt
import functools
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from intake.exports import fhir_check
from intake.exports.fhir import BundleBuilder
from intake.exports.fhir_check import Conformance
from intake.exports.fhir_codes import REFERRAL_STATUSES
from intake.exports.rows import ReferralRow
from intake.taxonomy import load_taxonomy

WHEN = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def row(n: int, **changes: Any) -> ReferralRow:
    """The n-th of a varied run of referrals (every status, optional parts on and off)."""
    pathway = ("harm_reduction", "crisis", "peer_support", "")[n % 4]
    values: dict[str, Any] = {
        "referral_id": f"r{n}",
        "intake_id": f"i{n // 2}",
        "client_id": f"c{n % 3}",
        "client_name": ("María López", "Sky", "Wei 王")[n % 3],
        "is_alias": n % 3 == 1,
        "date_of_birth": dt.date(1990, 4, 12) if n % 3 == 0 else None,
        "finished_at": WHEN,
        "goals": (),
        "counselor": ("Dana", None, "  ")[n % 3],
        "service_id": f"svc-{n % 5}",
        "service_name": ("Naloxone by mail", "", "988 Lifeline")[n % 3],
        "organization_name": ("Collective", "", "988 Lifeline")[n % 3],
        "pathway": pathway,
        "types": (f"{pathway}.naloxone", f"{pathway}.other")[: n % 3] if pathway else (),
        "reasons": ("Free", " ", "Walk-in")[: 1 + n % 3],
        "urgent": n % 4 == 1,
        "safety_net": False,
        "added_by_counselor": False,
        "note": ("Prefers mail", None)[n % 2],
        "status": REFERRAL_STATUSES[n % len(REFERRAL_STATUSES)],
        "created_at": WHEN + dt.timedelta(minutes=n),
    }
    values.update(changes)
    return ReferralRow(**values)


@functools.cache
def sample() -> tuple[dict[str, Any], ...]:
    """The resources of a Bundle of 30 referrals (frozen by convention: copy to change)."""
    builder = BundleBuilder(load_taxonomy())
    for n in range(30):
        builder.add(row(n))
    bundle = builder.bundle("2026-03-01T10:00:00Z")
    return tuple(entry["resource"] for entry in bundle["entry"])


def model_of(resource: dict[str, Any]) -> type[BaseModel]:
    return get_fhir_model_class(resource["resourceType"])


def models_accept(model: type[BaseModel], data: Any) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


def settled() -> Conformance:
    """A checker that has seen every resource of the sample (and found each valid)."""
    checker = Conformance()
    for resource in sample():
        assert checker.conforms(model_of(resource), resource)
    return checker


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value: dict keys and list indices, depth first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


def at(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


# Values that are valid somewhere and invalid elsewhere (string, code, id, uri, date,
# dateTime, boolean, objects and lists in the wrong place, nulls).
ODD_VALUES = [
    "", " ", "a  b", " padded", "x", "on-hold", "Patient", "Org/1", "urn:uuid:x y",
    "2026-02-30", "2026-03-01", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00", "1990",
    "a" * 300, 0, 1, -1, 1.5, True, False, None, {}, [], [None], {"text": "x"},
    [{"text": "x"}], [{"display": "x"}], {"reference": "urn:uuid:1"}, ["x"],
]  # fmt: skip
NEW_KEYS = [
    "text", "display", "code", "foo", "_status", "status__ext", "resource_type",
    "resourceType", "fhir_comments", "valueString", "valueCode", "id", "extension",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """(an original resource of the sample, a deep copy of it changed in one place)."""
    original = draw(st.sampled_from(sample()))
    resource = copy.deepcopy(original)
    path = draw(st.sampled_from(paths(resource)))
    target = at(resource, path)
    operation = draw(st.sampled_from(["replace", "remove", "add", "null item"]))
    value = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
    if operation == "replace" and path:
        at(resource, path[:-1])[path[-1]] = value
    elif operation == "remove" and path:
        parent = at(resource, path[:-1])
        del parent[path[-1]]
    elif operation == "add" and isinstance(target, dict):
        target[draw(st.sampled_from(NEW_KEYS))] = value
    elif operation == "null item" and isinstance(target, list):
        target.insert(draw(st.integers(0, len(target))), None)
    elif isinstance(target, list):
        target.append(value)
    elif path:
        at(resource, path[:-1])[path[-1]] = value
    return original, resource


def test_the_sample_is_valid_and_varied() -> None:
    resources = sample()
    for resource in resources:
        assert models_accept(model_of(resource), resource)
    kinds = {r["resourceType"] for r in resources}
    assert kinds == {"Organization", "HealthcareService", "Patient", "ServiceRequest"}
    shapes = {fhir_check._shape(r) for r in resources}
    assert len(shapes) > 8  # many shapes, each with several resources after the first
    assert len(shapes) < len(resources) / 2


@settings(max_examples=300, deadline=None)
@given(mutated())
def test_on_a_changed_resource_the_verdict_is_the_models(
    change: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    original, resource = change
    model = model_of(original)
    expected = models_accept(model, resource)
    assert settled().conforms(model, resource) == expected  # its shape may be settled
    assert Conformance().conforms(model, resource) == expected  # or not


@pytest.mark.parametrize(
    ("kind", "path", "value"),
    [
        ("ServiceRequest", ("status",), "on  hold"),  # not a code: two spaces
        ("ServiceRequest", ("authoredOn",), "2026-02-30T10:00:00Z"),
        ("ServiceRequest", ("identifier", 0, "value"), ""),
        ("ServiceRequest", ("id",), "not an id"),
        ("ServiceRequest", ("extension", 0, "valueCode"), " pending"),
        ("Patient", ("birthDate",), "12/04/1990"),
        ("Patient", ("name", 0, "text"), ""),
        ("HealthcareService", ("name",), ""),
        ("Organization", ("name",), "\v"),  # no character a FHIR string allows
    ],
)
def test_a_bad_value_is_refused_where_the_shape_is_already_settled(
    kind: str, path: tuple[Any, ...], value: Any
) -> None:
    checker = settled()
    last = [r for r in sample() if r["resourceType"] == kind and path[0] in r][-1]
    resource = copy.deepcopy(last)
    at(resource, path[:-1])[path[-1]] = value
    assert fhir_check._shape(resource) == fhir_check._shape(last)  # only the value differs
    assert not models_accept(model_of(resource), resource)
    assert not checker.conforms(model_of(resource), resource)


def test_a_changed_shape_is_run_through_the_model() -> None:
    checker = settled()
    patient = copy.deepcopy([r for r in sample() if r["resourceType"] == "Patient"][-1])
    patient["gender"] = "unknown"
    assert checker.conforms(model_of(patient), patient)
    patient = {**patient, "hairColour": "red"}  # no such element (a new object: see below)
    assert not checker.conforms(model_of(patient), patient)
    request = copy.deepcopy(sample()[-1])
    request["performer"].append(None)  # a null among objects
    assert not checker.conforms(model_of(request), request)
    del request["performer"][-1]
    del request["subject"]  # required
    assert not checker.conforms(model_of(request), request)


def test_an_object_is_judged_once_so_it_must_not_change_meanwhile() -> None:
    """The documented contract (validate_bundle changes nothing while checking)."""
    checker = settled()
    request = copy.deepcopy(sample()[-1])
    assert checker.conforms(model_of(request), request)
    request["hairColour"] = "red"
    assert checker.conforms(model_of(request), request)  # the same object: not looked at again
    assert not Conformance().conforms(model_of(request), request)


def test_a_resource_type_that_is_not_the_models_is_refused() -> None:
    checker = settled()
    patient = copy.deepcopy(next(r for r in sample() if r["resourceType"] == "Patient"))
    assert not checker.conforms(get_fhir_model_class("Organization"), patient)


def test_models_with_checks_of_their_own_are_always_run_whole() -> None:
    assert fhir_check._plain(get_fhir_model_class("ServiceRequest"))
    assert fhir_check._plain(get_fhir_model_class("Coding"))
    # FHIRPrimitiveExtension adds a validator: the shape argument does not cover it.
    from fhir.resources.R4B.fhirprimitiveextension import FHIRPrimitiveExtension

    assert not fhir_check._plain(FHIRPrimitiveExtension)
    checker = Conformance()
    assert checker.conforms(FHIRPrimitiveExtension, {"id": "x"})
    assert not checker.conforms(FHIRPrimitiveExtension, {})


def test_values_that_are_not_plain_json_go_to_the_model() -> None:
    checker = settled()
    request = copy.deepcopy(sample()[-1])
    coding_model = get_fhir_model_class("Reference")
    request["subject"] = coding_model.model_validate(request["subject"])  # an instance
    assert checker.conforms(model_of(request), request) == models_accept(model_of(request), request)
    assert checker.conforms(model_of(request), request)
