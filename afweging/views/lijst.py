"""The list of afwegingen a user may see, and the page that starts a new one."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from afweging import selectors, services
from afweging.forms import AfwegingForm, StatusFilterForm
from afweging.models import Deelnemer
from afweging.toegang import adviseur_of_reviewer, afwegingen_voor, alleen_adviseur


@require_GET
@adviseur_of_reviewer
def lijst_view(request):
    form = StatusFilterForm(request.GET or None)
    afwegingen = (
        afwegingen_voor(request.user)
        .select_related("aangemaakt_door", "gewijzigd_door", "kader", "provincie")
        .prefetch_related(
            Prefetch("deelnemers", queryset=Deelnemer.objects.select_related("gemeente__provincie"))
        )
    )
    if form.is_valid() and form.cleaned_data["status"]:
        afwegingen = afwegingen.filter(status=form.cleaned_data["status"])
    # "Laatst gewijzigd" is the last entry in the history: opmerkingen and reacties too.
    afwegingen = selectors.laatst_gewijzigd_door(
        selectors.met_laatste_wijziging(afwegingen.defer("vastgestelde_pdf"))
    )
    return render(
        request,
        "afweging/lijst.html",
        {
            "form": form,
            "afwegingen": afwegingen,
            "provincie": request.user.provincie,
            "als_reviewer": not request.user.is_adviseur,
        },
    )


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def nieuw_view(request):
    form = AfwegingForm(request.POST or None, provincie=request.user.provincie)
    if request.method == "POST" and form.is_valid():
        velden = {
            veld: form.cleaned_data[veld]
            for veld in AfwegingForm.Meta.fields
            if veld != "gemeenten"
        }
        try:
            afweging = services.afweging_aanmaken(
                door=request.user, velden=velden, gemeenten=form.cleaned_data["gemeenten"]
            )
        except services.KaderOntbreekt:
            messages.error(
                request,
                "Er is nog geen gepubliceerd afwegingskader. Vraag de beheerder de "
                "referentiegegevens te laden; uw invoer staat hieronder nog.",
            )
            return render(request, "afweging/nieuw.html", {"form": form})
        messages.success(request, "De afweging is aangemaakt. Vul nu per deelnemer de context in.")
        # The fragment tells the page that the copy the browser kept of this form is
        # no longer needed (static/js/afweging.js).
        return redirect(
            reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "deelnemers"})
            + "#aangemaakt"
        )
    return render(request, "afweging/nieuw.html", {"form": form})
