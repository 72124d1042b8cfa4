"""The URL contract (content model §4) on the published sample site."""

import os
import re

import pytest

from helpers import CONTENT, build, files, html_pages, soup, write, article

CATEGORIES = ["news", "notices", "organization", "rights", "family", "women"]


def test_every_url_is_ascii_and_ends_in_slash(published_site):
    allowed_files = {"404.html", "sitemap.xml", "robots.txt"}
    for path in files(published_site):
        # an attachment keeps its Chinese name; its URL is that name percent-encoded
        # (ASCII), so a download is saved under it (tests/test_attachments.py)
        assert path.isascii() or path.startswith("files/"), path
        if path.endswith(".html") and path not in allowed_files:
            assert path.endswith("index.html"), path


def test_articles_live_under_category_year_slug(published_site):
    articles = [p for p in html_pages(published_site)
                if re.match(r"^[a-z]+/\d{4}/[a-z0-9-]+/index\.html$", p)]
    sources = [name for name in os.listdir(os.path.join(CONTENT, "articles"))
               if "draft" not in name]
    assert len(articles) == len(sources)
    assert "news/2018/reform-achievements/index.html" in articles
    for path in articles:
        assert path.split("/")[0] in CATEGORIES, path


def test_explicit_slug_wins_over_file_name(published_site):
    assert os.path.isfile(os.path.join(
        published_site, "rights/2020/anti-domestic-violence-campaign-2020/index.html"))


@pytest.mark.parametrize("path", [
    "index.html", "archives/index.html", "tags/index.html", "search/index.html",
    "about/index.html", "contact/index.html", "accessibility/index.html",
    "404.html", "sitemap.xml", "robots.txt", "feeds/all.atom.xml",
] + [f"{slug}/index.html" for slug in CATEGORIES] + [f"feeds/{slug}.atom.xml" for slug in CATEGORIES])
def test_contract_url_exists(published_site, path):
    assert os.path.isfile(os.path.join(published_site, path))


def test_tag_pages_are_ascii(published_site):
    tags = [p for p in html_pages(published_site) if p.startswith("tags/") and p != "tags/index.html"]
    assert tags
    for path in tags:
        assert re.match(r"^tags/[a-z0-9-]+/index\.html$", path), path


def test_no_drafts_folder_and_no_author_or_category_index(published_site):
    for unwanted in ("drafts", "author", "authors.html", "categories.html", "categories"):
        assert not os.path.exists(os.path.join(published_site, unwanted)), unwanted


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory):
    """40 articles in one category: enough for three pages of 15."""
    content = tmp_path_factory.mktemp("many") / "content"
    for number in range(40):
        write(str(content / "articles" / f"2024-01-{number % 28 + 1:02d}-item-{number}.md"),
              article(title=f"第{number}条消息", date=f"2024-01-{number % 28 + 1:02d}"))
    return build(str(content), str(tmp_path_factory.mktemp("many-out") / "site"))


def test_category_pagination(many_articles):
    assert os.path.isfile(os.path.join(many_articles, "news/page/2/index.html"))
    assert os.path.isfile(os.path.join(many_articles, "news/page/3/index.html"))
    assert not os.path.exists(os.path.join(many_articles, "news/page/4"))
    first = soup(many_articles, "news/index.html")
    nav = first.find("nav", attrs={"aria-label": "分页"})
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == "/news/"
    assert nav.find("a", rel="next")["href"] == "/news/page/2/"
    second = soup(many_articles, "news/page/2/index.html")
    assert second.find("nav", attrs={"aria-label": "分页"}).find(
        "a", attrs={"aria-current": "page"})["href"] == "/news/page/2/"
    titles = set()
    for path in ("news/index.html", "news/page/2/index.html", "news/page/3/index.html"):
        for link in soup(many_articles, path).select(".xc-article-list__title a"):
            titles.add(link.get_text())
    assert len(titles) == 40


def test_slug_defaults_to_file_name_without_date(many_articles):
    assert os.path.isfile(os.path.join(many_articles, "news/2024/item-7/index.html"))
