"""What review adds to an afweging (see `afweging.uitbreidingen`)."""

from __future__ import annotations

from django.db.models import Q

from afweging.uitbreidingen import Uitbreiding
from review.models import Deling


class Review(Uitbreiding):
    naam = "review"

    def bij_deelnemers_weg(self, afweging, *, gebleven):
        # A gemeente that no longer takes part loses its reviewers and its formal reaction.
        afweging.delingen.exclude(gebruiker__gemeenten__in=gebleven).delete()
        afweging.reacties.exclude(gemeente_id__in=gebleven).delete()

    def bij_nieuwe_versie(self, *, oud, kopie):
        # Reviewers keep access to the next version of what they reviewed.
        Deling.objects.bulk_create(
            Deling(afweging=kopie, gebruiker_id=d.gebruiker_id, gedeeld_door_id=d.gedeeld_door_id)
            for d in Deling.objects.filter(afweging_id=oud.pk)
        )

    def betrokkenen(self, afweging):
        return [d.gebruiker for d in afweging.delingen.select_related("gebruiker")]

    def zichtbaar(self, gebruiker):
        if gebruiker.is_gemeentesecretaris:
            return Q(delingen__gebruiker=gebruiker)
        return None

    def pagina_deel(self, pagina):
        from review.pagina import Reviewdeel

        return Reviewdeel(pagina)

    def rapport_deel(self, afweging):
        return {
            "reacties": afweging.reacties.select_related("gemeente", "auteur", "beantwoord_door")
        }
