"""/streets/: every street with its counts of families, studios, teams and articles,
reached from every street page's breadcrumbs and from /stats/."""

import os

import yaml

from helpers import CONTENT, article, build, copy_content, soup, write

COLLECTIONS = ("families", "studios", "teams")


def header(path):
    """An article's header as {key: value}: the lines before the first blank line."""
    found = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                break
            key, _, value = line.partition(":")
            found[key.strip()] = value.strip()
    return found


def expected_rows(content):
    """[(street name, street id, families, studios, teams, articles)] in streets.yaml's
    order, counted from the YAML files and the articles' headers, not from the build."""
    with open(os.path.join(content, "data", "streets.yaml"), encoding="utf-8") as handle:
        streets = yaml.safe_load(handle)
    counts = {street["name"]: dict.fromkeys(COLLECTIONS + ("articles",), 0) for street in streets}
    for collection in COLLECTIONS:
        folder = os.path.join(content, "data", collection)
        for name in os.listdir(folder):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
            for record in data if isinstance(data, list) else [data]:
                counts[record["street"]][collection] += 1
    for folder, _, names in os.walk(os.path.join(content, "articles")):
        for name in names:
            if name.endswith(".md"):
                meta = header(os.path.join(folder, name))
                if meta.get("Street") and meta.get("Status") != "draft":
                    counts[meta["Street"]]["articles"] += 1
    return [(s["name"], s["id"], *counts[s["name"]].values()) for s in streets]


def table_rows(output):
    page = soup(output, "streets/index.html")
    table = page.find("main").find("table")
    assert [th.get_text(strip=True) for th in table.thead.find_all("th")] == [
        "街道", "最美家庭", "巧娘工作室", "志愿服务队", "新闻"]
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    rows = []
    for row in table.tbody.find_all("tr"):
        assert row.th["scope"] == "row"
        link = row.th.a
        rows.append((link.get_text(strip=True), link["href"],
                     *(int(td.get_text()) for td in row.find_all("td"))))
    return rows


def as_built(rows):
    return [(name, f"/streets/{street_id}/", *numbers) for name, street_id, *numbers in rows]


def test_streets_index_lists_every_street_with_its_counts(dev_site):
    expected = expected_rows(CONTENT)
    assert len(expected) == 15
    assert table_rows(dev_site) == as_built(expected)
    # the sample content has streets with and without each kind, so the numbers say something
    assert {row[5] for row in expected} >= {0, 1, 2}
    for name, href, *_ in as_built(expected):
        assert os.path.exists(os.path.join(dev_site, href.lstrip("/"), "index.html")), href


def test_streets_index_is_a_page_of_its_own(dev_site):
    page = soup(dev_site, "streets/index.html")
    assert page.h1.get_text(strip=True) == "各街道"
    assert page.title.get_text() == "各街道 - 西城区妇女联合会"
    crumbs = page.find("nav", class_="xc-breadcrumbs")
    assert [li.get_text(strip=True) for li in crumbs.find_all("li")] == ["首页", "各街道"]
    assert crumbs.find(attrs={"aria-current": "page"}).get_text() == "各街道"
    assert page.find("main").find("a", href="/stats/")
    assert not page.find(attrs={"data-search-body": True})  # a listing, not searched


def test_every_street_page_breadcrumb_links_to_the_index(dev_site):
    for name, street_id, *_ in expected_rows(CONTENT):
        crumbs = soup(dev_site, f"streets/{street_id}/index.html").find(
            "nav", class_="xc-breadcrumbs")
        items = crumbs.find_all("li")
        assert [li.get_text(strip=True) for li in items] == ["首页", "各街道", name]
        assert items[1].a["href"] == "/streets/"


def test_stats_links_to_the_index(dev_site):
    link = soup(dev_site, "stats/index.html").find("main").find("a", href="/streets/")
    assert "各街道" in link.get_text()


def test_published_index_uses_absolute_addresses(published_site):
    from helpers import SITEURL

    rows = table_rows(published_site)
    assert rows[0][1] == f"{SITEURL}/streets/xichanganjie/"
    with open(os.path.join(published_site, "sitemap.xml"), encoding="utf-8") as handle:
        assert f"<loc>{SITEURL}/streets/</loc>" in handle.read()


def test_counts_follow_the_content_and_never_count_drafts(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    articles = os.path.join(content, "articles")
    write(os.path.join(articles, "2024-05-01-shichahai-one.md"),
          article("什刹海街道活动一", "2024-05-01", Street="什刹海街道"))
    write(os.path.join(articles, "more", "2024-05-02-shichahai-two.md"),
          article("什刹海街道活动二", "2024-05-02", Street="什刹海街道"))
    write(os.path.join(articles, "2024-05-03-niujie-draft.md"),
          article("牛街草稿", "2024-05-03", Street="牛街街道", Status="draft"))
    write(os.path.join(content, "data", "teams", "shichahai-extra.yaml"),
          "name: 什刹海测试服务队\nstreet: 什刹海街道\nkind: 其他\n")
    output = build(content, str(tmp_path / "site"))
    expected = expected_rows(content)
    row = {r[0]: r for r in expected}
    assert row["什刹海街道"][4:] == (1, 2) and row["牛街街道"][5] == 1  # the draft is not counted
    assert table_rows(output) == as_built(expected)


def test_a_rebuild_into_the_same_output_updates_the_counts(tmp_path):
    """The page kept from the previous build must not hide a moved article."""
    content = copy_content(str(tmp_path / "content"))
    moved = os.path.join(content, "articles", "2024-05-01-moving.md")
    write(moved, article("会搬家的文章", "2024-05-01", Street="什刹海街道"))
    output = build(content, str(tmp_path / "site"))
    assert table_rows(output) == as_built(expected_rows(content))
    write(moved, article("会搬家的文章", "2024-05-01", Street="牛街街道"))
    build(content, output)
    expected = expected_rows(content)
    assert {r[0]: r[5] for r in expected}["牛街街道"] == 2
    assert table_rows(output) == as_built(expected)
