"""A site built from nothing marks its `skills/` folder and each repository's folder in it as tops
of directory hierarchies (ext4's `chattr +T`), so ext4 spreads the skill folders over the disk
instead of packing them into the block groups a removed site just freed. Other folders are left
as they are; on a file system without the flag (tmpfs) nothing is marked, and the site is the same."""
import fcntl
import os
import shutil
import struct

FS_IOC_GETFLAGS = 0x80086601
FS_IOC_SETFLAGS = 0x40086602
FS_TOPDIR_FL = 0x00020000


def flags(path):
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        return struct.unpack("i", fcntl.ioctl(fd, FS_IOC_GETFLAGS, struct.pack("i", 0)))[0]
    except OSError:
        return None
    finally:
        os.close(fd)


def marked(path):
    value = flags(path)
    return value is not None and value & FS_TOPDIR_FL != 0


def flag_supported(folder):
    """True when the file system under `folder` keeps the flag (probed on a folder of its own)."""
    probe = folder / "spread-probe"
    probe.mkdir()
    try:
        fd = os.open(probe, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.ioctl(fd, FS_IOC_SETFLAGS, struct.pack("i", FS_TOPDIR_FL))
        except OSError:
            return False
        finally:
            os.close(fd)
        return marked(probe)
    finally:
        probe.rmdir()


def test_a_site_built_from_nothing_spreads_its_skill_folders(hub, skillex):
    skillex("build", "--manifest", hub / "manifest.json", "--clock", "2025-10-03T12:00:00Z", check=1)
    before = {p.relative_to(hub / "public"): p.read_bytes() for p in (hub / "public").rglob("*") if p.is_file()}
    shutil.rmtree(hub / "public")
    skillex("site", "--manifest", hub / "manifest.json", "--clock", "2025-10-03T12:00:00Z", check=0)
    site = hub / "public"
    supported = flag_supported(hub)
    assert marked(site / "skills") == supported
    repos = [p for p in (site / "skills").iterdir() if p.is_dir()]
    assert repos
    for repo in repos:
        assert marked(repo) == supported, repo
        for skill in (p for p in repo.iterdir() if p.is_dir()):
            assert not marked(skill), skill
    for other in ("cookbook", "assets", "search"):
        if (site / other).is_dir():
            assert not marked(site / other), other
    # The pages are the same as before; only where their folders sit on the disk changed.
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert sorted(after) == sorted(before)
