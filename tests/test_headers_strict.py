"""Headers are strict: every line up to the first blank line is a field the file
may have, written `Key: value` with an ASCII colon. Anything else is an error at
its own line, and a file with any header problem is never published, drafts
included (issue 12, item 1)."""

import os
import re

import pytest

from helpers import PELICANCONF, ROOT, article, output_texts, run_check, run_tool, stderr_lines, write

SUMMARY_1 = "共发现 1 个内容问题，网站未生成。请按上面的提示修改后重试。"
HEAD = "Title: 标题\nDate: 2024-01-01\nCategory: 工作动态\n"


check, lines = run_check, stderr_lines  # helpers.py


CASES = [
    ("full-width colon", HEAD + "Tags：家风家教\n\n正文\n",
     ["articles/a.md:4: Tags: 第 4 行用了中文冒号“：”，请改成英文冒号“:”"]),
    # the colon is named, not "缺少必填项"
    ("full-width colon on the date", "Title: 标题\nDate：2024-01-01\nCategory: 工作动态\n\n正文\n",
     ["articles/a.md:2: Date: 第 2 行用了中文冒号“：”，请改成英文冒号“:”"]),
    ("small full-width colon", HEAD + "Source﹕西城区妇联\n\n正文\n",
     ["articles/a.md:4: Source: 第 4 行用了中文冒号“﹕”，请改成英文冒号“:”"]),
    # the Chinese IME's separators: the list would become one tag, or one unknown id
    ("tags split by full-width commas", HEAD + "Tags: 家风家教，妇女之家，巧娘\n\n正文\n",
     ["articles/a.md:4: Tags: 第 4 行用中文“，”分隔，几项会被当成一项；请改成英文逗号“,”，"
      "写成“Tags: 家风家教, 妇女之家, 巧娘”"]),
    ("tags split by enumeration commas", HEAD + "Tags: 家风家教、 妇女之家\n\n正文\n",
     ["articles/a.md:4: Tags: 第 4 行用中文“、”分隔，几项会被当成一项；请改成英文逗号“,”，"
      "写成“Tags: 家风家教, 妇女之家”"]),
    ("record ids split by a full-width comma", HEAD + "Teams: team-a，team-b\n\n正文\n",
     ["articles/a.md:4: Teams: 第 4 行用中文“，”分隔，几项会被当成一项；请改成英文逗号“,”，"
      "写成“Teams: team-a, team-b”"]),
    ("cover path with backslashes", HEAD + "Cover: images\\2024\\a.jpg\n\n正文\n",
     ["articles/a.md:4: Cover: images\\2024\\a.jpg 用了反斜杠“\\”，网站上找不到；路径要用斜杠“/”，"
      "请改成 images/2024/a.jpg"]),
    ("misspelt Title", "Tittle: 标题\nDate: 2024-01-01\nCategory: 工作动态\n\n正文\n",
     ["articles/a.md:1: Tittle: 未知的字段“Tittle”，是不是“Title”？"]),
    ("misspelt Category", "Title: 标题\nDate: 2024-01-01\nCatagory: 工作动态\n\n正文\n",
     ["articles/a.md:3: Catagory: 未知的字段“Catagory”，是不是“Category”？"]),
    ("key in Chinese", "标题: 标题\nDate: 2024-01-01\nCategory: 工作动态\n\n正文\n",
     ["articles/a.md:1: 标题: 未知的字段“标题”，是不是“Title”？"]),
    ("space before the colon", HEAD + "Slug : abc\n\n正文\n",
     ["articles/a.md:4: Slug: 第 4 行的项目名和冒号之间不能有空格；请写成“Slug: …”"]),
    ("no blank line before the body", HEAD + "正文第一段没有和信息头空开。\n",
     ["articles/a.md:4: 信息头: 第 4 行不是“项目: 内容”的写法；信息头每行写一项，信息头和正文之间要空一行"]),
    ("Chinese key with a full-width colon", "标题：标题\nDate: 2024-01-01\nCategory: 工作动态\n\n正文\n",
     ["articles/a.md:1: 标题: 第 1 行用了中文冒号“：”，请改成英文冒号“:”"]),
    ("body with a colon right after the header", HEAD + "时间：3月8日上午\n",
     ["articles/a.md:4: 信息头: 第 4 行不是“项目: 内容”的写法；信息头每行写一项，信息头和正文之间要空一行"]),
    ("a line without colon", "Title: 标题\n家风家教\nDate: 2024-01-01\nCategory: 工作动态\n\n正文\n",
     ["articles/a.md:2: 信息头: 第 2 行不是“项目: 内容”的写法；信息头每行写一项，信息头和正文之间要空一行"]),
    ("a key written twice", HEAD + "Title: 另一个标题\n\n正文\n",
     ["articles/a.md:4: Title: “Title”写了两次（第 1 行和第 4 行）；每项只能写一次"]),
    ("missing title in a longer header",
     "Date: 2024-01-01\nCategory: 工作动态\nTags: 家风\nSource: 西城区妇联\nAuthor: 张三\n\n正文\n",
     ["articles/a.md:1-5: Title: 缺少必填项“Title”（标题），请在第 1–5 行的信息头里加上一行“Title: …”"]),
    ("no header at all", "\n正文\n",
     ["articles/a.md:1: Category: 缺少必填项“Category”（栏目）；文件开头没有信息头，请在第 1 行起写上“Category: …”等各项，再空一行写正文",
      "articles/a.md:1: Date: 缺少必填项“Date”（日期）；文件开头没有信息头，请在第 1 行起写上“Date: …”等各项，再空一行写正文",
      "articles/a.md:1: Title: 缺少必填项“Title”（标题）；文件开头没有信息头，请在第 1 行起写上“Title: …”等各项，再空一行写正文"]),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[case[0] for case in CASES])
def test_each_header_mistake_at_its_line(tmp_path, name, text, expected):
    write(str(tmp_path / "articles/a.md"), text)
    result = check(tmp_path)
    assert result.returncode == 1
    assert lines(result)[:-1] == expected
    assert lines(result)[-1] == f"共发现 {len(expected)} 个内容问题，网站未生成。请按上面的提示修改后重试。"
    assert "内容检查通过" not in result.stdout


def test_a_page_names_the_fields_a_page_may_have(tmp_path):
    write(str(tmp_path / "pages/about.md"), "Title: 关于\nDate: 2024-01-01\n\n正文\n")
    result = check(tmp_path)
    assert lines(result) == [
        "pages/about.md:2: Date: 未知的字段“Date”；可用的字段：Title、Slug、Summary、Status、Template",
        SUMMARY_1]


def test_draft_behind_a_broken_header_line_is_never_published(tmp_path):
    """The editor's case: `Tags：…` above `Status: draft` used to publish the draft."""
    content, output = tmp_path / "content", tmp_path / "out"
    write(str(content / "articles/ok.md"), article(title="正常的文章"))
    write(str(content / "articles/2024-05-01-secret.md"),
          "Title: 草稿标题XYZ\nDate: 2024-05-01\nCategory: 工作动态\nTags：家风家教\n"
          "Source: 西城区妇联\nStatus: draft\n\n草稿正文QWE，还不能公开。\n")
    result = run_tool("build.py", str(content), str(output), "-s", PELICANCONF)
    assert result.returncode == 1
    assert lines(result) == [
        "articles/2024-05-01-secret.md:4: Tags: 第 4 行用了中文冒号“：”，请改成英文冒号“:”", SUMMARY_1]
    for relative, text in output_texts(str(output)) if output.exists() else ():
        for secret in ("草稿标题XYZ", "草稿正文QWE", "secret", "家风家教"):
            assert secret not in text, relative
    # fixed, it is a draft again: built, and still nowhere in the output
    write(str(content / "articles/2024-05-01-secret.md"),
          "Title: 草稿标题XYZ\nDate: 2024-05-01\nCategory: 工作动态\nTags: 家风家教\n"
          "Source: 西城区妇联\nStatus: draft\n\n草稿正文QWE，还不能公开。\n")
    result = run_tool("build.py", str(content), str(output), "-s", PELICANCONF)
    assert result.returncode == 0, result.stderr
    written = list(output_texts(str(output)))
    assert any("正常的文章" in text for _, text in written)
    for relative, text in written:
        for secret in ("草稿标题XYZ", "草稿正文QWE", "secret", "家风家教"):
            assert secret not in text, relative


def test_any_case_of_a_key_and_continuation_lines_are_read(tmp_path):
    """Pelican reads keys in any case (`tags:`), and an indented line continues a field."""
    content, output = tmp_path / "content", tmp_path / "out"
    write(str(content / "articles/2024-01-01-cased.md"),
          "title: 小写的标题\nDATE: 2024-01-01\nCategory: 工作动态\ntags: 家风家教\n"
          "Summary: 第一行摘要\n    第二行摘要\n\n正文\n")
    result = run_tool("build.py", str(content), str(output), "-s", PELICANCONF)
    assert result.returncode == 0, result.stderr
    assert os.path.exists(output / "tags")
    with open(output / "news/2024/cased/index.html", encoding="utf-8") as handle:
        page = handle.read()
    assert "小写的标题" in page and "家风家教" in page


def test_the_guide_lists_exactly_the_fields_the_rules_know():
    """One list of fields (rules.KEYS): the editor guide's table names the same."""
    import sys
    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from xcfl_articles.rules import keys_of

    with open(os.path.join(ROOT, "docs/editor-guide/articles.md"), encoding="utf-8") as handle:
        guide = handle.read()
    table = guide.split("### 信息头各项", 1)[1].split("\n\n", 2)[1]
    named = set()
    for row in table.splitlines()[2:]:
        named |= set(re.findall(r"[A-Z][A-Za-z]+", row.split("|")[1]))
    assert named == {key.name for key in keys_of("article")}


MY_MESSAGES = ["header-fullwidth-colon", "header-chinese-comma", "header-space-before-colon", "header-not-a-field",
               "header-unknown-key-guess", "header-unknown-key", "header-duplicate-key",
               "header-missing", "header-missing-no-header", "image-no-alt", "link-missing",
               "link-image-missing", "link-file-missing", "link-wrong-case", "link-not-published",
               "link-out-of-content", "link-draft", "link-filename-static", "link-backslash",
               "link-fullwidth-paren", "image-fullwidth-bang", "heading-no-space",
               "heading-fullwidth", "table-fullwidth"]


@pytest.mark.parametrize("name", MY_MESSAGES)
def test_each_message_is_in_the_guides_message_table(name):
    """Every message of strict headers and body links is explained in errors.md:
    its longest fixed words appear in a row of the table."""
    import sys
    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from xcfl_problems import MESSAGES

    with open(os.path.join(ROOT, "docs/editor-guide/errors.md"), encoding="utf-8") as handle:
        rows = [line for line in handle if line.startswith("| `")]
    words = max(re.split(r"\{+[a-z]*\}+|…", MESSAGES[name]), key=len).strip("，；。 ")[:6]
    assert any(words in row for row in rows), words
