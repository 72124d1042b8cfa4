from .messages import MESSAGES, message  # noqa: F401
from .problems import (  # noqa: F401
    ContentError, Problem, register, report, reported, shown_path, source_line)
