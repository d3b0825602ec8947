"""Generate a national-size, realistic and deterministic HSDS 3.0 CSV directory.

    python benchmarks/generate_directory.py OUT --services 100000 --locations 25000 [--seed 1]

writes OUT/ with organizations.csv, services.csv, locations.csv, service_at_location.csv,
addresses.csv, phones.csv, schedules.csv, languages.csv, taxonomies.csv,
taxonomy_terms.csv, attributes.csv, cost_options.csv and datapackage.json: the file names
and columns of the official HSDS 3.0 example, taken from resources/hsds/schema/.

The same seed gives the same bytes. Places are real US postal codes (the `zipcodes`
package) around ~300 city centres in the contiguous US; phone numbers are the fictional
555-01xx range; every service carries `intake` taxonomy codes as `attribute` rows, with
term ids from `intake.taxonomy` (uuid5 of the code).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import sys
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import zipcodes

from intake.taxonomy import TAXONOMY_NAME, IntakeTaxonomy, load_taxonomy, term_id_of

REPO = Path(__file__).resolve().parents[1]
SCHEMA_DIR = REPO / "resources" / "hsds" / "schema"

# The tables written, in dependency order (a table only points at tables before it).
TABLES: tuple[str, ...] = (
    "organization",
    "taxonomy",
    "taxonomy_term",
    "location",
    "address",
    "service",
    "service_at_location",
    "phone",
    "schedule",
    "language",
    "attribute",
    "cost_option",
)
FOREIGN_KEYS = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
    "phone_id": "phone",
    "taxonomy_id": "taxonomy",
    "taxonomy_term_id": "taxonomy_term",
}

CITY_COUNT = 300
CONTIGUOUS_LAT = (25.0, 49.0)
CONTIGUOUS_LON = (-124.0, -67.0)
NOT_CONTIGUOUS = {"AK", "HI", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW", "AA", "AE", "AP"}
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)

# -- what a service is: weights of the `<pathway>.<type>` codes --------------------------

TYPE_WEIGHTS: dict[str, float] = {
    "twelve_step.meeting": 9,
    "secular_mutual_aid.meeting": 3,
    "moderation.program": 1,
    "medication.methadone": 2,
    "medication.buprenorphine": 6,
    "medication.naltrexone": 3,
    "medication.acamprosate": 1,
    "medication.disulfiram": 0.5,
    "medication.nicotine_replacement": 2,
    "treatment.withdrawal_management": 2,
    "treatment.inpatient": 2,
    "treatment.residential": 3,
    "treatment.partial_hospitalization": 1.5,
    "treatment.intensive_outpatient": 4,
    "treatment.outpatient": 9,
    "treatment.contingency_management": 1,
    "harm_reduction.syringe_services": 2,
    "harm_reduction.naloxone": 5,
    "harm_reduction.test_strips": 2.5,
    "harm_reduction.drug_checking": 0.5,
    "harm_reduction.safer_smoking": 1,
    "harm_reduction.overdose_prevention_site": 0.05,
    "harm_reduction.hiv_hcv_testing": 3,
    "harm_reduction.prep": 2,
    "harm_reduction.wound_care": 1,
    "peer_support.recovery_coach": 3,
    "peer_support.recovery_community": 2,
    "crisis.hotline": 0.3,
    "crisis.overdose_spotting": 0.05,
    "crisis.stabilization": 0.4,
    "basic_needs.shelter": 2,
    "basic_needs.recovery_housing": 2,
    "basic_needs.food": 2,
    "basic_needs.showers": 0.5,
    "basic_needs.legal": 1,
    "basic_needs.benefits": 1,
    "basic_needs.transportation": 1,
    "health.primary_care": 6,
    "health.mental_health": 8,
    "health.perinatal": 2,
    "health.family_planning": 1,
}
UNLISTED_TYPE_WEIGHT = 0.5  # a type the taxonomy file adds and this table does not know
TYPE_COUNT_WEIGHTS = {1: 35, 2: 42, 3: 23}  # how many types a service has
SAME_PATHWAY = 0.6  # chance that a second or third type is of the first one's pathway

PAYMENT_WEIGHTS = {
    "payment.medicaid": 30,
    "payment.free": 22,
    "payment.sliding_scale": 20,
    "payment.private": 16,
    "payment.medicare": 8,
    "payment.va": 4,
}
PAYMENT_COUNT_WEIGHTS = {0: 10, 1: 40, 2: 35, 3: 15}
FREE_PATHWAYS = {"twelve_step", "secular_mutual_aid", "harm_reduction", "crisis", "peer_support"}
POPULATION_WEIGHTS = {
    "population.women": 3,
    "population.men": 2,
    "population.adolescent": 2,
    "population.pregnant": 1.5,
    "population.veteran": 1.5,
    "population.lgbtq": 1,
    "population.justice_involved": 1,
}
SUBSTANCE_WEIGHTS = {
    "substance.alcohol": 5,
    "substance.opioids": 5,
    "substance.methamphetamine": 2,
    "substance.cocaine": 1.5,
    "substance.benzodiazepines": 0.5,
    "substance.cannabis": 1,
    "substance.tobacco": 1,
    "substance.other": 0.3,
}
# Medications for one substance are, mostly, only for it.
MEDICATION_SUBSTANCES = {
    "medication.methadone": ("substance.opioids",),
    "medication.buprenorphine": ("substance.opioids",),
    "medication.naltrexone": ("substance.alcohol", "substance.opioids"),
    "medication.acamprosate": ("substance.alcohol",),
    "medication.disulfiram": ("substance.alcohol",),
    "medication.nicotine_replacement": ("substance.tobacco",),
}
ALWAYS_REMOTE = {"crisis.hotline", "crisis.overdose_spotting"}
OFTEN_REMOTE = {
    "twelve_step.meeting",
    "secular_mutual_aid.meeting",
    "moderation.program",
    "peer_support.recovery_coach",
}
AROUND_THE_CLOCK = {
    "crisis.hotline",
    "crisis.overdose_spotting",
    "crisis.stabilization",
    "treatment.withdrawal_management",
    "treatment.inpatient",
    "treatment.residential",
    "basic_needs.shelter",
    "basic_needs.recovery_housing",
}
MEETINGS = {"twelve_step.meeting", "secular_mutual_aid.meeting", "moderation.program"}

# -- names and words -----------------------------------------------------------------------

SERVICE_NAMES: dict[str, tuple[str, ...]] = {
    "secular_mutual_aid.meeting": (
        "SMART Recovery Meeting",
        "LifeRing Meeting",
        "Women for Sobriety Group",
        "Recovery Dharma Meeting",
    ),
    "moderation.program": ("Moderation Management Group", "HAMS Group", "Drink Less Program"),
    "medication.methadone": ("Opioid Treatment Program", "Methadone Clinic"),
    "medication.buprenorphine": ("Buprenorphine Clinic", "Office-Based Opioid Treatment"),
    "medication.naltrexone": ("Naltrexone Program", "Extended-Release Naltrexone Clinic"),
    "medication.acamprosate": ("Alcohol Medication Clinic",),
    "medication.disulfiram": ("Alcohol Medication Clinic",),
    "medication.nicotine_replacement": ("Quit Smoking Program", "Tobacco Treatment Clinic"),
    "treatment.withdrawal_management": ("Medical Detox Unit", "Withdrawal Management Center"),
    "treatment.inpatient": ("Inpatient Addiction Unit", "Hospital Chemical Dependency Unit"),
    "treatment.residential": ("Residential Treatment Program", "Residential Recovery Program"),
    "treatment.partial_hospitalization": ("Partial Hospitalization Program",),
    "treatment.intensive_outpatient": ("Intensive Outpatient Program",),
    "treatment.outpatient": ("Outpatient Counseling", "Substance Use Counseling"),
    "treatment.contingency_management": ("Contingency Management Program",),
    "harm_reduction.syringe_services": ("Syringe Services Program", "Needle Exchange"),
    "harm_reduction.naloxone": ("Naloxone Distribution", "Free Narcan Pickup"),
    "harm_reduction.test_strips": ("Test Strip Distribution",),
    "harm_reduction.drug_checking": ("Drug Checking Service",),
    "harm_reduction.safer_smoking": ("Safer Smoking Kits",),
    "harm_reduction.overdose_prevention_site": ("Overdose Prevention Center",),
    "harm_reduction.hiv_hcv_testing": ("HIV and Hep C Testing",),
    "harm_reduction.prep": ("PrEP Clinic",),
    "harm_reduction.wound_care": ("Wound Care Clinic", "Street Medicine"),
    "peer_support.recovery_coach": ("Peer Recovery Coaching", "Recovery Support Specialists"),
    "peer_support.recovery_community": ("Recovery Community Center",),
    "crisis.hotline": ("Crisis Line", "Substance Use Help Line"),
    "crisis.overdose_spotting": ("Never Use Alone Line", "Overdose Spotting Line"),
    "crisis.stabilization": ("Crisis Stabilization Unit", "Crisis Receiving Center"),
    "basic_needs.shelter": ("Emergency Shelter", "Low-Barrier Shelter"),
    "basic_needs.recovery_housing": ("Recovery Residence", "Sober Living House"),
    "basic_needs.food": ("Food Pantry", "Community Meals"),
    "basic_needs.showers": ("Shower and Laundry Program",),
    "basic_needs.legal": ("Legal Aid Clinic", "Record Clearing Clinic"),
    "basic_needs.benefits": ("Benefits Enrollment", "ID Recovery Program"),
    "basic_needs.transportation": ("Rides to Treatment",),
    "health.primary_care": ("Primary Care Clinic", "Community Health Clinic"),
    "health.mental_health": ("Mental Health Counseling", "Behavioral Health Clinic"),
    "health.perinatal": ("Pregnancy and Recovery Program", "Perinatal Care Clinic"),
    "health.family_planning": ("Family Planning Clinic",),
}
FELLOWSHIPS = ("AA", "AA", "AA", "NA", "NA", "CA", "CMA", "Al-Anon", "Nar-Anon")
NAME_WORDS = (
    "New Horizons",
    "Riverbend",
    "Second Chance",
    "Open Door",
    "Harbor",
    "Cornerstone",
    "Bridgeway",
    "Lighthouse",
    "Pathways",
    "Crossroads",
    "Hope House",
    "Northstar",
    "Evergreen",
    "Summit",
    "Unity",
    "Common Ground",
    "Safe Harbor",
    "Turning Point",
    "Fresh Start",
    "Gateway",
    "Keystone",
    "Compass",
    "Serenity",
    "Beacon",
    "Mosaic",
    "Willow",
    "Cedar",
    "Oak Hill",
    "Maple Street",
    "Lakeside",
)
ORG_KINDS = (
    "Recovery Center",
    "Behavioral Health",
    "Community Health Center",
    "Treatment Services",
    "Health Services",
    "Counseling Center",
    "Harm Reduction Coalition",
    "Outreach Project",
    "Family Services",
    "Wellness Center",
    "Recovery Alliance",
    "Free Clinic",
    "Community Services",
    "Intergroup",
)
STREETS = (
    "Main",
    "Oak",
    "Pine",
    "Maple",
    "Cedar",
    "Elm",
    "Washington",
    "Lincoln",
    "Jefferson",
    "Park",
    "Lake",
    "Hill",
    "Church",
    "Market",
    "Broad",
    "Union",
    "Franklin",
    "Madison",
    "Jackson",
    "Center",
    "River",
    "Spring",
    "Martin Luther King Jr",
    "Cesar Chavez",
)
STREET_KINDS = ("St", "Ave", "Blvd", "Rd", "Dr", "Way")
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "ar": "Arabic",
    "ru": "Russian",
    "ht": "Haitian Creole",
    "ko": "Korean",
    "tl": "Tagalog",
}
# (languages, weight): most services list none (taken as English) or English only.
LANGUAGE_SETS: tuple[tuple[tuple[str, ...], float], ...] = (
    ((), 52),
    (("en",), 22),
    (("en", "es"), 15),
    (("es",), 2),
    (("en", "vi"), 2),
    (("en", "zh"), 2),
    (("en", "ar"), 1.5),
    (("en", "ru"), 1),
    (("en", "ht"), 1),
    (("en", "ko"), 0.8),
    (("en", "tl"), 0.7),
)
APPLICATION_PROCESSES = (
    "Walk in during open hours.",
    "Call to schedule an intake appointment.",
    "Call or walk in; same-day appointments when available.",
    "A referral from a provider is required.",
    "Fill in the online form and we will call you back.",
)
WAIT_TIMES = ("", "", "", "No wait", "Same day", "1-3 days", "1-2 weeks", "Waiting list")


@dataclass(frozen=True, slots=True)
class Place:
    """One postal code: where a location can stand."""

    postal_code: str
    city: str
    state: str
    latitude: float
    longitude: float
    area_code: str


@dataclass(frozen=True, slots=True)
class City:
    name: str
    state: str
    places: tuple[Place, ...]


@dataclass(slots=True)
class Organization:
    id: str
    name: str
    city: int  # index into the city list
    locations: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class WeightedChoice:
    """Items with weights, drawn with precomputed cumulative weights."""

    items: tuple[str, ...]
    cum_weights: tuple[float, ...]

    @classmethod
    def of(cls, weights: dict[str, float]) -> WeightedChoice:
        return cls(tuple(weights), tuple(itertools.accumulate(weights.values())))

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cum_weights)[0]

    def sample(self, rng: random.Random, count: int) -> list[str]:
        """`count` distinct items (fewer if there are not enough)."""
        chosen: list[str] = []
        for _ in range(count * 4):
            if len(chosen) >= min(count, len(self.items)):
                break
            item = self.draw(rng)
            if item not in chosen:
                chosen.append(item)
        return chosen


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def draw_count(rng: random.Random, weights: dict[int, float]) -> int:
    return rng.choices(tuple(weights), weights=tuple(weights.values()))[0]


# -- the HSDS tables: columns and datapackage.json from the per-table schemas -----------------


def table_schema(table: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{table}.json").read_text(encoding="utf-8"))


def tabular_columns(schema: dict[str, Any]) -> list[str]:
    """The CSV columns of a table: its properties that are not nested objects or lists."""
    return [
        name
        for name, prop in schema["properties"].items()
        if prop.get("type") != "array" and "$ref" not in prop
    ]


def datapackage_field(schema: dict[str, Any], name: str) -> dict[str, Any]:
    prop = schema["properties"][name]
    required = name in schema.get("required", []) or name in schema.get("tabular_required", [])
    constraints: dict[str, Any] = {"required": required, "unique": name == "id"}
    if "enum" in prop:
        constraints["enum"] = prop["enum"]
    entry: dict[str, Any] = {"name": name, "type": prop.get("datapackage_type", prop["type"])}
    if "format" in prop and "datapackage_type" not in prop:
        entry["format"] = prop["format"]
    entry["constraints"] = constraints
    return entry


def datapackage_resource(table: str) -> dict[str, Any]:
    schema = table_schema(table)
    columns = tabular_columns(schema)
    foreign_keys = [
        {"fields": column, "reference": {"resource": FOREIGN_KEYS[column], "fields": "id"}}
        for column in columns
        if column in FOREIGN_KEYS
    ]
    resource_schema: dict[str, Any] = {
        "fields": [datapackage_field(schema, c) for c in columns],
        "primaryKey": "id",
    }
    if foreign_keys:
        resource_schema["foreignKeys"] = foreign_keys
    return {
        "name": table,
        "path": schema["path"],
        "description": schema.get("description", ""),
        "format": "csv",
        "mediatype": "text/csv",
        "profile": "tabular-data-resource",
        "schema": resource_schema,
    }


def datapackage() -> dict[str, Any]:
    return {
        "name": "intake_benchmark_directory",
        "title": "Synthetic national service directory (intake benchmark)",
        "description": "Generated by benchmarks/generate_directory.py; fictional services.",
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "resources": [datapackage_resource(t) for t in TABLES],
    }


class TableWriters:
    """One csv writer per table; rows are dicts, missing columns are written empty."""

    def __init__(self, out_dir: Path) -> None:
        self.columns: dict[str, list[str]] = {}
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        self.counts = dict.fromkeys(TABLES, 0)
        for table in TABLES:
            schema = table_schema(table)
            self.columns[table] = tabular_columns(schema)
            handle = (out_dir / schema["path"]).open("w", encoding="utf-8", newline="")
            self.files[table] = handle
            self.writers[table] = csv.writer(handle)
            self.writers[table].writerow(self.columns[table])

    def write(self, table: str, row: dict[str, object]) -> None:
        self.writers[table].writerow([row.get(c, "") for c in self.columns[table]])
        self.counts[table] += 1

    def __enter__(self) -> TableWriters:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for handle in self.files.values():
            handle.close()


# -- places ----------------------------------------------------------------------------------


def _contiguous_places() -> list[Place]:
    places = []
    for z in zipcodes.list_all():
        if z["zip_code_type"] != "STANDARD" or not z["active"] or z["state"] in NOT_CONTIGUOUS:
            continue
        lat, lon = float(z["lat"]), float(z["long"])
        if not (CONTIGUOUS_LAT[0] <= lat <= CONTIGUOUS_LAT[1]):
            continue
        if not (CONTIGUOUS_LON[0] <= lon <= CONTIGUOUS_LON[1]):
            continue
        area = (z.get("area_codes") or ["555"])[0]
        places.append(Place(z["zip_code"], z["city"], z["state"], lat, lon, area))
    return places


def load_cities(count: int = CITY_COUNT) -> list[City]:
    """The `count` largest cities (by number of postal codes), the largest of every state first."""
    by_city: dict[tuple[str, str], list[Place]] = {}
    for place in _contiguous_places():
        by_city.setdefault((place.city, place.state), []).append(place)
    ranked = sorted(by_city, key=lambda key: (-len(by_city[key]), key))
    chosen: list[tuple[str, str]] = []
    states: set[str] = set()
    for key in ranked:  # the largest city of each state
        if key[1] not in states:
            states.add(key[1])
            chosen.append(key)
    chosen += [key for key in ranked if key not in set(chosen)][: max(0, count - len(chosen))]
    return [City(name, state, tuple(by_city[(name, state)])) for name, state in chosen[:count]]


# -- the generator ---------------------------------------------------------------------------


class DirectoryGenerator:
    """Writes organizations, locations, then services with everything hanging off them."""

    def __init__(self, out: TableWriters, rng: random.Random, taxonomy: IntakeTaxonomy) -> None:
        self.out = out
        self.rng = rng
        self.taxonomy = taxonomy
        self.cities = load_cities()
        self.city_weights = tuple(
            itertools.accumulate(len(c.places) for c in self.cities)
        )  # bigger cities hold more services
        self.city_locations: list[list[str]] = [[] for _ in self.cities]
        type_weights = {
            term.code: TYPE_WEIGHTS.get(term.code, UNLISTED_TYPE_WEIGHT)
            for term in taxonomy.terms.values()
            if term.is_type
        }
        self.types = WeightedChoice.of(type_weights)
        self.types_by_pathway = {
            pathway: WeightedChoice.of(
                {c: w for c, w in type_weights.items() if c.startswith(f"{pathway}.")}
            )
            for pathway in {code.split(".")[0] for code in type_weights}
        }
        self.payments = WeightedChoice.of(PAYMENT_WEIGHTS)
        self.populations = WeightedChoice.of(POPULATION_WEIGHTS)
        self.substances = WeightedChoice.of(SUBSTANCE_WEIGHTS)
        self.languages = WeightedChoice.of({",".join(k): w for k, w in LANGUAGE_SETS})

    # -- taxonomy

    def write_taxonomy(self) -> None:
        taxonomy_id = self.taxonomy.taxonomy_id
        self.out.write(
            "taxonomy",
            {
                "id": taxonomy_id,
                "name": TAXONOMY_NAME,
                "description": self.taxonomy.description,
                "version": self.taxonomy.version,
            },
        )
        for pathway in self.taxonomy.pathways:
            self._write_term(pathway.code, pathway.label, pathway.description, None)
        for term in self.taxonomy.terms.values():
            parent = term_id_of(term.group) if term.is_type else None
            self._write_term(term.code, term.label, term.description, parent)

    def _write_term(self, code: str, name: str, description: str, parent: str | None) -> None:
        row = {
            "id": term_id_of(code),
            "code": code,
            "name": name,
            "description": description,
            "parent_id": parent or "",
            "taxonomy": TAXONOMY_NAME,
            "language": "en",
            "taxonomy_id": self.taxonomy.taxonomy_id,
        }
        self.out.write("taxonomy_term", row)

    # -- organizations and locations

    def write_organizations(self, count: int) -> list[Organization]:
        organizations = []
        for _ in range(count):
            city = self.rng.choices(range(len(self.cities)), cum_weights=self.city_weights)[0]
            organization = Organization(new_id(self.rng), self._organization_name(city), city)
            self._write_organization(organization)
            organizations.append(organization)
        return organizations

    def _organization_name(self, city: int) -> str:
        rng = self.rng
        first = self.cities[city].name if rng.random() < 0.5 else rng.choice(NAME_WORDS)
        return f"{first} {rng.choice(ORG_KINDS)}"

    def _write_organization(self, organization: Organization) -> None:
        rng = self.rng
        slug = "".join(ch for ch in organization.name.lower() if ch.isalnum())
        row: dict[str, object] = {
            "id": organization.id,
            "name": organization.name,
            "description": f"{organization.name} serves people in and around "
            f"{self.cities[organization.city].name}.",
        }
        if rng.random() < 0.7:
            row["website"] = f"https://www.{slug}.example.org"
            row["email"] = f"info@{slug}.example.org"
        if rng.random() < 0.6:
            row["tax_status"] = "501(c)(3)"
            row["year_incorporated"] = rng.randint(1955, 2023)
            row["legal_status"] = "Nonprofit corporation"
        self.out.write("organization", row)

    def write_locations(self, count: int, organizations: Sequence[Organization]) -> None:
        """Each organization gets one location first; the rest go to organizations at random."""
        for index in range(count):
            if index < len(organizations):
                owner = organizations[index]
            else:
                owner = organizations[self.rng.randrange(len(organizations))]
            self._write_location(owner)

    def _write_location(self, owner: Organization) -> None:
        rng = self.rng
        place = rng.choice(self.cities[owner.city].places)
        location_id = new_id(rng)
        owner.locations.append(location_id)
        self.city_locations[owner.city].append(location_id)
        latitude = min(max(place.latitude + rng.gauss(0, 0.01), 25.0), 49.0)
        longitude = min(max(place.longitude + rng.gauss(0, 0.01), -124.0), -67.0)
        row: dict[str, object] = {
            "id": location_id,
            "location_type": "physical",
            "organization_id": owner.id,
            "name": owner.name if len(owner.locations) == 1 else f"{owner.name} – {place.city}",
            "latitude": f"{latitude:.6f}",
            "longitude": f"{longitude:.6f}",
        }
        if rng.random() < 0.3:
            row["transportation"] = f"Bus route {rng.randint(1, 99)} stops nearby."
        self.out.write("location", row)
        self._write_address(location_id, place)

    def _write_address(self, location_id: str, place: Place) -> None:
        rng = self.rng
        street = f"{rng.randint(1, 9899)} {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}"
        row: dict[str, object] = {
            "id": new_id(rng),
            "location_id": location_id,
            "address_1": street,
            "city": place.city,
            "state_province": place.state,
            "postal_code": place.postal_code,
            "country": "US",
            "address_type": "physical",
        }
        if rng.random() < 0.2:
            row["address_2"] = f"Suite {rng.randint(1, 4)}{rng.randint(0, 9)}0"
        self.out.write("address", row)

    # -- services

    def write_services(self, count: int, organizations: Sequence[Organization]) -> None:
        """At least one service per organization, the rest spread at random (~4 each)."""
        per_organization = [1] * len(organizations)
        for _ in range(count - len(organizations)):
            per_organization[self.rng.randrange(len(organizations))] += 1
        for organization, services in zip(organizations, per_organization, strict=True):
            for _ in range(services):
                self._write_service(organization)

    def _write_service(self, organization: Organization) -> None:
        types = self._service_types()
        remote = self._is_remote(types)
        features = self._features(types, remote)
        service_id = new_id(self.rng)
        self._write_service_row(service_id, organization, types, features)
        if not remote:
            self._write_service_at_locations(service_id, organization)
        self._write_phones(service_id, organization)
        self._write_schedule(service_id, types[0], remote)
        self._write_languages(service_id)
        for code in (*types, *features):
            self._write_attribute(service_id, code)
        self._write_cost_option(service_id, features)

    def _service_types(self) -> list[str]:
        rng = self.rng
        first = self.types.draw(rng)
        types = [first]
        same = self.types_by_pathway[first.split(".")[0]]
        for _ in range(draw_count(rng, TYPE_COUNT_WEIGHTS) - 1):
            code = (same if rng.random() < SAME_PATHWAY else self.types).draw(rng)
            if code not in types:
                types.append(code)
        return types

    def _is_remote(self, types: Sequence[str]) -> bool:
        """Online or phone-only services have no location."""
        if types[0] in ALWAYS_REMOTE:
            return True
        return self.rng.random() < (0.3 if types[0] in OFTEN_REMOTE else 0.01)

    def _features(self, types: Sequence[str], remote: bool) -> list[str]:
        features = self._payments(types)
        features += self._approaches(types)
        features += self._eligibility(types)
        if remote:
            phone_only = types[0].startswith("crisis.") or self.rng.random() < 0.3
            features.append("format.phone" if phone_only else "format.online")
        elif self.rng.random() < 0.05:
            features.append("format.online")
        return features

    def _payments(self, types: Sequence[str]) -> list[str]:
        if types[0].split(".")[0] in FREE_PATHWAYS and self.rng.random() < 0.85:
            return ["payment.free"]
        return self.payments.sample(self.rng, draw_count(self.rng, PAYMENT_COUNT_WEIGHTS))

    def _approaches(self, types: Sequence[str]) -> list[str]:
        rng = self.rng
        harm_reduction = types[0].startswith("harm_reduction.")
        chances = {
            "approach.walk_in": 0.5 if harm_reduction else 0.2,
            "approach.low_barrier": 0.5 if harm_reduction else 0.1,
            "approach.faith_based": 0.0 if harm_reduction else 0.04,
        }
        return [code for code, chance in chances.items() if rng.random() < chance]

    def _eligibility(self, types: Sequence[str]) -> list[str]:
        rng = self.rng
        codes: list[str] = []
        if types[0] == "health.perinatal":
            codes.append("population.pregnant")
        elif rng.random() < 0.1:
            codes.append(self.populations.draw(rng))
        if types[0] in MEDICATION_SUBSTANCES and rng.random() < 0.6:
            codes += MEDICATION_SUBSTANCES[types[0]]
        elif rng.random() < 0.08:
            codes += self.substances.sample(rng, rng.randint(1, 2))
        abstinence = {"treatment.residential": 0.25, "basic_needs.recovery_housing": 0.5}
        if not types[0].startswith("harm_reduction.") and rng.random() < abstinence.get(
            types[0], 0.02
        ):
            codes.append("requirement.abstinence")
        return codes

    def _write_service_row(
        self,
        service_id: str,
        organization: Organization,
        types: Sequence[str],
        features: Sequence[str],
    ) -> None:
        rng = self.rng
        name = self._service_name(types[0], organization)
        term = self.taxonomy.terms[types[0]]
        row: dict[str, object] = {
            "id": service_id,
            "organization_id": organization.id,
            "name": name,
            "description": f"{name}, offered by {organization.name}. {term.description}",
            "status": rng.choices(("active", "temporarily closed", "inactive"), (97, 2, 1))[0],
            "application_process": rng.choice(APPLICATION_PROCESSES),
            "wait_time": rng.choice(WAIT_TIMES),
            "last_modified": (EPOCH + timedelta(seconds=rng.randrange(63_000_000))).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            ),
        }
        row.update(self._ages(features))
        if rng.random() < 0.15:
            row["interpretation_services"] = "Interpretation by phone in over 100 languages."
        if rng.random() < 0.3:
            row["url"] = f"https://services.example.org/{service_id[:8]}"
        self.out.write("service", row)

    def _service_name(self, code: str, organization: Organization) -> str:
        rng = self.rng
        if code == "twelve_step.meeting":
            return f"{rng.choice(NAME_WORDS)} Group ({rng.choice(FELLOWSHIPS)})"
        names = SERVICE_NAMES.get(code) or (self.taxonomy.label(code),)
        name = rng.choice(names)
        if rng.random() < 0.3:
            return f"{name} ({self.cities[organization.city].name})"
        return name

    def _ages(self, features: Sequence[str]) -> dict[str, object]:
        """Ages for about 15% of services: young people's services, adults-only ones."""
        rng = self.rng
        if "population.adolescent" in features:
            return {
                "minimum_age": rng.choice((12, 13, 14)),
                "maximum_age": rng.choice((17, 18, 21)),
                "eligibility_description": "For young people.",
            }
        if rng.random() < 0.13:
            return {
                "minimum_age": rng.choice((18, 18, 18, 21)),
                "eligibility_description": "Adults.",
            }
        return {}

    def _write_service_at_locations(self, service_id: str, organization: Organization) -> None:
        rng = self.rng
        own = organization.locations
        wanted = 1 if rng.random() < 0.7 else 2
        chosen = rng.sample(own, min(wanted, len(own))) if own else []
        nearby = self.city_locations[organization.city]
        if len(chosen) < wanted and nearby:  # a partner's site in the same city
            extra = rng.choice(nearby)
            if extra not in chosen:
                chosen.append(extra)
        for location_id in chosen:
            self.out.write(
                "service_at_location",
                {"id": new_id(rng), "service_id": service_id, "location_id": location_id},
            )

    def _write_phones(self, service_id: str, organization: Organization) -> None:
        rng = self.rng
        area = rng.choice(self.cities[organization.city].places).area_code
        for index in range(1 if rng.random() < 0.65 else 2):
            kind = "voice" if index == 0 else rng.choice(("voice", "text", "fax"))
            row: dict[str, object] = {
                "id": new_id(rng),
                "service_id": service_id,
                "number": f"+1 {area} 555 01{rng.randrange(100):02d}",
                "type": kind,
                "description": "Main line" if index == 0 else "Intake line",
            }
            if rng.random() < 0.1:
                row["extension"] = rng.randint(100, 399)
            self.out.write("phone", row)

    def _write_schedule(self, service_id: str, code: str, remote: bool) -> None:
        rng = self.rng
        if code in AROUND_THE_CLOCK:
            days, opens, closes, text = "MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "Open 24/7"
        elif code in MEETINGS:
            days = rng.choice(("MO", "TU", "WE", "TH", "FR", "SA", "SU"))
            opens, closes = rng.choice((("12:00", "13:00"), ("19:00", "20:00"), ("18:30", "19:30")))
            text = f"Meets weekly, {opens} to {closes}"
        elif code == "medication.methadone":
            days, opens, closes, text = "MO,TU,WE,TH,FR,SA", "05:30", "13:00", "Dosing mornings"
        else:
            days = rng.choice(("MO,TU,WE,TH,FR", "MO,TU,WE,TH,FR", "MO,WE,FR", "TU,TH"))
            opens, closes = rng.choice((("08:00", "17:00"), ("09:00", "17:00"), ("10:00", "16:00")))
            text = f"{days.replace(',', ' ')} {opens} to {closes}"
        row = {
            "id": new_id(rng),
            "service_id": service_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "interval": 1,
            "byday": days,
            "opens_at": f"{opens}:00",
            "closes_at": f"{closes}:00",
            "description": text,
            "attending_type": "online or by phone" if remote else "in person",
        }
        self.out.write("schedule", row)

    def _write_languages(self, service_id: str) -> None:
        codes = self.languages.draw(self.rng)
        for code in codes.split(",") if codes else ():
            row = {
                "id": new_id(self.rng),
                "service_id": service_id,
                "name": LANGUAGE_NAMES[code],
                "code": code,
            }
            self.out.write("language", row)

    def _write_attribute(self, service_id: str, code: str) -> None:
        row = {
            "id": new_id(self.rng),
            "link_id": service_id,
            "taxonomy_term_id": term_id_of(code),
            "link_entity": "service",
        }
        self.out.write("attribute", row)

    def _write_cost_option(self, service_id: str, features: Iterable[str]) -> None:
        rng = self.rng
        row: dict[str, object] = {"id": new_id(rng), "service_id": service_id, "currency": "USD"}
        if "payment.free" in features:
            row.update(option="Free", amount=0, amount_description="No charge")
        elif "payment.sliding_scale" in features:
            row.update(
                option="Sliding scale",
                amount=rng.choice((10, 20, 25, 40)),
                amount_description="Per visit, based on household income",
            )
        else:
            row.update(
                option="Self-pay",
                amount=rng.choice((60, 90, 120, 150, 200)),
                amount_description="Per visit without insurance",
            )
        self.out.write("cost_option", row)


def generate(out_dir: Path, *, services: int, locations: int, seed: int = 1) -> dict[str, int]:
    """Write an HSDS 3.0 CSV directory into `out_dir`; the rows written per table."""
    if services < 1 or locations < 0:
        raise ValueError("need at least one service and no negative location count")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with TableWriters(out_dir) as out:
        generator = DirectoryGenerator(out, rng, load_taxonomy())
        generator.write_taxonomy()
        organizations = generator.write_organizations(max(1, round(services / 4)))
        generator.write_locations(locations, organizations)
        generator.write_services(services, organizations)
    package = json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"
    (out_dir / "datapackage.json").write_text(package, encoding="utf-8")
    return dict(out.counts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the CSV files into")
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--locations", type=int, default=None, help="default: services / 4")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    locations = args.locations if args.locations is not None else args.services // 4
    started = time.perf_counter()
    counts = generate(args.out, services=args.services, locations=locations, seed=args.seed)
    elapsed = time.perf_counter() - started
    for table, count in counts.items():
        print(f"{table:<22}{count:>10,}")
    print(f"{'total rows':<22}{sum(counts.values()):>10,}   in {elapsed:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
