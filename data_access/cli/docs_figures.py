"""docs/figures.md, written from the same locale texts the pages show next to each figure.

The pages' "how is this counted" notes and tooltips come from `locales/{nl,en}.json`
(`kpi.<measure>.definition`, and the `help` texts of the dashboard pages and the
sidebar's filters). This module writes them into one document, so the documentation
and the pages can't drift apart: a test checks that the committed file is what this
writes, and another that every note a page shows is in it.

    python -m data_access.cli.docs_figures           # rewrite docs/figures.md
    python -m data_access.cli.docs_figures --check   # exit 1 when it is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from data_access.core.config import PROJECT_ROOT
from data_access.core.i18n import catalog

FIGURES_DOC = PROJECT_ROOT / "docs" / "figures.md"
MEASURE = re.compile(r"^kpi\.(?P<name>[a-z0-9_]+)\.definition$")
# A help text of a page (one with a `nav.<page>` title) or of the sidebar's filters:
# `<page>.help`, `<page>.help.<x>`, `<page>.<x>.help` or `<page>.<x>_help`. Pages whose
# help texts explain a control rather than a figure are left out.
PAGE_HELP = re.compile(r"^(?P<page>[a-z0-9_]+)\.(?:help(?:\.[a-z0-9_.]+)?|[a-z0-9_.]+[._]help)$")
NOT_FIGURES = ("upload", "targets", "presentation", "users", "history", "approvals", "audit",
               "help")  # fmt: skip

INTRO = """\
# How the figures are counted

<!-- Generated from data_access/locales/ by `python -m data_access.cli.docs_figures`:
do not edit by hand. -->

Every figure on the dashboard has a note under it, or a tooltip behind the question mark
next to its name, that says how it is counted. This page collects them all, in Dutch and
in English, exactly as the pages show them.

**As of a quarter.** The sidebar's *Stand per kwartaal* / *As of quarter* decides what
counts: every figure uses what was reported up to and including that quarter, so a
figure for 2023-Q2 stays what it was even after later reports arrive.

**Submitted and approved.** By default both submitted and approved reports count; with
*Alleen goedgekeurde cijfers* / *Approved figures only* switched on only approved ones do.
Rejected reports never count.

**Targets.** Targets are data, not code: per programme, year and measure (communities
started, communities completed, facilitators certified, budget), set by an officer on the
*Doelen* / *Targets* page, which keeps who changed what and when. A year without a target
shows the count alone.

**Rounding.** Counts are whole numbers, percentages whole percent, euros whole euros:
`€ 1.234` in Dutch, `€1,234` in English.
"""


def measures(nl: dict[str, str], en: dict[str, str]) -> list[str]:
    """One section per `kpi.<measure>.definition`, titled by `kpi.<measure>.title`."""
    lines = ["## Measures", ""]
    for key in sorted(k for k in nl if MEASURE.match(k)):
        name = MEASURE.match(key)["name"]
        title_key = f"kpi.{name}.title"
        title_nl, title_en = nl.get(title_key, name), en.get(title_key, name)
        lines += [f"### {title_en} / {title_nl}", "", f"`{name}`", ""]
        lines += [f"- **English:** {en.get(key, '')}", f"- **Nederlands:** {nl[key]}", ""]
    return lines


def page_notes(nl: dict[str, str], en: dict[str, str]) -> list[str]:
    """The help texts of the dashboard pages and of the sidebar's filters."""
    pages = {key.split(".", 1)[1] for key in nl if key.startswith("nav.")} | {"sidebar"}
    keys = [k for k in sorted(nl) if (m := PAGE_HELP.match(k)) and m["page"] in pages
            and m["page"] not in NOT_FIGURES]  # fmt: skip
    lines, heading = ["## Notes on the pages and filters", ""], None
    for key in keys:
        page = key.split(".")[0]
        if page != heading:
            heading = page
            title_en, title_nl = (en.get(f"nav.{page}", page), nl.get(f"nav.{page}", page))
            if page == "sidebar":
                title_en, title_nl = "Sidebar filters", "Filters in de zijbalk"
            lines += [f"### {title_en} / {title_nl}", ""]
        lines += [f"`{key}`", ""]
        lines += [f"- **English:** {en.get(key, '')}", f"- **Nederlands:** {nl[key]}", ""]
    return lines


def figures_markdown() -> str:
    """The whole of docs/figures.md."""
    nl, en = catalog("nl"), catalog("en")
    lines = [INTRO, *measures(nl, en), *page_notes(nl, en)]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_access.cli.docs_figures")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = figures_markdown()
    if args.check:
        current = FIGURES_DOC.read_text(encoding="utf-8") if FIGURES_DOC.exists() else ""
        if current != text:
            print(f"{FIGURES_DOC} is out of date: run python -m data_access.cli.docs_figures")
            return 1
        return 0
    Path(FIGURES_DOC).write_text(text, encoding="utf-8")
    print(f"Wrote {FIGURES_DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
