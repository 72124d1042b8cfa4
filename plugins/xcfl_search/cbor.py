"""The small part of CBOR that Pagefind's index files use: integers, strings, arrays, maps.

Enough to read a file and write it back byte for byte (`encode(decode(x)) == x`
is checked before anything is rewritten).
"""


def decode(data):
    value, end = _decode(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes")
    return value


def _length(data, position, info):
    if info < 24:
        return info, position
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise ValueError("indefinite lengths are not supported")
    return int.from_bytes(data[position:position + size], "big"), position + size


def _decode(data, position):
    head = data[position]
    major, info = head >> 5, head & 31
    value, position = _length(data, position + 1, info) if major != 7 else (info, position + 1)
    if major == 0:
        return value, position
    if major == 1:
        return -1 - value, position
    if major in (2, 3):
        raw = bytes(data[position:position + value])
        return (raw if major == 2 else raw.decode("utf-8")), position + value
    if major == 4:
        items = []
        for _ in range(value):
            item, position = _decode(data, position)
            items.append(item)
        return items, position
    if major == 5:
        mapping = {}
        for _ in range(value):
            key, position = _decode(data, position)
            mapping[key], position = _decode(data, position)
        return mapping, position
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], position
    raise ValueError(f"unsupported CBOR item {head:#x}")


def _head(major, value):
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("integer too large")


def encode(value):
    if value is False or value is True or value is None:
        return bytes([0xF4 + [False, True, None].index(value)])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise TypeError(type(value))

