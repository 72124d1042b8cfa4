"""tools/system-packages.sh: `make test` names each missing system tool and how to
install it, and stops before pytest; `install` is a no-op when nothing is missing.

A tool is made missing for real: the script runs with a PATH holding every
program of this machine's PATH except that one.
"""

import os
import subprocess
import time
from contextlib import contextmanager

import pytest

from helpers import ROOT
from workflow_runner import checkout

SCRIPT = os.path.join(ROOT, "tools", "system-packages.sh")
INSTALL_HINT = "Install them with: sudo tools/system-packages.sh install"


@pytest.fixture(scope="module")
def programs(tmp_path_factory):
    """One folder with links to every program on PATH (the first of each name)."""
    folder = tmp_path_factory.mktemp("programs")
    linked = set()
    for directory in os.environ["PATH"].split(os.pathsep):
        if os.path.isdir(directory):
            for name in set(os.listdir(directory)) - linked:
                os.symlink(os.path.join(directory, name), folder / name)
                linked.add(name)
    return folder


@contextmanager
def path_without(programs, missing):
    """A one-folder PATH with every program of PATH but `missing` (hidden meanwhile)."""
    hidden = programs.parent / (programs.name + "-hidden")
    hidden.mkdir(exist_ok=True)
    moved = [name for name in missing if os.path.lexists(programs / name)]
    for name in moved:
        (programs / name).rename(hidden / name)
    try:
        yield str(programs)
    finally:
        for name in moved:
            (hidden / name).rename(programs / name)


def run(command, programs, missing=(), cwd=ROOT, **env):
    environment = {"HOME": str(programs.parent), "LANG": "C.UTF-8", **env}
    if "CHROMIUM" in os.environ and "CHROMIUM" not in env:
        environment["CHROMIUM"] = os.environ["CHROMIUM"]
    with path_without(programs, missing) as path:
        return subprocess.run(command, cwd=cwd, env=dict(environment, PATH=path),
                              capture_output=True, text=True, timeout=120)


def no_fonts(tmp_path):
    """A fontconfig configuration with no font folders: fc-list finds nothing."""
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n')
    return str(config)


def test_check_passes_when_everything_is_installed(programs, tmp_path):
    result = run([SCRIPT, "check"], programs)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("tool, line", [
    ("zbarimg", "  zbarimg (package zbar-tools): decodes the articles' QR codes in tests/test_qr_codes.py"),
    ("rsync", "  rsync (package rsync): make deploy uploads with it"),
    ("npm", "  npm (package npm): make test installs axe-core, for the accessibility tests, with npm ci"),
    ("fc-list", "  fc-list (package fontconfig): finds the CJK fonts"),
])
def test_check_names_a_missing_tool_and_its_package(programs, tmp_path, tool, line):
    result = run([SCRIPT, "check"], programs, missing=[tool])
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "make test needs system tools that are missing:"
    assert line in lines
    assert lines[-1].startswith(INSTALL_HINT)


def test_check_names_missing_cjk_fonts(programs, tmp_path):
    result = run([SCRIPT, "check"], programs, FONTCONFIG_FILE=no_fonts(tmp_path))
    assert result.returncode == 1
    assert ("  CJK fonts (package fonts-noto-cjk): fc-list :lang=zh finds none; "
            "the layout and screenshot tests need real Chinese text widths") in result.stdout.splitlines()


def test_check_names_a_browser_that_is_not_there(programs, tmp_path):
    result = run([SCRIPT, "check"], programs, CHROMIUM=str(tmp_path / "no-such-chromium"))
    assert result.returncode == 1
    assert (f"  CHROMIUM={tmp_path}/no-such-chromium: no such browser: point CHROMIUM at an installed "
            "Chromium or Chrome, or unset it for /usr/bin/chromium") in result.stdout.splitlines()


def test_check_names_every_missing_tool_at_once(programs, tmp_path):
    result = run([SCRIPT, "check"], programs, missing=["zbarimg", "rsync", "npm"],
                 FONTCONFIG_FILE=no_fonts(tmp_path))
    named = [line.split(" (package")[0].strip() for line in result.stdout.splitlines()[1:-1]]
    assert named == ["rsync", "zbarimg", "npm", "CJK fonts"]


def test_make_test_stops_before_pytest_and_says_what_to_install(programs, tmp_path):
    # in a copy, so that a broken check cannot reach the shared .venv and node_modules
    workspace = checkout(str(tmp_path / "workspace"))
    result = run(["make", "test", "PYTEST_ARGS=--version"], programs, missing=["zbarimg"], cwd=workspace)
    assert result.returncode != 0
    assert result.stdout.startswith("make test needs system tools that are missing:\n  zbarimg (package zbar-tools)")
    assert INSTALL_HINT in result.stdout
    assert "pytest" not in result.stdout + result.stderr  # neither run nor shown as about to run


def test_install_does_nothing_when_everything_is_installed(programs, tmp_path):
    # without apt-get and sudo on PATH: the script may not even try them
    start = time.monotonic()
    result = run([SCRIPT, "install"], programs, missing=["apt-get", "sudo"])
    assert (result.returncode, result.stdout) == (0, "System packages: all present, nothing to install.\n")
    assert time.monotonic() - start < 10  # a no-op: measured ~0.05 s


def test_install_without_apt_get_names_the_packages_to_install(programs, tmp_path):
    result = run([SCRIPT, "install"], programs, missing=["apt-get", "zbarimg"])
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "No apt-get on this machine: install these packages with its package manager:",
        "  zbarimg (package zbar-tools): decodes the articles' QR codes in tests/test_qr_codes.py"]
