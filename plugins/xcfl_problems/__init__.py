from .messages import MESSAGES, message  # noqa: F401
from .problems import ContentError, Problem, register, report, source_line  # noqa: F401
