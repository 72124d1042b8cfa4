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
