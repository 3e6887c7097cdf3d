"""Distribution benchmark: `skillex publish` vs `aws s3 sync` to the same moto S3 server.

dist/ is made by SkillEx itself from the 1,000-skill corpus: sync, `package --strategy delta`
(1.0.0), one skill edited, sync, package (1.1.0) — two full packs, their pack indexes, one delta,
index.json and SHA256SUMS. One run each; then a no-change publish of each tool.

Run with the test venv (moto, boto3): .venv/bin/python bench/publish.py
The AWS CLI (awscli==1.46.3, PyPI) is installed into .venv-bench on first use.
"""
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import boto3
from moto.server import ThreadedMotoServer

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "Python"))
from common import ROOT, corpus, row, run_timed, skillex_bin  # noqa: E402
from distfixture import dist_files  # noqa: E402
from servers import FaultProxy, free_port  # noqa: E402

AWSCLI = "awscli==1.46.3"


def aws_cli() -> str:
    venv = ROOT / ".venv-bench"
    aws = venv / "bin" / "aws"
    if not aws.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", AWSCLI], check=True)
    return str(aws)


def timed(cmd, env):
    """Wall time, the command's own peak RSS (GNU time when present) and the process."""
    if os.path.exists("/usr/bin/time"):
        seconds, _, proc = run_timed(["/usr/bin/time", "-f", "%M", *cmd], env=env)
        try:
            rss = int(proc.stderr.decode().strip().splitlines()[-1]) / 1024.0
        except (ValueError, IndexError):
            rss = float("nan")
        return seconds, rss, proc
    return run_timed(cmd, env=env)


def make_real_dist(binary, hub):
    """Two versions and a delta, written by skillex package (exit 1 = some skills refused by the gate)."""
    manifest = str(hub / "manifest.json")
    for version in ("1.0.0", "1.1.0"):
        if version == "1.1.0":
            skill = next((hub / "repos").glob("*/.claude/skills/*/SKILL.md"))
            skill.write_text(skill.read_text() + "\nOne more line.\n")
        for cmd in (["sync"], ["package", "--strategy", "delta", "--version", version]):
            proc = subprocess.run([binary, *cmd, "--manifest", manifest], capture_output=True, text=True)
            if proc.returncode not in (0, 1):
                sys.exit(f"bench: skillex {cmd[0]} failed: {proc.stderr[-2000:]}")


def main():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    skills = int(os.environ.get("BENCH_SKILLS", "1000"))
    source = corpus(skills)
    work = Path(tempfile.mkdtemp(prefix="skillex-bench-publish-"))
    hub = work / "hub"
    shutil.copytree(source, hub)
    binary, aws = skillex_bin(), aws_cli()
    make_real_dist(binary, hub)
    files = dist_files(hub / "dist")
    size = sum((hub / "dist" / k).stat().st_size for k in files)

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    proxy = FaultProxy(port)  # counts requests by method for both tools
    endpoint = proxy.url
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_REGION": "us-east-1",
           "AWS_DEFAULT_REGION": "us-east-1"}
    client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", aws_access_key_id="bench",
                          aws_secret_access_key="bench", region_name="us-east-1")
    for bucket in ("bench-skillex", "bench-awscli"):
        client.create_bucket(Bucket=bucket)
    try:
        print(f"dist/: {len(files)} files, {size / 1048576:.1f} MiB ({skills}-skill corpus, written by skillex package)")
        row("tool", "run", "wall s", "peak RSS MiB", "PUT requests", "objects sent")
        publish = [binary, "publish", "--manifest", str(hub / "manifest.json"), "--to", "s3://bench-skillex/hub",
                   "--endpoint", endpoint, "--format", "json"]
        sync = [aws, "s3", "sync", str(hub / "dist"), "s3://bench-awscli/hub", "--endpoint-url", endpoint, "--only-show-errors"]
        for label in ("first", "no change"):
            before = proxy.count("PUT")
            seconds, rss, proc = timed(publish, env)
            if proc.returncode != 0:
                sys.exit(proc.stderr.decode())
            report = json.loads(proc.stdout)
            row("skillex publish", label, f"{seconds:.2f}", f"{rss:.0f}", proxy.count("PUT") - before, report["uploaded"])
            before = proxy.count("PUT")
            seconds, rss, proc = timed(sync, env)
            if proc.returncode != 0:
                sys.exit(proc.stderr.decode())
            puts = proxy.count("PUT") - before
            row("aws s3 sync", label, f"{seconds:.2f}", f"{rss:.0f}", puts, "-")
    finally:
        proxy.stop()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
