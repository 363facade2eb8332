"""Running the validator over the examples, and reading what it says.

The validator is used through its CLI contract (`igkit validate FILE... --output OUT.json
--format json`, run in the project folder): one file gives an OperationOutcome, several a
Bundle of OperationOutcomes. Files are validated in batches (one process per batch, `jobs`
batches at a time); results are cached (see `igkit.regress.cache`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from igkit.errors import IgkitError
from igkit.regress.model import Issue, invariant_key_of

EXT_LINE = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line"
EXT_COL = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col"
EXT_MESSAGE_IDS = (
    "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
    "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-message-id",
)
EXT_FILE_HINT = "file"  # igkit validate: .../operationoutcome-file on each OperationOutcome of a Bundle
VALIDATE_TIMEOUT = 1800  # seconds per batch
EXTRA_DEFINITIONS = ("input/resources",)  # `igkit validate` loads fsh-generated/resources itself

# A validator: (project root, relative file names) -> {file: issues}.
ValidateFn = Callable[[Path, Sequence[str]], dict[str, list[Issue]]]


@dataclass(frozen=True)
class Engine:
    name: str  # "igkit" or "java"
    validate: ValidateFn
    version: str  # part of the cache key


def _ext(extensions: list, url: str) -> object:
    for ext in extensions or []:
        if isinstance(ext, dict) and ext.get("url") == url:
            for key, value in ext.items():
                if key.startswith("value"):
                    return value
    return None


def _clean_text(text: str, root: Path) -> str:
    """Drop absolute paths of the project (they differ between machines)."""
    for base in sorted({str(root.resolve()), str(root)}, key=len, reverse=True):  # longest first
        text = text.replace(base + os.sep, "").replace(base, ".")
    return re.sub(r"\s+", " ", text).strip()


def _is_all_ok(raw: dict, text: str, message_id: str) -> bool:
    """The placeholder issue validators write when there is nothing to say."""
    return raw.get("severity") == "information" and not message_id and str(text).strip() == "All OK"


def issues_from_outcome(outcome: dict, root: Path, engine: str) -> list[Issue]:
    issues: list[Issue] = []
    for raw in outcome.get("issue", []) or []:
        if not isinstance(raw, dict):
            continue
        ext = raw.get("extension", [])
        text = (raw.get("details") or {}).get("text") or raw.get("diagnostics") or ""
        message_id = str(next((v for v in (_ext(ext, u) for u in EXT_MESSAGE_IDS) if v), "") or "")
        if _is_all_ok(raw, text, message_id):
            continue
        exprs = raw.get("expression") or raw.get("location") or [""]
        location = str(exprs[0]) if exprs else ""
        line, col = _ext(ext, EXT_LINE), _ext(ext, EXT_COL)
        issues.append(
            Issue(
                severity=str(raw.get("severity", "error")),
                code=str(raw.get("code", "")),
                location=location,
                text=_clean_text(str(text), root),
                message_id=message_id,
                invariant=invariant_key_of(message_id, str(text)),
                line=line if isinstance(line, int) else 0,
                col=col if isinstance(col, int) else 0,
                engine=engine,
            )
        )
    issues.sort(key=Issue.sort_key)
    return issues


def _entry_file(entry: dict, root: Path) -> str:
    """The file one Bundle entry is about: from fullUrl or a source/file extension."""
    candidates: list[str] = []
    if isinstance(entry.get("fullUrl"), str):
        candidates.append(entry["fullUrl"])
    resource = entry.get("resource") or {}
    for ext in resource.get("extension", []) or []:
        if isinstance(ext, dict) and str(ext.get("url", "")).lower().endswith(EXT_FILE_HINT):
            candidates += [str(v) for k, v in ext.items() if k.startswith("value")]
    for c in candidates:
        path = unquote(urlparse(c).path) if c.startswith("file:") else c
        p = Path(path)
        if p.is_absolute():
            try:
                return str(p.resolve().relative_to(root.resolve()))
            except ValueError:
                continue
        return str(p)
    return ""


def split_output(doc: dict, files: Sequence[str], root: Path, engine: str) -> dict[str, list[Issue]]:
    """Map the validator's output (OperationOutcome or Bundle) to issues per input file."""
    if doc.get("resourceType") == "OperationOutcome":
        if len(files) != 1:
            raise IgkitError(
                f"the validator returned one OperationOutcome for {len(files)} files", exit_code=1
            )
        return {files[0]: issues_from_outcome(doc, root, engine)}
    if doc.get("resourceType") != "Bundle":
        raise IgkitError("the validator's output is neither an OperationOutcome nor a Bundle", exit_code=1)
    entries = [e for e in doc.get("entry", []) or [] if isinstance(e, dict)]
    wanted = {str(Path(f)): f for f in files}
    out: dict[str, list[Issue]] = {}
    unnamed: list[dict] = []
    for entry in entries:
        name = _entry_file(entry, root)
        match = wanted.get(str(Path(name))) if name else None
        if match is None and name:
            match = next((f for f in files if name.endswith(f) or f.endswith(name)), None)
        if match is None:
            unnamed.append(entry)
        else:
            out[match] = issues_from_outcome(entry.get("resource") or {}, root, engine)
    if unnamed and len(entries) == len(files):  # fall back on order
        out = {f: issues_from_outcome(e.get("resource") or {}, root, engine) for f, e in zip(files, entries)}
    missing = [f for f in files if f not in out]
    if missing:
        raise IgkitError(f"the validator's Bundle has no outcome for {', '.join(missing[:5])}", exit_code=1)
    return out


def definition_loads(root: Path, engine: str) -> list[str]:
    """What `--load` must add: predefined conformance resources; for the HL7 validator also the
    compiled IG and its dependencies (id#version), which the native engine finds by itself."""
    loads: list[str] = []
    if engine != "igkit":
        from igkit.project import Project

        try:
            deps = Project(root).config().get("dependencies") or {}
        except IgkitError:
            deps = {}
        for pkg, ver in sorted(deps.items()):
            version = ver.get("version") if isinstance(ver, dict) else ver
            if version:
                loads.append(f"{pkg}#{version}")
        loads.append("fsh-generated/resources")
    loads += [folder for folder in EXTRA_DEFINITIONS if (root / folder).is_dir()]
    return [load for load in loads if "#" in load or (root / load).exists()]


def cli_validator(engine: str = "igkit", python: str = sys.executable) -> ValidateFn:
    """Run `igkit validate` in a subprocess (engine "java" adds `--engine java`)."""

    def run(root: Path, files: Sequence[str]) -> dict[str, list[Issue]]:
        with tempfile.TemporaryDirectory(prefix="igkit-test-") as tmp:
            out = Path(tmp) / "out.json"
            cmd = [python, "-m", "igkit.cli", "validate", *files, "--output", str(out), "--format", "json"]
            cmd += [arg for load in definition_loads(root, engine) for arg in ("--load", load)]
            if engine != "igkit":
                cmd += ["--engine", engine]
            try:
                proc = subprocess.run(
                    cmd,
                    check=False,
                    cwd=root,
                    capture_output=True,
                    text=True,
                    timeout=VALIDATE_TIMEOUT,
                    stdin=subprocess.DEVNULL,
                )
            except subprocess.TimeoutExpired:
                raise IgkitError(
                    f"igkit validate ({engine}) did not finish within {VALIDATE_TIMEOUT} s.", exit_code=1
                ) from None
            if proc.returncode not in (0, 1) or not out.is_file():
                detail = (proc.stderr or proc.stdout).strip()[-1500:]
                raise IgkitError(
                    f"igkit validate ({engine}) failed (exit {proc.returncode}) on "
                    f"{len(files)} file(s):\n{detail}",
                    exit_code=1,
                )
            try:
                doc = json.loads(out.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise IgkitError(
                    f"igkit validate ({engine}) wrote output that is not JSON: {exc}", exit_code=1
                ) from None
        return split_output(doc, files, root, engine)

    return run


def run_batches(engine: Engine, root: Path, files: Sequence[str], jobs: int) -> dict[str, list[Issue]]:
    """Validate `files` in up to `jobs` parallel batches."""
    if not files:
        return {}
    jobs = max(1, min(jobs, len(files)))
    batches = [list(files[i::jobs]) for i in range(jobs)]
    results: dict[str, list[Issue]] = {}
    if jobs == 1:
        return engine.validate(root, batches[0])
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for part in pool.map(lambda b: engine.validate(root, b), batches):
            results.update(part)
    return results


def _source_hash(package_dir: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    for p in sorted(package_dir.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".json", ".txt") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(package_dir)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def igkit_engine() -> Engine:
    import igkit

    folder = Path(igkit.__file__).parent / "validate"
    version = f"igkit-{_source_hash(folder) if folder.is_dir() else 'none'}"
    return Engine("igkit", cli_validator("igkit"), version)


def java_engine() -> Engine | None:
    jar = os.environ.get("IGKIT_VALIDATOR_JAR")
    if not jar:
        return None
    path = Path(jar)
    stamp = f"{path.stat().st_size}-{int(path.stat().st_mtime)}" if path.is_file() else "missing"
    return Engine("java", cli_validator("java"), f"java-{path.name}-{stamp}")


def default_engines() -> list[Engine]:
    engines = [igkit_engine()]
    java = java_engine()
    if java is not None:
        engines.append(java)
    return engines
