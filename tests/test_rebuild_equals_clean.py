"""Rebuild = clean build (issue 13): after every one of a seeded random
sequence of edits (tests/edits.py), `make html` and `make publish` with the
kept outputs and build cache write exactly what they write clean (new output,
empty cache), and fail exactly when the clean build fails (tests/rebuilds.py).

Eight seeds of 25 steps; pytest-xdist spreads them over the cores. A failure
prints the seed and every step so far; replay it, or run longer sequences, with
    .venv/bin/python bench/rebuild_fuzz.py --seed SEED --steps STEPS
"""

import io

import pytest

from launcher import Launcher
from rebuilds import run

SEEDS = range(1, 9)
STEPS = 25


@pytest.fixture(scope="module")
def launcher():
    started = Launcher()
    yield started
    started.close()


@pytest.mark.parametrize("seed", SEEDS)
def test_rebuild_equals_clean_build(seed, tmp_path, launcher):
    out = io.StringIO()
    diverged = run(seed, STEPS, str(tmp_path), launcher, out=out)
    assert not diverged, (
        f"seed {seed}: the rebuild differs from a clean build at step {diverged[0]}. "
        f"Replay: .venv/bin/python bench/rebuild_fuzz.py --seed {seed} --steps {STEPS}\n"
        + out.getvalue())
