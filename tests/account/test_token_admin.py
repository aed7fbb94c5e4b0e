"""Operators see personal tokens in the admin by their ends only, and can revoke them."""

from __future__ import annotations

from django.urls import reverse

from accounts import tokens
from accounts.models import PersonalToken
from tests.factories import UserFactory


def test_the_admin_lists_tokens_without_their_secrets(admin_client):
    token, secret = tokens.create_token(UserFactory(username="bob"), "ci")

    listing = admin_client.get(reverse("admin:accounts_personaltoken_changelist")).content
    detail = admin_client.get(
        reverse("admin:accounts_personaltoken_change", args=[token.pk])
    ).content

    assert f"{token.prefix}…{token.last_characters}".encode() in listing
    for page in (listing, detail):
        assert secret.encode() not in page
        assert token.secret_hash.encode() not in page and token.salt.encode() not in page


def test_operators_revoke_tokens_from_the_admin(admin_client):
    token, _ = tokens.create_token(UserFactory(username="bob"), "ci")

    admin_client.post(
        reverse("admin:accounts_personaltoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )

    assert PersonalToken.objects.get(pk=token.pk).revoked is not None


def test_operators_cannot_create_tokens_in_the_admin(admin_client):
    response = admin_client.get(reverse("admin:accounts_personaltoken_add"))

    assert response.status_code == 403
