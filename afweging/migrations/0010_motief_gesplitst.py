"""The motive 'Herindeling voorkomen of erop vooruitlopen' is split into its two opposites,
'herindeling_voorkomen' and 'herindeling_vooruitlopen'.

Forward, no row changes: which half a stored 'herindeling' meant is the adviseur's to say,
so it stays as the old, joint choice (afweging.models.MOTIEF_ONGESPLITST), shown with a
note and a signal until someone chooses. Backward, either half becomes 'herindeling'
again: the code before this migration knows no other, and would drop an unknown code
from the form on the next save. That is no guess: the old choice held both halves.
"""

from django.db import migrations, models

OUD = "herindeling"
NIEUW = ("herindeling_voorkomen", "herindeling_vooruitlopen")


def samenvoegen(apps, schema_editor):
    Deelnemer = apps.get_model("afweging", "Deelnemer")
    gewijzigd = []
    for deelnemer in Deelnemer.objects.only("pk", "motieven").iterator():
        motieven = deelnemer.motieven or []
        if not any(code in NIEUW for code in motieven):
            continue
        samen = []
        for code in motieven:
            code = OUD if code in NIEUW else code
            if code not in samen:
                samen.append(code)
        deelnemer.motieven = samen
        gewijzigd.append(deelnemer)
    Deelnemer.objects.bulk_update(gewijzigd, ["motieven"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("afweging", "0009_gezien"),
    ]

    operations = [
        migrations.AlterField(
            model_name="deelnemer",
            name="motieven",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text=(
                    "Codes uit MOTIEVEN; ‘herindeling’ is de oude keuze ‘Herindeling voorkomen "
                    "of erop vooruitlopen’, die blijft staan tot de adviseur een van beide kiest."
                ),
            ),
        ),
        migrations.RunPython(migrations.RunPython.noop, samenvoegen),
    ]
