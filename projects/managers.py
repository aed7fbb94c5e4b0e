"""Which projects a query means, defined once."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class ProjectQuerySet(models.QuerySet):
    def with_member(self, user_id: int) -> ProjectQuerySet:
        """Projects the user belongs to, directly or through one of its groups."""
        return self.filter(
            Q(user_roles__user_id=user_id) | Q(group_roles__group__memberships__user_id=user_id)
        ).distinct()

    def active(self) -> ProjectQuerySet:
        return self.filter(is_active=True)
