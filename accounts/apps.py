from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Users and groups"

    def ready(self) -> None:
        from accounts import backends  # noqa: F401  (connects the admin login's bookkeeping)
