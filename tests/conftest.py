import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from helpers import CONTENT, SITEURL, build  # noqa: E402


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The sample content built as production would: publishconf, absolute URLs."""
    output = tmp_path_factory.mktemp("published") / "site"
    return str(build(CONTENT, str(output), publish=True, siteurl=SITEURL))


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory):
    """The sample content built with pelicanconf (root-relative URLs), as `make html`."""
    output = tmp_path_factory.mktemp("dev") / "site"
    return str(build(CONTENT, str(output)))
