from .messages import MESSAGES, message  # noqa: F401
from .problems import CheckDone, ContentError, Problem, register, report, source_line  # noqa: F401
