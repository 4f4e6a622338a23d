"""The data stamp moves from casussen to the page cache app; the row stays in its table."""

from django.db import migrations, models

from config.migraties import verplaats_contenttypes


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("casussen", "0002_gegevensstand"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The table stays where it is (db_table): only Django's idea of which app
            # holds the model changes.
            state_operations=[
                migrations.CreateModel(
                    name="Gegevensstand",
                    fields=[
                        (
                            "sleutel",
                            models.CharField(max_length=40, primary_key=True, serialize=False),
                        ),
                        ("stempel", models.CharField(max_length=32)),
                        ("bijgewerkt", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "verbose_name": "gegevensstand",
                        "verbose_name_plural": "gegevensstanden",
                        "db_table": "casussen_gegevensstand",
                    },
                ),
            ],
        ),
        verplaats_contenttypes("casussen", "paginacache", ["gegevensstand"]),
    ]
