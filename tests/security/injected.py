"""A quarterly workbook whose every free-text value tries to inject markup or a formula.

Each construct wraps its own marker (`injlink`, `injhtml`, ...). Shown as text, a
marker always sits beside the construct's punctuation; an element whose whole text is
a marker was made by the value (`<a>injlink</a>`), and an element pointing at
`evil.example` would fetch another host. The values pass validation: they are what a
programme lead may legitimately type.
"""

from __future__ import annotations

from tests.workbook.builders import (
    community,
    facilitator,
    funding,
    report_rows,
    sheets,
    workbook_bytes,
)

EVIL_HOST = "evil.example"
MARKERS = (
    "injimg", "injlink", "injhtml", "injspan", "injstrong", "injem", "injhead", "injlist",
    "injred", "injicon", "injcode", "injmath", "injtable",
)  # fmt: skip

PROGRAMME = f"Prog ![injimg](http://{EVIL_HOST}/prog.png) <b>injhtml</b> :red[injred] **injstrong**"
COMPANY = f"Acme;=2+5; [injlink](http://{EVIL_HOST}/c) www.{EVIL_HOST}"
FACILITATOR = f'<span style="color:red">injspan</span><a href="http://{EVIL_HOST}/f">injlink</a>'
QUESTION = (
    f"Vraag\n\n# injhead\n- injlist\n\n$injmath$ `injcode` _injem_ https://{EVIL_HOST}/q\n"
    "| injtable | b |\n|---|---|\n| c | d |"
)
CHAMPION = f'=HYPERLINK("http://{EVIL_HOST}/c";"injlink") :material/injicon: @SUM(1)'
PARTNERS = f"[injlink](http://{EVIL_HOST}/p); +31 :material/injicon:; -2+3"
NOTE = f"@SUM(1) <img src='http://{EVIL_HOST}/n.png'> ;=1+1"
# What a spreadsheet must show as text, never run (each starts a field or a part of one).
FORMULA_TEXTS = (COMPANY, CHAMPION, NOTE, "=1+1", "+31 6 1234", "-2+3", "@SUM(A1)")


def injected_records(period_year: int = 2023) -> dict[str, list[dict[str, object]]]:
    """Communities, facilitators and funding full of injected text (valid otherwise)."""
    names = [f"![injimg](http://{EVIL_HOST}/n.png) # injhead", "<b>injhtml</b> =1+1"]
    communities = [
        community(
            code=f"INJ-0{index}", name=name, company=COMPANY, municipality="Zwolle",
            field_lab=f"_injem_ <a href='http://{EVIL_HOST}'>injlink</a>",
            start_date=f"{period_year}-04-03", end_date=f"{period_year}-07-10",
            midterm_check=f"{period_year}-05-22", facilitator=FACILITATOR,
            education_partners=PARTNERS, question=QUESTION, champion=CHAMPION,
        )
        for index, name in enumerate(names, start=1)
    ]  # fmt: skip
    facilitators = [facilitator(name=FACILITATOR, organisation="+31 <b>injhtml</b>")]
    fundings = [funding(year=period_year, quarter=2, note=NOTE)]
    return {"communities": communities, "facilitators": facilitators, "fundings": fundings}


def injected_workbook(period: str = "2023-Q4") -> bytes:
    """The workbook as an .xlsx whose text cells are text (an `=…` is no formula)."""
    book = sheets(**injected_records(int(period[:4])))
    rows = report_rows(programme=PROGRAMME, period=period)
    rows[2][1] = "Jan <b>injhtml</b> =1+1"  # submitted by
    return workbook_bytes(book | {"Rapportage": rows}, text=True)
