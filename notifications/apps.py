from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        # Importing the dispatch subscribes it to the task events Kanboard notifies of.
        from notifications import dispatch  # noqa: F401
