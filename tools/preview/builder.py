"""One build per request, into a staging folder; the served folder is replaced
only by a complete, successful build.

Each build runs in a fresh process, so nothing of one build (plugin state,
caches in memory) survives into the next. The processes are forked from a
multiprocessing "forkserver" that has imported Pelican and the libraries once
and never builds: a build starts ~0.4 s sooner than in a new interpreter (the
imports). Our plugins are not preloaded, so a saved plugin takes effect.
"""

import codecs
import glob
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time

from build import exchange  # tools/build.py: the atomic swap make html uses too

ECHO_SECONDS = 0.2  # how often a running build's new messages are passed on
# Imported once by the fork server; never the project's plugins (they are watched).
PRELOAD = ["pelican", "pelican.settings", "pelican.log", "markdown", "jinja2", "pydantic",
           "yaml", "bs4", "segno", "feedgenerator"]


def start_fork_server():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def output_name(address):
    """The output file a tab's address is served from ("news/" -> news/index.html)."""
    name = address.lstrip("/")
    return name + "index.html" if name.endswith("/") or not name else name


def run_build(context, content, output, settings_file, echo, first=((), None)):
    """Build the site into `output` in a new process: (exit status, messages it
    printed). The messages are passed to echo() as they come (progress, warnings,
    problems), so the terminal shows what `make html` would. first: (addresses,
    on_written): the build writes the pages of these addresses first, and
    on_written({address: file}) is called once they are written."""
    addresses, on_written = first
    names = {output_name(address): address for address in addresses}
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    messages = []
    with tempfile.NamedTemporaryFile(prefix="xcfl-preview-", suffix=".log") as log, \
            tempfile.NamedTemporaryFile("rb", prefix="xcfl-preview-", suffix=".first") as written:
        override = {"XCFL_RENDER_FIRST": {"pages": sorted(names), "written": written.name}}
        child = context.Process(target=build_in_child,
                                args=(content, output, settings_file, log.name, override))
        child.start()
        while True:
            child.join(ECHO_SECONDS)
            finished = child.exitcode is not None
            text = decoder.decode(log.read(), final=finished)
            if text:
                messages.append(text)
                echo(text)
            if finished:
                return child.exitcode, "".join(messages)
            lines = written.read().split(b"\n")  # "name<TAB>file" lines
            written.seek(written.tell() - len(lines[-1]))  # a line not yet whole: again
            pages = dict(os.fsdecode(line).split("\t") for line in lines[:-1])
            if pages:
                on_written({names[name]: path for name, path in pages.items() if name in names})


def build_in_child(content, output, settings_file, log_path, override=None):
    """The child's whole life: stderr into the log file (what `make html` would
    print), tools/build.py's build(), then exit at once (no freeing object by object)."""
    log = os.open(log_path, os.O_WRONLY | os.O_TRUNC)
    os.dup2(log, 2)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # Pelican's "Done: Processed …"
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import build as build_tool

    # The command's garbage-collector tuning (tools/build.py), where it has one.
    getattr(build_tool, "tune_collector", lambda: None)()
    status = build_tool.build(content, output, settings_file, "errors", override)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def swap_in(new, target):
    """Put the folder `new` at `target`; returns the folder now holding the old site
    (to delete), or None. A request never finds `target` missing where renameat2 exists."""
    if not os.path.exists(target):
        os.rename(new, target)
        return None
    if exchange(new, target):
        return new
    old = new + ".old"
    os.rename(target, old)
    os.rename(new, target)
    return old


class Builder:
    """Runs builds one after another in its own thread; a request made while a
    build runs (saves during a build) is served by one more build after it."""

    def __init__(self, content, output, settings_file, state, echo, report):
        self.content = content
        self.output = os.path.abspath(output)
        self.settings_file = settings_file
        self.state = state
        self.echo = echo  # called with what a build prints, as it prints it
        self.report = report  # called with (status, seconds) after each build
        self._wanted = threading.Event()
        self._context = None

    def request(self):
        self._wanted.set()

    def start(self):
        remove_leftovers(self.output)
        self._context = start_fork_server()
        threading.Thread(target=self._loop, name="builder", daemon=True).start()

    def _loop(self):
        while True:
            self._wanted.wait()
            self._wanted.clear()
            self.build_once()

    def build_once(self):
        parent = os.path.dirname(self.output)
        os.makedirs(parent, exist_ok=True)
        # Beside the output, on the same file system, so the swap is one rename.
        staging = tempfile.mkdtemp(prefix=staging_prefix(self.output), dir=parent)
        started = time.monotonic()
        status, messages = run_build(self._context, self.content, staging, self.settings_file,
                                     self.echo, (self.state.open_tabs(), self.state.early))
        if status != 0 and not messages.strip():
            messages = (f"生成中断，没有任何提示（退出码 {status}）。"
                        "请再保存一次；仍然这样请联系维护人员。\n")
            self.echo(messages)
        seconds = time.monotonic() - started
        if status == 0:
            os.chmod(staging, 0o755)
            old = swap_in(staging, self.output)  # the previous site, or None
        else:
            old = staging  # a failed build's half-written folder
        self.state.finished(None if status == 0 else messages)
        self.report(status, seconds)
        if old:
            # In the background: deleting a 2,000-article site took 1-11 s, and a
            # save made meanwhile waited for it before its build started.
            threading.Thread(target=shutil.rmtree, args=(old, True), name="delete",
                             daemon=True).start()


def staging_prefix(output):
    return f".{os.path.basename(output)}.preview-"


def remove_leftovers(output):
    """Staging folders a stopped `make serve` left beside the output."""
    pattern = os.path.join(os.path.dirname(output), glob.escape(staging_prefix(output)) + "*")
    for folder in glob.glob(pattern):
        shutil.rmtree(folder, ignore_errors=True)
