"""`make docs`: docs/*.md as a static web site (default `site/`, git-ignored).

One HTML page per document plus an index, with links between the documents kept
working, so the guides can be put on an intranet or opened from a file share without
the repository or the app.

    .venv/bin/python scripts/build_docs.py [OUT_DIR]
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# The index's order and titles; any other docs/*.md file is listed after these.
CONTENTS = (
    ("handleiding-programmaleider.md", "Handleiding voor programmaleiders"),
    ("guide-programme-lead.md", "Guide for programme leads"),
    ("workbook.md", "The quarterly workbook and its messages"),
    ("figures.md", "How the figures are counted"),
    ("admin-guide.md", "Administrator's guide"),
)
MD_LINK = re.compile(r'href="(?P<file>[a-z0-9-]+)\.md(?P<anchor>#[^"]*)?"')
PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · LC Monitor</title>
<style>
body {{ font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #262730; line-height: 1.5; }}
table {{ border-collapse: collapse; margin: 1rem 0; }}
th, td {{ border: 1px solid #ccd; padding: .3rem .5rem; vertical-align: top; text-align: left; }}
th {{ background: #F2F4F7; }}
code, pre {{ background: #F2F4F7; }}
pre {{ padding: .5rem; overflow-x: auto; }}
nav {{ border-bottom: 1px solid #ccd; margin-bottom: 1rem; padding-bottom: .5rem; }}
a {{ color: #0072B2; }}
</style></head>
<body><nav><a href="index.html">LC Monitor</a></nav>
{body}
</body></html>
"""


def documents() -> list[tuple[str, str]]:
    """(file name, title) of every document, in the index's order."""
    named = dict(CONTENTS)
    rest = sorted(p.name for p in DOCS.glob("*.md") if p.name not in named)
    return [(name, title) for name, title in CONTENTS if (DOCS / name).exists()] + [
        (name, name.removesuffix(".md")) for name in rest
    ]


def render(text: str) -> str:
    """Markdown to HTML, with links to other documents pointing at their pages."""
    body = markdown.markdown(text, extensions=["tables", "fenced_code", "toc"])
    return MD_LINK.sub(lambda m: f'href="{m["file"]}.html{m["anchor"] or ""}"', body)


def build(out: Path) -> list[Path]:
    """Write every page and the index into `out`; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, title in documents():
        text = (DOCS / name).read_text(encoding="utf-8")
        lang = "nl" if name == "handleiding-programmaleider.md" else "en"
        page = out / name.replace(".md", ".html")
        page.write_text(PAGE.format(lang=lang, title=html.escape(title), body=render(text)),
                        encoding="utf-8")  # fmt: skip
        written.append(page)
    items = "\n".join(
        f'<li><a href="{name.replace(".md", ".html")}">{html.escape(title)}</a></li>'
        for name, title in documents()
    )
    index = out / "index.html"
    body = f"<h1>LC Monitor</h1>\n<ul>\n{items}\n</ul>"
    index.write_text(PAGE.format(lang="en", title="Documentation", body=body), encoding="utf-8")
    return [index, *written]


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "site"
    files = build(out)
    print(f"Wrote {len(files)} pages to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
