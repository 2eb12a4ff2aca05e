"""Streaming generated rows into their tables, fast and without side effects.

On PostgreSQL rows go in by COPY (psycopg 3), elsewhere by executemany; both
write the values as given, so no model code runs: no signals, no history
rows, no auto_now timestamps overriding the generated ones.
"""

from collections import Counter, defaultdict
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import models

from core.content_lang import SOURCE_LANGUAGE, translated_fields

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
        # The generated rows are English: each translated field's English
        # column (`title_en`) takes the text of the original (`title`).
        english = {f"{name}_{SOURCE_LANGUAGE}": name for name in translated_fields(model)}
        if english:
            rows = [
                {**row, **{column: row.get(source) for column, source in english.items()}}
                if any(column not in row for column in english)
                else row
                for row in rows
            ]
        with self.connection.cursor() as cursor:
            if self.copy:
                # A JSON column's value (a translation's review states) goes
                # in as the database's JSON, which COPY cannot guess from a dict.
                json_fields = {
                    field.attname: field for field in fields if isinstance(field, models.JSONField)
                }
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(
                            tuple(
                                json_fields[name].get_db_prep_save(
                                    row.get(name, default), self.connection
                                )
                                if name in json_fields
                                else row.get(name, default)
                                for name, default in spec
                            )
                        )
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
        """Explicit ids leave the id sequences behind: move them past the rows.

        On PostgreSQL only ever forward. `setval` is not undone by a rollback,
        so Django's reset, which sets a sequence to the table's highest id,
        would leave it behind rows that come back when the transaction that
        wrote the demo data is rolled back (as every test's is)."""
        if self.connection.vendor != "postgresql":
            statements = self.connection.ops.sequence_reset_sql(no_style(), model_list)
        else:
            statements = [_forward_only_reset(model) for model in model_list]
        with self.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _forward_only_reset(model) -> str:
    table = model._meta.db_table
    column = model._meta.pk.column
    sequence = f"pg_get_serial_sequence('\"{table}\"', '{column}')"
    # Names from the model's own metadata, not from input.
    return (
        f'SELECT setval({sequence}, GREATEST(coalesce(max("{column}"), 0), '  # noqa: S608
        f"coalesce(pg_sequence_last_value({sequence}::regclass), 0), 1)) "
        f'FROM "{table}"'
    )


@contextmanager
def indexes_deferred(connection, model_list):
    """On PostgreSQL, load the (empty) tables without their secondary indexes
    and foreign keys, then build each once: a sort per index and one join per
    key instead of a tree update and a queued trigger per row, which is what
    makes a million rows slow. Inside the caller's transaction, so a failure
    brings every index and key back. Constraint-backed indexes (primary keys,
    unique slugs) stay, and keep checking as rows arrive."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in model_list]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])
            ORDER BY 1, 2
            """,
            [tables],
        )
        keys = cursor.fetchall()
        cursor.execute(
            """
            SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid)
            FROM pg_index AS i
            WHERE indrelid = ANY(%s::regclass[])
              AND NOT EXISTS (
                SELECT 1 FROM pg_constraint AS c
                WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
              )
            ORDER BY 1
            """,
            [tables],
        )
        indexes = cursor.fetchall()
        quote = connection.ops.quote_name
        # Checks still queued from earlier in the transaction (rows deleted
        # before the load) would forbid altering the tables: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, name, _definition in keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
        # Back to each key's own timing (Django's are deferred to the commit).
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
