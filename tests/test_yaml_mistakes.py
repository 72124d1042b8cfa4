"""Mistakes editors make in records files (data/*.yaml): each is named in Chinese
at its own line, with the character and what to type instead, never in
PyYAML's English; a file that cannot be read is reported once and first."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from helpers import CONTENT, PELICANCONF, ROOT, article, run_tool, write

sys.path.insert(0, os.path.join(ROOT, "plugins"))
from xcfl_records.loader import load  # noqa: E402

SUMMARY = "共发现 {} 个内容问题，网站未生成。请按上面的提示修改后重试。"
DASH = "“- ”"

# file under data/families/ -> (its text, the one line `make check` prints for it)
MISTAKES = {
    "colon-first.yaml": (
        "name：张三家庭\nstreet: 牛街街道\nlevel: 西城最美家庭\nyear: 2020\n",
        "1: families: 第 1 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“name: …”"),
    # PyYAML reports line 3 ("could not find expected ':'"): the colon is on line 2
    "colon-middle.yaml": (
        "name: 张三家庭\nstreet：牛街街道\nlevel: 西城最美家庭\n",
        "2: families: 第 2 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“street: …”"),
    # one line only: YAML reads it as a text, not a record
    "colon-alone.yaml": (
        "name：张三家庭\n",
        "1: families: 第 1 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“name: …”"),
    "colon-chinese-key.yaml": (
        "名称：张三家庭\nstreet: 牛街街道\n",
        "1: families: 第 1 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“名称: …”"),
    "colon-in-list.yaml": (
        "- id: a\n  name：张三家庭\n  street: 牛街街道\n",
        "2: families: 第 2 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“name: …”"),
    "colon-in-braces.yaml": (
        "- {id: a, name：张三家庭}\n",
        "1: families: 第 1 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“name: …”"),
    # read without error as one member "张三，李四": never what the editor meant
    "chinese-comma.yaml": (
        "name: x\nmembers: [张三，李四]\n",
        "2: families: 第 2 行写在方括号里的列表用了中文“，”分隔，会被当成一项；请改成英文逗号“,”后加一个空格，写成 [甲, 乙]"),
    "chinese-enumeration-comma.yaml": (
        "name: x\ntags: [家风家教、志愿服务]\n",
        "2: families: 第 2 行写在方括号里的列表用了中文“、”分隔，会被当成一项；请改成英文逗号“,”后加一个空格，写成 [甲, 乙]"),
    # read without error as 张三家庭: YAML drops " #2号" as a comment
    "comment-after-value.yaml": (
        "name: 张三家庭 #2号\nstreet: 牛街街道\n",
        "1: families: 第 1 行“张三家庭”后面的“#2号”会被当作注释丢掉，不会发布；如果它是内容，请把整段内容用英文双引号括起来，写成 \"张三家庭 #2号\"；如果是备注，请把它移到单独的一行，以“#”开头"),
    "comment-after-item.yaml": (
        "# 备注写在单独一行没有问题\nname: x\nmembers:\n  - 张三  # 户主\n",
        "4: families: 第 4 行“张三”后面的“# 户主”会被当作注释丢掉，不会发布；如果它是内容，请把整段内容用英文双引号括起来，写成 \"张三 # 户主\"；如果是备注，请把它移到单独的一行，以“#”开头"),
    "no-space.yaml": (
        "id: no-space\nname:张三家庭\nstreet: 牛街街道\n",
        "2: families: 第 2 行的英文冒号“:”后面缺少空格，请在冒号后加一个空格，写成“name: …”"),
    "no-space-item.yaml": (
        "- name:张三家庭\n",
        "1: families 第1条: 第 1 行的英文冒号“:”后面缺少空格，请在冒号后加一个空格，写成“name: …”"),
    "tab-indent.yaml": (
        "name: 张三家庭\nmembers:\n\t- 张三\n",
        "3: families: 第 3 行开头用 Tab 键（制表符）缩进，记录文件只认空格；请删掉 Tab，改用空格键缩进，与同一层的上一行对齐"),
    "tab-inside.yaml": (
        "- \tname: 张三家庭\n",
        "1: families: 第 1 行第 3 列有一个 Tab 键（制表符），记录文件不允许；请把它换成一个空格"),
    # parsed without error, as a key "　street"
    "fullwidth-space.yaml": (
        "name: 张三家庭\n\u3000street: 牛街街道\n",
        "2: families: 第 2 行开头用了中文全角空格“　”，记录文件只认英文半角空格；请删掉它，切换到英文输入法后用空格键缩进"),
    "fullwidth-space-list.yaml": (
        "- id: a\n\u3000name: 张三家庭\n",
        "2: families: 第 2 行开头用了中文全角空格“　”，记录文件只认英文半角空格；请删掉它，切换到英文输入法后用空格键缩进"),
    "indent-deeper.yaml": (
        "name: 张三家庭\n  street: 牛街街道\nlevel: 西城最美家庭\n",
        "2: families: 第 2 行的缩进不对：行首空了 2 格，和第 1 行的项没有对齐（应空 0 格）；同一层的项要上下对齐，只能用空格"),
    "indent-shallower.yaml": (
        "- id: a\n  name: 张三家庭\n street: 牛街街道\n",
        "3: families: 第 3 行的缩进不对：行首空了 1 格，和第 2 行的项没有对齐（应空 2 格）；同一层的项要上下对齐，只能用空格"),
    "indent-in-list.yaml": (
        "- id: a\n  name: 张三家庭\n   street: 牛街街道\n",
        "3: families: 第 3 行的缩进不对：行首空了 3 格，和第 2 行的项没有对齐（应空 2 格）；同一层的项要上下对齐，只能用空格"),
    "unclosed-quote.yaml": (
        'name: "张三家庭\nstreet: 牛街街道\n',
        '1: families: 第 1 行的引号 " 没有结束；请在这段内容的末尾补上 "（引号必须成对），或删掉开头的 "'),
    "unclosed-single-quote.yaml": (
        "name: x\nsummary: '好家庭\nstreet: 牛街街道\n",
        "2: families: 第 2 行的引号 ' 没有结束；请在这段内容的末尾补上 '（引号必须成对），或删掉开头的 '"),
    "unclosed-bracket.yaml": (
        "name: x\nmembers: [张三, 李四\nstreet: 牛街街道\n",
        "2: families: 第 2 行的“[”没有配对的“]”；请在这一行的末尾补上“]”"),
    "missing-dash.yaml": (
        "name: x\nmembers:\n  - 张三\n  李四\n",
        f"4: families: 第 4 行是列表中的一项，但开头没有{DASH}；请像第 3 行一样，在开头写上减号和一个空格{DASH}"),
    "missing-dash-record.yaml": (
        "- id: a\n  name: 张三家庭\nid: b\n  name: 李四家庭\n",
        f"3: families: 第 3 行是列表中的一项，但开头没有{DASH}；请像第 1 行一样，在开头写上减号和一个空格{DASH}"),
    "duplicate-key.yaml": (
        "name: 张三家庭\nstreet: 牛街街道\nname: 李四家庭\n",
        f"3: families: 第 3 行的“name”在第 1 行已经写过，每项只能写一次；如果这是另一条记录，请在它的第一行前加{DASH}"),
    # a second record without "- " after a blank line: its keys repeat the first's
    "duplicate-record.yaml": (
        "- id: a\n  name: 张三家庭\n\n  id: b\n  name: 李四家庭\n",
        f"4: families: 第 4 行的“id”在第 1 行已经写过，每项只能写一次；如果这是另一条记录，请在它的第一行前加{DASH}"),
    "fullwidth-quotes.yaml": (
        "name: “张三: 家庭”\n",
        '1: families: 第 1 行用了中文引号（“ ”），记录文件只认英文引号；请把括住整段内容的中文引号改成英文双引号 "…"'),
    "colon-in-value.yaml": (
        "name: x\nsummary: 时间: 每周二上午\n",
        '2: families: 第 2 行的内容里又有一个“: ”（冒号加空格），会被当成新的一项；请把冒号后的整段内容用英文双引号括起来，'
        '写成 summary: "…"'),
    "special-start.yaml": (
        "name: @张三家庭\n",
        "1: families: 第 1 行的内容以“@”开头，这个符号在记录文件里有特殊含义；请把整段内容用英文双引号括起来"),
    "bad-escape.yaml": (
        'name: x\nsummary: "C:\\new\\path"\n',
        "2: families: 第 2 行英文双引号里的反斜杠“\\”后面是“p”，无法读取；请删掉反斜杠，或把双引号改成英文单引号 '…'"),
    "second-document.yaml": (
        "name: 张三家庭\n---\nname: 李四家庭\n",
        f"2: families: 第 2 行的“---”把文件分成了两份，一个记录文件只能有一份内容；请删掉这一行（多条记录写成以{DASH}开头的列表）"),
    "no-colon.yaml": (
        "name: x\ndescription: |\n未缩进的介绍\n",
        f"3: families: 第 3 行既不是“键: 值”，也不是以{DASH}开头的列表项；请检查这一行：属于上一项的文字要比上一项多缩进两个空格"),
    "control-character.yaml": (
        "name: x\nsummary: 复制\x01来的\n",
        "2: families: 第 2 行有一个看不见的控制字符（U+0001），常见于从网页或 Word 复制的文字；请删掉这一行重新输入"),
    "impossible-date.yaml": (
        "name: x\nyear: 2024-02-30\n",
        "2: families: 第 2 行的“2024-02-30”会被当作日期，但这一天不存在；请改正，或把它用英文双引号括起来当作文字"),
    # a full-width colon inside a description is text: the mistake is the quote below
    "colon-in-description.yaml": (
        "name: x\ndescription: |\n  地点：社区活动室\n  Email：a@example.org\nsummary: \"未完\n",
        '5: families: 第 5 行的引号 " 没有结束；请在这段内容的末尾补上 "（引号必须成对），或删掉开头的 "'),
    "unrecognised.yaml": (
        "name: x]\nstreet: ]\n",
        "2: families: 第 2 行第 9 列的写法不对，文件无法读取；请检查这一行和上一行：冒号后要有空格，"
        "缩进只能用空格并上下对齐，引号和括号要成对"),
}
EXPECTED = [f"data/families/{name}:{line}" for name, (_, line) in sorted(MISTAKES.items())]
PARSER_ENGLISH = re.compile(r"could not find|mapping values|found character|expected|scanning|"
                            r"while parsing|YAML 格式错误")


def data_only(folder):
    """A content folder with the sample streets and nothing else."""
    write(os.path.join(folder, "articles", "a.md"), article())
    os.makedirs(os.path.join(folder, "data", "families"))
    shutil.copy(os.path.join(CONTENT, "data", "streets.yaml"), os.path.join(folder, "data"))
    return folder


def problems(result):
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines[-1] == SUMMARY.format(len(lines) - 1), result.stderr
    return lines[:-1]


@pytest.fixture(scope="module")
def mistakes_run(tmp_path_factory):
    content = data_only(str(tmp_path_factory.mktemp("mistakes") / "content"))
    for name, (text, _) in MISTAKES.items():
        with open(os.path.join(content, "data", "families", name), "w", encoding="utf-8") as handle:
            handle.write(text)
    return run_tool("check.py", content, "-s", PELICANCONF)


def test_every_mistake_is_one_problem_in_chinese(mistakes_run):
    assert mistakes_run.returncode == 1
    assert sorted(problems(mistakes_run)) == EXPECTED
    assert not PARSER_ENGLISH.search(mistakes_run.stderr)


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_has_its_message_and_line(mistakes_run, name):
    assert f"data/families/{name}:{MISTAKES[name][1]}" in mistakes_run.stderr.splitlines()


def sample_with(tmp_path, files):
    content = shutil.copytree(CONTENT, str(tmp_path / "content"))
    for relative, text in files.items():
        write(os.path.join(content, relative), text)
    return content


def test_a_broken_file_is_reported_once_and_first(tmp_path):
    content = sample_with(tmp_path, {
        # a list file whose records articles name, and a single-record file
        "data/families/more.yaml": "- id: zhang-family\n  name：张三家庭\n- id: li-family\n  name: 李四家庭\n",
        "data/studios/zhou-studio.yaml": "name: 周家工作室\n\tstreet: 牛街街道\n",
        "articles/2024-06-01-names.md": article(
            Slug="names", Families="zhang-family, li-family, no-such-family", Studios="zhou-studio"),
    })
    result = run_tool("check.py", content, "-s", PELICANCONF)
    assert result.returncode == 1
    assert problems(result) == [
        "data/families/more.yaml:2: families: 第 2 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“name: …”",
        "data/studios/zhou-studio.yaml:2: studios: 第 2 行开头用 Tab 键（制表符）缩进，记录文件只认空格；"
        "请删掉 Tab，改用空格键缩进，与同一层的上一行对齐",
        # a name no file defines is still reported, after the root causes
        "articles/2024-06-01-names.md:5: Families: 找不到编号为“no-such-family”的最美家庭；请核对 data/families/ 中记录的 id",
    ]


def test_a_broken_streets_file_is_the_only_problem(tmp_path):
    """Every record and article names a street: none of them is reported."""
    content = sample_with(tmp_path, {"data/streets.yaml": "- {id: niujie, name: 牛街街道\n"})
    result = run_tool("check.py", content, "-s", PELICANCONF)
    assert result.returncode == 1
    assert problems(result) == ["data/streets.yaml:1: streets: 第 1 行的“{”没有配对的“}”；请在这一行的末尾补上“}”"]


def test_a_record_with_a_mistake_is_not_reported_again_where_it_is_named(tmp_path):
    content = sample_with(tmp_path, {
        "data/families/zhang-family.yaml": "name: 张三家庭\nstreet: 牛街\nlevel: 西城最美家庭\nyear: 2020\n",
        "articles/2024-06-01-names.md": article(Slug="names", Families="zhang-family"),
    })
    result = run_tool("check.py", content, "-s", PELICANCONF)
    assert problems(result) == [
        "data/families/zhang-family.yaml:2: families zhang-family: street: 街道“牛街”不在 data/streets.yaml 中；"
        "请写街道全称，例如 牛街街道"]


BROKEN = {"data/families/broken.yaml": "name：张三家庭\nstreet: 牛街街道\n"}
BROKEN_LINE = "data/families/broken.yaml:1: families: 第 1 行用了中文冒号“：”，请改成英文冒号“:”后加一个空格，写成“name: …”"


def test_paths_are_relative_to_the_folder_the_command_runs_in(tmp_path):
    content = sample_with(tmp_path, BROKEN)
    from_above = run_tool("check.py", content, "-s", PELICANCONF, cwd=str(tmp_path))
    assert problems(from_above) == ["content/" + BROKEN_LINE]
    from_inside = run_tool("check.py", content, "-s", PELICANCONF, cwd=os.path.join(content, "data"))
    assert problems(from_inside) == [BROKEN_LINE.replace("data/", "", 1)]


@pytest.mark.parametrize("tool", ["check.py", "build.py"])
def test_a_relative_content_folder_is_read_from_where_the_command_runs(tmp_path, tool):
    """Not from the settings file's folder (the repository, whose content passes)."""
    sample_with(tmp_path, BROKEN)
    output = [str(tmp_path / "site")] if tool == "build.py" else []
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", tool), "content", *output,
                             "-s", PELICANCONF], cwd=str(tmp_path), capture_output=True, text=True)
    assert result.returncode == 1
    assert problems(result) == ["content/" + BROKEN_LINE]


def test_paths_are_absolute_when_the_content_lies_elsewhere(tmp_path):
    content = sample_with(tmp_path, BROKEN)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_tool("check.py", content, "-s", PELICANCONF, cwd=str(elsewhere))
    assert problems(result) == [f"{os.path.realpath(content)}/{BROKEN_LINE}"]


def guide_examples():
    """(hint, wrong, right) of each pair in records.md's 常见格式错误: a paragraph
    naming the message (its first `…` after 提示：), then the wrong and the
    right YAML block."""
    with open(os.path.join(ROOT, "docs", "editor-guide", "records.md"), encoding="utf-8") as handle:
        section = handle.read().split("## 九、常见格式错误", 1)[1]
    found = []
    for part in section.split("\n**")[1:]:
        hint = re.search(r"提示：`([^`]+)`", part).group(1)
        wrong, right = re.findall(r"```yaml\n(.*?)```", part, re.S)[:2]
        found.append((hint, wrong, right))
    return found


def test_the_guides_examples_give_the_message_it_names(tmp_path):
    examples = guide_examples()
    assert len(examples) == 10
    content = data_only(str(tmp_path / "content"))
    for number, (_, wrong, right) in enumerate(examples):
        write(os.path.join(content, "data", "families", f"example-{number}.yaml"), wrong)
        assert isinstance(load(right)[0], (dict, list)), right
    found = problems(run_tool("check.py", content, "-s", PELICANCONF))
    assert len(found) == len(examples)
    for (hint, _, _), line in zip(examples, found):
        assert hint in line, (hint, line)


# The tests already run in the project's virtual environment: make must not
# try to build it again (-o is not passed on to deploy's inner make: MAKE is).
MAKE = ["make", "--no-print-directory", "-o", ".venv/.installed",
        "MAKE=make -o .venv/.installed"]


def make(*args):
    """`make …` from the repository, its output as the editor sees it (both streams)."""
    return subprocess.run(MAKE + list(args), cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)


@pytest.mark.parametrize("target", ["check", "html", "publish", "deploy"])
def test_make_ends_with_the_chinese_summary(tmp_path, target):
    """No make: *** line, nothing in English after the problems; still a failure for CI."""
    content = sample_with(tmp_path, BROKEN)
    output = tmp_path / "output"
    result = make(target, f"INPUTDIR={content}", f"OUTPUTDIR={output}",
                  f"DEPLOY_TARGET={tmp_path / 'www'}/")
    assert result.returncode != 0
    expected = [f"{os.path.realpath(content)}/{BROKEN_LINE}", SUMMARY.format(1)]
    if target in ("publish", "deploy"):
        expected.append(f"发布失败：{output} 保持不变。")
    assert [line for line in result.stdout.splitlines() if line] == expected
    assert not output.exists() or not os.listdir(output)


def test_make_check_passes_on_the_sample_content():
    result = make("check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "内容检查通过：没有发现问题。"


def test_quiet_failure_outside_make_only_passes_the_status_on():
    result = subprocess.run([os.path.join(ROOT, "tools", "quiet-failure"), "sh", "-c", "exit 3"],
                            capture_output=True, text=True)
    assert result.returncode == 3 and result.stdout == result.stderr == ""
