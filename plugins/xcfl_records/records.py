"""The data collections (content model §3 and §4) as a Pelican generator.

generate_context() reads and validates every record, checks the articles'
references and prepares every page, so `make check` (which runs only this
phase) sees every problem; generate_output(writer) writes the pages through
Pelican's writer, so `content_written` (and with it the sitemap) sees them.
"""

import os
import shutil
from types import SimpleNamespace

from pelican import signals
from pelican.generators import Generator

from xcfl_problems import Problem, message, report

from . import references
from .cache import RecordsCache
from .charts import bar_chart
from .entries import facet_groups, record_entry, street_entries
from .kinds import COLLECTIONS
from .reading import LeftOut, ids_written_in, read_collection, read_streets
from .schema import Street
from .settings import fill_defaults
from .unread import unread_data


class RecordsGenerator(Generator):
    def generate_context(self):
        root = self.settings["PATH"]
        cache = RecordsCache(self.settings)
        # what was left out for a problem already reported: not reported again
        left_out = {"streets": LeftOut(), **{c.name: LeftOut() for c in COLLECTIONS}}
        for relative, name, values, collection in unread_data(root):
            # printed first, as a file that cannot be read: an article naming
            # one of its records is not reported as well
            report(Problem(relative, None, "文件", message(name, **values), rank=0))
            if collection:
                with open(os.path.join(root, relative), "rb") as handle:
                    left_out[collection].names |= ids_written_in(handle.read(), relative)
        streets = street_entries(read_streets(root, Street, cache, left_out["streets"]),
                                 self.settings)
        by_name = {street.name: street for street in streets}
        context = {"streets": set(by_name), "content_root": root,
                   "streets_left_out": left_out["streets"],
                   "personal_data_allow": self.settings["XCFL_PERSONAL_DATA_ALLOW"]}
        self.collections = []
        for collection in COLLECTIONS:
            records = [
                record_entry(record, source, collection, by_name[record.street], self.settings,
                             cache)
                for record, source in read_collection(root, collection.name, collection.model,
                                                      context, cache, left_out[collection.name])
            ]
            for street in streets:
                street.records[collection.name] = [
                    r for r in records if r.street_entry is street]
            self.collections.append(SimpleNamespace(
                collection=collection, name=collection.name, kind=collection.kind,
                records=records,
                url=self.settings[f"{collection.plural}_URL"],
                save_as=self.settings[f"{collection.plural}_SAVE_AS"],
                facets=[SimpleNamespace(name=facet, groups=facet_groups(
                            records, facet, streets, self.settings, collection))
                        for facet in collection.facets + ("street",)],
            ))
        cache.save()
        records_by_id = {c.name: {r.id: r for r in c.records} for c in self.collections}
        references.link(self.context.get("articles", []), self.context.get("drafts", []),
                        records_by_id, by_name, left_out)
        self.streets = streets
        self.context["xcfl_collections"] = self.collections
        self.context["xcfl_streets"] = streets
        self.context["xcfl_charts"] = charts(self.collections, streets)

    def write(self, writer, save_as, template, **values):
        writer.write_file(save_as, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], **values)

    def generate_output(self, writer):
        for listing in self.collections:
            self.write(writer, listing.save_as, "records", listing=listing, group=None)
            for facet in listing.facets:
                for group in facet.groups:
                    self.write(writer, group.save_as, "records", listing=listing, group=group)
            for record in listing.records:
                self.write(writer, record.save_as, "record", record=record)
                self.copy_photos(record)
        for street in self.streets:
            self.write(writer, street.save_as, "street", street=street)
        self.write(writer, self.settings["STREETS_SAVE_AS"], "streets")
        self.write(writer, self.settings["STATS_SAVE_AS"], "stats")

    def copy_photos(self, record):
        """Photos may live anywhere under content/, not only in a static folder. SVGs
        are copied as they are; xcfl_images publishes the others (made, stripped)."""
        for image in record.images:
            if not image["src"].lower().endswith(".svg"):
                continue
            target = os.path.join(self.output_path, image["src"])
            if not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy2(os.path.join(self.settings["PATH"], image["src"]), target)


def charts(collections, streets):
    """The 数据概览 charts: {name: chart}, numbers from the same groups as the filters."""
    found = {}
    for listing in collections:
        for facet in listing.facets:
            if facet.name != "street":
                rows = [(g.label, len(g.records), g.url) for g in facet.groups]
                if facet.name == "year":
                    rows.reverse()  # a time line reads oldest first
                found[f"{listing.name}-{facet.name}"] = bar_chart(rows)
    found["streets"] = bar_chart([
        (street.name, sum(len(found) for found in street.records.values()), street.url)
        for street in streets])
    return found


def get_generators(pelican):
    return RecordsGenerator


def register():
    signals.initialized.connect(fill_defaults)
    signals.get_generators.connect(get_generators)
