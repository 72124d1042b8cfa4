"""The government-site meta tags (政府网站网页元数据: SiteName, SiteIDCode, Column*,
Article*…) that the district's collection and inspection platforms read.

The tags themselves are written by theme/templates/partials/gov-meta.html; here
are the checks of the settings they come from, reported like the filing numbers'.
"""

import re
import urllib.parse

from pelican import signals

from xcfl_problems import Problem, report
from xcfl_problems.messages import message
from xcfl_records.kinds import COLLECTIONS

SETTINGS_FILE = "设置（pelicanconf.py / publishconf.py）"
# 6-digit administrative division code (its first two digits a province-level
# code: 11 北京 … 82 澳门) followed by a 4-digit number.
PROVINCE_CODES = ("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
                  "50 51 52 53 54 61 62 63 64 65 71 81 82").split()
SITE_ID_CODE = re.compile(rf"^(?:{'|'.join(PROVINCE_CODES)})\d{{8}}$")
COLUMN_FIELDS = ("description", "keywords", "type")


def site_id_code_problems(value):
    value = value or ""
    if value and not SITE_ID_CODE.match(value):
        return [("XCFL_SITE_ID_CODE", message("bad-site-id-code", value=value))]
    return []


def column_problems(columns, category_slugs):
    """Every column page needs its description, keywords and type."""
    expected = [*category_slugs, *(c.name for c in COLLECTIONS), "tags", "archives"]
    found = []
    for slug in expected:
        entry = columns.get(slug) or {}
        missing = [field for field in COLUMN_FIELDS if not str(entry.get(field) or "").strip()]
        if missing:
            found.append((f"XCFL_COLUMNS.{slug}",
                          message("column-meta-missing", slug=slug, fields="、".join(missing))))
    return found


def url_host(url):
    """SiteDomain: the host of an address, without scheme or path."""
    return urllib.parse.urlsplit(url).netloc


def check_settings(generator):
    settings = generator.settings
    found = site_id_code_problems(settings["XCFL_SITE_ID_CODE"])
    found += column_problems(settings["XCFL_COLUMNS"], settings["XCFL_CATEGORIES"])
    for key, text in found:
        report(Problem(SETTINGS_FILE, None, key, text))


def add_filter(pelican):
    pelican.settings.setdefault("JINJA_FILTERS", {})["url_host"] = url_host


def register():
    signals.initialized.connect(add_filter)
    signals.article_generator_init.connect(check_settings)
