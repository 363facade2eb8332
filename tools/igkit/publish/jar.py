"""Run a real HL7 IG Publisher when IGKIT_PUBLISHER_JAR names one (never downloaded)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from igkit.errors import IgkitError

ENV_VAR = "IGKIT_PUBLISHER_JAR"


def publisher_jar() -> Path | None:
    """The jar named by IGKIT_PUBLISHER_JAR, None when unset; an error when it names no file."""
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return None
    jar = Path(value).expanduser()
    if not jar.is_file():
        raise IgkitError(
            f"{ENV_VAR} is set to {value}, but there is no such file. Point it at an IG Publisher "
            f"publisher.jar you have downloaded, or unset it to use igkit's own publisher."
        )
    return jar


def run_publisher_jar(jar: Path, root: Path) -> int:
    java = shutil.which("java")
    if java is None:
        raise IgkitError(
            f"{ENV_VAR} names {jar}, but no `java` is on the PATH. Install a Java runtime (17 or newer) "
            "or unset the variable to use igkit's own publisher."
        )
    done = subprocess.run([java, "-jar", str(jar), "-ig", "."], cwd=root, check=False)
    if done.returncode != 0:
        raise IgkitError(f"The IG Publisher ({jar}) failed with exit code {done.returncode}; see its log above.",
                         exit_code=1)  # fmt: skip
    return done.returncode
