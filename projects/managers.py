"""Which projects, columns and swimlanes a query means, defined once."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from kanboard_site.collation import bytewise
from kanboard_site.inputs import ascii_upper, searchable

# The fields getProjectByName, getProjectByIdentifier and getProjectByEmail look up.
LOOKUP_FIELDS = ("name", "identifier", "email")


class ProjectQuerySet(models.QuerySet):
    def with_member(self, user_id: int) -> ProjectQuerySet:
        """Projects the user belongs to, directly or through one of its groups, whatever
        the role."""
        direct = self.model.objects.filter(user_roles__user_id=user_id).values("pk")
        via_group = self.model.objects.filter(
            group_roles__group__memberships__user_id=user_id
        ).values("pk")
        return self.filter(Q(pk__in=direct) | Q(pk__in=via_group))

    def active(self) -> ProjectQuerySet:
        return self.filter(is_active=True)

    def found_by(self, field: str, value) -> ProjectQuerySet:
        """The project a name, identifier or e-mail designates: exact match (identifiers
        upper-cased first), the oldest when several match; none for empty or non-text
        input, as Kanboard answers false before looking."""
        if field not in LOOKUP_FIELDS:
            raise ValueError(f"projects are not looked up by {field}")
        value = searchable(value)
        if not value:
            return self.none()
        if field == "identifier":
            value = ascii_upper(value)
        return self.filter(**{field: value}).order_by("id")


class BoardQuerySet(models.QuerySet):
    """Columns and swimlanes."""

    def in_board_order(self) -> BoardQuerySet:
        return self.order_by("position", "id")


class SwimlaneQuerySet(BoardQuerySet):
    def active(self) -> SwimlaneQuerySet:
        return self.filter(is_active=True)


class CategoryQuerySet(models.QuerySet):
    def in_name_order(self) -> CategoryQuerySet:
        """Kanboard's SQLite declares category names COLLATE NOCASE: byte order with
        ASCII letters folded to lower case (lower() of C-collated text folds only those)."""
        return self.order_by(Lower(bytewise("name")), "id")
