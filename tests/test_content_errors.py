"""Every mistake an editor can make in an article or page header: its exact message,
all of them in one run, and nothing written."""

import os

import pytest

from helpers import article, run_check, run_tool, stderr_lines, write

CHECK_OK = "内容检查通过：没有发现问题。"


check, lines = run_check, stderr_lines  # helpers.py


CASES = [
    ("missing title", "articles/a.md", "Date: 2024-01-01\nCategory: 工作动态\n\n正文\n",
     "articles/a.md:1-2: Title: 缺少必填项“Title”（标题），请在第 1–2 行的信息头里加上一行“Title: …”"),
    ("missing date", "articles/a.md", "Title: 标题\nCategory: 工作动态\n\n正文\n",
     "articles/a.md:1-2: Date: 缺少必填项“Date”（日期），请在第 1–2 行的信息头里加上一行“Date: …”"),
    ("missing category", "articles/a.md", "Title: 标题\nDate: 2024-01-01\n\n正文\n",
     "articles/a.md:1-2: Category: 缺少必填项“Category”（栏目），请在第 1–2 行的信息头里加上一行“Category: …”"),
    ("empty title", "articles/a.md", "Title:\nDate: 2024-01-01\nCategory: 工作动态\n\n正文\n",
     "articles/a.md:1: Title: Title 不能为空"),
    ("unknown category", "articles/a.md", article(category="工作"),
     "articles/a.md:3: Category: 栏目“工作”不存在；可选：工作动态、通知公告、组织建设、权益维护、家庭文明、巾帼风采"),
    ("unparseable date", "articles/a.md", article(date="2024/1/5"),
     "articles/a.md:2: Date: 日期“2024/1/5”格式不对；请写成 YYYY-MM-DD 或 YYYY-MM-DD HH:MM，例如 2018-01-19"),
    ("impossible date", "articles/a.md", article(date="2024-02-30"),
     "articles/a.md:2: Date: 日期“2024-02-30”格式不对；请写成 YYYY-MM-DD 或 YYYY-MM-DD HH:MM，例如 2018-01-19"),
    ("non-ascii slug", "articles/a.md", article(Slug="三八节"),
     "articles/a.md:4: Slug: 网址名“三八节”只能用小写英文字母、数字和连字符（-），例如 women-day-2024"),
    ("non-ascii file name", "articles/2024-03-08-三八节.md", article(),
     "articles/2024-03-08-三八节.md: Slug: 文件名“2024-03-08-三八节.md”不能直接用作网址；请把文件名改为小写英文字母、数字和连字符，或在开头加一行 Slug: …"),
    ("misspelt key", "articles/a.md", article(Catgory="工作动态"),
     "articles/a.md:4: Catgory: 未知的字段“Catgory”，是不是“Category”？"),
    ("unknown key", "articles/a.md", article(Photo="images/a.png"),
     "articles/a.md:4: Photo: 未知的字段“Photo”；可用的字段：Title、Date、Category、Slug、Tags、Summary、Source、Author、Cover、Street、Families、Studios、Teams、Status、OldURL"),
    ("bad status", "articles/a.md", article(Status="hidden"),
     "articles/a.md:4: Status: Status 只能写 draft（草稿）或 published（发布），现在是“hidden”"),
    ("missing cover", "articles/a.md", article(Cover="images/none.jpg"),
     "articles/a.md:4: Cover: 图片 images/none.jpg 不存在；路径从 content/ 文件夹算起，例如 images/photo.jpg"),
    ("cover outside content", "articles/a.md", article(Cover="../../etc/passwd"),
     "articles/a.md:4: Cover: 图片路径 ../../etc/passwd 指向 content/ 文件夹之外；请把图片放进 content/images/"),
    # files in the articles' and pages' folders that no reader reads: they used
    # to be left out of the site without a word (an .html or .rst file was read
    # by Pelican's own readers, past every header check)
    ("upper-case extension", "articles/2024-03-08-sanba.MD", article(),
     "articles/2024-03-08-sanba.MD: 文件: 扩展名“.MD”要写成小写“.md”，否则不会发布；请把文件改名为 2024-03-08-sanba.md"),
    *[(f"{kind} file among articles", path, article(),
       f"{path}: 文件: 这个文件不会发布：文章和页面只能写成 .md 文件（Markdown）；文章请把内容放进一个 .md 文件"
       "（make new 可以新建一篇），图片和附件请移到 content/images/ 或 content/files/")
      for kind, path in (("text", "articles/2024/稿件.txt"), ("Word", "articles/新闻稿.docx"),
                         ("html", "articles/a.html"), ("rst", "pages/about.rst"),
                         ("extension-less", "pages/about"))],
    *[(name, path, article(), f"{path}: 文件: 这个文件不会发布：文章要放在 content/articles/ 里，"
       "页面放在 content/pages/ 里；请把它移过去")
      for name, path in (("article in the content folder itself", "2024-03-08-sanba.md"),
                         ("article in a misnamed folder", "article/2024/a.md"),
                         ("article among the pictures", "images/a.MD"))],
    ("page without title", "pages/about.md", "Slug: about\n\n正文\n",
     "pages/about.md:1: Title: 缺少必填项“Title”（标题），请在第 1 行的信息头里加上一行“Title: …”"),
    ("page taking a site url", "pages/news.md", "Title: 新闻\nSlug: news\n\n正文\n",
     "pages/news.md:2: Slug: 网址名“news”已被 网站的栏目或功能页 使用；网址名不能重复，请换一个"),
]


@pytest.mark.parametrize("name, path, text, expected", CASES, ids=[case[0] for case in CASES])
def test_each_mistake_has_its_exact_message(tmp_path, name, path, text, expected):
    write(str(tmp_path / path), text)
    result = check(tmp_path)
    assert result.returncode == 1
    assert lines(result) == [expected, "共发现 1 个内容问题，网站未生成。请按上面的提示修改后重试。"]


def test_files_that_systems_and_editors_leave_about_are_not_reported(tmp_path):
    write(str(tmp_path / "articles/a.md"), article())
    for name in ("~$新闻稿.docx", "a.md~", "Thumbs.db", "desktop.ini", ".DS_Store", ".a.md.swp"):
        write(str(tmp_path / "articles" / name), "x")
    result = check(tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, CHECK_OK), result.stderr


def test_duplicate_slug_names_both_files(tmp_path):
    write(str(tmp_path / "articles/2024-01-01-same.md"), article())
    write(str(tmp_path / "articles/news/2024-02-01-same.md"), article(date="2024-02-01"))
    result = check(tmp_path)
    assert lines(result)[0] == (
        "articles/news/2024-02-01-same.md: Slug: 网址名“same”已被 "
        "articles/2024-01-01-same.md 使用；网址名不能重复，请换一个")


def test_invalid_utf8_names_the_line(tmp_path):
    os.makedirs(tmp_path / "articles")
    (tmp_path / "articles/a.md").write_bytes(
        "Title: 标题\nDate: 2024-01-01\n".encode() + b"Category: \xb9\xa4\xd7\xf7\n\nx\n")
    result = check(tmp_path)
    assert lines(result)[0] == (
        "articles/a.md:3: 文件: 文件不是 UTF-8 编码（第 3 行有无法识别的字节）；请用记事本或 VS Code 另存为 UTF-8")


def test_bom_and_crlf_are_accepted(tmp_path):
    text = "\ufeff" + article().replace("\n", "\r\n")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles/a.md").write_bytes(text.encode("utf-8"))
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == CHECK_OK


def test_all_problems_are_reported_in_one_run_sorted_by_file_and_line(tmp_path):
    write(str(tmp_path / "articles/b.md"), article(date="昨天", category="新闻"))
    write(str(tmp_path / "articles/a.md"), article(Slug="A B"))
    result = check(tmp_path)
    assert [line.split(": ")[0] for line in lines(result)[:-1]] == [
        "articles/a.md:4", "articles/b.md:2", "articles/b.md:3"]
    assert lines(result)[-1] == "共发现 3 个内容问题，网站未生成。请按上面的提示修改后重试。"


def test_check_writes_nothing(tmp_path):
    # no cache file, nothing in its scratch output (a folder under TMPDIR)
    content = tmp_path / "content"
    write(str(content / "articles/a.md"), article())
    (tmp_path / "cache").mkdir()
    (tmp_path / "tmp").mkdir()
    before = sorted(os.listdir(tmp_path))
    result = run_tool("check.py", str(content), "-s", "publishconf.py", env={
        "XCFL_CACHE_PATH": str(tmp_path / "cache"), "TMPDIR": str(tmp_path / "tmp")})
    assert result.returncode == 0 and result.stdout.strip() == CHECK_OK, result.stderr
    assert sorted(os.listdir(tmp_path)) == before
    assert os.listdir(tmp_path / "cache") == [] and os.listdir(tmp_path / "tmp") == []
    assert sorted(os.listdir(content)) == ["articles"]


def test_a_check_only_build_stops_before_writing(tmp_path):
    # what check.py relies on: with XCFL_CHECK_ONLY, a real Pelican build ends at
    # all_generators_finalized (CheckDone) and its output folder stays empty
    import sys

    from helpers import CONTENT, PELICANCONF, ROOT

    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from pelican import Pelican
    from pelican.settings import read_settings
    from xcfl_problems import CheckDone

    out = tmp_path / "out"
    out.mkdir()
    settings = read_settings(PELICANCONF, override={
        "PATH": CONTENT, "OUTPUT_PATH": str(out), "XCFL_CACHE_PATH": None,
        "XCFL_CHECK_ONLY": True})
    with pytest.raises(CheckDone):
        Pelican(settings).run()
    assert os.listdir(out) == []


def test_build_with_problems_writes_nothing_and_shows_no_traceback(tmp_path):
    write(str(tmp_path / "content/articles/a.md"), article(category="无此栏目"))
    result = run_tool("build.py", str(tmp_path / "content"), str(tmp_path / "out"), "-s", "pelicanconf.py")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "articles/a.md:3: Category: 栏目“无此栏目”不存在" in result.stderr
    assert not os.path.exists(tmp_path / "out") or not os.listdir(tmp_path / "out")


def test_sample_content_passes_check():
    result = run_tool("check.py", "content", "-s", "publishconf.py")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == CHECK_OK
