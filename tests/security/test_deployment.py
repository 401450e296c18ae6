"""The deployment guide and the production config (issue 11, section 5): the nginx example
forbids framing and hides Streamlit's metrics; production never watches source files; the
server skips Streamlit's full garbage collection after every run (issue 14)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from tests.conftest import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
PRODUCTION = PROJECT_ROOT / "deploy" / "config.production.toml"
DEVELOPMENT = PROJECT_ROOT / ".streamlit" / "config.toml"


def nginx_example() -> str:
    [block] = re.findall(r"```nginx\n(.*?)```", README, flags=re.S)
    return block


def test_the_nginx_example_sends_a_content_security_policy_without_framing():
    csp = re.search(r'add_header Content-Security-Policy "([^"]*)" always;', nginx_example())
    assert csp is not None
    assert "frame-ancestors 'none'" in csp[1].split("; ")


def test_the_nginx_example_keeps_the_metrics_endpoint_from_the_outside():
    block = re.search(r"location /_stcore/metrics \{(.*?)\}", nginx_example(), flags=re.S)
    assert block is not None
    rules = [line.split("#")[0].strip() for line in block[1].splitlines()]
    assert [rule for rule in rules if rule] in (["return 404;"], ["deny all;"])


def test_the_production_config_never_watches_files_and_otherwise_matches_development():
    production = tomllib.loads(PRODUCTION.read_text(encoding="utf-8"))
    development = tomllib.loads(DEVELOPMENT.read_text(encoding="utf-8"))
    assert production["server"]["fileWatcherType"] == "none"
    assert production["server"]["maxUploadSize"] == development["server"]["maxUploadSize"]
    assert {k: v for k, v in production.items() if k != "server"} == {
        k: v for k, v in development.items() if k != "server"
    }


@pytest.mark.parametrize("config", [DEVELOPMENT, PRODUCTION], ids=["development", "production"])
def test_the_server_skips_streamlits_full_garbage_collection_after_every_run(config, tmp_path):
    """Half the server's CPU under 20 sessions (bench/bench_server.py). Read by Streamlit
    itself, so a misspelt key, which Streamlit ignores, fails here."""
    (tmp_path / ".streamlit").mkdir()
    shutil.copy(config, tmp_path / ".streamlit" / "config.toml")
    read = subprocess.run(
        [sys.executable, "-c", "from streamlit import config; "
         "config.get_config_options(force_reparse=True); "
         "print(config.get_option('runner.postScriptGC'))"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert read.stdout.strip() == "False"
