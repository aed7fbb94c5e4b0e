"""CommentProcedure: comments on tasks, with Kanboard's visibility and ownership rules."""

from __future__ import annotations

from accounts.roles import APP_USER
from kanboard_site.inputs import to_id, to_int
from rpc.authentication import Caller
from rpc.registry import procedure
from tasks import comments
from tasks.models import Comment
from tasks.shapes.comments import comment, comments_in_list_form


@procedure("getComment")
def get_comment(comment_id):
    found = Comment.objects.filter(pk=to_id(comment_id)).first()
    return comment(found) if found else None


@procedure("getAllComments")
def get_all_comments(task_id, *, caller: Caller) -> list:
    return comments_in_list_form(comments.comments_of_task(to_id(task_id), caller.user))


@procedure("removeComment", invalid=False)
def remove_comment(comment_id, *, caller: Caller) -> bool:
    return comments.remove_comment(to_id(comment_id), actor=caller.user)


@procedure("createComment", invalid=False)
def create_comment(
    task_id, user_id, content, reference="", visibility=APP_USER, *, caller: Caller
) -> int:
    created = comments.create_comment(
        to_id(task_id), user_id, content, reference, visibility, actor=caller.user
    )
    return created.pk


@procedure("updateComment", invalid=False)
def update_comment(id, content, *, caller: Caller) -> bool:
    comments.update_comment(to_int(id), content, actor=caller.user)
    return True
