"""Kanboard's eleven link labels, in pairs of opposites ("relates to" is its own)."""

from __future__ import annotations

LINKS = [
    (1, "relates to", 0),
    (2, "blocks", 3),
    (3, "is blocked by", 2),
    (4, "duplicates", 5),
    (5, "is duplicated by", 4),
    (6, "is a child of", 7),
    (7, "is a parent of", 6),
    (8, "targets milestone", 9),
    (9, "is a milestone of", 8),
    (10, "fixes", 11),
    (11, "is fixed by", 10),
]


def seed_links(link_model) -> None:
    if not link_model.objects.exists():
        link_model.objects.bulk_create(
            link_model(id=link_id, label=label, opposite_id=opposite)
            for link_id, label, opposite in LINKS
        )
