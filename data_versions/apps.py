from django.apps import AppConfig


class DataVersionsConfig(AppConfig):
    name = "data_versions"
    verbose_name = "Data versions"
