"""A test plugin: trouble while articles are read (READ_FAULT), for
xcfl_speed/reading.py.

READ_FAULT=warning: every article whose title starts with 警告 logs a warning,
in whichever process reads it. READ_FAULT=child-kill / child-exception: the
reading child dies (SIGKILL) or raises at the fifth article it reads; the
parent reads the same files without trouble.
"""

import logging
import os
import signal

from pelican import signals

logger = logging.getLogger(__name__)
_parent = []
_seen = [0]


def remember_parent(pelican):
    _parent[:] = [os.getpid()]
    _seen[0] = 0


def article_made(content):
    fault = os.environ.get("READ_FAULT", "")
    if fault == "warning" and getattr(content, "title", "").startswith("警告"):
        logger.warning("read_fault: a warning about %s", content.title)
    if not fault.startswith("child-") or not _parent or os.getpid() == _parent[0]:
        return
    _seen[0] += 1
    if _seen[0] == 5:
        if fault == "child-kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise ValueError("read_fault: a failure in the reading child")


def register():
    signals.initialized.connect(remember_parent)
    signals.content_object_init.connect(article_made)
