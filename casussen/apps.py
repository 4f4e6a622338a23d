from django.apps import AppConfig


class CasussenConfig(AppConfig):
    name = "casussen"
    verbose_name = "Gemeenten, fusieorganisaties en casussen"

    def ready(self):
        from casussen import stand

        stand.verbind()
