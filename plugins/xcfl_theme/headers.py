"""`_headers`: cache rules for the static host (Netlify / Cloudflare Pages format).

Fingerprinted files never change under their name, so browsers may keep them
a year without asking again; HTML is revalidated so news shows at once.
docs/hosting.md gives the same rules for nginx.
"""

import os

IMMUTABLE = "public, max-age=31536000, immutable"
HTML = "public, max-age=0, must-revalidate"


def text(fingerprinted_paths, policy):
    lines = ["# Written by the build (plugins/xcfl_theme/headers.py). See docs/hosting.md.", ""]
    for path in sorted(fingerprinted_paths):
        lines += [f"/{path}", f"  Cache-Control: {IMMUTABLE}", ""]
    lines += ["/*", f"  Cache-Control: {HTML}", "  X-Content-Type-Options: nosniff",
              f"  Content-Security-Policy: {policy}",
              "  Referrer-Policy: strict-origin-when-cross-origin", ""]
    return "\n".join(lines)


def write(fingerprinted_paths, output_path, policy):
    with open(os.path.join(output_path, "_headers"), "w", encoding="utf-8") as handle:
        handle.write(text(fingerprinted_paths, policy))
