from django.apps import AppConfig


class BusinesscaseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "businesscase"
    verbose_name = "Businesscases van afwegingen"

    def ready(self):
        from afweging.uitbreidingen import registreer
        from businesscase.uitbreiding import Businesscase

        registreer(Businesscase())
