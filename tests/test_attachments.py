"""Attachments (issue 15, item 5): files under content/files/ linked from an article
are published, labelled with type and size, listed under 附件 at the end; Chinese
names work (percent-encoded address, download under the Chinese name); a missing
one or one of a refused type is an error at its line."""

import os
from urllib.parse import unquote

import pytest
from PIL import Image

from helpers import PELICANCONF, article, copy_content, run_tool, soup, write
from photos import photo

DOCX = b"PK\x03\x04" + bytes(range(256)) * 96  # 24,580 bytes: 25 KB (rounded up)
PDF = b"%PDF-1.4\n" + b"0" * 3000 + b"\n%%EOF\n"
BODY = """请各街道妇联下载[报名表](files/报名表.docx)，填写后报送。

活动方案见[方案全文](/files/fang-an.pdf)；海报可[下载打印](files/haibao.jpg)。

再次提醒：[报名表]({static}/files/报名表.docx)请于月底前报送。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("attachments")
    content = copy_content(str(root / "content"))
    folder = os.path.join(content, "files")
    os.makedirs(folder, exist_ok=True)
    for name, data in (("报名表.docx", DOCX), ("fang-an.pdf", PDF),
                       ("haibao.jpg", photo("JPEG", 2400, 1800, orientation=6))):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
    write(os.path.join(content, "articles", "2026-05-01-baoming.md"),
          article("关于报名参加巧娘技艺展示的通知", "2026-05-01", "通知公告", body=BODY))
    output = str(root / "site")
    result = run_tool("build.py", content, output, "-s", PELICANCONF,
                      env={"XCFL_CACHE_PATH": str(root / "cache")})
    assert result.returncode == 0, result.stdout + result.stderr  # the link check included
    return {"content": content, "site": output,
            "page": soup(output, "notices/2026/baoming/index.html")}


def published(site, href):
    return os.path.join(site["site"], unquote(href).lstrip("/"))


def test_links_are_labelled_with_type_and_size(site):
    poster = os.path.getsize(os.path.join(site["content"], "files", "haibao.jpg"))
    links = site["page"].select(".xc-prose p a")
    assert [a.get_text() for a in links] == [
        "报名表（DOCX，25 KB）", "方案全文（PDF，3 KB）", f"下载打印（JPG，{-(-poster // 1024)} KB）",
        "报名表（DOCX，25 KB）"]


def test_a_chinese_name_is_percent_encoded_and_downloaded_under_its_name(site):
    link = site["page"].select_one(".xc-prose p a")
    assert link["href"] == "/files/%E6%8A%A5%E5%90%8D%E8%A1%A8.docx"
    assert link["download"] == "报名表.docx"
    with open(published(site, link["href"]), "rb") as handle:
        assert handle.read() == DOCX  # the address resolves to the file, as it was


def test_the_article_ends_with_the_attachment_list(site):
    prose = site["page"].select_one(".xc-prose")
    last = [child for child in prose.children if getattr(child, "name", None)][-1]
    assert last.name == "section" and "xc-attachments" in last["class"]
    assert last.h2.get_text() == "附件"
    items = [(a.get_text(), a["href"], a["download"]) for a in last.select("ol li a")]
    assert items[0] == ("报名表（DOCX，25 KB）", "/files/%E6%8A%A5%E5%90%8D%E8%A1%A8.docx",
                        "报名表.docx")
    assert items[1] == ("fang-an（PDF，3 KB）", "/files/fang-an.pdf", "fang-an.pdf")
    assert items[2][2] == "haibao.jpg" and len(items) == 3  # each file once


def test_a_picture_attachment_is_full_size_upright_without_metadata(site):
    path = os.path.join(site["site"], "files", "haibao.jpg")
    with open(path, "rb") as handle:
        data = handle.read()
    assert b"Exif" not in data and b"PhoneMaker" not in data and b"adobe:ns" not in data
    with Image.open(path) as image:
        assert image.size == (1800, 2400)  # stored sideways, published upright, not shrunk
    assert not [name for name in os.listdir(os.path.dirname(path)) if "-480w" in name]


def test_an_article_without_attachments_has_no_list(site):
    page = soup(site["site"], "news/2018/reform-achievements/index.html")
    assert page.select_one(".xc-attachments") is None


def test_the_browser_saves_the_file_under_its_chinese_name(site, chromium):
    from browser import serve

    server, url = serve(site["site"])
    try:
        context = chromium.new_context(accept_downloads=True)
        tab = context.new_page()
        tab.goto(url + "/notices/2026/baoming/")
        with tab.expect_download() as download:
            tab.locator(".xc-attachments a").first.click()
        saved = download.value
        assert saved.suggested_filename == "报名表.docx"
        with open(saved.path(), "rb") as handle:
            assert handle.read() == DOCX
        context.close()
    finally:
        server.shutdown()


# --- mistakes, with their exact messages -------------------------------------------

HEAD = "Title: 标题\nDate: 2024-01-01\nCategory: 工作动态\n\n"
ALLOWED = ("可以下载的有 PDF、Word（DOC、DOCX）、Excel（XLS、XLSX）、PowerPoint（PPT、PPTX）、"
           "ZIP、TXT、JPG、PNG，请另存为其中一种后替换")


@pytest.fixture
def bad_site(tmp_path):
    root = tmp_path / "content"
    for folder in ("articles", "pages", "files"):
        (root / folder).mkdir(parents=True)
    return root


def check(content):
    return run_tool("check.py", str(content), "-s", PELICANCONF)


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "app.js", "logo.svg"])
def test_a_link_to_a_refused_type_is_an_error_at_its_line(bad_site, name):
    (bad_site / "files" / name).write_bytes(b"<svg/>" if name.endswith("svg") else b"MZ")
    write(str(bad_site / "articles" / "a.md"), HEAD + f"正文。\n\n请下载[文件](files/{name})。\n")
    result = check(bad_site)
    kind = name.rsplit(".", 1)[1].upper()
    assert result.returncode == 1
    assert (f"articles/a.md:7: 正文: 附件 files/{name} 是 {kind} 文件，网站不提供这种文件下载"
            f"（可能在读者的电脑或浏览器里运行）；{ALLOWED}") in result.stderr.splitlines(), \
        result.stderr


def test_a_refused_file_nothing_links_is_reported_at_the_file(bad_site):
    (bad_site / "files" / "tool.exe").write_bytes(b"MZ")
    write(str(bad_site / "articles" / "a.md"), HEAD + "正文。\n")
    result = check(bad_site)
    assert (f"files/tool.exe: 附件: 附件 files/tool.exe 是 EXE 文件，网站不提供这种文件下载"
            f"（可能在读者的电脑或浏览器里运行）；{ALLOWED}") in result.stderr.splitlines(), \
        result.stderr


def test_a_missing_attachment_is_an_error_at_its_line(bad_site):
    write(str(bad_site / "articles" / "a.md"),
          HEAD + "正文。\n\n附件：[申报表](files/申报表.xlsx)\n")
    result = check(bad_site)
    assert ("articles/a.md:7: 正文: 附件 files/申报表.xlsx 不存在；请把文件放进 content/files/ 文件夹，"
            "链接写 files/文件名，例如 [报名表](files/报名表.docx)，文件名要和链接一字不差"
            ) in result.stderr.splitlines(), result.stderr


def test_a_wrong_case_attachment_names_the_real_file(bad_site):
    (bad_site / "files" / "Plan.pdf").write_bytes(PDF)
    write(str(bad_site / "articles" / "a.md"), HEAD + "正文。\n\n[方案](files/plan.pdf)\n")
    result = check(bad_site)
    assert ("articles/a.md:7: 正文: files/plan.pdf 与实际的名字 files/Plan.pdf 大小写不一致；"
            "网站服务器区分大小写，请改成 files/Plan.pdf") in result.stderr.splitlines(), \
        result.stderr


@pytest.mark.parametrize("name", ["attachment-missing", "attachment-type"])
def test_each_message_is_in_the_guides_message_table(name):
    """Its longest fixed words appear in a row of errors.md's tables."""
    import re
    import sys

    from helpers import ROOT

    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from xcfl_problems import MESSAGES

    with open(os.path.join(ROOT, "docs/editor-guide/errors.md"), encoding="utf-8") as handle:
        rows = [line for line in handle if line.startswith("| `")]
    words = max(re.split(r"\{+[a-z]*\}+|…", MESSAGES[name]), key=len).strip("，；。 ")[:6]
    assert any(words in row for row in rows), words
