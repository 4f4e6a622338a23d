from django.apps import AppConfig


class AfwegingConfig(AppConfig):
    name = "afweging"
    verbose_name = "Afwegingskader en afwegingen"
