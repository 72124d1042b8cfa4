from .messages import MESSAGES, message  # noqa: F401
from .problems import (  # noqa: F401
    CheckDone, ContentError, Problem, register, report, shown_path, source_line)
