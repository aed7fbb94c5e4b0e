from django.db import migrations

from tasks.seed import seed_links


def seed(apps, schema_editor):
    seed_links(apps.get_model("tasks", "Link"))
    if schema_editor.connection.vendor == "postgresql":
        # Ids were given explicitly: move the sequence past them.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('links', 'id'), "
                "(SELECT MAX(id) FROM links))"
            )


class Migration(migrations.Migration):
    dependencies = [("tasks", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
