"""Safe extraction: every malicious tarball kind is refused and leaves no trace."""

from __future__ import annotations

import tarfile

import pytest

from igkit.errors import IgkitError
from igkit.packages.extract import UnsafeArchive, extract_package

from .helpers import make_tarball, package_tarball


def _special(name: str, kind: bytes, linkname: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    return info


MALICIOUS = {
    "absolute path": [("/etc/evil.json", b"{}")],
    "dot-dot": [("package/../../evil.json", b"{}")],
    "symlink": [_special("package/link", tarfile.SYMTYPE, "/etc/passwd")],
    "hard link": [_special("package/hard", tarfile.LNKTYPE, "package/package.json")],
    "character device": [_special("package/dev", tarfile.CHRTYPE)],
    "block device": [_special("package/blk", tarfile.BLKTYPE)],
    "fifo": [_special("package/fifo", tarfile.FIFOTYPE)],
}


@pytest.mark.parametrize("kind", sorted(MALICIOUS))
def test_malicious_entries_are_refused(tmp_path, kind):
    data = make_tarball([("package/package.json", b'{"name":"x","version":"1.0.0"}'), *MALICIOUS[kind]])
    dest = tmp_path / "cache" / "x#1.0.0"
    with pytest.raises(UnsafeArchive):
        extract_package(data, dest, "evil.tgz")
    assert not dest.exists()
    assert not (tmp_path / "evil.json").exists()
    leftovers = list((tmp_path / "cache").iterdir()) if (tmp_path / "cache").exists() else []
    assert leftovers == []


def test_size_cap_refuses_decompression_bomb(tmp_path):
    data = package_tarball(extra={"package/big.bin": b"\0" * 200_000})
    with pytest.raises(UnsafeArchive, match="MiB"):
        extract_package(data, tmp_path / "p", "bomb.tgz", max_bytes=100_000)
    assert not (tmp_path / "p").exists()


def test_member_count_cap(tmp_path):
    data = package_tarball(extra={f"package/f{i}.json": b"{}" for i in range(20)})
    with pytest.raises(UnsafeArchive, match="entries"):
        extract_package(data, tmp_path / "p", "many.tgz", max_members=10)


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_tarball_is_a_clear_error(tmp_path, cut):
    data = package_tarball(extra={"package/big.json": bytes(range(256)) * 2000})
    with pytest.raises(IgkitError, match="corrupt or truncated"):
        extract_package(data[: int(len(data) * cut)], tmp_path / "p", "cut.tgz")
    assert not (tmp_path / "p").exists()


def test_not_gzip_at_all(tmp_path):
    with pytest.raises(IgkitError, match="corrupt or truncated"):
        extract_package(b"this is not a tarball", tmp_path / "p", "junk.tgz")


def test_archive_without_package_json_is_refused(tmp_path):
    with pytest.raises(IgkitError, match="not a FHIR package"):
        extract_package(make_tarball([("package/readme.txt", b"hi")]), tmp_path / "p", "nopkg.tgz")
    assert not (tmp_path / "p").exists()


def test_good_package_replaces_atomically(tmp_path):
    dest = tmp_path / "p"
    extract_package(package_tarball(version="1.0.0"), dest, "good.tgz")
    assert (dest / "package" / "package.json").is_file()
    # a failed re-install keeps the old content
    with pytest.raises(IgkitError):
        extract_package(b"broken", dest, "bad.tgz")
    assert (dest / "package" / "StructureDefinition-x.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]
