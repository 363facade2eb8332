"""Where package tarballs come from: local mirror folders first, then the FHIR package registry.

A mirror folder holds tarballs named `<id>-<version>.tgz` (as the registry serves them; the
`<id>#<version>.tgz` spelling is accepted too). The registry is asked over HTTPS with
timeouts: packages.fhir.org, then packages2.fhir.org (`IGKIT_REGISTRY` replaces the list,
comma-separated).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from igkit.errors import IgkitError
from igkit.packages.spec import PackageRef

DEFAULT_REGISTRIES = ("https://packages.fhir.org", "https://packages2.fhir.org/packages")
TIMEOUT = (5, 60)  # connect, read (seconds)
MAX_DOWNLOAD = 512 * 1024**2


@dataclass(frozen=True)
class Fetched:
    ref: PackageRef
    data: bytes
    origin: str  # a file path or URL, for messages

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def mirror_dirs(env: str | None = None) -> list[Path]:
    raw = os.environ.get("IGKIT_PACKAGE_MIRROR", "") if env is None else env
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


def registries(env: str | None = None) -> list[str]:
    raw = os.environ.get("IGKIT_REGISTRY", "") if env is None else env
    urls = [u.strip().rstrip("/") for u in raw.split(",") if u.strip()]
    return urls or list(DEFAULT_REGISTRIES)


_VERSION = re.compile(r"^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$")


def version_key(v: str) -> tuple:
    main, _, pre = v.partition("-")
    nums = tuple(int(x) for x in re.findall(r"\d+", main)[:3])
    return nums + ((1,) if not pre else (0, pre))


class Mirror:
    def __init__(self, folders: Iterable[Path]):
        self.folders = [Path(f) for f in folders]

    def _candidates(self, ref: PackageRef) -> Iterable[Path]:
        for folder in self.folders:
            for name in (f"{ref.id}-{ref.version}.tgz", f"{ref.id}#{ref.version}.tgz"):
                yield folder / name

    def versions(self, pid: str) -> list[str]:
        found = set()
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for p in folder.glob(f"{pid}[-#]*.tgz"):
                v = p.name[len(pid) + 1 : -4]
                if _VERSION.match(v):
                    found.add(v)
        return sorted(found, key=version_key)

    def fetch(self, ref: PackageRef) -> Fetched | None:
        for path in self._candidates(ref):
            if path.is_file():
                return Fetched(ref, path.read_bytes(), str(path))
        return None


class Registry:
    def __init__(self, urls: Iterable[str]):
        self.urls = list(urls)

    def latest(self, pid: str) -> str | None:
        import requests

        for base in self.urls:
            try:
                r = requests.get(f"{base}/{pid}", timeout=TIMEOUT, headers={"Accept": "application/json"})
                if r.ok:
                    v = (r.json().get("dist-tags") or {}).get("latest")
                    if v:
                        return str(v)
            except (requests.RequestException, ValueError):
                continue
        return None

    def fetch(self, ref: PackageRef) -> tuple[Fetched | None, list[str]]:
        """The tarball, or None with the reason each registry gave."""
        import requests

        reasons = []
        for base in self.urls:
            url = f"{base}/{ref.id}/{ref.version}"
            try:
                with requests.get(
                    url, timeout=TIMEOUT, stream=True, headers={"Accept": "application/tar+gzip"}
                ) as r:
                    if r.status_code == 404:
                        reasons.append(f"{url}: not found")
                        continue
                    r.raise_for_status()
                    chunks, size = [], 0
                    for chunk in r.iter_content(1 << 16):
                        size += len(chunk)
                        if size > MAX_DOWNLOAD:
                            raise IgkitError(
                                f"{url}: download larger than {MAX_DOWNLOAD // 1024**2} MiB; refused."
                            )
                        chunks.append(chunk)
                    return Fetched(ref, b"".join(chunks), url), reasons
            except requests.RequestException as exc:
                reasons.append(f"{url}: {exc.__class__.__name__}")
        return None, reasons


class Sources:
    """Mirror first, registry second."""

    def __init__(self, mirror: Mirror, registry: Registry | None):
        self.mirror = mirror
        self.registry = registry

    @classmethod
    def from_environment(cls, offline: bool = False) -> Sources:
        return cls(Mirror(mirror_dirs()), None if offline else Registry(registries()))

    def resolve_latest(self, pid: str) -> str | None:
        versions = self.mirror.versions(pid)
        if versions:
            return versions[-1]
        return self.registry.latest(pid) if self.registry else None

    def fetch(self, ref: PackageRef) -> Fetched:
        got = self.mirror.fetch(ref)
        if got is not None:
            return got
        reasons = [
            f"mirror {', '.join(map(str, self.mirror.folders)) or '(none set)'}: no {ref.id}-{ref.version}.tgz"
        ]
        if self.registry is not None:
            got, why = self.registry.fetch(ref)
            if got is not None:
                return got
            reasons += why
        raise IgkitError(
            f"FHIR package {ref} is not available: " + "; ".join(reasons) + ". "
            "If you are offline, put the tarball in a folder named by IGKIT_PACKAGE_MIRROR "
            "(make sets ../shared/fhir-packages when it exists); otherwise check your network or proxy and run again."
        )
