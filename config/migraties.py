"""Helpers for migrations that move models between apps."""

from django.db import migrations


def verplaats_contenttypes(van: str, naar: str, modellen: list[str]) -> migrations.RunPython:
    """Permissions and admin log entries hang off content types: point the existing ones at
    the app the models moved to, instead of letting Django make new ones and orphan the
    old (a fresh database has none yet, and gets the new ones after migrating)."""

    def vooruit(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in modellen:
            if not ContentType.objects.filter(app_label=naar, model=model).exists():
                ContentType.objects.filter(app_label=van, model=model).update(app_label=naar)

    def terug(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=naar, model__in=modellen).update(app_label=van)

    return migrations.RunPython(vooruit, terug)
