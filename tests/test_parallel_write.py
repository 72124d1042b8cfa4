"""Pages written by two processes (plugins/xcfl_speed/parallel.py): the same
site as one process writes, failures in any process fail the build, and no
process is left behind."""

import glob
import os
import pickle
import re
import subprocess
import sys
import textwrap

import pytest
from helpers import PUBLISHCONF, ROOT, SITEURL, copy_content, run_tool
from test_publish import digest_tree

TESTS = os.path.dirname(os.path.abspath(__file__))
PARALLEL = {"XCFL_WRITE_PARALLEL_FROM": "0", "XCFL_WRITE_PROCESSES": "2", "SITEURL": SITEURL}


@pytest.fixture(scope="module")
def sample_content(tmp_path_factory):
    from pages import make_sample_content

    return make_sample_content(str(tmp_path_factory.mktemp("parallel") / "content"))


def run_in_process(script, env):
    """Run Python code in a fresh interpreter (no test-runner threads); its stdout."""
    code = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{os.path.join(ROOT, 'tools')!r}, {os.path.join(ROOT, 'plugins')!r}]
    """) + textwrap.dedent(script)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env=dict(os.environ, **env))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def child_pids(pid):
    found = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            found |= {int(p) for p in handle.read().split()}
    return found


def processes_mentioning(text):
    """Processes whose command line holds `text` (children share the parent's)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                if text.encode() in handle.read():
                    found.append(int(pid))
        except OSError:
            continue
    return found


def test_one_and_two_write_processes_give_identical_output(sample_content, tmp_path):
    trees = []
    for processes in ("1", "2"):
        output = str(tmp_path / f"site-{processes}")
        env = dict(PARALLEL, XCFL_WRITE_PROCESSES=processes,
                   XCFL_CACHE_PATH=str(tmp_path / f"cache-{processes}"))
        stdout = run_in_process(f"""
            import build
            from xcfl_speed import speed
            assert build.build({sample_content!r}, {output!r}, {PUBLISHCONF!r}) == 0
            print("RUN", speed.last_run)
        """, env)
        assert f"'processes': {processes}" in stdout, stdout
        trees.append(digest_tree(output))
    assert trees[0] == trees[1]
    assert "sitemap.xml" in trees[0] and "feeds/all.atom.xml" in trees[0]
    # The QR codes the child made were sent to the parent and kept for next time.
    articles = {SITEURL + "/" + path.removesuffix("index.html") for path in trees[1]
                if re.fullmatch(r"[a-z]+/\d{4}/[^/]+/index\.html", path)}
    (kept,) = glob.glob(str(tmp_path / "cache-2" / "qr*.pickle"))
    with open(kept, "rb") as handle:
        _, codes = pickle.load(handle)  # (stamp, codes): plugins/xcfl_cache
        assert articles and articles <= {url for url, _ in codes}


def test_cached_rebuilds_in_one_long_lived_process(sample_content, tmp_path):
    """As `make serve`: many builds in one process, two writers each time, pages
    reused from the cache, output equal to a clean build and no child left."""
    output, clean = str(tmp_path / "site"), str(tmp_path / "clean")
    env = dict(PARALLEL, XCFL_CACHE_PATH=str(tmp_path / "cache"))
    stdout = run_in_process(f"""
        import build
        from xcfl_speed import speed
        runs = []
        for _ in range(3):
            assert build.build({sample_content!r}, {output!r}, {PUBLISHCONF!r}) == 0
            runs.append(dict(speed.last_run))
        with open("/proc/self/task/%d/children" % os.getpid()) as handle:
            print("CHILDREN", handle.read().split())
        print("RUNS", runs)
    """, env)
    assert "CHILDREN []" in stdout, stdout
    runs = eval(stdout.split("RUNS ", 1)[1])
    assert all(run["processes"] == 2 for run in runs), runs
    assert runs[0]["reused"] == 0 and runs[0]["rendered"] > 100
    assert runs[2]["rendered"] == 0 and runs[2]["reused"] == runs[0]["rendered"], runs
    env = dict(env, XCFL_CACHE_PATH=str(tmp_path / "fresh-cache"), XCFL_WRITE_PROCESSES="1")
    run_in_process(f"""
        import build
        assert build.build({sample_content!r}, {clean!r}, {PUBLISHCONF!r}) == 0
    """, env)
    assert digest_tree(output) == digest_tree(clean)


def fault_settings(tmp_path, plugin="write_fault", base="publishconf"):
    """A settings file: `base` (publishconf or pelicanconf) plus a test plugin."""
    path = tmp_path / f"{plugin}-{base}.py"
    path.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {ROOT!r})
        from {base} import *
        PLUGIN_PATHS = PLUGIN_PATHS + [{os.path.join(TESTS, 'plugins')!r}]
        PLUGINS = PLUGINS + [{plugin!r}]
    """))
    return str(path)


@pytest.mark.parametrize("fault, message", [
    ("child-exception", "ValueError: write_fault: a failure in the child"),
    ("child-kill", "被信号 9 终止"),
    ("child-exit", "没有正常结束（退出码 3）"),
    ("parent-exception", "ValueError: write_fault: a failure in the parent"),
    ("child-digestexception", "ValueError: write_fault: a failure in the child while digesting"),
    ("child-digestkill", "被信号 9 终止"),
    ("parent-digestexception", "ValueError: write_fault: a failure in the parent while digesting"),
])
def test_a_failing_writer_process_fails_the_publish(fault, message, tmp_path):
    content = copy_content(str(tmp_path / "content"))
    target = str(tmp_path / "site")
    os.makedirs(target)
    with open(os.path.join(target, "index.html"), "w") as handle:
        handle.write("previous site")
    env = dict(PARALLEL, WRITE_FAULT=fault, XCFL_CACHE_PATH=str(tmp_path / "cache"))
    result = run_tool("publish.py", content, target, "-s", fault_settings(tmp_path), env=env)
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
    assert "发布失败" in result.stderr or "Traceback" in result.stderr
    assert os.listdir(target) == ["index.html"]  # the previous output stays
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".publish-")]
    assert processes_mentioning(str(tmp_path)) == []


def test_a_content_error_in_a_child_is_reported_without_traceback(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    env = dict(PARALLEL, WRITE_FAULT="child-content", XCFL_CACHE_PATH=str(tmp_path / "cache"))
    result = run_tool("publish.py", content, str(tmp_path / "site"), "-s",
                      fault_settings(tmp_path), env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert "发布失败" in result.stderr
    assert not os.path.exists(tmp_path / "site")
    assert processes_mentioning(str(tmp_path)) == []


def test_small_sites_are_written_by_one_process(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    env = {"SITEURL": SITEURL, "XCFL_CACHE_PATH": str(tmp_path / "cache")}
    stdout = run_in_process(f"""
        import build
        from xcfl_speed import speed
        assert build.build({content!r}, {str(tmp_path / 'site')!r}, {PUBLISHCONF!r}) == 0
        print("RUN", speed.last_run)
    """, env)
    assert "'processes': 1" in stdout, stdout
