class SeedError(Exception):
    """Bad seed input, located as precisely as the loader can: file, line,
    record and field. Its message is meant for the person who edits the YAML."""

    def __init__(self, message, *, file=None, line=None, record=None, field=None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.record = record
        self.field = field

    def located(self, *, file=None, line=None, record=None, field_prefix=None):
        """Fill in what an outer layer knows and the raiser did not."""
        self.file = self.file or file
        self.line = self.line or line
        self.record = self.record or record
        if field_prefix:
            self.field = f"{field_prefix}.{self.field}" if self.field else field_prefix
        return self

    def __str__(self):
        where = []
        if self.file:
            where.append(f"{self.file}" + (f", line {self.line}" if self.line else ""))
        if self.record:
            where.append(f"record {self.record!r}")
        if self.field:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.message}" if where else self.message
