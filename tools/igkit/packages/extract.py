"""Safe, atomic extraction of FHIR package tarballs.

Only regular files and folders are written. Absolute paths, `..`, symbolic and hard links,
devices and FIFOs are refused, as are archives that unpack to more than `max_bytes` or hold
more than `max_members` entries. Files go to a temporary folder beside the destination and
the folder is renamed into place only when everything was read: a corrupt or truncated
tarball leaves the destination as it was.
"""

from __future__ import annotations

import io
import posixpath
import tarfile
import zlib
from pathlib import Path

from igkit.errors import IgkitError
from igkit.fsutil import atomic_directory

MAX_BYTES = 2 * 1024**3  # 2 GiB unpacked (hl7.fhir.r4.core is ~ 80 MB)
MAX_MEMBERS = 100_000


class UnsafeArchive(IgkitError):
    pass


def _safe_name(name: str, archive: str) -> str:
    clean = name.replace("\\", "/")
    if clean.startswith("/") or (len(clean) > 1 and clean[1] == ":"):
        raise UnsafeArchive(
            f"{archive}: entry '{name}' has an absolute path; refusing to unpack this archive."
        )
    parts = [p for p in clean.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise UnsafeArchive(
            f"{archive}: entry '{name}' climbs out of the package with '..'; refusing to unpack it."
        )
    return posixpath.join(*parts) if parts else ""


def check_members(
    tar: tarfile.TarFile, archive: str, max_bytes: int, max_members: int
) -> list[tarfile.TarInfo]:
    members = []
    total = 0
    for count, m in enumerate(tar, start=1):
        if count > max_members:
            raise UnsafeArchive(f"{archive}: more than {max_members} entries; refusing to unpack it.")
        if m.issym() or m.islnk():
            raise UnsafeArchive(
                f"{archive}: entry '{m.name}' is a link ({'symbolic' if m.issym() else 'hard'}); "
                "FHIR packages hold only files and folders, so this archive is refused."
            )
        if not (m.isfile() or m.isdir()):
            raise UnsafeArchive(
                f"{archive}: entry '{m.name}' is a device, FIFO or other special file; refusing it."
            )
        _safe_name(m.name, archive)
        total += m.size if m.isfile() else 0
        if total > max_bytes:
            raise UnsafeArchive(
                f"{archive}: unpacks to more than {max_bytes // 1024**2} MiB; refusing it "
                "(a package that large is most likely a decompression bomb)."
            )
        members.append(m)
    return members


def extract_package(
    data: bytes,
    dest: Path,
    archive: str = "package",
    *,
    max_bytes: int = MAX_BYTES,
    max_members: int = MAX_MEMBERS,
) -> None:
    """Unpack the gzipped tarball `data` so that `dest` holds its `package/` folder."""
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            members = check_members(tar, archive, max_bytes, max_members)
            with atomic_directory(dest) as tmp:
                for m in members:
                    rel = _safe_name(m.name, archive)
                    if not rel:
                        continue
                    target = tmp / rel
                    if m.isdir():
                        target.mkdir(parents=True, exist_ok=True)
                        continue
                    target.parent.mkdir(parents=True, exist_ok=True)
                    src = tar.extractfile(m)
                    if src is None:
                        raise UnsafeArchive(f"{archive}: entry '{m.name}' cannot be read.")
                    target.write_bytes(src.read())
                if not (tmp / "package" / "package.json").is_file():
                    raise IgkitError(f"{archive}: not a FHIR package (it has no package/package.json).")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, (tarfile.TarError, EOFError)) and exc.errno:
            raise
        raise IgkitError(
            f"{archive}: the tarball is corrupt or truncated ({exc.__class__.__name__}: {exc}). "
            "Nothing was installed; replace the file (or remove it from the mirror to fetch it from the registry) and run again."
        ) from None
