"""The markup values of one picture: <img> src/width/height, its srcset and the WebP one.

Used by the article body (media.py), the cover (article template) and record
photos (record template), so every picture of the site is chosen the same way.
"""

import os

from .probe import probe
from .variants import MIME, plan

# the article column is 40em wide (--xc-measure); a phone shows a picture across the screen
SIZES = "(min-width: 42em) 40em, 100vw"


def picture(relative, content_root, siteurl):
    """{src, width, height, srcset, webp_srcset, sizes} of the picture at ``relative``
    (a path under content/, as published); None when it cannot be shown."""
    info = probe(os.path.join(content_root, relative))
    if info is None or info.problem:
        return None
    found = {"src": f"{siteurl}/{relative}", "width": info.width or None,
             "height": info.height or None, "srcset": "", "webp_srcset": "", "sizes": ""}
    if info.format in ("SVG", "GIF"):
        return found
    variants = plan(relative, info)
    largest = max(variants, key=lambda v: v.width)
    found.update(width=largest.width, height=largest.height, sizes=SIZES)
    for format_, key in ((info.format, "srcset"), ("WEBP", "webp_srcset")):
        same = sorted((v for v in variants if v.format == format_), key=lambda v: v.width)
        if len(same) > 1 or key == "webp_srcset":
            found[key] = ", ".join(f"{siteurl}/{v.path} {v.width}w" for v in same)
    if info.format == "WEBP":
        found["webp_srcset"] = ""  # the picture itself is WebP: no second set
    found["type"] = MIME["WEBP"]
    return found
