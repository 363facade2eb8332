"""The FHIR package cache SUSHI and the IG Publisher read: `<home>/.fhir/packages/<id>#<version>/package/`."""

from __future__ import annotations

import json
from pathlib import Path

from igkit.fsutil import atomic_write_text
from igkit.packages.extract import extract_package
from igkit.packages.spec import PackageRef
from igkit.project import package_cache

MARKER = "igkit.sha256"  # beside package/: the sha256 of the tarball this folder came from


class PackageCache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else package_cache()

    def folder(self, ref: PackageRef) -> Path:
        return self.root / ref.folder_name

    def has(self, ref: PackageRef) -> bool:
        return (self.folder(ref) / "package" / "package.json").is_file()

    def recorded_sha(self, ref: PackageRef) -> str | None:
        marker = self.folder(ref) / MARKER
        return marker.read_text(encoding="ascii").strip() if marker.is_file() else None

    def versions(self, pid: str) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name.split("#", 1)[1] for p in self.root.glob(f"{pid}#*") if (p / "package").is_dir())

    def record_sha(self, ref: PackageRef, sha256: str) -> None:
        atomic_write_text(self.folder(ref) / MARKER, sha256 + "\n")

    def install(self, ref: PackageRef, data: bytes, sha256: str, origin: str) -> Path:
        dest = self.folder(ref)
        extract_package(data, dest, archive=origin)
        self.record_sha(ref, sha256)
        return dest

    def manifest(self, ref: PackageRef) -> dict:
        return json.loads((self.folder(ref) / "package" / "package.json").read_text(encoding="utf-8"))

    def installed(self) -> list[PackageRef]:
        if not self.root.is_dir():
            return []
        refs = []
        for p in sorted(self.root.iterdir()):
            if "#" in p.name and (p / "package" / "package.json").is_file():
                pid, version = p.name.split("#", 1)
                refs.append(PackageRef(pid, version))
        return refs
