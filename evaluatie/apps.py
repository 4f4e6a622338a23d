from django.apps import AppConfig


class EvaluatieConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "evaluatie"
    verbose_name = "Evaluaties"

    def ready(self):
        from afweging.uitbreidingen import registreer
        from evaluatie.uitbreiding import Evaluatie

        registreer(Evaluatie())
        # An afloop is a row of an afweging, recorded in its history, so the afweging's own
        # pages see it through their stand; the terugblik is keyed on the aflopen as well
        # (evaluatie.selectors.terugblikstand). The reference stamp is not renewed for it.
