"""Scan every sheet of a workbook for its extent (data_access/workbook/extent.py), with
the scanner of the file's kind; each scanner builds on `extent`, which imports none."""

from __future__ import annotations

import io
import zipfile

from data_access.core.config import UploadLimits
from data_access.workbook.extent import judge


def check_extent(content: bytes, kind: str, *, limits: UploadLimits) -> None:
    """Scan every sheet of an `xlsx`, `ods` or `xls` file and refuse one that is too big."""
    if kind == "xls":
        from data_access.workbook.extent_xls import xls_extents

        for extent in xls_extents(content, limits):
            judge(extent, limits)
        return
    archive = zipfile.ZipFile(io.BytesIO(content))
    if kind == "ods":
        from data_access.workbook.extent_ods import check_ods

        check_ods(content, archive, limits=limits)
    else:
        from data_access.workbook.extent_xlsx import check_xlsx

        check_xlsx(content, archive, limits=limits)
