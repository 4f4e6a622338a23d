from django.apps import AppConfig


class EvaluatieConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "evaluatie"
    verbose_name = "Evaluaties"
