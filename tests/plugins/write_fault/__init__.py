"""A test plugin: makes one of the processes writing pages fail (WRITE_FAULT).

WRITE_FAULT: where-what, where in {child, parent}, what in {exception, kill,
content, exit}. The fault happens at the third article written; with what
digestexception or digestkill, while the processes digest the articles before
writing (parallel.share_digests).
"""

import os
import signal

from pelican import signals

_parent = []
_seen = [0]


class DigestFault:
    """An article value that fails when the process `where` digests it."""
    __slots__ = ("where", "what")

    def __init__(self, where, what):
        self.where, self.what = where, what

    def __repr__(self):
        if self.where == ("parent" if os.getpid() == _parent[0] else "child"):
            if self.what == "digestkill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise ValueError(f"write_fault: a failure in the {self.where} while digesting")
        return "DigestFault()"


def remember_parent(generators):
    _parent[:] = [os.getpid()]
    _seen[0] = 0
    where, _, what = os.environ.get("WRITE_FAULT", "").partition("-")
    if what.startswith("digest"):
        context = next(g.context for g in generators if hasattr(g, "context"))
        for article in context["articles"]:
            article.xcfl_fault = DigestFault(where, what)


def article_written(generator, content=None, **kwargs):
    fault = os.environ.get("WRITE_FAULT", "")
    if not fault or not _parent:
        return
    where, what = fault.split("-")
    if what.startswith("digest"):
        return
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
