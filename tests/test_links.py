"""Every link and asset reference into the site resolves to a file of the output."""

import os
from urllib.parse import unquote

from helpers import SITEURL, html_pages, soup, url_to_path

REFERENCES = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
              ("form", "action"), ("source", "srcset")]


def internal_references(page):
    for tag, attribute in REFERENCES:
        for element in page.find_all(tag):
            value = element.get(attribute)
            if value:
                yield tag, value.split()[0] if tag == "source" else value


def check_site(output, siteurl):
    broken = []
    ids = {}
    for path in html_pages(output):
        page = soup(output, path)
        ids[os.path.join(output, path)] = {tag["id"] for tag in page.find_all(id=True)}
    for path in html_pages(output):
        page = soup(output, path)
        for tag, url in internal_references(page):
            if url.startswith("#"):
                if url != "#" and url[1:] not in ids[os.path.join(output, path)]:
                    broken.append(f"{path}: {url}")
                continue
            target = url_to_path(output, unquote(url), siteurl)
            if target is None:
                continue
            if not os.path.isfile(target):
                broken.append(f"{path}: {tag} -> {url}")
            elif "#" in url and target.endswith(".html"):
                fragment = url.split("#", 1)[1]
                if fragment not in ids.get(target, set()):
                    broken.append(f"{path}: {url} (no such anchor)")
    return broken


def test_published_site_has_no_broken_links(published_site):
    assert check_site(published_site, SITEURL) == []


def test_development_site_has_no_broken_links(dev_site):
    assert check_site(dev_site, "") == []
