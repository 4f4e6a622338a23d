from django.apps import AppConfig


class EvaluatieConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "evaluatie"
    verbose_name = "Evaluaties"

    def ready(self):
        from afweging.uitbreidingen import registreer
        from evaluatie.models import Afloop
        from evaluatie.uitbreiding import Evaluatie
        from paginacache import stand

        registreer(Evaluatie())
        # The terugblik page counts the recorded aflopen.
        stand.volg(Afloop)
