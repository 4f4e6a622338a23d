from django.apps import AppConfig
from django.db.models.signals import post_migrate


class GebruikersConfig(AppConfig):
    name = "gebruikers"
    verbose_name = "Gebruikers en rollen"

    def ready(self) -> None:
        from django.contrib.auth.models import Group

        from gebruikers import rolwijzigingen
        from gebruikers.rollen import zorg_voor_groepen
        from paginacache import stand

        # Who may review, and who sees what, hangs on users, their gemeenten and their
        # roles (groups): cached pages show it.
        stand.volg(*self.get_models(), Group)
        # Every change of a user's rights is recorded, whichever way it is made.
        rolwijzigingen.volg()

        # Groups need the permissions of every app, which the auth app creates in its own
        # post_migrate handler per app; running after each app keeps the groups complete
        # whatever the order (it is idempotent and cheap).
        post_migrate.connect(zorg_voor_groepen, dispatch_uid="fusietoets_groepen")
