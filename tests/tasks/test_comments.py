"""CommentProcedure: getComment, getAllComments, createComment, updateComment, removeComment."""

from __future__ import annotations

import json

import pytest

from tasks.models import Comment, ProjectActivity
from tests.factories import CommentFactory, MembershipFactory, UserFactory

LIST_KEYS = [
    "id", "date_creation", "date_modification", "task_id", "user_id", "comment", "visibility",
    "username", "name", "email", "avatar_path",
]  # fmt: skip


@pytest.fixture
def comments_by_visibility(world, task):
    """cP (app-user, by the member), cPm (app-manager, by the manager), cPa (app-admin)."""
    return {
        "app-user": CommentFactory(task=task, user_id=world.users["member"].pk, comment="cP"),
        "app-manager": CommentFactory(
            task=task, user_id=world.users["manager"].pk, comment="cPm", visibility="app-manager"
        ),
        "app-admin": CommentFactory(task=task, user_id=0, comment="cPa", visibility="app-admin"),
    }


def reload(comment) -> Comment:
    return Comment.objects.get(pk=comment.pk)


# createComment and getComment


def test_create_comment_answers_the_id_and_get_comment_shows_it_with_its_author(rpc, world, task):
    member = world.users["member"]
    member.name, member.email = "Mary", "mary@example.com"
    member.save()

    comment_id = rpc.call(
        "createComment", {"task_id": task.pk, "user_id": member.pk, "content": "foobar"}
    )

    found = rpc.call("getComment", [comment_id])
    assert found == {
        "id": comment_id,
        "task_id": task.pk,
        "user_id": member.pk,
        "date_creation": found["date_creation"],
        "date_modification": found["date_creation"],
        "comment": "foobar",
        "reference": "",
        "visibility": "app-user",
        "username": member.username,
        "name": "Mary",
        "email": "mary@example.com",
        "avatar_path": None,
    }
    assert isinstance(found["date_creation"], int) and found["date_creation"] > 0


def test_the_application_may_comment_as_nobody_or_as_an_unknown_user(rpc, task):
    first = rpc.call("createComment", [task.pk, 0, "by the application", "ref-1", "app-admin"])
    second = rpc.call("createComment", [task.pk, 999999, "ghost"])

    assert {
        key: value
        for key, value in rpc.call("getComment", [first]).items()
        if key in ("user_id", "reference", "visibility", "username", "name")
    } == {
        "user_id": 0,
        "reference": "ref-1",
        "visibility": "app-admin",
        "username": None,
        "name": None,
    }
    assert rpc.call("getComment", [second])["user_id"] == 999999


def test_a_null_reference_is_stored_as_null(rpc, task):
    comment_id = rpc.call("createComment", [task.pk, 0, "x", None])

    assert rpc.call("getComment", [comment_id])["reference"] is None


@pytest.mark.parametrize(
    "params",
    [
        {"content": ""},
        {"content": None},
        {"content": ["x"]},
        {"content": "a\0b"},
        {"user_id": "abc"},
        {"user_id": 1.0},
        {"reference": "r" * 192},
        {"visibility": "app-boss"},
        {"visibility": None},
        {"task_id": 999999},
        {"task_id": "abc"},
    ],
)
def test_create_comment_refuses_invalid_input_and_writes_nothing(rpc, task, params):
    values = {"task_id": task.pk, "user_id": 0, "content": "x", **params}

    assert rpc.call("createComment", values) is False
    assert not Comment.objects.exists()


def test_a_member_comments_in_their_own_name(rpc, world, task):
    member = world.users["member"]

    comment_id = rpc.call("createComment", [task.pk, str(member.pk), "mine"], as_=world["member"])

    assert Comment.objects.get(pk=comment_id).user_id == member.pk


def test_a_user_cannot_comment_in_someone_elses_name(rpc, world, task):
    manager = world.users["manager"]

    assert rpc.call("createComment", [task.pk, manager.pk, "x"], as_=world["member"]) is False
    assert rpc.call("createComment", [task.pk, 0, "x"], as_=world["member"]) is False
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("persona", "visibility", "allowed"),
    [
        ("member", "app-user", True),
        ("member", "app-manager", False),
        ("member", "app-admin", False),
        ("manager", "app-manager", True),
        ("manager", "app-admin", False),
    ],
)
def test_a_user_may_only_give_a_visibility_their_role_sees(
    rpc, world, task, persona, visibility, allowed
):
    user_id = world.users[persona].pk

    result = rpc.call("createComment", [task.pk, user_id, "x", "", visibility], as_=world[persona])

    assert isinstance(result, int) if allowed else result is False
    assert Comment.objects.filter(visibility=visibility).exists() is allowed


def test_an_admin_member_may_give_any_visibility(rpc, world, task):
    admin = world.users["admin"]
    MembershipFactory(project=world.project, user=admin, role="project-member")

    assert rpc.call("createComment", [task.pk, admin.pk, "x", "", "app-admin"], as_=world["admin"])


def test_a_viewer_cannot_comment(rpc, world, task):
    viewer = world.users["viewer"]

    assert rpc.status("createComment", [task.pk, viewer.pk, "x"], as_=world["viewer"]) == 403
    assert not Comment.objects.exists()


def test_users_are_refused_comments_they_may_not_read(rpc, world, comments_by_visibility):
    above_member = [comments_by_visibility["app-manager"], comments_by_visibility["app-admin"]]

    for comment in above_member:
        assert rpc.status("getComment", [comment.pk], as_=world["member"]) == 403
    hidden_from_manager = comments_by_visibility["app-admin"].pk
    assert rpc.status("getComment", [hidden_from_manager], as_=world["manager"]) == 403
    assert rpc.status("getComment", [999999], as_=world["member"]) == 403
    assert rpc.call("getComment", [comments_by_visibility["app-manager"].pk], as_=world["manager"])


def test_get_comment_of_an_unknown_id_is_null_for_the_application(rpc):
    assert rpc.call("getComment", [999999]) is None


def test_outsiders_cannot_read_or_write_the_projects_comments(
    rpc, world, task, comments_by_visibility
):
    comment = comments_by_visibility["app-user"]
    outsider = world.users["outsider"]

    assert rpc.status("getComment", [comment.pk], as_=world["outsider"]) == 403
    assert rpc.status("getAllComments", [task.pk], as_=world["outsider"]) == 403
    assert rpc.status("updateComment", [comment.pk, "x"], as_=world["outsider"]) == 403
    assert rpc.status("removeComment", [comment.pk], as_=world["outsider"]) == 403
    assert rpc.status("createComment", [task.pk, outsider.pk, "x"], as_=world["outsider"]) == 403
    assert reload(comment).comment == "cP"
    assert Comment.objects.count() == 3


# getAllComments


def test_get_all_comments_lists_oldest_first_without_reference(rpc, world, task):
    member = world.users["member"]
    later = CommentFactory(task=task, user_id=member.pk, date_creation=200, comment="later")
    first = CommentFactory(task=task, user_id=0, date_creation=100, date_modification=150)
    same_time = CommentFactory(task=task, user_id=0, date_creation=200, comment="same time")

    listed = rpc.call("getAllComments", [task.pk])

    assert [row["id"] for row in listed] == [first.pk, later.pk, same_time.pk]
    assert listed[1] == {
        "id": later.pk,
        "date_creation": 200,
        "date_modification": 200,
        "task_id": task.pk,
        "user_id": member.pk,
        "comment": "later",
        "visibility": "app-user",
        "username": member.username,
        "name": "",
        "email": "",
        "avatar_path": None,
    }
    assert list(listed[0]) == LIST_KEYS
    assert listed[0]["date_modification"] == 150


@pytest.mark.parametrize(
    ("persona", "seen"),
    [
        ("member", ["cP"]),
        ("viewer", ["cP"]),
        ("manager", ["cP", "cPm"]),
        ("app", ["cP", "cPm", "cPa"]),
    ],
)
def test_get_all_comments_leaves_out_what_the_reader_may_not_see(
    rpc, world, task, comments_by_visibility, persona, seen
):
    listed = rpc.call("getAllComments", [task.pk], as_=world[persona])

    assert [row["comment"] for row in listed] == seen


def test_an_admin_member_sees_every_comment(rpc, world, task, comments_by_visibility):
    MembershipFactory(project=world.project, user=world.users["admin"], role="project-viewer")

    listed = rpc.call("getAllComments", [task.pk], as_=world["admin"])

    assert [row["comment"] for row in listed] == ["cP", "cPm", "cPa"]


def test_get_all_comments_of_an_unknown_task_is_empty(rpc):
    assert rpc.call("getAllComments", [999999]) == []


@pytest.mark.parametrize("size", [10, 500])
def test_get_all_comments_runs_a_fixed_number_of_queries(
    rpc, world, task, size, django_assert_num_queries
):
    authors = [UserFactory() for _ in range(3)]
    Comment.objects.bulk_create(
        Comment(task=task, user_id=authors[n % 3].pk, comment=f"c{n}", date_creation=n)
        for n in range(size)
    )
    rpc.call("getVersion", as_=world["member"])

    with django_assert_num_queries(10):
        listed = rpc.call("getAllComments", [task.pk], as_=world["member"])

    assert len(listed) == size


# updateComment


def test_the_author_updates_the_text_and_the_modification_date(rpc, world, task):
    comment = CommentFactory(
        task=task, user_id=world.users["member"].pk, date_creation=100, date_modification=100
    )

    assert rpc.call("updateComment", {"id": comment.pk, "content": "test"}, as_=world["member"])

    updated = rpc.call("getComment", [comment.pk])
    assert (updated["comment"], updated["date_creation"]) == ("test", 100)
    assert updated["date_modification"] > 100


def test_a_project_manager_cannot_update_a_members_comment(rpc, world, comments_by_visibility):
    comment = comments_by_visibility["app-user"]

    assert rpc.call("updateComment", [comment.pk, "Hacked"], as_=world["manager"]) is False
    assert reload(comment).comment == "cP"


def test_a_viewer_cannot_update_a_comment(rpc, world, comments_by_visibility):
    comment = comments_by_visibility["app-user"]

    assert rpc.status("updateComment", [comment.pk, "Hacked"], as_=world["viewer"]) == 403
    assert reload(comment).comment == "cP"


def test_a_comment_above_the_callers_role_cannot_be_changed(rpc, world, comments_by_visibility):
    comment = comments_by_visibility["app-manager"]

    assert rpc.status("updateComment", [comment.pk, "x"], as_=world["member"]) == 403
    assert rpc.status("removeComment", [comment.pk], as_=world["member"]) == 403
    assert reload(comment).comment == "cPm"


def test_update_comment_refuses_an_empty_text(rpc, world, comments_by_visibility):
    comment = comments_by_visibility["app-user"]

    assert rpc.call("updateComment", [comment.pk, ""], as_=world["member"]) is False
    assert rpc.call("updateComment", [comment.pk, None]) is False
    assert reload(comment).comment == "cP"


def test_update_comment_of_an_unknown_id_is_true_for_the_application(rpc):
    assert rpc.call("updateComment", [999999, "x"]) is True
    assert rpc.call("updateComment", ["abc", "x"]) is False


def test_the_application_may_update_anyones_comment(rpc, comments_by_visibility):
    comment = comments_by_visibility["app-admin"]

    assert rpc.call("updateComment", [comment.pk, "edited"]) is True
    assert reload(comment).comment == "edited"


# removeComment


def test_the_author_removes_a_comment_once(rpc, world, comments_by_visibility):
    comment = comments_by_visibility["app-user"]

    assert rpc.call("removeComment", [comment.pk], as_=world["member"]) is True
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert rpc.call("removeComment", [comment.pk]) is False


def test_a_project_manager_cannot_remove_a_members_comment(rpc, world, comments_by_visibility):
    comment = comments_by_visibility["app-user"]

    assert rpc.call("removeComment", [comment.pk], as_=world["manager"]) is False
    assert Comment.objects.filter(pk=comment.pk).exists()


# Events


def test_comment_events_carry_the_comment_and_record_activity_for_users(rpc, world, task, emitted):
    member = world.users["member"]

    comment_id = rpc.call("createComment", [task.pk, member.pk, "hello"], as_=world["member"])
    rpc.call("updateComment", [comment_id, "edited"], as_=world["member"])
    rpc.call("removeComment", [comment_id], as_=world["member"])

    assert [(name, actor, data["comment"]["comment"]) for name, actor, data in emitted] == [
        ("comment.create", member.pk, "hello"),
        ("comment.update", member.pk, "edited"),
        ("comment.delete", member.pk, "edited"),
    ]
    assert emitted[0][2]["comment"]["id"] == comment_id
    assert emitted[0][2]["task"]["id"] == task.pk
    activities = ProjectActivity.objects.order_by("id")
    assert [activity.event_name for activity in activities] == [
        "comment.create",
        "comment.update",
        "comment.delete",
    ]
    assert json.loads(activities[0].data)["comment"]["visibility"] == "app-user"


def test_the_application_leaves_no_activity(rpc, task):
    rpc.call("createComment", [task.pk, 0, "x"])

    assert not ProjectActivity.objects.exists()


def test_mentioned_members_who_want_notifications_are_announced(rpc, world, task, emitted):
    member = world.users["member"]
    for persona in ("manager", "viewer", "outsider", "member"):
        world.users[persona].notifications_enabled = True
        world.users[persona].save()
    quiet = UserFactory(username="quiet")
    MembershipFactory(project=world.project, user=quiet)
    text = "Ping @mgr, @viewer! @out: @usr @quiet and @nobody."

    rpc.call("createComment", [task.pk, member.pk, text], as_=world["member"])

    mentions = [data["mention"] for name, _, data in emitted if name == "comment.user.mention"]
    assert [mention["username"] for mention in mentions] == ["mgr", "viewer"]
    assert set(mentions[0]) == {"id", "username", "name", "email", "language"}
