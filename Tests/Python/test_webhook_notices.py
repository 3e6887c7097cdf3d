"""`rejected`/`approved` webhooks from `skillex build`/`score` go out only for skills whose verdict
the run recorded: a build with nothing changed notifies nobody again."""
import json

from servers import WebhookReceiver

SECRET = {"HOOK_SECRET": "s3cret"}


def events(receiver):
    return [(d["headers"]["X-SkillEx-Event"], json.loads(d["body"])["payload"]["skill"]) for d in receiver.deliveries]


def build(skillex, hub):
    result = skillex("build", "--manifest", hub / "manifest.json", "--format", "json", env=SECRET)
    assert result.returncode in (0, 1), result.stderr
    assert "webhook" not in result.stderr, result.stderr


def test_unchanged_skills_get_no_webhook_on_a_second_build(skillex, hub):
    receiver = WebhookReceiver("s3cret")
    try:
        manifest = json.loads((hub / "manifest.json").read_text())
        manifest["webhooks"] = [{"url": receiver.url, "events": ["rejected", "approved"], "secret_env": "HOOK_SECRET"}]
        (hub / "manifest.json").write_text(json.dumps(manifest))

        build(skillex, hub)
        assert events(receiver) == [("rejected", "k8s-rollout")]  # below the threshold on purpose
        assert all(d["verified"] for d in receiver.deliveries)

        receiver.deliveries.clear()
        build(skillex, hub)
        assert events(receiver) == []

        # An approval is a scoring input: the approval is sent once, the next build sends nothing.
        skillex("score", "--manifest", hub / "manifest.json", "--approve", "k8s-rollout", "--by", "alice",
                "--reason", "reviewed", "--format", "json", env=SECRET, check=0)
        assert events(receiver) == [("approved", "k8s-rollout")]
        receiver.deliveries.clear()
        build(skillex, hub)
        assert events(receiver) == []
    finally:
        receiver.stop()
