"""Pages written by several processes at once (XCFL_WRITE_PROCESSES, default
both cores), each rendering its share.

Pelican calls every generator's generate_output(writer) in turn, then sends
`finalized`. At `all_generators_finalized` (which receives that very list of
generators) two steps are put into it:

- a fork step first: the build forks N-1 child processes. Every process then
  runs the same generate_output calls in the same order (the state they walk is
  the same copy of one read site), and the writer (writer.py) renders and writes
  only the pages whose number in that walk falls to it. Before writing, the
  processes digest the articles and pages for the page keys, each its share, and
  exchange the digests (share_digests);
- a join step just before Pelican's StaticGenerator (the last one): each child
  sends back what the parent needs (its page-cache entries and counts, the
  digest of the walk it saw, the data of `child_done` receivers such as the QR
  codes it made) and exits with os._exit. The parent waits for every child,
  checks they walked the same pages, merges, sends `content_written` for every
  page in the order a serial build would, and goes on alone (static files,
  `finalized`: sitemap, search index, caches).

Any failure fails the whole build: an exception in a child is sent to the parent
and raised there (a ContentError or Pelican's fatal-warning error stays what it
was, so tools/build.py prints it without a traceback); a child killed by a signal
or ending without a result is reported by the parent; an exception in the
parent kills the children and waits for them. Children die with the parent
(PR_SET_PDEATHSIG), so none is left behind.

Small sites are written by one process: below XCFL_WRITE_PARALLEL_FROM pages
(estimated from articles, pages and records) forking costs more than it saves.
Both settings can be overridden by environment variables of the same names.
"""

import ctypes
import gc
import logging
import os
import pickle
import signal
import sys
import time
import traceback

import blinker
from pelican.generators import StaticGenerator

from . import urls

logger = logging.getLogger(__name__)
DEFAULT_PARALLEL_FROM = 300
# What a child sends back besides the pages: receivers return (key, picklable
# data) in the child; the parent sends `child_results` with results={key: [data
# of each child]}.
child_done = blinker.signal("xcfl_speed.child_done")
child_results = blinker.signal("xcfl_speed.child_results")


class WriterProcessFailed(RuntimeError):
    pass


def setting(settings, name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        value = settings.get(name)
    if value in (None, ""):
        return default
    return int(value)


def process_count(settings):
    return max(1, setting(settings, "XCFL_WRITE_PROCESSES", min(2, os.cpu_count() or 1)))


def estimated_pages(context):
    count = len(context.get("articles") or ()) + len(context.get("pages") or ())
    for collection in context.get("xcfl_collections") or ():
        count += len(getattr(collection, "records", ()))
    return count


def plan(generators):
    """all_generators_finalized: put the fork and join steps into the list."""
    if not generators or any(isinstance(g, (ForkStep, JoinStep)) for g in generators):
        return
    settings, context = generators[0].settings, generators[0].context
    count = process_count(settings)
    if count <= 1 or estimated_pages(context) < setting(
            settings, "XCFL_WRITE_PARALLEL_FROM", DEFAULT_PARALLEL_FROM):
        return
    team = Team(count, shared_values(context))
    end = next((i for i, g in enumerate(generators) if isinstance(g, StaticGenerator)),
               len(generators))
    for generator in generators[:end]:
        if hasattr(generator, "generate_output"):
            generator.generate_output = team.guard(generator.generate_output)
    generators.insert(end, JoinStep(team))
    generators.insert(0, ForkStep(team))


def shared_values(context):
    """What nearly every page's key digests: the articles and pages (an
    article's own page, its listings, tags, archives, the home page)."""
    return [*(context.get("articles") or ()), *(context.get("pages") or ())]


class ForkStep:
    def __init__(self, team):
        self.team = team

    def generate_output(self, writer):
        self.team.guard(self.team.fork)(writer)


class JoinStep:
    def __init__(self, team):
        self.team = team

    def generate_output(self, writer):
        self.team.guard(self.team.join)(writer)


class Child:
    def __init__(self, pid, index, pipe, down):
        self.pid, self.index, self.pipe = pid, index, pipe
        self.down = down  # to send it the digests (share_digests)


class Team:
    """The processes writing one build's pages."""

    def __init__(self, count, shared=()):
        self.count = count
        self.shared = shared  # digested once, each process its share (share_digests)
        self.children = []
        self.index = 0  # this process's number: 0 is the parent
        self.pipe = None  # in a child: where its results go

    def guard(self, method):
        def guarded(writer):
            try:
                return method(writer)
            except BaseException as error:
                if self.index:
                    self.child_failed(error)  # does not return
                self.abort()
                raise
        return guarded

    def fork(self, writer):
        if not hasattr(writer, "share"):
            return  # not our writer: write serially
        sys.stdout.flush()
        sys.stderr.flush()
        self.started = time.perf_counter()
        gc.freeze()  # the children share the parent's objects without copying them
        parent = os.getpid()
        for index in range(1, self.count):
            read, write = os.pipe()
            down_read, down_write = os.pipe()  # parent -> child: the digests
            pid = os.fork()
            if pid == 0:
                os.close(read)
                os.close(down_write)
                for child in self.children:
                    child.pipe.close()
                    child.down.close()
                self.children = []
                self.index, self.pipe = index, write
                self.down = os.fdopen(down_read, "rb")
                die_with_parent(parent)
                writer.on_page = None  # the parent shows the progress
                writer.share(index, self.count)
                self.share_digests(writer)
                return
            os.close(write)
            os.close(down_read)
            self.children.append(Child(pid, index, os.fdopen(read, "rb"),
                                       os.fdopen(down_write, "wb")))
        writer.share(0, self.count)
        self.share_digests(writer)

    def share_digests(self, writer):
        """Every process digests its share of the articles and pages and works
        out their addresses, then they exchange the results: each is worked out
        once in the build instead of once in every process (the listings, tags,
        archives and home page of both processes read nearly all of them).
        Before any page is written, so a digest never depends on what was
        rendered first."""
        cache = writer.page_cache
        if not cache.fingerprint or not self.shared:
            return
        found = {"urls": urls.share(self.shared, self.index, self.count),
                 "digests": cache.digester.share(self.shared, self.index, self.count)}
        if self.index:
            send_message(self.pipe, found)
            theirs = receive_message(self.down)
            self.down.close()
            if theirs is None:
                raise WriterProcessFailed("主进程在交换页面摘要时中断，构建失败。")
        else:
            theirs = {"urls": {}, "digests": {}}
            for child in list(self.children):
                result = receive_message(child.pipe)
                if result is None:  # it ended: why (signal, exit code) is raised
                    self.receive(child)
                raise_error_of(child, result)
                for part in theirs:
                    theirs[part].update(result[part])
            everything = {part: {**found[part], **theirs[part]} for part in found}
            for child in self.children:
                send_message(child.down.fileno(), everything)
                child.down.close()
        urls.adopt(theirs["urls"], self.shared)
        cache.digester.adopt(theirs["digests"], self.shared)

    def join(self, writer):
        if self.index:
            cache = writer.page_cache
            self.child_send({
                "walk": (writer.walked, writer.sequence.hexdigest()),
                "pages": cache.new, "hits": cache.hits, "misses": cache.misses,
                "extra": dict(value for _, value in child_done.send(None) if value),
            })
            os._exit(0)
        if not self.children:
            return
        waited = time.perf_counter()
        results = []
        try:
            for child in list(self.children):
                results.append((child, self.receive(child)))
        finally:
            self.abort()
            gc.unfreeze()
        walk = (writer.walked, writer.sequence.hexdigest())
        extra = {}
        for child, result in results:
            if result["walk"] != walk:
                raise WriterProcessFailed(
                    f"写出页面的进程 {child.index} 走过的页面与主进程不同"
                    f"（{result['walk'][0]} 与 {walk[0]} 个），生成器的顺序不确定。")
            writer.page_cache.new.update(result["pages"])
            writer.page_cache.hits += result["hits"]
            writer.page_cache.misses += result["misses"]
            for key, value in result["extra"].items():
                extra.setdefault(key, []).append(value)
        writer.timing = {"writing": round(time.perf_counter() - self.started, 2),
                         "waiting": round(time.perf_counter() - waited, 2)}
        logger.info("xcfl_speed: %d processes wrote %d pages in %.1f s (the parent waited "
                    "%.1f s)", self.count, writer.walked, writer.timing["writing"],
                    writer.timing["waiting"])
        child_results.send(None, results=extra)
        writer.announce()
        writer.share(0, 1)

    def receive(self, child):
        """The child's result; raises what it raised or why it ended."""
        try:
            result = receive_message(child.pipe)
        except Exception:  # noqa: BLE001 - a garbled result: reported below
            result = None
        child.pipe.close()
        _, status = os.waitpid(child.pid, 0)
        self.children = [c for c in self.children if c is not child]
        raise_error_of(child, result)
        if os.WIFSIGNALED(status):
            raise WriterProcessFailed(f"写出页面的进程 {child.index}（pid {child.pid}）"
                                      f"被信号 {os.WTERMSIG(status)} 终止，构建失败。")
        if not isinstance(result, dict) or os.waitstatus_to_exitcode(status) != 0:
            raise WriterProcessFailed(f"写出页面的进程 {child.index}（pid {child.pid}）"
                                      f"没有正常结束（退出码 {os.waitstatus_to_exitcode(status)}），"
                                      "构建失败。")
        return result

    def abort(self):
        """Kill and reap the children still running (the parent failed)."""
        for child in self.children:
            try:
                os.kill(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            child.pipe.close()
            child.down.close()
            os.waitpid(child.pid, 0)
        self.children = []

    def child_send(self, result):
        try:
            send_message(self.pipe, result)  # the digests first, if any: the same framing
        finally:
            sys.stdout.flush()
            sys.stderr.flush()

    def child_failed(self, error):
        try:
            text = "".join(traceback.format_exception(error))
            try:
                pickle.dumps(error)
            except Exception:  # noqa: BLE001 - not picklable: keep its words
                error = WriterProcessFailed(f"{type(error).__name__}: {error}")
            self.child_send({"error": error, "traceback": text})
        finally:
            os._exit(1)


def raise_error_of(child, result):
    """Raise in the parent what a child raised, as it was."""
    if isinstance(result, dict) and "error" in result:
        error = result["error"]
        error.add_note(f"（在写出页面的进程 {child.index} 中）\n{result['traceback']}")
        raise error


def send_message(fd, value):
    """One length-prefixed pickle on a pipe: a child's digests, then its results
    (or its error, whichever comes first) on the same pipe."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    data = len(data).to_bytes(8, "little") + data
    while data:
        data = data[os.write(fd, data):]


def receive_message(pipe):
    """The next length-prefixed pickle on a pipe; None if it ended before one."""
    size = pipe.read(8)
    if len(size) != 8:
        return None
    data = pipe.read(int.from_bytes(size, "little"))
    return pickle.loads(data) if len(data) == int.from_bytes(size, "little") else None


def die_with_parent(parent):
    """Linux: the kernel kills this child when its parent dies (no orphans)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)
