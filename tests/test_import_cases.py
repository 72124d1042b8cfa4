"""`make import`, case by case: what cannot be imported is named with its
path and a Chinese reason, never a crash (issue item 6); an editor's later
change to an imported article survives any number of imports (item 5)."""

import os
import shutil

import pytest

from helpers import copy_content, write
from old_site import make_old_site
from test_import import CONFIG, make_import, read, snapshot

NO_TRACE = ("Traceback", "Error", "make:")
ARTICLE = """<html><head><meta charset="utf-8">{head}</head>
<body><div class="TRS_Editor">{body}</div></body></html>"""
CASES = {  # file of the saved copy -> (its HTML, the report line)
    "no-title": ("xwzx/t20180119_1.html",
                 ARTICLE.format(head='<meta name="PubDate" content="2018-01-19">',
                                body="<p>只有正文和日期。</p>"),
                 "跳过 /xwzx/t20180119_1.html：没有找到标题，已跳过"),
    "no-date": ("xwzx/t20180119_2.html",
                ARTICLE.format(head="<title>没有日期的文章</title>", body="<p>只有标题和正文。</p>"),
                "跳过 /xwzx/t20180119_2.html：没有找到发布日期（栏目列表、首页等不是文章的页面），已跳过"),
    "no-body": ("xwzx/t20180119_3.html",
                ARTICLE.format(head='<title>没有正文的文章</title><meta name="PubDate" content="2018-01-19">',
                               body="<p>&nbsp;</p><p>【打印本页】【关闭窗口】</p>"),
                "跳过 /xwzx/t20180119_3.html：没有找到正文，已跳过"),
    "no-title-query": ("info/show.asp?id=7",
                       ARTICLE.format(head="", body="<p>发布日期：2018-1-19 09:30</p><p>正文。</p>"),
                       "跳过 /info/show.asp?id=7：没有找到标题，已跳过"),
    "not-html": ("xwzx/t20180119_4.html", "\x00\x01\x02PK\x03\x04 not a page",
                 "跳过 /xwzx/t20180119_4.html：没有找到标题，已跳过"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_page_that_is_not_an_article_is_skipped_with_its_path(case, tmp_path):
    relative, html, line = CASES[case]
    write(str(tmp_path / "old" / relative), html)
    content = tmp_path / "content"
    result = make_import(str(content), str(tmp_path / "old"), "")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        line, "导入完成：导入 0 篇，跳过 1 个页面，失败 0 个，去掉的链接和图片 0 处。"]
    assert not any(word in result.stdout + result.stderr for word in NO_TRACE)
    assert not os.path.exists(content / "articles")


def test_a_folder_with_only_pictures_and_attachments_has_no_pages(tmp_path):
    old = tmp_path / "www.example.gov.cn"
    write(str(old / "images" / "logo.txt"), "not a page")
    (old / "files").mkdir()
    (old / "files" / "a.pdf").write_bytes(b"%PDF-1.4\n")
    result = make_import(str(tmp_path / "content"), str(tmp_path), "")
    assert result.returncode != 0  # make ended quietly (tools/quiet-failure)
    assert result.stderr.strip() == (
        f"文件夹 {tmp_path} 里没有网页（.html、.htm、.shtml 文件，或 show.asp?id=1 这样保存下来的"
        "动态网页）；请确认它是用 wget --mirror 保存的旧网站")
    assert result.stdout == ""


def test_a_file_given_as_the_folder_is_named(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<html></html>", encoding="utf-8")
    result = make_import(str(tmp_path / "content"), str(page), "")
    assert result.returncode != 0  # make ended quietly (tools/quiet-failure)
    assert result.stderr.strip() == (f"找不到文件夹 {page}；请写旧网站保存副本所在的文件夹，"
                                     "例如 make import SOURCE=/data/old-site")


def test_make_import_without_source_says_what_to_write(tmp_path):
    import subprocess

    from helpers import ROOT
    result = subprocess.run(["make", "-s", "-o", ".venv/.installed", "import",
                             f"INPUTDIR={tmp_path}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert result.stdout.strip() == (
        "请设置 SOURCE（旧网站保存副本所在的文件夹），例如 make import SOURCE=/data/old-site")


def test_a_selector_lost_to_a_yaml_comment_is_named(tmp_path):
    config = tmp_path / "import.yaml"
    config.write_text("selectors:\n  body: #zoom\n", encoding="utf-8")
    make_old_site(str(tmp_path / "old"))
    result = make_import(str(tmp_path / "content"), str(tmp_path / "old"), str(config))
    assert result.returncode != 0  # make ended quietly (tools/quiet-failure)
    assert result.stderr.strip() == (f"{config}: selectors: body: 没有写选择器；以 # 开头的选择器"
                                     '要加引号，例如 body: "#zoom"')


# An editor's changes after the import, one per article of tests/old_site.py.
MEETING = "articles/imported/2018-01-19-qu-fu-lian-zhao-kai-2018.md"
NOTICE = "articles/imported/2018-03-05-guan-yu-kai-zhan-zui-mei.md"
PAPERCUT = "articles/imported/2018-02-10-qiao-niang-gong-zuo-shi-kai.md"
FAMILY = "articles/imported/2018-04-20-wang-yan-jia-ting-huo-ping.md"
VOLUNTEERS = "articles/imported/2018-05-01-jin-guo-zhi-yuan-zhe-zou.md"
MOVED = "articles/2018/notice-best-families.md"


@pytest.fixture
def edited(tmp_path):
    """An import, then an editor's changes: a new title and text, a file moved
    and renamed, an OldURL line deleted, a draft, a Windows editor's BOM and CRLF."""
    source = make_old_site(str(tmp_path / "old"))
    config = tmp_path / "import.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    content = copy_content(str(tmp_path / "content"))
    assert make_import(content, source, str(config)).returncode == 0
    path = os.path.join(content, MEETING)
    text = read(content, MEETING).replace("Title: 区妇联召开2018年工作会议",
                                          "Title: 区妇联召开2018年度工作会议")
    write(path, text.replace("1月19日，", "2018年1月19日上午，") + "\n（编辑补充）\n")
    os.makedirs(os.path.join(content, "articles/2018"))
    shutil.move(os.path.join(content, NOTICE), os.path.join(content, MOVED))
    text = read(content, PAPERCUT)
    write(os.path.join(content, PAPERCUT),
          "\n".join(line for line in text.split("\n") if not line.startswith("OldURL:")))
    text = read(content, FAMILY)
    write(os.path.join(content, FAMILY), text.replace("Category:", "Status: draft\nCategory:"))
    text = read(content, VOLUNTEERS)
    with open(os.path.join(content, VOLUNTEERS), "wb") as handle:
        handle.write(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    return {"content": content, "source": source, "config": str(config)}


def test_an_editors_changes_survive_a_second_import(edited):
    before = snapshot(edited["content"])
    result = make_import(edited["content"], edited["source"], edited["config"])
    assert result.returncode == 0, result.stderr
    assert snapshot(edited["content"]) == before  # not a byte changed, nothing added
    lines = result.stdout.splitlines()
    for old, article in (("/xwzx/gzdt/201801/t20180119_123.html", MEETING),  # by OldURL
                         ("/tzgg/201803/t20180305_456.html", MOVED),  # moved: by OldURL
                         ("/xwzx/gzdt/201804/t20180420_125.html", FAMILY),  # a draft
                         ("/xwzx/gzdt/201805/t20180501_126.html", VOLUNTEERS)):  # BOM, CRLF
        assert f"跳过 {old}：以前已导入为 content/{article}，没有改动它" in lines
    # its OldURL line deleted: found by title and day, and the report says how to restore it
    assert ("跳过 /xwzx/gzdt/201802/t20180210_124.html：与以前导入的 "
            f"content/{PAPERCUT} 标题和日期相同，没有改动它；这个旧网址也要跳转的话，把 "
            "/xwzx/gzdt/201802/t20180210_124.html 加在那篇文章 OldURL 的后面（用空格隔开）") in lines
    assert lines[-1] == "导入完成：导入 0 篇，跳过 6 个页面，失败 0 个，去掉的链接和图片 0 处。"


def test_a_deleted_article_is_imported_again(edited):
    """What the guide says: delete an imported article and the next import
    brings it back (to drop one for good, keep it as a draft)."""
    os.remove(os.path.join(edited["content"], MEETING))
    result = make_import(edited["content"], edited["source"], edited["config"])
    assert result.returncode == 0, result.stderr
    assert (f"导入 /xwzx/gzdt/201801/t20180119_123.html -> content/{MEETING}"
            in result.stdout.splitlines())
    assert read(edited["content"], MEETING).startswith("Title: 区妇联召开2018年工作会议\n")


def test_query_addresses_written_by_hand_redirect_as_the_hosts_allow(tmp_path):
    from helpers import article, build
    content = copy_content(str(tmp_path / "content"))
    write(os.path.join(content, "articles/old-a.md"), article(
        title="旧文章甲", date="2018-01-19", OldURL="/show.asp?id=1&back=http://old/list.asp"))
    write(os.path.join(content, "articles/old-b.md"), article(
        title="旧文章乙", date="2018-01-20", OldURL="/print.asp?123 /b.html"))
    site = build(content, str(tmp_path / "site"))
    with open(os.path.join(site, "_redirects"), encoding="utf-8") as handle:
        rules = handle.read().splitlines()
    # "?123" has no key=value: Netlify cannot match it, nginx can
    assert [r for r in rules if r.startswith(("/show.asp", "/print.asp", "/b.html"))] == [
        "/show.asp id=1 back=http://old/list.asp /news/2018/old-a/ 301",
        "/b.html /news/2018/old-b/ 301"]
    with open(os.path.join(site, "_redirects.map"), encoding="utf-8") as handle:
        assert "/print.asp?123 /news/2018/old-b/;" in handle.read().splitlines()
    assert os.path.isfile(os.path.join(site, "b.html"))
    assert not os.path.exists(os.path.join(site, "show.asp"))


def test_a_malformed_query_address_is_a_content_problem(tmp_path):
    from helpers import PELICANCONF, article, run_tool
    content = copy_content(str(tmp_path / "content"))
    write(os.path.join(content, "articles/old.md"), article(
        title="旧文章", date="2018-01-19", OldURL='/show.asp?id="1"'))
    result = run_tool("build.py", content, str(tmp_path / "site"), "-s", PELICANCONF)
    assert result.returncode != 0
    assert ('articles/old.md:4: OldURL: 旧网址“/show.asp?id="1"”写法不对；请写从网站根目录算起、'
            "以 / 开头的地址，例如 /xwzx/gzdt/201801/t20180119_123.html") in result.stderr


def test_an_article_found_again_at_another_address_is_named_with_what_to_do(edited):
    """Matched by title and day, not by address: the report says how to
    redirect the new address too (the file itself is never rewritten)."""
    root = os.path.join(edited["source"], "www.xcfl.gov.cn")
    os.makedirs(os.path.join(root, "jgfc"))
    shutil.copy(os.path.join(root, "xwzx/gzdt/201802/t20180210_124.html"),
                os.path.join(root, "jgfc/t20180210_124.html"))
    before = snapshot(edited["content"])
    result = make_import(edited["content"], edited["source"], edited["config"])
    assert snapshot(edited["content"]) == before
    assert (f"跳过 /jgfc/t20180210_124.html：与以前导入的 content/{PAPERCUT} 标题和日期相同，"
            "没有改动它；这个旧网址也要跳转的话，把 /jgfc/t20180210_124.html 加在那篇文章 "
            "OldURL 的后面（用空格隔开）") in result.stdout.splitlines()


def test_a_chinese_or_spaced_old_address_is_encoded_and_still_redirects(tmp_path):
    from helpers import build, soup
    write(str(tmp_path / "old" / "xwzx" / "新闻 中心" / "t20180119_9.html"), ARTICLE.format(
        head='<title>中文目录里的文章</title><meta name="PubDate" content="2018-01-19">'
             '<meta name="ColumnName" content="工作动态">', body="<p>正文。</p>"))
    config = tmp_path / "import.yaml"
    config.write_text("columns:\n  工作动态: 工作动态\n", encoding="utf-8")
    content = copy_content(str(tmp_path / "content"))
    result = make_import(content, str(tmp_path / "old"), str(config))
    assert result.returncode == 0, result.stderr
    encoded = "/xwzx/%E6%96%B0%E9%97%BB%20%E4%B8%AD%E5%BF%83/t20180119_9.html"
    assert f"OldURL: {encoded}\n" in read(content, "articles/imported/2018-01-19-zhong-wen-mu-lu-li-de.md")
    site = build(content, str(tmp_path / "site"))
    with open(os.path.join(site, "_redirects"), encoding="utf-8") as handle:
        assert f"{encoded} /news/2018/zhong-wen-mu-lu-li-de/ 301" in handle.read().splitlines()
    # the page sits where a static host looks for the decoded address
    page = soup(site, "xwzx/新闻 中心/t20180119_9.html")
    assert page.find("a")["href"] == "/news/2018/zhong-wen-mu-lu-li-de/"


def test_an_encoded_dot_dot_is_a_malformed_old_address(tmp_path):
    from helpers import PELICANCONF, article, run_tool
    content = copy_content(str(tmp_path / "content"))
    write(os.path.join(content, "articles/old.md"), article(
        title="旧文章", date="2018-01-19", OldURL="/a/%2e%2e/%2e%2e/evil.html"))
    result = run_tool("build.py", content, str(tmp_path / "site"), "-s", PELICANCONF)
    assert result.returncode != 0
    assert "articles/old.md:4: OldURL: 旧网址“/a/%2e%2e/%2e%2e/evil.html”写法不对" in result.stderr
    assert not os.path.exists(tmp_path / "evil.html")
