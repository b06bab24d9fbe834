"""The test tools that are not Python packages, installed on first use: Chromium and npm checkers."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-gpu"]


def _as_root(command: list[str]) -> list[str]:
    return command if os.geteuid() == 0 or not shutil.which("sudo") else ["sudo", *command]


def ensure_chromium() -> Path:
    """Debian's Chromium, installed with apt-get when missing (never a downloaded browser build)."""
    if not CHROMIUM.exists():
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(_as_root(["apt-get", "update", "-qq"]), check=True, env=env)
        subprocess.run(_as_root(["apt-get", "install", "-y", "-qq", "chromium"]), check=True, env=env)
    return CHROMIUM


def ensure_node_tools() -> None:
    """vnu-jar and axe-core from the npm registry, pinned by package-lock.json."""
    if not (VNU_JAR.exists() and AXE_JS.exists()):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=ROOT, check=True)


if __name__ == "__main__":  # `make test` runs this once, before pytest starts its parallel workers
    print(f"Chromium: {ensure_chromium()}")
    ensure_node_tools()
