"""Development settings: `make html`, `make serve`, and the base of publishconf.py."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Our plugins import each other's helpers (xcfl_problems, xcfl_guard);
# Pelican's loader alone would make that depend on the order of PLUGINS.
sys.path.insert(0, os.path.join(HERE, "plugins"))

SITENAME = "西城区妇女联合会"
SITESUBTITLE = "西城女性 · 服务妇女儿童和家庭"
AUTHOR = "西城区妇女联合会"
SITEURL = ""
DEFAULT_LANG = "zh-CN"
TIMEZONE = "Asia/Shanghai"
DEFAULT_DATE_FORMAT = "%Y年%-m月%-d日"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "files"]  # files/: attachments (xcfl_images/attachments.py)
USE_FOLDER_AS_CATEGORY = False


def newest_first(article):
    """Newest first; the slug breaks ties, so same-day articles keep one order
    (Pelican reads files in an order that changes from run to run)."""
    return (-article.date.timestamp(), article.slug)


ARTICLE_ORDER_BY = newest_first
DEFAULT_CATEGORY = ""
ARTICLE_TRANSLATION_ID = None  # one language; duplicate slugs are our own error
FORMATTED_FIELDS = []  # Summary is plain text (§2), escaped like any other field
DELETE_OUTPUT_DIRECTORY = False  # tools/build.py builds into a new folder
OUTPUT_SOURCES = False

# Categories: URL slug -> the name editors write after "Category:".
XCFL_CATEGORIES = {
    "news": "工作动态",
    "notices": "通知公告",
    "organization": "组织建设",
    "rights": "权益维护",
    "family": "家庭文明",
    "women": "巾帼风采",
}
# First-level URLs the site itself uses: no standing page may take them.
XCFL_RESERVED_SLUGS = [
    "tags", "archives", "search", "feeds", "theme", "images", "files", "families",
    "studios", "teams", "streets", "stats", "page", "drafts", "sitemap",
]
XCFL_MAX_FILE_MB = 5
# Mobile or ID numbers that may appear on public pages on purpose (digits only).
XCFL_PERSONAL_DATA_ALLOW = []

# The filing footer of every page (content model §5). Never hard-coded in templates.
XCFL_FILING = {
    "icp": "京ICP备19014909号-1",
    "icp_url": "https://beian.miit.gov.cn/",
    "police": "京公网安备11010202007633号",
    "police_url": "https://beian.mps.gov.cn/#/query/webSearch?code={code}",
    "badge": "theme/images/police-badge.png",
    "badge_alt": "公安备案图标",
}
XCFL_FILING_REQUIRED = False  # publishconf.py: a missing number fails the build
XCFL_ORGANIZATION = {
    "owner": "西城区妇女联合会",
    "address": "北京市西城区广安门南街68号",
    "phone": "010-83976220",
    "postcode": "100054",
}

# 网站标识码 (SiteIDCode) given by the national government-website registry, shown in the
# footer and in every page's <meta name="SiteIDCode">: 10 digits, the 6-digit
# administrative division code then 4 digits (西城区: 110102xxxx). "" when the site has none.
XCFL_SITE_ID_CODE = ""
# The government-site meta tags of each column (政府网站网页元数据: ColumnDescription,
# ColumnKeywords, ColumnType), by URL slug: the categories, the collections, tags, archives.
# The column's name is the one the site shows.
XCFL_COLUMNS = {
    "news": {"description": "西城区妇联及各街道妇联的工作动态和活动报道",
             "keywords": "工作动态,妇联活动,西城区妇联", "type": "政务动态"},
    "notices": {"description": "西城区妇联发布的通知、公告和公示",
                "keywords": "通知公告,通知,公示", "type": "通知公告"},
    "organization": {"description": "妇联基层组织建设、妇女之家和妇联改革",
                     "keywords": "组织建设,妇女之家,基层妇联", "type": "工作动态"},
    "rights": {"description": "妇女儿童权益维护、法律服务和反家庭暴力工作",
               "keywords": "权益维护,妇女儿童权益,法律服务", "type": "工作动态"},
    "family": {"description": "家庭文明建设、家教家风和最美家庭寻访",
               "keywords": "家庭文明,家教家风,最美家庭", "type": "工作动态"},
    "women": {"description": "西城区巾帼建功、巧娘工作室和优秀女性风采",
              "keywords": "巾帼风采,巾帼建功,巧娘", "type": "工作动态"},
    "families": {"description": "西城区各级最美家庭、文明家庭名录",
                 "keywords": "最美家庭,文明家庭,家庭名录", "type": "专题专栏"},
    "studios": {"description": "西城区巧娘工作室及其技艺、所在街道",
                "keywords": "巧娘工作室,非遗,手工技艺", "type": "专题专栏"},
    "teams": {"description": "西城区巾帼志愿服务队及其服务内容",
              "keywords": "志愿服务队,巾帼志愿者,志愿服务", "type": "专题专栏"},
    "tags": {"description": "按标签浏览西城区妇联网站的全部文章",
             "keywords": "标签,专题", "type": "专题专栏"},
    "archives": {"description": "西城区妇联网站全部文章，按年份排列",
                 "keywords": "文章归档,全部文章", "type": "政务动态"},
}

# URLs (content model §4): ASCII, ending in "/".
ARTICLE_URL = "{category}/{date:%Y}/{slug}/"  # {category} is the slug
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
DRAFT_URL = DRAFT_SAVE_AS = ""  # drafts are never published, anywhere
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
SEARCH_URL = "search/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
SITEMAP_URL = "sitemap/"  # the readers' 网站地图 (HTML); sitemap.xml is xcfl_sitemap's
SITEMAP_SAVE_AS = SITEMAP_URL + "index.html"
NOTFOUND_SAVE_AS = "404.html"
CATEGORIES_SAVE_AS = AUTHORS_SAVE_AS = AUTHOR_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives", "search", "sitemap", "notfound"]
PAGINATED_TEMPLATES = {"category": None, "tag": None}
DEFAULT_PAGINATION = 15
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Feeds only in publish builds, where SITEURL makes their links absolute.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.sane_lists": {},
        "xcfl_articles.indented": {},  # a paragraph indented by spaces is not code
        "xcfl_articles.headings": {},  # "#话题#" is not a heading: "## " needs its space
    },
    "output_format": "html5",
}

THEME = os.path.join(HERE, "theme")
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"]
# auto_reload off: each build has its own template environment (make serve makes a
# new one per build), so checking every template file's mtime on every use (~4 %
# of the time spent rendering) never finds a change.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True,
                     "auto_reload": False}

PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = [
    "xcfl_problems",
    "xcfl_articles",
    "xcfl_guard",
    "xcfl_filing",
    "xcfl_theme",
    "xcfl_share",
    "xcfl_records",
    "xcfl_images",
    "xcfl_sitemap",
    # before xcfl_search at `finalized`: a broken link stops the build before the
    # index is made, and the check does not start from the memory the index leaves
    "xcfl_linkcheck",
    "xcfl_search",
    "xcfl_redirects",
    "xcfl_feeds",
    "xcfl_render",  # last: its generator renders the pages the others wrote (no order needed)
]

# Pelican's own content cache stays off. It knows a file only by its mtime (not
# the settings, not our plugins' code) and, on a hit, skips our reader, so the
# header checks that look beyond the file (a Cover image deleted since) would
# not run, and the generator layer would skip the signals that report problems.
# Our caches below are keyed by bytes + settings + code, and hold no check.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# Our own build caches (rendered Markdown and parsed headers, parsed records,
# pages of the previous output; docs/architecture.md "Build caches"): outside
# OUTPUT_PATH, so `make publish` can build into a fresh folder and still reuse them.
# Everything in it can be deleted at any time; the next build is just slower.
XCFL_CACHE_PATH = os.environ.get("XCFL_CACHE_PATH") or os.path.join(HERE, "cache")
# Processes that render the pages (xcfl_render): 0 one per core; 1 Pelican's own
# serial writer (what tests/test_parallel_render.py compares with).
XCFL_RENDER_PROCESSES = int(os.environ.get("XCFL_RENDER_PROCESSES") or 0)
# make serve only (tools/preview): {"pages": [output names], "written": file}: those
# pages are rendered at once, as Pelican's own writer would, and "name<TAB>path"
# appended to the file, so an open tab can show its page before the build ends.
XCFL_RENDER_FIRST = None

# Main navigation: (URL, label): the categories, then the data collections.
XCFL_NAV = [(f"{slug}/", name) for slug, name in XCFL_CATEGORIES.items()]
XCFL_NAV += [("families/", "最美家庭"), ("studios/", "巧娘工作室"), ("teams/", "志愿服务队")]
XCFL_HOME_LEAD_CATEGORIES = ["news", "notices"]  # the two wide blocks at the top of the home page

# The public address of the site: Open Graph URLs and the articles' QR codes are
# absolute. Development builds (SITEURL "") use the production address, so a QR
# code scanned from a preview opens the published page; publishconf.py sets SITEURL.
XCFL_PUBLIC_URL = "https://fulian.bjxch.gov.cn"
XCFL_ACCESSIBILITY_URL = "accessibility/"  # the 无障碍说明 page the toolbar links to

# Served only over HTTPS (every address redirects to https://)? Then `_headers` adds
# Strict-Transport-Security for a year: browsers refuse plain HTTP afterwards, so
# turn it on only once HTTPS works for good (docs/hosting.md).
XCFL_HTTPS_ONLY = False
XCFL_HSTS_INCLUDE_SUBDOMAINS = False  # also every *.host: only if all of them are HTTPS too
