"""A test plugin: makes one of the processes writing pages fail (WRITE_FAULT).

WRITE_FAULT: where-what, where in {child, parent}, what in {exception, kill,
content, exit}. The fault happens at the third article written.
"""

import os
import signal

from pelican import signals

_parent = []
_seen = [0]


def remember_parent(generators):
    _parent[:] = [os.getpid()]
    _seen[0] = 0


def article_written(generator, content=None, **kwargs):
    fault = os.environ.get("WRITE_FAULT", "")
    if not fault or not _parent:
        return
    where, what = fault.split("-")
    here = "parent" if os.getpid() == _parent[0] else "child"
    _seen[0] += 1
    if where != here or _seen[0] != 3:
        return
    if what == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if what == "exit":
        os._exit(3)
    if what == "content":
        from xcfl_problems import ContentError

        raise ContentError("写出时的内容问题（测试）")
    raise ValueError(f"write_fault: a failure in the {here}")


def register():
    signals.all_generators_finalized.connect(remember_parent)
    signals.article_generator_write_article.connect(article_written)
