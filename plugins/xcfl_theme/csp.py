"""The Content-Security-Policy every page obeys: nothing but the site's own
files and the one hashed pre-paint inline script.

The same policy is sent two ways: a <meta> in each page (works on any host)
and the `_headers` file (hosts that read it; it can add frame-ancestors,
which a <meta> policy may not carry).
"""

BASE = [
    ("default-src", ["'self'"]),
    ("script-src", ["'self'"]),
    ("style-src", ["'self'"]),
    ("img-src", ["'self'"]),
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'self'"]),
]


def policy(script_hashes, header=False):
    directives = []
    for name, sources in BASE:
        if name == "script-src":
            sources = sources + sorted(script_hashes)
        directives.append(f"{name} {' '.join(sources)}")
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)
