"""Token buckets in the database, shared by every worker (healthchecks' ``TokenBucket``).

A bucket holds up to ``capacity`` tokens and refills at ``capacity`` per ``window``;
each attempt takes one, and an empty bucket refuses. Keys are keyed hashes of what they
count (an address, an account name), so the table holds nothing readable.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import SignInBucket

WINDOW = timedelta(minutes=15)


def bucket_key(kind: str, value: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"{kind}\0{value}".encode("utf-8", "surrogatepass"),
        hashlib.sha256,
    ).hexdigest()
    return f"{kind}:{digest}"


def _refilled(bucket: SignInBucket, capacity: int, now) -> float:
    elapsed = (now - bucket.updated).total_seconds()
    return min(float(capacity), bucket.tokens + elapsed * capacity / WINDOW.total_seconds())


def take(key: str, capacity: int) -> bool:
    """Take one token; False (and nothing taken) when the bucket is empty."""
    now = timezone.now()
    with transaction.atomic():
        bucket = SignInBucket.objects.select_for_update().filter(key=key).first()
        if bucket is None:
            try:
                with transaction.atomic():
                    SignInBucket.objects.create(key=key, tokens=capacity - 1, updated=now)
                return capacity >= 1
            except IntegrityError:
                # A concurrent first attempt created it: count against that row.
                bucket = SignInBucket.objects.select_for_update().get(key=key)
        tokens = _refilled(bucket, capacity, now) - 1
        if tokens < 0:
            return False
        SignInBucket.objects.filter(pk=bucket.pk).update(tokens=tokens, updated=now)
        return True


def is_empty(key: str, capacity: int) -> bool:
    """Whether the next ``take`` would be refused (nothing is taken)."""
    bucket = SignInBucket.objects.filter(key=key).first()
    return bucket is not None and _refilled(bucket, capacity, timezone.now()) < 1
