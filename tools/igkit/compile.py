"""`igkit compile`: run SUSHI (snapshots on, offline) and report its diagnostics compactly.

SUSHI runs with `FPL_REGISTRY` and `npm_config_registry` pointing at a registry served from
the local package cache on 127.0.0.1, so its `#latest` look-ups and its own version check
never touch the network. It writes into a temporary folder; `fsh-generated/` is replaced only
when SUSHI ran to the end.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import click

from igkit.errors import IgkitError
from igkit.fsutil import atomic_directory
from igkit.packages.cache import PackageCache
from igkit.packages.registry_server import serve_cache
from igkit.packages.spec import requirements_from_config
from igkit.project import Project, fhir_home

SUSHI_TIMEOUT = 900  # seconds


@dataclass(frozen=True)
class Diagnostic:
    severity: str  # "error" | "warning"
    message: str
    file: str | None = None
    line: int | None = None
    end_line: int | None = None

    def format(self) -> str:
        where = self.file or "sushi"
        if self.line:
            where += f":{self.line}"
        return f"{where} {self.severity} {self.message}"


@dataclass
class SushiResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    returncode: int = 0
    log: str = ""
    regenerated: list[str] = field(default_factory=list)  # generated sources rewritten first

    def counts_line(self) -> str:
        return f"{self.errors} error(s), {self.warnings} warning(s)"


_START = re.compile(r"^(error|warn)\s+(.*)$")
_FILE = re.compile(r"^\s+File:\s+(.*?)\s*$")
_LINE = re.compile(r"^\s+Line:\s+(\d+)(?:\s*-\s*(\d+))?\s*$")
_TOTALS = re.compile(r"(\d+)\s+Errors?\s+(\d+)\s+Warnings?")


def parse_sushi_log(text: str, root: Path | None = None) -> SushiResult:
    """Turn SUSHI's console log into diagnostics (file paths relative to `root` when inside it)."""
    result = SushiResult(log=text)
    current: dict | None = None

    def flush() -> None:
        nonlocal current
        if current:
            result.diagnostics.append(Diagnostic(**current))
        current = None

    for raw in text.splitlines():
        line = raw.rstrip()
        m = _START.match(line)
        if m:
            flush()
            current = {
                "severity": "error" if m.group(1) == "error" else "warning",
                "message": m.group(2).strip(),
            }
            continue
        if current is not None:
            fm, lm = _FILE.match(line), _LINE.match(line)
            if fm:
                current["file"] = _relative(fm.group(1), root)
                continue
            if lm:
                current["line"] = int(lm.group(1))
                current["end_line"] = int(lm.group(2)) if lm.group(2) else None
                continue
            if line.startswith("  ") and not line.strip().startswith(("|", "=")) and line.strip():
                current["message"] += " " + line.strip()  # wrapped message text
                continue
            flush()
        t = _TOTALS.search(line)
        if t:
            result.errors, result.warnings = int(t.group(1)), int(t.group(2))
    flush()
    if not _TOTALS.search(text):  # SUSHI stopped before its summary: count what it said
        result.errors = sum(d.severity == "error" for d in result.diagnostics)
        result.warnings = sum(d.severity == "warning" for d in result.diagnostics)
    return result


def _relative(path: str, root: Path | None) -> str:
    if root is None:
        return path
    p = Path(path)
    for base in (root.resolve(), root):
        try:
            return str(p.resolve().relative_to(base))
        except ValueError:
            continue
    return path


def find_node() -> str:
    for candidate in (os.environ.get("IGKIT_NODE"), shutil.which("node"), shutil.which("nodejs")):
        if candidate and Path(candidate).exists():
            return candidate
    raise IgkitError(
        "Node.js was not found (SUSHI, the FSH compiler, runs on Node 18 or newer). Install it "
        "(Debian: apt-get install nodejs npm), or set IGKIT_NODE to the node executable, then run `make setup`."
    )


def find_sushi(root: Path) -> Path:
    env = os.environ.get("IGKIT_SUSHI")
    candidates = [Path(env)] if env else []
    candidates.append(root / "node_modules" / "fsh-sushi" / "dist" / "app.js")
    for c in candidates:
        if c.is_file():
            return c
    raise IgkitError(
        f"SUSHI is not installed in {root / 'node_modules'}. Run `make setup` (it runs `npm ci` with the pinned "
        "package-lock.json), or set IGKIT_SUSHI to SUSHI's dist/app.js."
    )


def sushi_version(app_js: Path) -> str:
    import json

    manifest = app_js.parent.parent / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8")).get("version", ""))
    except (OSError, ValueError):
        return ""


def check_packages(project: Project, cache: PackageCache) -> None:
    missing = [
        str(r.ref)
        for r in requirements_from_config(project.config(), str(project.config_path))
        if not r.optional and not cache.has(r.ref)
    ]
    if missing:
        raise IgkitError(
            f"FHIR package(s) {', '.join(missing)} are not in the package cache {cache.root}. "
            "Run `make setup` (or `igkit packages install`; offline, set IGKIT_PACKAGE_MIRROR to a folder of tarballs)."
        )


def regenerate_sources(project: Project) -> list[str]:
    """Sources made from other sources, brought up to date before SUSHI runs.

    The LAN examples in input/examples are the output of `igkit lan` on the worksheets in
    input/lan, so the example and the tool cannot drift apart.
    """
    if not (project.root / "input" / "lan" / "examples.yaml").is_file():
        return []
    from igkit.lan.examples import regenerate

    return regenerate(project.root)


def run_sushi(project: Project, *, snapshot: bool = True, timeout: int = SUSHI_TIMEOUT) -> SushiResult:
    node, app = find_node(), find_sushi(project.root)
    cache = PackageCache()
    check_packages(project, cache)
    regenerated = regenerate_sources(project)
    version = sushi_version(app)
    npm_manifest = {
        "fsh-sushi": {
            "name": "fsh-sushi",
            "dist-tags": {"latest": version},
            "versions": {version: {"name": "fsh-sushi", "version": version}},
        }
    }
    with (
        serve_cache(cache, npm_manifest) as registry,
        tempfile.TemporaryDirectory(prefix=".sushi-out-", dir=project.root) as out,
    ):
        env = dict(os.environ)
        env.update(
            {
                "FPL_REGISTRY": registry,
                "npm_config_registry": registry + "/",
                "HOME": str(fhir_home()),
                "npm_config_update_notifier": "false",
                "FORCE_COLOR": "0",
                "NO_COLOR": "1",
            }
        )
        env["PATH"] = os.pathsep.join([str(Path(node).parent), env.get("PATH", "")])
        cmd = [node, str(app), "build", str(project.root), "--out", out] + (
            ["--snapshot"] if snapshot else []
        )
        try:
            proc = subprocess.run(
                cmd,
                cwd=project.root,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise IgkitError(
                f"SUSHI did not finish within {timeout} s; fsh-generated/ was left as it was."
            ) from None
        result = parse_sushi_log(proc.stdout + "\n" + proc.stderr, project.root)
        result.returncode = proc.returncode
        result.regenerated = regenerated
        produced = Path(out) / "fsh-generated"
        if produced.is_dir():
            with atomic_directory(project.root / "fsh-generated") as tmp:
                for item in produced.iterdir():
                    os.replace(item, tmp / item.name)
        elif result.errors == 0:
            raise IgkitError("SUSHI ended without writing fsh-generated/:\n" + result.log[-2000:])
    return result


@click.command("compile")
@click.option("--strict", is_flag=True, help="Fail on SUSHI warnings too.")
@click.option(
    "--no-snapshot", is_flag=True, help="Skip snapshot generation (faster, for quick syntax checks)."
)
@click.option("--log", "show_log", is_flag=True, help="Print SUSHI's whole log.")
def compile_cmd(strict: bool, no_snapshot: bool, show_log: bool) -> None:
    """Compile the FSH in fsh/ with SUSHI into fsh-generated/."""
    project = Project.locate()
    result = run_sushi(project, snapshot=not no_snapshot)
    for change in result.regenerated:
        click.echo(change)
    if show_log:
        click.echo(result.log)
    for d in result.diagnostics:
        click.echo(d.format(), err=d.severity == "error")
    click.echo(f"SUSHI: {result.counts_line()} -> {project.root / 'fsh-generated'}")
    if result.errors or (strict and result.warnings):
        raise IgkitError(
            f"compile failed: {result.counts_line()}"
            + (" (--strict counts warnings)" if strict and not result.errors else ""),
            exit_code=1,
        )
