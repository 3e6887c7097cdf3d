"""Headless Chromium through Selenium, set up one way for every browser test."""
import shutil

import pytest


def chrome(javascript: bool = True, file_access: bool = True):
    """A headless Chromium driver; skips the test when Selenium is missing. `file_access` lets
    pages opened from file:// read their neighbours (the site's search index); `javascript`
    off checks the pages that must stay readable without it."""
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    if file_access:
        options.add_argument("--allow-file-access-from-files")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


class ScriptRecorder:
    """Headless Chromium driven over the DevTools protocol, recording every script any page it
    opens compiles (`Debugger.scriptParsed`: inline scripts, event handlers, `javascript:` URLs,
    script files, SVG and XHTML scripts, eval) and every dialog one opens. It sees what ran,
    whatever the payload tried to hide, and a Content-Security-Policy cannot blind it: a script the
    policy blocks is never compiled."""

    def __init__(self, tmp):
        import json
        import subprocess
        import time
        import urllib.request

        websocket = pytest.importorskip("websocket")
        self.profile = tmp / "chromium-profile"
        self.profile.mkdir(parents=True, exist_ok=True)
        binary = shutil.which("chromium") or "/usr/bin/chromium"
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={self.profile}",
             "--no-first-run", "--no-default-browser-check", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
            page = next(t for t in json.loads(answer.read()) if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.json = json
        self.next_id = 0
        self.events = []
        for method, params in (("Page.enable", {}), ("Debugger.enable", {}), ("Runtime.enable", {}),
                               ("Page.setDownloadBehavior", {"behavior": "deny"})):
            self.call(method, params)

    def call(self, method, params=None):
        """Sends one command and returns its result; events that arrive meanwhile are kept."""
        self.next_id += 1
        ident = self.next_id
        self.socket.send(self.json.dumps({"id": ident, "method": method, "params": params or {}}))
        while True:
            message = self.json.loads(self.socket.recv())
            if message.get("id") == ident:
                return message.get("result", {"error": message.get("error")})
            self.handle(message)

    def handle(self, message):
        method = message.get("method")
        if method == "Page.javascriptDialogOpening":
            self.events.append(("dialog", message["params"].get("message", "")))
            self.socket.send(self.json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog",
                                              "params": {"accept": True}}))
        elif method == "Debugger.scriptParsed":
            self.events.append(("script", message["params"].get("url", "")))
        elif method is not None:
            self.events.append((method, message.get("params", {})))

    def open(self, url):
        """Opens `url` and waits until its main frame stopped loading (or the navigation failed,
        as a refused download does); returns the scripts compiled and dialogs opened meanwhile,
        as (kind, url-or-message) pairs."""
        self.events = []
        result = self.call("Page.navigate", {"url": url})
        if not result.get("errorText"):
            frame = result.get("frameId")
            while not any(kind == "Page.frameStoppedLoading" and isinstance(data, dict) and data.get("frameId") == frame
                          for kind, data in self.events):
                self.handle(self.json.loads(self.socket.recv()))
        # A round trip, so every event sent before it has been read.
        self.call("Page.getFrameTree")
        return [(kind, data) for kind, data in self.events if kind in ("script", "dialog")]

    def close(self):
        try:
            if getattr(self, "socket", None):
                self.socket.close()
        finally:
            self.process.kill()
            self.process.wait()
