"""Streaming generated rows into their tables, fast and without side effects.

On PostgreSQL rows go in by COPY (psycopg 3), elsewhere by executemany; both
write the values as given, so no model code runs: no signals, no history
rows, no auto_now timestamps overriding the generated ones.
"""

from collections import Counter, defaultdict

from django.core.management.color import no_style
from django.db import models

# Source rows carry whole documents: flush them sooner to bound memory.
SOURCE_BATCH = 200


class TableWriter:
    def __init__(self, connection, *, batch_size: int):
        self.connection = connection
        self.batch_size = batch_size
        self.pending: dict[type, list[dict]] = defaultdict(list)
        self.counts: Counter[str] = Counter()
        self._columns: dict[type, list[models.Field]] = {}
        self.copy = connection.vendor == "postgresql"

    def columns(self, model) -> list[models.Field]:
        """Every concrete column; the id too, unless the database assigns it
        (the rows of many-to-many tables, which nothing refers to)."""
        if model not in self._columns:
            fields = list(model._meta.concrete_fields)
            if model._meta.auto_created:
                fields = [field for field in fields if not field.primary_key]
            self._columns[model] = fields
        return self._columns[model]

    def add(self, rows_by_model: dict[type, list[dict]]) -> None:
        for model, rows in rows_by_model.items():
            pending = self.pending[model]
            pending.extend(rows)
            limit = SOURCE_BATCH if model._meta.model_name == "source" else self.batch_size
            if len(pending) >= limit:
                self.flush(model)

    def flush(self, model=None) -> None:
        for each in [model] if model else list(self.pending):
            rows = self.pending.pop(each, [])
            if rows:
                self._write(each, rows)
                self.counts[each._meta.db_table] += len(rows)

    def _write(self, model, rows: list[dict]) -> None:
        fields = self.columns(model)
        quote = self.connection.ops.quote_name
        table = quote(model._meta.db_table)
        names = ", ".join(quote(field.column) for field in fields)
        spec = [(field.attname, field.get_default()) for field in fields]
        with self.connection.cursor() as cursor:
            if self.copy:
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(tuple([row.get(name, default) for name, default in spec]))
            else:
                prepare = [
                    (field, field.attname, default)
                    for field, (_, default) in zip(fields, spec, strict=True)
                ]
                placeholders = ", ".join(["%s"] * len(fields))
                cursor.executemany(
                    # Names from the models' metadata, quoted; values as parameters.
                    f"INSERT INTO {table} ({names}) VALUES ({placeholders})",  # noqa: S608
                    [
                        [
                            field.get_db_prep_save(row.get(name, default), self.connection)
                            for field, name, default in prepare
                        ]
                        for row in rows
                    ],
                )

    def reset_sequences(self, model_list) -> None:
        """Explicit ids leave the id sequences behind: move them past the rows."""
        statements = self.connection.ops.sequence_reset_sql(no_style(), model_list)
        with self.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
