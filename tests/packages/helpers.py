"""Build small package tarballs (good and malicious) for the package tests."""

from __future__ import annotations

import io
import json
import tarfile


def make_tarball(entries: list[tarfile.TarInfo | tuple[str, bytes]], gz: bool = True) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz" if gz else "w") as tar:
        for entry in entries:
            if isinstance(entry, tarfile.TarInfo):
                tar.addfile(entry)
            else:
                name, data = entry
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def package_tarball(
    pid: str = "example.pkg", version: str = "1.0.0", extra: dict[str, bytes] | None = None
) -> bytes:
    manifest = json.dumps({"name": pid, "version": version, "fhirVersions": ["4.0.1"]}).encode()
    files = [
        ("package/package.json", manifest),
        ("package/StructureDefinition-x.json", b'{"resourceType":"StructureDefinition","id":"x"}'),
    ]
    files += list((extra or {}).items())
    return make_tarball(files)
