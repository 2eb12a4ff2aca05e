"""YAML in and out, keeping line numbers for error messages."""

from pathlib import Path

import yaml

from seeding.loader.errors import SeedError


class LineDict(dict):
    """A mapping that remembers the line it started on in its file."""

    line: int | None = None


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        mapping = LineDict(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        return mapping


# Mappings are built deep so every nested record carries its line too.
_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    lambda loader, node: loader.construct_mapping(node, deep=True),
)


def _construct_timestamp(loader, node):
    # An unquoted 2024-02-30 looks like a date to YAML, which then fails with
    # a bare ValueError: report it as the YAML error it is, with its line.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({exc})", node.start_mark
        ) from None


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_records(path: Path, display_name: str) -> list[LineDict]:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise SeedError(
            f"malformed YAML: {exc.problem or exc.context}",
            file=display_name,
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise SeedError(f"malformed YAML: {exc}", file=display_name) from None
    except UnicodeDecodeError as exc:
        raise SeedError(f"not UTF-8 text ({exc.reason})", file=display_name) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise SeedError(
            "the file must hold a list of records (each starting with '- slug: ...')",
            file=display_name,
        )
    for index, record in enumerate(data):
        if not isinstance(record, dict):
            raise SeedError(
                f"item {index + 1} is not a record (a mapping of field: value)",
                file=display_name,
            )
    return data


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper, value):
    # Long prose reads better folded than as one endless quoted line.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def write_records(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(
            records,
            handle,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            width=100,
            default_flow_style=False,
        )
