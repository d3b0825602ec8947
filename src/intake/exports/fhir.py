"""FHIR R4 export: a Bundle (type collection) of the referrals of finished intakes.

What the Bundle holds (every resource, the Bundle too, labelled 42 CFR Part 2 and
restricted in `meta.security`, see `fhir_codes`):

- a Patient per client: `name` (text as recorded; `use` `usual`, or `anonymous` for an
  alias), `birthDate` when known, and our client id as an identifier. Nothing else:
  minimum necessary.
- an Organization per organization name the referrals copied (referrals keep the
  name, not an id), and a HealthcareService per service id, `providedBy` its
  organization, with the pathway as `category` and the service types as `type`;
- a ServiceRequest per referral: `status` (mapped from ours), `intent` `order`,
  `priority` (urgent/routine), `category` the pathway, `code` the service types and
  name, `subject` the Patient, `performer` the HealthcareService, `authoredOn`,
  `requester` the counselor's name (display only), `reasonCode` the referral's reasons
  (plain text), `note` the counselor's note, and our own status code in an extension.

References are `urn:uuid:` full URLs inside the Bundle. Resource ids are uuid5 of our
ids, so two exports of the same data differ only in `Bundle.timestamp`. Every resource
is checked against the `fhir.resources.R4B` models before anything is written (the
models' own verdict, reached without running them on every resource: see `fhir_check`);
the codes the models do not check (value sets) are checked in `fhir_codes`.
A record that cannot be written as valid FHIR stops the export with an InputError that
names the resource by our id, never by its contents.
"""

import datetime as dt
import functools
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar, cast

from pydantic import BaseModel, ValidationError

from intake.exports import fhir_codes as codes
from intake.exports.atomic import atomic_text
from intake.exports.common import (
    ExportResult,
    progress_or_none,
    report_every,
    timestamp,
)
from intake.exports.rows import DateRange, ReferralRow, count_referrals, referral_rows
from intake.problems import InputError, error
from intake.progress import Progress
from intake.store.db import Database
from intake.taxonomy import IntakeTaxonomy, load_taxonomy

if TYPE_CHECKING:
    from intake.exports.fhir_check import Conformance

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "intake:fhir")
# Local identifier systems (URNs of this program); a clinic exchanging with a partner
# may need its own registered URIs instead.
CLIENT_SYSTEM = "urn:intake:client"
SERVICE_SYSTEM = "urn:intake:hsds-service"
REFERRAL_SYSTEM = "urn:intake:referral"
TAXONOMY_SYSTEM = "urn:intake:taxonomy"
STATUS_EXTENSION = "urn:intake:fhir:referral-status"

_READ, _CHECK = "Reading referrals", "Checking FHIR resources"
_Part = TypeVar("_Part")


@functools.lru_cache(maxsize=65536)
def resource_id(kind: str, key: str) -> str:
    """A stable id for one of our records as a FHIR resource of `kind`."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def export_fhir(
    database: Database,
    out: Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> ExportResult:
    """Write the referrals in the range to `out` as an R4 Bundle (JSON), atomically."""
    dates = DateRange(since, until)
    watcher = progress_or_none(progress)
    total = count_referrals(database, dates)
    builder = BundleBuilder(load_taxonomy())
    watcher.step(_READ, 0, total)
    for done, row in enumerate(referral_rows(database, dates, goals=False), start=1):
        builder.add(row)
        report_every(watcher, _READ, done, max(total, done))
    bundle = builder.bundle(timestamp(now))
    validate_bundle(bundle, watcher)
    with atomic_text(out, encoding="utf-8", newline="\n") as stream:
        write_bundle(bundle, stream)
    return ExportResult(out, "fhir", builder.referrals, len(builder.intakes), len(builder.patients))


class BundleBuilder:
    """Collects the resources for a run of referral rows, each shared resource once.

    Parts that repeat (the security labels, a client's reference, a service's concepts,
    a status's extension, a counselor, a list of reasons) are built once and the same
    object is placed in every resource that says the same: building is cheaper, and
    `fhir_check.Conformance` checks each such object once.
    """

    def __init__(self, taxonomy: IntakeTaxonomy) -> None:
        self.taxonomy = taxonomy
        self.patients: dict[str, dict[str, Any]] = {}
        self.services: dict[str, ReferralRow] = {}  # the newest row naming each service
        self.requests: list[dict[str, Any]] = []
        self.intakes: set[str] = set()
        self.referrals = 0
        self._meta = codes.security_meta()
        self._codings: dict[str, dict[str, Any]] = {}
        self._shared: dict[tuple[object, ...], object] = {}
        self._times: dict[dt.datetime, str] = {}

    def add(self, row: ReferralRow) -> None:
        self.referrals += 1
        self.intakes.add(row.intake_id)
        if row.client_id not in self.patients:
            self.patients[row.client_id] = self._patient(row)
        # The newest facts win: rows come oldest first, and directories change.
        self.services.pop(row.service_id, None)  # keeps the order of last mention
        self.services[row.service_id] = row
        self.requests.append(self._request(row))

    def bundle(self, generated_at: str) -> dict[str, Any]:
        organizations: dict[str, dict[str, Any]] = {}
        services = [self._service(row, organizations) for row in self.services.values()]
        resources = [
            *organizations.values(),
            *services,
            *self.patients.values(),
            *self.requests,
        ]
        key = ",".join(request["id"] for request in self.requests)
        return {
            "resourceType": "Bundle",
            "id": str(uuid.uuid5(NAMESPACE, f"bundle:{key}")),
            "meta": codes.security_meta(),
            "type": "collection",
            "timestamp": generated_at,
            "entry": [{"fullUrl": _urn(r["id"]), "resource": r} for r in resources],
        }

    def _patient(self, row: ReferralRow) -> dict[str, Any]:
        patient: dict[str, Any] = {
            "resourceType": "Patient",
            "id": resource_id("client", row.client_id),
            "meta": self._meta,
            "identifier": [{"system": CLIENT_SYSTEM, "value": row.client_id}],
            "name": [{"use": codes.name_use(row.is_alias), "text": row.client_name}],
        }
        if row.date_of_birth is not None:
            patient["birthDate"] = row.date_of_birth.isoformat()
        return patient

    def _service(
        self, row: ReferralRow, organizations: dict[str, dict[str, Any]]
    ) -> dict[str, Any]:
        organization = _organization(row.organization_name, organizations, self._meta)
        service: dict[str, Any] = {
            "resourceType": "HealthcareService",
            "id": resource_id("service", row.service_id),
            "meta": self._meta,
            "identifier": [{"system": SERVICE_SYSTEM, "value": row.service_id}],
        }
        if organization is not None:
            service["providedBy"] = _reference(organization["id"], organization["name"])
        if row.pathway:
            service["category"] = self._categories(row.pathway)
        if row.types:
            service["type"] = [self._concept(code) for code in row.types]
        if row.service_name.strip():
            service["name"] = row.service_name
        return service

    def _request(self, row: ReferralRow) -> dict[str, Any]:
        request: dict[str, Any] = {
            "resourceType": "ServiceRequest",
            "id": resource_id("referral", row.referral_id),
            "meta": self._meta,
            "extension": self._status_extension(row.status),
            "identifier": [{"system": REFERRAL_SYSTEM, "value": row.referral_id}],
            "status": codes.request_status(row.status),
            "intent": codes.request_intent(),
            "priority": codes.request_priority(row.urgent),
            "subject": self._subject(row.client_id),
            "authoredOn": self._timestamp(row.created_at),
            "performer": self._performers(row.service_id, row.service_name),
        }
        if row.pathway:
            request["category"] = self._categories(row.pathway)
        code = self._types(row.types, row.service_name)
        if code:
            request["code"] = code
        if row.counselor and row.counselor.strip():
            request["requester"] = self._requester(row.counselor)
        reasons = self._reasons(row.reasons)
        if reasons:
            request["reasonCode"] = reasons
        if row.note and row.note.strip():
            request["note"] = self._note(row.note)
        return request

    def _once(self, key: tuple[object, ...], make: Callable[[], _Part]) -> _Part:
        """The part built for `key` the first time, the same object every time after."""
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = make()
        return cast(_Part, found)

    def _status_extension(self, status: str) -> list[dict[str, Any]]:
        value = status.strip() or "unknown"
        return self._once(
            ("extension", value), lambda: [{"url": STATUS_EXTENSION, "valueCode": value}]
        )

    def _subject(self, client_id: str) -> dict[str, Any]:
        return self._once(
            ("subject", client_id), lambda: {"reference": _urn(resource_id("client", client_id))}
        )

    def _performers(self, service_id: str, name: str) -> list[dict[str, Any]]:
        return self._once(
            ("performer", service_id, name),
            lambda: [_reference(resource_id("service", service_id), name)],
        )

    def _categories(self, pathway: str) -> list[dict[str, Any]]:
        return self._once(("category", pathway), lambda: [self._concept(pathway)])

    def _requester(self, counselor: str) -> dict[str, Any]:
        return self._once(("requester", counselor), lambda: {"display": counselor})

    def _reasons(self, reasons: tuple[str, ...]) -> list[dict[str, Any]]:
        return self._once(
            ("reasons", reasons),
            lambda: [self._text(reason) for reason in reasons if reason.strip()],
        )

    def _note(self, note: str) -> list[dict[str, Any]]:
        return self._once(("note", note), lambda: [{"text": note}])

    def _text(self, text: str) -> dict[str, Any]:
        return self._once(("text", text), lambda: {"text": text})

    def _timestamp(self, moment: dt.datetime) -> str:
        text = self._times.get(moment)
        if text is None:
            text = self._times[moment] = timestamp(moment)
        return text

    def _types(self, types: tuple[str, ...], service_name: str) -> dict[str, Any]:
        def make() -> dict[str, Any]:
            concept: dict[str, Any] = {}
            if types:
                concept["coding"] = [self._coding(code) for code in types]
            if service_name.strip():
                concept["text"] = service_name
            return concept

        return self._once(("code", types, service_name), make)

    def _concept(self, code: str) -> dict[str, Any]:
        coding = self._coding(code)
        return {"coding": [coding], "text": coding.get("display", code)}

    def _coding(self, code: str) -> dict[str, Any]:
        """A taxonomy code as a Coding, each built once (the same object is shared)."""
        coding = self._codings.get(code)
        if coding is None:
            coding = {"system": TAXONOMY_SYSTEM, "code": code}
            if self.taxonomy.is_known(code):
                coding["display"] = self.taxonomy.label(code)
            self._codings[code] = coding
        return coding


def _organization(
    name: str, organizations: dict[str, dict[str, Any]], meta: dict[str, Any]
) -> dict[str, Any] | None:
    """The Organization of this name, added to `organizations` the first time."""
    if not name.strip():
        return None
    if name not in organizations:
        organizations[name] = {
            "resourceType": "Organization",
            "id": resource_id("organization", name),
            "meta": meta,
            "name": name,
        }
    return organizations[name]


def write_bundle(bundle: dict[str, Any], stream: TextIO) -> None:
    """The Bundle as JSON with one entry per line: diffable, and fast (C encoder, no indent)."""
    envelope = json.dumps({k: v for k, v in bundle.items() if k != "entry"}, ensure_ascii=False)
    stream.write(envelope[:-1] + ', "entry": [')
    for n, entry in enumerate(bundle.get("entry", [])):
        stream.write(",\n" if n else "\n")
        stream.write(json.dumps(entry, ensure_ascii=False))
    stream.write("\n]}\n")


def validate_bundle(bundle: dict[str, Any], progress: Progress | None = None) -> None:
    """Check the Bundle and each resource against the R4B models; InputError if invalid.

    The verdict is the models' own (`Model.model_validate`), reached through
    `fhir_check.Conformance`, which runs the models on the first resource of each
    shape and checks the rest value by value; a resource it cannot vouch for is given to
    the model, whose error is reported. Resources are checked one by one (as the Bundle
    model would check them) so that progress can be shown, the user can cancel, and a
    failure names the resource. The codes the models leave unchecked (value sets, the
    Part 2 labels) are checked on every resource and on the Bundle.
    """
    from fhir.resources.R4B import get_fhir_model_class

    from intake.exports.fhir_check import Conformance  # imports fhir_core: only when needed

    watcher = progress_or_none(progress)
    checker = Conformance()
    entries = bundle.get("entry", [])
    total = len(entries)
    watcher.step(_CHECK, 0, total)
    models: dict[str, type[BaseModel]] = {}
    for done, entry in enumerate(entries, start=1):
        resource = entry["resource"]
        kind = resource["resourceType"]
        model = models.get(kind) or models.setdefault(kind, get_fhir_model_class(kind))
        _construct(checker, model, resource, _named(resource))
        _check_codes(resource)
        report_every(watcher, _CHECK, done, total)
    envelope = {**bundle, "entry": [{"fullUrl": entry["fullUrl"]} for entry in entries]}
    _construct(checker, get_fhir_model_class("Bundle"), envelope, "Bundle")
    _check_codes(bundle)


def _named(resource: dict[str, Any]) -> str:
    """A resource as a message may name it: its type and our id, never its contents."""
    identifiers = resource.get("identifier") or [{}]
    ours = identifiers[0].get("value")
    return f"{resource['resourceType']} for {ours!r}" if ours else resource["resourceType"]


def _check_codes(resource: dict[str, Any]) -> None:
    """The value sets the models leave unchecked, checked again on what was built."""
    if resource["resourceType"] == "ServiceRequest":
        codes.checked(resource["status"], codes.REQUEST_STATUS, "ServiceRequest.status")
        codes.checked(resource["intent"], codes.REQUEST_INTENT, "ServiceRequest.intent")
        codes.checked(resource["priority"], codes.REQUEST_PRIORITY, "ServiceRequest.priority")
    if resource["resourceType"] == "Patient":
        for name in resource.get("name", []):
            codes.checked(name["use"], codes.NAME_USE, "HumanName.use")
    labels = {(s.get("system"), s.get("code")) for s in resource["meta"]["security"]}
    if not labels >= _REQUIRED_LABELS:
        raise codes.CodeError(f"{resource['resourceType']} lacks the Part 2 security labels")


_REQUIRED_LABELS = frozenset((label["system"], label["code"]) for label in codes.SECURITY_LABELS)


def _construct(
    checker: "Conformance", model: type[BaseModel], data: dict[str, Any], where: str
) -> None:
    """Nothing if `model` accepts `data`, else an InputError that names `where`."""
    if checker.conforms(model, data):
        return
    try:  # the model itself: its error says what is wrong, or it accepts after all
        model.model_validate(data)
    except ValidationError as exc:
        # The error's own text repeats the input (names, notes): report places only.
        places = "; ".join(_place(e) for e in exc.errors(include_input=False, include_url=False))
        raise InputError(
            [error(f"{where} is not valid FHIR R4 ({places}); nothing was written", field="fhir")]
        ) from None


def _place(problem: Any) -> str:
    loc = ".".join(str(part) for part in problem.get("loc", ()))
    return f"{loc}: {problem.get('type', 'invalid')}"


def _reference(target_id: str, display: str) -> dict[str, Any]:
    reference: dict[str, Any] = {"reference": _urn(target_id)}
    if display.strip():
        reference["display"] = display
    return reference


def _urn(target_id: str) -> str:
    return f"urn:uuid:{target_id}"
