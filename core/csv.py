"""CSV downloads: the one rule for every CSV the site writes, the pages' and
the API's alike. Cells are neutralised against spreadsheet formulas, rows
are streamed so memory stays flat whatever the number of rows."""

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from django.http import StreamingHttpResponse

# A cell starting with one of these is a formula to a spreadsheet; an
# apostrophe in front makes it text (OWASP, "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-3.5", "-2.8E+9") is no formula, and an apostrophe would
# turn a negative figure into text.
PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")


class CsvColumn(NamedTuple):
    """One column of a download: its header, and how a row gives its value."""

    header: str
    value: Callable[[Any], Any]


def keyed_columns(keys: Iterable[str]) -> tuple[CsvColumn, ...]:
    """Columns named for the keys of mapping rows (the API's serialized rows)."""
    return tuple(CsvColumn(key, _getter(key)) for key in keys)


def _getter(key: str) -> Callable[[Mapping[str, Any]], Any]:
    return lambda row: row.get(key)


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def flat_cell(value: Any) -> str:
    """One CSV cell: related records by slug (or id), lists joined with `;`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return flat_cell(value.get("slug", value.get("id")))
    if isinstance(value, list | tuple):
        return ";".join(flat_cell(item) for item in value)
    return safe_cell(value)


class _Echo:
    """A file-like object that hands back what is written, for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_lines(columns: Sequence[CsvColumn], rows: Iterable[Any]) -> Iterator[str]:
    """The header line, then one line a row, each cell made safe."""
    writer = csv.writer(_Echo())
    yield writer.writerow([column.header for column in columns])
    for row in rows:
        yield writer.writerow([flat_cell(column.value(row)) for column in columns])


def csv_response(lines: Iterable[str], filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
