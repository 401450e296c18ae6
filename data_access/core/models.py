"""The database schema as SQLModel tables.

Two kinds of tables live here. *Identity* tables (programme, community, facilitator,
lookups) say that a thing exists. *Report* tables hold what one import batch said
about a thing in one period. Every figure "as of period P" is derived from the
latest active report at or before P, so an import never overwrites history and
undoing one is exact: mark the batch undone and the derived state is what it was.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Column, Index, LargeBinary, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from data_access.vocabulary import ROLES  # noqa: F401  (re-exported)

# Named constraints make migrations (and SQLite batch alterations) reproducible.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Stable codes; labels live in data_access/locales.
COMMUNITY_STATUSES = ("planned", "running", "completed", "stopped")
FACILITATOR_STATUSES = ("in_training", "certified", "inactive")
BATCH_STATUSES = ("active", "superseded", "undone")
REVIEW_STATUSES = ("submitted", "approved", "rejected")
TARGET_MEASURES = (
    "communities_started",
    "communities_completed",
    "facilitators_certified",
    "budget",
)


def utc_now() -> datetime:
    """Timestamps are timezone-aware UTC (SQLModel refuses naive ones); the UI converts."""
    return datetime.now(UTC)


def money_column() -> Column:
    """Euros with cents, exact on SQLite and PostgreSQL alike."""
    return Column(Numeric(14, 2, asdecimal=True), nullable=True)


# --- lookups -------------------------------------------------------------------


class Funder(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


DEFAULT_DEADLINE_DAYS = 30  # a quarter's report is due this many days after it ends


class Programme(SQLModel, table=True):
    """A funded programme; it may exist (made by an officer) before its first upload."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    funder_id: int | None = Field(default=None, foreign_key="funder.id")
    created_at: datetime = Field(default_factory=utc_now)
    description: str | None = None
    first_year: int | None = None  # None: from its first reported quarter
    last_year: int | None = None
    # Days after a quarter's end its report is due (reporting completeness: late/missing).
    deadline_days: int = Field(
        default=DEFAULT_DEADLINE_DAYS, sa_column_kwargs={"server_default": "30"}
    )


class Sector(SQLModel, table=True):
    """Lookup table: more sectors can be added without a code change."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name_nl: str
    name_en: str
    sort_order: int = 0


class Municipality(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    cbs_code: str = Field(unique=True)
    name: str = Field(unique=True)


class FieldLab(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class HostOrganisation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class EducationPartner(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    level: str | None = None  # "mbo", "hbo", "wo"; None when not yet known


# --- targets ---------------------------------------------------------------------


class Target(SQLModel, table=True):
    """A yearly target of a programme, e.g. 13 communities started in 2022."""

    __table_args__ = (UniqueConstraint("programme_id", "year", "measure"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    year: int
    measure: str
    value: float
    updated_by: str | None = None
    updated_at: datetime = Field(default_factory=utc_now)


class TargetChange(SQLModel, table=True):
    """Every change to a target, kept so officers can see who changed what."""

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    year: int
    measure: str
    old_value: float | None = None
    new_value: float | None = None
    changed_by: str
    changed_at: datetime = Field(default_factory=utc_now)


# --- import batches ------------------------------------------------------------------


class ImportBatch(SQLModel, table=True):
    """One uploaded workbook: the file itself, who sent it, and what it changed."""

    __table_args__ = (Index("ix_importbatch_prog_period", "programme_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    period: str  # "YYYY-Qn": sorts chronologically as text
    file_name: str
    checksum: str = Field(index=True)  # sha256 of the file's bytes
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    uploaded_by: str
    uploaded_at: datetime = Field(default_factory=utc_now)
    submitted_by: str | None = None  # as written on the Report sheet
    submitter_email: str | None = None
    status: str = "active"
    replaces_batch_id: int | None = Field(default=None, foreign_key="importbatch.id")
    counts_json: str = "{}"
    changes_json: str = "[]"
    undone_by: str | None = None
    undone_at: datetime | None = None
    # An officer's review: every import starts `submitted`; approving locks the period.
    review_status: str = Field(default="submitted", index=True)
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    review_comment: str | None = None


class PeriodLock(SQLModel, table=True):
    """A programme's period closed for uploads (and undo) until an officer unlocks it."""

    __table_args__ = (UniqueConstraint("programme_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    period: str
    locked_by: str
    locked_at: datetime = Field(default_factory=utc_now)
    approved_batch_id: int | None = Field(default=None, foreign_key="importbatch.id")


# --- access and audit ----------------------------------------------------------------


class UserRole(SQLModel, table=True):
    """One role of one person (by e-mail); a lead's row names the programme they lead."""

    __table_args__ = (UniqueConstraint("email", "role", "programme_id"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True)  # stored lower-case
    role: str
    programme_id: int | None = Field(default=None, foreign_key="programme.id")
    granted_by: str
    granted_at: datetime = Field(default_factory=utc_now)


class AuditEvent(SQLModel, table=True):
    """One write, by whom and when, with what changed; written in the write's transaction."""

    __table_args__ = (Index("ix_auditevent_at", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now)
    actor: str = Field(index=True)
    action: str = Field(index=True)
    entity: str
    entity_id: str | None = None
    programme_id: int | None = Field(default=None, foreign_key="programme.id")
    period: str | None = None
    details_json: str = "{}"


class DataVersion(SQLModel, table=True):
    """One row (id 1) whose number every write moves in its own transaction.

    The dashboard's caches key on it (ui/cache.py): a write from any instance or the
    command line is seen on the next rerun everywhere, and unchanged data is never
    recomputed. See data_access/core/data_version.py.
    """

    id: int = Field(default=1, primary_key=True)
    version: int = 0


# --- communities ---------------------------------------------------------------------


class Community(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("programme_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    code: str


class CommunityReport(SQLModel, table=True):
    """What one batch reported about one community."""

    __table_args__ = (Index("ix_communityreport_comm_period", "community_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="importbatch.id", index=True)
    community_id: int = Field(foreign_key="community.id")
    period: str
    name: str
    host_organisation_id: int = Field(foreign_key="hostorganisation.id")
    sector_id: int = Field(foreign_key="sector.id")
    municipality_id: int | None = Field(default=None, foreign_key="municipality.id")
    municipality_text: str | None = None  # as written, when not one of the 25
    field_lab_id: int | None = Field(default=None, foreign_key="fieldlab.id")
    start_date: date | None = None
    end_date: date | None = None
    status: str
    facilitator_id: int | None = Field(default=None, foreign_key="facilitator.id")
    employees: int | None = None
    managers: int | None = None
    students: int | None = None
    teachers: int | None = None
    question: str | None = None
    champion: str | None = None
    midterm_check: date | None = None


class CommunityReportPartner(SQLModel, table=True):
    report_id: int = Field(foreign_key="communityreport.id", primary_key=True)
    partner_id: int = Field(foreign_key="educationpartner.id", primary_key=True)


# --- facilitators --------------------------------------------------------------------


class Facilitator(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id")
    name: str


class FacilitatorReport(SQLModel, table=True):
    __table_args__ = (Index("ix_facilitatorreport_fac_period", "facilitator_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="importbatch.id", index=True)
    facilitator_id: int = Field(foreign_key="facilitator.id")
    period: str
    organisation: str | None = None
    trained_on: date | None = None
    status: str
    hours_per_week: float | None = None
    max_concurrent: int | None = None


class FacilitatorReportSector(SQLModel, table=True):
    report_id: int = Field(foreign_key="facilitatorreport.id", primary_key=True)
    sector_id: int = Field(foreign_key="sector.id", primary_key=True)


# --- funding -------------------------------------------------------------------------


class FundingReport(SQLModel, table=True):
    """Granted and spent in one quarter, as one batch reported it."""

    __table_args__ = (Index("ix_fundingreport_prog_yq", "programme_id", "year", "quarter"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="importbatch.id", index=True)
    programme_id: int = Field(foreign_key="programme.id")
    period: str
    year: int
    quarter: int
    granted: Decimal | None = Field(default=None, sa_column=money_column())
    spent: Decimal | None = Field(default=None, sa_column=money_column())
    note: str | None = None
