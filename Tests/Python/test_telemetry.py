"""Telemetry through the built binary: the event log, its schema, metrics, dashboards, anomalies."""
import json
import queue
import re
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from prometheus_client.parser import text_string_to_metric_families

from conftest import EXAMPLE_HUB, ROOT, approve_risky_skill, copy_example_hub, skillex_bin

SCHEMA = json.loads((ROOT / "schemas" / "event.schema.json").read_text())


@pytest.fixture
def hub(tmp_path):
    """The example hub as a clone has it."""
    return copy_example_hub(tmp_path / "hub")


def log_lines(hub):
    return (hub / ".skillex" / "events.jsonl").read_text().splitlines()


def events(hub):
    return [json.loads(line) for line in log_lines(hub)]


def metrics_of(text):
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def make_event(kind, at, run_id, scope="skill", skill=None, measurements=None, metadata=None):
    event = {"schema_version": 1, "id": str(uuid.uuid4()), "type": kind, "scope": scope,
             "time": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "run_id": run_id,
             "measurements": measurements or {}, "metadata": metadata or {}}
    if skill:
        event["repo"], event["skill"] = "r", skill
    return event


def hourly_log(hours, spike_hour=None, regression_hour=None, drop_hour=None):
    """Hourly runs: a few skills copied, 20 checked (one failing every other hour), two scored;
    injected: many copies at `spike_hour`, half failing at `regression_hour`, a score and a
    coverage drop at `drop_hour`."""
    start = datetime(2025, 6, 1, tzinfo=timezone.utc)
    lines = []
    for hour in range(hours):
        at, run = start + timedelta(hours=hour), str(uuid.uuid4())
        lines.append(make_event("started", at, run, scope="run"))
        copied = 80 if hour == spike_hour else 2 + hour % 3
        for n in range(copied):
            lines.append(make_event("synced", at, run, skill=f"s{n}", metadata={"status": "copied"}))
        failing = 10 if hour == regression_hour else hour % 2
        for n in range(20):
            lines.append(make_event("failed" if n < failing else "validated", at, run, skill=f"v{n}"))
        score = 45 if hour == drop_hour else 80 + hour % 4
        coverage = 50 if hour == drop_hour else 75 + hour % 2
        lines.append(make_event("scored", at, run, skill="a", measurements={"score": score, "coverage": coverage}))
        lines.append(make_event("scored", at, run, skill="b", measurements={"score": 60 + hour % 3}))
        lines.append(make_event("finished", at, run, scope="run"))
    return lines


def write_log(hub, lines):
    folder = hub / ".skillex"
    folder.mkdir(exist_ok=True)
    (folder / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in lines))


def test_sync_writes_a_schema_valid_log_with_durations(skillex, hub):
    skillex("sync", "--manifest", hub / "manifest.json", check=1)
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    lines = log_lines(hub)
    assert lines
    for line in lines:
        validator.validate(json.loads(line))
    seen = events(hub)
    kinds = {e["type"] for e in seen}
    assert {"started", "validated", "failed", "synced"} <= kinds
    skill_checks = [e for e in seen if e["scope"] == "skill" and e["type"] in ("validated", "failed")]
    assert all(e["measurements"]["duration_ms"] >= 0 for e in skill_checks)
    failed = [e for e in seen if e["type"] == "failed" and e["scope"] == "skill"]
    assert [(e["repo"], e["skill"], e["error"]["reason"]) for e in failed] == [("docs-guild", "Meeting_Notes", "invalid_skill")]
    assert seen[0]["type"] == "started" and seen[0]["scope"] == "run"
    assert seen[-1]["type"] == "failed" and seen[-1]["scope"] == "run"
    assert len({e["run_id"] for e in seen}) == 1


def test_schema_command_prints_the_committed_schema(skillex):
    out = skillex("events", "schema", check=0).stdout
    assert out == (ROOT / "schemas" / "event.schema.json").read_text()


def test_metrics_parse_and_agree_with_the_log(skillex, hub):
    skillex("sync", "--manifest", hub / "manifest.json", check=1)
    skillex("sync", "--manifest", hub / "manifest.json", "--force", check=1)
    out = skillex("metrics", "--manifest", hub / "manifest.json", check=0).stdout
    samples = metrics_of(out)
    seen = events(hub)
    skill = [e for e in seen if e["scope"] == "skill"]
    count = lambda kind: sum(1 for e in skill if e["type"] == kind)
    assert samples[("skillex_runs_total", ())] == 2
    assert samples[("skillex_runs_failed_total", ())] == 2
    for outcome in ("validated", "failed", "synced"):
        assert samples[("skillex_skills_total", (("outcome", outcome),))] == count(outcome)
    assert samples[("skillex_validation_pass_ratio", ())] == count("validated") / (count("validated") + count("failed"))
    synced_bytes = sum(e["measurements"].get("bytes", 0) for e in skill if e["type"] == "synced")
    assert samples[("skillex_synced_bytes_total", ())] == synced_bytes
    last = max(datetime.strptime(e["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()
               for e in seen if e["type"] == "started" and e["scope"] == "run")
    assert abs(samples[("skillex_last_run_timestamp_seconds", ())] - last) < 0.001
    assert samples[("skillex_events_total", (("type", "started"),))] == sum(1 for e in seen if e["type"] == "started")


def test_every_dashboard_metric_is_exported(skillex, hub):
    skillex("sync", "--manifest", hub / "manifest.json", check=1)
    text = skillex("metrics", "--manifest", hub / "manifest.json", check=0).stdout
    exported = set()
    for family in text_string_to_metric_families(text):
        exported |= {family.name, family.name + "_total"} if family.type == "counter" else {family.name}
        exported |= {sample.name for sample in family.samples}
    families = exported
    boards = sorted((ROOT / "dashboards").glob("*.json"))
    assert {b.stem for b in boards} >= {"ingestion", "validation", "packaging", "scores", "anomalies"}
    queried = set()
    for board in boards:
        for panel in json.loads(board.read_text())["panels"]:
            assert panel["targets"], f"{board.name}: panel {panel['title']} has no query"
            for target in panel["targets"]:
                queried |= set(re.findall(r"\bskillex_[a-z_]+", target["expr"]))
    missing = {m for m in queried if m not in exported and m not in families}
    assert not missing, f"dashboards query metrics skillex metrics does not export: {missing}"
    assert len(queried) >= 10


def test_concurrent_writers_do_not_interleave(skillex, hub):
    manifest = hub / "manifest.json"
    skillex("sync", "--manifest", manifest, check=1)
    with ThreadPoolExecutor(max_workers=6) as pool:
        # The workspace lock queues the runs (SKILLEX_LOCK_WAIT); the event log's own lock keeps
        # lines whole for writers that do not take it.
        codes = list(pool.map(lambda _: skillex("sync", "--manifest", manifest, "--force",
                                                 env={"SKILLEX_LOCK_WAIT": "120"}).returncode, range(6)))
    assert set(codes) <= {0, 1}
    validator = jsonschema.Draft202012Validator(SCHEMA)
    seen = []
    for line in log_lines(hub):
        event = json.loads(line)
        validator.validate(event)
        seen.append(event)
    runs = [e for e in seen if e["type"] == "started" and e["scope"] == "run"]
    assert len(runs) == 7
    for run in runs:
        ended = [e for e in seen if e["run_id"] == run["run_id"] and e["scope"] == "run" and e["type"] in ("finished", "failed")]
        assert len(ended) == 1


def test_a_torn_last_line_is_skipped_with_a_warning(skillex, hub):
    manifest = hub / "manifest.json"
    skillex("sync", "--manifest", manifest, check=1)
    whole = len(log_lines(hub))
    with open(hub / ".skillex" / "events.jsonl", "a") as log:
        log.write('{"schema_version":1,"id":"to')
    listed = skillex("events", "--manifest", manifest, "--format", "json", check=0)
    assert len(listed.stdout.splitlines()) == whole
    assert "skipped 1 unreadable event line" in listed.stderr
    samples = metrics_of(skillex("metrics", "--manifest", manifest, check=0).stdout)
    assert samples[("skillex_event_log_skipped_lines", ())] == 1
    skillex("sync", "--manifest", manifest, check=1)
    after = skillex("events", "--manifest", manifest, "--format", "json", check=0).stdout.splitlines()
    assert len(after) > whole
    assert all(json.loads(line)["type"] for line in after)


def test_log_lines_are_json_on_stderr_with_run_metadata(skillex, hub):
    result = skillex("sync", "--manifest", hub / "manifest.json", "--format", "json",
                     "--log-format", "json", "--log-level", "debug", check=1)
    assert json.loads(result.stdout)["status"] == "error"
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    run_id = events(hub)[0]["run_id"]
    assert lines and all(line["run_id"] == run_id for line in lines)
    skill_lines = [line for line in lines if line.get("skill") == "Meeting_Notes"]
    assert any(line["level"] == "warning" and line["repo"] == "docs-guild" for line in skill_lines)
    text = skillex("sync", "--manifest", hub / "manifest.json", check=1)
    assert any(line.startswith("WARNING ") and "run_id=" in line for line in text.stderr.splitlines())
    bad = skillex("sync", "--manifest", hub / "manifest.json", "--log-format", "xml")
    assert bad.returncode != 0 and "--log-format" in bad.stderr


def test_events_filters(skillex, hub):
    manifest = hub / "manifest.json"
    skillex("sync", "--manifest", manifest, check=1)
    failed = skillex("events", "--manifest", manifest, "--type", "failed", "--format", "json", check=0).stdout.splitlines()
    assert len(failed) == 2 and all(json.loads(l)["type"] == "failed" for l in failed)
    one = skillex("events", "--manifest", manifest, "--skill", "data-team/sql-review", "--format", "json", check=0)
    assert {json.loads(l)["skill"] for l in one.stdout.splitlines()} == {"sql-review"}
    assert skillex("events", "--manifest", manifest, "--since", "2999-01-01", check=0).stdout == ""
    assert len(skillex("events", "--manifest", manifest, "--until", "2999-01-01", "--format", "json", check=0).stdout.splitlines()) == len(log_lines(hub))
    text = skillex("events", "--manifest", manifest, "--type", "failed", "--format", "text", check=0).stdout
    assert "docs-guild/Meeting_Notes" in text and "invalid_skill" in text
    assert skillex("events", "--manifest", manifest, "--since", "yesterday").returncode == 2


def test_follow_prints_new_events(skillex, hub):
    manifest = hub / "manifest.json"
    skillex("sync", "--manifest", manifest, check=1)
    before = len(log_lines(hub))
    follower = subprocess.Popen([skillex_bin(), "events", "--manifest", str(manifest), "--follow", "--format", "json",
                                 "--type", "finished", "--type", "failed"], stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)
        skillex("sync", "--manifest", manifest, "--force", check=1)
        received = queue.Queue()
        threading.Thread(target=lambda: [received.put(line) for line in follower.stdout], daemon=True).start()
        lines = []
        deadline = time.time() + 20
        while time.time() < deadline and len(lines) < 4:
            try:
                lines.append(json.loads(received.get(timeout=max(0.1, deadline - time.time()))))
            except queue.Empty:
                break
        new_runs = {e["run_id"] for e in events(hub)[before:]}
        assert len(lines) == 4
        assert {e["run_id"] for e in lines[2:]} == new_runs
    finally:
        follower.kill()
        follower.wait()


def test_anomalies_are_found_and_announced_once(skillex, hub):
    manifest = hub / "manifest.json"
    write_log(hub, hourly_log(40, spike_hour=36))
    first = json.loads(skillex("events", "anomalies", "--manifest", manifest, "--format", "json", check=0).stdout)
    assert [(a["kind"], a["new"]) for a in first["anomalies"]] == [("submission_spike", True)]
    assert first["anomalies"][0]["time"].startswith("2025-06-02T12")
    announced = [e for e in events(hub) if e["type"] == "anomaly"]
    assert len(announced) == 1 and announced[0]["metadata"]["kind"] == "submission_spike"
    jsonschema.Draft202012Validator(SCHEMA).validate(announced[0])
    second = json.loads(skillex("events", "anomalies", "--manifest", manifest, "--format", "json", check=0).stdout)
    assert [(a["kind"], a["new"]) for a in second["anomalies"]] == [("submission_spike", False)]
    assert len([e for e in events(hub) if e["type"] == "anomaly"]) == 1
    samples = metrics_of(skillex("metrics", "--manifest", manifest, check=0).stdout)
    assert samples[("skillex_anomalies_total", (("kind", "submission_spike"),))] == 1


def test_every_injected_anomaly_kind_is_found(skillex, hub):
    write_log(hub, hourly_log(40, spike_hour=30, regression_hour=33, drop_hour=36))
    out = json.loads(skillex("events", "anomalies", "--manifest", hub / "manifest.json", "--format", "json",
                             "--no-emit", check=0).stdout)
    found = sorted((a["kind"], a["time"][:13]) for a in out["anomalies"])
    assert found == [("coverage_drop", "2025-06-02T12"), ("score_drop", "2025-06-02T12"),
                     ("submission_spike", "2025-06-02T06"), ("validator_regression", "2025-06-02T09")]
    assert not [e for e in events(hub) if e["type"] == "anomaly"]


def test_a_steady_log_has_no_anomalies(skillex, hub):
    write_log(hub, hourly_log(60))
    out = json.loads(skillex("events", "anomalies", "--manifest", hub / "manifest.json", "--format", "json", check=0).stdout)
    assert out["anomalies"] == []
    assert not [e for e in events(hub) if e["type"] == "anomaly"]


def test_package_emits_schema_valid_packaged_events(skillex, hub):
    skillex("sync", "--manifest", hub / "manifest.json", check=1)
    approve_risky_skill(skillex, hub)
    skillex("package", "--manifest", hub / "manifest.json", "--version", "1.0.0", check=0)
    logged = events(hub)
    for event in logged:
        jsonschema.validate(event, SCHEMA)
    packaged = [e for e in logged if e["type"] == "packaged"]
    run = [e for e in packaged if e["scope"] == "run"]
    assert len(run) == 1
    assert run[0]["measurements"]["skills"] == 9
    assert run[0]["measurements"]["duration_ms"] > 0 and run[0]["measurements"]["bytes"] > 0
    assert len([e for e in packaged if e["scope"] == "skill"]) == 9
    text = skillex("metrics", "--manifest", hub / "manifest.json", check=0).stdout
    assert "\nskillex_packaged_skills_total 9\n" in text
    kinds = {e["type"] for e in logged}
    assert {"scored", "approved"} <= kinds
