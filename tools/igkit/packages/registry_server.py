"""Serve the local FHIR package cache as an NPM-style package registry on 127.0.0.1.

SUSHI's package loader asks a registry for `#latest` of packages it loads by itself
(hl7.fhir.uv.tools.r4 and, unless pinned, hl7.terminology.r4 and hl7.fhir.uv.extensions.r4).
With `FPL_REGISTRY` pointing here those questions are answered from the cache at once, and a
package the cache does not have gets a 404 instead of a network time-out. SUSHI also asks npm
for its own newest version; `npm_config_registry` pointing here answers with the installed one.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tarfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from igkit.packages.cache import PackageCache
from igkit.packages.sources import version_key
from igkit.packages.spec import PackageRef

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _tarball(folder: Path) -> bytes:
    """A tarball of a cached package (only served if a client asks to download it)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for path in sorted((folder / "package").rglob("*")):
            if path.is_file():
                tar.add(path, arcname=str(path.relative_to(folder)), recursive=False)
    return buf.getvalue()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, fmt: str, *args: object) -> None:  # keep SUSHI's output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: dict) -> None:
        self._send(status, json.dumps(data).encode(), "application/json")

    def do_GET(self) -> None:
        parts = [unquote(p) for p in self.path.split("?", 1)[0].strip("/").split("/") if p]
        cache = self.server.cache
        if len(parts) == 1 and parts[0] in self.server.extra_manifests:
            return self._json(200, self.server.extra_manifests[parts[0]])
        if not parts or not _NAME.match(parts[0]):
            return self._json(404, {"error": "not found"})
        name = parts[0]
        versions = sorted(cache.versions(name), key=version_key)
        if not versions:
            return self._json(404, {"error": f"{name} is not in the local package cache"})
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        if len(parts) == 1:
            return self._json(
                200,
                {
                    "name": name,
                    "dist-tags": {"latest": versions[-1]},
                    "versions": {
                        v: {
                            "name": name,
                            "version": v,
                            "dist": {"tarball": f"{base}/{name}/-/{name}-{v}.tgz"},
                        }
                        for v in versions
                    },
                },
            )
        version = parts[-1][len(name) + 1 : -4] if parts[-1].endswith(".tgz") else parts[-1]
        if version in versions:
            return self._send(200, _tarball(cache.folder(PackageRef(name, version))), "application/tar+gzip")
        return self._json(404, {"error": f"{name}#{version} is not in the local package cache"})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    server_address: tuple[str, int]  # bound to an IPv4 (host, port): the socket's getsockname()
    cache: PackageCache
    extra_manifests: dict[str, dict]


@contextlib.contextmanager
def serve_cache(cache: PackageCache, extra_manifests: dict[str, dict] | None = None) -> Iterator[str]:
    """Run the registry for the duration of the `with` block; yields its base URL."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.cache = cache
    server.extra_manifests = dict(extra_manifests or {})
    thread = threading.Thread(target=server.serve_forever, name="igkit-registry", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
