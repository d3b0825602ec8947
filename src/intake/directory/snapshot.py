"""A read-only, in-memory view of the directory: what matching and browsing need.

Loaded once from the store (a few bulk queries, no per-service query) and rebuilt when
the directory changes. Plain frozen dataclasses: the rules engine is a pure function
over them, and tests build small directories without a database.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Place:
    """Where a service is delivered. `point` is None when the location has no valid one."""

    location_id: str
    name: str = ""
    address: str = ""  # one line, e.g. "12 Main St, Billings, MT 59101"; "" if confidential
    point: tuple[float, float] | None = None  # (latitude, longitude) in degrees
    confidential: bool = False  # print "call for address"
    transportation: str = ""


@dataclass(frozen=True, slots=True)
class ServiceView:
    id: str
    name: str
    organization_id: str = ""
    organization_name: str = ""
    description: str = ""
    status: str = "active"  # HSDS: active | inactive | defunct | temporarily closed
    codes: frozenset[str] = frozenset()  # known codes of the `intake` taxonomy
    other_terms: tuple[str, ...] = ()  # names of terms of other taxonomies (shown, not matched)
    minimum_age: float | None = None
    maximum_age: float | None = None
    languages: tuple[str, ...] = ()  # ISO 639-1 codes; empty means English
    places: tuple[Place, ...] = ()
    phones: tuple[str, ...] = ()
    url: str = ""
    email: str = ""
    schedule: str = ""  # plain summary, e.g. "Mon-Fri 09:00-17:00"
    fees_description: str = ""
    eligibility_description: str = ""
    application_process: str = ""
    wait_time: str = ""
    alert: str = ""
    assured_date: str = ""  # ISO date the listing was last verified
    costs: tuple[str, ...] = ()  # cost option lines, e.g. "Free" or "Sliding scale: $0-40"

    def has(self, code: str) -> bool:
        return code in self.codes


@dataclass(frozen=True, slots=True)
class DirectorySnapshot:
    version: str
    services: tuple[ServiceView, ...]
    # Services in a pathway that a loader for one intake left out (snapshot_loader.
    # load_snapshot_for), every one kept out by distance: a plan counts them as kept out.
    left_out: int = 0
    _by_id: dict[str, ServiceView] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((s.id, s) for s in self.services)

    def get(self, service_id: str) -> ServiceView | None:
        return self._by_id.get(service_id)

    def __len__(self) -> int:
        return len(self.services)
