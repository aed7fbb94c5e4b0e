"""factory-boy factories for the data model."""

from __future__ import annotations

import time

import factory

from accounts.models import Group, GroupMember, User
from projects.models import Category, Column, Project, ProjectGroupRole, ProjectUserRole, Swimlane
from tasks.models import Comment, Subtask, Tag, Task

PASSWORD = "password1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    name = ""
    email = ""
    role = "app-user"

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"group{n}")


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(GroupFactory)
    user = factory.SubFactory(UserFactory)


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project with Kanboard's default board: four columns and one swimlane."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Project {n}")
    last_modified = factory.LazyFunction(lambda: int(time.time()))

    @factory.post_generation
    def board(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        for position, title in enumerate(["Backlog", "Ready", "Work in progress", "Done"], start=1):
            Column.objects.create(project=obj, title=title, position=position)
        Swimlane.objects.create(project=obj, name="Default swimlane", position=1)


class ColumnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Column

    project = factory.SubFactory(ProjectFactory, board=False)
    title = factory.Sequence(lambda n: f"Column {n}")
    position = factory.Sequence(lambda n: n + 1)


class SwimlaneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Swimlane

    project = factory.SubFactory(ProjectFactory, board=False)
    name = factory.Sequence(lambda n: f"Swimlane {n}")
    position = factory.Sequence(lambda n: n + 1)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Category {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectUserRole

    project = factory.SubFactory(ProjectFactory)
    user = factory.SubFactory(UserFactory)
    role = "project-member"


class GroupRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectGroupRole

    project = factory.SubFactory(ProjectFactory)
    group = factory.SubFactory(GroupFactory)
    role = "project-member"


class TaskFactory(factory.django.DjangoModelFactory):
    """An open task in the project's first column and first swimlane."""

    class Meta:
        model = Task

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Task {n}")
    column = factory.LazyAttribute(lambda task: task.project.columns.order_by("position").first())
    swimlane = factory.LazyAttribute(
        lambda task: task.project.swimlanes.order_by("position").first()
    )
    color_id = "yellow"
    position = factory.Sequence(lambda n: n + 1)
    date_creation = factory.LazyFunction(lambda: int(time.time()))
    date_modification = factory.LazyAttribute(lambda task: task.date_creation)
    date_moved = factory.LazyAttribute(lambda task: task.date_creation)
    date_due = 0
    date_started = 0
    score = 0


class SubtaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subtask

    task = factory.SubFactory(TaskFactory)
    title = factory.Sequence(lambda n: f"Subtask {n}")
    position = factory.Sequence(lambda n: n + 1)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    task = factory.SubFactory(TaskFactory)
    comment = "A comment"
    date_creation = factory.LazyFunction(lambda: int(time.time()))
    date_modification = factory.LazyAttribute(lambda comment: comment.date_creation)


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"tag{n}")
    project_id = 0
