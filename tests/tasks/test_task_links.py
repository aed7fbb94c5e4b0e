"""TaskLinkProcedure: getTaskLinkById, getAllTaskLinks, createTaskLink, updateTaskLink,
removeTaskLink."""

from __future__ import annotations

import pytest

from tasks.models import ProjectActivity, Task, TaskLink
from tests.factories import MembershipFactory, TaskFactory, UserFactory

RELATES_TO, BLOCKS, IS_BLOCKED_BY, DUPLICATES, IS_DUPLICATED_BY = 1, 2, 3, 4, 5


def rows() -> set[tuple[int, int, int]]:
    return set(TaskLink.objects.values_list("task_id", "link_id", "opposite_task_id"))


def link_pair(task, other, link_id=BLOCKS, reverse_id=IS_BLOCKED_BY) -> TaskLink:
    TaskLink.objects.create(task=other, link_id=reverse_id, opposite_task=task)
    return TaskLink.objects.create(task=task, link_id=link_id, opposite_task=other)


# createTaskLink and getTaskLinkById


def test_create_task_link_writes_the_link_and_its_reverse(rpc, task, other_task):
    task_link_id = rpc.call("createTaskLink", [task.pk, other_task.pk, BLOCKS])

    assert rows() == {(task.pk, BLOCKS, other_task.pk), (other_task.pk, IS_BLOCKED_BY, task.pk)}
    assert rpc.call("getTaskLinkById", [task_link_id]) == {
        "id": task_link_id,
        "opposite_task_id": other_task.pk,
        "task_id": task.pk,
        "link_id": BLOCKS,
        "label": "blocks",
        "opposite_link_id": IS_BLOCKED_BY,
    }


def test_relates_to_is_its_own_opposite(rpc, task, other_task):
    task_link_id = rpc.call("createTaskLink", [task.pk, other_task.pk, RELATES_TO])

    assert rows() == {(task.pk, 1, other_task.pk), (other_task.pk, 1, task.pk)}
    assert rpc.call("getTaskLinkById", [task_link_id])["opposite_link_id"] == 0


def test_the_same_link_twice_is_false(rpc, task, other_task):
    rpc.call("createTaskLink", [task.pk, other_task.pk, BLOCKS])

    assert rpc.call("createTaskLink", [task.pk, other_task.pk, BLOCKS]) is False
    assert rpc.call("createTaskLink", [other_task.pk, task.pk, IS_BLOCKED_BY]) is False
    assert TaskLink.objects.count() == 2


def test_a_task_cannot_relate_to_itself_but_may_block_itself(rpc, task):
    assert rpc.call("createTaskLink", [task.pk, task.pk, RELATES_TO]) is False
    assert not TaskLink.objects.exists()

    assert isinstance(rpc.call("createTaskLink", [task.pk, task.pk, BLOCKS]), int)
    assert rows() == {(task.pk, BLOCKS, task.pk), (task.pk, IS_BLOCKED_BY, task.pk)}


@pytest.mark.parametrize(
    "params",
    [
        lambda task: [task.pk, 999999, BLOCKS],
        lambda task: [999999, task.pk, BLOCKS],
        lambda task: [task.pk, task.pk + 1, 99],
        lambda task: [task.pk, "abc", BLOCKS],
        lambda task: [task.pk, task.pk + 1, 1.0],
        lambda task: [task.pk, task.pk + 1, None],
    ],
)
def test_create_task_link_with_unknown_or_invalid_ids_is_false(rpc, task, other_task, params):
    assert rpc.call("createTaskLink", params(task)) is False
    assert not TaskLink.objects.exists()


def test_a_label_whose_opposite_is_gone_cannot_be_used(rpc, task, other_task):
    rpc.call("updateLink", [BLOCKS, 999, "blocks"])

    assert rpc.call("createTaskLink", [task.pk, other_task.pk, BLOCKS]) is False
    assert not TaskLink.objects.exists()


def test_a_member_cannot_link_to_a_task_of_a_project_where_they_have_no_role(
    rpc, world, task, foreign_task
):
    assert rpc.call("createTaskLink", [task.pk, foreign_task.pk, 1], as_=world["member"]) is False
    assert not TaskLink.objects.exists()


def test_any_role_in_the_other_project_allows_linking_to_its_tasks(
    rpc, world, task, foreign_project, foreign_task
):
    MembershipFactory(project=foreign_project, user=world.users["member"], role="project-viewer")

    assert rpc.call("createTaskLink", [task.pk, foreign_task.pk, 1], as_=world["member"])


def test_app_admins_and_the_application_may_link_to_any_project(rpc, world, task, foreign_task):
    MembershipFactory(project=world.project, user=world.users["admin"], role="project-member")

    assert rpc.call("createTaskLink", [task.pk, foreign_task.pk, 1], as_=world["admin"])
    assert rpc.call("createTaskLink", [task.pk, foreign_task.pk, BLOCKS])


def test_a_viewer_cannot_create_a_link(rpc, world, task, other_task):
    assert rpc.status("createTaskLink", [task.pk, other_task.pk, 1], as_=world["viewer"]) == 403
    assert not TaskLink.objects.exists()


def test_get_task_link_by_id_is_null_when_unknown_and_refused_to_outsiders(rpc, world, task):
    link = link_pair(task, TaskFactory(project=world.project))

    assert rpc.call("getTaskLinkById", [999999]) is None
    assert rpc.status("getTaskLinkById", [999999], as_=world["member"]) == 403
    assert rpc.status("getTaskLinkById", [link.pk], as_=world["outsider"]) == 403
    assert rpc.status("removeTaskLink", [link.pk], as_=world["outsider"]) == 403
    assert rpc.status("getAllTaskLinks", [task.pk], as_=world["outsider"]) == 403
    assert TaskLink.objects.count() == 2


# getAllTaskLinks


def test_get_all_task_links_describes_the_other_task(rpc, world, task):
    manager = world.users["manager"]
    manager.name = "Max"
    manager.save()
    other = TaskFactory(
        project=world.project,
        title="Blocked one",
        owner_id=manager.pk,
        color_id="red",
        date_due=1800000000,
        time_spent=1.5,
        time_estimated=2,
    )
    link = link_pair(task, other)

    assert rpc.call("getAllTaskLinks", [task.pk]) == [
        {
            "id": link.pk,
            "task_id": other.pk,
            "label": "blocks",
            "title": "Blocked one",
            "is_active": 1,
            "project_id": world.project.pk,
            "column_id": other.column_id,
            "color_id": "red",
            "date_completed": None,
            "date_started": 0,
            "date_due": 1800000000,
            "task_time_spent": 1.5,
            "task_time_estimated": 2,
            "task_assignee_id": manager.pk,
            "task_assignee_username": "mgr",
            "task_assignee_name": "Max",
            "column_title": "Backlog",
            "project_name": "P",
        }
    ]
    [reverse] = rpc.call("getAllTaskLinks", [other.pk])
    assert (reverse["task_id"], reverse["label"], reverse["task_assignee_username"]) == (
        task.pk,
        "is blocked by",
        None,
    )


def test_get_all_task_links_orders_by_label_then_column_state_and_position(rpc, world, task):
    columns = list(world.project.columns.order_by("position"))
    backlog_late = TaskFactory(project=world.project, position=5)
    backlog_early = TaskFactory(project=world.project, position=2)
    done = TaskFactory(project=world.project, column=columns[3], position=9)
    closed = TaskFactory(project=world.project, position=1, is_active=False)
    duplicate = TaskFactory(project=world.project)
    links = [
        link_pair(task, duplicate, DUPLICATES, IS_DUPLICATED_BY),
        link_pair(task, backlog_late, RELATES_TO, RELATES_TO),
        link_pair(task, closed, RELATES_TO, RELATES_TO),
        link_pair(task, backlog_early, RELATES_TO, RELATES_TO),
        link_pair(task, done, RELATES_TO, RELATES_TO),
    ]

    listed = rpc.call("getAllTaskLinks", [task.pk])

    assert [row["task_id"] for row in listed] == [
        done.pk,
        backlog_early.pk,
        backlog_late.pk,
        closed.pk,
        duplicate.pk,
    ]
    assert {row["id"] for row in listed} == {link.pk for link in links}


def test_get_all_task_links_of_an_unknown_task_is_empty(rpc):
    assert rpc.call("getAllTaskLinks", [999999]) == []


@pytest.mark.parametrize("size", [10, 500])
def test_get_all_task_links_runs_a_fixed_number_of_queries(
    rpc, world, task, size, django_assert_num_queries
):
    owners = [UserFactory().pk for _ in range(3)]
    others = Task.objects.bulk_create(
        Task(
            project=world.project,
            column=task.column,
            swimlane=task.swimlane,
            title=f"t{n}",
            owner_id=owners[n % 3],
            position=n,
        )
        for n in range(size)
    )
    TaskLink.objects.bulk_create(
        TaskLink(task=task, link_id=RELATES_TO, opposite_task=other) for other in others
    )
    rpc.call("getVersion", as_=world["member"])

    with django_assert_num_queries(10):
        listed = rpc.call("getAllTaskLinks", [task.pk], as_=world["member"])

    assert len(listed) == size


# updateTaskLink


def test_update_task_link_rewrites_the_link_and_its_reverse(rpc, task, other_task, world):
    third = TaskFactory(project=world.project)
    link = link_pair(task, other_task, RELATES_TO, RELATES_TO)

    assert rpc.call("updateTaskLink", [link.pk, task.pk, third.pk, DUPLICATES]) is True

    assert rows() == {(task.pk, DUPLICATES, third.pk), (third.pk, IS_DUPLICATED_BY, task.pk)}
    assert TaskLink.objects.get(pk=link.pk).opposite_task_id == third.pk


def test_update_task_link_to_the_opposite_label(rpc, task, other_task):
    link_id = rpc.call("createTaskLink", [task.pk, other_task.pk, RELATES_TO])

    assert rpc.call("updateTaskLink", [link_id, task.pk, other_task.pk, IS_BLOCKED_BY]) is True

    assert rpc.call("getTaskLinkById", [link_id])["link_id"] == IS_BLOCKED_BY
    assert rows() == {(task.pk, IS_BLOCKED_BY, other_task.pk), (other_task.pk, BLOCKS, task.pk)}


def test_a_link_of_another_task_cannot_be_updated_through_a_forged_task_id(
    rpc, world, task, other_task, foreign_project
):
    q1 = TaskFactory(project=foreign_project)
    q2 = TaskFactory(project=foreign_project)
    foreign = link_pair(q1, q2, RELATES_TO, RELATES_TO)
    before = rows()

    params = [foreign.pk, task.pk, other_task.pk, IS_BLOCKED_BY]
    assert rpc.call("updateTaskLink", params, as_=world["member"]) is False
    assert rpc.call("updateTaskLink", params) is False

    assert rows() == before


def test_a_member_cannot_point_a_link_at_a_task_of_a_project_where_they_have_no_role(
    rpc, world, task, other_task, foreign_task
):
    link = link_pair(task, other_task)
    before = rows()

    params = [link.pk, task.pk, foreign_task.pk, RELATES_TO]
    assert rpc.call("updateTaskLink", params, as_=world["member"]) is False

    assert rows() == before


def test_update_task_link_refuses_duplicates_and_unknown_targets(rpc, world, task, other_task):
    third = TaskFactory(project=world.project)
    first = link_pair(task, other_task, RELATES_TO, RELATES_TO)
    link_pair(task, third, RELATES_TO, RELATES_TO)
    before = rows()

    assert rpc.call("updateTaskLink", [first.pk, task.pk, third.pk, RELATES_TO]) is False
    assert rpc.call("updateTaskLink", [first.pk, task.pk, 999999, RELATES_TO]) is False
    assert rpc.call("updateTaskLink", [first.pk, task.pk, third.pk, 99]) is False
    assert rpc.call("updateTaskLink", [999999, task.pk, third.pk, BLOCKS]) is False

    assert rows() == before


def test_a_link_without_its_reverse_row_is_updated_alone(rpc, task, other_task):
    lone = TaskLink.objects.create(task=task, link_id=BLOCKS, opposite_task=other_task)

    assert rpc.call("updateTaskLink", [lone.pk, task.pk, other_task.pk, DUPLICATES]) is True

    assert rows() == {(task.pk, DUPLICATES, other_task.pk)}


def test_a_viewer_cannot_update_a_link(rpc, world, task, other_task):
    link = link_pair(task, other_task)

    params = [link.pk, task.pk, other_task.pk, RELATES_TO]
    assert rpc.status("updateTaskLink", params, as_=world["viewer"]) == 403
    assert TaskLink.objects.get(pk=link.pk).link_id == BLOCKS


# removeTaskLink


def test_remove_task_link_deletes_both_rows(rpc, task, other_task):
    link_id = rpc.call("createTaskLink", [task.pk, other_task.pk, BLOCKS])

    assert rpc.call("removeTaskLink", [link_id]) is True

    assert not TaskLink.objects.exists()
    assert rpc.call("getAllTaskLinks", [other_task.pk]) == []
    assert rpc.call("removeTaskLink", [link_id]) is False


def test_a_link_without_its_reverse_row_is_not_removed(rpc, task, other_task):
    lone = TaskLink.objects.create(task=task, link_id=BLOCKS, opposite_task=other_task)

    assert rpc.call("removeTaskLink", [lone.pk]) is False
    assert TaskLink.objects.filter(pk=lone.pk).exists()


def test_a_viewer_cannot_remove_a_link(rpc, world, task, other_task):
    link = link_pair(task, other_task)

    assert rpc.status("removeTaskLink", [link.pk], as_=world["viewer"]) == 403
    assert TaskLink.objects.count() == 2


# Events


def test_link_events_are_emitted_for_each_row_and_recorded_for_users(
    rpc, world, task, other_task, emitted
):
    member = world.users["member"]

    link_id = rpc.call("createTaskLink", [task.pk, other_task.pk, BLOCKS], as_=world["member"])
    rpc.call("removeTaskLink", [link_id], as_=world["member"])

    assert [
        (name, data["task"]["id"], data["task_link"]["label"]) for name, _, data in emitted
    ] == [
        ("task_internal_link.create_update", task.pk, "blocks"),
        ("task_internal_link.create_update", other_task.pk, "is blocked by"),
        ("task_internal_link.delete", task.pk, "blocks"),
    ]
    assert emitted[0][2]["task_link"] == {
        "id": link_id,
        "opposite_task_id": other_task.pk,
        "task_id": task.pk,
        "link_id": BLOCKS,
        "label": "blocks",
        "opposite_link_id": IS_BLOCKED_BY,
    }
    activities = ProjectActivity.objects.order_by("id")
    assert [(a.event_name, a.task_id, a.creator_id) for a in activities] == [
        ("task_internal_link.create_update", task.pk, member.pk),
        ("task_internal_link.create_update", other_task.pk, member.pk),
        ("task_internal_link.delete", task.pk, member.pk),
    ]


@pytest.mark.django_db(transaction=True)
def test_concurrent_creations_of_the_same_link_make_one_pair(concurrently):
    task = TaskFactory()
    other = TaskFactory(project=task.project)

    results = concurrently("createTaskLink", [task.pk, other.pk, BLOCKS], 5)

    assert results.count(False) == 4
    assert rows() == {(task.pk, BLOCKS, other.pk), (other.pk, IS_BLOCKED_BY, task.pk)}
