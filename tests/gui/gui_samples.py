"""A small directory for GUI tests, built without a database (also used by subprocess tests)."""

from intake.directory.snapshot import DirectorySnapshot, Place, ServiceView


def _service(id: str, name: str, *codes: str, **fields: object) -> ServiceView:
    return ServiceView(id=id, name=name, codes=frozenset(codes), **fields)  # type: ignore[arg-type]


SYRINGE = _service(
    "svc-syringe",
    "Northside Syringe Services",
    "harm_reduction.syringe_services",
    "harm_reduction.naloxone",
    "payment.free",
    "approach.walk_in",
    organization_name="Harm Reduction Collective",
    description="Sterile supplies, naloxone and fentanyl test strips, no questions asked.",
    languages=("en", "es"),
    places=(Place("loc-1", "Northside storefront", "12 Main St, Billings, MT 59101"),),
    phones=("+1 406 555 0101",),
    url="https://example.org/syringe",
    schedule="Mon-Fri 10:00-18:00",
    assured_date="2026-09-01",
)
HOUSING = _service(
    "svc-housing",
    "Safe Harbor Recovery House",
    "basic_needs.recovery_housing",
    "requirement.abstinence",
    "population.women",
    organization_name="Safe Harbor",
    minimum_age=18,
    places=(Place("loc-2", "Safe Harbor", "", confidential=True),),
    phones=("+1 406 555 0102",),
    assured_date="2023-02-01",
    application_process="Call for a phone screening; beds open most weeks.",
)
CLINIC = _service(
    "svc-clinic",
    "Clínica Esperanza buprenorphine clinic",
    "medication.buprenorphine",
    "health.primary_care",
    "payment.medicaid",
    "payment.sliding_scale",
    organization_name="Esperanza Health",
    languages=("es",),
    phones=("+1 406 555 0103",),
    url="javascript:alert(1)",
    costs=("Sliding scale: 0-40 USD",),
)
MEETING = _service(
    "svc-meeting",
    "Tuesday Night AA",
    "twelve_step.meeting",
    "substance.alcohol",
    organization_name="Central Office",
    status="temporarily closed",
)
ONLINE = _service(
    "svc-smart",
    "SMART Recovery Online",
    "secular_mutual_aid.meeting",
    "format.online",
    organization_name="SMART Recovery",
    description="Online meetings for any substance or behavior.",
)
MARKUP = _service(
    "svc-markup",
    "<b>x</b>",
    "crisis.hotline",
    organization_name="<i>Org</i> & Co",
    description="<script>alert('hi')</script>",
    alert="<img src=x>Closed Friday",
)
SERVICES = (SYRINGE, HOUSING, CLINIC, MEETING, ONLINE, MARKUP)


def sample_snapshot() -> DirectorySnapshot:
    return DirectorySnapshot(version="test-1", services=SERVICES)
