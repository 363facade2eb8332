"""Package resolution (mirror before registry), lock verification and atomic installs."""

from __future__ import annotations

import hashlib

import pytest

from igkit.errors import IgkitError
from igkit.packages import Mirror, PackageCache, PackageRef, Registry, Requirement, Sources, install
from igkit.packages.lock import LockFile
from igkit.packages.spec import requirements_from_config

from .fake_registry import FakeRegistry, serve
from .helpers import package_tarball

A = PackageRef("example.a", "1.0.0")
B = PackageRef("example.b", "2.0.0")


@pytest.fixture
def mirror(tmp_path):
    folder = tmp_path / "mirror"
    folder.mkdir()
    (folder / "example.a-1.0.0.tgz").write_bytes(package_tarball("example.a", "1.0.0"))
    return folder


def _reqs(*refs):
    return [Requirement(r) for r in refs]


def test_mirror_is_used_before_the_registry(tmp_path, mirror):
    reg = FakeRegistry(
        {
            ("example.a", "1.0.0"): package_tarball("example.a", "1.0.0", {"package/from-registry": b"x"}),
            ("example.b", "2.0.0"): package_tarball("example.b", "2.0.0"),
        }
    )
    cache = PackageCache(tmp_path / "cache")
    with serve(reg) as url:
        report = install(_reqs(A, B), Sources(Mirror([mirror]), Registry([url])), cache, tmp_path / "lock")
    origins = dict(report.installed)
    assert origins[A].endswith("example.a-1.0.0.tgz")  # from the mirror
    assert origins[B].startswith("http://127.0.0.1")  # only B came from the registry
    assert reg.requests == ["/example.b/2.0.0"]
    assert not (cache.folder(A) / "package" / "from-registry").exists()


def test_registry_is_tried_in_order_and_offline_is_a_clear_error(tmp_path):
    cache = PackageCache(tmp_path / "cache")
    dead = "http://127.0.0.1:9"  # discard port: connection refused at once
    with pytest.raises(IgkitError) as err:
        install(_reqs(B), Sources(Mirror([tmp_path / "none"]), Registry([dead])), cache, tmp_path / "lock")
    text = str(err.value)
    assert "example.b#2.0.0 is not available" in text and "IGKIT_PACKAGE_MIRROR" in text
    assert not cache.root.exists() or list(cache.root.iterdir()) == []


def test_lock_is_written_once_and_then_verified(tmp_path, mirror):
    cache = PackageCache(tmp_path / "cache")
    lock_path = tmp_path / "fhir-packages.lock"
    sources = Sources(Mirror([mirror]), None)
    report = install(_reqs(A), sources, cache, lock_path)
    assert report.lock_written
    sha = hashlib.sha256((mirror / "example.a-1.0.0.tgz").read_bytes()).hexdigest()
    assert LockFile.read(lock_path).entries == {A: sha}
    before = lock_path.read_bytes()
    second = install(_reqs(A), sources, cache, lock_path)
    assert second.present == [A] and not second.installed and not second.lock_written
    assert lock_path.read_bytes() == before


def test_lock_mismatch_installs_nothing(tmp_path, mirror):
    (mirror / "example.b-2.0.0.tgz").write_bytes(package_tarball("example.b", "2.0.0"))
    lock_path = tmp_path / "fhir-packages.lock"
    lock_path.write_text(f"example.a 1.0.0 {'0' * 64}\n")
    cache = PackageCache(tmp_path / "cache")
    with pytest.raises(IgkitError, match="does not match"):
        install(_reqs(B, A), Sources(Mirror([mirror]), None), cache, lock_path)
    assert not cache.has(A) and not cache.has(B)  # B was fine, but nothing is installed
    assert lock_path.read_text() == f"example.a 1.0.0 {'0' * 64}\n"


def test_cached_package_from_a_different_tarball_is_reinstalled(tmp_path, mirror):
    cache = PackageCache(tmp_path / "cache")
    lock_path = tmp_path / "lock"
    install(_reqs(A), Sources(Mirror([mirror]), None), cache, lock_path)
    cache.record_sha(A, "f" * 64)  # the cache holds something else than the lock says
    report = install(_reqs(A), Sources(Mirror([mirror]), None), cache, lock_path)
    assert [r for r, _ in report.installed] == [A]
    assert cache.recorded_sha(A) == LockFile.read(lock_path).entries[A]


def test_optional_package_missing_everywhere_is_skipped(tmp_path, mirror):
    cache = PackageCache(tmp_path / "cache")
    report = install(
        [Requirement(PackageRef("example.tools", "latest"), optional=True)],
        Sources(Mirror([mirror]), None),
        cache,
        tmp_path / "lock",
    )
    assert report.skipped and report.skipped[0][0] == "example.tools"
    assert not (tmp_path / "lock").exists()


def test_corrupt_mirror_tarball_leaves_cache_untouched(tmp_path, mirror):
    (mirror / "example.a-1.0.0.tgz").write_bytes(package_tarball("example.a", "1.0.0")[:100])
    cache = PackageCache(tmp_path / "cache")
    with pytest.raises(IgkitError, match="corrupt or truncated"):
        install(_reqs(A), Sources(Mirror([mirror]), None), cache, tmp_path / "lock")
    assert not cache.has(A)
    assert not (tmp_path / "lock").exists()


def test_requirements_from_config_pins_and_adds_sushi_automatic_packages():
    reqs = requirements_from_config(
        {
            "fhirVersion": "4.0.1",
            "dependencies": {
                "hl7.terminology.r4": "7.0.1",
                "hl7.fhir.uv.extensions.r4": "5.2.0",
                "hl7.fhir.us.core": {"version": "6.1.0"},
            },
        }
    )
    by_id = {r.ref.id: r for r in reqs}
    assert by_id["hl7.fhir.r4.core"].ref.version == "4.0.1"
    assert by_id["hl7.fhir.us.core"].ref.version == "6.1.0"
    assert by_id["hl7.fhir.uv.tools.r4"].optional


@pytest.mark.parametrize("version", ["latest", "current", "6.x", "", "dev"])
def test_unpinned_versions_are_refused(version):
    with pytest.raises(IgkitError, match="pinned"):
        requirements_from_config(
            {
                "dependencies": {
                    "hl7.fhir.us.core": version,
                    "hl7.terminology.r4": "7.0.1",
                    "hl7.fhir.uv.extensions.r4": "5.2.0",
                }
            }
        )


def test_unpinned_automatic_package_must_be_pinned():
    with pytest.raises(IgkitError, match="Pin it"):
        requirements_from_config({"dependencies": {"hl7.fhir.uv.extensions.r4": "5.2.0"}})


def test_real_mirror_matches_the_committed_lock(tmp_path, mirror_dir, repo_root):
    """The project's lock file holds the hashes of the shared mirror's tarballs."""
    lock = LockFile.read(repo_root / "fhir-packages.lock")
    for ref, sha in lock.entries.items():
        tarball = mirror_dir / f"{ref.id}-{ref.version}.tgz"
        assert hashlib.sha256(tarball.read_bytes()).hexdigest() == sha, ref
