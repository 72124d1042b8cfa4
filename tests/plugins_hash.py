"""The theme plugin's CSP hash function, importable from the tests."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugins"))

from xcfl_theme.inline import csp_hash  # noqa: E402,F401
