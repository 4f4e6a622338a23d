"""Since which version every save was by the last one who saved: a save based on an
older version of one's own is no conflict. Existing afwegingen start at their current
version, so no save from before this migration is taken for one's own."""

from django.db import migrations, models
from django.db.models import F


def vul(apps, schema_editor):
    apps.get_model("afweging", "Afweging").objects.update(eigen_sinds=F("versie"))


class Migration(migrations.Migration):
    dependencies = [
        ("afweging", "0007_score_heet_score"),
    ]

    operations = [
        migrations.AddField(
            model_name="afweging",
            name="eigen_sinds",
            field=models.PositiveIntegerField(
                default=1,
                help_text="Vanaf deze versie is elke opslag gedaan door wie het laatst opsloeg.",
            ),
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
    ]
