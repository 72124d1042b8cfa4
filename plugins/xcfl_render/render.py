"""Pages rendered by one process per core, through Pelican's own writer.

Pelican renders and writes every page one after another in `Writer.write_file`.
Here `get_writer` gives a Writer subclass whose write_file hands Pelican's
write_file a stand-in template: its render() keeps the job (the template and
the page's context) and returns a placeholder, which write_file writes and
announces (`content_written`) as usual. The last generator (`Flush`, added
through `get_generators`; Pelican runs it after the others' generate_output and
before StaticGenerator) renders the kept jobs in forked processes, each writing
the real pages over their placeholders.

What stays as in a serial build (tests/test_parallel_render.py compares every
byte with XCFL_RENDER_PROCESSES = 1, which is Pelican's own writer):
- lazy values the templates read (an article's content and summary, memoized by
  Pelican per site URL) are computed here, before forking, in the order a
  serial build computes them, so their warnings are logged once, here;
- what a process logs while rendering is sent back and logged here in the
  order of the pages, so `--fatal warnings` counts it;
- the first page whose rendering fails raises its exception here, as Pelican's
  write_file would have, and what was logged after it is dropped;
- a page whose placeholder another write replaced (Pelican's override rules)
  is not written; RELATIVE_URLS (a site URL per page) renders at once.
make serve names the pages its open tabs show (XCFL_RENDER_FIRST): they are
rendered at once, as Pelican's writer does, and announced before the build ends.
"""

import logging
import os
import pickle
import secrets
import traceback

from jinja2 import FileSystemBytecodeCache
from pelican import signals
from pelican.writers import Writer

from xcfl_cache import fingerprint
from xcfl_cache.workers import count

logger = logging.getLogger(__name__)


class Job:
    def __init__(self, template, context, index):
        self.template, self.context, self.index = template, context, index
        self.path = None  # from content_written


class Deferred:
    """The template write_file gets: render() keeps the job."""

    def __init__(self, writer, template):
        self.writer, self.template = writer, template

    def render(self, context):
        return self.writer.defer(self.template, context)


class RenderingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs = []
        self.flushed = False
        self.token = secrets.token_hex(16)
        signals.content_written.connect(self.note_path)

    def write_file(self, name, template, context, relative_urls=False, *args, **kwargs):
        first = self.settings["XCFL_RENDER_FIRST"]
        if first and name in first["pages"]:  # make serve: the page an open tab shows
            super().write_file(name, template, context, relative_urls, *args, **kwargs)
            with open(first["written"], "a", encoding="utf-8") as written:
                written.write(f"{name}\t{os.path.join(self.output_path, name)}\n")
            return
        if not (self.flushed or relative_urls or self.settings["RELATIVE_URLS"]):
            template = Deferred(self, template)
        super().write_file(name, template, context, relative_urls, *args, **kwargs)

    def defer(self, template, context):
        job = Job(template, context, len(self.jobs))
        self.jobs.append(job)
        return self.placeholder(job)

    def placeholder(self, job):
        return f"<!-- xcfl-render {self.token} {job.index} -->"

    def note_path(self, path, context):
        """content_written of the page just kept: where it went."""
        if self.jobs and self.jobs[-1].context is context and self.jobs[-1].path is None:
            self.jobs[-1].path = path

    def flush(self):
        signals.content_written.disconnect(self.note_path)
        self.flushed = True
        jobs, self.jobs = self.jobs, []
        for job in jobs:  # what a serial build would compute (and warn about) first
            for name in ("article", "page"):
                content = job.context.get(name)
                if content is not None:
                    content.content, content.summary  # noqa: B018 - memoized by Pelican
        processes = min(self.settings["XCFL_RENDER_PROCESSES"] or count(), max(len(jobs), 1))
        children = [fork(jobs[share::processes], self.placeholder)
                    for share in range(processes)]
        replay([collect(*child) for child in children])


def render_share(jobs, placeholder):
    """In a forked process: render and write `jobs`; (the records logged, each
    with its job's index; (index, exception) of the first failure or None)."""
    root = logging.getLogger()
    for handler in root.handlers[:]:
        root.removeHandler(handler)  # this process's records go to the parent only
    collector = Collector()
    root.addHandler(collector)
    for job in jobs:
        collector.index = job.index
        try:
            output = job.template.render(job.context)
        except Exception as error:  # noqa: BLE001 - raised again by the parent
            return collector.records, (job.index, error)
        write_over(job.path, placeholder(job), output)
    return collector.records, None


def write_over(path, placeholder, output):
    """The page, at `path`, only if its placeholder is still what is there."""
    if path is None:
        return
    with open(path, encoding="utf-8") as handle:
        if handle.read() != placeholder:
            return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(output)


class Collector(logging.Handler):
    """Keeps what a render logs: the parent logs it."""

    def __init__(self):
        super().__init__()
        self.index = 0
        self.records = []

    def emit(self, record):
        self.records.append((self.index, record))


def fork(jobs, placeholder):
    reading, writing = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writing)
        return pid, reading
    os.close(reading)
    status = 1
    try:
        records, failure = render_share(jobs, placeholder)
        with os.fdopen(writing, "wb") as pipe:
            pickle.dump((list(map(portable, records)), portable_failure(failure)), pipe)
        status = 0
    finally:
        os._exit(status)  # no exit handlers: they belong to the parent (caches saved twice)


def portable(indexed):
    index, record = indexed
    record.msg, record.args = record.getMessage(), None
    if record.exc_info:
        record.exc_text = "".join(traceback.format_exception(*record.exc_info))
        record.exc_info = None
    return index, record


def portable_failure(failure):
    if failure is None:
        return None
    index, error = failure
    try:
        return index, pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - some exceptions cannot be pickled
        return index, RuntimeError("".join(traceback.format_exception(error)))


def collect(pid, reading):
    with os.fdopen(reading, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status or not data:
        raise RuntimeError(f"a page-rendering process ended with status {status}")
    return pickle.loads(data)


def replay(results):
    """Log every process's records in page order, up to the first failure."""
    failures = [failure for _, failure in results if failure]
    first = min(failures, key=lambda failure: failure[0]) if failures else None
    records = sorted((entry for share, _ in results for entry in share), key=lambda e: e[0])
    for index, record in records:
        if first is None or index < first[0]:
            logging.getLogger(record.name).handle(record)
    if first:
        raise first[1]


class Flush:
    """The last generator before StaticGenerator: renders the kept pages."""

    def __init__(self, context, settings, *args, **kwargs):
        self.context, self.settings = context, settings

    def generate_output(self, writer):
        if isinstance(writer, RenderingWriter):
            writer.flush()


def cache_compiled_templates(generator):
    """generator_init: compiled templates kept in XCFL_CACHE_PATH (each render
    process compiles the partials it includes, ~0.25 s a build). Jinja keys each
    by the template's name and checks its source's SHA-1; the folder is per
    Python and Jinja version."""
    folder = generator.settings["XCFL_CACHE_PATH"]
    if folder and getattr(generator, "env", None) is not None:
        version = fingerprint(libraries=("Jinja2",))[:16]
        folder = os.path.join(folder, f"templates-{version}")
        os.makedirs(folder, exist_ok=True)
        generator.env.bytecode_cache = FileSystemBytecodeCache(folder)


def get_writer(pelican):
    return RenderingWriter if pelican.settings["XCFL_RENDER_PROCESSES"] != 1 else None


def get_generators(pelican):
    return Flush if pelican.settings["XCFL_RENDER_PROCESSES"] != 1 else None


def register():
    signals.get_writer.connect(get_writer)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(cache_compiled_templates)
