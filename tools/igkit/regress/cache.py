"""The incremental cache: validation results keyed by what they depend on.

Key of one result = sha256(engine version, hash of every IG conformance resource, the list of
example names, the instance's bytes). Editing one example re-validates only that example;
editing a profile, a value set or the validator re-validates everything. The file carries a
checksum of its entries: a cache that cannot be read, has another format or does not match
its checksum is discarded and rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from igkit.fsutil import atomic_write_text
from igkit.regress.model import Issue

CACHE_FORMAT = 1
CACHE_FILE = "regress-cache.json"


def sha256(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _checksum(entries: dict) -> str:
    return sha256(json.dumps(entries, sort_keys=True, separators=(",", ":")))


@dataclass
class ResultCache:
    path: Path
    entries: dict[str, list[dict]] = field(default_factory=dict)
    note: str = ""  # why an existing cache was discarded
    used: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, state_dir: Path) -> ResultCache:
        cache = cls(state_dir / CACHE_FILE)
        if not cache.path.exists():
            return cache
        try:
            doc = json.loads(cache.path.read_text(encoding="utf-8"))
            entries = doc["entries"]
            if doc.get("format") != CACHE_FORMAT:
                raise ValueError("other format")
            if doc.get("checksum") != _checksum(entries):
                raise ValueError("checksum mismatch")
            for key, issues in entries.items():
                if not isinstance(key, str) or not isinstance(issues, list):
                    raise TypeError("bad entry")
                for i in issues:
                    Issue.from_json(i)  # every entry must load
            cache.entries = entries
        except (OSError, ValueError, KeyError, TypeError) as exc:
            cache.note = f"the cache {cache.path.name} could not be used ({exc}); it is rebuilt"
        return cache

    def get(self, key: str) -> list[Issue] | None:
        found = self.entries.get(key)
        if found is None:
            return None
        self.used.add(key)
        return [Issue.from_json(i) for i in found]

    def put(self, key: str, issues: list[Issue]) -> None:
        self.entries[key] = [i.to_json() for i in issues]
        self.used.add(key)

    def save(self) -> None:
        """Keep only the entries this run used (the cache never grows without bound)."""
        kept = {k: self.entries[k] for k in sorted(self.used) if k in self.entries}
        doc = {"format": CACHE_FORMAT, "checksum": _checksum(kept), "entries": kept}
        atomic_write_text(self.path, json.dumps(doc, sort_keys=True, indent=1) + "\n")
