import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from helpers import CONTENT, SITEURL, build  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory):
    """Builds under test keep their caches apart from the developer's cache/."""
    folder = str(tmp_path_factory.mktemp("cache"))
    os.environ["XCFL_CACHE_PATH"] = folder
    return folder


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


@pytest.fixture(scope="session")
def site_url(dev_site):
    """The development build served over HTTP on 127.0.0.1."""
    from browser import serve

    server, url = serve(dev_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    from browser import PHONE

    context = chromium.new_context(viewport=PHONE, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """Development build of the sample content (tests/pages.py): every page type,
    a second category page, pictures and a wide table."""
    from pages import make_sample_content

    root = tmp_path_factory.mktemp("sample")
    content = make_sample_content(str(root / "content"))
    return str(build(content, str(root / "site")))


@pytest.fixture(scope="session")
def sample_url(sample_site):
    from browser import serve

    server, url = serve(sample_site)
    yield url
    server.shutdown()


# The longest tests (about half a minute each), started first. `make test` hands
# tests to the workers one at a time (--maxschedchunk 1): the workers share these
# out at once and fill the rest in around them, instead of one worker ending
# the run alone on the last of them (xdist's default chunks would give all of
# them to the first worker).
SLOWEST_FIRST = ("test_rebuild_equals_clean.py",)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name not in SLOWEST_FIRST)  # stable: order kept otherwise
