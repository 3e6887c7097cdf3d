"""The labelled security corpus: where it lives, how to materialise it, which planted secrets go in.

Skills live in `malicious/<name>/` and `benign/<name>/`, each with a one-line label beside it in
`<name>.label`. Files that need a realistic secret hold a placeholder (`@@SECRET:aws-key@@`) so
nothing that looks like a live provider key is committed; `materialise(dest)` copies the corpus
and fills the placeholders with values assembled here, at test time.
"""
import hashlib
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent
KINDS = ("malicious", "benign")

_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ234567"
_MIXED = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _random(seed, alphabet, length):
    """A deterministic high-entropy string (sha256 of the seed, stretched)."""
    out, counter = [], 0
    while len(out) < length:
        digest = hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        out.extend(alphabet[b % len(alphabet)] for b in digest)
        counter += 1
    return "".join(out[:length])


def secrets():
    """Placeholder name -> planted value. Prefixes are joined at run time on purpose."""
    j = "".join
    return {
        "aws-key": j(["AK", "IA"]) + _random("aws-key", _UPPER, 16),
        "aws-secret": _random("aws-secret", _MIXED + "/+", 40),
        "github": j(["gh", "p_"]) + _random("github", _MIXED, 36),
        "gitlab": j(["gl", "pat-"]) + _random("gitlab", _MIXED, 20),
        "slack": j(["xo", "xb-"]) + _random("slack-a", "0123456789", 11) + "-" + _random("slack-b", _MIXED, 24),
        "stripe": j(["sk", "_li", "ve_"]) + _random("stripe", _MIXED, 28),
        "google": j(["AI", "za"]) + _random("google", _MIXED + "_-", 35),
        "openai": j(["sk", "-proj-"]) + _random("openai", _MIXED, 48),
        "anthropic": j(["sk", "-ant-"]) + _random("anthropic", _MIXED, 40),
        "npm": j(["np", "m_"]) + _random("npm", _MIXED, 36),
        "pypi": j(["py", "pi-"]) + _random("pypi", _MIXED, 60),
        "generic": _random("generic", _MIXED, 28),
        "password": _random("password", _MIXED, 18) + "7",
        "django": _random("django", _MIXED + "!@%^*-_", 50),
        "pem": "\n".join(_random(f"pem-{i}", _MIXED + "+/", 64) for i in range(6)),
    }


_PLACEHOLDER = re.compile(r"@@SECRET:([a-z-]+)@@")


def fill(text, values=None):
    values = values or secrets()
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def labels():
    """(kind, name) -> label, for every skill of the corpus."""
    out = {}
    for kind in KINDS:
        for label in sorted((ROOT / kind).glob("*.label")):
            out[(kind, label.stem)] = label.read_text(encoding="utf-8").strip()
    return out


def materialise(dest):
    """Copies the corpus to `dest/<kind>/<name>/` with secrets filled in; returns `labels()`."""
    dest = pathlib.Path(dest)
    values = secrets()
    for kind in KINDS:
        for folder in sorted(p for p in (ROOT / kind).iterdir() if p.is_dir()):
            target = dest / kind / folder.name
            shutil.copytree(folder, target)
            for path in target.rglob("*"):
                if path.is_file():
                    data = path.read_bytes()
                    if b"@@SECRET:" in data:
                        path.write_bytes(fill(data.decode("utf-8"), values).encode("utf-8"))
    return labels()
