"""The clinic's own records: clients, their intakes, consents and referrals.

An intake keeps the client's answers as the JSON document of contract §1 (validated
by `intake.intake_model` before it is stored), so a field added to the contract needs
no migration; the columns beside it are the ones lists and reports search on.

No `from __future__ import annotations` here: it breaks SQLModel relationships.
"""

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

ID = 64


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Client(SQLModel, table=True):
    __tablename__ = "client"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=ID)
    name: str = Field(index=True, max_length=200)  # a name or an alias
    is_alias: bool = False
    date_of_birth: dt.date | None = Field(default=None, index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow, index=True)


class Intake(SQLModel, table=True):
    __tablename__ = "intake"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=ID)
    client_id: str | None = Field(default=None, foreign_key="client.id", index=True, max_length=ID)
    status: str = Field(default="draft", index=True, max_length=16)  # draft | final
    answers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    counselor: str | None = Field(default=None, max_length=200)
    rules_version: str | None = Field(default=None, max_length=100)
    directory_version: str | None = Field(default=None, max_length=100)
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    finished_at: dt.datetime | None = None


class Consent(SQLModel, table=True):
    """A 42 CFR Part 2 consent to disclose, as signed at an intake."""

    __tablename__ = "consent"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=ID)
    intake_id: str = Field(foreign_key="intake.id", index=True, max_length=ID)
    recipients: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    information: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    purpose: str = ""
    expires_on: dt.date | None = None
    expires_event: str | None = None
    signed_by: str = ""
    signer_relationship: str | None = Field(default=None, max_length=40)
    signed_on: dt.date | None = None
    revoked_on: dt.date | None = None


class Referral(SQLModel, table=True):
    """A referral the counselor chose. Service facts are copied: directories change."""

    __tablename__ = "referral"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=ID)
    intake_id: str = Field(foreign_key="intake.id", index=True, max_length=ID)
    service_id: str = Field(index=True, max_length=ID)
    service_name: str = ""
    organization_name: str = ""
    pathway: str = Field(default="", max_length=40)
    types: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    urgent: bool = False
    safety_net: bool = False
    added_by_counselor: bool = False  # chosen although the rules kept it out
    note: str | None = None
    status: str = Field(default="pending", max_length=40)
    position: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # counselor's order
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class Disclosure(SQLModel, table=True):
    """The accounting of disclosures: one row per letter that left the clinic (42 CFR §2.24).

    Facts are copied (recipient name, what was shared) so the accounting stays true
    when the directory or the consent changes later.
    """

    __tablename__ = "disclosure"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=ID)
    client_id: str = Field(foreign_key="client.id", index=True, max_length=ID)
    intake_id: str = Field(foreign_key="intake.id", index=True, max_length=ID)
    consent_id: str | None = Field(default=None, foreign_key="consent.id", max_length=ID)
    referral_id: str | None = Field(default=None, foreign_key="referral.id", max_length=ID)
    recipient_service_id: str = Field(max_length=ID)
    recipient_name: str = ""
    information: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    purpose: str = ""
    document: str = Field(default="provider_letter", max_length=40)
    counselor: str | None = Field(default=None, max_length=200)
    disclosed_at: dt.datetime = Field(default_factory=utcnow, index=True)


class ClinicSetting(SQLModel, table=True):
    """Clinic-wide settings shared by every desk (letterhead, default distance, paper size)."""

    __tablename__ = "clinic_setting"

    key: str = Field(primary_key=True, max_length=100)
    value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    updated_at: dt.datetime = Field(default_factory=utcnow)


class DirectoryImport(SQLModel, table=True):
    """One import into the directory; the newest one names the directory's version."""

    __tablename__ = "directory_import"

    id: int | None = Field(default=None, primary_key=True)
    imported_at: dt.datetime = Field(default_factory=utcnow)
    source: str = ""  # the file or folder name only, never a full path with a user name
    counts: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    warnings: int = 0
