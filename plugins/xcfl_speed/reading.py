"""Articles read by two processes at once.

Pelican reads the article files one after another in ArticlesGenerator's
generate_context loop: at 10,000 articles ~3.7 s of one core, with the Markdown
already rendered (xcfl_articles/prerender.py) — headers, Content objects, URLs,
checks. Here, when that loop asks its cache for the first file
(`get_cached_data`, which Pelican's own cache answers only when it is on), the
build forks: of the files not kept from an earlier build (kept.py), the child
reads the last part, the parent the first part, as Pelican always does. The
child sends each Article back (pickled, the site's settings and context as
references to the parent's own); the loop takes it as a cached one and goes on
exactly as for a file it read itself.

The parent alone speaks for the build: a file whose reading in the child logged
a warning or an error, reported a content problem, raised, or gave no valid
Article is sent back as "read it yourself", and the loop reads it in the
parent, where every message is printed and counted as in a serial build (the
child prints nothing). A child that fails or dies leaves its remaining files
to the parent the same way: nothing is ever lost, only time.
"""

import gc
import io
import logging
import os
import pickle
import signal
import threading

from pelican import signals
from pelican.contents import Article

import xcfl_problems
from xcfl_cache import inputs

from .parallel import (DEFAULT_PARALLEL_FROM, die_with_parent, process_count, receive_message,
                       send_message, setting)

CHILD_SHARE = 0.45  # the child reads ~15 % slower (copied pages, pickling); the parent unpickles
BATCH = 250  # articles per message
_running = []  # ReadAhead objects whose child is not reaped yet
last_run = {}  # the last build's counts, for tests: read_in_child, read_again


class ReadAhead:
    """Answers the loop's `get_cached_data` with the articles a child read."""

    def __init__(self, generator, on_article=None, keep=None):
        self.generator = generator
        self.on_article = on_article  # called for each article taken from the child
        self.keep = keep  # called with (path, entry) for each article it read cleanly (kept.py)
        self.theirs = set()  # the child's files
        self.received = {}  # path -> (pickled Article, entry), or None: the parent reads it
        self.pipe = None
        self.pid = None
        self.original = generator.get_cached_data

    def get_cached_data(self, path, default=None):
        if path not in self.theirs:
            return self.original(path, default)
        while path not in self.received and self.pipe:
            self._receive()
        article, entry = self._article(self.received.pop(path, None))
        if article is None:
            last_run["read_again"] += 1
            return self.original(path, default)
        last_run["read_in_child"] += 1
        if self.keep and entry:
            self.keep(path, entry)
        if self.on_article:
            self.on_article()
        return article

    def _article(self, sent):
        """The Article the child sent, and its entry to keep (kept.py)."""
        if sent is None:
            return None, None
        data, entry = sent
        return loads(data, self.generator), entry and (*entry, data)

    def start(self, files):
        """Fork a child to read the last part of `files` (the loop's order)."""
        generator, settings = self.generator, self.generator.settings
        if process_count(settings) < 2 or len(files) < setting(  # same bar as writing
                settings, "XCFL_WRITE_PARALLEL_FROM", DEFAULT_PARALLEL_FROM):
            return
        theirs = files[int(len(files) * (1 - CHILD_SHARE)):]  # the loop's order: last
        read, write = os.pipe()
        parent = os.getpid()
        # Collections walk (and so write to) every object: in the child that
        # copied the parent's whole heap page by page and halved its speed.
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            gc.disable()  # a short life: nothing to collect
            try:
                die_with_parent(parent)
                read_in_child(generator, theirs, write)
            finally:
                os._exit(0)
        os.close(write)
        self.pid, self.theirs = pid, set(theirs)
        # A thread empties the pipe as the child fills it: a full pipe would
        # stop the child until the loop reaches its files. (It waits in read,
        # without the GIL.)
        self.pipe = os.fdopen(read, "rb")
        self.drain = threading.Thread(target=self._drain, daemon=True)
        self.drain.start()
        _running.append(self)

    def _drain(self):
        self.data = self.pipe.read()

    def _receive(self):
        """Everything the child sent, once it is done; then the parent reads
        whatever it did not send."""
        self.drain.join()
        stream = io.BytesIO(self.data)
        self.data = None
        while (message := receive_message(stream)) is not None:
            self.received.update(message)
        self.finish()

    def finish(self):
        """Close the pipe (a child still writing stops) and reap the child."""
        if self.pipe:
            if self.drain.is_alive():  # a build that failed while it was reading
                os.kill(self.pid, signal.SIGKILL)
                self.drain.join()
            self.pipe.close()
            self.pipe = None
        if self.pid:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = None
            gc.unfreeze()
        if self in _running:
            _running.remove(self)


def read_in_child(generator, paths, fd):
    """Read `paths` as Pelican's loop would; send batches of (path, None) or
    (path, (pickled Article, its entry to keep or None))."""
    messages.start(shown=False)  # nothing printed here: the parent reads that file
    batch = []
    for path in paths:
        before = messages.count()
        absolute = os.path.join(generator.path, path)
        state = inputs.stamp_of(absolute)
        try:
            with inputs.recording() as noted:
                article = generator.readers.read_file(
                    base_path=generator.path, path=path, content_class=Article,
                    context=generator.context,
                    preread_signal=signals.article_generator_preread, preread_sender=generator,
                    context_signal=signals.article_generator_context, context_sender=generator)
            clean = isinstance(article, Article) and article.is_valid()
        except Exception:  # noqa: BLE001 - the parent reads it again and says why
            clean = False
        clean = clean and messages.count() == before
        sent = (dumps(article, generator), inputs.kept(absolute, state, noted)) if clean else None
        batch.append((path, sent))
        if len(batch) >= BATCH or path is paths[-1]:
            send_message(fd, batch)
            batch = []


class Messages:
    """Counts the warnings and errors logged, with the content problems
    reported: a reading that changed the count is not clean (the parent reads
    that file itself; kept.py never keeps it, so its message is printed on
    every build)."""

    def __init__(self):
        self.logged = 0
        self.original = None
        self.shown = True  # passed on to the logging handlers

    def start(self, shown=True):
        self.shown = shown
        if self.original is None:
            self.original = original = logging.Logger.handle

            def handle(logger, record):
                if record.levelno >= logging.WARNING:
                    self.logged += 1
                return original(logger, record) if self.shown else None

            logging.Logger.handle = handle

    def stop(self):
        if self.original is not None:
            logging.Logger.handle, self.original = self.original, None

    def count(self):
        return self.logged, xcfl_problems.reported()


messages = Messages()


class _Pickler(pickle.Pickler):
    def __init__(self, file, shared):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.shared = shared

    def persistent_id(self, obj):
        return self.shared.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, shared):
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, pid):
        return self.shared[pid]


def shared_objects(generator):
    """What articles point to that the parent has already: sent by name."""
    return {"settings": generator.settings, "readers": generator.readers.settings,
            "context": generator.context}


def dumps(value, generator):
    by_id = {id(obj): name for name, obj in shared_objects(generator).items()}
    buffer = io.BytesIO()
    _Pickler(buffer, by_id).dump(value)
    return buffer.getvalue()


def loads(data, generator):
    return _Unpickler(io.BytesIO(data), shared_objects(generator)).load()


def finish_all(*args, **kwargs):
    """After the loop (article_generator_pretaxonomy), and before the next
    build's (one that failed never got there): no child is left behind."""
    for reader in list(_running):
        reader.finish()
