"""The data stamp now lives in the page cache app (see its 0001); here it leaves casussen's
state, and its table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("casussen", "0002_gegevensstand"),
        ("paginacache", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Gegevensstand")],
        ),
    ]
