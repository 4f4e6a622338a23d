"""The business case page of an afweging: its inputs, the ten-year projection per variant
and the contribution per member, saved under the afweging's optimistic lock. A reviewer
with whom the afweging is shared reads it: the same figures and charts, no form."""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from afweging import services
from afweging.models import Afweging
from afweging.toegang import adviseur_of_reviewer, is_eigenaar, weiger
from afweging.views.pagina import Afwegingpagina, geposte_versie, laad, licht
from businesscase import berekening, grafieken
from businesscase import services as businesscase_services
from businesscase.forms import BusinesscaseForm, BusinesscaseVariantFormSet


def formulieren(afweging: Afweging, data=None):
    businesscase = berekening.businesscase_van(afweging)
    form = BusinesscaseForm(data, instance=businesscase, deelnemers=list(afweging.deelnemers.all()))
    varianten = BusinesscaseVariantFormSet(
        data, queryset=businesscase.varianten.order_by("-soort"), prefix="varianten"
    )
    return form, varianten


class Businesscasepagina(Afwegingpagina):
    def __init__(self, request, afweging, *, formulieren=None, conflict=None, versie=None):
        super().__init__(
            request, afweging, formulieren=formulieren, status=409 if conflict else 200
        )
        self.conflict = conflict
        self.versie = afweging.versie if versie is None else versie

    @cached_property
    def forms(self):
        if not self.eigenaar:  # A reader gets no form (and reading writes nothing).
            return {"form": None, "varianten_formset": None}
        form, varianten = self.formulieren.get("forms") or formulieren(self.volledig)
        return {"form": form, "varianten_formset": varianten}

    @cached_property
    def doorrekening(self) -> berekening.Doorrekening:
        if not self.eigenaar:
            return berekening.bereken(self.volledig)
        return berekening.bereken(self.volledig, self.forms["form"].instance)

    @cached_property
    def varianten(self) -> list:
        namen = berekening.variantnamen(self.volledig)
        if not self.eigenaar:
            return []
        return [(namen.get(f.instance.soort, ""), f) for f in self.forms["varianten_formset"].forms]

    @cached_property
    def uitgangspunten(self) -> list:
        """For a reader: per variant its name and assumptions, as saved (or the defaults)."""
        businesscase = self.doorrekening.businesscase
        namen = berekening.variantnamen(self.volledig)
        varianten = (
            businesscase.standaardvarianten
            if businesscase.pk is None
            else list(businesscase.varianten.order_by("-soort"))
        )
        return [(namen.get(v.soort, ""), v) for v in varianten]

    @cached_property
    def vaste_verdeling(self) -> list:
        """For a reader: the fixed split per member, when that is the key."""
        vast = self.doorrekening.businesscase.vaste_verdeling
        return [
            (d.gemeente.naam, vast.get(d.gemeente.code)) for d in self.volledig.deelnemers.all()
        ]

    @cached_property
    def grafiek(self):
        projecties = self.doorrekening.projecties
        return grafieken.businesscase_grafiek(projecties) if projecties else None

    @cached_property
    def bijdragen_grafiek(self):
        bijdragen = self.doorrekening.bijdragen
        return grafieken.bijdragen_grafiek(bijdragen) if bijdragen else None


def _toon(request, pagina: Businesscasepagina):
    return render(request, "businesscase/businesscase.html", pagina.context(), status=pagina.status)


@require_http_methods(["GET", "POST"])
@adviseur_of_reviewer
def businesscase_view(request, pk):
    if request.method == "GET":
        return _toon(request, Businesscasepagina(request, licht(request, pk)))
    afweging = laad(request, pk)
    if not is_eigenaar(request.user, afweging):
        weiger(
            "U kunt de businesscase lezen; alleen de adviseurs van de provincie passen haar aan."
        )
    form, varianten = formulieren(afweging, request.POST)
    if afweging.status == Afweging.Status.VASTGESTELD:
        weiger("Een vastgestelde afweging kan niet meer worden gewijzigd.")
    conflict = None
    versie = geposte_versie(request)
    if versie != afweging.versie:
        conflict = str(services.Conflict(afweging))
    elif form.is_valid() and varianten.is_valid():
        try:
            businesscase_services.opslaan(
                afweging=afweging, form=form, varianten=varianten, versie=versie,
                door=request.user,
            )  # fmt: skip
        except services.Conflict as fout:
            conflict = str(fout)
        else:
            messages.success(request, "De businesscase is bijgewerkt.")
            return redirect("afweging:businesscase", pk=afweging.pk)
    pagina = Businesscasepagina(
        request, afweging, formulieren={"forms": (form, varianten)}, conflict=conflict,
        versie=versie,
    )  # fmt: skip
    # The figures shown are those of the saved business case: computed now, before the
    # template's look at the errors validates the forms (which writes what was typed onto
    # the instance).
    pagina.doorrekening  # noqa: B018
    return _toon(request, pagina)
