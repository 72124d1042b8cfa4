"""Each feed its own identity: an Atom ``<id>`` and an alternate link of its own.

Pelican gives every feed the site root as both, so a reader subscribed to
通知公告 and to the whole site sees one feed twice, and the category feed's
"website" link does not lead to the category. At ``feed_generated`` (before
the file is written) a feed takes its own address as its id (unique and
permanent as long as its URL is) and links to the page of its section: the
category page for a category feed, the home page for the site's feed.
"""

from urllib.parse import urljoin

from pelican import signals


def feed_url(settings, name, slug=None):
    """The public address Pelican gives the feed of setting ``name`` (see
    ArticlesGenerator.generate_feeds): ``<name>_URL`` or the path, on FEED_DOMAIN."""
    path = str(settings.get(f"{name}_URL", settings[name]))
    if slug is not None:
        path = path.format(slug=slug)
    domain = settings.get("FEED_DOMAIN") or ""
    return urljoin(domain if domain.endswith("/") else domain + "/", path)


def section_pages(context):
    """{feed address: address of its section's page} for the category feeds."""
    siteurl = context["SITEURL"]
    pages = {}
    for name in ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"):
        if not context.get(name):
            continue
        for category, _ in context.get("categories", ()):
            pages[feed_url(context, name, category.slug)] = f"{siteurl}/{category.url}"
    return pages


def own_identity(context, feed):
    address = feed.feed["feed_url"]
    feed.feed["id"] = address
    feed.feed["link"] = section_pages(context).get(address, context["SITEURL"] + "/")


def register():
    signals.feed_generated.connect(own_identity)
