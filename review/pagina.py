"""Review's part of an afweging's uitkomst page: the opmerkingen per deelvraag, the formal
reacties, with whom it is shared, and the forms to add to them."""

from __future__ import annotations

from functools import cached_property

from casussen.models import Gemeente
from review import toegang
from review.forms import DelenForm, OpmerkingForm, ReactieForm
from review.services import kandidaat_reviewers


def reactie_gemeenten(gebruiker, afweging):
    """The deelnemende gemeenten this reviewer may react for: their own."""
    if not toegang.is_reviewer(gebruiker, afweging):
        return Gemeente.objects.none()
    return Gemeente.objects.filter(
        pk__in=afweging.deelnemers.values("gemeente"), secretarissen=gebruiker
    )


def reactie_form(gebruiker, afweging, data=None) -> ReactieForm:
    return ReactieForm(data, gemeenten=reactie_gemeenten(gebruiker, afweging))


class Reviewdeel:
    def __init__(self, pagina):
        self.pagina = pagina
        self.afweging = pagina.afweging
        self.gebruiker = pagina.request.user

    @cached_property
    def reviewer(self) -> bool:
        return toegang.is_reviewer(self.gebruiker, self.afweging)

    @cached_property
    def opmerkingen(self) -> dict[int, list]:
        """Top-level comments per deelvraag number, each with its answers."""
        per_nummer: dict[int, list] = {}
        alle = list(
            self.afweging.opmerkingen.select_related("auteur", "deelvraag").order_by("geplaatst")
        )
        for opmerking in alle:
            if opmerking.antwoord_op_id is None:
                opmerking.reacties = [o for o in alle if o.antwoord_op_id == opmerking.pk]
                per_nummer.setdefault(opmerking.deelvraag.nummer, []).append(opmerking)
        return per_nummer

    @cached_property
    def reacties(self):
        return self.afweging.reacties.select_related("gemeente", "auteur", "beantwoord_door")

    @cached_property
    def mijn_termijn(self):
        """The reactietermijn the provincie gave this reviewer (None: none)."""
        deling = self.afweging.delingen.filter(gebruiker=self.gebruiker).first()
        return deling.reactietermijn if deling else None

    @cached_property
    def delingen(self):
        return self.afweging.delingen.select_related("gebruiker")

    @cached_property
    def opmerking_form(self) -> OpmerkingForm:
        return self.pagina.formulieren.get("opmerking_form") or OpmerkingForm()

    @cached_property
    def reactie_form(self) -> ReactieForm:
        return self.pagina.formulieren.get("reactie_form") or reactie_form(
            self.gebruiker, self.afweging
        )

    @cached_property
    def delen_form(self) -> DelenForm:
        return self.pagina.formulieren.get("delen_form") or DelenForm(
            kandidaten=kandidaat_reviewers(self.afweging).prefetch_related("gemeenten")
        )
