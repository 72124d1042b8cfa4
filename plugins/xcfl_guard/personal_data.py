"""Find personal data that must never appear on a public page: mainland mobile
numbers and resident ID numbers (18 digits whose check digit is valid).

Public contact fields (a studio's or team's `phone`) are not scanned; other
deliberate exceptions go in the XCFL_PERSONAL_DATA_ALLOW setting.
"""

import datetime
import re

MOBILE = re.compile(r"(?<![\d])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d{4}){2})(?![\d])")
RESIDENT_ID = re.compile(r"(?<![\dXx])([1-9]\d{16}[\dXx])(?![\dXx])")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def digits(value):
    return re.sub(r"\D", "", value)


def valid_resident_id(number):
    """GB 11643: a real birth date and the ISO 7064 MOD 11-2 check digit."""
    try:
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == number[17].upper()


def mask(number):
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def find_personal_data(text, allow=()):
    """[(line number, kind, masked value)] for each mobile or ID number in text.

    kind is "mobile" or "resident-id"; allow holds numbers (digits only) that
    are deliberately public.
    """
    # Most texts hold no candidate at all: one scan of the whole text says so
    # (a number found line by line is also found in the whole text).
    if not MOBILE.search(text) and not RESIDENT_ID.search(text):
        return []
    allowed = {digits(value) for value in allow}
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in MOBILE.finditer(line):
            value = digits(match.group(1))
            if value not in allowed:
                found.append((number, "mobile", mask(value)))
        for match in RESIDENT_ID.finditer(line):
            value = match.group(1).upper()
            if value not in allowed and valid_resident_id(value):
                found.append((number, "resident-id", mask(value)))
    return found
