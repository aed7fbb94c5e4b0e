from django.db import migrations


def mark_seeded_admin(apps, schema_editor):
    """The seeded ``admin`` (the first account) shows ``is_admin: 1``, as in Kanboard."""
    user_model = apps.get_model("accounts", "User")
    first = user_model.objects.order_by("id").first()
    if first is not None and first.username == "admin":
        user_model.objects.filter(pk=first.pk).update(is_admin=1)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_twofactor_steps")]

    operations = [migrations.RunPython(mark_seeded_admin, migrations.RunPython.noop)]
