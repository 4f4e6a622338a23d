from django.apps import AppConfig


class EvaluatieConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "evaluatie"
    verbose_name = "Evaluaties"

    def ready(self):
        from afweging.uitbreidingen import registreer
        from casussen import paginadelen
        from evaluatie.models import Afloop, Evaluatie
        from evaluatie.paginadelen import bij_fusieorganisatie
        from evaluatie.uitbreiding import Evaluatie as Evaluatieuitbreiding
        from paginacache import stand

        registreer(Evaluatieuitbreiding())
        paginadelen.registreer("evaluatie", bij_fusieorganisatie)
        # The uitkomst page of an afweging (cached per user) lists its evaluaties and offers
        # to start one once its fusion started: a new evaluatie (made once, then changed
        # only with update(), evaluatie/services.py) and a recorded afloop renew the stamp.
        # The oordelen do not: an evaluatie's own pages are keyed on its version.
        stand.volg(Evaluatie, Afloop)
