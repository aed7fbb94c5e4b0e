"""Task metadata: the same name/value pairs as a project's (projects.metadata)."""

from projects.metadata import Metadata
from tasks.models import TaskMetadata

task_metadata = Metadata(TaskMetadata, "task")
