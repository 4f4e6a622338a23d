from django.apps import AppConfig


class WeergaveConfig(AppConfig):
    """How numbers, charts and colours are shown; no models, and no domain app imported."""

    name = "weergave"
    verbose_name = "Weergave"
