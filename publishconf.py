"""Production settings: `make publish`. Absolute URLs, feeds, filing numbers required."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", XCFL_PUBLIC_URL).rstrip("/")  # noqa: F405
XCFL_PUBLIC_URL = SITEURL
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"

XCFL_FILING_REQUIRED = True
