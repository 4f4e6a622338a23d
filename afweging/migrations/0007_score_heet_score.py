"""One name per term: the −2…+2 on a deelvraag is its score (an oordeel is verstandig,
effectief or duurzaam). The column is renamed; every value stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("afweging", "0006_modellen_naar_eigen_apps"),
    ]

    operations = [
        migrations.RenameField(model_name="antwoord", old_name="oordeel", new_name="score"),
    ]
