"""The records' pages in the sample build: listings, filters, record, street and stats pages."""

import os
import re

import pytest

from helpers import CONTENT, SITEURL, html_pages, soup, url_to_path

COLLECTIONS = ("families", "studios", "teams")


def sample_records():
    """(collection, id, name, street name) of every sample record, read independently."""
    import yaml

    found = []
    for collection in COLLECTIONS:
        folder = os.path.join(CONTENT, "data", collection)
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
            for record in data if isinstance(data, list) else [dict(data, id=name[:-5])]:
                found.append((collection, record["id"], record["name"], record["street"]))
    return found


def street_ids():
    import yaml

    with open(os.path.join(CONTENT, "data", "streets.yaml"), encoding="utf-8") as handle:
        return {street["name"]: street["id"] for street in yaml.safe_load(handle)}


RECORDS = sample_records()


def links(page):
    return {a["href"] for a in page.find_all("a", href=True)}


def test_sample_data_meets_the_issue():
    by = {c: [r for r in RECORDS if r[0] == c] for c in COLLECTIONS}
    assert len(street_ids()) == 15
    assert len(by["families"]) >= 12 and len(by["studios"]) >= 8 and len(by["teams"]) >= 10


@pytest.mark.parametrize("collection,record_id,name,street", RECORDS,
                         ids=[r[1] for r in RECORDS])
def test_record_in_listing_street_page_and_sitemap(published_site, collection, record_id,
                                                   name, street):
    url = f"{SITEURL}/{collection}/{record_id}/"
    page = soup(published_site, f"{collection}/{record_id}/index.html")
    assert page.h1.get_text(strip=True) == name
    assert url in links(soup(published_site, f"{collection}/index.html"))
    street_page = soup(published_site, f"streets/{street_ids()[street]}/index.html")
    assert url in links(street_page)
    street_link = page.find("a", string=street)
    assert street_link["href"] == f"{SITEURL}/streets/{street_ids()[street]}/"
    with open(os.path.join(published_site, "sitemap.xml"), encoding="utf-8") as handle:
        assert f"<loc>{url}</loc>" in handle.read()


def test_listing_counts(dev_site):
    page = soup(dev_site, "families/index.html")
    text = " ".join(page.get_text(" ", strip=True).split())
    assert "共 12 户" in text
    assert page.find("a", href="/families/level/quan-guo-wen-ming-jia-ting/").get_text(
        " ", strip=True) == "全国文明家庭 1 户"
    home = " ".join(soup(dev_site, "index.html").get_text(" ", strip=True).split())
    assert "最美家庭 12 户" in home and "巧娘工作室 9 个" in home and "志愿服务队 11 支" in home
    assert soup(dev_site, "index.html").find("a", href="/stats/")


FILTERS = {  # collection -> field checked on each record page
    "families": ("level", "year", "street"),
    "studios": ("craft", "street"),
    "teams": ("kind", "street"),
}


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_filters_work_without_javascript(dev_site, collection):
    """Follow every filter link; the filtered page lists exactly the matching records."""
    listing = soup(dev_site, f"{collection}/index.html")
    assert not listing.find("main").find("script")  # filters are links (the toolbar has its own script)
    filter_links = listing.find("nav", class_="xc-filters").find_all("a")
    facets = {a["href"].split("/")[2] for a in filter_links}
    assert facets == set(FILTERS[collection])
    facts = {}
    for _, record_id, name, _ in [r for r in RECORDS if r[0] == collection]:
        page = soup(dev_site, f"{collection}/{record_id}/index.html")
        facts[name] = {dt.get_text(strip=True): dd.get_text(strip=True)
                       for dt, dd in zip(page.select(".xc-facts dt"), page.select(".xc-facts dd"))}
    labels = {"level": "级别", "year": "获评年份", "craft": "技艺", "kind": "类型", "street": "街道"}
    for link in filter_links:
        href = link["href"]
        assert re.fullmatch(r"/[a-z]+/[a-z]+/[a-z0-9-]+/", href), href
        facet = href.split("/")[2]
        value = link.contents[0].strip()
        page = soup(dev_site, os.path.relpath(url_to_path(dev_site, href), dev_site))
        shown = {a.get_text(strip=True) for a in page.select(".xc-cards .xc-card__title a")}
        expected = {name for name, fact in facts.items() if fact[labels[facet]] == value}
        assert shown == expected and shown, href
        assert page.find("a", attrs={"aria-current": "page"}, href=href)


def test_article_shows_cards_and_records_link_back_newest_first(dev_site):
    article_url = "/organization/2019/niujie-community-election/"
    article = soup(dev_site, article_url.strip("/") + "/index.html")
    cards = article.select(".xc-related .xc-card__title a")
    assert [a["href"] for a in cards] == [
        "/families/chen-family-niujie/", "/families/ma-family-niujie/", "/studios/niujie-miansu/"]
    assert article.select_one(".xc-related__street a")["href"] == "/streets/niujie/"
    record = soup(dev_site, "families/li-family-yuetan/index.html")
    related = [a["href"] for a in record.select(".xc-record__articles a")]
    assert related == ["/family/2019/family-day-lecture/", "/news/2018/reform-achievements/"]
    street = soup(dev_site, "streets/niujie/index.html")
    assert article_url in {a["href"] for a in street.select("#street-articles ~ ul a")}


def test_drafts_never_linked(dev_site):
    for path in html_pages(dev_site):
        assert "xingfu-ketang-spring" not in str(soup(dev_site, path).find("main")), path


def test_record_page_fields_photos_and_search_meta(dev_site):
    page = soup(dev_site, "studios/desheng-jianzhi/index.html")
    body = page.find(attrs={"data-search-body": True})
    assert body.find("h1") and body.find("span", attrs={"data-search-filter": "类型"}).string == "巧娘工作室"
    assert body.find("span", attrs={"data-search-filter": "街道"}).string == "德胜街道"
    text = body.get_text(" ", strip=True)
    for value in ("剪纸", "刘淑珍", "西城巧娘手工艺发展促进会德胜培训基地", "2016年", "36 人",
                  "每周二、周四 14:00–17:00", "010-62015386", "六铺炕社区", "主要活动"):
        assert value in text
    assert body.find("h2", string="主要活动")  # the description's Markdown is rendered
    image = body.find("img")
    assert image["src"] == "/images/studios/jianzhi.svg"
    # the first picture of the page: loaded at once (issue 15)
    assert (image["width"], image["height"], image.get("loading")) == ("400", "300", None)
    assert image["alt"]
    assert not body.find(class_="xc-record__articles") and not body.find("nav")


@pytest.mark.parametrize("path", ["families/index.html", "families/year/2024/index.html",
                                  "streets/niujie/index.html", "stats/index.html"])
def test_listing_street_and_stats_pages_are_not_indexed(dev_site, path):
    assert not soup(dev_site, path).find(attrs={"data-search-body": True})


def test_stats_charts_are_accessible_svg_with_tables(dev_site):
    page = soup(dev_site, "stats/index.html")
    assert not page.find("main").find("script")  # charts are SVG (the toolbar has its own script)
    charts = page.find_all(class_="xc-chart")
    assert len(charts) == 5
    for chart in charts:
        svg = chart.find("svg")
        assert svg["role"] == "img"
        title = svg.find("title")
        assert title["id"] == svg["aria-labelledby"] and title.get_text(strip=True)
        bars = [(label.get_text(), int(value.get_text())) for label, value in
                zip(svg.select(".xc-chart__label"), svg.select(".xc-chart__value"))]
        rows = [(row.th.get_text(strip=True), int(row.td.get_text()))
                for row in chart.find("table").tbody.find_all("tr")]
        assert bars == rows and bars
    level = dict((row.th.get_text(strip=True), int(row.td.get_text()))
                 for row in charts[0].find("table").tbody.find_all("tr"))
    assert level == {"全国文明家庭": 1, "全国最美家庭": 2, "首都最美家庭": 4, "西城最美家庭": 5}
    streets = charts[-1].find("table").tbody.find_all("tr")
    assert len(streets) == 15


def test_navigation_has_the_collections(dev_site):
    nav = soup(dev_site, "teams/index.html").find("nav", attrs={"aria-label": "主导航"})
    current = nav.find("a", attrs={"aria-current": "page"})
    assert current["href"] == "/teams/" and current.string == "志愿服务队"
    assert {"/families/", "/studios/", "/teams/"} <= {a["href"] for a in nav.find_all("a")}
