"""The server's run log: one line per finished run, nothing when it is not configured."""

from __future__ import annotations

from ui.run_timing import RUN_LOG_ENV, read_run_log, record_run, run_started


def test_a_configured_run_log_gets_one_line_per_run_with_its_page_and_times(tmp_path, monkeypatch):
    log = tmp_path / "runs.jsonl"
    monkeypatch.setenv(RUN_LOG_ENV, str(log))
    started = run_started()
    sum(range(200_000))  # some CPU in this thread
    record_run(started, "overzicht")
    record_run(run_started(), "kaart")
    runs = read_run_log(log)
    assert [run["page"] for run in runs] == ["overzicht", "kaart"]
    assert runs[0]["seconds"] > 0 and runs[0]["cpu_seconds"] > 0


def test_without_a_run_log_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.delenv(RUN_LOG_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    record_run(run_started(), "overzicht")
    assert list(tmp_path.iterdir()) == []
