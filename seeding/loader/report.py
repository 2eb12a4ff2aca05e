"""What a load did, file by file: created, updated, unchanged, skipped."""

from dataclasses import dataclass, field


@dataclass
class FileReport:
    file: str
    model: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # (slug, why): records an editor changed since the last load.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # (slug, why): records an editor changed that --force overwrote.
    overwritten: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class LoadReport:
    files: list[FileReport] = field(default_factory=list)
    dry_run: bool = False

    def total(self, outcome: str) -> int:
        return sum(len(getattr(report, outcome)) for report in self.files)

    @property
    def changed(self) -> bool:
        return bool(self.total("created") or self.total("updated"))
