"""`_headers`: cache rules and security headers for the static host
(Netlify / Cloudflare Pages format).

Fingerprinted files never change under their name, so browsers may keep them
a year without asking again; HTML is revalidated so news shows at once.
docs/hosting.md gives the same rules for nginx (tests/test_headers.py
compares the two).
"""

import os

IMMUTABLE = "public, max-age=31536000, immutable"
HTML = "public, max-age=0, must-revalidate"
HSTS_MAX_AGE = 31536000  # one year: what Chinese security scans and hstspreload ask for

# Browser features the site never uses, denied to it and to anything that
# could frame or be injected into it. Only names Chromium knows (an unknown
# name (bluetooth, in Chromium 156) logs a console error on every
# page); tests/test_headers.py checks that in Chromium. Fullscreen and
# picture-in-picture stay allowed: a reader may enlarge a video of an article.
DENIED_FEATURES = [
    "accelerometer", "autoplay", "browsing-topics", "camera", "clipboard-read",
    "display-capture", "encrypted-media", "gamepad", "geolocation", "gyroscope", "hid",
    "idle-detection", "local-fonts", "magnetometer", "microphone", "midi",
    "otp-credentials", "payment", "publickey-credentials-create",
    "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "window-management", "xr-spatial-tracking",
]
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


def strict_transport_security(settings):
    """The HSTS value, or None unless the site says it is served only over HTTPS:
    once a browser has seen it, plain-HTTP access is refused for a year."""
    if not settings.get("XCFL_HTTPS_ONLY"):
        return None
    value = f"max-age={HSTS_MAX_AGE}"
    if settings.get("XCFL_HSTS_INCLUDE_SUBDOMAINS"):
        value += "; includeSubDomains"
    return value


def security_headers(policy, settings):
    """(name, value) of the headers every page is sent with."""
    found = [
        ("X-Content-Type-Options", "nosniff"),
        ("Content-Security-Policy", policy),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),  # frame-ancestors 'none' for scanners and old browsers
        ("Permissions-Policy", PERMISSIONS_POLICY),
    ]
    hsts = strict_transport_security(settings)
    if hsts:
        found.append(("Strict-Transport-Security", hsts))
    return found


def text(fingerprinted_paths, policy, settings):
    lines = ["# Written by the build (plugins/xcfl_theme/headers.py). See docs/hosting.md.", ""]
    for path in sorted(fingerprinted_paths):
        lines += [f"/{path}", f"  Cache-Control: {IMMUTABLE}", ""]
    lines += ["/*", f"  Cache-Control: {HTML}"]
    lines += [f"  {name}: {value}" for name, value in security_headers(policy, settings)]
    lines.append("")
    return "\n".join(lines)


def write(fingerprinted_paths, output_path, policy, settings):
    with open(os.path.join(output_path, "_headers"), "w", encoding="utf-8") as handle:
        handle.write(text(fingerprinted_paths, policy, settings))
