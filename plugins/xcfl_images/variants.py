"""The files a published picture becomes, and how they are made (a pure function).

A photo is published in a few widths (never wider than it is): WebP for
browsers that take it, and the picture's own format as the fallback, whose
largest width keeps the picture's own address (``images/a.jpg``). Pixels are
turned upright (EXIF orientation) and nothing but the colour profile is
kept: no EXIF, GPS, XMP, IPTC or maker notes. Encoding is deterministic:
the same bytes in give the same bytes out (a cached build equals a clean one).
"""

import dataclasses
import io
import posixpath

from PIL import Image

WIDTHS = (480, 960, 1600)
TRANSPOSE = {  # EXIF orientation -> what turns the stored pixels upright
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# measured (docs/images.md): WebP method 4 is Pillow's default balance of time and size
ENCODING = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "WEBP": {"quality": 80, "method": 4},
    "WEBP-lossless": {"lossless": True, "quality": 80, "method": 4},  # from PNG: exact
    "PNG": {"compress_level": 9},
    "GIF": {},
}
EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


@dataclasses.dataclass(frozen=True)
class Variant:
    path: str  # relative to the output folder
    width: int
    height: int
    format: str  # JPEG, PNG, WEBP or GIF

    @property
    def cache_name(self):  # the file's name in the cache folder of its source
        return f"{self.width}{EXTENSION[self.format]}"


def widths(width):
    """The published widths of a picture ``width`` pixels wide (smallest first)."""
    largest = min(width, WIDTHS[-1])
    return [w for w in WIDTHS if w < largest] + [largest]


def plan(path, info):
    """[Variant] of the picture at ``path`` (relative to content/, as published), whose
    Info is ``info``: the fallback (own format) in every width, largest at ``path``,
    then WebP in every width. A GIF, or a picture under files/ (an attachment,
    attachments.py), is published once at its own size."""
    if info.format == "GIF" or path.startswith("files/"):
        # a GIF (maybe animated), or a picture attached for download: one file, full size
        return [Variant(path, info.width, info.height, info.format)]
    stem, extension = posixpath.splitext(path)
    found = []
    sizes = [(w, max(1, round(info.height * w / info.width))) for w in widths(info.width)]
    for number, (width, height) in enumerate(sizes):
        largest = number == len(sizes) - 1
        name = path if largest else f"{stem}-{width}w{extension}"
        found.append(Variant(name, width, height, info.format))
    if info.format != "WEBP":
        found += [Variant(f"{stem}-{width}w.webp", width, height, "WEBP")
                  for width, height in sizes]
    return found


def render(data, info, variants):
    """{Variant: bytes} for the picture whose file holds ``data``."""
    image = Image.open(io.BytesIO(data))
    if info.format == "GIF":
        return {variants[0]: _gif(image)}
    icc = image.info.get("icc_profile")
    turned = info.orientation in (5, 6, 7, 8)
    largest = max(variants, key=lambda v: v.width)
    stored = (largest.height, largest.width) if turned else (largest.width, largest.height)
    if info.format == "JPEG":
        image.draft("RGB", stored)  # decode at 1/2, 1/4 or 1/8 when that is still large enough
    image = image.convert("RGBA" if info.alpha else "RGB")
    found = {}
    for width in sorted({v.width for v in variants}, reverse=True):
        same = [v for v in variants if v.width == width]
        size = (same[0].height, width) if turned else (width, same[0].height)
        if image.size != size:
            image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        upright = image.transpose(TRANSPOSE[info.orientation]) if info.orientation in TRANSPOSE \
            else image
        for variant in same:
            found[variant] = _encode(upright, variant.format, info.format, icc)
    return found


def _encode(image, format_, source_format, icc):
    options = dict(ENCODING["WEBP-lossless" if format_ == "WEBP" and source_format == "PNG"
                            else format_])
    if icc:
        options["icc_profile"] = icc  # colours as the camera meant; says nothing about anyone
    if format_ == "JPEG" and image.mode == "RGBA":
        image = image.convert("RGB")
    image.info = {}  # nothing of the source's metadata may travel
    buffer = io.BytesIO()
    image.save(buffer, format_, **options)
    return buffer.getvalue()


def _gif(image):
    frames = []
    durations = []
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        frames.append(image.copy())
        durations.append(image.info.get("duration", 100))
    for frame in frames:
        frame.info = {key: value for key, value in frame.info.items()
                      if key in ("transparency", "duration", "loop", "background")}
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=len(frames) > 1, append_images=frames[1:],
                   # one frame: one duration (Pillow fails on a list for a still GIF)
                   duration=durations if len(frames) > 1 else durations[0],
                   loop=image.info.get("loop", 0))
    return buffer.getvalue()
