"""The service directory as Open Referral HSDS 3.0 tables.

Column names are HSDS field names so that import and export map one to one. Ids are
the HSDS uuid strings. Dates stay ISO strings as HSDS writes them (the importer checks
their form), so that an import followed by an export gives back the same text.

No `from __future__ import annotations` here: it breaks SQLModel relationships.
"""

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

ID = 64  # HSDS ids are uuids (36 chars); room for the odd longer id from other tools


class Organization(SQLModel, table=True):
    __tablename__ = "organization"

    id: str = Field(primary_key=True, max_length=ID)
    name: str
    alternate_name: str | None = None
    description: str = ""
    email: str | None = None
    website: str | None = None
    tax_status: str | None = None
    tax_id: str | None = None
    year_incorporated: int | None = None
    legal_status: str | None = None
    logo: str | None = None
    uri: str | None = None
    parent_organization_id: str | None = Field(
        default=None, foreign_key="organization.id", max_length=ID
    )


class Service(SQLModel, table=True):
    __tablename__ = "service"

    id: str = Field(primary_key=True, max_length=ID)
    organization_id: str = Field(foreign_key="organization.id", index=True, max_length=ID)
    program_id: str | None = Field(default=None, max_length=ID)
    name: str
    alternate_name: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: str = "active"
    interpretation_services: str | None = None
    application_process: str | None = None
    fees_description: str | None = None
    wait_time: str | None = None
    fees: str | None = None
    accreditations: str | None = None
    eligibility_description: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    assured_date: str | None = None
    assurer_email: str | None = None
    licenses: str | None = None
    alert: str | None = None
    last_modified: str | None = None


class Location(SQLModel, table=True):
    __tablename__ = "location"

    id: str = Field(primary_key=True, max_length=ID)
    location_type: str = "physical"
    url: str | None = None
    organization_id: str | None = Field(
        default=None, foreign_key="organization.id", index=True, max_length=ID
    )
    name: str | None = None
    alternate_name: str | None = None
    description: str | None = None
    transportation: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    external_identifier: str | None = None
    external_identifier_type: str | None = None


class ServiceAtLocation(SQLModel, table=True):
    __tablename__ = "service_at_location"

    id: str = Field(primary_key=True, max_length=ID)
    service_id: str = Field(foreign_key="service.id", index=True, max_length=ID)
    location_id: str = Field(foreign_key="location.id", index=True, max_length=ID)
    description: str | None = None


class Address(SQLModel, table=True):
    __tablename__ = "address"

    id: str = Field(primary_key=True, max_length=ID)
    location_id: str | None = Field(
        default=None, foreign_key="location.id", index=True, max_length=ID
    )
    attention: str | None = None
    address_1: str = ""
    address_2: str | None = None
    city: str = ""
    region: str | None = None
    state_province: str = ""
    postal_code: str = ""
    country: str = ""
    address_type: str = "physical"


class Contact(SQLModel, table=True):
    __tablename__ = "contact"

    id: str = Field(primary_key=True, max_length=ID)
    organization_id: str | None = Field(default=None, foreign_key="organization.id", max_length=ID)
    service_id: str | None = Field(default=None, foreign_key="service.id", max_length=ID)
    service_at_location_id: str | None = Field(
        default=None, foreign_key="service_at_location.id", max_length=ID
    )
    location_id: str | None = Field(default=None, foreign_key="location.id", max_length=ID)
    name: str | None = None
    title: str | None = None
    department: str | None = None
    email: str | None = None


class Phone(SQLModel, table=True):
    __tablename__ = "phone"

    id: str = Field(primary_key=True, max_length=ID)
    location_id: str | None = Field(
        default=None, foreign_key="location.id", index=True, max_length=ID
    )
    service_id: str | None = Field(
        default=None, foreign_key="service.id", index=True, max_length=ID
    )
    organization_id: str | None = Field(
        default=None, foreign_key="organization.id", index=True, max_length=ID
    )
    contact_id: str | None = Field(default=None, foreign_key="contact.id", max_length=ID)
    service_at_location_id: str | None = Field(
        default=None, foreign_key="service_at_location.id", max_length=ID
    )
    number: str
    extension: int | None = None
    type: str | None = None
    description: str | None = None


class Schedule(SQLModel, table=True):
    __tablename__ = "schedule"

    id: str = Field(primary_key=True, max_length=ID)
    service_id: str | None = Field(
        default=None, foreign_key="service.id", index=True, max_length=ID
    )
    location_id: str | None = Field(
        default=None, foreign_key="location.id", index=True, max_length=ID
    )
    service_at_location_id: str | None = Field(
        default=None, foreign_key="service_at_location.id", index=True, max_length=ID
    )
    valid_from: str | None = None
    valid_to: str | None = None
    dtstart: str | None = None
    timezone: float | None = None
    until: str | None = None
    count: int | None = None
    wkst: str | None = None
    freq: str | None = None
    interval: int | None = None
    byday: str | None = None
    byweekno: str | None = None
    bymonthday: str | None = None
    byyearday: str | None = None
    description: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    schedule_link: str | None = None
    attending_type: str | None = None
    notes: str | None = None


class Language(SQLModel, table=True):
    __tablename__ = "language"

    id: str = Field(primary_key=True, max_length=ID)
    service_id: str | None = Field(
        default=None, foreign_key="service.id", index=True, max_length=ID
    )
    location_id: str | None = Field(default=None, foreign_key="location.id", max_length=ID)
    phone_id: str | None = Field(default=None, foreign_key="phone.id", max_length=ID)
    name: str | None = None
    code: str | None = None
    note: str | None = None


class Taxonomy(SQLModel, table=True):
    __tablename__ = "taxonomy"

    id: str = Field(primary_key=True, max_length=ID)
    name: str
    description: str = ""
    uri: str | None = None
    version: str | None = None


class TaxonomyTerm(SQLModel, table=True):
    __tablename__ = "taxonomy_term"

    id: str = Field(primary_key=True, max_length=ID)
    code: str | None = Field(default=None, index=True)
    name: str
    description: str = ""
    parent_id: str | None = Field(default=None, foreign_key="taxonomy_term.id", max_length=ID)
    taxonomy: str | None = None
    language: str | None = None
    taxonomy_id: str | None = Field(
        default=None, foreign_key="taxonomy.id", index=True, max_length=ID
    )
    term_uri: str | None = None


class Attribute(SQLModel, table=True):
    __tablename__ = "attribute"
    __table_args__ = (Index("ix_attribute_link", "link_entity", "link_id"),)

    id: str = Field(primary_key=True, max_length=ID)
    # Polymorphic: link_entity names the table that link_id points into.
    link_id: str | None = Field(default=None, max_length=ID)
    taxonomy_term_id: str = Field(foreign_key="taxonomy_term.id", index=True, max_length=ID)
    link_type: str | None = None
    link_entity: str | None = None
    value: str | None = None


class CostOption(SQLModel, table=True):
    __tablename__ = "cost_option"

    id: str = Field(primary_key=True, max_length=ID)
    service_id: str | None = Field(
        default=None, foreign_key="service.id", index=True, max_length=ID
    )
    valid_from: str | None = None
    valid_to: str | None = None
    option: str | None = None
    currency: str | None = None
    amount: float | None = None
    amount_description: str | None = None


# In dependency order: a table only points at tables before it (self-links aside).
DIRECTORY_TABLES: tuple[type[SQLModel], ...] = (
    Organization,
    Service,
    Location,
    ServiceAtLocation,
    Address,
    Contact,
    Phone,
    Schedule,
    Language,
    Taxonomy,
    TaxonomyTerm,
    Attribute,
    CostOption,
)
