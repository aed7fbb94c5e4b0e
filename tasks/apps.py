from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tasks"

    def ready(self) -> None:
        from tasks import activity  # noqa: F401  (subscribes the activity stream to events)
