from django.db import migrations

from accounts.seed import seed_admin, seed_settings


def seed(apps, schema_editor):
    seed_settings(apps.get_model("accounts", "Setting"))
    seed_admin(apps.get_model("accounts", "User"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
