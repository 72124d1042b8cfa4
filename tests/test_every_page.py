"""What content model §5 promises on every HTML page, checked on every page."""

import os
import re

import pytest

from helpers import SITEURL, html_pages, soup, url_to_path

ICP_TEXT = "京ICP备19014909号-1"
ICP_HREF = "https://beian.miit.gov.cn/"
POLICE_TEXT = "京公网安备11010202007633号"
POLICE_HREF = "https://beian.mps.gov.cn/#/query/webSearch?code=11010202007633"
ORG_LINE = ("版权所有：西城区妇女联合会 · 地址：北京市西城区广安门南街68号 · "
            "电话：010-83976220 · 邮编：100054")
# Attributes that make a browser load something.
LOADING = [("link", "href"), ("script", "src"), ("img", "src"), ("img", "srcset"),
           ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("audio", "src")]


def test_the_site_has_pages(published_site):
    assert len(html_pages(published_site)) > 30


@pytest.fixture(scope="module")
def pages(published_site):
    return [(path, soup(published_site, path)) for path in html_pages(published_site)]


def test_footer_links_on_every_page(pages):
    for path, page in pages:
        footer = page.find("footer")
        assert footer, path
        icp = footer.find("a", string=ICP_TEXT)
        assert icp and icp["href"] == ICP_HREF, path
        police = footer.find("a", string=POLICE_TEXT)
        assert police and police["href"] == POLICE_HREF, path
        assert ORG_LINE in " ".join(footer.get_text(" ", strip=True).split()), path


def test_police_badge_is_a_local_image_with_alt(pages, published_site):
    for path, page in pages:
        badge = page.find("footer").find("img")
        assert badge["alt"].strip(), path
        assert badge["src"].startswith(SITEURL + "/"), path
        target = url_to_path(published_site, badge["src"], SITEURL)
        assert os.path.isfile(target), path
    with open(target, "rb") as handle:
        assert handle.read(8) == b"\x89PNG\r\n\x1a\n"


def test_language_heading_skip_link_navigation(pages):
    for path, page in pages:
        assert page.html["lang"] == "zh-CN", path
        assert len(page.find_all("h1")) == 1, path
        first_link = page.body.find("a")
        assert first_link["href"] == "#main-content", path
        assert page.find(id="main-content").name == "main", path
        assert page.find("nav", attrs={"aria-label": "主导航"}), path
        assert page.title.get_text(strip=True), path


def test_search_form_works_without_javascript(pages):
    for path, page in pages:
        form = page.find("header").find("form", attrs={"role": "search"})
        assert form["method"] == "get", path
        assert form["action"] == SITEURL + "/search/", path
        field = form.find("input", attrs={"name": "q"})
        assert field and page.find("label", attrs={"for": field["id"]}), path


def test_nothing_is_loaded_from_another_host(pages):
    for path, page in pages:
        for tag, attribute in LOADING:
            for element in page.find_all(tag):
                value = element.get(attribute)
                if not value or (tag == "link" and element.get("rel") == ["alternate"]):
                    continue
                for url in re.split(r",\s*", value):
                    url = url.split()[0]
                    assert url.startswith((SITEURL + "/", "/", "data:")) or "://" not in url, \
                        f"{path}: {tag} {attribute}={url}"


def test_one_stylesheet_fingerprinted(pages):
    for path, page in pages:
        sheets = page.find_all("link", rel="stylesheet")
        assert len(sheets) == 1, path
        assert re.search(r"/theme/site\.[0-9a-f]{10}\.css$", sheets[0]["href"]), path
