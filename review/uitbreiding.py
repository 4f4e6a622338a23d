"""What review adds to an afweging (see `afweging.uitbreidingen`)."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from afweging.uitbreidingen import Controlepunt, Uitbreiding
from review.models import Deling
from weergave.getallen import opsomming


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

    def controlepunten(self, afweging):
        """Not blocking: a province may vaststellen without every gemeente's word, but it
        should know that it does."""
        uitkomst = reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})
        if not afweging.delingen.exists():
            return [
                Controlepunt(
                    "De afweging is met geen enkele gemeentesecretaris gedeeld: de gemeenten "
                    "hebben niet kunnen reageren.",
                    uitkomst + "#beheer-kop",
                    "Delen",
                )
            ]
        punten = []
        open_vragen = afweging.opmerkingen.filter(antwoord_op=None, antwoorden=None).count()
        if open_vragen:
            punten.append(Controlepunt(
                f"{open_vragen} opmerking{'en' if open_vragen > 1 else ''} van reviewers "
                f"{'zijn' if open_vragen > 1 else 'is'} nog niet beantwoord.",
                uitkomst + "#scores-kop", "Naar de opmerkingen",
            ))  # fmt: skip
        gewijzigd = afweging.reacties.exclude(antwoord="").exclude(eerdere_tekst="").count()
        if gewijzigd:
            punten.append(Controlepunt(
                f"{gewijzigd} formele reactie{'s zijn' if gewijzigd > 1 else ' is'} gewijzigd "
                "nadat de provincie antwoordde; het antwoord gaat over de eerdere versie.",
                uitkomst + "#reacties-kop", "Naar de reacties",
            ))  # fmt: skip
        zonder_antwoord = afweging.reacties.filter(antwoord="").count()
        if zonder_antwoord:
            punten.append(Controlepunt(
                f"{zonder_antwoord} formele reactie{'s' if zonder_antwoord > 1 else ''} "
                f"{'hebben' if zonder_antwoord > 1 else 'heeft'} nog geen antwoord van de provincie.",
                uitkomst + "#reacties-kop", "Naar de reacties",
            ))  # fmt: skip
        stil = (
            afweging.deelnemers.exclude(gemeente__in=afweging.reacties.values("gemeente"))
            .select_related("gemeente")
            .order_by("gemeente__naam")
        )
        namen = [d.gemeente.naam for d in stil]
        if namen:
            punten.append(Controlepunt(
                f"Nog geen formele reactie van {opsomming(namen)}.",
                uitkomst + "#reacties-kop", "Naar de reacties",
            ))  # fmt: skip
        return punten

    def gaat_mee_weg_met_deelnemer(self, afweging, gemeente):
        uit = []
        if afweging.reacties.filter(gemeente=gemeente).exists():
            uit.append("haar formele reactie")
        reviewers = afweging.delingen.filter(gebruiker__gemeenten=gemeente).count()
        if reviewers:
            uit.append(
                f"de toegang van {reviewers} gemeentesecretaris{'sen' if reviewers > 1 else ''}"
            )
        return uit

    def gaat_mee_weg(self, afweging):
        uit = []
        opmerkingen = afweging.opmerkingen.count()
        if opmerkingen:
            uit.append(f"{opmerkingen} opmerking{'en' if opmerkingen > 1 else ''} en antwoorden")
        reacties = [r.gemeente.naam for r in afweging.reacties.select_related("gemeente")]
        if reacties:
            uit.append(
                f"de formele reactie{'s' if len(reacties) > 1 else ''} van {opsomming(reacties)}"
            )
        delingen = afweging.delingen.count()
        if delingen:
            uit.append(
                f"de toegang van {delingen} gemeentesecretaris{'sen' if delingen > 1 else ''}"
            )
        return uit

    def rapport_deel(self, afweging):
        return {
            "reacties": afweging.reacties.select_related("gemeente", "auteur", "beantwoord_door")
        }
