"""`igkit packages install`: put every package the IG needs into the FHIR package cache."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from igkit.errors import IgkitError
from igkit.packages.cache import PackageCache
from igkit.packages.lock import LockFile
from igkit.packages.sources import Fetched, Sources
from igkit.packages.spec import PackageRef, Requirement


@dataclass
class InstallReport:
    installed: list[tuple[PackageRef, str]] = field(default_factory=list)  # ref, origin
    present: list[PackageRef] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # optional id, reason
    lock_written: bool = False


def _resolve_optional(req: Requirement, sources: Sources, cache: PackageCache) -> PackageRef | None:
    cached = cache.versions(req.ref.id)
    if cached:
        return PackageRef(req.ref.id, cached[-1])
    latest = sources.resolve_latest(req.ref.id)
    return PackageRef(req.ref.id, latest) if latest else None


def install(
    requirements: list[Requirement],
    sources: Sources,
    cache: PackageCache,
    lock_path: Path,
    log: Callable[[str], None] = lambda _m: None,
) -> InstallReport:
    """Verify everything first, then install: a lock mismatch anywhere installs nothing."""
    report = InstallReport()
    lock = LockFile.read(lock_path)
    to_install: list[Fetched] = []
    new_entries: dict[PackageRef, str] = {}

    for req in requirements:
        ref = req.ref
        if req.optional:
            resolved = _resolve_optional(req, sources, cache)
            if resolved is None:
                report.skipped.append((ref.id, "no source has it (SUSHI builds without it)"))
                continue
            ref = resolved
        locked = lock.entries.get(ref)
        if cache.has(ref) and (req.optional or (locked and cache.recorded_sha(ref) == locked)):
            report.present.append(ref)
            continue
        try:
            fetched = sources.fetch(ref)
        except IgkitError as exc:
            if req.optional:
                report.skipped.append((ref.id, str(exc)))
                continue
            if cache.has(ref) and locked is None:
                report.present.append(ref)  # installed by another tool; nothing to verify it against
                log(f"note: {ref} is in the cache but no source has its tarball to lock it")
                continue
            raise
        if not req.optional and lock.check(ref, fetched.sha256, fetched.origin):
            new_entries[ref] = fetched.sha256
        if cache.has(ref) and cache.recorded_sha(ref) in (None, fetched.sha256):
            report.present.append(ref)
            if cache.recorded_sha(ref) is None:
                cache.record_sha(ref, fetched.sha256)
            continue
        to_install.append(fetched)

    for fetched in to_install:
        cache.install(fetched.ref, fetched.data, fetched.sha256, fetched.origin)
        report.installed.append((fetched.ref, fetched.origin))
        log(f"installed {fetched.ref} from {fetched.origin}")
    if new_entries:
        lock.entries.update(new_entries)
        lock.write()
        report.lock_written = True
    return report
