from .linkcheck import register  # noqa: F401
