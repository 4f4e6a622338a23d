"""What the business case adds to an afweging (see `afweging.uitbreidingen`)."""

from __future__ import annotations

from functools import cached_property

from afweging.uitbreidingen import Uitbreiding


class Businesscasedeel:
    """The summary beside deelvraag 1 and on the uitkomst page."""

    template = "businesscase/_kort.html"
    naast_deelvragen = (1,)  # bijdrage aan de bedrijfsvoering

    def __init__(self, afweging):
        self.afweging = afweging

    @cached_property
    def doorrekening(self):
        from businesscase.berekening import bereken

        return bereken(self.afweging)


class Businesscase(Uitbreiding):
    naam = "businesscase"

    def bij_aanmaken(self, afweging):
        from businesscase.berekening import businesscase_van

        businesscase_van(afweging)

    def bij_nieuwe_versie(self, *, oud, kopie):
        from businesscase.models import Businesscase, BusinesscaseVariant

        oud_bc = Businesscase.objects.filter(afweging_id=oud.pk).first()
        if oud_bc is None:
            return
        varianten = list(oud_bc.varianten.all())
        oud_bc.pk = None
        oud_bc.afweging = kopie
        oud_bc.save()
        for variant in varianten:
            variant.pk = None
            variant.businesscase = oud_bc
        BusinesscaseVariant.objects.bulk_create(varianten)

    def pagina_deel(self, pagina):
        return Businesscasedeel(pagina.volledig)

    def gaat_mee_weg(self, afweging):
        from businesscase.models import Businesscase

        return (
            ["de businesscase"] if Businesscase.objects.filter(afweging=afweging).exists() else []
        )

    def signalen(self, afweging, *, uitkomst):
        from businesscase.signalen import signalen

        return signalen(afweging, uitkomst=uitkomst)

    def rapport_deel(self, afweging):
        from businesscase.berekening import bereken
        from businesscase.grafieken import businesscase_svg
        from weergave.svg import als_data_uri

        doorrekening = bereken(afweging)
        return {
            "doorrekening": doorrekening,
            "svg": als_data_uri(businesscase_svg(doorrekening.projecties))
            if doorrekening.projecties
            else "",
        }
