"""Metadata: free name/value pairs kept on a project or on a task (Kanboard's
MetadataModel, the same rules for both).

Names are at most 50 characters and values 255, the sizes of their columns on
PostgreSQL. Values are stored as PHP would write them, so every value reads as text.
"""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from kanboard_site.collation import bytewise
from kanboard_site.inputs import searchable, text
from projects.models import ProjectMetadata

NAME_MAX_LENGTH = 50
VALUE_MAX_LENGTH = 255


class Metadata:
    """The pairs of one owner kind: ``model`` has a foreign key named ``owner``."""

    def __init__(self, model: type[models.Model], owner: str) -> None:
        self.model = model
        self.owner = owner
        self.owner_model = model._meta.get_field(owner).related_model

    def pairs(self, owner_id: int | None) -> dict[str, str]:
        """Every pair, by name in byte order."""
        rows = self.model.objects.filter(**{f"{self.owner}_id": owner_id})
        return dict(rows.order_by(bytewise("name")).values_list("name", "value"))

    def value(self, owner_id: int | None, name) -> str:
        """The value, or '' when missing; Kanboard's "value ?: default" also reads a
        stored '' or '0' as missing."""
        name = searchable(name)
        found = self.model.objects.filter(**{f"{self.owner}_id": owner_id, "name": name})
        value = found.values_list("value", flat=True).first() if name is not None else None
        return value if value and value != "0" else ""

    def save(self, owner_id: int | None, values: dict | list, changed_by: int) -> None:
        """Insert or update every pair (a list counts as pairs "0", "1", ...), all or none."""
        pairs = values.items() if isinstance(values, dict) else enumerate(values)
        checked = {text(name, "name", NAME_MAX_LENGTH): _stored(value) for name, value in pairs}
        now = int(time.time())
        try:
            with transaction.atomic():
                # Locks the owner: two inserts of one new name cannot clash.
                if not self.owner_model.objects.select_for_update().filter(pk=owner_id).exists():
                    raise ValidationError(f"This {self.owner} does not exist")
                for name, value in checked.items():
                    self.model.objects.update_or_create(
                        **{f"{self.owner}_id": owner_id, "name": name},
                        defaults={"value": value, "changed_by": changed_by, "changed_on": now},
                    )
        except IntegrityError:
            raise ValidationError("The metadata could not be saved") from None

    def remove(self, owner_id: int | None, name) -> bool:
        name = searchable(name)
        if name is None:
            return False
        rows = self.model.objects.filter(**{f"{self.owner}_id": owner_id, "name": name})
        deleted, _ = rows.delete()
        return bool(deleted)


def _stored(value) -> str:
    """The text PHP would store: null and false are empty, true is "1"."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    return text(value, "value", VALUE_MAX_LENGTH)


project_metadata = Metadata(ProjectMetadata, "project")
