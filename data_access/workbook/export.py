"""The communities list as the quarterly workbook's Communities sheet, for a download.

A table in, a table out (no database): the file reads like the upload sheet, so
officers recognise it (and could send it back as a correction).
"""

from __future__ import annotations

import pandas as pd

from data_access.vocabulary import PARTICIPANT_ROLES
from data_access.workbook.schema import COMMUNITIES

EXPORT_COLUMNS = tuple(column.key for column in COMMUNITIES.columns)
DATE_COLUMNS = ("start_date", "end_date", "midterm_check")


def export_table(table: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The workbook's community columns, headers and choice labels in `lang`
    (`table` as `data_access.kpis.communities.community_table` returns it)."""
    index = 0 if lang == "nl" else 1
    result = table[list(EXPORT_COLUMNS)].copy()
    for key in ("status", "sector"):
        choices = COMMUNITIES.column(key).choices or {}
        result[key] = result[key].map({code: labels[index] for code, labels in choices.items()})
    for column in DATE_COLUMNS:
        result[column] = result[column].dt.date
    for column in PARTICIPANT_ROLES:
        result[column] = result[column].astype("Int64")
    result.columns = [COMMUNITIES.column(key).headers[index] for key in EXPORT_COLUMNS]
    return result
