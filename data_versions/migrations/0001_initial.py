from django.db import migrations, models

from data_versions.triggers import (
    GLOBAL,
    PROJECT,
    PROJECT_ITSELF,
    PROJECTS_OF_TAGGED_TASKS,
    Watched,
    create_statements,
    drop_statements,
    projects_of_tasks_with,
    task_project,
)

# The tables whose content getBoard, getAllTasks and searchTasks show or filter on
# (tests/test_read_cache.py checks that every table their SQL reads is here).
WATCHED = [
    Watched("projects", [PROJECT_ITSELF]),
    Watched("columns", [PROJECT, projects_of_tasks_with("column_id")]),
    Watched("swimlanes", [PROJECT, projects_of_tasks_with("swimlane_id")]),
    Watched("project_has_categories", [PROJECT, projects_of_tasks_with("category_id")]),
    Watched("project_has_users", [PROJECT]),
    Watched("project_has_groups", [PROJECT]),
    Watched("tasks", [PROJECT]),
    # Global tags have project 0, the global scope.
    Watched("tags", [PROJECT, PROJECTS_OF_TAGGED_TASKS]),
    Watched("comments", [task_project()]),
    Watched("subtasks", [task_project()]),
    Watched("task_has_files", [task_project()]),
    Watched("task_has_external_links", [task_project()]),
    Watched("task_has_tags", [task_project()]),
    Watched("task_has_links", [task_project(), task_project("opposite_task_id")]),
    # What the reads show of a user: the assignee's names, e-mail and avatar; what the
    # search filters match (username, name) and the role that decides which comments a
    # searcher reads.
    Watched("users", [GLOBAL], columns=["username", "name", "email", "avatar_path", "role"]),
    Watched("groups", [GLOBAL]),
    Watched("group_has_users", [GLOBAL]),
    Watched("links", [GLOBAL]),
    Watched("settings", [GLOBAL]),
]


def create_triggers(apps, schema_editor):
    for statement in create_statements(schema_editor.connection.vendor, WATCHED):
        schema_editor.execute(statement, params=None)


def drop_triggers(apps, schema_editor):
    for statement in drop_statements(schema_editor.connection.vendor, WATCHED):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0007_seeded_admin_is_admin"),
        ("projects", "0001_initial"),
        ("tasks", "0003_index_external_links_by_task"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("scope", models.BigIntegerField(primary_key=True, serialize=False)),
                ("version", models.BigIntegerField()),
            ],
            options={"db_table": "data_versions"},
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
