"""Fuzzing the importer with generated workbooks: it always answers, never crashes or hangs.

The quick run (50 examples each) is part of every test run; the `slow` variants try
many more. Each example has a Hypothesis deadline and a hard time limit, so a hang
fails the test instead of stalling the suite.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings

from data_access.access.permissions import SYSTEM_ACTOR, PermissionDenied
from data_access.access.users import add_role, ensure_system_account
from data_access.core.db import get_engine
from data_access.imports.importer import apply_import, plan_import
from data_access.workbook.report import ParsedWorkbook, WorkbookRefused
from data_access.workbook.validate import validate_workbook
from tests.helpers import dump_tables
from tests.reliability.workbook_strategies import damaged_files, to_bytes, workbooks
from tests.workbook.builders import sheets, valid_workbook

QUICK, MANY = 50, 300
MANY_IMPORTS = 150  # each plans and applies (two isolated reads): ~0.5 s an example
HARD_LIMIT_SECONDS = 30
FUZZ = settings(
    max_examples=QUICK,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Hang(Exception):
    """An example ran past the hard limit."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise `Hang` in the main thread if the block runs longer than `seconds`."""

    def expire(_signum, _frame):
        raise Hang(f"no answer within {seconds}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_validation(content: bytes) -> None:
    """A report or a refusal: any other exception propagates and fails the example."""
    with time_limit(HARD_LIMIT_SECONDS):
        try:
            parsed = validate_workbook(content, "fuzz.xlsx")
        except WorkbookRefused as refused:
            event(f"refused: {refused.code}")
            assert refused.message("en")
            return
    event("report with errors" if parsed.errors else "report without errors")
    assert isinstance(parsed, ParsedWorkbook)
    assert all(issue.message("nl") and issue.message("en") for issue in parsed.issues)


@pytest.fixture
def uploader(database) -> str:
    """The system account as officer, and lead of the programme the valid workbook names."""
    ensure_system_account()
    result = apply_import(valid_workbook(), "valid.xlsx", uploaded_by=SYSTEM_ACTOR)
    assert result.status == "applied"
    add_role(email=SYSTEM_ACTOR, role="lead", programme=result.programme, actor=SYSTEM_ACTOR)
    return SYSTEM_ACTOR


def check_import(content: bytes, uploader: str) -> None:
    """Planning never writes and answers in both languages; applying writes only a valid
    file, else nothing at all.

    A refusal for want of a role (a fuzzed Report names another programme) is an answer too.
    """
    engine = get_engine()
    before = dump_tables(engine)
    with time_limit(HARD_LIMIT_SECONDS):
        plan = plan_import(content, "fuzz.xlsx", lang="en")
    assert plan.ok or plan.errors, plan.status
    assert all(issue.message("nl") and issue.message("en") for issue in plan.issues)
    assert dump_tables(engine) == before
    try:
        with time_limit(HARD_LIMIT_SECONDS):
            applied = apply_import(content, "fuzz.xlsx", uploaded_by=uploader, lang="en")
    except PermissionDenied as denied:
        event("import: refused for want of a role")
        assert plan.ok and denied.message("en")
        assert dump_tables(engine) == before
        return
    event(f"import: {applied.status}")
    assert applied.ok == plan.ok, (plan.status, applied.status)
    if not applied.ok:
        assert applied.errors
        assert dump_tables(engine) == before


@FUZZ
@given(book=workbooks)
def test_validation_answers_every_generated_workbook_with_a_report_or_a_refusal(book):
    check_validation(to_bytes(book))


@FUZZ
@given(content=damaged_files())
def test_validation_answers_a_damaged_file_with_a_report_or_a_refusal(content):
    check_validation(content)


@FUZZ
@given(book=workbooks)
def test_import_of_a_generated_workbook_changes_nothing_unless_it_is_valid(uploader, book):
    check_import(to_bytes(book), uploader)


@pytest.mark.slow
@settings(FUZZ, max_examples=MANY)
@given(content=damaged_files())
def test_validation_answers_many_damaged_files(content):
    check_validation(content)


# The long run, on SQLite: 150 generated workbooks (250 a run with the QUICK ones on both
# databases), which keeps CI within its 20 minutes. What differs between the databases
# (a refused import rolls back) shows in the first examples already. Planning validates
# each workbook through the upload's own isolated reader and checks every issue's
# message, so this is also the long run of validation for generated workbooks.
@pytest.mark.slow
@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@settings(FUZZ, max_examples=MANY_IMPORTS)
@given(book=workbooks)
def test_import_of_many_generated_workbooks_changes_nothing_unless_valid(uploader, book):
    check_import(to_bytes(book), uploader)


def test_a_whole_number_beyond_int64_in_a_text_column_is_read_as_its_digits():
    # Found by the fuzzer: pandas' int64 cast overflowed and the validator crashed.
    book = sheets("nl")
    book["Facilitatoren"][1][0] = 9.223372036854776e18
    parsed = validate_workbook(to_bytes(book), "typo.xlsx")
    assert parsed.facilitators["name"].tolist() == ["9223372036854775808"]
