from django.db import models


class DataVersion(models.Model):
    """The version of a scope of data: a project's (scope = its id) or the global data's
    (scope 0). Database triggers (data_versions/triggers.py) give it a new value with
    every change to a table that the cached reads show; nothing in Python writes it."""

    scope = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField()

    class Meta:
        db_table = "data_versions"

    def __str__(self) -> str:
        return f"scope {self.scope}: version {self.version}"
