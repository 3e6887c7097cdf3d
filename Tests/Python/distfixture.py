"""Builds dist/ folders by hand, in the shape docs/architecture.md fixes for packaging."""
import hashlib
import io
import json
import os
import zipfile
from pathlib import Path


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def zip_folder(folder: Path, out: Path, extra: bytes = b"") -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(str(path.relative_to(folder)), date_time=(2025, 1, 1, 0, 0, 0))
            archive.writestr(info, path.read_bytes())
        if extra:
            archive.writestr(zipfile.ZipInfo("padding.bin", date_time=(2025, 1, 1, 0, 0, 0)), extra)


def ref(dist: Path, rel: str) -> dict:
    path = dist / rel
    return {"file": rel, "size": path.stat().st_size, "sha256": sha256(path)}


def make_dist(hub: Path, source: Path, versions=("1.0.0",), padding: int = 0, skills: int = 0) -> Path:
    """Writes hub/dist with one pack (+ pack index json) per version and deltas between
    consecutive versions, then index.json and SHA256SUMS. `padding` adds that many random bytes
    to the newest pack (for multipart tests)."""
    dist = hub / "dist"
    (dist / "deltas").mkdir(parents=True, exist_ok=True)
    entries = []
    previous = None
    for number, version in enumerate(versions):
        pack = f"skills-pack-{version}.zip"
        extra = os.urandom(padding) if padding and number == len(versions) - 1 else version.encode()
        zip_folder(source, dist / pack, extra)
        (dist / f"skills-pack-{version}.json").write_text(json.dumps({"version": version, "skills": skills}) + "\n")
        entry = {"version": version, "created_at": "2025-01-01T00:00:00Z", "pack": ref(dist, pack),
                 "index": ref(dist, f"skills-pack-{version}.json"), "skills": skills, "deltas": []}
        if previous:
            delta = f"deltas/skills-delta-{previous}-to-{version}.zip"
            with zipfile.ZipFile(dist / delta, "w") as archive:
                archive.writestr("changed.txt", f"{previous} -> {version}\n")
            entry["deltas"].append({"from": previous, **ref(dist, delta)})
        entries.append(entry)
        previous = version
    entries.reverse()
    (dist / "index.json").write_text(json.dumps({"format": 1, "latest": versions[-1], "versions": entries}, indent=2) + "\n")
    lines = [f"{sha256(p)}  {p.relative_to(dist)}" for p in sorted(dist.rglob("*")) if p.is_file() and p.name != "SHA256SUMS"]
    (dist / "SHA256SUMS").write_text("\n".join(lines) + "\n")
    return dist


def dist_files(dist: Path) -> dict:
    """key -> sha256 for every file in dist/."""
    return {str(p.relative_to(dist)): sha256(p) for p in dist.rglob("*") if p.is_file()}
