"""The README stays true: it names every command and the one test command."""

from __future__ import annotations

from pathlib import Path

from data_access.cli.main import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def subcommands() -> list[str]:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    return sorted(commands.choices)


def test_readme_documents_every_command_line_command():
    missing = [c for c in subcommands() if f"python -m data_access {c}" not in README]
    assert missing == []


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```")[1]
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == [
        "make run",
        "make test",
    ]


def test_make_test_runs_the_command_the_readme_names():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    command = ".venv/bin/python -m pytest -n 2 --dist worksteal"
    assert f"make test    # every test tier: {command}\n" in README
    assert "test: install\n\t$(PY) -m pytest -n 2 --dist worksteal\n\n" in makefile
    assert "PY := $(VENV)/bin/python" in makefile and "VENV := .venv" in makefile
