"""How sources look in the seed files (seeds/data/sources.yaml)."""

from evidence.models import Source, SourceKind
from seeding.loader.errors import SeedError
from seeding.loader.fields import Choice, PartialDate, SeedField, Text
from seeding.loader.handlers import SeedHandler, register


class SourceFile(SeedField):
    """`file: 000_x.txt`, a text in seeds/sources/, read verbatim.

    The text itself is part of the record's canonical form (not of its YAML),
    so a changed file updates the source, and an editor's change to the text
    is noticed like any other."""

    def __init__(self):
        super().__init__("file", attr="seed_file", required=True)

    def default(self):
        return {"file": "", "text": ""}

    def parse(self, raw, ctx):
        name = raw.get("file")
        if not isinstance(name, str) or not name.strip():
            raise SeedError("is required: the name of a text file in seeds/sources/", field="file")
        name = name.strip()
        path = ctx.sources_dir / name
        if "/" in name or "\\" in name or name.startswith("."):
            raise SeedError(f"{name!r} must be a plain file name in seeds/sources/", field="file")
        if not path.is_file():
            raise SeedError(f"there is no file {name!r} in {ctx.sources_dir}", field="file")
        try:
            # newline="" keeps the text byte for byte, line endings included.
            with path.open(encoding="utf-8", newline="") as handle:
                text = handle.read()
        except UnicodeDecodeError as exc:
            raise SeedError(f"{name!r} is not UTF-8 text ({exc.reason})", field="file") from None
        if not text.strip():
            raise SeedError(f"{name!r} is empty", field="file")
        return {"file": name, "text": text}

    def dump(self, obj):
        return {"file": obj.seed_file, "text": obj.text}

    def apply(self, obj, values, ctx):
        obj.seed_file = values["file"]
        obj.text = values["text"]

    def export(self, values, ctx):
        name = values["file"] or f"{values['slug']}.txt"
        with (ctx.sources_dir / name).open("w", encoding="utf-8", newline="") as handle:
            handle.write(values["text"])
        return {"file": name}


@register
class SourceHandler(SeedHandler):
    model = Source
    file = "sources.yaml"
    order = 0
    fields = (
        SourceFile(),
        Text("title", required=True),
        Text("publisher"),
        Text("url"),
        Text("language", default="en"),
        Choice("kind", SourceKind, default=SourceKind.NEWS),
        PartialDate("published_on"),
        Text("note"),
    )
