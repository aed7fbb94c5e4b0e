"""Checking an import before it commits: every source row is in the target."""

from __future__ import annotations

from accounts.models import Setting
from kanboard_import.errors import ImportRefused
from kanboard_import.tables import TableMap


def verify_row_counts(expected: dict[str, int], tables: list[TableMap], options: set[str]) -> None:
    """Each imported table holds exactly the source's row count (settings: the source's
    options, next to the seeded ones the source lacks)."""
    mismatches = []
    for table in tables:
        manager = table.model.objects
        found = (
            manager.filter(option__in=options).count()
            if table.model is Setting
            else manager.count()
        )
        if found != expected[table.table]:
            mismatches.append(f"{table.table}: {expected[table.table]} in the source, {found} here")
    if mismatches:
        raise ImportRefused("the imported rows do not match the source: " + "; ".join(mismatches))
