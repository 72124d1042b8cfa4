"""make publish: all or nothing, byte-identical for the same input, filing numbers required."""

import filecmp
import hashlib
import os
import subprocess

import pytest

from helpers import CONTENT, ROOT, article, build, copy_content, files, run_tool, write


def digest_tree(folder):
    result = {}
    for relative in files(folder):
        with open(os.path.join(folder, relative), "rb") as handle:
            result[relative] = hashlib.sha256(handle.read()).hexdigest()
    return result


@pytest.fixture
def previous_site(tmp_path):
    output = str(tmp_path / "output")
    build(CONTENT, output, publish=True)
    return output


def test_failed_publish_leaves_previous_output_byte_identical(tmp_path, previous_site):
    before = digest_tree(previous_site)
    broken = copy_content(str(tmp_path / "broken"))
    write(os.path.join(broken, "articles", "2024-05-05-oops.md"), article(date="2024-13-01"))
    result = run_tool("publish.py", broken, previous_site, "-s", "publishconf.py")
    assert result.returncode == 1
    assert "articles/2024-05-05-oops.md:2: Date:" in result.stderr
    assert "发布失败" in result.stderr
    assert digest_tree(previous_site) == before
    # no staging folder is left behind
    assert sorted(os.listdir(tmp_path)) == ["broken", "output"]


def test_successful_publish_replaces_the_whole_output(tmp_path, previous_site):
    stale = os.path.join(previous_site, "stale-file.txt")
    write(stale, "old")
    changed = copy_content(str(tmp_path / "changed"))
    write(os.path.join(changed, "articles", "2024-05-05-new.md"), article(title="新文章", date="2024-05-05"))
    result = run_tool("publish.py", changed, previous_site, "-s", "publishconf.py")
    assert result.returncode == 0, result.stderr
    assert os.path.isfile(os.path.join(previous_site, "news/2024/new/index.html"))
    assert not os.path.exists(stale)
    assert sorted(os.listdir(tmp_path)) == ["changed", "output"]


def test_same_input_gives_byte_identical_output(tmp_path, published_site):
    again = build(CONTENT, str(tmp_path / "again"), publish=True, fresh=True)  # its own hash seed
    comparison = filecmp.dircmp(published_site, again)
    assert digest_tree(again) == digest_tree(published_site), comparison.report_full_closure()


def filing_conf(tmp_path, **filing):
    conf = tmp_path / "conf.py"
    conf.write_text(
        "import sys\n"
        f"sys.path.insert(0, {ROOT!r})\n"
        "from publishconf import *\n"
        "XCFL_FILING = dict(XCFL_FILING)\n"
        + "".join(f"XCFL_FILING[{key!r}] = {value!r}\n" for key, value in filing.items())
    )
    return str(conf)


@pytest.mark.parametrize("filing, expected", [
    ({"icp": ""}, "设置（pelicanconf.py / publishconf.py）: XCFL_FILING.icp: 发布版本必须填写备案号；"
                  "ICP 备案号格式应为“京ICP备12345678号-1”"),
    ({"police": ""}, "设置（pelicanconf.py / publishconf.py）: XCFL_FILING.police: 发布版本必须填写备案号；"
                     "公安备案号格式应为“京公网安备11010202007633号”（14 位数字）"),
    ({"icp": "京ICP备1901490号-1"}, "设置（pelicanconf.py / publishconf.py）: XCFL_FILING.icp: "
                                    "备案号“京ICP备1901490号-1”格式不对；ICP 备案号格式应为“京ICP备12345678号-1”"),
    ({"police": "京公网安备1101020200763号"}, "设置（pelicanconf.py / publishconf.py）: XCFL_FILING.police: "
                                            "备案号“京公网安备1101020200763号”格式不对；公安备案号格式应为“京公网安备11010202007633号”（14 位数字）"),
])
def test_publish_fails_on_missing_or_malformed_filing_numbers(tmp_path, filing, expected):
    output = tmp_path / "out"
    result = run_tool("publish.py", CONTENT, str(output), "-s", filing_conf(tmp_path, **filing))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == expected
    assert not output.exists()


def test_make_deploy_copies_output_and_then_uploads_nothing(tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    env = dict(os.environ, SITEURL="https://www.example.org.cn")
    command = ["make", "-s", "deploy", f"OUTPUTDIR={tmp_path / 'output'}", f"DEPLOY_TARGET={target}/"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert digest_tree(str(target)) == digest_tree(str(tmp_path / "output"))
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    transferred = [line for line in second.stdout.splitlines() if line.startswith((">f", "<f", "cd"))]
    assert transferred == []


def test_deploy_without_target_explains_itself(tmp_path):
    result = subprocess.run(["make", "-s", "deploy", f"OUTPUTDIR={tmp_path / 'output'}", "DEPLOY_TARGET="],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "请设置 DEPLOY_TARGET" in result.stdout + result.stderr


def test_articles_of_the_same_date_keep_one_order(tmp_path):
    """Pelican reads files in hash order, which changes from run to run; listings,
    prev/next links and feeds must not."""
    content = tmp_path / "content"
    for number in range(12):
        write(str(content / "articles" / f"same-day-{number}.md"), article(title=f"同日消息{number}"))
    outputs = []
    for seed in ("1", "2", "3"):
        output = str(tmp_path / f"out-{seed}")
        result = run_tool("publish.py", str(content), output, "-s", "publishconf.py",
                          env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.append(digest_tree(output))
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_moved_article_leaves_no_empty_folder_behind(tmp_path, monkeypatch):
    monkeypatch.setenv("XCFL_CACHE_PATH", str(tmp_path / "cache"))
    content = copy_content(str(tmp_path / "content"))
    source = os.path.join(content, "articles", "2024-05-05-new.md")
    write(source, article(title="新文章", date="2024-05-05"))
    output = build(content, str(tmp_path / "output"), publish=True)
    assert os.path.isfile(os.path.join(output, "news/2024/new/index.html"))
    os.rename(source, os.path.join(content, "articles", "2024-05-05-moved.md"))
    build(content, output, publish=True)
    assert os.path.isfile(os.path.join(output, "news/2024/moved/index.html"))
    assert not os.path.exists(os.path.join(output, "news/2024/new"))
    empty = [folder for folder, folders, names in os.walk(output) if not folders and not names]
    assert empty == []
    assert sorted(os.listdir(tmp_path)) == ["cache", "content", "output"]


def with_warning_plugin(folder, settings_file):
    """A settings file: the project's `settings_file` plus tests/plugins/warn_fault."""
    path = os.path.join(folder, "warn_" + settings_file)
    write(path, f"""import sys
sys.path.insert(0, {ROOT!r})
from {settings_file[:-3]} import *  # noqa: F403
PLUGIN_PATHS = PLUGIN_PATHS + [{os.path.join(ROOT, "tests", "plugins")!r}]  # noqa: F405
PLUGINS = PLUGINS + ["warn_fault"]  # noqa: F405
""")
    return path


def test_a_warning_fails_the_publish_after_the_build_and_keeps_the_site(tmp_path, previous_site):
    # a warning logged through Pelican (not a content problem): every warning is
    # printed (not just the first), the publish fails, the site stays as it was
    before = digest_tree(previous_site)
    settings = with_warning_plugin(str(tmp_path), "publishconf.py")
    result = run_tool("publish.py", CONTENT, previous_site, "-s", settings)
    assert result.returncode == 1
    logged = result.stdout + result.stderr  # Pelican's log handler prints to stdout
    assert "first-warning" in logged and "second-warning" in logged
    assert "构建失败：上面的警告在发布版本中不允许。" in result.stderr and "发布失败" in result.stderr
    assert "Traceback" not in logged
    assert digest_tree(previous_site) == before
    # a development build only fails on errors
    settings = with_warning_plugin(str(tmp_path), "pelicanconf.py")
    assert run_tool("build.py", CONTENT, str(tmp_path / "dev"), "-s", settings).returncode == 0
