"""FHIR R4 export: a valid R4B Bundle, Part 2 labels everywhere, codes from R4 value sets."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from export_samples import (
    HOSTILE_NAME,
    HOSTILE_NOTE,
    MARIA,
    SKY,
    Clinic,
    fill_every_status,
    set_status,
)
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from hypothesis import given
from hypothesis import strategies as st

from intake.exports import export_fhir
from intake.exports import fhir as fhir_module
from intake.exports import fhir_codes as codes
from intake.exports.fhir import resource_id, validate_bundle
from intake.problems import InputError
from intake.store.db import Database

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
PART2 = (codes.ACT_CODE, "42CFRPart2")
RESTRICTED = (codes.CONFIDENTIALITY, "R")


def exported(database: Database, path: Path, **options: Any) -> dict[str, Any]:
    export_fhir(database, path, **options)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def resources(bundle: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
    found = [entry["resource"] for entry in bundle["entry"]]
    return [r for r in found if kind is None or r["resourceType"] == kind]


def labels(resource: dict[str, Any]) -> set[tuple[str, str]]:
    return {(s["system"], s["code"]) for s in resource["meta"]["security"]}


@pytest.fixture
def bundle(database: Database, clinic: Clinic, tmp_path: Path) -> dict[str, Any]:
    return exported(database, tmp_path / "bundle.json", now=NOW)


def test_the_file_reparses_as_an_r4b_bundle(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    out = tmp_path / "bundle.json"
    result = export_fhir(database, out, now=NOW)
    parsed = Bundle.model_validate_json(out.read_bytes())
    assert parsed.type == "collection"
    assert parsed.timestamp is not None
    assert (result.referrals, result.intakes, result.clients) == (8, 4, 3)
    assert result.summary() == f"Wrote 8 referrals to {out} (FHIR R4 Bundle, 3 client(s))"
    kinds = [entry.resource.get_resource_type() for entry in parsed.entry or []]
    assert kinds.count("Patient") == 3
    assert kinds.count("ServiceRequest") == 8
    assert kinds.count("HealthcareService") == 4
    assert kinds.count("Organization") == 3


def test_every_resource_and_the_bundle_carry_the_part_2_labels(bundle: dict[str, Any]) -> None:
    assert {PART2, RESTRICTED} <= labels(bundle)
    for resource in resources(bundle):
        assert {PART2, RESTRICTED} <= labels(resource), resource["resourceType"]


def test_patients_name_aliases_as_anonymous_and_give_birth_dates_when_known(
    bundle: dict[str, Any], clinic: Clinic
) -> None:
    by_name = {p["name"][0]["text"]: p for p in resources(bundle, "Patient")}
    assert set(by_name) == {MARIA, SKY, HOSTILE_NAME}
    maria, sky = by_name[MARIA], by_name[SKY]
    assert maria["name"][0]["use"] == "usual"
    assert maria["birthDate"] == "1990-04-12"
    assert maria["id"] == resource_id("client", clinic.client_ids[MARIA])
    assert maria["identifier"] == [
        {"system": "urn:intake:client", "value": clinic.client_ids[MARIA]}
    ]
    assert sky["name"][0]["use"] == "anonymous"
    assert "birthDate" not in sky
    for patient in by_name.values():  # minimum necessary: nothing else about the client
        assert set(patient) == {"resourceType", "id", "meta", "identifier", "name"} | (
            {"birthDate"} if "birthDate" in patient else set()
        )


def test_service_requests_point_at_resources_in_the_bundle(bundle: dict[str, Any]) -> None:
    urls = {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}
    requests = resources(bundle, "ServiceRequest")
    for request in requests:
        assert urls[request["subject"]["reference"]]["resourceType"] == "Patient"
        [performer] = request["performer"]
        service = urls[performer["reference"]]
        assert service["resourceType"] == "HealthcareService"
        if "providedBy" in service:
            assert urls[service["providedBy"]["reference"]]["resourceType"] == "Organization"
        assert request["authoredOn"].endswith("Z")
        assert request["reasonCode"] and all(r["text"] for r in request["reasonCode"])
    crisis = [r for r in requests if r["identifier"][0]["value"] and r["priority"] == "urgent"]
    assert len(crisis) == 2 and {r["status"] for r in crisis} == {"completed"}
    assert {r["category"][0]["coding"][0]["code"] for r in crisis} == {"crisis"}
    notes = [n["text"] for r in requests for n in r.get("note", [])]
    assert sorted(notes) == sorted(["Prefers mail", HOSTILE_NOTE.strip()])  # stored stripped


def test_status_intent_and_priority_are_in_their_r4_value_sets(bundle: dict[str, Any]) -> None:
    for request in resources(bundle, "ServiceRequest"):
        assert request["status"] in codes.REQUEST_STATUS
        assert request["intent"] in codes.REQUEST_INTENT
        assert request["priority"] in codes.REQUEST_PRIORITY
        assert request["intent"] == "order"
    statuses = {
        r["extension"][0]["valueCode"]: r["status"] for r in resources(bundle, "ServiceRequest")
    }
    assert statuses == {"pending": "active", "got_help": "completed"}


def test_the_allowed_sets_are_r4s() -> None:
    assert {
        "draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown",
    } == codes.REQUEST_STATUS  # fmt: skip
    assert {
        "proposal", "plan", "directive", "order", "original-order", "reflex-order",
        "filler-order", "instance-order", "option",
    } == codes.REQUEST_INTENT  # fmt: skip


@pytest.mark.parametrize(
    ("ours", "fhir"),
    [
        ("pending", "active"),
        ("not_updated", "active"),
        ("needs_client_action", "active"),
        ("eligible", "active"),
        ("got_help", "completed"),
        ("referred_elsewhere", "revoked"),
        ("couldnt_contact", "revoked"),
        ("Couldn't contact", "revoked"),
        ("not_eligible", "revoked"),
        ("no_capacity", "revoked"),
        ("couldnt_get_help", "revoked"),
        ("no_longer_interested", "revoked"),
        ("on_hold", "on-hold"),
        ("in-progress", "active"),
        ("cancelled", "revoked"),
        ("entered_in_error", "entered-in-error"),
        ("something new", "unknown"),
        ("", "unknown"),
    ],
)
def test_status_mapping(ours: str, fhir: str) -> None:
    assert codes.request_status(ours) == fhir


@given(st.sampled_from(codes.REFERRAL_STATUSES) | st.text())
def test_every_status_maps_into_the_allowed_set(status: str) -> None:
    assert codes.request_status(status) in codes.REQUEST_STATUS
    assert codes.request_intent() in codes.REQUEST_INTENT


def test_a_code_outside_its_set_is_refused() -> None:
    with pytest.raises(codes.CodeError):
        codes.checked("in-progress", codes.REQUEST_STATUS, "ServiceRequest.status")


@pytest.mark.parametrize("status", codes.REFERRAL_STATUSES)
def test_every_stored_status_exports_as_valid_fhir(
    database: Database, clinic: Clinic, tmp_path: Path, status: str
) -> None:
    set_status(database, "svc-naloxone", status)
    bundle = exported(database, tmp_path / "bundle.json")
    Bundle.model_validate(bundle)
    found = {
        r["extension"][0]["valueCode"]: r["status"] for r in resources(bundle, "ServiceRequest")
    }
    assert found[status] == codes.STATUS_MAP[status]


def test_two_exports_differ_only_in_the_timestamp(
    database: Database, clinic: Clinic, tmp_path: Path
) -> None:
    first = exported(database, tmp_path / "one.json", now=NOW)
    second = exported(database, tmp_path / "two.json", now=NOW + dt.timedelta(days=3))
    assert first["timestamp"] != second["timestamp"]
    assert {**first, "timestamp": None} == {**second, "timestamp": None}


def test_date_filters_apply(database: Database, clinic: Clinic, tmp_path: Path) -> None:
    bundle = exported(
        database, tmp_path / "b.json", since=dt.date(2026, 2, 1), until=dt.date(2026, 2, 28)
    )
    assert len(resources(bundle, "ServiceRequest")) == 3
    assert {p["name"][0]["text"] for p in resources(bundle, "Patient")} == {SKY, HOSTILE_NAME}


def test_an_empty_export_is_a_valid_empty_bundle(database: Database, tmp_path: Path) -> None:
    bundle = exported(database, tmp_path / "empty.json")
    assert bundle["entry"] == []
    Bundle.model_validate(bundle)


def test_an_invalid_resource_stops_the_export_without_repeating_client_details(
    database: Database, clinic: Clinic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = fhir_module.BundleBuilder._patient

    def broken(self: fhir_module.BundleBuilder, row: Any) -> dict[str, Any]:
        patient = original(self, row)
        patient["birthDate"] = f"born {row.client_name}"  # not a FHIR date
        return patient

    monkeypatch.setattr(fhir_module.BundleBuilder, "_patient", broken)
    out = tmp_path / "bundle.json"
    with pytest.raises(InputError) as caught:
        export_fhir(database, out)
    message = str(caught.value)
    assert "Patient" in message and "birthDate" in message
    for name in (MARIA, SKY, HOSTILE_NAME, "born"):
        assert name not in message
    assert not out.exists()


def test_validation_also_checks_the_security_labels() -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": "urn:uuid:" + resource_id("client", "c1"),
                "resource": {
                    "resourceType": "Patient",
                    "id": resource_id("client", "c1"),
                    "meta": {"security": [{"system": codes.ACT_CODE, "code": "42CFRPart2"}]},
                },
            }
        ],
    }
    with pytest.raises(codes.CodeError):
        validate_bundle(bundle)


def test_the_file_is_what_the_fully_validated_model_writes(
    database: Database, tmp_path: Path
) -> None:
    """Every status and pathway, optional parts present and absent: the fast check's
    verdict and our own serialization agree with the models run on everything."""
    statuses, pathways = fill_every_status(database)
    out = tmp_path / "bundle.json"
    result = export_fhir(database, out, now=NOW)
    written = json.loads(out.read_bytes())

    model = Bundle.model_validate(written)  # the whole Bundle, every resource, no shortcut
    assert json.loads(model.model_dump_json()) == written
    for resource in resources(written):  # and each resource on its own, as exported
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)

    requests = resources(written, "ServiceRequest")
    assert result.referrals == len(requests) == 2 * len(statuses)
    assert {r["extension"][0]["valueCode"] for r in requests} == {s or "unknown" for s in statuses}
    assert {r["status"] for r in requests} == codes.REQUEST_STATUS - {"draft"}
    assert {r["category"][0]["coding"][0]["code"] for r in requests if "category" in r} == pathways
    assert any("category" not in r for r in requests)  # a referral without a pathway
    assert any("providedBy" not in s for s in resources(written, "HealthcareService"))


def test_a_bad_value_in_a_later_resource_of_a_known_shape_is_refused(
    database: Database, clinic: Clinic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast check runs the models on the first resource of each shape only: the
    values of the others must still be checked."""
    original = fhir_module.BundleBuilder._request
    built: list[dict[str, Any]] = []

    def bad_last(self: fhir_module.BundleBuilder, row: Any) -> dict[str, Any]:
        request = original(self, row)
        built.append(request)
        if len(built) == clinic.referrals:
            request["authoredOn"] = "2026-02-30T10:00:00Z"  # no such day
        return request

    monkeypatch.setattr(fhir_module.BundleBuilder, "_request", bad_last)
    out = tmp_path / "bundle.json"
    with pytest.raises(InputError) as caught:
        export_fhir(database, out)
    assert "ServiceRequest" in str(caught.value) and "authoredOn" in str(caught.value)
    assert not out.exists()
