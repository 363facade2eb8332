import gzip
import io
import tarfile
import zipfile

from igkit.publish.archive import FIXED_MTIME, tar_gz, zip_bytes


def test_tar_gz_is_deterministic_and_sorted():
    a = tar_gz({"package/b.json": b"{}", "package/a.json": b"[1]"})
    b = tar_gz({"package/a.json": b"[1]", "package/b.json": b"{}"})
    assert a == b
    assert a[4:8] == b"\x00\x00\x00\x00"  # gzip header MTIME field
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(a))) as tar:
        members = tar.getmembers()
        assert [m.name for m in members] == ["package/a.json", "package/b.json"]
        for m in members:
            assert (m.mtime, m.uid, m.gid, m.uname, m.gname, m.mode) == (FIXED_MTIME, 0, 0, "", "", 0o644)
        assert tar.extractfile("package/a.json").read() == b"[1]"


def test_tar_gz_changes_with_content():
    assert tar_gz({"a": b"1"}) != tar_gz({"a": b"2"})


def test_zip_is_deterministic():
    a = zip_bytes({"x.json": b"{}", "a.json": b"[]"})
    assert a == zip_bytes({"a.json": b"[]", "x.json": b"{}"})
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert zf.namelist() == ["a.json", "x.json"]
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert zf.read("x.json") == b"{}"
