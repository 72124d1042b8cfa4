from .guard import register  # noqa: F401
from .personal_data import find_personal_data  # noqa: F401
from .unsafe_html import find_unsafe_html  # noqa: F401
