from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = "Automatic actions"

    def ready(self) -> None:
        # Importing the engine registers the 43 actions and subscribes them to task events.
        from actions import engine  # noqa: F401
