"""Link labels ("blocks" / "is blocked by"): writes and the opposite of a label.

Labels are unique (case-sensitive) and at most 255 characters, the PostgreSQL column's
size, so that both databases refuse the same labels.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kanboard_site.inputs import integer, text
from tasks.models import Link

LABEL_MAX_LENGTH = 255


def opposite_link_id(link_id: int | None) -> int | None:
    """The label's opposite, or None when it has none ("relates to") or does not exist."""
    return Link.objects.filter(pk=link_id).values_list("opposite_id", flat=True).first() or None


def _label(value: Any, field: str = "label") -> str:
    return text(value, field, LABEL_MAX_LENGTH, required=True, default="")


def _check_unique(label: str, exclude_id: int | None = None) -> None:
    if Link.objects.filter(label=label).exclude(pk=exclude_id).exists():
        raise ValidationError(f"The label {label!r} is already used")


def create_link(label: Any, opposite_label: Any = "") -> Link:
    """A new label, and with ``opposite_label`` its opposite, each pointing at the other.

    An opposite label that already exists refuses the whole call (Kanboard rolls the
    insert back but still answers the unused id).
    """
    label = _label(label)
    # PHP's empty(): '' and '0' mean "no opposite".
    pair = None if opposite_label in (None, "", "0", 0, False) else _label(opposite_label)
    if label == pair:
        raise ValidationError("The labels must be different")
    _check_unique(label)
    if pair is not None:
        _check_unique(pair)
    try:
        with transaction.atomic():
            link = Link.objects.create(label=label)
            if pair is not None:
                opposite = Link.objects.create(label=pair, opposite_id=link.pk)
                link.opposite_id = opposite.pk
                link.save(update_fields=["opposite_id"])
    except IntegrityError:
        raise ValidationError("The label is already used") from None
    return link


def update_link(link_id: int | None, opposite_id: Any, label: Any) -> None:
    """Rename the label and set its opposite (0 for none). The former and new opposites
    are not changed (Kanboard leaves the pair as the caller makes it). An unknown
    ``link_id`` changes nothing and is no error."""
    if link_id is None:
        raise ValidationError("The link id must be an integer")
    if opposite_id is None or opposite_id == "":
        raise ValidationError("The opposite link id is required")
    opposite_id = integer(opposite_id, "opposite link id", default=0)
    label = _label(label)
    _check_unique(label, exclude_id=link_id)
    try:
        with transaction.atomic():
            Link.objects.filter(pk=link_id).update(label=label, opposite_id=opposite_id)
    except IntegrityError:
        raise ValidationError("The label is already used") from None


def remove_link(link_id: int | None) -> bool:
    """Delete the label with the task links using it; labels that had it as their
    opposite are left without one."""
    with transaction.atomic():
        Link.objects.filter(opposite_id=link_id).update(opposite_id=0)
        deleted, _ = Link.objects.filter(pk=link_id).delete()
    return deleted > 0
