"""Everything a body points at exists: every picture and every link into the site,
in an article, a page or a record's description, with exact letter case; a
picture has a description unless marked decorative (issue 12, item 2)."""

import os

import pytest

from helpers import (PELICANCONF, article, copy_content, run_check, run_tool, soup, stderr_lines,
                     write)
from pages import png

CHECK_OK = "内容检查通过：没有发现问题。"
HEAD = "Title: 标题\nDate: 2024-01-01\nCategory: 工作动态\nSource: 西城区妇联\nTags: 家风\n\n"
NO_ALT = "没有说明文字；请在方括号里写上图片的内容，例如 ![活动现场](…)；纯装饰的图片写 ![-](…)"
NO_PAGE = "指向的网页不存在；站内网页请写它的地址，例如 /notices/2024/…/（在浏览器地址栏里复制）"
NO_IMAGE = "不存在；路径从 content/ 文件夹算起，例如 images/photo.jpg"
NO_FILE = "不存在；路径从 content/ 文件夹算起，例如 images/2024/tongzhi.pdf"
CASE = "大小写不一致；网站服务器区分大小写，请改成"


check, lines = run_check, stderr_lines  # helpers.py


def site(root):
    """A content folder with a picture, a file outside the static folders, a
    published article (/news/2023/other/) and a draft."""
    (root / "images").mkdir(parents=True)
    (root / "images/photo.png").write_bytes(png(8, 6))
    write(str(root / "docs/guide.pdf"), "%PDF-1.4\n")  # files/ is published (attachments)
    write(str(root / "articles/2023-05-05-other.md"), article(title="另一篇", date="2023-05-05"))
    write(str(root / "articles/2023-06-06-plan.md"),
          article(title="草稿", date="2023-06-06", Status="draft"))
    return root


# body lines: the body starts on line 7 (6 header lines and the blank line)
CASES = [
    ("missing picture", "![活动照片](images/none.png)",
     f"articles/a.md:7: 正文: 图片 images/none.png {NO_IMAGE}"),
    ("picture name in another case", "正文。\n\n![活动照片](images/photo.PNG)",
     f"articles/a.md:9: 正文: images/photo.PNG 与实际的名字 images/photo.png {CASE} images/photo.png"),
    ("picture folder in another case", "![活动照片](Images/photo.png)",
     f"articles/a.md:7: 正文: Images/photo.png 与实际的名字 images/photo.png {CASE} images/photo.png"),
    ("root-relative picture in another case", "![活动照片](/images/Photo.png)",
     f"articles/a.md:7: 正文: /images/Photo.png 与实际的名字 /images/photo.png {CASE} /images/photo.png"),
    ("picture without description", "![](images/photo.png)",
     f"articles/a.md:7: 正文: 图片 images/photo.png {NO_ALT}"),
    ("html picture with empty alt", '<img src="images/photo.png" alt="">',
     f"articles/a.md:7: 正文: 图片 images/photo.png {NO_ALT}"),
    ("html picture that is missing", '<p><img src="/images/none.jpg" alt="图"></p>',
     f"articles/a.md:7: 正文: 图片 /images/none.jpg {NO_IMAGE}"),
    ("static picture that is missing", "![图]({static}../images/gone.png)",
     f"articles/a.md:7: 正文: 图片 {{static}}../images/gone.png {NO_IMAGE}"),
    ("link to a page that does not exist", "见[通知](/notices/2024/nothing/)。",
     f"articles/a.md:7: 正文: 链接 /notices/2024/nothing/ {NO_PAGE}"),
    ("link with the site's address to nothing", "[通知](https://fulian.bjxch.gov.cn/notices/2024/x/)",
     f"articles/a.md:7: 正文: 链接 https://fulian.bjxch.gov.cn/notices/2024/x/ {NO_PAGE}"),
    ("html link to a page in another case", '<a href="/News/2023/other/">另一篇</a>',
     f"articles/a.md:7: 正文: /News/2023/other/ 与实际的名字 /news/2023/other/ {CASE} /news/2023/other/"),
    ("filename link to nothing", "[另一篇]({filename}2023-05-05-others.md)",
     f"articles/a.md:7: 正文: 链接 {{filename}}2023-05-05-others.md {NO_PAGE}"),
    ("filename link to a draft", "[计划]({filename}2023-06-06-plan.md)",
     "articles/a.md:7: 正文: 链接的 {filename}2023-06-06-plan.md 是草稿，不会发布；请先发布它，或删掉这个链接"),
    ("filename link to a picture", "[照片]({filename}../images/photo.png)",
     "articles/a.md:7: 正文: {filename}../images/photo.png 链接的是图片或文件，不是文章；请把 {filename} 改成 {static}"),
    # a Chinese IME's punctuation: Markdown sees no link or picture at all
    ("link in full-width parentheses", "详见[区妇联](https://example.org/）。",
     "articles/a.md:7: 正文: 第 7 行的 [区妇联](https://example.org/） 用了中文括号“（）”，不会变成链接或图片；"
     "请改成英文括号，写成 [区妇联](https://example.org/)"),
    ("picture in full-width parentheses", "![活动照片]（images/photo.png）",
     "articles/a.md:7: 正文: 第 7 行的 ![活动照片]（images/photo.png） 用了中文括号“（）”，不会变成链接或图片；"
     "请改成英文括号，写成 ![活动照片](images/photo.png)"),
    ("picture after a full-width exclamation mark", "正文。\n\n！[活动照片](images/photo.png)",
     "articles/a.md:9: 正文: 第 9 行的 ！[活动照片](images/photo.png) 开头是中文感叹号“！”，图片不会显示；"
     "请改成英文“!”，写成 ![活动照片](images/photo.png)"),
    ("heading without its space", "##一、基层组织建设",
     "articles/a.md:7: 正文: 第 7 行的“##一、基层组织建设”里，井号“#”后面没有空格，不会变成小标题；"
     "请写成“## 一、基层组织建设”"),
    ("heading with full-width hashes", "＃＃ 一、基层组织建设",
     "articles/a.md:7: 正文: 第 7 行的“＃＃ 一、基层组织建设”用了中文井号“＃”，不会变成小标题；"
     "请改成英文井号，写成“## 一、基层组织建设”"),
    ("table with full-width bars", "｜ 类别 ｜ 户数 ｜\n｜ --- ｜ --- ｜\n｜ 全国最美家庭 ｜ 7 ｜",
     "articles/a.md:7: 正文: 第 7 行的表格“｜ 类别 ｜ 户数 ｜”用了中文竖线“｜”，不会变成表格；"
     "请把“｜”都改成英文竖线“|”"),
    # a Windows path: the file is there, the backslash is the mistake
    ("picture path with backslashes", "![活动照片](images\\photo.png)",
     "articles/a.md:7: 正文: images\\photo.png 用了反斜杠“\\”，网站上找不到；路径要用斜杠“/”，请改成 images/photo.png"),
    ("link with backslashes", "[下载](/files\\docs\\guide.pdf)",
     "articles/a.md:7: 正文: /files\\docs\\guide.pdf 用了反斜杠“\\”，网站上找不到；路径要用斜杠“/”，请改成 /files/docs/guide.pdf"),
    ("link to a missing file", "[下载通知](images/tongzhi.pdf)",
     f"articles/a.md:7: 正文: 链接的文件 images/tongzhi.pdf {NO_FILE}"),
    ("link to a file the site does not publish", "[下载](docs/guide.pdf)",
     "articles/a.md:7: 正文: 链接的文件 docs/guide.pdf 不在网站发布的文件夹里（content/images/、content/files/）；请把它移进去，再改链接"),
    ("link out of the content folder", "[文件](../../secret.txt)",
     "articles/a.md:7: 正文: ../../secret.txt 指向 content/ 文件夹之外；图片和文件请放进 content/images/，路径写 images/…"),
]


# the linked article is left out for a problem of its own: that problem alone
# is reported, not the link to it as well (the slug from the file name, or Slug)
LEFT_OUT = [
    ("file name", "articles/2023-07-07-meeting.md", "Titel: 会议\nDate: 2023-07-07\nCategory: 工作动态\n\n正文\n",
     "articles/2023-07-07-meeting.md:1: Titel: 未知的字段“Titel”，是不是“Title”？"),
    ("slug header", "articles/b.md", "Title: 会议\nDate: 2023-7-77\nCategory: 工作动态\nSlug: meeting\n\n正文\n",
     "articles/b.md:2: Date: "),
]


@pytest.mark.parametrize("name, path, text, problem", LEFT_OUT, ids=[case[0] for case in LEFT_OUT])
def test_a_link_to_an_article_left_out_for_its_own_problem_is_not_reported_again(
        tmp_path, name, path, text, problem):
    content = site(tmp_path / "content")
    write(str(content / "articles/a.md"), HEAD + "见[会议](/news/2023/meeting/)。\n")
    write(str(content / path), text)
    found = lines(check(content))
    assert len(found) == 2 and found[0].startswith(problem), found
    assert found[1] == "共发现 1 个内容问题，网站未生成。请按上面的提示修改后重试。"
    write(str(content / "articles/c.md"), HEAD + "见[会议](/news/2023/meetings/)。\n")
    assert lines(check(content))[1] == f"articles/c.md:7: 正文: 链接 /news/2023/meetings/ {NO_PAGE}"
    (content / "articles/c.md").unlink()
    write(str(content / path), text.replace("Titel", "Title").replace("2023-7-77", "2023-07-07"))
    fixed = check(content)
    assert (fixed.returncode, fixed.stdout.strip()) == (0, CHECK_OK), fixed.stderr


@pytest.mark.parametrize("name, body, expected", CASES, ids=[case[0] for case in CASES])
def test_each_broken_link_at_its_line(tmp_path, name, body, expected):
    content = site(tmp_path / "content")
    write(str(content / "articles/a.md"), HEAD + body + "\n")
    result = check(content)
    assert result.returncode == 1
    assert lines(result) == [expected, "共发现 1 个内容问题，网站未生成。请按上面的提示修改后重试。"]
    assert "内容检查通过" not in result.stdout
    assert "WARNING" not in result.stderr + result.stdout  # Pelican's "Empty alt attribute"


def test_full_width_punctuation_that_is_no_link_is_left_alone(tmp_path):
    """Only an address in the parentheses makes a link the editor meant; code is code."""
    content = site(tmp_path / "content")
    write(str(content / "articles/a.md"), HEAD + "见文献[1]（2018年）。欢迎报名！[另一篇](/news/2023/other/)\n\n"
          "＃巾帼建新功＃ 一个话题。他说｜不是表格。\n\n"
          "写法：`[区妇联]（https://example.org/）`\n\n```\n![图]（images/photo.png）\n```\n")
    result = check(content)
    assert (result.returncode, result.stdout.strip()) == (0, CHECK_OK), result.stderr


def test_the_same_link_twice_is_reported_at_each_line(tmp_path):
    content = site(tmp_path / "content")
    write(str(content / "pages/about.md"),
          "Title: 关于\nSlug: about\n\n[旧链接](/old/)\n\n正文\n\n再一次：[旧链接](/old/)\n")
    result = check(content)
    assert lines(result)[:-1] == [f"pages/about.md:4: 正文: 链接 /old/ {NO_PAGE}",
                                  f"pages/about.md:8: 正文: 链接 /old/ {NO_PAGE}"]


GOOD_BODY = """\
![活动照片](images/photo.png)

![-](images/photo.png)

<img src="/images/photo.png" alt="图">

见[另一篇](/news/2023/other/)、[也是它]({filename}2023-05-05-other.md)、[栏目](news/)、
[首页](/)、[搜索](/search/?q=家风)、[标签](/tags/)、[本页小标题](#yi)、[外站](https://www.gov.cn/)、
[邮件](mailto:a@example.org)、[图片]({static}../images/photo.png)、[网站地址](https://fulian.bjxch.gov.cn/news/)。

## 一
"""


def test_links_that_resolve_build_and_work(tmp_path):
    content, output = site(tmp_path / "content"), tmp_path / "out"
    write(str(content / "articles/2024-01-01-good.md"), HEAD + GOOD_BODY)
    result = check(content)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == CHECK_OK
    result = run_tool("build.py", str(content), str(output), "-s", PELICANCONF)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    page = soup(str(output), "news/2024/good/index.html")
    figures = page.select(".xc-prose figure.xc-figure")
    assert figures[0].figcaption.get_text() == "活动照片"
    decorative = figures[1].img
    assert (decorative["alt"], decorative["role"]) == ("", "presentation")
    assert figures[1].figcaption is None  # nothing to show under it
    links = {a.get_text(): a["href"] for a in page.select(".xc-prose a")}
    assert links["栏目"] == "/news/"  # from the site root, like pictures
    assert links["也是它"] == "/news/2023/other/"
    assert os.path.exists(output / "images/photo.png")


def test_a_picture_deleted_since_the_last_build_is_found(tmp_path):
    """The Markdown cache still holds the article: the check runs anyway."""
    content, output = site(tmp_path / "content"), tmp_path / "out"
    write(str(content / "articles/2024-01-01-good.md"), HEAD + "![活动照片](images/photo.png)\n")
    assert run_tool("build.py", str(content), str(output), "-s", PELICANCONF).returncode == 0
    os.remove(content / "images/photo.png")
    result = run_tool("build.py", str(content), str(output), "-s", PELICANCONF)
    assert result.returncode == 1
    assert lines(result)[0] == f"articles/2024-01-01-good.md:7: 正文: 图片 images/photo.png {NO_IMAGE}"


RECORD = """\
name: 链接测试家庭
street: 德胜街道
level: 西城最美家庭
year: 2020
summary: 摘要。
description: |
  第一段，见[相关文章](/news/2018/reform-achievements/)。

  ![](images/families/wang-desheng.svg)

  ![-](images/families/wang-desheng.svg)

  [不存在的通知](/notices/2024/nothing/)，照片 ![照片](images/families/Wang-Desheng.svg)

  另见[报道]（/news/2018/reform-achievements/）。
"""


def test_record_descriptions_get_the_same_checks_at_their_yaml_lines(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    write(os.path.join(content, "data/families/link-family.yaml"), RECORD)
    result = check(content)
    key = "data/families/link-family.yaml:{}: families link-family: description: "
    assert lines(result) == [
        key.format(9) + f"图片 images/families/wang-desheng.svg {NO_ALT}",
        key.format(13) + "images/families/Wang-Desheng.svg 与实际的名字 images/families/wang-desheng.svg "
        f"{CASE} images/families/wang-desheng.svg",
        key.format(13) + f"链接 /notices/2024/nothing/ {NO_PAGE}",
        key.format(15) + "第 15 行的 [报道]（/news/2018/reform-achievements/） 用了中文括号“（）”，"
        "不会变成链接或图片；请改成英文括号，写成 [报道](/news/2018/reform-achievements/)",
        "共发现 4 个内容问题，网站未生成。请按上面的提示修改后重试。"]


def test_record_description_links_are_read_from_the_site_root(tmp_path):
    content, output = copy_content(str(tmp_path / "content")), tmp_path / "out"
    write(os.path.join(content, "data/families/link-family.yaml"),
          RECORD.split("\n  ![](", 1)[0] + "\n  ![-](images/families/wang-desheng.svg)\n\n"
          "  [关于](about/)\n")
    result = run_tool("build.py", content, str(output), "-s", PELICANCONF)
    assert result.returncode == 0, result.stderr
    page = soup(str(output), "families/link-family/index.html")
    image = page.find("img", src="/images/families/wang-desheng.svg", role="presentation")
    assert image is not None and image["alt"] == ""
    assert page.find("a", string="关于")["href"] == "/about/"


def test_a_picture_that_is_also_the_cover_is_found_at_its_body_line(tmp_path):
    content = site(tmp_path / "content")
    (content / "images/photo.png").write_bytes(png(800, 6))  # a cover is at least 800 px wide
    write(str(content / "articles/a.md"),
          HEAD.replace("Tags: 家风\n", "Cover: images/photo.png\n") + "正文。\n\n![](images/photo.png)\n")
    result = check(content)
    assert lines(result)[0] == f"articles/a.md:9: 正文: 图片 images/photo.png {NO_ALT}"
