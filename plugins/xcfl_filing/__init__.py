from .filing import register  # noqa: F401
