"""`make ids`: the streets and record ids an article's header can name, from data/."""

import os
import shutil
import subprocess

import yaml

from helpers import CONTENT, ROOT, copy_content, write

SECTIONS = {
    "families": "最美家庭（文章信息头 Families: 后面写编号，多个用英文逗号分隔）",
    "studios": "巧娘工作室（文章信息头 Studios: 后面写编号，多个用英文逗号分隔）",
    "teams": "志愿服务队（文章信息头 Teams: 后面写编号，多个用英文逗号分隔）",
}
STREETS = "街道（文章信息头 Street: 后面写街道名称）"


def make_ids(content):
    # -o: the suite already runs in the installed .venv; make must not reinstall it
    return subprocess.run(["make", "-s", "-o", ".venv/.installed", "ids", f"INPUTDIR={content}"],
                          cwd=ROOT, capture_output=True, text=True)


def sections(stdout):
    """{section heading: [lines under it]}."""
    found, current = {}, None
    for line in stdout.splitlines():
        if line and not line.startswith("  "):
            current = found.setdefault(line, [])
        elif line:
            current.append(line.strip())
    return found


def expected(content, collection):
    """'id  name（street）' of every record, read with PyYAML, in file and list order."""
    lines = []
    folder = os.path.join(content, "data", collection)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        for record in data if isinstance(data, list) else [dict(data, id=name[:-5])]:
            lines.append(f"{record['id']}  {record['name']}（{record['street']}）")
    return lines


def test_lists_every_street_and_record_id():
    result = make_ids(CONTENT)
    assert result.returncode == 0 and result.stderr == ""
    found = sections(result.stdout)
    assert list(found) == [STREETS, *SECTIONS.values()]
    with open(os.path.join(CONTENT, "data", "streets.yaml"), encoding="utf-8") as handle:
        streets = yaml.safe_load(handle)
    assert found[STREETS] == [f"{s['name']}（编号 {s['id']}）" for s in streets]
    assert len(found[STREETS]) == 15
    for collection, heading in SECTIONS.items():
        assert found[heading] == expected(CONTENT, collection)
        assert len(found[heading]) >= 8


def test_an_unreadable_file_is_named_and_the_rest_still_listed(tmp_path):
    content = copy_content(str(tmp_path / "content"))
    write(os.path.join(content, "data", "families", "broken.yaml"), "name: 坏文件\nstreet: [\n")
    shutil.rmtree(os.path.join(content, "data", "teams"))
    os.makedirs(os.path.join(content, "data", "teams"))
    result = make_ids(content)
    assert result.returncode != 0
    path = os.path.join(content, "data", "families", "broken.yaml")
    assert result.stderr.splitlines()[0] == (
        f"{path}: 这个文件读不出来，其中的编号没有列出。请运行 make check 查看原因。")
    found = sections(result.stdout)
    assert found[SECTIONS["families"]] == expected(CONTENT, "families")  # every readable file
    assert found[SECTIONS["teams"]] == ["（还没有记录）"]


def test_lists_exactly_the_files_the_build_reads(tmp_path):
    """A .yml file is a record file; one in a sub-folder is not read by the
    build (it reports the file), so its id is not offered."""
    content = copy_content(str(tmp_path / "content"))
    write(os.path.join(content, "data", "teams", "short-name.yml"),
          "name: 扩展名短的队\nstreet: 德胜街道\nkind: 其他\nservices: [咨询]\n")
    write(os.path.join(content, "data", "teams", "2024", "nested.yaml"),
          "name: 子文件夹里的队\nstreet: 德胜街道\nkind: 其他\nservices: [咨询]\n")
    teams = sections(make_ids(content).stdout)[SECTIONS["teams"]]
    assert "short-name  扩展名短的队（德胜街道）" in teams
    assert not any("nested" in line for line in teams)
