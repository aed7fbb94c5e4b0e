from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tasks"

    def ready(self) -> None:
        # Importing these modules subscribes them to task events.
        from tasks import activity, recurrence, transitions  # noqa: F401
