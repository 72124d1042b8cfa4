"""xcfl_render (pages rendered by forked processes) writes what Pelican's own
serial writer writes, logs what it logs, in the same order, and fails as it fails.

XCFL_RENDER_PROCESSES = 1 is Pelican's Writer untouched; 3 processes (more than
this machine's cores) split the pages three ways.
"""

import os
import re

from helpers import CONTENT, PELICANCONF, PUBLISHCONF, ROOT, files, run_tool, write

SERIAL, PARALLEL = {"XCFL_RENDER_PROCESSES": "1"}, {"XCFL_RENDER_PROCESSES": "3"}


def tree(folder):
    result = {}
    for relative in files(folder):
        with open(os.path.join(folder, relative), "rb") as handle:
            result[relative] = handle.read()
    return result


def built(tmp_path, name, settings, env):
    output = str(tmp_path / name)
    result = run_tool("publish.py" if settings == PUBLISHCONF else "build.py",
                      CONTENT, output, "-s", settings,
                      env={**env, "XCFL_CACHE_PATH": str(tmp_path / f"cache-{name}")})
    assert result.returncode == 0, result.stdout + result.stderr
    return tree(output)


def test_every_byte_equals_the_serial_build(tmp_path):
    for settings in (PELICANCONF, PUBLISHCONF):
        serial = built(tmp_path, "serial", settings, SERIAL)
        parallel = built(tmp_path, "parallel", settings, PARALLEL)
        assert sorted(parallel) == sorted(serial)
        differing = [name for name in serial if parallel[name] != serial[name]]
        assert differing == []
        assert not any(b"xcfl-render" in data for data in parallel.values())


def with_fault(tmp_path, fault, settings_file="publishconf.py"):
    path = str(tmp_path / f"fault_{fault}.py")
    write(path, f"""import sys
sys.path.insert(0, {ROOT!r})
from {settings_file[:-3]} import *  # noqa: F403
PLUGIN_PATHS = PLUGIN_PATHS + [{os.path.join(ROOT, "tests", "plugins")!r}]  # noqa: F405
PLUGINS = PLUGINS + ["render_fault"]  # noqa: F405
RENDER_FAULT = {fault!r}
RENDER_FAULT_SLUG = "family-day-lecture"
""")
    return path


def faulty(tmp_path, fault, env, name):
    return run_tool("publish.py", CONTENT, str(tmp_path / name), "-s", with_fault(tmp_path, fault),
                    env={**env, "XCFL_CACHE_PATH": str(tmp_path / "cache"), "COLUMNS": "400"})


def logged(result):
    """The addresses of the render_fault warnings, in the order printed."""
    return re.findall(r"render_fault: rendering (\S+)", result.stdout + result.stderr)


def test_warnings_logged_while_rendering_fail_the_publish_in_page_order(tmp_path):
    serial = faulty(tmp_path, "warn", SERIAL, "serial")
    parallel = faulty(tmp_path, "warn", PARALLEL, "parallel")
    assert serial.returncode == parallel.returncode == 1
    assert len(logged(serial)) > 3
    assert logged(parallel) == logged(serial)
    assert "构建失败：上面的警告在发布版本中不允许。" in parallel.stderr


def test_an_error_while_rendering_fails_the_build_with_the_serial_message(tmp_path):
    serial = faulty(tmp_path, "raise", SERIAL, "serial")
    parallel = faulty(tmp_path, "raise", PARALLEL, "parallel")
    assert serial.returncode == parallel.returncode == 1
    last = serial.stderr.strip().splitlines()[-1]
    assert "RenderFault: render_fault:" in last and "cannot be rendered" in last
    assert parallel.stderr.strip().splitlines()[-1] == last
    assert not os.path.exists(tmp_path / "parallel")


def test_the_pages_make_serve_asks_for_first_are_announced_and_the_same(tmp_path):
    # make serve names the pages its open tabs show (XCFL_RENDER_FIRST): they are
    # rendered at once and their files announced; the site is byte for byte the same
    written = tmp_path / "written.txt"
    settings = str(tmp_path / "first.py")
    write(settings, f"""import sys
sys.path.insert(0, {ROOT!r})
from pelicanconf import *  # noqa: F403
XCFL_RENDER_FIRST = {{"pages": ["about/index.html", "news/index.html"], "written": {str(written)!r}}}
""")
    output = str(tmp_path / "first")
    result = run_tool("build.py", CONTENT, output, "-s", settings,
                      env={**PARALLEL, "XCFL_CACHE_PATH": str(tmp_path / "cache-first")})
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line.split("\t") for line in written.read_text(encoding="utf-8").splitlines()]
    assert sorted(name for name, _ in lines) == ["about/index.html", "news/index.html"]
    assert all(path.endswith("/" + name) for name, path in lines)
    assert tree(output) == built(tmp_path, "serial", PELICANCONF, SERIAL)
