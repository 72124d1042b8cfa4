"""The progress line: silent for short builds, then at most every few seconds."""

import io
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "plugins"))

from xcfl_speed.progress import EVERY, FIRST, Progress  # noqa: E402


def test_quiet_at_first_then_at_most_every_few_seconds():
    now = [0.0]
    out = io.StringIO()
    progress = Progress(stream=out, clock=lambda: now[0])
    progress.total = 10000
    for second in range(int(FIRST + 2 * EVERY) + 1):
        now[0] = float(second)
        progress.article_read()
    lines = out.getvalue().splitlines()
    assert lines[0] == f"正在生成：已读取 {int(FIRST) + 1}/10000 篇文章…"
    assert len(lines) == 3
