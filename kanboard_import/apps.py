from django.apps import AppConfig


class KanboardImportConfig(AppConfig):
    name = "kanboard_import"
    verbose_name = "Import from Kanboard"
