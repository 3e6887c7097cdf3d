"""`skillex publish` against moto's real S3 server and a folder; faults; signed webhooks."""
import hashlib
import json
import urllib.request
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from moto.server import ThreadedMotoServer

from conftest import EXAMPLE_HUB, approve_risky_skill
from distfixture import dist_files, make_dist, sha256
from servers import FaultProxy, WebhookReceiver, free_port, signature

CREDS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1"}
SOURCE = EXAMPLE_HUB / "repos"


@pytest.fixture(scope="module")
def moto():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}", port
    server.stop()


def s3(endpoint, key="testing", secret="testing"):
    return boto3.client("s3", endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key=secret,
                        region_name="us-east-1", config=Config(retries={"max_attempts": 1}))


@pytest.fixture
def bucket(moto, request):
    name = "b-" + hashlib.sha1(request.node.name.encode()).hexdigest()[:12]
    s3(moto[0]).create_bucket(Bucket=name)
    return name


def env(endpoint, **extra):
    return {**CREDS, "AWS_ENDPOINT_URL": endpoint, **extra}


def bucket_files(endpoint, bucket, prefix):
    client = s3(endpoint)
    out = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix + "/"):
        for item in page.get("Contents", []):
            body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
            out[item["Key"][len(prefix) + 1:]] = hashlib.sha256(body).hexdigest()
    return out


def publish(skillex, hub, target, endpoint, check=0, extra_env=None, *flags):
    result = skillex("publish", "--manifest", hub / "manifest.json", "--to", target, "--endpoint", endpoint,
                     "--format", "json", *flags, env={**env(endpoint), **(extra_env or {})}, check=check)
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


def test_publish_mirrors_dist_and_is_idempotent(skillex, hub, moto, bucket):
    endpoint = moto[0]
    dist = make_dist(hub, SOURCE, versions=("1.0.0", "1.1.0"))
    proxy = FaultProxy(moto[1])
    try:
        _, report = publish(skillex, hub, f"s3://{bucket}/hub", proxy.url)
        local = dist_files(dist)
        remote = bucket_files(endpoint, bucket, "hub")
        assert set(remote) == set(local) | {"manifest.json"}
        for key, digest in local.items():
            assert remote[key] == digest, key
        assert report["status"] == "ok" and report["uploaded"] == len(local) + 1
        assert report["objects"][-1]["key"] == "index.json"
        head = s3(endpoint).head_object(Bucket=bucket, Key="hub/skills-pack-1.1.0.zip")
        assert head["Metadata"]["sha256"] == local["skills-pack-1.1.0.zip"]
        metadata = json.loads(s3(endpoint).get_object(Bucket=bucket, Key="hub/manifest.json")["Body"].read())
        assert metadata["latest"] == "1.1.0"
        assert {o["key"]: o["sha256"] for o in metadata["objects"]} == local
        puts_before = proxy.count("PUT")

        _, again = publish(skillex, hub, f"s3://{bucket}/hub", proxy.url)
        assert again["uploaded"] == 0 and again["unchanged"] == len(local) + 1
        assert again["transfer"]["uploads"] == 0
        assert proxy.count("PUT") == puts_before, "a no-change publish must send no object"
    finally:
        proxy.stop()


def test_changed_object_is_uploaded_again(skillex, hub, moto, bucket):
    dist = make_dist(hub, SOURCE)
    publish(skillex, hub, f"s3://{bucket}/p", moto[0])
    make_dist(hub, SOURCE, versions=("1.0.0", "1.1.0"))
    _, report = publish(skillex, hub, f"s3://{bucket}/p", moto[0])
    uploaded = {o["key"] for o in report["objects"] if o["action"] == "uploaded"}
    assert "skills-pack-1.1.0.zip" in uploaded and "index.json" in uploaded
    assert "skills-pack-1.0.0.zip" not in uploaded
    assert bucket_files(moto[0], bucket, "p")["index.json"] == sha256(dist / "index.json")


def test_dry_run_sends_nothing(skillex, hub, moto, bucket):
    make_dist(hub, SOURCE)
    _, report = publish(skillex, hub, f"s3://{bucket}/dry", moto[0], 0, None, "--dry-run")
    assert report["dry_run"] is True
    assert {o["action"] for o in report["objects"]} == {"would_upload"}
    assert s3(moto[0]).list_objects_v2(Bucket=bucket).get("KeyCount", 0) == 0


def test_multipart_upload_above_threshold(skillex, hub, moto, bucket):
    dist = make_dist(hub, SOURCE, padding=11 * 1024 * 1024)
    _, report = publish(skillex, hub, f"s3://{bucket}/mp", moto[0], 0, None, "--multipart-threshold", str(5 << 20))
    head = s3(moto[0]).head_object(Bucket=bucket, Key="mp/skills-pack-1.0.0.zip")
    assert head["ETag"].strip('"').endswith("-3"), head["ETag"]
    assert bucket_files(moto[0], bucket, "mp")["skills-pack-1.0.0.zip"] == sha256(dist / "skills-pack-1.0.0.zip")
    _, again = publish(skillex, hub, f"s3://{bucket}/mp", moto[0], 0, None, "--multipart-threshold", str(5 << 20))
    assert again["uploaded"] == 0


def test_500s_are_retried(skillex, hub, moto, bucket):
    make_dist(hub, SOURCE)
    proxy = FaultProxy(moto[1], fail_first=3)
    try:
        _, report = publish(skillex, hub, f"s3://{bucket}/r", proxy.url)
        assert report["status"] == "ok"
        assert report["transfer"]["retries"] >= 3
        assert sum(1 for r in proxy.requests if r[2] == 500) == 3
        assert set(bucket_files(moto[0], bucket, "r")) == set(dist_files(hub / "dist")) | {"manifest.json"}
    finally:
        proxy.stop()


def test_server_stops_mid_publish_then_second_publish_completes(skillex, hub, moto, bucket):
    make_dist(hub, SOURCE, versions=("1.0.0", "1.1.0", "1.2.0"))
    proxy = FaultProxy(moto[1], stop_after_puts=2)
    port = proxy.port
    try:
        result, report = publish(skillex, hub, f"s3://{bucket}/f", proxy.url, 1, None, "--concurrency", "1")
        assert report["status"] == "failed"
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        partial = bucket_files(moto[0], bucket, "f")
        assert 0 < len(partial) < len(dist_files(hub / "dist"))
        assert "index.json" not in partial, "index.json must only appear once everything it names is there"
    finally:
        proxy.stop()
    restarted = FaultProxy(moto[1], port=port)
    try:
        _, report = publish(skillex, hub, f"s3://{bucket}/f", restarted.url)
        assert report["status"] == "ok"
        assert report["unchanged"] >= 2
    finally:
        restarted.stop()
    remote = bucket_files(moto[0], bucket, "f")
    local = dist_files(hub / "dist")
    assert {k: remote[k] for k in local} == local
    index = json.loads((hub / "dist" / "index.json").read_text())
    for version in index["versions"]:
        assert remote[version["pack"]["file"]] == version["pack"]["sha256"]
        for delta in version["deltas"]:
            assert remote[delta["file"]] == delta["sha256"]


def set_auth(endpoint, count: bytes):
    """moto's switch: after `count` more actions, every request must carry a valid signature."""
    urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset-auth", data=count, method="POST",
                                                  headers={"Content-Type": "text/plain"}))


def test_wrong_credentials_give_one_line(skillex, hub, moto, bucket):
    """moto checks SigV4 signatures against its IAM users once auth is switched on. (Bucket root:
    moto's own verifier also rejects botocore's signature when a query value holds '/'.)"""
    make_dist(hub, SOURCE)
    iam = boto3.client("iam", endpoint_url=moto[0], aws_access_key_id="testing", aws_secret_access_key="testing",
                       region_name="us-east-1")
    iam.create_user(UserName="publisher")
    iam.put_user_policy(UserName="publisher", PolicyName="all", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    key = iam.create_access_key(UserName="publisher")["AccessKey"]
    set_auth(moto[0], b"0")
    try:
        good = {"AWS_ACCESS_KEY_ID": key["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"]}
        _, report = publish(skillex, hub, f"s3://{bucket}", moto[0], 0, good)
        assert report["status"] == "ok"
        bad = {"AWS_ACCESS_KEY_ID": key["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": "not-the-secret"}
        result, report = publish(skillex, hub, f"s3://{bucket}", moto[0], 1, bad)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "SignatureDoesNotMatch" in lines[0] and "credentials" in lines[0]
        assert "not-the-secret" not in result.stderr + result.stdout
        assert report["transfer"]["requests"] == 1 and report["transfer"]["retries"] == 0
    finally:
        set_auth(moto[0], b"inf")


def test_missing_credentials_and_secret_in_manifest_are_input_errors(skillex, hub, moto):
    make_dist(hub, SOURCE)
    result = skillex("publish", "--manifest", hub / "manifest.json", "--to", "s3://x/y", "--endpoint", moto[0],
                     env={"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""}, check=2)
    assert result.stderr.strip() == "skillex: error: storage: AWS_ACCESS_KEY_ID is not set; S3 storage needs an access key"
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["storage"] = {"url": "s3://x/y", "secret_access_key": "oops"}
    (hub / "manifest.json").write_text(json.dumps(manifest))
    result = skillex("publish", "--manifest", hub / "manifest.json", env=CREDS, check=2)
    assert "storage.secret_access_key" in result.stderr and "oops" not in result.stderr


def test_index_naming_missing_file_is_refused(skillex, hub, tmp_path):
    dist = make_dist(hub, SOURCE)
    (dist / "skills-pack-1.0.0.zip").unlink()
    result = skillex("publish", "--manifest", hub / "manifest.json", "--to", tmp_path / "mirror", check=2)
    assert "names skills-pack-1.0.0.zip but dist/ does not have it" in result.stderr
    assert not (tmp_path / "mirror").exists()


def test_publish_to_folder_uses_manifest_storage(skillex, hub):
    dist = make_dist(hub, SOURCE, versions=("1.0.0", "1.1.0"))
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["storage"] = {"url": "mirror"}
    (hub / "manifest.json").write_text(json.dumps(manifest))
    result = skillex("publish", "--manifest", hub / "manifest.json", "--format", "json", check=0)
    report = json.loads(result.stdout)
    mirror = hub / "mirror"
    assert dist_files(mirror) == {**dist_files(dist), "manifest.json": sha256(mirror / "manifest.json")}
    assert report["uploaded"] == len(dist_files(dist)) + 1
    again = json.loads(skillex("publish", "--manifest", hub / "manifest.json", "--format", "json", check=0).stdout)
    assert again["uploaded"] == 0


def test_folder_target_is_swept_only_after_an_unfinished_publish(skillex, hub):
    make_dist(hub, SOURCE, versions=("1.0.0",))
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["storage"] = {"url": "mirror"}
    (hub / "manifest.json").write_text(json.dumps(manifest))
    skillex("publish", "--manifest", hub / "manifest.json", "--format", "json", check=0)
    mirror = hub / "mirror"
    assert not (mirror / ".skillex-lock").exists()
    stray = mirror / "packs" / ".skills.zip.tmp-0B4C1E2D-3F40-4A5B-8C6D-7E8F90A1B2C3"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"half a pack")
    # The last publish finished (it removed its lock file): the folder is not walked.
    skillex("publish", "--manifest", hub / "manifest.json", "--format", "json", check=0)
    assert stray.exists()
    # A lock file left behind means a publish was killed: its temp files go.
    (mirror / ".skillex-lock").write_text("")
    skillex("publish", "--manifest", hub / "manifest.json", "--format", "json", check=0)
    assert not stray.exists() and not (mirror / ".skillex-lock").exists()


def with_webhooks(hub, hooks, storage="mirror"):
    manifest = json.loads((hub / "manifest.json").read_text())
    manifest["webhooks"] = hooks
    manifest["storage"] = {"url": storage}
    (hub / "manifest.json").write_text(json.dumps(manifest))


def test_published_webhook_is_signed_and_verifiable(skillex, hub):
    make_dist(hub, SOURCE)
    receiver = WebhookReceiver("s3cret")
    try:
        with_webhooks(hub, [{"url": receiver.url, "events": ["published"], "secret_env": "HOOK_SECRET"}])
        result = skillex("publish", "--manifest", hub / "manifest.json", "--format", "json",
                         env={"HOOK_SECRET": "s3cret"}, check=0)
        report = json.loads(result.stdout)
        assert report["webhooks"][0]["status"] == "delivered"
        delivery = receiver.deliveries[0]
        assert delivery["verified"]
        headers = delivery["headers"]
        assert headers["X-SkillEx-Event"] == "published"
        body = json.loads(delivery["body"])
        assert body["event"] == "published" and body["delivery"] == headers["X-SkillEx-Delivery"]
        assert body["payload"]["latest"] == "1.0.0"
        tampered = delivery["body"].replace(b"1.0.0", b"6.6.6")
        assert signature("s3cret", headers["X-SkillEx-Timestamp"], tampered) != headers["X-SkillEx-Signature"]
        replay = urllib.request.Request(receiver.url, data=tampered, method="POST", headers={
            "X-SkillEx-Timestamp": headers["X-SkillEx-Timestamp"], "X-SkillEx-Signature": headers["X-SkillEx-Signature"]})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(replay)
        assert refused.value.code == 401
        assert "s3cret" not in result.stdout + result.stderr
        log = [json.loads(l) for l in (hub / ".skillex" / "deliveries.jsonl").read_text().splitlines()]
        assert [r["status"] for r in log] == ["delivered"]
        assert "s3cret" not in (hub / ".skillex" / "deliveries.jsonl").read_text()
    finally:
        receiver.stop()


def test_unreachable_webhook_is_retried_recorded_and_redelivered(skillex, hub):
    make_dist(hub, SOURCE)
    port = free_port()
    with_webhooks(hub, [{"url": f"http://127.0.0.1:{port}/hook", "events": ["published"],
                         "secret_env": "HOOK_SECRET", "max_attempts": 3, "max_seconds": 10}])
    result = skillex("publish", "--manifest", hub / "manifest.json", "--format", "json",
                     env={"HOOK_SECRET": "k"}, check=0)
    report = json.loads(result.stdout)
    assert report["status"] == "ok"
    assert report["webhooks"][0]["status"] == "failed" and report["webhooks"][0]["attempts"] == 3
    log = [json.loads(l) for l in (hub / ".skillex" / "deliveries.jsonl").read_text().splitlines()]
    assert [(r["attempt"], r["status"]) for r in log] == [(1, "retrying"), (2, "retrying"), (3, "failed")]
    delivery = log[0]["delivery"]

    receiver = WebhookReceiver("k", port=port)
    try:
        result = skillex("webhooks", "redeliver", delivery, "--manifest", hub / "manifest.json", "--format", "json",
                         env={"HOOK_SECRET": "k"}, check=0)
        assert json.loads(result.stdout)["status"] == "delivered"
        assert receiver.deliveries[0]["verified"]
        assert receiver.deliveries[0]["headers"]["X-SkillEx-Delivery"] == delivery
        last = json.loads((hub / ".skillex" / "deliveries.jsonl").read_text().splitlines()[-1])
        assert last["redelivery"] is True and last["status"] == "delivered"
    finally:
        receiver.stop()
    bad = skillex("webhooks", "redeliver", "no-such-id", "--manifest", hub / "manifest.json", check=2)
    assert "no delivery with id no-such-id" in bad.stderr


def test_webhooks_test_command(skillex, hub):
    receiver = WebhookReceiver("t0k")
    try:
        ok = skillex("webhooks", "test", receiver.url, "--secret-env", "T", "--manifest", hub / "manifest.json",
                     env={"T": "t0k"}, check=0)
        assert receiver.deliveries[-1]["verified"] and receiver.deliveries[-1]["headers"]["X-SkillEx-Event"] == "ping"
        wrong = skillex("webhooks", "test", receiver.url, "--secret-env", "T", "--manifest", hub / "manifest.json",
                        "--format", "json", env={"T": "other"}, check=1)
        assert json.loads(wrong.stdout)["http_status"] == 401
        slack = skillex("webhooks", "test", receiver.url, "--payload-format", "slack", "--secret-env", "T",
                        "--manifest", hub / "manifest.json", env={"T": "t0k"}, check=0)
        assert json.loads(receiver.deliveries[-1]["body"])["text"].startswith("SkillEx: ping")
    finally:
        receiver.stop()


def test_real_pipeline_publish_then_pull_from_s3_fetches_only_the_delta(skillex, hub, moto, bucket, tmp_path):
    """sync → package (delta strategy) → publish to moto → pull into an empty folder → one change →
    package, publish, pull again: the second pull downloads index.json and the delta only."""
    endpoint = moto[0]
    manifest = hub / "manifest.json"
    skillex("sync", "--manifest", manifest, check=1)  # the example hub's invalid skill, on purpose
    approve_risky_skill(skillex, hub)
    skillex("package", "--manifest", manifest, "--strategy", "delta", "--version", "1.0.0", check=0)
    publish(skillex, hub, f"s3://{bucket}/hub", endpoint)
    consumer = tmp_path / "consumer"
    first = json.loads(skillex("pull", "--from", f"s3://{bucket}/hub", "--endpoint", endpoint, "--into", consumer,
                               "--format", "json", env=env(endpoint), check=0).stdout)
    assert (first["route"], first["to"]) == ("full", "1.0.0")
    assert (consumer / "data-team/sql-review/SKILL.md").is_file()

    skill = hub / "repos/data-team/skills/sql-review/SKILL.md"
    skill.write_text(skill.read_text() + "\nAlso check the query plan.\n")
    skillex("sync", "--manifest", manifest, check=1)
    skillex("package", "--manifest", manifest, "--strategy", "delta", "--version", "1.1.0", check=0)
    publish(skillex, hub, f"s3://{bucket}/hub", endpoint)
    second = json.loads(skillex("pull", "--from", f"s3://{bucket}/hub", "--endpoint", endpoint, "--into", consumer,
                                "--format", "json", env=env(endpoint), check=0).stdout)
    assert second["route"] == "delta"
    assert [f["file"] for f in second["files"]] == ["index.json", "deltas/skills-delta-1.0.0-to-1.1.0.zip"]
    full = next(v for v in json.loads((hub / "dist/index.json").read_text())["versions"] if v["version"] == "1.1.0")
    assert second["bytes_fetched"] < full["pack"]["size"] / 2
    assert "Also check the query plan." in (consumer / "data-team/sql-review/SKILL.md").read_text()


def test_gate_refusal_and_approval_send_signed_webhooks(skillex, hub):
    receiver = WebhookReceiver("s3cret")
    try:
        with_webhooks(hub, [{"url": receiver.url, "events": ["rejected", "approved"], "secret_env": "HOOK_SECRET"}])
        secret = {"HOOK_SECRET": "s3cret"}
        skillex("sync", "--manifest", hub / "manifest.json", check=1)
        skillex("package", "--manifest", hub / "manifest.json", "--version", "1.0.0", env=secret, check=1)
        rejected = [json.loads(d["body"]) for d in receiver.deliveries if d["headers"]["X-SkillEx-Event"] == "rejected"]
        assert [(b["payload"]["repo"], b["payload"]["skill"]) for b in rejected] == [("platform-tools", "k8s-rollout")]
        assert all(d["verified"] for d in receiver.deliveries)
        skillex("score", "--manifest", hub / "manifest.json", "--approve", "k8s-rollout", "--by", "alice",
                "--reason", "reviewed", "--format", "json", env=secret, check=0)
        approved = [json.loads(d["body"]) for d in receiver.deliveries if d["headers"]["X-SkillEx-Event"] == "approved"]
        assert approved and approved[-1]["payload"]["by"] == "alice"
    finally:
        receiver.stop()


def test_new_anomalies_go_to_anomaly_webhooks_once(skillex, hub):
    from test_telemetry import hourly_log, write_log
    write_log(hub, hourly_log(30, spike_hour=28))
    receiver = WebhookReceiver("s3cret")
    try:
        with_webhooks(hub, [{"url": receiver.url, "events": ["anomaly"], "secret_env": "HOOK_SECRET"}])
        secret = {"HOOK_SECRET": "s3cret"}
        skillex("events", "anomalies", "--manifest", hub / "manifest.json", "--format", "json", env=secret, check=0)
        bodies = [json.loads(d["body"]) for d in receiver.deliveries]
        assert bodies and all(d["verified"] for d in receiver.deliveries)
        assert {b["event"] for b in bodies} == {"anomaly"}
        assert any(b["payload"]["kind"] == "submission_spike" for b in bodies)
        count = len(receiver.deliveries)
        skillex("events", "anomalies", "--manifest", hub / "manifest.json", "--format", "json", env=secret, check=0)
        assert len(receiver.deliveries) == count  # announced once
    finally:
        receiver.stop()
