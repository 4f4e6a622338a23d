"""Vaststellen an afweging, and starting a new version of a vastgestelde one."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from afweging import services
from afweging.forms import VersieForm
from afweging.models import Afweging
from afweging.toegang import alleen_adviseur, weiger
from afweging.views.pagina import laad
from config.pdf import PdfFout


@require_POST
@alleen_adviseur
def vaststellen_view(request, pk):
    afweging = laad(request, pk)
    form = VersieForm(request.POST)
    if not form.is_valid():
        weiger("Ongeldig verzoek.")
    if afweging.status == Afweging.Status.VASTGESTELD:
        messages.info(request, "Deze afweging is al vastgesteld.")
        return redirect(afweging.get_absolute_url())
    try:
        services.vaststellen(
            afweging=afweging, versie=form.cleaned_data["versie"], door=request.user
        )
    except (services.Conflict, services.NietToegestaan) as fout:
        messages.error(request, str(fout))
    except PdfFout:
        messages.error(
            request,
            "De PDF kon niet worden gemaakt, daarom is de afweging niet vastgesteld. "
            "Probeer het opnieuw of meld het de beheerder.",
        )
    else:
        messages.success(request, "De afweging is vastgesteld; de PDF van dit moment is bewaard.")
    return redirect(afweging.get_absolute_url())


@require_POST
@alleen_adviseur
def nieuwe_versie_view(request, pk):
    afweging = laad(request, pk)
    try:
        kopie = services.nieuwe_versie(afweging=afweging, door=request.user)
    except services.NietToegestaan as fout:
        messages.error(request, str(fout))
        return redirect(afweging.get_absolute_url())
    messages.success(request, "Nieuwe versie gemaakt; de vastgestelde versie blijft ongewijzigd.")
    return redirect("afweging:stap", pk=kopie.pk, stap="basis")
