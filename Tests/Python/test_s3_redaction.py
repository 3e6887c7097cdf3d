"""An S3 endpoint that echoes the credentials it was sent (SkillEx issue #15, item 13).

A real HTTP server on loopback answers every request with an S3 `<Error>` whose code and
message repeat the request's Authorization header (which holds the access key id) and its
session token, raw and percent-encoded. Neither `pull` nor `publish` may print them, on stderr
or in JSON.
"""
import http.server
import threading
import urllib.parse

import pytest

from conftest import EXAMPLE_HUB
from distfixture import make_dist

KEY_ID = "AKIAECHOEDKEYID00042"
TOKEN = "FwoGZXIvYXdzEJr//echoed+session/token=="
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
CREDS = {"AWS_ACCESS_KEY_ID": KEY_ID, "AWS_SECRET_ACCESS_KEY": SECRET, "AWS_SESSION_TOKEN": TOKEN,
         "AWS_REGION": "us-east-1"}


class EchoServer:
    """Answers `status` to everything, echoing the credentials; records what it was sent."""

    def __init__(self, status: int):
        self.seen = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                auth = self.headers.get("Authorization", "")
                token = self.headers.get("X-Amz-Security-Token", "")
                server.seen.append((auth, token))
                body = (f"<Error><Code>Echo{KEY_ID}</Code><Message>you sent {auth} and {token} "
                        f"({urllib.parse.quote(token, safe='')})</Message></Error>").encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(params=[403, 400, 503])
def echo(request):
    server = EchoServer(request.param)
    yield server
    server.close()


def assert_clean(result, server):
    text = result.stdout + result.stderr
    assert server.seen and any(KEY_ID in auth and token == TOKEN for auth, token in server.seen), \
        "the server must have received (and echoed) the credentials"
    assert "***" in text, text
    for secret in (KEY_ID, TOKEN, urllib.parse.quote(TOKEN, safe=""), SECRET, "echoed+session"):
        assert secret not in text, text


def test_pull_from_an_echoing_endpoint_prints_no_credential(skillex, tmp_path, echo):
    env = CREDS
    result = skillex("pull", "--from", "s3://bucket/hub", "--endpoint", echo.endpoint, "--into", tmp_path / "consumer",
                     "--format", "json", cwd=tmp_path, env=env)
    assert result.returncode == 2, result.stderr
    assert_clean(result, echo)


def test_publish_to_an_echoing_endpoint_prints_no_credential(skillex, hub, echo):
    make_dist(hub, EXAMPLE_HUB / "repos")
    result = skillex("publish", "--manifest", hub / "manifest.json", "--to", "s3://bucket/hub",
                     "--endpoint", echo.endpoint, "--format", "json", env=CREDS)
    assert result.returncode in (1, 2), result.stderr
    assert_clean(result, echo)
