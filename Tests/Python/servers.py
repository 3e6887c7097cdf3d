"""Real loopback servers for distribution tests: moto's S3, a fault-injecting proxy, a webhook receiver."""
import hashlib
import hmac
import http.client
import http.server
import json
import socket
import threading


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FaultProxy:
    """Forwards HTTP to `upstream` port; can answer 500 to the first N requests, or stop
    listening after N PUTs (connections then refused), and records every request."""

    def __init__(self, upstream: int, port: int = 0, fail_first: int = 0, stop_after_puts: int | None = None):
        self.upstream = upstream
        self.port = port or free_port()
        self.fail_first = fail_first
        self.stop_after_puts = stop_after_puts
        self.requests = []  # (method, path, status)
        self.lock = threading.Lock()
        self.dead = False
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with proxy.lock:
                    if proxy.dead:
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                    index = len(proxy.requests)
                    fail = index < proxy.fail_first
                    proxy.requests.append((self.command, self.path, 500 if fail else None))
                if fail:
                    payload = b"<Error><Code>InternalError</Code><Message>injected</Message></Error>"
                    self.send_response(500)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                conn = http.client.HTTPConnection("127.0.0.1", proxy.upstream, timeout=30)
                headers = {k: v for k, v in self.headers.items()}
                conn.request(self.command, self.path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                self.send_response(response.status)
                for name, value in response.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length", "server", "date"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                conn.close()
                if self.command == "PUT" and proxy.stop_after_puts is not None:
                    with proxy.lock:
                        puts = sum(1 for r in proxy.requests if r[0] == "PUT")
                        if puts >= proxy.stop_after_puts and not proxy.dead:
                            proxy.dead = True
                            threading.Thread(target=proxy._close_listener, daemon=True).start()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle

        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def _close_listener(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self, method: str) -> int:
        with self.lock:
            return sum(1 for r in self.requests if r[0] == method)

    def stop(self):
        self.dead = True
        try:
            self._close_listener()
        except Exception:
            pass


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """What a receiver computes: sha256= hex HMAC-SHA256 over '<timestamp>.<body>'."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


class WebhookReceiver:
    """Accepts POSTs whose X-SkillEx-Signature verifies with `secret` (200), else 401."""

    def __init__(self, secret: str, port: int = 0):
        self.secret = secret
        self.port = port or free_port()
        self.deliveries = []  # dicts: headers, body, verified
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                timestamp = self.headers.get("X-SkillEx-Timestamp", "")
                given = self.headers.get("X-SkillEx-Signature", "")
                ok = hmac.compare_digest(signature(receiver.secret, timestamp, body), given)
                receiver.deliveries.append({"headers": self.headers, "body": body, "verified": ok})
                self.send_response(200 if ok else 401)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
