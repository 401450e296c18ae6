"""Values from a file are text, never markup: one escaping path for every place they show.

A community name, company, question, partner or programme name, a reject comment or
a file name comes from a workbook someone uploaded. Shown as Markdown (`st.markdown`,
`st.caption`, `st.info`, labels, tooltips) it could fetch an image from another host
(`![x](http://…)`), add links, headings or colour (`:red[…]`), icons or LaTeX; in a
plotly chart `<a href>`, `<span style>` and `<br>` are markup too. So:

- `escape_markdown` backslash-escapes every character that can start markup
  (CommonMark shows an escaped character as itself), which disarms images,
  links, emphasis, headings, lists, tables, HTML tags, entities, `$…$`,
  `:material/…:` icons and `:colour[…]` alike; a bare URL or e-mail address gets an
  invisible word joiner (see AUTOLINK_TRIGGER); line breaks become spaces, so a value
  can't start a block of its own. Use it only where Streamlit reads
  Markdown: a plain-text place (a table cell, a select box option) would show the
  backslashes.
- `escape_plotly` writes `&`, `<` and `>` as entities: plotly shows them as the
  characters and creates no element.
- `escape_html` for the few places that build HTML themselves.

No Streamlit here: the deck export (`ui/export`) uses the plotly escaping too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

# Every character that can open Markdown, HTML, LaTeX, a directive (`:red[…]`), an icon
# (`:material/…:`, which Streamlit rewrites before parsing, hence `/`) or an entity;
# `!`, `(`, `)`, `.`, `-`, `#` and `@` do nothing once `[` and line starts are escaped, so
# they stay as they are (a name reads the same in the page source and in tests).
MARKUP_CHARACTERS = re.compile(r"([\\`*_\[\]<>|~$&:/{}])")
# A value at the start of a line could begin a heading, a list, a quote or a numbered
# list item (`#` elsewhere is plain text: headings only start a line).
BLOCK_START = re.compile(r"^(\s*)([-+=>#]|\d+[.)])")
# Streamlit's Markdown (remark-gfm) turns `http://…`, `www.…` and `name@host.nl` into
# links after the escapes are resolved, so an invisible WORD JOINER (U+2060) goes
# inside each of those triggers: the text looks the same and no link is made.
AUTOLINK_TRIGGER = re.compile(r"(?i)(:)(//)|(www)(\.)|(@)()")
WORD_JOINER = "\u2060"
LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85]+\s*")


def _one_line(value: object) -> str:
    return LINE_BREAKS.sub(" ", str(value))


def escape_markdown(value: object) -> str:
    """`value` as Markdown that Streamlit shows exactly as the text it is."""
    text = AUTOLINK_TRIGGER.sub(_join, _one_line(value))
    text = MARKUP_CHARACTERS.sub(r"\\\1", text)
    return BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(found: re.Match[str]) -> str:
    spaces, start = found.groups()
    return spaces + start[:-1] + "\\" + start[-1]


def _join(found: re.Match[str]) -> str:
    before, after = (part for part in found.groups() if part is not None)
    return before + WORD_JOINER + after


def markdown_params(params: Mapping[str, object]) -> dict[str, object]:
    """Message parameters with every text escaped for Markdown; numbers stay numbers."""
    return {
        name: escape_markdown(value) if isinstance(value, str) else value
        for name, value in params.items()
    }


def escape_plotly(value: object) -> str:
    """`value` as plotly text (labels, hover, legend, ticks): shown, never markup."""
    return html.escape(str(value), quote=False)


def escape_plotly_all(values: Iterable[object]) -> list[str]:
    """Every value of a column of names, escaped for plotly."""
    return [escape_plotly(value) for value in values]


def escape_html(value: object) -> str:
    """`value` inside our own HTML: entities for `<>&"'`, on one line (a blank line
    would end the HTML block and let Markdown read the rest)."""
    return html.escape(_one_line(value))


def shown_text(markdown: str) -> str:
    """What a person reads of escaped Markdown: escapes and word joiners removed
    (tests compare this with the value that came from the file)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")
