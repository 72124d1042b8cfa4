"""Fingerprinted theme assets: one CSS bundle, one file per script.

The file name carries a hash of its bytes, so hosts can cache them for a
year and a change is never served stale.
"""

import glob
import hashlib
import os

ASSET_DIR = "theme"


def _fingerprinted(name, data):
    stem, extension = os.path.splitext(name)
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{ASSET_DIR}/{stem}.{digest}{extension}"


def collect(theme_path):
    """{logical name: (output path, bytes)} for the theme's CSS bundle and scripts."""
    assets = {}
    css_files = sorted(glob.glob(os.path.join(theme_path, "assets", "css", "*.css")))
    css = b"\n".join(_read(path) for path in css_files)
    assets["site.css"] = (_fingerprinted("site.css", css), css)
    for path in sorted(glob.glob(os.path.join(theme_path, "assets", "js", "*.js"))):
        data = _read(path)
        name = os.path.basename(path)
        assets[name] = (_fingerprinted(name, data), data)
    return assets


def _read(path):
    with open(path, "rb") as handle:
        return handle.read()


def write(assets, output_path):
    for target, data in assets.values():
        destination = os.path.join(output_path, target)
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        with open(destination, "wb") as handle:
            handle.write(data)
