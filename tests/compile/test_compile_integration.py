"""igkit compile end to end on a minimal IG, offline, with the real SUSHI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SUSHI = REPO / "node_modules" / "fsh-sushi" / "dist" / "app.js"
IGKIT = [sys.executable, "-m", "igkit.cli"]

CONFIG = """id: example.minimal
canonical: http://example.org/fhir/minimal
name: MinimalIG
status: draft
version: 0.1.0
fhirVersion: 4.0.1
copyrightYear: 2026+
releaseLabel: ci-build
publisher:
  name: Example
dependencies:
  hl7.terminology.r4: 7.0.1
  hl7.fhir.uv.extensions.r4: 5.2.0
menu:
  Home: index.html
"""

pytestmark = pytest.mark.slow


@pytest.fixture
def minimal_ig(tmp_path, fhir_home):
    if not SUSHI.is_file():
        pytest.skip("SUSHI is not installed (run make setup)")
    ig = tmp_path / "ig"
    (ig / "input" / "fsh").mkdir(parents=True)
    (ig / "sushi-config.yaml").write_text(CONFIG)
    (ig / "sushi-ignoreWarnings.txt").write_text("/hl7\\.fhir\\.uv\\.tools\\.r4#latest/\n")
    (ig / "input" / "fsh" / "profile.fsh").write_text(
        "Profile: MinimalPatient\nParent: Patient\nId: minimal-patient\n* name 1..* MS\n\n"
        'Instance: minimal-example\nInstanceOf: MinimalPatient\n* name.family = "Doe"\n'
    )
    env = dict(os.environ, IGKIT_SUSHI=str(SUSHI), IGKIT_FHIR_HOME=str(fhir_home))
    return ig, env


def _run(cmd, cwd, env, unplugged=False):
    if unplugged:
        # a network namespace with only loopback: the network is unplugged for SUSHI and igkit
        cmd = ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", *cmd]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


def _can_unplug() -> bool:
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode == 0


def test_compiles_minimal_ig_offline(minimal_ig):
    ig, env = minimal_ig
    unplugged = _can_unplug()
    proc = _run(IGKIT + ["compile"], ig, env, unplugged=unplugged)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "SUSHI: 0 error(s), 0 warning(s)" in proc.stdout
    sd = json.loads(
        (ig / "fsh-generated" / "resources" / "StructureDefinition-minimal-patient.json").read_text()
    )
    assert sd["snapshot"]["element"], "snapshots are on"
    assert (ig / "fsh-generated" / "resources" / "Patient-minimal-example.json").is_file()
    assert not list(ig.glob(".sushi-out-*")), "the temporary output folder is gone"


def test_fsh_error_is_reported_with_file_and_line_and_fails(minimal_ig):
    ig, env = minimal_ig
    (ig / "input" / "fsh" / "broken.fsh").write_text("Profile: Broken\nParent: Patient\n* gender 2..1\n")
    proc = _run(IGKIT + ["compile"], ig, env)
    assert proc.returncode == 1
    assert "input/fsh/broken.fsh:3 error The min must be <= max" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_strict_fails_on_warnings(minimal_ig):
    ig, env = minimal_ig
    (ig / "sushi-ignoreWarnings.txt").unlink()
    proc = _run(IGKIT + ["compile", "--strict"], ig, env)
    assert proc.returncode == 1, proc.stdout
    assert "--strict" in proc.stderr


def test_missing_sushi_node_and_package_say_what_to_do(minimal_ig, tmp_path):
    ig, env = minimal_ig
    no_sushi = {k: v for k, v in env.items() if k != "IGKIT_SUSHI"}
    proc = _run(IGKIT + ["compile"], ig, no_sushi)
    assert proc.returncode == 2 and "make setup" in proc.stderr and "Traceback" not in proc.stderr

    no_node = dict(env, IGKIT_NODE="", PATH=str(Path(sys.executable).parent))
    proc = _run(IGKIT + ["compile"], ig, no_node)
    assert proc.returncode == 2 and "Node.js was not found" in proc.stderr

    empty_home = tmp_path / "empty-home"
    empty_home.mkdir()
    proc = _run(IGKIT + ["compile"], ig, dict(env, IGKIT_FHIR_HOME=str(empty_home)))
    assert (
        proc.returncode == 2
        and "igkit packages install" in proc.stderr
        and "hl7.fhir.r4.core#4.0.1" in proc.stderr
    )
