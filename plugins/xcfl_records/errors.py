"""Pydantic's validation errors in the editors' words: (field path, message).

Custom checks in schema.py already carry a message name as their error type;
pydantic's own types are mapped here.
"""

from xcfl_problems import MESSAGES, message

EXPECTED = {  # pydantic type prefix -> what the editor should have written
    "int": "整数（如 2018，不加引号）",
    "string": "文字",
    "list": "列表（如 [甲, 乙]，或每项一行以“- ”开头）",
    "dict": "键值对（每行“键: 值”）",
    "model": "键值对（每行“键: 值”）",
    "bool": "是或否",
}


def field_path(loc):
    """('photos', 0) -> 'photos[1]': list positions counted from 1, as editors count."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else ("." if text else "") + part
    return text


def translate(error, allowed_keys):
    """(message name, values) for one pydantic error (an item of ``errors()``)."""
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    loc = error["loc"]
    if kind == "missing":
        return "record-missing", {"key": field_path(loc)}
    if kind == "extra_forbidden":
        return "unknown-key", {"key": field_path(loc), "allowed": "、".join(allowed_keys)}
    if kind == "string_too_long":
        return "too-long", {"limit": ctx["max_length"], "length": len(value)}
    if kind == "string_too_short":
        return "empty", {"key": field_path(loc)}
    if kind == "string_pattern_mismatch":
        return "bad-id", {"value": value}
    if kind == "greater_than_equal":
        return "too-small", {"limit": ctx["ge"], "value": value}
    if kind in MESSAGES:  # raised by schema.py's own checks
        return kind, ctx
    prefix = kind.split("_")[0]
    if prefix in EXPECTED:
        return "wrong-type", {"expected": EXPECTED[prefix], "value": shown(value)}
    return "invalid", {"detail": error["msg"]}


def shown(value):
    if value is None:
        return "空"
    if value is True or value is False:
        return "是" if value else "否"
    return str(value)


def messages(validation_errors, allowed_keys):
    """[(loc, field path, Chinese message)] for pydantic errors (``errors()`` items)."""
    found = []
    for error in validation_errors:
        name, values = translate(error, allowed_keys)
        found.append((error["loc"], field_path(error["loc"]), message(name, **values)))
    return found
