"""`make import SOURCE=…`: a saved TRS-like site (tests/old_site.py) into
articles, then the real build of the result with its redirects.

Runs the real `make import` in a subprocess; `-o .venv/.installed` only tells
make not to (re)install the virtual environment the suite already runs in.
"""

import os
import subprocess
from urllib.parse import unquote

import pytest

from helpers import ROOT, build, copy_content, files, soup
from old_site import make_old_site

CONFIG = """columns:
  工作动态: 工作动态
  巾帼风采: 巾帼风采
  家庭文明: 家庭文明
  tzgg: 通知公告
hosts: [www.xcfl.gov.cn]
"""
FIRST = "articles/imported/2018-01-19-qu-fu-lian-zhao-kai-2018.md"
FIRST_TEXT = """Title: 区妇联召开2018年工作会议
Date: 2018-01-19 09:30
Category: 工作动态
Source: 西城区妇联
Author: 宣传部
Tags: 工作会议, 妇联改革
Summary: 区妇联召开2018年工作会议，部署全年工作。
OldURL: /xwzx/gzdt/201801/t20180119_123.html

1月19日，区妇联召开**2018年工作会议**。

### 一、会议内容

会议部署了全年工作，详见[通知]({filename}/articles/imported/2018-03-05-guan-yu-kai-zhan-zui-mei.md)和栏目列表。

- 妇女之家建设
- 巧娘工作室

| 街道 | 人数 |
| --- | --- |
| 牛街街道 | 120 |
| 展览路街道 | 95 |

![区妇联召开2018年工作会议](/images/imported/%s)

附件：[2018年工作要点.pdf]({static}/files/imported/%s)

更多信息见[中国妇女网](http://www.women.org.cn/)。
"""
REDIRECTS = {
    "/tzgg/201803/t20180305_456.html": "/notices/2018/guan-yu-kai-zhan-zui-mei/",
    "/xwzx/gzdt/201801/t20180119_123.html": "/news/2018/qu-fu-lian-zhao-kai-2018/",
    "/xwzx/gzdt/201802/t20180210_124.html": "/women/2018/qiao-niang-gong-zuo-shi-kai/",
    "/xwzx/gzdt/201804/t20180420_125.html": "/family/2018/wang-yan-jia-ting-huo-ping/",
    "/xwzx/gzdt/201805/t20180501_126.html": "/news/2018/jin-guo-zhi-yuan-zhe-zou/",
}


def make_import(content, source, config):
    return subprocess.run(["make", "-s", "-o", ".venv/.installed", "import", f"SOURCE={source}",
                           f"INPUTDIR={content}", f"IMPORTCONF={config}"],
                          cwd=ROOT, capture_output=True, text=True)


def read(content, relative):
    with open(os.path.join(content, relative), encoding="utf-8") as handle:
        return handle.read()


def snapshot(folder):
    return {relative: read(folder, relative) if relative.endswith(".md") else None
            for relative in files(folder)}


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("import")
    source = make_old_site(str(root / "old"))
    config = root / "import.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    content = copy_content(str(root / "content"))
    result = make_import(content, source, str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    return {"content": content, "source": source, "config": str(config),
            "stdout": result.stdout, "site": build(content, str(root / "site"))}


def test_one_page_becomes_exactly_this_markdown(imported):
    pictures = os.listdir(os.path.join(imported["content"], "images/imported"))
    picture = next(p for p in pictures if f"![区妇联召开2018年工作会议](/images/imported/{p})"
                   in read(imported["content"], FIRST))
    attachment, = os.listdir(os.path.join(imported["content"], "files/imported"))
    assert read(imported["content"], FIRST) == FIRST_TEXT % (picture, attachment)
    assert attachment.endswith(".pdf") and len(attachment) == len("0123456789ab.pdf")


def test_every_encoding_reads_without_mojibake(imported):
    texts = {name: read(imported["content"], "articles/imported/" + name)
             for name in os.listdir(os.path.join(imported["content"], "articles/imported"))}
    joined = "\n".join(texts.values())
    assert "Title: 关于开展“最美家庭”评选活动的通知\nDate: 2018-03-05\n" in joined  # GBK
    assert "Source: 西城区妇联办公室" in joined
    assert "Title: 巧娘工作室开展剪纸培训\nDate: 2018-02-10 09:30\n" in joined  # GB2312
    assert "Title: 王䶮家庭获评首都最美家庭\nDate: 2018-04-20\n" in joined  # GB18030 only
    assert "王䶮一家四代同堂" in joined and "\ufffd" not in joined


def test_hostile_and_layout_markup_is_dropped(imported):
    text = read(imported["content"], "articles/imported/2018-05-01-jin-guo-zhi-yuan-zhe-zou.md")
    for never in ("<script", "<iframe", "onclick", "onerror", "javascript:", "vbscript:",
                  "<object", "<embed", "<form", "cdn.example.com"):
        assert never not in text.lower()
    assert "&lt;script>不是代码" in text
    assert "![志愿服务现场](/images/imported/" in text
    notice = read(imported["content"], "articles/imported/2018-03-05-guan-yu-kai-zhan-zui-mei.md")
    for never in ("打印", "关闭", "<iframe", "onclick", "logo", "|", "\xa0", "\u3000"):
        assert never not in notice
    assert "[工作会议]({filename}/" + FIRST + ")" in notice
    first = read(imported["content"], FIRST)
    for never in ("微信", "打印本页", "当前位置", "版权所有", "font", "style", "_hmt"):
        assert never not in first


def test_report_lists_skipped_pages_and_links_then_counts(imported):
    lines = imported["stdout"].splitlines()
    assert ("跳过 /xwzx/gzdt/index.html：没有找到发布日期（栏目列表、首页等不是文章的页面），已跳过"
            in lines)
    assert ("链接 /xwzx/gzdt/201805/t20180501_126.html：/missing/page.html 指向保存的副本里"
            "没有的文件，链接已去掉、文字保留") in lines
    assert ("链接 /xwzx/gzdt/201801/t20180119_123.html：../index.html 指向没有导入的页面，"
            "链接已去掉、文字保留") in lines
    assert lines[-1] == "导入完成：导入 5 篇，跳过 1 个页面，失败 0 个，去掉的链接和图片 3 处。"


def test_old_addresses_redirect_to_the_new_ones(imported):
    site = imported["site"]
    with open(os.path.join(site, "_redirects"), encoding="utf-8") as handle:
        assert handle.read().splitlines() == [f"{old} {new} 301" for old, new in REDIRECTS.items()]
    with open(os.path.join(site, "_redirects.map"), encoding="utf-8") as handle:
        assert handle.read().splitlines() == [f"{old} {new};" for old, new in REDIRECTS.items()]
    for old, new in REDIRECTS.items():
        assert os.path.isfile(os.path.join(site, new.strip("/"), "index.html"))
        page = soup(site, old.lstrip("/"))
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={new}"
        assert page.find("link", rel="canonical")["href"] == "https://fulian.bjxch.gov.cn" + new
        assert page.find("a")["href"] == new
        assert page.find("script") is None


def test_imported_links_pictures_and_attachments_resolve_in_the_build(imported):
    page = soup(imported["site"], "news/2018/qu-fu-lian-zhao-kai-2018/index.html")
    body = page.find("main")
    assert body.find("a", string="通知")["href"] == "/notices/2018/guan-yu-kai-zhan-zui-mei/"
    attachment = attachment_link(imported["site"], body, "2018年工作要点.pdf")
    assert os.path.isfile(os.path.join(imported["site"], unquote(attachment).lstrip("/")))
    assert body.find("table").find("td").get_text() == "牛街街道"


def attachment_link(site, body, name):
    """The href of the body's link to the attachment ``name``: the imported Markdown
    keeps the name as the link text; the build adds its type and size
    (（PDF，3 KB）, xcfl_articles/media.py) from the published file."""
    links = [link for link in body.find_all("a", href=True)
             if link.get_text().startswith(name)]
    assert links, name
    href = links[0]["href"]
    size = os.path.getsize(os.path.join(site, unquote(href).lstrip("/")))
    kind = name.rsplit(".", 1)[1].upper()
    assert links[0].get_text() == f"{name}（{kind}，{max(1, -(-size // 1024))} KB）"
    return href


def test_a_second_import_changes_nothing(imported, tmp_path):
    before = snapshot(imported["content"])
    result = make_import(imported["content"], imported["source"], imported["config"])
    assert result.returncode == 0, result.stderr
    assert snapshot(imported["content"]) == before
    assert result.stdout.splitlines()[-1] == (
        "导入完成：导入 0 篇，跳过 6 个页面，失败 0 个，去掉的链接和图片 0 处。")
    assert f"跳过 /xwzx/gzdt/201801/t20180119_123.html：以前已导入为 content/{FIRST}，没有改动它" \
        in result.stdout


def test_a_missing_folder_is_a_chinese_message(tmp_path):
    result = make_import(str(tmp_path / "content"), str(tmp_path / "nowhere"), "")
    assert result.returncode != 0
    assert result.stderr.strip() == (f"找不到文件夹 {tmp_path / 'nowhere'}；请写旧网站保存副本所在的"
                                     "文件夹，例如 make import SOURCE=/data/old-site")
    assert "Traceback" not in result.stderr and "make:" not in result.stderr


def test_a_folder_without_pages_is_a_chinese_message(tmp_path):
    (tmp_path / "old").mkdir()
    result = make_import(str(tmp_path / "content"), str(tmp_path / "old"), "")
    assert result.stderr.strip() == (f"文件夹 {tmp_path / 'old'} 里没有网页（.html、.htm、.shtml 文件，"
                                     "或 show.asp?id=1 这样保存下来的动态网页）；"
                                     "请确认它是用 wget --mirror 保存的旧网站")


def test_an_old_address_taken_by_the_new_site_is_a_content_problem(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    path = os.path.join(content, "articles", "old.md")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("Title: 旧文章\nDate: 2018-01-19\nCategory: 工作动态\nOldURL: /search/\n\n正文。\n")
    from helpers import PELICANCONF, run_tool
    result = run_tool("build.py", content, str(tmp_path / "site"), "-s", PELICANCONF)
    assert result.returncode != 0
    assert ("articles/old.md:4: OldURL: 旧网址 /search/ 与本网站自己的网址 /search/ 相同，无法跳转；"
            "请删掉这一行 OldURL") in result.stderr
