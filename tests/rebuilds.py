"""A project built after every edit both ways, and the two results compared:

- kept: `make html` and `make publish` (tools/build.py, tools/publish.py) into
  output folders and one build cache (XCFL_CACHE_PATH) that live across steps;
- clean: the same commands into new output folders with new, empty caches.

Both must exit with the same status, print the same messages (in any order)
and, when they succeed, write the same files (same paths, same bytes). Only the command line is used (content,
output, settings, XCFL_CACHE_PATH), never the caches' insides, so this holds
whatever the cache code becomes.
"""

import difflib
import os
import re
import shutil
import sys

from edits import Editor, Project
from helpers import ROOT, decoded_bytes

COMMANDS = {  # name: (tool, which settings file of the project)
    "html": ("build.py", "pelicanconf"),
    "publish": ("publish.py", "publishconf"),
}


def environment(cache):
    """This environment without variables that change a build, plus the cache."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("XCFL_", "SITEURL"))}
    kept["XCFL_CACHE_PATH"] = cache
    kept["COLUMNS"] = "10000"  # one message a line, whatever the length of its paths
    return kept


def start(launcher, project, command, output, cache, log):
    tool, settings = COMMANDS[command]
    argv = [os.path.join(ROOT, "tools", tool), project.content, output,
            "-s", getattr(project, settings)]
    return launcher.start(argv, environment(cache), log)


def tree(folder):
    """{relative path: bytes} of every file under `folder`."""
    found = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, folder)] = handle.read()
    return found


def text_lines(data):
    """Lines to diff: a minified page is one long line, so split it at tags."""
    text = decoded_bytes(data).decode("utf-8", errors="replace")
    return text.replace("><", ">\n<").splitlines()


def compare_trees(kept, clean, leftovers_ok=False):
    """A report of how two output folders differ, or "" when they are identical
    (leftovers_ok: files only in `kept` do not count)."""
    a, b = tree(kept), tree(clean)
    only_kept = [] if leftovers_ok else sorted(set(a) - set(b))
    only_clean = sorted(set(b) - set(a))
    differing = sorted(p for p in set(a) & set(b) if a[p] != b[p])
    if not (only_kept or only_clean or differing):
        return ""
    lines = []
    for title, paths in (("only in the kept build", only_kept),
                         ("only in the clean build", only_clean),
                         ("different bytes", differing)):
        if paths:
            lines.append(f"  {title} ({len(paths)}): " + ", ".join(paths[:12])
                         + (" …" if len(paths) > 12 else ""))
    for path in differing:
        if path.endswith((".html", ".xml", ".txt", ".css", ".js", ".json", ".gz", ".svg")):
            diff = difflib.unified_diff(text_lines(b[path]), text_lines(a[path]),
                                        f"clean/{path}", f"kept/{path}", n=2, lineterm="")
            lines += ["  " + line for line in list(diff)[:60]]
            break
    return "\n".join(lines)


def messages(log, output, cache):
    """The warnings and errors a build printed (Pelican's log, and our
    `path:line: key: message` lines), sorted, without what differs between two
    equal builds: the output and cache folders, the time, Pelican's source line.
    Progress and summary lines are left out: they depend on timing."""
    found = []
    for line in log.splitlines():
        line = line.replace(output, "OUTPUT").replace(cache, "CACHE")
        line = re.sub(r"^\[\d\d:\d\d:\d\d\]", "", line)
        line = " ".join(re.sub(r"\S+\.py:\d+\s*$", "", line).split())
        if re.match(r"(WARNING|ERROR|CRITICAL)\b|[^\s:]+:\d+: ", line):
            found.append(line)
    return sorted(found)


class Builds:
    """The kept outputs and cache of a project, and its clean builds, under `folder`."""

    def __init__(self, project, folder, launcher, leftovers_ok=False):
        self.project = project
        self.leftovers_ok = leftovers_ok
        self.folder = folder
        self.launcher = launcher
        self.kept = os.path.join(folder, "kept")
        self.cache = os.path.join(self.kept, "cache")
        self.logs = os.path.join(folder, "logs")
        os.makedirs(self.kept, exist_ok=True)
        os.makedirs(self.logs, exist_ok=True)
        self.steps = 0
        self.shared = os.path.join(folder, "clean-shared")  # made by clean builds
        os.makedirs(self.shared, exist_ok=True)
        self.last_settings = None
        self.from_nothing = 0  # steps whose clean builds made every picture

    def log(self, name):
        return os.path.join(self.logs, f"{name}.log")

    def first(self):
        """The unedited content, built into the kept outputs and cache (a cold
        build is a clean build: nothing to compare yet). It must succeed."""
        for command in COMMANDS:
            status = self.launcher.wait(start(
                self.launcher, self.project, command, os.path.join(self.kept, command),
                self.cache, self.log(f"kept-{command}")))
            if status != 0:
                raise RuntimeError(f"the sample content does not build with make {command}:\n"
                                   + read_log(self.log(f"kept-{command}")))

    def settings_bytes(self):
        """The settings files: what made pictures depend on besides the code and
        the picture's own bytes (the images cache's key)."""
        return b"\0".join(read_bytes(path) for path in
                           (self.project.pelicanconf, self.project.publishconf))

    def check(self):
        """Build both ways; returns (the clean builds failed, report of divergences or "")."""
        self.steps += 1
        clean_root = os.path.join(self.folder, f"clean-{self.steps}")
        # Making the sample's phone photos, and compiling the templates, are
        # most of a clean build's time. The clean builds start with the pictures
        # and compiled templates earlier clean builds made (never the kept
        # cache's): a picture replaced by an edit has other bytes, so it is made
        # afresh anyway, and Jinja compiles a template whose source changed.
        # Every tenth step, and every step that changed a setting, is clean from
        # nothing: the clean `make html` makes all of them, and the clean
        # `make publish` starts after it with those, so a kept picture or
        # template that went wrong is still compared with one made afresh.
        settings = self.settings_bytes()
        from_nothing = self.steps % 10 == 0 or settings != self.last_settings
        self.from_nothing += from_nothing
        self.last_settings = settings
        caches = {command: os.path.join(clean_root, f"cache-{command}") for command in COMMANDS}
        if not from_nothing:
            for cache in caches.values():
                link_tree(self.shared, cache)

        def start_clean(command):
            return start(self.launcher, self.project, command, os.path.join(clean_root, command),
                         caches[command], self.log(f"clean-{command}"))

        clean = {"html": start_clean("html")}
        if not from_nothing:
            clean["publish"] = start_clean("publish")
        kept = {}
        # Which command runs first alternates: each must cope with what the
        # other left in the shared cache.
        order = list(COMMANDS) if self.steps % 2 else list(reversed(COMMANDS))
        for command in order:
            kept[command] = self.launcher.wait(start(
                self.launcher, self.project, command, os.path.join(self.kept, command),
                self.cache, self.log(f"kept-{command}")))
        statuses = {}
        if from_nothing:
            statuses["html"] = self.launcher.wait(clean["html"])
            share(caches["html"], caches["publish"])
            clean["publish"] = start_clean("publish")
        report = []
        failed = False
        for command in COMMANDS:
            status = statuses[command] if command in statuses else \
                self.launcher.wait(clean[command])
            failed = failed or status != 0
            kept_log = read_log(self.log(f"kept-{command}"))
            clean_log = read_log(self.log(f"clean-{command}"))
            if kept[command] != status:
                report.append(f"make {command}: exit status {kept[command]} with the caches, "
                              f"{status} clean\n--- kept:\n{kept_log}\n--- clean:\n{clean_log}")
                continue
            told = difflib.unified_diff(
                messages(clean_log, os.path.join(clean_root, command),
                         os.path.join(clean_root, f"cache-{command}")),
                messages(kept_log, os.path.join(self.kept, command), self.cache),
                "clean", "kept", n=0, lineterm="")
            told = list(told)
            if told:
                report.append(f"make {command}: the messages differ from a clean build's\n"
                              + "\n".join("  " + line for line in told[:40]))
            if status == 0:
                differences = compare_trees(os.path.join(self.kept, command),
                                            os.path.join(clean_root, command),
                                            self.leftovers_ok and command == "html")
                if differences:
                    report.append(f"make {command}: the output differs from a clean build\n"
                                  + differences)
        for cache in caches.values():
            share(cache, self.shared)
        shutil.rmtree(clean_root)
        return failed, "\n".join(report)


def read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def share(cache, destination):
    """Hard-link the made pictures and compiled templates of a clean build's
    `cache` into `destination` (a compiled template replaces the one of the same
    name: its source may have changed)."""
    if os.path.isdir(cache):
        for name in os.listdir(cache):
            if name == "images" or name.startswith("templates-"):
                link_tree(os.path.join(cache, name), os.path.join(destination, name),
                          replace=name != "images")


def link_tree(source, destination, replace=False):
    """Hard-link every file of `source` not yet in `destination`, or every file
    with `replace` (made pictures keep their file state, which their cache trusts)."""
    for parent, _, names in os.walk(source):
        target = os.path.join(destination, os.path.relpath(parent, source))
        os.makedirs(target, exist_ok=True)
        for name in names:
            path = os.path.join(target, name)
            made = os.path.join(parent, name)
            if not os.path.exists(path):
                os.link(made, path)
            elif replace and not os.path.samefile(made, path):
                os.link(made, path + ".new")
                os.replace(path + ".new", path)


def read_log(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def reset(builds):
    """Forget the kept outputs and cache: the next kept build starts cold."""
    shutil.rmtree(builds.kept)
    os.makedirs(builds.kept)


def run(seed, steps, folder, launcher, keep_going=False, leftovers_ok=False, out=sys.stdout):
    """Edit and build `steps` times; returns the numbers of the steps whose kept
    builds differ from the clean ones. Prints each step and each difference.
    With keep_going, a difference does not stop the run: the kept outputs and
    cache are thrown away and the next step starts cold. With leftovers_ok,
    pages that only the kept `make html` output has (left from an earlier
    build) are not counted: to look for other differences."""
    project = Project.create(os.path.join(folder, "project"))
    builds = Builds(project, os.path.join(folder, "builds"), launcher, leftovers_ok)
    editor = Editor(project, seed)
    builds.first()
    diverged = []
    failed = False
    for number in range(1, steps + 1):
        line = f"{number:4d}. {editor.step(failed)}"
        failed, report = builds.check()
        print(line + ("   (the clean build fails)" if failed else ""), file=out, flush=True)
        if report:
            diverged.append(number)
            print(f"\nseed {seed}: step {number} differs from a clean build:\n{report}\n",
                  file=out, flush=True)
            if not keep_going:
                break
            reset(builds)
    print(f"clean builds from nothing, pictures included: {builds.from_nothing} of "
          f"{builds.steps} steps", file=out, flush=True)
    return diverged
