"""Runs a GitHub Actions job's steps on this machine, as a runner would run them.

Each `run:` step runs with bash as GitHub runs it (`bash --noprofile --norc -eo
pipefail`), in order, in a copy of the repository, stopping at the first that
fails. `${{ … }}` expressions are replaced from local secrets and variables;
`$GITHUB_ENV` and `$GITHUB_PATH` carry values to the later steps. The few
actions the workflows use are stood in for by this machine (KNOWN_ACTIONS);
any other action or expression fails the run, so nothing is silently skipped.
"""

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass

import yaml

from helpers import ROOT

# What stands in for each action here.
KNOWN_ACTIONS = {
    "actions/checkout": "the copy of the repository is the checkout",
    "actions/setup-python": "this machine's python3 (the project's 3.11)",
    "actions/cache": "an empty cache, as on the first run",
    "actions/upload-artifact": "the files stay in the copy of the repository",
}
# What this runner understands; anything else (a matrix, a container, a
# condition, another shell…) fails the run instead of being ignored.
WORKFLOW_KEYS = {"name", True, "on", "permissions", "concurrency", "env", "jobs"}  # YAML reads `on` as True
JOB_KEYS = {"name", "runs-on", "permissions", "env", "steps", "timeout-minutes"}
STEP_KEYS = {"name", "run", "env", "uses", "with", "id"}
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)
CONTEXT_VALUE = re.compile(r"(secrets|vars|env|github|runner)\.([A-Za-z_][A-Za-z0-9_]*)")
# The files whose dates tell make to install Python and npm packages: older than
# the shared, already installed .venv and node_modules the copy links to, which
# a runner's first `make` installs from PyPI and npm (no network here).
INSTALL_INPUTS = ("requirements.txt", "package.json", "package-lock.json")


@dataclass
class StepResult:
    name: str
    returncode: int
    output: str
    seconds: float = 0.0


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def step_name(step):
    return step.get("name") or step.get("run") or step.get("uses")


def checkout(destination):
    """A copy of the working tree (tracked and new files), as actions/checkout
    gives; its .venv and node_modules are the ones already installed here."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        source = os.path.join(ROOT, name)
        if not os.path.lexists(source):  # deleted, not yet committed
            continue
        target = os.path.join(destination, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    for shared in (".venv", "node_modules"):
        os.symlink(os.path.realpath(os.path.join(ROOT, shared)), os.path.join(destination, shared))
    for name in INSTALL_INPUTS:
        os.utime(os.path.join(destination, name), (0, 0))
    return destination


def evaluate(expression, contexts):
    """`a.B || c.D || 'text'`: the first non-empty value; unset secrets and
    variables are empty, as on GitHub."""
    for term in expression.split("||"):
        term = term.strip()
        if term.startswith("'") and term.endswith("'"):
            value = term[1:-1]
        else:
            match = CONTEXT_VALUE.fullmatch(term)
            if not match:
                raise ValueError(f"expression not supported by tests/workflow_runner.py: {term}")
            value = contexts[match.group(1)].get(match.group(2), "")
        if value:
            return value
    return ""


def expand(text, contexts):
    return EXPRESSION.sub(lambda match: evaluate(match.group(1), contexts), str(text))


def read_github_env(path):
    """NAME=value and NAME<<DELIMITER … DELIMITER lines, as the runner reads them."""
    values = {}
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, index)
            values[name] = "\n".join(lines[index:end])
            index = end + 1
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values


def run_job(workflow_path, job, workspace, secrets, variables, env=None, stop_after=None):
    """Run `job`'s steps in `workspace` (a checkout()); returns the StepResults of
    the steps run, the last being the first that failed, or `stop_after`."""
    workflow = load(workflow_path)
    spec = workflow["jobs"][job]
    for where, keys, allowed in (("workflow", workflow, WORKFLOW_KEYS), (f"job {job}", spec, JOB_KEYS)):
        if set(keys) - allowed:
            raise ValueError(f"{where}: keys not supported here: {sorted(map(str, set(keys) - allowed))}")
    runner_temp = os.path.join(os.path.dirname(workspace), "runner-temp")
    home = os.path.join(os.path.dirname(workspace), "home")
    os.makedirs(runner_temp, exist_ok=True)
    os.makedirs(home, exist_ok=True)
    github_env = os.path.join(runner_temp, "github-env")
    github_path = os.path.join(runner_temp, "github-path")
    open(github_env, "w").close()
    open(github_path, "w").close()
    base = {
        "PATH": os.environ["PATH"], "HOME": home, "LANG": "C.UTF-8", "CI": "true",
        "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": workspace, "GITHUB_ENV": github_env,
        "GITHUB_PATH": github_path, "RUNNER_TEMP": runner_temp, "RUNNER_OS": "Linux",
    }
    if "CHROMIUM" in os.environ:  # this machine's browser, like the runner's preinstalled one
        base["CHROMIUM"] = os.environ["CHROMIUM"]
    base.update(env or {})
    contexts = {"secrets": secrets, "vars": variables, "env": {},
                "github": {"run_id": "1", "run_attempt": "1", "workspace": workspace},
                "runner": {"os": "Linux", "temp": runner_temp}}
    for level in (workflow.get("env") or {}, spec.get("env") or {}):
        contexts["env"] = dict(contexts["env"], **{k: expand(v, contexts) for k, v in level.items()})
    results = []
    for number, step in enumerate(spec["steps"]):
        unknown = set(step) - STEP_KEYS
        if unknown:
            raise ValueError(f"step {step_name(step)!r}: keys not supported here: {sorted(unknown)}")
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action not in KNOWN_ACTIONS:
                raise ValueError(f"action {step['uses']} has no stand-in in tests/workflow_runner.py")
            results.append(StepResult(step_name(step), 0, KNOWN_ACTIONS[action]))
        else:
            results.append(run_step(step, number, workspace, base, contexts, github_env, github_path))
        if results[-1].returncode != 0 or (stop_after and step.get("name") == stop_after):
            break
    return results


def run_step(step, number, workspace, base, contexts, github_env, github_path):
    step_env = {k: expand(v, contexts) for k, v in (step.get("env") or {}).items()}
    environment = dict(base, **contexts["env"], **read_github_env(github_env), **step_env)
    with open(github_path, encoding="utf-8") as handle:
        extra_path = [line for line in handle.read().splitlines() if line]
    environment["PATH"] = os.pathsep.join(extra_path[::-1] + [environment["PATH"]])
    script = os.path.join(environment["RUNNER_TEMP"], f"step-{number}.sh")
    with open(script, "w", encoding="utf-8") as handle:
        handle.write(expand(step["run"], dict(contexts, env=environment)))
    start = time.monotonic()
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                            cwd=workspace, env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, timeout=600)
    return StepResult(step_name(step), result.returncode, result.stdout, time.monotonic() - start)
