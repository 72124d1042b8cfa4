"""`make new TITLE=… CATEGORY=…`: a new article file, named and headed for the editor.

Runs the real `make new` in a subprocess. `-o .venv/.installed` only tells make not
to (re)install the virtual environment the suite already runs in.
"""

import datetime
import os
import subprocess
from zoneinfo import ZoneInfo

import pytest

from helpers import ROOT, build, copy_content, soup

USAGE = "用法：make new TITLE=文章标题 CATEGORY=栏目名称"
CATEGORIES = "工作动态、通知公告、组织建设、权益维护、家庭文明、巾帼风采"


def today():
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def make_new(content, *assignments):
    return subprocess.run(["make", "-s", "-o", ".venv/.installed", "new", f"INPUTDIR={content}",
                           *assignments], cwd=ROOT, capture_output=True, text=True)


def created(content):
    folder = os.path.join(content, "articles")
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def test_creates_a_headed_article_and_says_what_next(tmp_path):
    content = str(tmp_path / "content")
    before = today()
    result = make_new(content, "TITLE=区妇联举办庆祝“三八”国际妇女节主题活动", "CATEGORY=通知公告")
    day = today()
    assert result.returncode == 0, result.stderr
    assert day == before, "the date changed during the test (midnight in Beijing): run it again"
    name = f"{day}-qu-fu-lian-ju-ban-qing.md"
    assert created(content) == [name]
    path = os.path.join(content, "articles", name)
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == (
            "Title: 区妇联举办庆祝“三八”国际妇女节主题活动\n"
            f"Date: {day}\n"
            "Category: 通知公告\n"
            "\n"
            "在这里写正文（写好后删掉这一行）。\n")
    year = day[:4]
    assert result.stdout.splitlines() == [
        f"已创建 {path}",  # absolute: the content folder lies outside the repository
        "下一步：",
        "  1. 用编辑器打开这个文件，把“在这里写正文（写好后删掉这一行）。”换成正文；"
        "需要时在信息头里添加 Tags、Source、Cover 等项目。",
        f"  2. 运行 make serve，在浏览器里打开 http://127.0.0.1:8000/notices/{year}/qu-fu-lian-ju-ban-qing/ 预览。",
        "  3. 运行 make check 检查无误后，提交发布。",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize("title,slug", [
    ("2024年度“最美家庭”评选结果公示", "2024-nian-du-zui-mei-jia"),
    ("关于开展APP使用培训的通知", "guan-yu-kai-zhan-app-shi"),
    ("ＡＢＣ：全角字母（测试）", "abc-quan-jiao-zi-mu-ce"),
    ("“巧娘”——剪纸、刺绣！", "qiao-niang-jian-zhi-ci-xiu"),
    ("Women's Day 3.8", "women-s-day-3-8"),
    ("！！！", "article"),
])
def test_slug_is_the_titles_pinyin(tmp_path, title, slug):
    content = str(tmp_path / "content")
    result = make_new(content, f"TITLE={title}", "CATEGORY=工作动态")
    assert result.returncode == 0, result.stderr
    assert created(content) == [f"{today()}-{slug}.md"]


def test_title_with_quotes_and_dollar_is_kept_as_typed(tmp_path):
    content = str(tmp_path / "content")
    title = """妇联 "家风" 'A' $HOME `x` 活动"""
    assert make_new(content, f"TITLE={title}", "CATEGORY=家庭文明").returncode == 0
    with open(os.path.join(content, "articles", created(content)[0]), encoding="utf-8") as handle:
        assert handle.readline() == f"Title: {title}\n"


def test_never_overwrites(tmp_path):
    content = str(tmp_path / "content")
    assert make_new(content, "TITLE=测试文章", "CATEGORY=工作动态").returncode == 0
    path = os.path.join(content, "articles", f"{today()}-ce-shi-wen-zhang.md")
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("编辑已经写好的正文。\n")
    with open(path, encoding="utf-8") as handle:
        written = handle.read()
    result = make_new(content, "TITLE=测试文章", "CATEGORY=通知公告")
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        f"{path}: 文件已经存在，没有覆盖它。请打开这个文件继续编辑，或换一个标题。")
    assert result.stdout == ""
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == written


def test_same_slug_on_another_day_gets_a_number(tmp_path):
    content = str(tmp_path / "content")
    os.makedirs(os.path.join(content, "articles", "2020"))
    for name in ("2020/2020-01-01-ce-shi.md", "2021-01-01-ce-shi-2.md"):
        open(os.path.join(content, "articles", name), "w").close()
    assert make_new(content, "TITLE=测试", "CATEGORY=工作动态").returncode == 0
    assert f"{today()}-ce-shi-3.md" in created(content)


@pytest.mark.parametrize("assignments,message", [
    (["TITLE=测试", "CATEGORY=通知"], f"栏目“通知”不存在。可选的栏目：{CATEGORIES}。{USAGE}"),
    (["TITLE=测试", "CATEGORY=notices"], f"栏目“notices”不存在。可选的栏目：{CATEGORIES}。{USAGE}"),
    (["TITLE=测试"], f"缺少栏目。可选的栏目：{CATEGORIES}。{USAGE}"),
    (["CATEGORY=通知公告"], f"缺少文章标题。{USAGE}"),
    (["TITLE=  ", "CATEGORY=通知公告"], f"缺少文章标题。{USAGE}"),
], ids=["unknown", "slug-not-name", "no-category", "no-title", "blank-title"])
def test_mistakes_are_explained_and_create_nothing(tmp_path, assignments, message):
    content = str(tmp_path / "content")
    result = make_new(content, *assignments)
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == message
    assert created(content) == []


def test_site_with_the_new_article_builds(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    result = make_new(content, "TITLE=关于2026年“最美家庭”推荐工作的通知", "CATEGORY=通知公告")
    assert result.returncode == 0, result.stderr
    output = build(content, str(tmp_path / "site"), publish=True)  # warnings are fatal there
    year = today()[:4]
    page = soup(output, f"notices/{year}/guan-yu-2026-nian-zui-mei/index.html")
    assert page.h1.get_text(strip=True) == "关于2026年“最美家庭”推荐工作的通知"
    assert "在这里写正文" in page.find("main").get_text()
