"""Hostile or careless input in articles: active HTML, personal data, links out of content/."""

import os

import pytest

from helpers import ROOT, article, build, run_tool, write

UNSAFE = "正文里的 {} 会在读者的浏览器里运行代码，网站不允许；请删除它（需要嵌入视频、地图等请联系技术人员）"
MOBILE = "有手机号码 {}；公开网页不能出现个人手机号。确需公开时，请技术人员把它加入 XCFL_PERSONAL_DATA_ALLOW"
RESIDENT = "有身份证号码 {}；公开网页不能出现身份证号。确需公开时，请技术人员把它加入 XCFL_PERSONAL_DATA_ALLOW"
# A made-up resident ID with a valid check digit, and the same with a wrong one.
VALID_ID = "11010219840406970X"
WRONG_CHECK_ID = "110102198404069701"


def problems(content):
    result = run_tool("check.py", str(content), "-s", "publishconf.py")
    return result.returncode, [line for line in result.stderr.splitlines() if line][:-1]


@pytest.mark.parametrize("body, line, what", [
    ("第一段\n\n<script>alert(1)</script>", 7, "<script>"),
    ('<img src="x.png" onerror="alert(1)" alt="图">', 5, "onerror="),
    ('<p onclick="steal()">点我</p>', 5, "onclick="),
    ("[点这里](javascript:alert(1))", 5, "javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">链接</a>', 5, "javascript:"),
    ('<iframe src="https://example.com/"></iframe>', 5, "<iframe>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', 5, "data:"),
])
def test_active_html_is_rejected_with_its_line(tmp_path, body, line, what):
    write(str(tmp_path / "articles/a.md"), article(body=body))
    status, lines = problems(tmp_path)
    assert status == 1
    assert lines == [f"articles/a.md:{line}: 正文: {UNSAFE.format(what)}"]


def test_html_shown_as_code_is_fine(tmp_path):
    # fenced: an indented block is a paragraph here (xcfl_articles/indented.py)
    write(str(tmp_path / "articles/a.md"), article(body="示例：`<script>`\n\n```\n<script>alert(1)</script>\n```\n"))
    output = build(str(tmp_path), str(tmp_path / "out"))
    html = open(os.path.join(output, "news/2024/a/index.html"), encoding="utf-8").read()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("text, line, expected", [
    ("联系人：李女士 13812345678", 5, MOBILE.format("138****5678")),
    ("电话 +86 139-1234-5678 咨询", 5, MOBILE.format("139****5678")),
    ("请联系 158 1234 5678。", 5, MOBILE.format("158****5678")),
    (f"身份证 {VALID_ID}", 5, RESIDENT.format("110***********970X")),
])
def test_personal_data_is_rejected(tmp_path, text, line, expected):
    write(str(tmp_path / "articles/a.md"), article(body=text))
    status, lines = problems(tmp_path)
    assert status == 1
    assert lines == [f"articles/a.md:{line}: 正文: {expected}"]


def test_personal_data_in_the_header_is_found_too(tmp_path):
    write(str(tmp_path / "articles/a.md"), article(Summary="报名电话13812345678"))
    assert problems(tmp_path)[1] == [f"articles/a.md:4: 正文: {MOBILE.format('138****5678')}"]


@pytest.mark.parametrize("text", [
    "电话：010-83976220",                 # a landline
    f"编号 {WRONG_CHECK_ID}",             # 18 digits, but not a valid ID
    "共计 12345678901234 人次",           # a long number, not a mobile
    "2017年，受益妇女达1万余人次",
])
def test_ordinary_numbers_pass(tmp_path, text):
    write(str(tmp_path / "articles/a.md"), article(body=text))
    assert problems(tmp_path) == (0, [])


def test_allow_list_and_drafts(tmp_path):
    write(str(tmp_path / "content/articles/a.md"), article(body="热线 13812345678"))
    write(str(tmp_path / "content/articles/b.md"), article(title="草稿", Status="draft", body="手机 13987654321"))
    conf = tmp_path / "conf.py"
    conf.write_text("import sys\nsys.path.insert(0, %r)\nfrom publishconf import *\n"
                    "XCFL_PERSONAL_DATA_ALLOW = ['138-1234-5678']\n" % os.path.dirname(os.path.dirname(__file__)))
    result = run_tool("check.py", str(tmp_path / "content"), "-s", str(conf))
    assert result.returncode == 0, result.stderr


def test_symlink_leading_out_of_content_is_rejected(tmp_path):
    content = tmp_path / "content"
    write(str(content / "articles/a.md"), article())
    os.makedirs(content / "images")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密")
    os.symlink(secret, content / "images/leak.txt")
    os.symlink(tmp_path, content / "images/parent")
    status, lines = problems(content)
    assert status == 1
    assert lines == [
        "images/leak.txt: 文件: images/leak.txt 是指向 content/ 文件夹之外的链接（快捷方式）；请把真正的文件放进 content/",
        "images/parent: 文件: images/parent 是指向 content/ 文件夹之外的链接（快捷方式）；请把真正的文件放进 content/",
    ]


def test_symlink_inside_content_is_fine(tmp_path):
    write(str(tmp_path / "articles/a.md"), article())
    write(str(tmp_path / "images/a.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>")
    os.symlink(tmp_path / "images/a.svg", tmp_path / "images/b.svg")
    assert problems(tmp_path) == (0, [])


def test_oversized_file_is_rejected(tmp_path):
    write(str(tmp_path / "articles/a.md"), article(body="很长的正文。" * 1_000_000))
    status, lines = problems(tmp_path)
    assert lines == ["articles/a.md: 文件: 文件太大（17.2 MB，上限 5 MB）；请拆分或删除多余内容"]


@pytest.mark.parametrize("text, expected", [
    ("联系 13812345678。", [(1, "mobile", "138****5678")]),
    ("第一行\n电话：138 1234 5678\n第三行", [(2, "mobile", "138****5678")]),
    ("跨行的号码 138 1234\n5678 不算", []),  # only whole within one line
    ("2015年成立，68号，100054", []),
    ("身份证\n11010519491231002X", [(2, "resident-id", "110***********002X")]),
    ("11010519491231002\nX", []),
])
def test_personal_data_is_found_line_by_line(text, expected):
    import sys

    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    from xcfl_guard.personal_data import find_personal_data

    assert find_personal_data(text) == expected
