"""One pydantic class per collection: the field rules of content model §3.

Checks that need the rest of the content (does the street exist? does the
photo exist?) read it from the validation context: ``streets`` (names) and
``content_root``. Each custom check raises an error whose type is the name of
its message in xcfl_problems.messages, with the values that message needs.
"""

import datetime
import os
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from xcfl_articles.rules import check_image_path

from xcfl_images.probe import probe

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LEVELS = ("全国文明家庭", "全国最美家庭", "首都最美家庭", "西城最美家庭")
KINDS = ("巾帼情亲服务队", "爱心助老巾帼志愿者", "网络文明巾帼志愿者", "其他")
FIRST_FAMILY_YEAR = 2014  # the first 寻找最美家庭 campaign
FIRST_FOUNDED_YEAR = 1949
SUMMARY_MAX = 200


def one_of(allowed):
    def check(value):
        if value not in allowed:
            raise PydanticCustomError("not-in-list", "not one of the allowed values",
                                      {"value": value, "allowed": "、".join(allowed)})
        return value
    return check


def year_from(first):
    def check(value):
        last = datetime.date.today().year
        if not first <= value <= last:
            raise PydanticCustomError("year-out-of-range", "year out of range",
                                      {"value": value, "first": first, "last": last})
        return value
    return check


def known_street(value, info: ValidationInfo):
    streets = (info.context or {}).get("streets", ())
    if value not in streets:
        raise PydanticCustomError("unknown-street", "no such street", {"value": value})
    return value


def existing_photo(value, info: ValidationInfo):
    root = (info.context or {})["content_root"]
    problem, values = check_image_path(value, root)
    if not problem:
        info = probe(os.path.join(root, value))
        if info is not None and info.problem:  # corrupt, HEIC, too large … (probe.py)
            problem, values = info.problem, info.values
        elif info is None or not info.width:
            problem = "photo-format"
    if problem:
        raise PydanticCustomError(problem, "bad photo", {"value": value, **values})
    return value


Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(pattern=ID_PATTERN)]
Count = Annotated[int, Field(ge=0)]
Founded = Annotated[int, AfterValidator(year_from(FIRST_FOUNDED_YEAR))]


class Strict(BaseModel):
    # Unknown keys are errors (they catch typos such as `stret:`); strict types,
    # so `year: "2018"` or `members: yes` is reported, not silently converted.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Street(Strict):
    id: Id
    name: Text


class Record(Strict):
    id: Id
    name: Text
    street: Annotated[str, AfterValidator(known_street)]
    community: Text | None = None
    summary: Annotated[str, Field(max_length=SUMMARY_MAX)] | None = None
    description: str | None = None
    photos: list[Annotated[str, AfterValidator(existing_photo)]] = []
    tags: list[Text] = []


class Family(Record):
    level: Annotated[str, AfterValidator(one_of(LEVELS))]
    year: Annotated[int, AfterValidator(year_from(FIRST_FAMILY_YEAR))]
    members: list[Text] = []


class Studio(Record):
    craft: Text
    leader: Text
    base: Text | None = None
    founded: Founded | None = None
    members: Count | None = None
    address: Text | None = None
    hours: Text | None = None
    phone: Text | None = None


class Team(Record):
    kind: Annotated[str, AfterValidator(one_of(KINDS))]
    leader: Text | None = None
    founded: Founded | None = None
    members: Count | None = None
    services: list[Text] = []
