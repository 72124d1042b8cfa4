"""Runs Python command-line scripts as new processes without paying for their
imports each time: this process imports the libraries once (Pelican,
Markdown, Jinja2, pydantic …) and forks a child per command, which runs the
script as `python script.py args` would (`__main__`, sys.argv, sys.path[0],
working folder, environment, output to a log file). A child starts from a
process that has never built anything, so no state of one build reaches
another, exactly as with separate processes.

    python command_server.py [PLUGINS_FOLDER]

With a folder, its packages (the project's plugins) are imported too: Pelican
uses a plugin already in sys.modules instead of importing it again, which
saves about a quarter of a small build. Importing runs no build (register()
is called by each build in its child); a plugin that fails to import is left
for the children to import, and to report, as a fresh process would.

Protocol, one JSON object per line: the client sends
{"id", "argv": [script, args…], "cwd", "env", "stdout", "stderr"} (paths of
files, which may be the same); this process answers {"id", "status"} when that
command has ended, in any order. Several commands may run at once. Its client
is tests/launcher.py.
"""

import json
import os
import runpy
import select
import sys

PRELOAD = [
    "pelican", "pelican.generators", "pelican.readers", "pelican.writers",
    "pelican.settings", "pelican.log", "pelican.contents", "pelican.paginator",
    "pelican.urlwrappers", "pelican.cache", "pelican.plugins._utils",
    "markdown", "markdown.extensions.extra", "markdown.extensions.toc",
    "markdown.extensions.meta", "markdown.extensions.sane_lists",
    "jinja2", "bs4", "pydantic", "yaml", "segno", "feedgenerator",
    # imported by a build when it first needs them (the settings' Markdown extensions)
    "markdown.extensions.abbr", "markdown.extensions.attr_list",
    "markdown.extensions.codehilite", "markdown.extensions.def_list",
    "markdown.extensions.fenced_code", "markdown.extensions.footnotes",
    "markdown.extensions.md_in_html", "markdown.extensions.tables",
]


def preload_plugins(folder):
    """Import every package of `folder`, then take the folder off sys.path again:
    a child's sys.path is a fresh process's."""
    sys.path.insert(0, folder)
    try:
        for name in sorted(os.listdir(folder)):
            if os.path.isfile(os.path.join(folder, name, "__init__.py")):
                try:
                    __import__(name)
                except Exception:  # the children import it again and report why
                    for loaded in [m for m in sys.modules if m.split(".")[0] == name]:
                        del sys.modules[loaded]
    finally:
        sys.path.remove(folder)


def run_child(request):
    """In the forked child: become the command, then exit with its status."""
    status = 1
    try:
        for fd, name in ((1, "stdout"), (2, "stderr")):
            # O_APPEND: where both are one file, neither writes over the other
            opened = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_TRUNC,
                             0o644)
            os.dup2(opened, fd)
            os.close(opened)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        script = request["argv"][0]
        sys.argv = list(request["argv"])
        sys.path[0] = os.path.dirname(os.path.abspath(script))
        try:
            runpy.run_path(script, run_name="__main__")
            status = 0
        except SystemExit as leaving:
            code = leaving.code
            status = code if isinstance(code, int) else (0 if code is None else 1)
    except BaseException:  # the command's own traceback, as Python would print it
        import traceback
        traceback.print_exc()
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def serve(plugins=None):
    for name in PRELOAD:
        __import__(name)
    if plugins:
        preload_plugins(plugins)
    waiting = {}  # pidfd: (pid, request id)
    pending = b""
    while True:
        ready, _, _ = select.select([0, *waiting], [], [])
        for fd in ready:
            if fd == 0:
                data = os.read(0, 65536)
                if not data:
                    return
                pending += data
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    request = json.loads(line)
                    pid = os.fork()
                    if pid == 0:
                        for other in waiting:
                            os.close(other)
                        run_child(request)
                    waiting[os.pidfd_open(pid)] = (pid, request["id"])
            else:
                pid, ident = waiting.pop(fd)
                os.close(fd)
                _, status = os.waitpid(pid, 0)
                answer = {"id": ident, "status": os.waitstatus_to_exitcode(status)}
                os.write(1, (json.dumps(answer) + "\n").encode())


if __name__ == "__main__":
    serve(*sys.argv[1:2])
