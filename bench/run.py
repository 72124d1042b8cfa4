#!/usr/bin/env python3
"""Benchmark bare Pelican against the project's build on generated content.

    python bench/run.py --articles 1000 5000 10000 --records 3000 \
        [--project-dir .] [--project-cmd TEMPLATE] [--skip-bare] [--skip-project]
        [--rebuild] [--save] [--keep]

For each N: generate content (bench/generate.py), build it with bare Pelican
(default theme, no plugins) and with the project's `make publish`, measure
wall time and peak memory of every process of each build, optionally time two
rebuilds, each after editing one article, and print a Markdown table.

This is a measurement script, not a test: it never fails on slow numbers.
See bench/README.md for how memory is measured and what the caveats are.
"""
import argparse
import datetime as dt
import os
import runpy
import shutil
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (sibling module, no package needed)

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROJECT_CMD = "make -C {project} publish INPUTDIR={content} OUTPUTDIR={output}"
POLL_SECONDS = 0.05

# Bare Pelican: default theme, no plugins, no cache, no feeds. FILENAME_METADATA
# takes the slug from `YYYY-MM-DD-<slug>.md` as the content model does; without
# it Pelican slugifies the Chinese titles, and articles with equal titles
# collapse into one page, which would make the baseline do less work.
BARE_SETTINGS = """\
PATH = {content!r}
ARTICLE_PATHS = ['articles']
PAGE_PATHS = ['pages']
STATIC_PATHS = []
TIMEZONE = 'Asia/Shanghai'
DEFAULT_LANG = 'zh-CN'
FILENAME_METADATA = r'(?P<date>\\d{{4}}-\\d{{2}}-\\d{{2}})-(?P<slug>[a-z0-9-]+)'
DEFAULT_PAGINATION = 10
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""

# --bare-site-urls: the same bare Pelican, with the project's own URL settings
# (content model §4): a folder per page ("…/slug/index.html") where the baseline
# writes "slug.html". An extra baseline only: how much of the gap those URLs make.
SITE_URL_SETTINGS = ("ARTICLE_URL", "ARTICLE_SAVE_AS", "PAGE_URL", "PAGE_SAVE_AS",
                     "CATEGORY_URL", "CATEGORY_SAVE_AS", "TAG_URL", "TAG_SAVE_AS",
                     "PAGINATION_PATTERNS")


def site_url_settings(project):
    """The lines of the project's pelicanconf.py URL settings, for bare Pelican."""
    conf = runpy.run_path(os.path.join(project, "pelicanconf.py"))
    return "".join(f"{name} = {conf[name]!r}\n" for name in SITE_URL_SETTINGS)


# --------------------------------------------------------------------------
# Measuring one command
# --------------------------------------------------------------------------

@dataclass
class Run:
    wall: float                 # seconds, start to exit of the root process
    rc: int
    peaks: dict = field(default_factory=dict)   # role -> peak RSS in bytes
    tree_max: int = 0           # largest single-process peak, from wait4()
    log: str = ""               # path of the combined stdout/stderr


def proc_session(pid):
    """Session id of a process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    # The command name in parentheses may contain spaces: split after it.
    fields = stat.rsplit(b")", 1)[1].split()
    return int(fields[3])


def proc_hwm_and_cmd(pid):
    """(VmHWM in bytes, command line) of a live process, or None."""
    try:
        with open(f"/proc/{pid}/status") as f:
            hwm = next((int(line.split()[1]) * 1024 for line in f
                        if line.startswith("VmHWM:")), 0)
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return None
    return hwm, cmd


def role(cmd):
    """Which peak a process counts toward: a separate search indexer (a Pagefind
    binary, as the project once used), or the build.

    The build is every other process of the session (make, `python
    tools/publish.py`, `python -m pelican`, forked workers): matching on
    "pelican" would miss a project that runs Pelican in-process.
    """
    return "indexer" if "pagefind" in cmd else "build"


def snapshot(session, seen):
    """Record the VmHWM of every process of the session into `seen`.

    VmHWM is the kernel's own high-water mark of a process's resident set, so
    polling only has to catch each process alive once after its peak, not at
    the moment of the peak.
    """
    for name in os.listdir("/proc"):
        if not name.isdigit() or proc_session(int(name)) != session:
            continue
        info = proc_hwm_and_cmd(int(name))
        if info:
            hwm, cmd = info
            old_hwm, old_cmd = seen.get(name, (0, ""))
            # exec() keeps the pid but resets VmHWM: keep the max and the
            # latest non-empty command line (a zombie's is empty).
            seen[name] = (max(hwm, old_hwm), cmd or old_cmd)


def measure(cmd, log_path, cwd=None, timeout=3600):
    """Run `cmd` in its own session; return its wall time and memory peaks.

    A build that outlives `timeout` is stopped and gets rc "timeout". Every
    build starts after `sync`: it does not pay for the disk writing back the
    files of the build before it (or of the generator), which a build run by
    hand minutes later would not either.
    """
    os.sync()
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        seen = {}
        try:
            status, usage = poll_until_exit(proc.pid, seen, start + timeout)
        except BaseException:       # Ctrl-C: do not leave the build running
            stop_session(proc.pid)
            raise
        wall = time.perf_counter() - start
    if status is None:
        stop_session(proc.pid)
        rc = "timeout"
    else:
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
    peaks = {}
    for hwm, command in seen.values():
        r = role(command)
        peaks[r] = max(peaks.get(r, 0), hwm)
    # ru_maxrss (KiB on Linux) of the reaped root covers it and all its waited-for
    # descendants: an exact upper bound that polling cannot miss.
    return Run(wall, rc, peaks, usage.ru_maxrss * 1024 if usage else 0, log_path)


def poll_until_exit(pid, seen, deadline):
    """Snapshot the session every POLL_SECONDS until its leader exits.

    Returns wait4()'s (status, rusage), or (None, None) at the deadline.
    """
    while True:
        snapshot(pid, seen)   # the session id is the pid of its leader
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage
        if time.perf_counter() > deadline:
            return None, None
        time.sleep(POLL_SECONDS)


def stop_session(pid):
    """Terminate the session we started (and only it), then reap its leader."""
    try:
        os.killpg(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass                  # already gone


# --------------------------------------------------------------------------
# The builds
# --------------------------------------------------------------------------

def bare_build(python, content, output, work, timeout, extra="", name="bare"):
    conf = os.path.join(work, f"{name}_conf.py")
    with open(conf, "w", encoding="utf-8") as f:
        f.write(BARE_SETTINGS.format(content=content) + extra)
    cmd = [python, "-m", "pelican", content, "-o", output, "-s", conf]
    run = measure(cmd, os.path.join(work, f"{name}.log"), timeout=timeout)
    # The root *is* Pelican here, so the exact wait4() peak belongs to it.
    run.peaks["build"] = max(run.peaks.get("build", 0), run.tree_max)
    return run


def project_command(template, project, content, output):
    q = shlex.quote  # paths may contain spaces
    return shlex.split(template.format(project=q(project), content=q(content),
                                       output=q(output)))


def project_missing(template, project):
    """A reason the project's build cannot run yet, or None."""
    if template.startswith("make") and "{project}" in template and \
            not os.path.exists(os.path.join(project, "Makefile")):
        return (f"no Makefile in {project}: the project's `make publish` does not "
                f"exist yet (use --project-cmd or --skip-project)")
    return None


def project_build(args, content, output, work, label, project=None):
    project = project or args.project_dir
    cmd = project_command(args.project_cmd, project, content, output)
    return measure(cmd, os.path.join(work, f"{label}.log"), cwd=project,
                   timeout=args.timeout)


def touch_one_article(content, number=1):
    """Append a paragraph to one article, as an editor's correction would."""
    paths = sorted(os.path.join(d, f) for d, _, files in
                   os.walk(os.path.join(content, "articles")) for f in files)
    path = paths[len(paths) * number // 3]
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n（本文于发布后更新：补充了活动照片说明。）\n")
    return path


def tree_size(path):
    """Apparent size in bytes of all files under `path`."""
    return sum(os.path.getsize(os.path.join(d, f))
               for d, _, files in os.walk(path) for f in files)


def find_index(output):
    """The search index folder of the output (`search-index`), or None."""
    path = os.path.join(output, "search-index")
    return path if os.path.isdir(path) else None


def tail(path, lines=15):
    with open(path, encoding="utf-8", errors="replace") as f:
        return "".join(f.readlines()[-lines:])


# --------------------------------------------------------------------------
# One benchmark row
# --------------------------------------------------------------------------

def bench_one(args, n, work):
    """Generate N articles, run the builds; return one row of numbers."""
    content = os.path.join(work, "content")
    row = {"N": n, "M": args.records}
    info(f"N={n}: generating content in {content}")
    generate.generate(content, n, args.records, args.seed)

    if not args.skip_bare:
        info(f"N={n}: bare Pelican")
        out = os.path.join(work, "out-bare")
        bare = bare_build(args.python, content, out, work, args.timeout)
        if check(bare, "bare Pelican"):
            row.update(bare=bare.wall, bare_mb=bare.peaks.get("build"),
                       bare_out=tree_size(out))
        if args.bare_site_urls:
            info(f"N={n}: bare Pelican with the site's URLs")
            urls = bare_build(args.python, content, os.path.join(work, "out-bare-urls"),
                              work, args.timeout, site_url_settings(args.project_dir),
                              "bare_site_urls")
            if check(urls, "bare Pelican with the site's URLs"):
                row["bare_urls"] = urls.wall

    if not args.skip_project and not args.project_missing:
        # A fresh build cache per row: the first project build is a cold one,
        # the rebuild then shows what the caches save.
        os.environ["XCFL_CACHE_PATH"] = os.path.join(work, "project-cache")
        info(f"N={n}: project build")
        out = os.path.join(work, "out-project")
        proj = project_build(args, content, out, work, "project")
        if check(proj, "project build"):
            row.update(project=proj.wall, project_mb=proj.peaks.get("build"),
                       indexer_mb=proj.peaks.get("indexer"),
                       project_out=tree_size(out))
            index = find_index(out)
            row["index_out"] = tree_size(index) if index else None
            polled = max(proj.peaks.values(), default=0)
            if proj.tree_max > polled * 1.05:
                warn(f"a process peaked at {mb(proj.tree_max)} MB between polls "
                     f"(polled max {mb(polled)} MB); see README")
        if args.compare_dir:  # another version of the project, cold, right after
            os.environ["XCFL_CACHE_PATH"] = os.path.join(work, "compare-cache")
            info(f"N={n}: compared project build ({args.compare_dir})")
            other = project_build(args, content, os.path.join(work, "out-compare"), work,
                                  "compare", args.compare_dir)
            if check(other, "compared project build"):
                row.update(compare=other.wall, compare_mb=other.peaks.get("build"))
            os.environ["XCFL_CACHE_PATH"] = os.path.join(work, "project-cache")
        if row.get("project"):
            # Two rebuilds, each after one edit of one article.
            for number, key in ((1, "rebuild"), (2, "rebuild2")) if args.rebuild else ():
                info(f"N={n}: rebuild {number} after editing {touch_one_article(content, number)}")
                again = project_build(args, content, out, work, f"rebuild{number}")
                if not check(again, f"rebuild {number}"):
                    break
                row[key] = again.wall
    return row


def check(run, what):
    """True if the build succeeded; otherwise say why and show its log's end."""
    if run.rc == 0:
        return True
    why = "timed out" if run.rc == "timeout" else f"failed with exit code {run.rc}"
    warn(f"{what} {why}; last lines of {run.log}:\n" + tail(run.log))
    return False


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------

COLUMNS = [  # (header, row key, formatter)
    ("N", "N", str), ("M", "M", str),
    ("bare s", "bare", "{:.1f}".format), ("project s", "project", "{:.1f}".format),
    ("ratio", "ratio", "{:.2f}".format),
    ("bare, site URLs s", "bare_urls", "{:.1f}".format),
    ("ratio to it", "ratio_urls", "{:.2f}".format),
    ("bare peak MB", "bare_mb", lambda b: mb(b)),
    ("project peak MB", "project_mb", lambda b: mb(b)),
    ("separate indexer peak MB", "indexer_mb", lambda b: mb(b)),
    ("compared s", "compare", "{:.1f}".format),
    ("compared peak MB", "compare_mb", lambda b: mb(b)),
    ("rebuild s", "rebuild", "{:.1f}".format), ("rebuild 2 s", "rebuild2", "{:.1f}".format),
    ("bare out MB", "bare_out", lambda b: mb(b)),
    ("project out MB", "project_out", lambda b: mb(b)),
    ("search index MB", "index_out", lambda b: mb(b)),
]


def mb(n):
    return f"{n / 2**20:.0f}" if n >= 2**20 * 10 else f"{n / 2**20:.1f}"


def table(rows):
    for row in rows:
        if row.get("bare") and row.get("project"):
            row["ratio"] = row["project"] / row["bare"]
        if row.get("bare_urls") and row.get("project"):
            row["ratio_urls"] = row["project"] / row["bare_urls"]
    lines = ["| " + " | ".join(h for h, _, _ in COLUMNS) + " |",
             "|" + "---|" * len(COLUMNS)]
    for row in rows:
        cells = [fmt(row[k]) if row.get(k) is not None else "–" for _, k, fmt in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def environment(args):
    """A few lines that make a result comparable later."""
    pelican = subprocess.run([args.python, "-m", "pelican", "--version"],
                             capture_output=True, text=True).stdout.strip()
    load = open("/proc/loadavg").read().split()[:3]
    project = ("skipped" if args.skip_project else
               args.project_missing or args.project_cmd)
    return "\n".join([
        f"- date: {dt.datetime.now():%Y-%m-%d %H:%M}",
        f"- cpus: {os.cpu_count()}, load average at start: {' '.join(load)}",
        f"- python: {sys.version.split()[0]}, pelican: {pelican or '?'}",
        f"- seed: {args.seed}, records: {args.records}",
        f"- project build: {project}",
    ])


def save(report):
    os.makedirs(os.path.join(BENCH_DIR, "results"), exist_ok=True)
    path = os.path.join(BENCH_DIR, "results", f"{dt.date.today():%Y-%m-%d}.md")
    with open(path, "a", encoding="utf-8") as f:   # several runs a day: append
        f.write(("\n" if f.tell() else "# Benchmark results\n\n") + report + "\n")
    return path


def info(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def warn(msg):
    print(f"[bench] WARNING: {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, nargs="+", required=True, metavar="N")
    p.add_argument("--records", type=int, default=3000, metavar="M")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--project-dir", default=".")
    p.add_argument("--project-cmd", default=DEFAULT_PROJECT_CMD,
                   help="template with {project}, {content}, {output} "
                        "(default: %(default)s)")
    p.add_argument("--compare-dir", default=None,
                   help="another checkout of the project: its cold build in the same row")
    p.add_argument("--skip-bare", action="store_true")
    p.add_argument("--skip-project", action="store_true")
    p.add_argument("--bare-site-urls", action="store_true",
                   help="also time bare Pelican with the site's folder-per-page URLs")
    p.add_argument("--rebuild", action="store_true",
                   help="also time two project rebuilds, each after editing one article")
    p.add_argument("--save", action="store_true",
                   help="append the report to bench/results/<date>.md")
    p.add_argument("--keep", action="store_true", help="keep the temp folders")
    p.add_argument("--work-dir", default=None, help="where temp folders go")
    p.add_argument("--python", default=sys.executable,
                   help="interpreter for bare Pelican (default: this one)")
    p.add_argument("--timeout", type=float, default=3600, help="seconds per build")
    args = p.parse_args(argv)
    args.project_dir = os.path.abspath(args.project_dir)
    args.project_missing = None if args.skip_project else \
        project_missing(args.project_cmd, args.project_dir)
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.project_missing:
        warn(f"project build skipped: {args.project_missing}")
    header = environment(args)   # before the builds: load average at start
    rows = []
    for n in args.articles:
        work = tempfile.mkdtemp(prefix=f"bench-{n}-", dir=args.work_dir)
        try:
            rows.append(bench_one(args, n, work))
        finally:
            if args.keep:
                info(f"kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    report = header + "\n\n" + table(rows)
    print(report)
    if args.save:
        info(f"saved to {save(report)}")


if __name__ == "__main__":
    main()
