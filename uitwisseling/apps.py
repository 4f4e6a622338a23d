from django.apps import AppConfig


class UitwisselingConfig(AppConfig):
    name = "uitwisseling"
    verbose_name = "Uitwisseling van afwegingen (export en import)"
