"""Issue 15 item 6: what photos cost a real build (tools/build.py), cold and warm.

photos: N generated phone JPEGs (4000×3000, quality 92, EXIF with GPS; every
other one stored sideways, orientation 6; twelve drawn scenes, each file with marks
of its own: phone_file) added to the
sample content. Reported: the build without them, the build with them cold (an
empty images cache) and warm (the cache kept), the floor (decoding each photo
once at full size, one process and two) and publishing them unprocessed
(the build without them plus copying the files).

site: bench/generate.py at --articles 2000 --records 600, with --covers (one
distinct 1200×800 phone JPEG per article) and without; each primed once
(cold), then warm builds interleaved, ``--repeat`` times; medians and ratio.

The machine is shared (2 cores, other jobs running): ratios are measured in
one run, interleaved, medians of repetitions.

    .venv/bin/python bench/photos_build_bench.py photos --count 60
    .venv/bin/python bench/photos_build_bench.py site --repeat 3 [--work /tmp/covers]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from images_bench import phone_jpeg, phone_pixels  # noqa: E402

SCENES = 12  # drawn scenes; every photo is one of them with its own marks (distinct bytes)
_scenes = {}  # a generating process's drawn scenes (this script only, not the build)


def phone_file(job):
    """Write photo ``n`` at ``path`` (kept if already there): scene n % SCENES with
    marks of its own, so each file is a different photo to the cache and to a decoder."""
    n, path = job
    if os.path.exists(path):
        return
    from PIL import ImageDraw

    scene = n % SCENES
    if scene not in _scenes:
        _scenes[scene] = phone_pixels(scene)
    photo = _scenes[scene].copy()
    draw = ImageDraw.Draw(photo)
    for k in range(6):
        x, y = (n * 577 + k * 631) % 3800, (n * 389 + k * 263) % 2800
        draw.ellipse((x, y, x + 160, y + 160), fill=((n * 7) % 256, (n * 13 + k) % 256, 90))
    data = phone_jpeg(photo, n)
    with open(path + ".tmp", "wb") as handle:
        handle.write(data)
    os.replace(path + ".tmp", path)


def build(content, output, cache):
    if os.path.exists(output):
        shutil.rmtree(output)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, os.path.join(ROOT, "tools", "build.py"), content, output,
         "-s", os.path.join(ROOT, "pelicanconf.py")],
        cwd=content, env=dict(os.environ, XCFL_CACHE_PATH=cache), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(result.stdout[-3000:] + result.stderr[-3000:])
    return elapsed


def decode(path):
    from PIL import Image

    with Image.open(path) as image:
        image.load()


def photos(args):
    folder = args.folder
    os.makedirs(folder, exist_ok=True)
    paths = [os.path.join(folder, f"p{n:04d}.jpg") for n in range(args.count)]
    start = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:  # sorted by scene: each process draws few scenes
        list(pool.map(phone_file, sorted(enumerate(paths), key=lambda j: j[0] % SCENES),
                      chunksize=8))
    print(f"generated in {time.perf_counter() - start:.0f} s")
    size = sum(os.path.getsize(p) for p in paths) / 1048576
    print(f"{len(paths)} photos, {size:.0f} MB, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as work:
        bare = os.path.join(work, "bare")
        shutil.copytree(os.path.join(ROOT, "content"), bare)
        full = os.path.join(work, "full")
        shutil.copytree(bare, full)
        os.makedirs(os.path.join(full, "images", "bench"))
        for path in paths:
            shutil.copy(path, os.path.join(full, "images", "bench"))
        out, cache = os.path.join(work, "out"), os.path.join(work, "cache")
        build(bare, out, os.path.join(work, "bare-cache"))  # primes the bare cache
        rows = {"bare": [], "copy": [], "floor-1": [], "floor-2": [], "cold": [], "warm": []}
        for repeat in range(args.repeat):
            rows["bare"].append(build(bare, out, os.path.join(work, "bare-cache")))
            start = time.perf_counter()
            copies = os.path.join(work, "copies")
            shutil.rmtree(copies, ignore_errors=True)
            os.makedirs(copies)
            for path in paths:
                shutil.copy(path, copies)
            rows["copy"].append(time.perf_counter() - start)
            start = time.perf_counter()
            for path in paths:
                decode(path)
            rows["floor-1"].append(time.perf_counter() - start)
            start = time.perf_counter()
            with ProcessPoolExecutor(2) as pool:
                list(pool.map(decode, paths))
            rows["floor-2"].append(time.perf_counter() - start)
            shutil.rmtree(cache, ignore_errors=True)
            rows["cold"].append(build(full, out, cache))
            rows["warm"].append(build(full, out, cache))
            print(f"repeat {repeat + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in rows.items()))
    median = {k: statistics.median(v) for k, v in rows.items()}
    n = len(paths)
    print(f"\nmedians over {args.repeat} (wall, s), {n} photos:")
    print(f"  build without the photos      {median['bare']:.1f}")
    print(f"  unprocessed: + copying them   {median['bare'] + median['copy']:.1f} "
          f"(copy {median['copy']:.2f})")
    print(f"  floor: decode each once       {median['floor-1']:.1f} one process, "
          f"{median['floor-2']:.1f} two ({1000 * median['floor-1'] / n:.0f} ms a photo)")
    print(f"  cold build with the photos    {median['cold']:.1f} "
          f"(+{median['cold'] - median['bare']:.1f} s: "
          f"{1000 * (median['cold'] - median['bare']) / n:.0f} ms a photo, "
          f"{(median['cold'] - median['bare']) / median['floor-2']:.1f}× the two-process floor)")
    print(f"  warm build with the photos    {median['warm']:.1f} "
          f"({median['warm'] / (median['bare'] + median['copy']):.2f}× unprocessed)")


def site(args):
    if args.work:  # kept: generated content and primed caches are reused by the next run
        os.makedirs(args.work, exist_ok=True)
        site_in(args, args.work)
    else:
        with tempfile.TemporaryDirectory() as work:
            site_in(args, work)


def site_in(args, work):
    contents = {}
    for name, extra in (("without", []), ("covers", ["--covers"])):
        contents[name] = os.path.join(work, f"{name}-{args.articles}")
        if not os.path.isdir(contents[name]):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), contents[name],
                            "--articles", str(args.articles), "--records", "600", *extra],
                           check=True, capture_output=True)
    out = os.path.join(work, "out")
    caches = {name: os.path.join(work, f"cache-{name}-{args.articles}") for name in contents}
    for name in contents:
        state = "warm" if os.path.isdir(caches[name]) else "cold"
        print(f"first build, {state}, {name}: {build(contents[name], out, caches[name]):.1f} s",
              flush=True)
    times = {name: [] for name in contents}
    for repeat in range(args.repeat):
        for name in (("without", "covers") if repeat % 2 == 0 else ("covers", "without")):
            times[name].append(build(contents[name], out, caches[name]))
        print(f"repeat {repeat + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s"
                                                for k, v in times.items())
              + f" ({times['covers'][-1] / times['without'][-1]:.2f}×; "
              f"load average {os.getloadavg()[0]:.1f})", flush=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"\nwarm medians over {args.repeat}: without covers {median['without']:.1f} s, "
          f"with {args.articles} covers {median['covers']:.1f} s: "
          f"{median['covers'] / median['without']:.2f}× (target ≤ 1.3×); "
          f"load average {os.getloadavg()[0]:.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("photos", "site"))
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--folder", default="/tmp/xcfl-bench-photos")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", help="site: keep content and caches here between runs")
    args = parser.parse_args()
    photos(args) if args.what == "photos" else site(args)


if __name__ == "__main__":
    main()
