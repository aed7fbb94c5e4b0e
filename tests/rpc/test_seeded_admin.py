"""The seeded ``admin`` account as Kanboard 1.2.53 shows it."""

from __future__ import annotations


def test_the_seeded_admin_shows_the_legacy_is_admin_flag_as_kanboard_does(rpc):
    # Kanboard's schema made its admin row before roles existed: getUser answers 1.
    admin = rpc.call("getUser", {"user_id": 1})
    everyone = rpc.call("getAllUsers")

    assert (admin["username"], admin["is_admin"], admin["role"]) == ("admin", 1, "app-admin")
    assert [user["is_admin"] for user in everyone if user["id"] == 1] == [1]


def test_new_admins_keep_is_admin_0(rpc):
    user_id = rpc.call(
        "createUser", {"username": "boss", "password": "secret1", "role": "app-admin"}
    )

    assert rpc.call("getUser", {"user_id": user_id})["is_admin"] == 0
