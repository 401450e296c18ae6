"""The app shell: navigation wiring and the error guard around page bodies."""

from __future__ import annotations

import ast
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP_FILE = Path(__file__).resolve().parents[2] / "app.py"


def registered_pages() -> list[tuple[str, str | None]]:
    """(file, url_path) of every page in app.py's tables: rows `(name, icon, url_path)`,
    each registered as `st.Page("pages/<name>.py", …)`."""
    pages = []
    for node in ast.walk(ast.parse(APP_FILE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple) and len(node.elts) == 3:
            values = [getattr(element, "value", None) for element in node.elts]
            if all(isinstance(v, str) for v in values) and values[1].startswith(":material/"):
                name, _, url_path = values
                pages.append((f"pages/{name}.py", url_path))
    return pages


def test_every_page_has_a_url_path_unlike_its_file_name():
    # Equal names make Streamlit's legacy pages/ mode run the page without app.py.
    pages = registered_pages()
    assert pages, "app.py registers no pages"
    clashes = [(file, url) for file, url in pages if url is None or url == Path(file).stem]
    assert clashes == []


def test_every_page_file_is_registered():
    registered = {file for file, _ in registered_pages()}
    on_disk = {f"pages/{p.name}" for p in (APP_FILE.parent / "pages").glob("*.py")}
    assert on_disk - registered == set()


def failing_page() -> None:
    from ui.components import render_safely

    def body() -> None:
        raise RuntimeError("database on fire")

    render_safely(body)


def test_an_unexpected_error_shows_a_friendly_message_not_a_traceback():
    at = AppTest.from_function(failing_page, default_timeout=30).run()
    assert not at.exception
    assert [error.value for error in at.error] == [
        "Er ging iets mis bij het tonen van deze pagina. Probeer het opnieuw; "
        "blijft het misgaan, meld het dan bij de beheerder."
    ]
