"""Recorded files in the repository (tests/outcomes/, tests/artifacts/): compare and re-record.

Each record is a small, key-sorted JSON file, so a change shows up as a readable git diff.
Writing happens only with `--update`, and only once the whole run got past reading its input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from igkit.fsutil import atomic_write_text

OUTCOMES_DIR = Path("tests/outcomes")
NEW_RECORD = "no recorded outcome yet"
ARTIFACTS_DIR = Path("tests/artifacts")


def record_text(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@dataclass
class RecordSet:
    """The records of one folder: what is there now, and what this run produced."""

    folder: Path
    recorded: dict[str, Any] = field(default_factory=dict)  # file name -> parsed JSON (None: unreadable)
    current: dict[str, Any] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, folder: Path) -> RecordSet:
        rs = cls(folder)
        if folder.is_dir():
            for p in sorted(folder.glob("*.json")):
                try:
                    rs.recorded[p.name] = json.loads(p.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    rs.recorded[p.name] = None
                    rs.unreadable.add(p.name)
        return rs

    def damaged(self, name: str) -> list[str]:
        """A diff line for a record that exists but cannot be read (a bad merge, a hand edit)."""
        if name in self.unreadable:
            where = f"{self.folder.parent.name}/{self.folder.name}/{name}"
            return [
                f"the recorded file {where} is not valid JSON; re-record it with `igkit test --update` after review"
            ]
        return []

    def stale(self) -> list[str]:
        return sorted(set(self.recorded) - set(self.current))

    def changed(self) -> list[str]:
        return sorted(n for n, d in self.current.items() if self.recorded.get(n, object()) != d)

    def write(self) -> list[str]:
        """Re-record: write changed files, delete stale ones. Returns the names touched."""
        touched: list[str] = []
        for name in self.changed():
            atomic_write_text(self.folder / name, record_text(self.current[name]))
            touched.append(name)
        for name in self.stale():
            (self.folder / name).unlink(missing_ok=True)
            touched.append(name)
        return touched


def outcome_record(
    example_key: str, file: str, profiles: list[str], valid_expected: bool, issues: list[dict]
) -> dict:
    return {
        "example": example_key,
        "file": file,
        "profiles": sorted(profiles),
        "valid_expected": valid_expected,
        "issues": issues,
    }


def _issue_line(i: dict) -> str:
    ident = i.get("invariant") or i.get("message_id") or ""
    line = f" line {i['line']}" if i.get("line") else ""
    eng = "" if i.get("engine", "igkit") == "igkit" else f" ({i['engine']})"
    tag = f" [{ident}]" if ident else ""
    return f"{i.get('severity')} {i.get('location') or '(no location)'}{line}{tag}: {i.get('text', '')}{eng}"


def outcome_diff(old: dict | None, new: dict | None) -> list[str]:
    """Readable difference between two recorded outcomes of one example."""
    if old is None:
        if new is None:
            return []
        return [f"{NEW_RECORD} ({len(new.get('issues', []))} issue(s)); review and run `igkit test --update`"]
    if new is None:
        return [
            "recorded outcome of an example that no longer exists; run `igkit test --update` to remove it"
        ]
    lines: list[str] = []
    for key in ("file", "profiles", "valid_expected"):
        if old.get(key) != new.get(key):
            lines.append(f"{key}: {old.get(key)} -> {new.get(key)}")
    old_lines = [_issue_line(i) for i in old.get("issues", []) if isinstance(i, dict)]
    new_lines = [_issue_line(i) for i in new.get("issues", [])]
    remaining = list(new_lines)
    for line in old_lines:
        if line in remaining:
            remaining.remove(line)
        else:
            lines.append(f"- {line}")
    lines += [f"+ {line}" for line in remaining]
    return lines
