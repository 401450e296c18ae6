"""The Help page's documents: the markdown files in docs/, in the user's language.

The files are this repository's own, so rendering them is safe; links between them
become links to the Help page itself, and HTML comments (notes for maintainers) go.
"""

from __future__ import annotations

import re
from pathlib import Path

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
# Document -> its file per language; a document with one file is the same in both.
DOCUMENTS: dict[str, dict[str, str]] = {
    "guide": {"nl": "handleiding-programmaleider.md", "en": "guide-programme-lead.md"},
    "figures": {"nl": "figures.md", "en": "figures.md"},
    "workbook": {"nl": "workbook.md", "en": "workbook.md"},
    "admin": {"nl": "admin-guide.md", "en": "admin-guide.md"},
}
ENGLISH_ONLY = ("workbook", "admin")
DOC_LINK = re.compile(r"\]\((?P<file>[a-z0-9-]+\.md)(?P<anchor>#[a-z0-9-]+)?\)")
COMMENT = re.compile(r"<!--.*?-->", flags=re.DOTALL)


def document_of_file(file_name: str) -> str | None:
    """The document a docs/ file belongs to (either language's file)."""
    return next((name for name, files in DOCUMENTS.items() if file_name in files.values()), None)


def document_text(name: str, lang: str) -> str:
    """The document's markdown, ready for `st.markdown` on the Help page."""
    files = DOCUMENTS[name]
    text = (DOCS_DIR / files.get(lang, files["en"])).read_text(encoding="utf-8")

    def to_help_page(match: re.Match) -> str:
        target = document_of_file(match["file"])
        if target is None:
            return match[0]
        return f"](?doc={target}&lang={lang}{match['anchor'] or ''})"

    return DOC_LINK.sub(to_help_page, COMMENT.sub("", text))
