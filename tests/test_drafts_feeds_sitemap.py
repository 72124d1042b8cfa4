"""Drafts are published nowhere; feeds and the sitemap are well-formed and complete."""

import os
import xml.etree.ElementTree as ET

from helpers import CONTENT, SITEURL, html_pages, output_texts

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DRAFT_CANARY = "草稿专用词甲乙丙"
DRAFT_SLUG = "xingfu-ketang-spring-draft"


def test_sample_content_has_a_draft():
    drafts = [name for name in os.listdir(os.path.join(CONTENT, "articles"))
              if DRAFT_CANARY in open(os.path.join(CONTENT, "articles", name), encoding="utf-8").read()]
    assert drafts == ["2026-03-20-xingfu-ketang-spring-draft.md"]


def test_draft_absent_from_every_output_file(published_site):
    for path, text in output_texts(published_site):
        assert DRAFT_CANARY not in text, path
        assert DRAFT_SLUG not in text, path
        assert DRAFT_SLUG not in path


def test_all_feed_is_well_formed_and_lists_every_article(published_site):
    tree = ET.parse(os.path.join(published_site, "feeds/all.atom.xml"))
    links = {entry.find(f"{ATOM}link").get("href") for entry in tree.iter(f"{ATOM}entry")}
    articles = {f"{SITEURL}/{p[: -len('index.html')]}" for p in html_pages(published_site)
                if p.count("/") == 3 and p.split("/")[1].isdigit()}
    assert links == articles
    assert len(links) == 16


def test_one_feed_per_category(published_site):
    total = 0
    for slug in ("news", "notices", "organization", "rights", "family", "women"):
        tree = ET.parse(os.path.join(published_site, f"feeds/{slug}.atom.xml"))
        entries = list(tree.iter(f"{ATOM}entry"))
        assert entries, slug
        for entry in entries:
            assert entry.find(f"{ATOM}link").get("href").startswith(f"{SITEURL}/{slug}/")
        total += len(entries)
    assert total == 16


def test_sitemap_lists_every_page_and_nothing_else(published_site):
    tree = ET.parse(os.path.join(published_site, "sitemap.xml"))
    locations = [loc.text for loc in tree.iter(f"{SITEMAP}loc")]
    assert len(locations) == len(set(locations))
    expected = {f"{SITEURL}/{p[: -len('index.html')]}" for p in html_pages(published_site)
                if p not in ("404.html", "search/index.html")}
    assert set(locations) == expected


def test_robots_points_to_sitemap(published_site):
    with open(os.path.join(published_site, "robots.txt"), encoding="utf-8") as handle:
        assert f"Sitemap: {SITEURL}/sitemap.xml" in handle.read()


def test_sitemap_dates_are_the_articles_dates(published_site):
    import re

    tree = ET.parse(os.path.join(published_site, "sitemap.xml"))
    dated = 0
    for url in tree.iter(f"{SITEMAP}url"):
        loc, lastmod = url.find(f"{SITEMAP}loc").text, url.find(f"{SITEMAP}lastmod")
        article = re.fullmatch(rf"{re.escape(SITEURL)}/[a-z]+/(\d{{4}})/[^/]+/", loc)
        if article:
            assert re.fullmatch(rf"{article.group(1)}-\d\d-\d\d", lastmod.text), loc
            dated += 1
    assert dated >= 10
    feed = ET.parse(os.path.join(published_site, "feeds", "all.atom.xml"))
    atom = "{http://www.w3.org/2005/Atom}"
    for entry in feed.iter(f"{atom}entry"):  # the same day as the feed's own date
        loc = entry.find(f"{atom}link").get("href")
        day = entry.find(f"{atom}published").text[:10]
        (url,) = [u for u in tree.iter(f"{SITEMAP}url") if u.find(f"{SITEMAP}loc").text == loc]
        assert url.find(f"{SITEMAP}lastmod").text == day, loc


def feed_identity(published_site, name):
    root = ET.parse(os.path.join(published_site, "feeds", name)).getroot()
    alternate = [link.get("href") for link in root.findall(f"{ATOM}link")
                 if link.get("rel", "alternate") == "alternate"]
    own = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    return root.find(f"{ATOM}id").text, alternate, own


def test_every_feed_has_its_own_id_and_links_to_its_own_section(published_site):
    names = sorted(os.listdir(os.path.join(published_site, "feeds")))
    assert len(names) == 7
    ids = set()
    for name in names:
        identity, alternate, own = feed_identity(published_site, name)
        assert own == [f"{SITEURL}/feeds/{name}"]
        assert identity == own[0]
        ids.add(identity)
        slug = name.removesuffix(".atom.xml")
        section = f"{SITEURL}/" if slug == "all" else f"{SITEURL}/{slug}/"
        assert alternate == [section], name
        assert os.path.isfile(os.path.join(published_site, section[len(SITEURL) + 1:], "index.html"))
    assert len(ids) == 7
