"""Image library benchmark: Pillow (with and without JPEG draft decoding) vs pyvips.

Generates N phone-size JPEGs (4000×3000, quality 92, EXIF with GPS and
orientation) and times, per photo, what the build does with one: three widths
(1600/960/480) in WebP and JPEG. The floor is decoding the file once at full
size. A measurement, not a test; pyvips is optional (run it in a venv that has
``pyvips`` and ``pyvips-binary``; it is skipped where it is not installed).

    .venv/bin/python bench/images_bench.py [--count 12] [--folder /tmp/photos]
"""

import argparse
import io
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor

from PIL import Image, ImageDraw, ImageFilter

WIDTHS = (1600, 960, 480)


def phone_pixels(seed):
    """The pixels of a 4000×3000 photo that compresses like one (shapes, blur, grain)."""
    rng = random.Random(seed)
    small = Image.new("RGB", (800, 600), (rng.randrange(256), rng.randrange(256), 200))
    draw = ImageDraw.Draw(small)
    for _ in range(120):
        x, y = rng.randrange(800), rng.randrange(600)
        r = rng.randrange(10, 120)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    big = small.filter(ImageFilter.GaussianBlur(3)).resize((4000, 3000), Image.BICUBIC)
    grain = Image.effect_noise((4000, 3000), 18).convert("RGB")
    return Image.blend(big, grain, 0.12)


def phone_jpeg(photo, seed):
    """``photo`` as a phone saves it: JPEG quality 92, EXIF with GPS and maker;
    every other one taken upright, stored sideways (orientation 6)."""
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 2 else 1
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (39.0, 53.0, 10.5), 3: "E", 4: (116.0, 21.0, 5.25)})
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def phone_photo(seed):
    """A 4000×3000 phone JPEG with EXIF (GPS, orientation)."""
    return phone_jpeg(phone_pixels(seed), seed)


def encode_pillow(image, width):
    out = []
    for format_, options in (("WEBP", {"quality": 80, "method": 4}),
                             ("JPEG", {"quality": 82, "optimize": True, "progressive": True})):
        buffer = io.BytesIO()
        image.save(buffer, format_, **options)
        out.append(len(buffer.getvalue()))
    return out


def pillow(path, draft=True, avif=False):
    from PIL import ImageOps

    with Image.open(path) as image:
        if draft:  # the largest width, whichever side it is once turned upright
            turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
            scale = WIDTHS[0] / (image.height if turned else image.width)
            image.draft("RGB", (round(image.width * scale), round(image.height * scale)))
        image = ImageOps.exif_transpose(image)
        sizes = []
        for width in WIDTHS:
            height = round(image.height * width / image.width)
            image = image.resize((width, height), Image.LANCZOS)
            sizes += encode_pillow(image, width)
            if avif:
                buffer = io.BytesIO()
                image.save(buffer, "AVIF", quality=60)
                sizes.append(len(buffer.getvalue()))
        return sizes


def decode_only(path):
    with Image.open(path) as image:
        image.load()


def vips(path):
    import pyvips

    # shrink-on-load, orientation applied; in memory, since it is saved six times
    image = pyvips.Image.thumbnail(path, WIDTHS[0]).copy_memory()
    sizes = []
    for width in WIDTHS:
        if width != image.width:
            image = image.thumbnail_image(width)
        sizes.append(len(image.webpsave_buffer(Q=80, strip=True)))
        sizes.append(len(image.jpegsave_buffer(Q=82, optimize_coding=True, interlace=True,
                                               strip=True)))
    return sizes


def cpu():
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(label, function, paths, processes=1):
    """Wall and CPU time (on a shared machine the CPU time is the steadier figure)."""
    start, start_cpu = time.perf_counter(), cpu()
    if processes == 1:
        for path in paths:
            function(path)
    else:
        with ProcessPoolExecutor(processes) as pool:
            list(pool.map(function, paths))
    seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
    print(f"| {label} | {seconds:.2f} s | {1000 * seconds / len(paths):.0f} ms "
          f"| {1000 * cpu_seconds / len(paths):.0f} ms |", flush=True)


def project(path):
    """What the build does (plugins/xcfl_images): probe, then variants.render."""
    import sys

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                    "plugins"))
    from xcfl_images.probe import probe
    from xcfl_images.variants import plan, render

    info = probe(path)
    with open(path, "rb") as handle:
        return render(handle.read(), info, plan("images/a.jpg", info))


def pillow_nodraft(path):
    return pillow(path, draft=False)


def pillow_avif(path):
    return pillow(path, avif=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=12)
    parser.add_argument("--folder", default="/tmp/xcfl-photos-mixed")
    parser.add_argument("--avif", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    paths = []
    for n in range(args.count):
        path = os.path.join(args.folder, f"photo-{n:03}.jpg")
        if not os.path.exists(path):
            with open(path, "wb") as handle:
                handle.write(phone_photo(n))
        paths.append(path)
    mb = sum(os.path.getsize(p) for p in paths) / len(paths) / 1e6
    print(f"{len(paths)} photos, 4000×3000, {mb:.1f} MB each on average\n")
    print("| what | wall, total | wall, per photo | CPU, per photo |\n| --- | --- | --- | --- |")
    timed("decode once at full size (the floor)", decode_only, paths)
    timed("Pillow, full decode, 3 widths × (WebP + JPEG)", pillow_nodraft, paths)
    timed("Pillow, draft decode, 3 widths × (WebP + JPEG)", pillow, paths)
    timed("Pillow, draft decode, 2 processes", pillow, paths, processes=2)
    timed("the build's own code (xcfl_images: draft, resize before turning)", project, paths)
    timed("the build's own code, 2 processes", project, paths, processes=2)
    if args.avif:
        timed("Pillow, draft decode, 3 widths × (WebP + JPEG + AVIF)", pillow_avif, paths)
    try:
        import pyvips  # noqa: F401
    except ImportError:
        print("| pyvips | not installed | |")
    else:
        timed("pyvips thumbnail (shrink-on-load), 3 widths × (WebP + JPEG)", vips, paths)
    sizes = pillow(paths[0])
    print("\nbytes of the first photo's files (WebP, JPEG per width "
          f"{WIDTHS}): {sizes}")


if __name__ == "__main__":
    main()
