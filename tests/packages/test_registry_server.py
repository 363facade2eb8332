"""The local registry that answers SUSHI's package look-ups from the cache."""

from __future__ import annotations

import io
import tarfile

import requests

from igkit.packages import PackageCache, PackageRef
from igkit.packages.registry_server import serve_cache

from .helpers import package_tarball


def test_manifest_latest_tarball_and_404(tmp_path):
    cache = PackageCache(tmp_path / "cache")
    for v in ("1.0.0", "1.10.0", "1.2.0"):
        cache.install(PackageRef("example.a", v), package_tarball("example.a", v), "0" * 64, "test")
    with serve_cache(cache, {"fsh-sushi": {"name": "fsh-sushi", "dist-tags": {"latest": "3.21.0"}}}) as url:
        manifest = requests.get(f"{url}/example.a", timeout=5).json()
        assert manifest["dist-tags"]["latest"] == "1.10.0"
        assert sorted(manifest["versions"]) == ["1.0.0", "1.10.0", "1.2.0"]
        tgz = requests.get(manifest["versions"]["1.2.0"]["dist"]["tarball"], timeout=5)
        with tarfile.open(fileobj=io.BytesIO(tgz.content)) as tar:
            names = tar.getnames()
        assert "package/package.json" in names
        assert requests.get(f"{url}/hl7.fhir.uv.tools.r4", timeout=5).status_code == 404
        assert requests.get(f"{url}/fsh-sushi", timeout=5).json()["dist-tags"]["latest"] == "3.21.0"
        assert requests.get(f"{url}/../etc/passwd", timeout=5).status_code == 404
