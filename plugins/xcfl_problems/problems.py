"""One reporting path for every content problem.

Plugins call ``report(Problem(...))`` while Pelican reads content
(``generate_context``). Once every generator has read its content, the
problems are printed together as ``path:line: key: message`` and the build
stops before anything is written (ContentError), so a broken build never
touches the output. With XCFL_CHECK_ONLY (`make check`) a build without
problems stops there too (CheckDone).

Problems are printed straight to stderr rather than logged: the editor gets
one list, in file order, with its footer, never mixed with Pelican's log.
"""

import dataclasses
import os
import sys

from pelican import signals

_problems = []
_content_root = [""]


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the content folder; printed as shown_path() gives it
    line: int | None
    key: str
    message: str
    # 0: a file that cannot be read at all. Other problems may follow from it,
    # so it is printed first: the editor fixes the root cause first.
    rank: int = 1

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}"


class ContentError(Exception):
    """Raised after all problems of a run have been printed."""

    exitcode = 1


class CheckDone(Exception):
    """XCFL_CHECK_ONLY (make check): all content was read and checked without a
    problem; raised so that Pelican writes nothing."""


DEFAULTS = {"XCFL_CHECK_ONLY": False}


def relative_path(path):
    """Path relative to the content folder, with forward slashes."""
    root = _content_root[0]
    if root and os.path.isabs(path):
        path = os.path.relpath(path, root)
    return path.replace(os.sep, "/")


def shown_path(path):
    """A content path as the editor types it: relative to the folder the
    command runs in (``content/articles/a.md`` from the repository), absolute
    when the content folder lies outside that folder."""
    root = _content_root[0]
    if not root:
        return path
    full = os.path.normpath(os.path.join(os.path.realpath(root), path))
    relative = os.path.relpath(full)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return full.replace(os.sep, "/")
    return relative.replace(os.sep, "/")


def report(problem):
    problem = dataclasses.replace(problem, path=relative_path(problem.path))
    if problem not in _problems:
        _problems.append(problem)


def problems():
    return sorted(_problems, key=lambda p: (p.rank, p.path, p.line or 0, p.key, p.message))


def source_line(path, key):
    """The 1-based line of a metadata key (``Key:``) in a file's header, or None."""
    prefix = key.lower() + ":"
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    return None  # the header ends at the first blank line
                if line.lower().startswith(prefix):
                    return number
    except OSError:
        return None
    return None


# XCFL_PROBLEMS_FORMAT=github (the check workflow): each problem as a GitHub
# annotation, shown on the changed line of a pull request; plain lines otherwise.
FORMAT_VARIABLE = "XCFL_PROBLEMS_FORMAT"


def _escaped(text, more=""):
    """GitHub's escaping of an annotation's message (and, with more=':,', of a property)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    for character in more:
        text = text.replace(character, f"%{ord(character):02X}")
    return text


def problem_line(path, line, key, text):
    """One problem as printed: ``path:line: key: message``, or under
    XCFL_PROBLEMS_FORMAT=github ``::error file=path,line=N::key: message``."""
    if os.environ.get(FORMAT_VARIABLE) == "github":
        where = f"file={_escaped(path, ':,')}" + (f",line={line}" if line else "")
        return f"::error {where}::{_escaped(f'{key}: {text}')}"
    where = f"{path}:{line}" if line else path
    return f"{where}: {key}: {text}"


def format_report(found):
    lines = [problem_line(shown_path(p.path), p.line, p.key, p.message) for p in found]
    lines.append(f"共发现 {len(found)} 个内容问题，网站未生成。请按上面的提示修改后重试。")
    return "\n".join(lines)


def fill_defaults(pelican):
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def start_run(pelican):
    """get_generators: sent by every Pelican.run() first (make serve runs one
    Pelican again and again), before any content is read. Returns no generator."""
    _problems.clear()
    _content_root[0] = os.path.abspath(pelican.settings["PATH"])


def stop_on_problems(generators):
    """At all_generators_finalized: every content has been read, nothing written."""
    found = problems()
    if found:
        sys.stderr.write(format_report(found) + "\n")
        sys.stderr.flush()
        raise ContentError(f"{len(found)} 个内容问题")
    if generators[0].settings["XCFL_CHECK_ONLY"]:
        raise CheckDone()


def register():
    signals.initialized.connect(fill_defaults)
    signals.get_generators.connect(start_run)
    signals.all_generators_finalized.connect(stop_on_problems)
