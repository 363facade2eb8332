"""The lock file `fhir-packages.lock`: one line per package, `id version sha256`.

Written once (new packages are appended), verified on every install. A tarball whose hash
differs from the locked one is an error and nothing is installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from igkit.errors import IgkitError
from igkit.fsutil import atomic_write_text
from igkit.packages.spec import PackageRef

HEADER = "# FHIR packages this IG was built with: id version sha256 (written by `igkit packages install`).\n"


@dataclass
class LockFile:
    path: Path
    entries: dict[PackageRef, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> LockFile:
        lock = cls(Path(path))
        if not lock.path.exists():
            return lock
        for lineno, line in enumerate(lock.path.read_text(encoding="utf-8").splitlines(), start=1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            parts = text.split()
            if len(parts) != 3 or len(parts[2]) != 64:
                raise IgkitError(
                    f"{lock.path}:{lineno}: expected 'id version sha256', found '{text}'. "
                    "Fix the line or delete the lock file to re-create it."
                )
            lock.entries[PackageRef(parts[0], parts[1])] = parts[2].lower()
        return lock

    def check(self, ref: PackageRef, sha256: str, origin: str) -> bool:
        """True when the hash is new to the lock; raises on a mismatch."""
        locked = self.entries.get(ref)
        if locked is None:
            return True
        if locked != sha256:
            raise IgkitError(
                f"{origin}: sha256 {sha256} does not match {locked} recorded for {ref} in {self.path}. "
                "The tarball changed since the lock was written (a re-published or tampered package). Nothing was "
                "installed. If the new content is intended, delete that line from the lock file and run again."
            )
        return False

    def write(self) -> None:
        lines = [f"{r.id} {r.version} {h}\n" for r, h in sorted(self.entries.items())]
        atomic_write_text(self.path, HEADER + "".join(lines))
