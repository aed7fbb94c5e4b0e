from django.apps import AppConfig


class RpcConfig(AppConfig):
    name = "rpc"
    verbose_name = "JSON-RPC endpoint"

    def ready(self) -> None:
        from rpc import checks  # noqa: F401  (registers the system checks)
