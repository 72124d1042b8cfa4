"""Broken records and references: every problem reported with its exact line, by
`make check` (tools/check.py) and `make html` alike, and nothing written."""

import datetime
import os
import sys
import time

import pytest

from helpers import CONTENT, PELICANCONF, ROOT, article, copy_content, files, run_tool, write

sys.path.insert(0, os.path.join(ROOT, "plugins"))
from xcfl_records.loader import LoadError, load  # noqa: E402

THIS_YEAR = datetime.date.today().year

BROKEN = {
    "data/families/syntax.yaml": "name: 坏\n  street: [1,\n",
    "data/families/tagged.yaml": "name: x\nstreet: !!python/object:os.system {}\n",
    "data/families/typos.yaml": (
        "name: 打字错误家庭\nstret: 牛街街道\nlevel: 全国最美家\nyear: 二〇一八\n"),
    "data/families/Wrong_Name.yaml": (
        "name: 文件名不对\nstreet: 牛街街道\nlevel: 西城最美家庭\nyear: 2020\n"),
    "data/families/list.yaml": (
        "- id: far-street\n  name: 远方家庭\n  street: 不存在街道\n"
        "  level: 西城最美家庭\n  year: 2013\n"
        f"- id: too-new\n  name: 未来家庭\n  street: 牛街街道\n  level: 西城最美家庭\n  year: {THIS_YEAR + 1}\n"
        "  summary: " + "字" * 201 + "\n"
        "  photos: [images/nope.jpg, ../outside.svg, /etc/passwd, images/link.svg, images\\a.jpg]\n"
        "- name: 没有编号\n  street: 牛街街道\n  level: 西城最美家庭\n  year: 2020\n"
        "- id: chen-family-niujie\n  name: 重名\n  street: 牛街街道\n  level: 西城最美家庭\n  year: 2020\n"),
    "data/studios/negative.yaml": (
        "name: 工作室\nstreet: 牛街街道\ncraft: 剪纸\nleader: 某\nmembers: -1\n"),
    # a public phone is fine; a mobile number elsewhere is not, in private it never shows
    "data/teams/phones.yaml": (
        "name: 电话队\nstreet: 牛街街道\nkind: 其他\nservices: [咨询, 报名请拨13812345678]\n"
        "private: {contact: 13912345678}\n"),
    "articles/broken-references.md": article(
        Slug="broken-references", Street="牛街", Families="chen-family-niujie, no-such-family"),
}

EXPECTED = [
    # files that cannot be read come first: other problems may follow from them
    "data/families/syntax.yaml:2: families: 第 2 行的缩进不对：行首空了 2 格，和第 1 行的项没有对齐（应空 0 格）；"
    "同一层的项要上下对齐，只能用空格",
    "data/families/tagged.yaml:2: families: 不允许使用 YAML 标签 !!python/object:os.system；记录里只能写文字、数字、列表和“键: 值”",
    "articles/broken-references.md:5: Street: 街道“牛街”不在 data/streets.yaml 中；请写街道全称，例如 牛街街道",
    "articles/broken-references.md:6: Families: 找不到编号为“no-such-family”的最美家庭；请核对 data/families/ 中记录的 id",
    "data/families/Wrong_Name.yaml:1: families Wrong_Name: id: 编号“Wrong_Name”只能用小写英文字母、数字和连字符（-），"
    "例如 wang-family-desheng；单条记录文件不写 id 时，编号取文件名",
    "data/families/list.yaml:3: families far-street: street: 街道“不存在街道”不在 data/streets.yaml 中；请写街道全称，例如 牛街街道",
    "data/families/list.yaml:5: families far-street: year: 年份应在 2014 到 %d 之间，现在是 2013" % THIS_YEAR,
    "data/families/list.yaml:10: families too-new: year: 年份应在 2014 到 %d 之间，现在是 %d" % (THIS_YEAR, THIS_YEAR + 1),
    "data/families/list.yaml:11: families too-new: summary: 不能超过 200 个字，现在有 201 个字",
    "data/families/list.yaml:12: families too-new: photos[1]: 图片 images/nope.jpg 不存在；路径从 content/ 文件夹算起，例如 images/photo.jpg",
    "data/families/list.yaml:12: families too-new: photos[2]: 图片路径 ../outside.svg 指向 content/ 文件夹之外；请把图片放进 content/images/",
    "data/families/list.yaml:12: families too-new: photos[3]: 图片路径 /etc/passwd 指向 content/ 文件夹之外；请把图片放进 content/images/",
    "data/families/list.yaml:12: families too-new: photos[4]: 图片路径 images/link.svg 指向 content/ 文件夹之外；请把图片放进 content/images/",
    "data/families/list.yaml:12: families too-new: photos[5]: images\\a.jpg 用了反斜杠“\\”，网站上找不到；"
    "路径要用斜杠“/”，请改成 images/a.jpg",
    "data/families/list.yaml:13: families 第3条: id: 缺少必填项；请加上一行“id: …”",
    "data/families/list.yaml:17: families chen-family-niujie: id: “chen-family-niujie”已被 "
    "data/families/chen-family-niujie.yaml 中的另一条记录使用；同一类记录里不能重复",
    "data/families/typos.yaml:1: families typos: street: 缺少必填项；请加上一行“street: …”",
    "data/families/typos.yaml:2: families typos: stret: 不认识的项“stret”；可用的项：id、name、street、community、"
    "summary、description、photos、tags、level、year、members、private",
    "data/families/typos.yaml:3: families typos: level: “全国最美家”不在可选范围内；可选：全国文明家庭、全国最美家庭、首都最美家庭、西城最美家庭",
    "data/families/typos.yaml:4: families typos: year: 应为整数（如 2018，不加引号），现在是“二〇一八”",
    "data/studios/negative.yaml:5: studios negative: members: 不能小于 0，现在是 -1",
    "data/teams/phones.yaml:4: teams phones: services[2]: 有手机号码 138****5678；公开网页不能出现个人手机号。"
    "确需公开时，请技术人员把它加入 XCFL_PERSONAL_DATA_ALLOW",
    # xcfl_guard's own check of links out of content/
    "images/link.svg: 文件: images/link.svg 是指向 content/ 文件夹之外的链接（快捷方式）；请把真正的文件放进 content/",
]


@pytest.fixture(scope="module")
def broken_content(tmp_path_factory):
    base = tmp_path_factory.mktemp("broken")
    content = copy_content(str(base / "content"))
    write(str(base / "outside.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
    os.symlink(str(base / "outside.svg"), os.path.join(content, "images", "link.svg"))
    for relative, text in BROKEN.items():
        write(os.path.join(content, relative), text)
    return content


@pytest.fixture(scope="module")
def check_run(broken_content):
    before = files(os.path.dirname(broken_content))
    result = run_tool("check.py", broken_content, "-s", PELICANCONF)
    assert files(os.path.dirname(broken_content)) == before  # check writes nothing
    return result


def test_check_exits_1_with_every_problem(check_run):
    assert check_run.returncode == 1
    lines = check_run.stderr.strip().splitlines()
    assert lines[:-1] == EXPECTED
    assert lines[-1] == f"共发现 {len(EXPECTED)} 个内容问题，网站未生成。请按上面的提示修改后重试。"


@pytest.mark.parametrize("line", EXPECTED, ids=[line.split(": ")[0] + " " + line.split(": ")[1]
                                                 for line in EXPECTED])
def test_each_problem_has_its_exact_line(check_run, line):
    assert line in check_run.stderr.splitlines()


def test_build_prints_the_same_problems_and_writes_nothing(broken_content, tmp_path):
    output = tmp_path / "site"
    result = run_tool("build.py", broken_content, str(output), "-s", PELICANCONF)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[:-1] == EXPECTED
    assert not output.exists() or files(str(output)) == []


def test_sample_content_passes_check():
    result = run_tool("check.py", CONTENT, "-s", PELICANCONF)
    assert result.returncode == 0, result.stderr


def test_alias_bomb_is_rejected_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        previous, name = chr(96 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    start = time.monotonic()
    with pytest.raises(LoadError) as error:
        load("\n".join(lines) + "\n")
    assert time.monotonic() - start < 2
    assert error.value.name == "yaml-too-many-values"


def test_other_object_tags_are_rejected():
    for text in ("x: !!python/name:os.system\n", "x: !!binary aGk=\n", "<<: {a: 1}\n", "x: !custom 1\n"):
        with pytest.raises(LoadError) as error:
            load(text)
        assert error.value.name == "yaml-tag", text


def test_lines_point_at_each_field_and_list_item():
    data, lines = load("- id: a\n  members:\n    - 甲\n    - 乙\n")
    assert data == [{"id": "a", "members": ["甲", "乙"]}]
    assert lines[(0, "members")] == 2 and lines[(0, "members", 1)] == 4


DATA = "这个文件不会读取：data/families/ 里的记录只能写在 .yaml 文件中（每行“键: 值”，见编辑指南的“数据记录”）；" \
    "Excel 或 Word 里的名单请逐条写成 .yaml 记录"
# files under data/ that are not read as records used to be passed over without
# a word; one referred to by an article is its only problem (printed first)
UNREAD = [
    ("upper-case extension", "data/families/chen-family-niujie.yaml", "data/families/chen-family-niujie.YAML",
     "data/families/chen-family-niujie.YAML: 文件: 扩展名“.YAML”要写成小写“.yaml”，否则不会发布；"
     "请把文件改名为 chen-family-niujie.yaml"),
    ("text file", "data/families/chen-family-niujie.yaml", "data/families/chen-family-niujie.txt",
     f"data/families/chen-family-niujie.txt: 文件: {DATA}"),
    ("sub-folder", "data/families/chen-family-niujie.yaml", "data/families/2024/chen-family-niujie.yaml",
     "data/families/2024/chen-family-niujie.yaml: 文件: 子文件夹里的文件不会读取；请把它直接放在 data/families/ 里"),
    ("spreadsheet", None, "data/families/名单.xlsx", f"data/families/名单.xlsx: 文件: {DATA}"),
    ("misnamed folder", None, "data/family/zhao-family.yaml",
     "data/family/zhao-family.yaml: 文件: 这个文件不会读取：data/ 里只读 streets.yaml 和 "
     "families/、studios/、teams/ 这几个文件夹里的 .yaml 文件；请把它移到对应的文件夹"),
]


@pytest.mark.parametrize("name, moved, path, expected", UNREAD, ids=[case[0] for case in UNREAD])
def test_a_file_under_data_that_is_not_read_is_reported(tmp_path, name, moved, path, expected):
    content = copy_content(str(tmp_path / "content"))
    if moved:
        os.makedirs(os.path.dirname(os.path.join(content, path)), exist_ok=True)
        os.rename(os.path.join(content, moved), os.path.join(content, path))
    else:
        write(os.path.join(content, path), "name: 赵家\n")
    for left_by_tools in ("data/families/~$名单.xlsx", "data/.DS_Store", "data/teams/a.yaml~"):
        write(os.path.join(content, left_by_tools), "x")
    result = run_tool("check.py", content, "-s", PELICANCONF)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        expected, "共发现 1 个内容问题，网站未生成。请按上面的提示修改后重试。"]
