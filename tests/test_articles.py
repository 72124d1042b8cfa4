"""How articles render: dates, metadata, table of contents, the seed article's structure."""

import os

from bs4 import BeautifulSoup

from helpers import article, build, copy_content, soup, write

SEED = "news/2018/reform-achievements/index.html"


def test_seed_article_header(published_site):
    page = soup(published_site, SEED)
    assert page.h1.get_text() == "西城区妇联改革取得丰硕成果"
    meta = page.select_one(".xc-article__meta").get_text()
    assert "发布时间：2018年1月19日" in meta
    assert "来源：西城区妇联" in meta
    assert page.find("time")["datetime"].startswith("2018-01-19T00:00:00+08:00")


def test_seed_article_keeps_its_structure_and_numbers(published_site):
    body = soup(published_site, SEED).select_one(".xc-prose")
    sections = [h.get_text() for h in body.find_all("h2")]
    assert sections == ["一、基层组织建设工作不断夯实", "二、网上妇女之家工作持续加强",
                        "三、妇联职能进一步巩固拓展", "四、作风建设持续改进"]
    assert len(body.find_all("h3")) >= 12
    text = body.get_text()
    for number in ("258个社区妇联", "106个巧娘工作室", "“全国最美家庭”7户", "“首都最美家庭”69户",
                   "“西城最美家庭”551户", "1600余名", "70名机关干部"):
        assert number in text, number
    assert "京ICP备" not in text and "版权所有" not in text


def test_long_article_has_table_of_contents_with_working_anchors(published_site):
    page = soup(published_site, SEED)
    toc = page.find("nav", class_="xc-toc")
    links = toc.find_all("a")
    assert len(toc.select(".xc-toc__list > li")) == 4  # 一、 to 四、, the (一) headings nested
    assert len(links) >= 16
    for link in links:
        anchor = link["href"][1:]
        assert anchor.isascii() and anchor
        target = page.find(id=anchor)
        assert target.name in ("h2", "h3")
        assert target.get_text() == link.get_text()


def test_short_article_has_no_table_of_contents(published_site):
    page = soup(published_site, "family/2019/family-day-lecture/index.html")
    assert page.find("nav", class_="xc-toc") is None


def test_time_with_hours_is_beijing_time(published_site):
    page = soup(published_site, "news/2025/sanba-115th-anniversary/index.html")
    assert page.find("time")["datetime"] == "2025-03-07T10:30:00+08:00"


def test_tags_link_to_tag_pages(published_site):
    page = soup(published_site, SEED)
    tags = [a.get_text() for a in page.select(".xc-article__tags a")]
    assert "巧娘工作室" in tags


def test_summary_is_plain_text_and_escaped(tmp_path):
    from helpers import article, build, write
    content = tmp_path / "content"
    write(str(content / "articles" / "x.md"),
          article(Summary="<b>粗体</b> & 摘要", body="正文"))
    output = build(str(content), str(tmp_path / "out"))
    html = open(f"{output}/news/index.html", encoding="utf-8").read()
    assert "&lt;b&gt;粗体&lt;/b&gt; &amp; 摘要" in html
    assert BeautifulSoup(html, "html.parser").find("b") is None


def test_default_summary_is_start_of_body(published_site):
    page = soup(published_site, "news/index.html")
    summaries = [p.get_text() for p in page.select(".xc-article-list__summary")]
    assert all(summaries) and all("<" not in s for s in summaries)


def built_with(tmp_path, slug, body, description_start):
    """The sample site built with one more article (its body) and the family
    record chen-family-niujie's second description paragraph starting
    `description_start`: (article's prose, the record's page)."""
    content = copy_content(str(tmp_path / "content"))
    write(os.path.join(content, f"articles/2024-02-02-{slug}.md"), article(title=slug, body=body))
    family = os.path.join(content, "data/families/chen-family-niujie.yaml")
    with open(family, encoding="utf-8") as handle:
        record = handle.read()
    write(family, record.replace("  马慧敏是法源寺社区", description_start + "马慧敏是法源寺社区"))
    output = build(content, str(tmp_path / "out"))
    return (soup(output, f"news/2024/{slug}/index.html").select_one(".xc-prose"),
            soup(output, "families/chen-family-niujie/index.html"))


def test_an_indented_paragraph_is_a_paragraph_not_code(tmp_path):
    """Text pasted from Word or WeChat has each paragraph indented by spaces or a
    Tab; Markdown would show every one as a code box. In articles and in records'
    descriptions it stays a paragraph; a fenced block is still code, and an
    indented paragraph after a list item still belongs to the item."""
    body, page = built_with(
        tmp_path, "pasted", "    四个空格缩进的第一段，\n    第二行。\n\n\t用 Tab 缩进的第二段。\n\n"
        "1. 第一项\n\n    第一项的第二段\n\n2. 第二项\n\n```\n真的代码\n```\n", "      ")
    paragraphs = [p.get_text() for p in body.find_all("p", recursive=False)]
    assert paragraphs[:2] == ["四个空格缩进的第一段，\n    第二行。", "用 Tab 缩进的第二段。"]
    assert [li.find_all("p")[-1].get_text() for li in body.select("ol > li")] == \
        ["第一项的第二段", "第二项"]
    assert [pre.get_text() for pre in body.find_all("pre")] == ["真的代码\n"]
    description = page.select_one("main")
    assert description.find("pre") is None
    assert any(p.get_text().startswith("马慧敏是法源寺社区妇联执委")
               for p in description.find_all("p"))


def test_a_topic_opening_a_paragraph_is_no_heading(tmp_path):
    """A heading needs a space after its #s, as in the editors' VS Code preview
    (CommonMark): a WeChat-style topic (#巾帼建新功#) opening a paragraph used to
    become a heading the size of the title, in articles and records' descriptions."""
    body, page = built_with(tmp_path, "topic", "#巾帼建新功# 三八节当天，活动举行。\n\n## 一、活动内容\n\n正文。\n",
                            "  #民族团结# ")
    assert [h.get_text() for h in body.find_all(["h1", "h2", "h3"])] == ["一、活动内容"]
    assert body.find("p").get_text() == "#巾帼建新功# 三八节当天，活动举行。"
    assert not any("民族团结#" in h.get_text() for h in page.find_all(["h1", "h2", "h3", "h4"]))
    assert any(p.get_text().startswith("#民族团结# 马慧敏") for p in page.find_all("p"))
