"""The demo directory in resources/demo/, read straight from its CSV files."""

import csv
import json
import math
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
import referencing.jsonschema
import zipcodes

from intake.paths import resource_path
from intake.taxonomy import FEATURE_GROUPS, TAXONOMY_NAME, load_taxonomy

DEMO = resource_path("demo")
SCHEMAS = resource_path("hsds", "schema")
SCRIPT = Path(__file__).resolve().parents[1] / "tools" / "build_demo_directory.py"
TABLES = {
    "organization": "organizations.csv",
    "service": "services.csv",
    "attribute": "attributes.csv",
    "service_at_location": "service_at_location.csv",
    "location": "locations.csv",
    "phone": "phones.csv",
    "address": "addresses.csv",
    "schedule": "schedules.csv",
    "language": "languages.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "cost_option": "cost_options.csv",
    "taxonomy": "taxonomies.csv",
}
# Billings, Montana and the towns around it, out to Bozeman.
LATITUDES, LONGITUDES = (45.0, 46.0), (-111.2, -107.3)
BILLINGS = (45.7833, -108.5007)
POSTAL_CODES = {"59101", "59102", "59103", "59104", "59105", "59106"} | {
    "59044",  # Laurel
    "59034",  # Hardin
    "59068",  # Red Lodge
    "59019",  # Columbus
    "59715",  # Bozeman
}
NATIONAL_LINES = {
    "988 Suicide & Crisis Lifeline": ("988", "crisis.hotline"),
    "SAMHSA National Helpline": ("1-800-662-4357", "crisis.hotline"),
    "Never Use Alone": ("1-800-484-3731", "crisis.overdose_spotting"),
}
LOCAL_PHONE = re.compile(r"406-555-01\d\d")
STIGMA = re.compile(r"\b(addicts?|abusers?|abuse|junkies?|clean|dirty)\b", re.IGNORECASE)

Row = dict[str, str]


@cache
def table(name: str) -> tuple[Row, ...]:
    with (DEMO / TABLES[name]).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@cache
def by_id(name: str) -> dict[str, Row]:
    return {row["id"]: row for row in table(name)}


@cache
def codes_by_service() -> dict[str, frozenset[str]]:
    code_of_term = {row["id"]: row["code"] for row in table("taxonomy_term")}
    codes: dict[str, set[str]] = defaultdict(set)
    for row in table("attribute"):
        codes[row["link_id"]].add(code_of_term[row["taxonomy_term_id"]])
    return {sid: frozenset(codes[sid]) for sid in by_id("service")}


def rows_of(name: str, column: str, value: str) -> list[Row]:
    return [row for row in table(name) if row[column] == value]


def service_named(name: str) -> Row:
    (row,) = [s for s in table("service") if s["name"] == name]
    return row


def active_services() -> Iterator[Row]:
    return (s for s in table("service") if s["status"] == "active")


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def point_of(location: Row) -> tuple[float, float]:
    return float(location["latitude"]), float(location["longitude"])


# -- the package -----------------------------------------------------------------------


def test_datapackage_lists_exactly_the_files_written() -> None:
    package = json.loads((DEMO / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert "Fictional demo directory" in package["title"]
    assert "Fictional demo directory" in package["description"]
    resources = {r["name"]: r for r in package["resources"]}
    assert {n: r["path"] for n, r in resources.items()} == TABLES
    assert sorted(p.name for p in DEMO.glob("*.csv")) == sorted(TABLES.values())
    for name, resource in resources.items():
        with (DEMO / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [f["name"] for f in resource["schema"]["fields"]], name
        assert header == hsds_columns(name), name
        for key in resource["schema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in resources, (name, key)


def test_csv_files_are_utf8_with_crlf_rows() -> None:
    for path in DEMO.glob("*.csv"):
        data = path.read_bytes()
        data.decode("utf-8")
        assert data.endswith(b"\r\n") and b"\r\n" in data.split(b"\n", 1)[0] + b"\n"


def test_everything_is_marked_fictional() -> None:
    for org in table("organization"):
        assert "fictional" in org["description"].lower(), org["name"]
        assert org["website"] == "" or org["website"].endswith(".example.org")
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme.lower()
    assert "tools/build_demo_directory.py" in readme
    for number, _ in NATIONAL_LINES.values():
        assert number in readme
    counts = (len(table("service")), len(table("organization")), len(table("location")))
    assert "{} services from {} organizations at {} locations".format(*counts) in readme


def test_ids_are_unique_uuids_in_every_table() -> None:
    uuid_form = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
    for name in TABLES:
        ids = [row["id"] for row in table(name)]
        assert len(ids) == len(set(ids)), name
        assert all(uuid_form.fullmatch(i) for i in ids), name


# -- against the HSDS schemas ------------------------------------------------------------


@cache
def hsds_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


def hsds_columns(name: str) -> list[str]:
    properties = hsds_schema(name)["properties"]
    return [k for k, v in properties.items() if v.get("type") != "array" and "$ref" not in v]


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    spec = referencing.jsonschema.DRAFT202012
    registry: referencing.Registry = referencing.Registry().with_resources(
        (path.name, referencing.Resource.from_contents(json.loads(path.read_text()), spec))
        for path in SCHEMAS.glob("*.json")
    )
    schema = hsds_schema(name)
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def as_json(name: str, row: Row) -> dict[str, Any]:
    """A CSV row as JSON: empty cells dropped, numbers as numbers."""
    properties = hsds_schema(name)["properties"]
    record: dict[str, Any] = {}
    for key, cell in row.items():
        if cell == "":
            continue
        record[key] = _number(cell) if properties[key].get("type") == "number" else cell
    return record


def _number(cell: str) -> float | str:
    try:
        return float(cell)
    except ValueError:
        return cell  # left as text, so that the schema reports it


@pytest.mark.parametrize("name", list(TABLES))
def test_rows_validate_against_the_hsds_schema(name: str) -> None:
    check = validator(name)
    tabular_required = hsds_schema(name).get("tabular_required", [])
    assert table(name), f"{name} is empty"
    for number, row in enumerate(table(name), start=2):  # row 1 is the header
        record = as_json(name, row)
        errors = [e.message for e in check.iter_errors(record)]
        assert errors == [], f"{TABLES[name]} row {number}: {errors}"
        missing = [k for k in tabular_required if k not in record]
        assert missing == [], f"{TABLES[name]} row {number}: missing {missing}"


def test_the_schema_check_can_fail() -> None:
    row = dict(table("service")[0], status="open", minimum_age="12")
    record = as_json("service", row)
    assert record["minimum_age"] == 12.0
    assert list(validator("service").iter_errors(record))
    not_a_number = as_json("service", dict(table("service")[0], maximum_age="seventeen"))
    assert list(validator("service").iter_errors(not_a_number))
    bad_id = as_json("location", dict(table("location")[0], id="not-a-uuid"))
    assert list(validator("location").iter_errors(bad_id))


def test_dates_and_times_are_iso() -> None:
    for service in table("service"):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", service["assured_date"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", service["last_modified"])
    for schedule in table("schedule"):
        assert re.fullmatch(r"\d{2}:\d{2}:\d{2}", schedule["opens_at"])
        assert re.fullmatch(r"\d{2}:\d{2}:\d{2}", schedule["closes_at"])
        assert schedule["freq"] in {"WEEKLY", "MONTHLY"}
        assert re.fullmatch(
            r"(-?\d)?(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*", schedule["byday"]
        )
        assert schedule["description"]


# -- links between rows --------------------------------------------------------------------


def test_every_link_points_at_an_existing_row() -> None:
    orgs, services, locations = by_id("organization"), by_id("service"), by_id("location")
    sals = by_id("service_at_location")
    for service in table("service"):
        assert service["organization_id"] in orgs, service["name"]
    for location in table("location"):
        assert location["organization_id"] in orgs, location["name"]
    for sal in sals.values():
        assert sal["service_id"] in services and sal["location_id"] in locations
    for address in table("address"):
        assert address["location_id"] in locations
    for phone in table("phone"):
        owners = [phone[k] for k in ("service_id", "organization_id", "location_id") if phone[k]]
        assert len(owners) == 1, phone
        assert not phone["service_id"] or phone["service_id"] in services
        assert not phone["organization_id"] or phone["organization_id"] in orgs
    for schedule in table("schedule"):
        assert schedule["service_id"] in services
        if schedule["service_at_location_id"]:
            sal = sals[schedule["service_at_location_id"]]
            assert sal["service_id"] == schedule["service_id"]
            assert sal["location_id"] == schedule["location_id"]
    for name in ("language", "cost_option"):
        for row in table(name):
            assert row["service_id"] in services, name
    used_locations = {sal["location_id"] for sal in sals.values()}
    assert used_locations == set(locations), "every location hosts a service"


def test_every_service_has_a_phone_and_a_schedule() -> None:
    with_phone = {p["service_id"] for p in table("phone")}
    with_schedule = {s["service_id"] for s in table("schedule")}
    for service in table("service"):
        assert service["id"] in with_phone, service["name"]
        assert service["id"] in with_schedule, service["name"]


# -- taxonomy ------------------------------------------------------------------------------


def test_taxonomy_rows_come_from_the_taxonomy_file() -> None:
    taxonomy = load_taxonomy()
    (row,) = table("taxonomy")
    assert row["id"] == taxonomy.taxonomy_id
    assert row["name"] == TAXONOMY_NAME and row["version"] == taxonomy.version
    terms = table("taxonomy_term")
    expected = [*taxonomy.pathway_codes(), *taxonomy.terms]
    assert [t["code"] for t in terms] == expected
    for term in terms:
        assert term["id"] == taxonomy.term_id(term["code"])
        assert term["name"] == taxonomy.label(term["code"])
        assert term["taxonomy_id"] == taxonomy.taxonomy_id and term["taxonomy"] == "intake"
        known = taxonomy.terms.get(term["code"])
        if known is not None and known.is_type:
            assert term["parent_id"] == taxonomy.term_id(known.group)
        else:
            assert term["parent_id"] == ""


def test_attributes_link_services_to_terms() -> None:
    terms = by_id("taxonomy_term")
    services = by_id("service")
    expected_link_type = {"population": "eligibility", "requirement": "eligibility"}
    expected_link_type |= {"substance": "eligibility", "approach": "feature"}
    expected_link_type |= {"format": "feature", "payment": "payment"}
    for row in table("attribute"):
        assert row["link_entity"] == "service"
        assert row["link_id"] in services
        code = terms[row["taxonomy_term_id"]]["code"]
        assert row["link_type"] == expected_link_type.get(code.split(".")[0], "service_type")
    for service_id, codes in codes_by_service().items():
        types = [c for c in codes if c.split(".")[0] not in FEATURE_GROUPS]
        assert types, f"{services[service_id]['name']} has no service type"


def test_at_least_60_services() -> None:
    assert len(table("service")) >= 60


def test_active_services_cover_every_pathway_type_and_feature() -> None:
    taxonomy = load_taxonomy()
    used = set().union(*(codes_by_service()[s["id"]] for s in active_services()))
    missing = [code for code in taxonomy.terms if code not in used]
    assert missing == []
    pathways = {code.split(".")[0] for code in used if taxonomy.terms[code].is_type}
    assert pathways == set(taxonomy.pathway_codes())


# -- places --------------------------------------------------------------------------------


def test_coordinates_are_in_the_region_and_near_their_postal_code() -> None:
    addresses = defaultdict(list)
    for address in table("address"):
        addresses[address["location_id"]].append(address)
    for location in table("location"):
        lat, lon = point_of(location)
        assert LATITUDES[0] <= lat <= LATITUDES[1], location["name"]
        assert LONGITUDES[0] <= lon <= LONGITUDES[1], location["name"]
        for address in addresses[location["id"]]:
            assert address["postal_code"] in POSTAL_CODES
            assert address["state_province"] == "MT" and address["country"] == "US"
            if address["address_type"] == "physical":
                (zip_info,) = zipcodes.matching(address["postal_code"])
                assert zip_info["city"] == address["city"]
                centroid = (float(zip_info["lat"]), float(zip_info["long"]))
                assert km_between((lat, lon), centroid) < 25, location["name"]


def test_towns_around_billings_and_far_away_places() -> None:
    cities = {a["city"] for a in table("address")}
    assert {"Billings", "Laurel", "Hardin", "Red Lodge", "Columbus", "Bozeman"} <= cities
    distances = [km_between(BILLINGS, point_of(loc)) for loc in table("location")]
    assert any(d > 100 for d in distances)
    assert sum(d < 15 for d in distances) > len(distances) / 2


def test_a_confidential_address() -> None:
    with_address = {a["location_id"] for a in table("address")}
    confidential = [loc for loc in table("location") if loc["id"] not in with_address]
    assert confidential
    for location in confidential:
        assert "call for address" in location["description"].lower()
        assert location["latitude"] and location["longitude"]


def test_online_and_phone_services_have_no_location() -> None:
    located = {sal["service_id"] for sal in table("service_at_location")}
    unlocated = [s for s in table("service") if s["id"] not in located]
    assert len(unlocated) >= 5
    for service in unlocated:
        codes = codes_by_service()[service["id"]]
        assert codes & {"format.online", "format.phone"}, service["name"]


# -- people, languages, phones ---------------------------------------------------------------


def test_languages() -> None:
    languages = table("language")
    assert all(re.fullmatch(r"[a-z]{2}", row["code"]) and row["name"] for row in languages)
    assert len({row["code"] for row in languages} - {"en"}) >= 3
    assert "es" in {row["code"] for row in languages}
    codes_by = defaultdict(set)
    for row in languages:
        codes_by[row["service_id"]].add(row["code"])
    assert {"es"} in codes_by.values(), "a Spanish-only service"


def test_ages() -> None:
    services = table("service")
    assert any(s["minimum_age"] == "12" and s["maximum_age"] == "17" for s in services)
    assert any(s["minimum_age"] == "18" and s["maximum_age"] == "" for s in services)
    for service in services:
        adolescent = "population.adolescent" in codes_by_service()[service["id"]]
        assert adolescent == (service["maximum_age"] == "17"), service["name"]


def test_national_lines() -> None:
    for name, (number, code) in NATIONAL_LINES.items():
        service = service_named(name)
        numbers = {p["number"] for p in rows_of("phone", "service_id", service["id"])}
        assert number in numbers, name
        codes = codes_by_service()[service["id"]]
        assert {code, "format.phone", "payment.free"} <= codes, name
        assert "Number to be verified before each release" in service["description"]
        assert not rows_of("service_at_location", "service_id", service["id"])
        (schedule,) = rows_of("schedule", "service_id", service["id"])
        assert schedule["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    line_988 = rows_of("phone", "service_id", service_named("988 Suicide & Crisis Lifeline")["id"])
    assert {p["type"] for p in line_988} == {"voice", "text"}
    samhsa = service_named("SAMHSA National Helpline")
    assert {row["code"] for row in rows_of("language", "service_id", samhsa["id"])} == {"en", "es"}


def test_local_phone_numbers_are_fictional() -> None:
    national = {number for number, _ in NATIONAL_LINES.values()} | {"1-800-487-4889"}
    for phone in table("phone"):
        assert LOCAL_PHONE.fullmatch(phone["number"]) or phone["number"] in national, phone


def test_costs() -> None:
    options = table("cost_option")
    assert any(c["amount"] == "0" for c in options)
    assert any(c["option"] == "Sliding scale" for c in options)
    assert any(c["amount"] not in ("", "0") and c["currency"] == "USD" for c in options)
    for cost in options:
        assert (cost["currency"] == "USD") == (cost["amount"] != "")


# -- the situations the matcher and the UI must handle ------------------------------------------


def services_with(code: str) -> list[Row]:
    return [s for s in active_services() if code in codes_by_service()[s["id"]]]


def org_name(service: Row) -> str:
    return by_id("organization")[service["organization_id"]]["name"]


def test_methadone_only_at_an_opioid_treatment_program() -> None:
    methadone = services_with("medication.methadone")
    assert methadone
    assert all("Opioid Treatment Program" in org_name(s) for s in methadone)
    assert all(codes_by_service()[s["id"]] & {"substance.opioids"} for s in methadone)


def test_buprenorphine_in_a_clinic_and_by_telehealth() -> None:
    bup = services_with("medication.buprenorphine")
    online = [s for s in bup if "format.online" in codes_by_service()[s["id"]]]
    walk_in = [s for s in bup if "approach.walk_in" in codes_by_service()[s["id"]]]
    assert online and walk_in


def test_naloxone_at_several_kinds_of_places() -> None:
    names = {org_name(s) for s in services_with("harm_reduction.naloxone")}
    assert any("Pharmacy" in n for n in names)
    assert any("Public Health" in n for n in names)
    assert any("Harm Reduction" in n for n in names)


def test_abstinence_requirements_next_to_low_barrier_services() -> None:
    for pathway in ("basic_needs", "treatment"):
        abstinent = [
            s
            for s in services_with("requirement.abstinence")
            if any(c.startswith(pathway + ".") for c in codes_by_service()[s["id"]])
        ]
        assert abstinent, pathway
    assert services_with("basic_needs.shelter") and any(
        "approach.low_barrier" in codes_by_service()[s["id"]]
        for s in services_with("basic_needs.shelter")
    )
    assert any(
        "approach.low_barrier" in codes_by_service()[s["id"]]
        for s in services_with("medication.buprenorphine")
    )


def test_faith_based_and_secular_mutual_aid() -> None:
    faith = services_with("approach.faith_based")
    assert any("twelve_step.meeting" in codes_by_service()[s["id"]] for s in faith)
    assert len(services_with("secular_mutual_aid.meeting")) >= 3


def test_substance_specific_services() -> None:
    def only(substance: str) -> list[Row]:
        return [
            s
            for s in active_services()
            if {c for c in codes_by_service()[s["id"]] if c.startswith("substance.")}
            == {f"substance.{substance}"}
        ]

    assert any("twelve_step.meeting" in codes_by_service()[s["id"]] for s in only("alcohol"))
    assert any("moderation.program" in codes_by_service()[s["id"]] for s in only("alcohol"))
    assert any("medication.methadone" in codes_by_service()[s["id"]] for s in only("opioids"))
    assert any(
        "medication.nicotine_replacement" in codes_by_service()[s["id"]] for s in only("tobacco")
    )


def test_status_and_staleness_flags() -> None:
    closed = [s for s in table("service") if s["status"] == "temporarily closed"]
    assert len(closed) == 1 and closed[0]["alert"]
    dates = sorted(s["assured_date"] for s in table("service"))
    newest_year = int(dates[-1][:4])
    assert int(dates[0][:4]) <= newest_year - 3, "one listing is years out of date"
    assert sum(int(d[:4]) < newest_year - 1 for d in dates) == 1


def test_words_are_respectful() -> None:
    for name in TABLES:
        for row in table(name):
            for key, cell in row.items():
                if key not in ("url", "website", "email"):
                    assert not STIGMA.search(cell), f"{TABLES[name]} {key}: {cell}"


# -- the script --------------------------------------------------------------------------------


def test_script_reproduces_the_committed_files(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    generated = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in DEMO.iterdir() if p.name != "README.md")
    assert generated == committed
    for name in generated:
        # Line ends may have been changed by a git checkout; the content may not.
        fresh = (out / name).read_bytes().replace(b"\r\n", b"\n")
        kept = (DEMO / name).read_bytes().replace(b"\r\n", b"\n")
        assert fresh == kept, f"{name} differs: run tools/build_demo_directory.py"
