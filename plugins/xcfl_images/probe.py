"""What a picture file is, without decoding its pixels: format, upright size, problem.

Pillow reads the header (and the EXIF orientation: a phone photo stored
sideways is shown upright, so its width and height are swapped); a cheap
look at the end of the file finds one cut short (a copy interrupted, a
download not finished). SVG is read as text (svg.py checks its safety).

A build asks about a cover three times (its Cover line, its markup, its
files) and a warm build about every picture it published before: the answers
of this build, and those store.Sources kept from the last one, are held by
file (size, mtime, inode) until the next build starts (images.start_run).
"""

import dataclasses
import os
import re
import warnings

from PIL import Image, UnidentifiedImageError

from xcfl_cache import file_state

MAX_MB = 30
# the formats a browser shows and the build publishes; any other is converted by the editor
PUBLISHED = {"JPEG", "PNG", "WEBP", "GIF"}
ORIENTATION = 0x0112
TURNED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")
SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
LENGTH = r'\b%s\s*=\s*["\']\s*([\d.]+)\s*(?:px)?\s*["\']'
VIEWBOX = r'\bviewBox\s*=\s*["\']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)'


_known = {}  # this build's {(absolute path, max_mb): (file state, Info)}; start() empties it


def start(known=()):
    """A new build: forget every answer but ``known`` ((path, max_mb, state, Info))."""
    _known.clear()
    _known.update(((os.path.abspath(path), max_mb), (state, info))
                  for path, max_mb, state, info in known)


@dataclasses.dataclass(frozen=True)
class Info:
    """A picture as the page shows it. ``problem`` names its message (None: fine)."""

    width: int = 0
    height: int = 0
    format: str = ""  # JPEG, PNG, WEBP, GIF or SVG (Pillow's names)
    orientation: int = 1
    alpha: bool = False
    problem: str | None = None
    values: dict = dataclasses.field(default_factory=dict)


def probe(path, max_mb=MAX_MB):
    """The Info of the picture at ``path``; None when there is no such file."""
    try:
        state = file_state(path)
    except OSError:
        return None
    key = (os.path.abspath(path), max_mb)
    if key in _known and _known[key][0] == state:
        return _known[key][1]
    info = _probe(path, max_mb)
    if info is not None:
        _known[key] = (state, info)
    return info


def _probe(path, max_mb):
    try:
        size = os.path.getsize(path)
        if size > max_mb * 1024 * 1024:
            return Info(problem="image-too-large",
                        values={"size": round(size / 1048576, 1), "limit": max_mb})
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(max(0, size - 4096))
            tail = handle.read()
    except OSError:
        return None
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return Info(problem="image-heic")
    if path.lower().endswith(".svg"):
        return _svg(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                info = _raster(image)
            if info.format == "PNG" and not info.problem:
                with Image.open(path) as image:
                    image.verify()  # every chunk's checksum, without inflating the pixels
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return Info(problem="image-too-many-pixels")
    except UnidentifiedImageError:
        known = os.path.splitext(path)[1].lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif")
        return Info(problem="image-corrupt" if known else "image-unsupported",
                    values={"format": os.path.splitext(path)[1].lstrip(".").upper() or "?"})
    except (OSError, SyntaxError, ValueError, EOFError, RuntimeError):
        return Info(problem="image-corrupt")
    if not info.problem and not _complete(info.format, head, tail, size):
        return Info(problem="image-corrupt")
    return info


def _raster(image):
    if image.format not in PUBLISHED:
        return Info(problem="image-unsupported", values={"format": image.format})
    orientation = image.getexif().get(ORIENTATION, 1) if image.format != "GIF" else 1
    if orientation not in range(1, 9):
        orientation = 1
    width, height = image.size
    if orientation in TURNED:
        width, height = height, width
    alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    return Info(width, height, image.format, orientation, alpha)


def _complete(format_, head, tail, size):
    """The file is not cut short (PNG: checked by verify())."""
    if format_ == "JPEG":
        return b"\xff\xd9" in tail.rstrip(b"\x00")[-32:]  # end-of-image marker
    if format_ == "WEBP":
        return int.from_bytes(head[4:8], "little") + 8 <= size  # the RIFF size
    if format_ == "GIF":
        return tail.rstrip(b"\x00").endswith(b";")  # the trailer
    return True


def _svg(path):
    with open(path, "rb") as handle:
        match = SVG_TAG.search(handle.read(65536))
    if not match:
        return Info(problem="image-corrupt")
    tag = match.group(0).decode("utf-8", "replace")
    width, height = re.search(LENGTH % "width", tag), re.search(LENGTH % "height", tag)
    if width and height:
        return Info(round(float(width.group(1))), round(float(height.group(1))), "SVG")
    box = re.search(VIEWBOX, tag)
    if box:
        return Info(round(float(box.group(1))), round(float(box.group(2))), "SVG")
    return Info(format="SVG")  # no size: shown as the layout allows
