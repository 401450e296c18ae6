"""The lock file installs exactly what requirements*.txt pin (run `make lock` after a change)."""

from __future__ import annotations

import re

from tests.conftest import PROJECT_ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==(\S+)")


def pins(file_name: str) -> dict[str, str]:
    lines = (PROJECT_ROOT / file_name).read_text(encoding="utf-8").splitlines()
    found = (PIN.match(line.strip()) for line in lines)
    return {m[1].lower().replace("_", "-"): m[2] for m in found if m}


def test_every_direct_pin_is_in_the_lock_with_the_same_version():
    locked = pins("requirements.lock")
    direct = {**pins("requirements.txt"), **pins("requirements-dev.txt")}
    assert {name: locked.get(name) for name in direct} == direct


def test_every_requirement_line_is_an_exact_pin():
    for file_name in ("requirements.txt", "requirements-dev.txt"):
        lines = (PROJECT_ROOT / file_name).read_text(encoding="utf-8").splitlines()
        loose = [
            line for line in lines
            if line.strip() and not line.startswith(("#", "-r")) and not PIN.match(line.strip())
        ]  # fmt: skip
        assert loose == [], file_name
