"""Articles read by two processes (plugins/xcfl_speed/reading.py): the same
site as one process reads, every problem and warning reported once and by the
parent, and a reading child that fails costs time, never an article."""

import os
import re
import subprocess
import sys
import textwrap

import pytest
from helpers import PUBLISHCONF, ROOT, article, write
from test_parallel_write import PARALLEL, fault_settings, sample_content  # noqa: F401 (a fixture)
from test_publish import digest_tree


def settings_with_read_fault(tmp_path, base):
    return fault_settings(tmp_path, "read_fault", base)


def build_in_process(content, output, settings, env):
    """One build in a fresh interpreter: its exit status, reading's counts and
    what it printed (problems on stderr, Pelican's log on stdout)."""
    code = textwrap.dedent(f"""
        import os, sys
        sys.path[:0] = [{os.path.join(ROOT, 'tools')!r}, {os.path.join(ROOT, 'plugins')!r}]
        import build
        from xcfl_speed import reading
        status = build.build({content!r}, {output!r}, {settings!r})
        with open("/proc/self/task/%d/children" % os.getpid()) as handle:
            assert handle.read().split() == [], "a child was left behind"
        print("READING", status, reading.last_run)
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env=dict(os.environ, **env))
    assert result.returncode == 0, result.stdout + result.stderr
    status, counts = re.search(r"READING (\d+) (\{.*\})", result.stdout).groups()
    return int(status), eval(counts), result


@pytest.mark.parametrize("fault", ["", "child-kill", "child-exception"])
def test_two_reading_processes_build_the_same_site(sample_content, tmp_path, fault):
    """Also when the reading child dies or raises part way: the parent reads
    the files it did not send."""
    settings = settings_with_read_fault(tmp_path, "publishconf")
    trees = []
    for processes in ("1", "2"):
        output = str(tmp_path / f"site-{processes}")
        env = dict(PARALLEL, XCFL_WRITE_PROCESSES=processes, READ_FAULT=fault,
                   XCFL_CACHE_PATH=str(tmp_path / f"cache-{processes}"))
        status, counts, printed = build_in_process(sample_content, output, settings, env)
        assert status == 0, printed.stderr
        if processes == "1":
            assert counts == {"read_in_child": 0, "read_again": 0}
        elif fault == "child-kill":  # killed before it sent anything: all read again
            assert counts["read_again"] > 10 and counts["read_in_child"] == 0, counts
        else:
            # The media sample warns about an empty alt: read again when the
            # child had it; with child-exception one more file.
            least = 1 if fault else 0
            assert least <= counts["read_again"] <= least + 1, counts
            assert counts["read_in_child"] > 10, counts
        trees.append(digest_tree(output))
    assert trees[0] == trees[1]


def broken_articles(content):
    """Twelve articles with problems (spread over both processes' shares),
    of every kind the reader reports."""
    folder = os.path.join(content, "articles", "broken")
    for number in range(3):
        write(os.path.join(folder, f"2024-03-{number + 1:02d}-no-title.md"),
              f"Date: 2024-03-{number + 1:02d}\nCategory: 工作动态\n\n正文。\n")
        write(os.path.join(folder, f"2024-04-{number + 1:02d}-script.md"),
              article(f"脚本{number}", f"2024-04-{number + 1:02d}",
                      body="<script>alert(1)</script>"))
        write(os.path.join(folder, f"2024-05-{number + 1:02d}-phone.md"),
              article(f"电话{number}", f"2024-05-{number + 1:02d}", body="联系电话 13812345678。"))
        with open(os.path.join(folder, f"2024-06-{number + 1:02d}-latin1.md"), "wb") as handle:
            handle.write(article(f"编码{number}", f"2024-06-{number + 1:02d}").encode("gbk"))


def test_problems_in_files_the_child_read_are_reported_as_by_one_process(
        sample_content, tmp_path):
    content = str(tmp_path / "content")
    subprocess.run(["cp", "-r", sample_content, content], check=True)
    broken_articles(content)
    reports = []
    for processes in ("1", "2"):
        env = dict(PARALLEL, XCFL_WRITE_PROCESSES=processes,
                   XCFL_CACHE_PATH=str(tmp_path / f"cache-{processes}"))
        status, counts, printed = build_in_process(
            content, str(tmp_path / f"site-{processes}"), PUBLISHCONF, env)
        assert status == 1
        if processes == "2":
            assert counts["read_again"] > 0, counts  # the parent read those again
        reports.append(printed.stderr)
    assert reports[0] == reports[1]
    assert reports[1].count("articles/broken/") == 12, reports[1]
    assert not os.path.exists(tmp_path / "site-2")


def test_a_warning_while_the_child_reads_is_logged_once_by_the_parent(
        sample_content, tmp_path):
    content = str(tmp_path / "content")
    subprocess.run(["cp", "-r", sample_content, content], check=True)
    for number in range(1, 13):
        write(os.path.join(content, "articles", "warn", f"2024-07-{number:02d}-w.md"),
              article(f"警告{number}号", f"2024-07-{number:02d}", Slug=f"warn-{number}"))
    settings = settings_with_read_fault(tmp_path, "pelicanconf")
    env = dict(PARALLEL, READ_FAULT="warning", XCFL_CACHE_PATH=str(tmp_path / "cache"))
    status, counts, printed = build_in_process(content, str(tmp_path / "site"), settings, env)
    assert status == 0, printed.stderr
    assert counts["read_again"] > 0, counts
    for number in range(1, 13):
        assert printed.stdout.count(f"a warning about 警告{number}号") == 1, printed.stdout
