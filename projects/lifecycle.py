"""Projects: creation with their default board, changes, status, public access, removal.

Validation follows Kanboard's ProjectValidator on the fields given (null means "not
given"): a required name of at most 65,535 characters; an identifier of at most 50 ASCII
letters and digits, unique once upper-cased; an e-mail address of Kanboard's syntax,
unique across projects; start and end dates of at most 10 characters; integer priorities;
an owner that exists.
"""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.config import get_config, new_token
from accounts.models import User
from kanboard_site.inputs import (
    ascii_upper,
    integer,
    is_ascii_alphanumeric,
    is_email,
    optional_text,
    text,
)
from projects.dates import to_iso_date
from projects.models import Category, Column, Project, ProjectUserRole, Swimlane
from projects.removal import remove_projects
from projects.roles import PROJECT_MANAGER

NAME_MAX_LENGTH = 65535
IDENTIFIER_MAX_LENGTH = 50
DATE_MAX_LENGTH = 10
DEFAULT_COLUMNS = "Backlog,Ready,Work in progress,Done"
DEFAULT_SWIMLANE = "Default swimlane"
PRIORITIES = ("priority_default", "priority_start", "priority_end")


def create_project(fields: dict, *, acting_user_id: int = 0, is_private: bool = False) -> int:
    """The new project's id, with the default columns, swimlane and categories.

    ``fields`` are createProject's parameters (null: not given). Kanboard's ownership
    rule: a user acting with ``owner_id`` exactly the integer 0 (the default) becomes the
    owner, and a user's project gets its owner as project-manager; the application
    credential (``acting_user_id`` 0) sets the owner as given and adds nobody. Dates are
    stored as given.
    """
    fields = dict(fields)
    owner_id = fields.pop("owner_id", 0)
    if owner_id == 0 and type(owner_id) is int and acting_user_id:
        owner_id = acting_user_id
    fields["name"] = text(fields.get("name"), "name", NAME_MAX_LENGTH, required=True)
    values = _checked_fields(fields, project_id=None)
    owner = _owner(owner_id)
    with transaction.atomic():
        project = Project.objects.create(
            **values,
            owner_id=owner,
            is_private=is_private,
            token="",
            last_modified=int(time.time()),
        )
        create_default_board(project)
        if acting_user_id and owner:
            ProjectUserRole.objects.create(project=project, user_id=owner, role=PROJECT_MANAGER)
    return project.pk


def create_private_project(name, description=None, *, user_id: int) -> int:
    """createMyPrivateProject: refused when the setting disable_private_project is 1."""
    if _is_one(get_config("disable_private_project", "0")):
        raise ValidationError("Private projects are disabled")
    fields = {"name": name, "description": description, "owner_id": user_id}
    return create_project(fields, acting_user_id=user_id, is_private=True)


def update_project(project_id: int | None, fields: dict) -> None:
    """Change the fields given (not None) of updateProject's parameters. Dates are read
    with the date parser and stored as YYYY-MM-DD (1970-01-01 when unreadable);
    ``per_swimlane_task_limits`` goes back to 0 on every update, as Kanboard's API does."""
    given = {field: value for field, value in fields.items() if value is not None}
    if "name" in given:
        given["name"] = text(given["name"], "name", NAME_MAX_LENGTH, required=True)
    owner_id = given.pop("owner_id", None)
    changes = _checked_fields(given, project_id=project_id)
    for field in ("start_date", "end_date"):
        if changes.get(field):
            changes[field] = to_iso_date(given[field])
    if owner_id is not None:
        changes["owner_id"] = _owner(owner_id)
    changes["per_swimlane_task_limits"] = False
    if not Project.objects.filter(pk=project_id).update(**changes):
        raise ValidationError("This project does not exist")


def set_active(project_id: int | None, active: bool) -> bool:
    """Enable or disable; False for an unknown project."""
    return bool(Project.objects.filter(pk=project_id).update(is_active=active))


def enable_public_access(project_id: int | None) -> bool:
    """Public, with a new token on every call."""
    return bool(Project.objects.filter(pk=project_id).update(is_public=True, token=new_token()))


def disable_public_access(project_id: int | None) -> bool:
    return bool(Project.objects.filter(pk=project_id).update(is_public=False, token=""))


def remove_project(project_id: int | None) -> bool:
    return bool(remove_projects(Project.objects.filter(pk=project_id)))


def _checked_fields(values: dict, project_id: int | None) -> dict:
    """The given fields after Kanboard's rules; uniqueness excludes ``project_id``."""
    checked = dict(values)
    for field in ("description", "email"):
        if field in values:
            checked[field] = optional_text(values[field], field)
    if values.get("identifier") is not None:
        checked["identifier"] = _identifier(values["identifier"], project_id)
    for field in ("start_date", "end_date"):
        if values.get(field) is not None:
            checked[field] = text(values[field], field.replace("_", " "), DATE_MAX_LENGTH)
    for field in PRIORITIES:
        if values.get(field) is not None:
            checked[field] = integer(values[field], field.replace("_", " "))
    if checked.get("email"):
        _check_email(checked["email"], project_id)
    return {field: value for field, value in checked.items() if value is not None}


def _identifier(value, project_id: int | None) -> str:
    identifier = ascii_upper(text(value, "identifier", IDENTIFIER_MAX_LENGTH))
    if identifier and not is_ascii_alphanumeric(identifier):
        raise ValidationError("The identifier must be alphanumeric")
    if identifier and _others(project_id).filter(identifier=identifier).exists():
        raise ValidationError("The identifier must be unique")
    return identifier


def _check_email(email: str, project_id: int | None) -> None:
    if not is_email(email):
        raise ValidationError("Email address invalid")
    if _others(project_id).filter(email=email).exists():
        raise ValidationError("The project email must be unique across all projects")


def _others(project_id: int | None):
    return Project.objects.exclude(pk=project_id) if project_id else Project.objects.all()


def _owner(owner_id) -> int:
    """The owner's id: 0 for PHP's empty values, else an existing user's id."""
    if owner_id in (None, 0, "0", "", False):
        return 0
    user_id = integer(owner_id, "owner")
    if not User.objects.filter(pk=user_id).exists():
        raise ValidationError("The owner does not exist")
    return user_id


def create_default_board(project: Project) -> None:
    """The columns of setting board_columns, "Default swimlane", the categories of
    setting project_categories (comma-separated lists, blanks and repeats dropped)."""
    titles = _listed(get_config("board_columns", DEFAULT_COLUMNS))
    Column.objects.bulk_create(
        Column(project=project, title=title, position=position, description="")
        for position, title in enumerate(titles, start=1)
    )
    Swimlane.objects.create(project=project, name=DEFAULT_SWIMLANE, position=1, description="")
    # Category names are unique regardless of case: the first spelling wins.
    spellings: dict[str, str] = {}
    for name in _listed(get_config("project_categories")):
        spellings.setdefault(name.lower(), name)
    Category.objects.bulk_create(
        Category(project=project, name=name) for name in spellings.values()
    )


def _listed(setting: str) -> list[str]:
    """Kanboard's explode_csv_field + array_unique: trimmed, without empty (or "0")
    entries and repeats, in order."""
    entries = (entry.strip() for entry in setting.split(","))
    return list(dict.fromkeys(entry for entry in entries if entry not in ("", "0")))


def _is_one(value: str) -> bool:
    """PHP's loose ``== 1`` on a setting's text ("1", " 1", "1.0")."""
    try:
        return float(value.strip()) == 1
    except ValueError:
        return False
