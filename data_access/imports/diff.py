"""Comparing what a workbook says with the state as of its period.

Both sides are brought to one plain form first (dates as `date`, integers as
`int`, euros rounded to cents, lists sorted, blanks as None), so "unchanged"
means the same figures, not the same Python types.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import pandas as pd

from data_access.workbook import schema

ENTITY_SHEETS = {sheet.key: sheet for sheet in schema.TABLE_SHEETS}
KEY_FIELDS = {"communities": ("code",), "facilitators": ("name",), "funding": ("year", "quarter")}
SECTOR_RANK = {code: rank for rank, code in enumerate(schema.SECTOR_CHOICES)}
TEXT_KINDS = (schema.TEXT, schema.CHOICE, schema.EMAIL)


@dataclass
class EntityDiff:
    """One sheet compared with the state: rows to store, counts and field changes."""

    rows: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    changes: list[dict] = field(default_factory=list)
    new_keys: list = field(default_factory=list)
    missing_keys: list = field(default_factory=list)


def clean_value(value: object, kind: str) -> object:
    """One value in the plain form both sides are compared in."""
    if isinstance(value, list | tuple):
        return _clean_list(value)
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == schema.DATE:
        return value.date() if isinstance(value, datetime) else value
    if kind == schema.INTEGER:
        return int(value)
    if kind in (schema.NUMBER, schema.EURO):
        return round(float(value), 2)
    if isinstance(value, str):
        return value.strip() or None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def clean_records(
    frame: pd.DataFrame, columns: tuple, *, extra: dict[str, list] | None = None
) -> list[dict]:
    """The frame's rows in the plain form: every one of `columns` (None where the frame
    lacks it), then the `extra` fields as given.

    Built column by column (a whole column per kind, not `to_dict` plus a type
    check per cell), because a workbook may hold 100,000 rows.
    """
    extra = extra or {}
    nothing = [None] * len(frame)
    keys = [c.key for c in columns] + list(extra)
    values = [
        clean_column(frame[c.key], c.kind) if c.key in frame.columns else nothing for c in columns
    ]
    values.extend(extra.values())
    return [dict(zip(keys, row, strict=True)) for row in zip(*values, strict=True)]


def clean_column(series: pd.Series, kind: str) -> list:
    """`clean_value` of every cell, with fast paths for the validator's column types."""
    if kind == schema.INTEGER and pd.api.types.is_integer_dtype(series.dtype):
        return series.to_numpy(dtype=object, na_value=None).tolist()
    if kind in (schema.NUMBER, schema.EURO) and pd.api.types.is_float_dtype(series.dtype):
        return [None if v != v else round(v, 2) for v in series.tolist()]
    values = series.tolist()
    if kind in TEXT_KINDS:
        return [(v.strip() or None) if type(v) is str else clean_value(v, kind) for v in values]
    if kind == schema.DATE:
        return [v if v is None or type(v) is date else clean_value(v, kind) for v in values]
    if kind == schema.LIST:
        return _clean_lists(values)
    return [clean_value(v, kind) for v in values]


def _clean_lists(values: list) -> list:
    """`clean_value` of list cells, each distinct list worked out once (a new list per row).

    Only lists of names are remembered, so a list found equal to a remembered one holds
    names too and cleans the same; the check runs once per distinct list, not per row."""
    done: dict[tuple, list] = {}
    cleaned = []
    for value in values:
        if isinstance(value, list | tuple):
            key = tuple(value)
            with contextlib.suppress(TypeError):  # unhashable items: cleaned below
                if key in done:
                    cleaned.append(done[key].copy())
                    continue
            if all(type(v) is str for v in value):
                done[key] = _clean_list(value)
                cleaned.append(done[key].copy())
                continue
        cleaned.append(clean_value(value, schema.LIST))
    return cleaned


def _clean_list(values: list | tuple) -> list:
    unique = {text for v in values if v is not None and (text := str(v).strip())}
    return sorted(unique, key=_list_order) if len(unique) > 1 else list(unique)


def _list_order(item: str) -> tuple:
    return (SECTOR_RANK.get(item, len(SECTOR_RANK)), item.casefold())


def entity_key(row: dict, entity: str) -> object:
    """The key an entity is matched on across quarters: code, name (any case), year+quarter."""
    if entity == "communities":
        return row["code"]
    if entity == "facilitators":
        return schema.normalise_name(row["name"])
    return (int(row["year"]), int(row["quarter"]))


def state_rows(frame: pd.DataFrame, entity: str) -> dict[object, dict]:
    """The state frame as {key: plain row}, with only the fields the workbook has."""
    rows = clean_records(frame, ENTITY_SHEETS[entity].columns) if len(frame) else []
    return {entity_key(row, entity): row for row in rows}


def diff_entity(entity: str, frame: pd.DataFrame | None, old: dict[object, dict]) -> EntityDiff:
    """Compare one sheet with the state; columns the file lacks keep their known value."""
    result = EntityDiff(counts={"new": 0, "updated": 0, "unchanged": 0, "not_reported": 0})
    if frame is None:
        result.counts["not_reported"] = len(old)
        result.missing_keys = list(old)
        return result
    columns = ENTITY_SHEETS[entity].columns
    absent = [c.key for c in columns if c.key not in frame.columns]
    excel_rows = frame["excel_row"].tolist() if "excel_row" in frame else [None] * len(frame)
    seen = set()
    for row in clean_records(frame, columns, extra={"excel_row": excel_rows}):
        key = entity_key(row, entity)
        seen.add(key)
        result.rows.append(row)
        before = old.get(key)
        if before is None:
            result.counts["new"] += 1
            result.new_keys.append(key)
            continue
        row.update({name: before.get(name) for name in absent})  # what the file doesn't say
        changed = [_change(entity, row, c.key, before[c.key], row[c.key]) for c in columns]
        changed = [c for c in changed if c is not None]
        result.counts["updated" if changed else "unchanged"] += 1
        result.changes.extend(changed)
    result.missing_keys = [key for key in old if key not in seen]
    result.counts["not_reported"] = len(result.missing_keys)
    return result


def _change(entity: str, row: dict, field_key: str, old: object, new: object) -> dict | None:
    if old == new:
        return None
    key = "-Q".join(str(row[k]) for k in KEY_FIELDS[entity])
    return {"sheet": entity, "key": key, "field": field_key, "old": json_safe(old),
            "new": json_safe(new)}  # fmt: skip


def json_safe(value: object) -> object:
    """Dates as ISO text and decimals as numbers, so changes can be stored as JSON."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value
