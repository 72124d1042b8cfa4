"""The three collections and what differs between them."""

import dataclasses

from . import schema


@dataclasses.dataclass(frozen=True)
class Collection:
    name: str       # folder under data/, first URL segment, UI.<name> is its title
    title: str      # for messages (the theme's words are in strings.yaml)
    model: type
    kind: str       # singular: FAMILY_URL, UI.type_family, templates' record-<kind>
    header: str     # the article header naming its records
    facets: tuple   # fields with a filter besides the street

    @property
    def plural(self):  # FAMILIES_URL …
        return self.name.upper()


COLLECTIONS = (
    Collection("families", "最美家庭", schema.Family, "family", "Families", ("level", "year")),
    Collection("studios", "巧娘工作室", schema.Studio, "studio", "Studios", ("craft",)),
    Collection("teams", "志愿服务队", schema.Team, "team", "Teams", ("kind",)),
)
