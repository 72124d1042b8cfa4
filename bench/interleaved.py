#!/usr/bin/env python3
"""Cold publish and rebuild of the project against bare Pelican, interleaved.

    python bench/interleaved.py --articles 2000 --records 600 --rounds 3 [--work DIR]

Each round runs, one after another on the same content: bare Pelican (run.py's
settings), the project's `make publish` cold with pages rendered serially
(XCFL_RENDER_PROCESSES=1, Pelican's own writer) and in parallel (default), then
a rebuild of each after one edited article. On a shared machine only figures of
the same round compare: the medians of the per-round ratios are printed.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402
import run  # noqa: E402

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# `make publish`'s command (make itself would first check the venv's install stamp)
PUBLISH = "{project}/.venv/bin/python {project}/tools/publish.py {content} {output} -s {project}/publishconf.py"


def publish(content, output, work, label, processes, cold):
    cache = os.path.join(work, f"cache-{processes}")
    if cold:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(output, ignore_errors=True)
    os.environ.update(XCFL_CACHE_PATH=cache, XCFL_RENDER_PROCESSES=str(processes))
    cmd = run.project_command(PUBLISH, PROJECT, content, output)
    result = run.measure(cmd, os.path.join(work, f"{label}.log"), cwd=PROJECT)
    assert result.rc == 0, run.tail(result.log)
    return result.wall


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--records", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", default=None)
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="bench-interleaved-")
    content = os.path.join(work, "content")
    if not os.path.isdir(content):
        generate.generate(content, args.articles, args.records, 1)
    rows = []
    for number in range(args.rounds):
        load = open("/proc/loadavg").read().split()[0]
        bare = run.bare_build(sys.executable, content, os.path.join(work, "out-bare"), work, 3600)
        row = {"load": float(load), "bare": bare.wall}
        for processes, name in ((1, "serial"), (0, "parallel")):
            output = os.path.join(work, f"out-{name}")
            row[name] = publish(content, output, work, name, processes, cold=True)
            run.touch_one_article(content, number % 2 + 1)
            row[f"{name} rebuild"] = publish(content, output, work, name, processes, cold=False)
        rows.append(row)
        print(" ".join(f"{k}={v:.1f}" for k, v in row.items()), file=sys.stderr, flush=True)
    keys = list(rows[0])
    print(f"{args.articles} articles + {args.records} records, {args.rounds} rounds, "
          f"{os.cpu_count()} CPUs; medians")
    print("| " + " | ".join(keys) + " | serial/bare | parallel/bare |")
    print("|" + "---|" * (len(keys) + 2))
    for row in rows:
        print("| " + " | ".join(f"{row[k]:.1f}" for k in keys)
              + f" | {row['serial'] / row['bare']:.2f} | {row['parallel'] / row['bare']:.2f} |")
    median = {k: statistics.median(r[k] for r in rows) for k in keys}
    print("| **median** | " + " | ".join(f"{median[k]:.1f}" for k in keys[1:])
          + f" | {statistics.median(r['serial'] / r['bare'] for r in rows):.2f}"
          + f" | {statistics.median(r['parallel'] / r['bare'] for r in rows):.2f} |")


if __name__ == "__main__":
    main()
