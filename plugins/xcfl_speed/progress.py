"""A progress line on stderr for builds that take more than a few seconds.

Quiet for short builds (tests, small sites): the first line comes only after
FIRST seconds, then at most one every EVERY seconds.
"""

import sys
import time

FIRST = 5.0
EVERY = 5.0


class Progress:
    def __init__(self, stream=None, clock=time.monotonic):
        self.stream, self.clock = stream, clock
        self.start()

    def start(self):
        self.started = self.clock()
        self.last = self.started + FIRST - EVERY
        self.read = self.total = self.written = 0

    def _say(self, text):
        now = self.clock()
        if now - self.last >= EVERY and now - self.started >= FIRST:
            self.last = now
            stream = self.stream or sys.stderr
            stream.write(f"正在生成：{text}\n")
            stream.flush()

    def article_read(self):
        self.read += 1
        self._say(f"已读取 {self.read}/{self.total} 篇文章…")

    def page_written(self):
        self.written += 1
        self._say(f"已写出 {self.written} 个页面…")
