"""The CI workflows and .ci/run, run on this machine before a runner runs them.

Every workflow's steps run here in order (tests/workflow_runner.py), deploying to
a local folder instead of an SSH host. The Test step runs `make test` for real —
the system tools check, the installed-packages stamps, pytest — but on a smoke
subset (PYTEST_ARGS, which the workflow leaves to the Makefile's default): the
whole suite is what runs this test, and running it again inside would double
its time and recurse.
"""

import filecmp
import glob
import os
import re
import shlex
import subprocess

import pytest

from helpers import ROOT, SITEURL, files
from workflow_runner import checkout, load, run_job, step_name

WORKFLOWS = sorted(glob.glob(os.path.join(ROOT, ".github", "workflows", "*.y*ml")))
INSTALL = "tools/system-packages.sh install"
SMOKE = {"PYTEST_ARGS": "-p no:xdist -q "
                        "tests/test_browser_smoke.py::test_header_search_form_submits_to_search_page"}
# A package manager called directly, not through make or the install script.
PACKAGE_MANAGER = re.compile(
    r"(?<![\w./-])(apt-get|apt|aptitude|dpkg|snap|pip3?|npm|npx|yarn|pnpm|brew|conda)(?![\w.-])")
KNOWN_HOST = "deploy.example.invalid ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnownHostKeyForTestsOnly"


def jobs():
    return [(path, job) for path in WORKFLOWS for job in load(path)["jobs"]]


def run_steps(path, job):
    return [step for step in load(path)["jobs"][job]["steps"] if "run" in step]


def job_id(value):
    return os.path.basename(value) if isinstance(value, str) and value.startswith("/") else str(value)


def ssh_secrets(**changes):
    secrets = {"DEPLOY_TARGET": "www@deploy.example.invalid:/srv/www/",
               "DEPLOY_SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n-----END OPENSSH PRIVATE KEY-----"}
    return dict(secrets, **changes)


def test_there_is_a_publish_workflow():
    assert [os.path.basename(path) for path in WORKFLOWS] == ["check.yml", "publish.yml"]


@pytest.mark.parametrize("text, found", [
    ("sudo apt-get update && sudo apt-get install -y rsync", "apt-get"),
    ("apt install zbar-tools", "apt"),
    ("python -m pip install -r requirements.txt", "pip"),
    ("pip3 install pelican", "pip3"),
    ("cd theme && npm ci", "npm"),
    ("make test", None),
    (INSTALL, None),
    ("make deploy  # rsync over SSH", None),
])
def test_package_manager_pattern(text, found):
    match = PACKAGE_MANAGER.search(text)
    assert (match.group(1) if match else None) == found


@pytest.mark.parametrize("path, job", jobs(), ids=job_id)
def test_workflow_installs_packages_only_through_make_and_the_script(path, job):
    steps = run_steps(path, job)
    for step in steps:
        match = PACKAGE_MANAGER.search(step["run"])
        assert not match, f"{step_name(step)!r} calls {match.group(1)}: install through {INSTALL} or make"
    assert any(step["run"].strip() == INSTALL for step in steps), f"no step runs {INSTALL}"


def test_ci_run_installs_through_the_script_then_runs_the_readmes_test_command():
    with open(os.path.join(ROOT, ".ci", "run"), encoding="utf-8") as handle:
        commands = [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]
    assert not [line for line in commands if PACKAGE_MANAGER.search(line)]
    assert commands.index(INSTALL) < commands.index("make test")


def test_readme_requirements_name_the_install_script():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    requirements = readme.split("## Requirements", 1)[1].split("\n## ", 1)[0]
    assert "sudo tools/system-packages.sh install" in requirements
    assert "make test" in readme.split("```", 2)[1]  # the README's first command block


@pytest.mark.parametrize("path, job", [(path, job) for path, job in jobs()
                                       if any("make test" in step["run"] for step in run_steps(path, job))],
                         ids=job_id)
def test_test_step_is_the_readmes_test_command_with_the_whole_suite(path, job):
    workflow = load(path)
    tests = [step for step in run_steps(path, job) if "make test" in step["run"]]
    assert [step["run"].strip() for step in tests] == ["make test"]
    for env in (workflow.get("env"), workflow["jobs"][job].get("env"), tests[0].get("env")):
        assert "PYTEST_ARGS" not in (env or {})  # the runner runs every test


def test_publish_workflow_runs_here_and_deploys_to_a_local_folder(tmp_path):
    workspace = checkout(str(tmp_path / "workspace"))
    target = tmp_path / "host"
    results = run_job(os.path.join(ROOT, ".github/workflows/publish.yml"), "publish", workspace,
                      secrets={"DEPLOY_TARGET": f"{target}/"}, variables={"SITEURL": SITEURL},
                      env=SMOKE)
    report = "\n".join(f"--- {result.name} ({result.returncode}, {result.seconds:.1f} s)\n{result.output}" for result in results)
    assert all(result.returncode == 0 for result in results), report
    names = [result.name for result in results]
    assert names[-1] == "Publish and deploy", report
    install = results[names.index("Install system packages")]
    assert "nothing to install" in install.output  # everything is installed here: a no-op
    assert "1 passed" in results[names.index("Test")].output
    output = os.path.join(workspace, "output")
    assert files(str(target)) == files(output) and "index.html" in files(output)
    _, different, unreadable = filecmp.cmpfiles(output, str(target), files(output), shallow=False)
    assert different == [] and unreadable == []
    with open(target / "index.html", encoding="utf-8") as handle:
        assert SITEURL in handle.read()


@pytest.mark.parametrize("secrets, message", [
    ({}, "The DEPLOY_TARGET secret is not set"),
    (ssh_secrets(), "DEPLOY_KNOWN_HOSTS is not set"),
    (ssh_secrets(DEPLOY_SSH_KEY=""), "DEPLOY_KNOWN_HOSTS is not set"),
    (ssh_secrets(DEPLOY_KNOWN_HOSTS=KNOWN_HOST, DEPLOY_SSH_KEY=""), "The DEPLOY_SSH_KEY secret is not set"),
])
def test_missing_deploy_setting_stops_the_workflow_before_the_tests(tmp_path, secrets, message):
    workspace = checkout(str(tmp_path / "workspace"))
    results = run_job(os.path.join(ROOT, ".github/workflows/publish.yml"), "publish", workspace,
                      secrets=secrets, variables={})
    assert results[-1].name == "Check deploy settings"
    assert results[-1].returncode == 1
    assert f"::error::{message}" in results[-1].output
    assert "docs/hosting.md" in results[-1].output


@pytest.mark.parametrize("where", ["vars", "secrets"])
def test_ssh_deploy_trusts_only_the_pinned_host_key(tmp_path, where):
    workspace = checkout(str(tmp_path / "workspace"))
    secrets, variables = ssh_secrets(), {}
    (variables if where == "vars" else secrets)["DEPLOY_KNOWN_HOSTS"] = KNOWN_HOST
    results = run_job(os.path.join(ROOT, ".github/workflows/publish.yml"), "publish", workspace,
                      secrets=secrets, variables=variables, stop_after="Check deploy settings")
    assert [result.returncode for result in results] == [0] * len(results), results[-1].output
    home = tmp_path / "home"
    assert (home / ".ssh" / "deploy_known_hosts").read_text() == KNOWN_HOST + "\n"
    assert (home / ".ssh" / "deploy").stat().st_mode & 0o077 == 0
    with open(tmp_path / "runner-temp" / "github-env", encoding="utf-8") as handle:
        rsync_rsh = dict(line.split("=", 1) for line in handle.read().splitlines())["RSYNC_RSH"]
    # ssh -G prints the settings it would connect with, without connecting
    settings = subprocess.run(shlex.split(rsync_rsh) + ["-G", "deploy.example.invalid"],
                              capture_output=True, text=True, check=True).stdout.splitlines()
    assert "stricthostkeychecking true" in settings
    assert f"userknownhostsfile {home}/.ssh/deploy_known_hosts" in settings
    assert "batchmode yes" in settings


def test_publish_workflow_keeps_the_build_cache_between_runs():
    steps = load(os.path.join(ROOT, ".github/workflows/publish.yml"))["jobs"]["publish"]["steps"]
    names = [step_name(step) for step in steps]
    cache = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert len(cache) == 1
    settings = cache[0]["with"]
    assert settings["path"].split() == ["cache/", "!cache/previous-output/"]
    # a new key each run (a saved cache never changes); the next run restores the newest by prefix
    assert "${{ github.run_id }}" in settings["key"]
    prefix = settings["restore-keys"].strip()
    assert settings["key"].startswith(prefix) and "github.run_id" not in prefix
    # restored before the first command that builds with cache/
    assert names.index(step_name(cache[0])) < names.index("Check content") < names.index("Publish and deploy")


def test_ci_run_runs_here(tmp_path):
    workspace = checkout(str(tmp_path / "workspace"))
    # the browser already ran in the workflow's test above: one quick test is enough here
    smoke = {"PYTEST_ARGS": "-p no:xdist -q tests/test_workflows.py::test_there_is_a_publish_workflow"}
    env = dict(PATH=os.environ["PATH"], HOME=str(tmp_path), LANG="C.UTF-8", **smoke)
    if "CHROMIUM" in os.environ:
        env["CHROMIUM"] = os.environ["CHROMIUM"]
    result = subprocess.run(["bash", ".ci/run"], cwd=workspace, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, timeout=600)
    assert result.returncode == 0, result.stdout
    assert "nothing to install" in result.stdout and "1 passed" in result.stdout


def test_runner_refuses_an_action_it_cannot_stand_in_for(tmp_path):
    workflow = tmp_path / "node.yml"
    workflow.write_text("jobs:\n  build:\n    steps:\n      - uses: actions/setup-node@v4\n")
    workspace = checkout(str(tmp_path / "workspace"))
    with pytest.raises(ValueError, match="actions/setup-node@v4 has no stand-in"):
        run_job(str(workflow), "build", workspace, secrets={}, variables={})


def test_runner_refuses_what_it_would_otherwise_ignore(tmp_path):
    workflow = tmp_path / "matrix.yml"
    workflow.write_text("jobs:\n  build:\n    strategy:\n      matrix:\n        python: ['3.11', '3.12']\n"
                        "    steps:\n      - run: make test\n")
    workspace = checkout(str(tmp_path / "workspace"))
    with pytest.raises(ValueError, match=r"job build: keys not supported here: \['strategy'\]"):
        run_job(str(workflow), "build", workspace, secrets={}, variables={})


CHECK_WORKFLOW = os.path.join(ROOT, ".github/workflows/check.yml")


def test_check_workflow_runs_on_pull_requests_and_keeps_the_preview():
    workflow = load(CHECK_WORKFLOW)
    assert list(workflow[True]) == ["pull_request"]  # YAML reads `on` as True
    steps = workflow["jobs"]["check"]["steps"]
    upload = [step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(upload) == 1 and upload[0]["with"]["path"] == "output/"
    names = [step_name(step) for step in steps]
    assert names.index("Check content") < names.index("Build the preview") < names.index(step_name(upload[0]))


def test_check_workflow_runs_here_and_builds_the_preview(tmp_path):
    workspace = checkout(str(tmp_path / "workspace"))
    results = run_job(CHECK_WORKFLOW, "check", workspace, secrets={}, variables={})
    report = "\n".join(f"--- {r.name} ({r.returncode})\n{r.output}" for r in results)
    assert [r.returncode for r in results] == [0] * len(results), report
    assert results[-1].name == "Keep the preview"
    assert os.path.isfile(os.path.join(workspace, "output", "index.html"))


def test_check_workflow_annotates_each_problem_on_its_line(tmp_path):
    workspace = checkout(str(tmp_path / "workspace"))
    path = os.path.join(workspace, "content", "articles", "2024-06-01-shuxiang-family-reading.md")
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith("Date:"))
    lines[number - 1] = "Date: 2024-02-30\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.writelines(lines)
    results = run_job(CHECK_WORKFLOW, "check", workspace, secrets={}, variables={})
    assert results[-1].name == "Check content" and results[-1].returncode != 0
    annotations = [line for line in results[-1].output.splitlines() if line.startswith("::error ")]
    assert annotations and all(
        line.startswith(f"::error file=content/articles/2024-06-01-shuxiang-family-reading.md,line={number}::Date: ")
        for line in annotations), results[-1].output
    assert results[-1].output.rstrip().endswith("网站未生成。请按上面的提示修改后重试。")
