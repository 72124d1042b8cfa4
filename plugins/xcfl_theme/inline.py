"""Scripts inlined into every page's <head>, and their CSP hashes.

A strict Content-Security-Policy allows an inline script only by its hash
(`script-src 'self' 'sha256-…'`). The source lives in one file,
theme/assets/inline/<name>.js; the page carries exactly its bytes, so the
hash computed here is the one the browser computes.
"""

import base64
import glob
import hashlib
import os

from markupsafe import Markup


def csp_hash(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def collect(theme_path):
    """({name: script text as Markup}, {name: "'sha256-…'"})."""
    scripts, hashes = {}, {}
    for path in sorted(glob.glob(os.path.join(theme_path, "assets", "inline", "*.js"))):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if "</" in text:
            raise ValueError(f"{path}: an inline script may not contain '</'")
        name = os.path.basename(path)
        scripts[name] = Markup(text)
        hashes[name] = csp_hash(text)
    return scripts, hashes
