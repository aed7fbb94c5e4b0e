"""Who is told of a change, by Kanboard's rules: changes made through the API, the worker
run for real, web notifications read from their table and mails from a real SMTP server."""

from __future__ import annotations

import pytest

from accounts.models import User
from notifications.models import UnreadNotification, UserProjectNotification
from tests.conftest import Credentials
from tests.factories import (
    PASSWORD,
    GroupMemberFactory,
    GroupRoleFactory,
    MembershipFactory,
    ProjectFactory,
)
from tests.notifications.conftest import mail_recipients, run_worker, web_notifications

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def create_task(rpc, world):
    def create(as_=None, project=None, **values) -> int:
        values.setdefault("title", "Write the spec")
        values["project_id"] = (project or world.project).pk
        return rpc.call("createTask", values, as_=as_)

    return create


def told(user) -> list[str]:
    return [name for name, _ in web_notifications(user)]


def test_a_member_who_wants_everything_gets_a_web_notification_and_a_mail(
    world, subscriber, create_task, smtp_server
):
    alice = subscriber("alice")

    task_id = create_task()
    run_worker()

    [(name, data)] = web_notifications(alice)
    assert name == "task.create"
    assert data["task_id"] == task_id
    assert data["task"]["title"] == "Write the spec"
    assert data["task"]["project_name"] == "P"
    stored = UnreadNotification.objects.get(user=alice).event_data
    assert stored.startswith(f'{{"task_id":{task_id},"task":{{"id":{task_id},"title":"Write')
    assert mail_recipients(smtp_server) == [
        ("alice@example.org", f"[P] New task #{task_id}: Write the spec")
    ]


def test_the_author_of_the_change_is_not_told(world, subscriber, create_task, smtp_server):
    alice = subscriber("alice")
    bob = subscriber("bob")
    world.users["member"].delete()

    create_task(as_=world.credentials["app"])  # the application credential leaves nobody out
    run_worker()
    assert told(alice) == told(bob) == ["task.create"]

    create_task(as_=Credentials("alice", PASSWORD))
    run_worker()

    assert told(alice) == ["task.create"]
    assert told(bob) == ["task.create", "task.create"]
    assert [address for address, _ in mail_recipients(smtp_server)] == [
        "alice@example.org",
        "bob@example.org",
        "bob@example.org",
    ]


@pytest.mark.parametrize(
    ("notifications_filter", "told_of"),
    [
        (1, {"assigned", "created", "other"}),
        (2, {"assigned"}),
        (3, {"created"}),
        (4, {"assigned", "created"}),
        (5, set()),
    ],
)
def test_the_filter_chooses_the_tasks(
    world, subscriber, create_task, notifications_filter, told_of
):
    alice = subscriber("alice", notifications_filter=notifications_filter)
    create_task(title="assigned", owner_id=alice.pk)
    create_task(title="created", creator_id=alice.pk)
    create_task(title="other")

    run_worker()

    assert {data["task"]["title"] for _, data in web_notifications(alice)} == told_of


def test_users_who_do_not_want_notifications_are_not_told(world, subscriber, create_task):
    disabled = subscriber("disabled", notifications_enabled=False)
    inactive = subscriber("inactive", is_active=False)
    outsider = subscriber("outsider", project=False)
    elsewhere = subscriber("elsewhere", project=ProjectFactory(name="Q"))
    alice = subscriber("alice")

    create_task()
    run_worker()

    assert told(alice) == ["task.create"]
    for user in (disabled, inactive, outsider, elsewhere):
        assert told(user) == [], user.username


def test_selected_projects_limit_the_projects_a_user_is_told_of(world, subscriber, create_task):
    other = ProjectFactory(name="Q")
    picky = subscriber("picky")
    UserProjectNotification.objects.create(user=picky, project=other)
    fan = subscriber("fan")
    UserProjectNotification.objects.create(user=fan, project=world.project)

    create_task()
    run_worker()

    assert told(picky) == []
    assert told(fan) == ["task.create"]


def test_group_members_are_told_once(world, subscriber, create_task):
    grouped = subscriber("grouped", project=False)
    both = subscriber("both")
    role = GroupRoleFactory(project=world.project)
    GroupMemberFactory(group=role.group, user=grouped)
    GroupMemberFactory(group=role.group, user=both)

    create_task()
    run_worker()

    assert told(grouped) == ["task.create"]
    assert told(both) == ["task.create"]


def test_each_user_is_told_through_the_channels_they_chose(
    world, subscriber, create_task, smtp_server
):
    web_only = subscriber("webonly", channels=("web",))
    mail_only = subscriber("mailonly", channels=("email",))
    no_address = subscriber("noaddress", email="")
    unknown_channel = subscriber("pigeon", channels=("pigeon",))

    create_task()
    run_worker()

    assert told(web_only) == ["task.create"]
    assert told(mail_only) == []
    assert told(no_address) == ["task.create"]
    assert told(unknown_channel) == []
    assert [address for address, _ in mail_recipients(smtp_server)] == ["mailonly@example.org"]


def test_who_is_told_of_a_tasks_life_as_kanboard_told_it(rpc, world, subscriber):
    """The same calls made to Kanboard 1.2.53 (application credential, the same users and
    filters), and who got which web notification there, change by change."""
    q = ProjectFactory(name="Q")
    users = {
        name: subscriber(name, notifications_filter=number, channels=("web",))
        for number, name in enumerate(("alice", "bob", "carol", "dave"), start=1)
    }
    MembershipFactory(project=q, user=users["alice"])
    names = {user.pk: name for name, user in users.items()}
    p = world.project.pk
    ready = world.project.columns.order_by("position")[1].pk

    def told_of(change) -> list[tuple[str, str]]:
        change()
        run_worker()
        rows = UnreadNotification.objects.order_by("pk")
        notified = [(names[row.user_id], row.event_name) for row in rows]
        rows.delete()
        return notified

    task = {}

    def create():
        task["id"] = rpc.call(
            "createTask", {"title": "T", "project_id": p, "description": "for @carol and @alice."}
        )

    def comment_by_alice():
        rpc.call(
            "createComment",
            {"task_id": task["id"], "user_id": users["alice"].pk, "content": "hey @bob"},
            as_=Credentials("alice", PASSWORD),
        )

    def link():
        other = rpc.call("createTask", {"title": "U", "project_id": p})
        run_worker()
        UnreadNotification.objects.all().delete()  # of the creation of U
        rpc.call("createTaskLink", [task["id"], other, 1])

    def update(**values):
        return lambda: rpc.call("updateTask", {"id": task["id"], **values})

    mention = "task.user.mention"
    linked = "task_internal_link.create_update"
    steps = [
        (create, [("alice", "task.create"), ("alice", mention), ("carol", mention)]),
        (update(owner_id=users["bob"].pk),
         [("alice", "task.assignee_change"), ("bob", "task.assignee_change")]),
        (update(title="T2"), [("alice", "task.update"), ("bob", "task.update")]),
        (update(title="T3", owner_id=users["dave"].pk),
         [("alice", "task.update"), ("dave", "task.update")]),
        (lambda: rpc.call("moveTaskPosition", [p, task["id"], ready, 1, 0]),
         [("alice", "task.move.column"), ("dave", "task.move.column")]),
        (comment_by_alice, [("dave", "comment.create"), ("bob", "comment.user.mention")]),
        (link, [("alice", linked), ("dave", linked), ("alice", linked)]),
        (lambda: rpc.call("moveTaskToProject", [task["id"], q.pk]),
         [("alice", "task.move.project")]),
    ]  # fmt: skip
    for change, expected in steps:
        assert told_of(change) == expected


def test_a_private_project_tells_its_owner_only(rpc, subscriber):
    """A private project has its owner as its only member: the other users who want
    every notification hear nothing of it, app-admins included."""
    owner = subscriber("owner", project=False)
    subscriber("nosy", project=False)
    subscriber("boss", project=False, role="app-admin")
    project_id = rpc.call(
        "createMyPrivateProject", {"name": "Diary"}, as_=Credentials("owner", PASSWORD)
    )

    rpc.call("createTask", {"project_id": project_id, "title": "Secret"})
    run_worker()

    assert [user.username for user in User.objects.exclude(pk=owner.pk) if told(user)] == []
    assert told(owner) == ["task.create"]
