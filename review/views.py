"""The review actions on an afweging's uitkomst page: share it, comment, react, answer.

Each reads its input through a form, calls one service, and redirects; a form with errors
is shown again on the uitkomst page with what was typed."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from afweging.toegang import (
    adviseur_of_reviewer,
    alleen_adviseur,
    alleen_reviewer,
    is_eigenaar,
    weiger,
)
from afweging.views.pagina import laad
from afweging.views.uitkomst import toon_uitkomst
from kader.models import Deelvraag
from review import services
from review.forms import DelenForm, OpmerkingForm
from review.models import Opmerking
from review.pagina import reactie_form
from review.toegang import is_reviewer


@require_POST
@adviseur_of_reviewer
def opmerking_view(request, pk):
    afweging = laad(request, pk)
    form = OpmerkingForm(request.POST)
    eigenaar, reviewer = is_eigenaar(request.user, afweging), is_reviewer(request.user, afweging)
    if form.is_valid():
        deelvraag = Deelvraag.objects.filter(
            onderdeel__kader=afweging.kader, nummer=form.cleaned_data["deelvraag"]
        ).first()
        antwoord_op = None
        if form.cleaned_data["antwoord_op"]:
            antwoord_op = Opmerking.objects.filter(
                afweging=afweging, pk=form.cleaned_data["antwoord_op"], antwoord_op__isnull=True
            ).first()
        # Reviewers comment; the adviseur answers their comments.
        toegestaan = (reviewer and antwoord_op is None) or (eigenaar and antwoord_op is not None)
        if deelvraag is None or (form.cleaned_data["antwoord_op"] and antwoord_op is None):
            form.add_error(None, "Deze opmerking hoort niet bij deze afweging.")
        elif not toegestaan:
            weiger("Reviewers plaatsen opmerkingen; de adviseur beantwoordt ze.")
        else:
            try:
                services.opmerking_plaatsen(
                    afweging=afweging, deelvraag=deelvraag, auteur=request.user,
                    tekst=form.cleaned_data["tekst"], antwoord_op=antwoord_op,
                )  # fmt: skip
            except services.NietToegestaan as fout:
                weiger(str(fout))
            messages.success(request, "Uw opmerking is geplaatst.")
            return redirect(f"{afweging.get_absolute_url()}#dv-opmerkingen-{deelvraag.nummer}")
    return toon_uitkomst(request, afweging, formulieren={"opmerking_form": form}, status=400)


@require_POST
@alleen_reviewer
def reactie_view(request, pk):
    afweging = laad(request, pk)
    if not is_reviewer(request.user, afweging):
        weiger("Deze afweging is niet met u gedeeld.")
    form = reactie_form(request.user, afweging, request.POST)
    if form.is_valid():
        try:
            services.reactie_geven(
                afweging=afweging, gemeente=form.cleaned_data["gemeente"], auteur=request.user,
                standpunt=form.cleaned_data["standpunt"], tekst=form.cleaned_data["tekst"],
            )  # fmt: skip
        except services.NietToegestaan as fout:
            weiger(str(fout))
        messages.success(request, "Uw formele reactie is vastgelegd.")
        return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
    return toon_uitkomst(request, afweging, formulieren={"reactie_form": form}, status=400)


@require_POST
@alleen_adviseur
def delen_view(request, pk):
    afweging = laad(request, pk)
    form = DelenForm(request.POST, kandidaten=services.kandidaat_reviewers(afweging))
    if form.is_valid():
        try:
            aantal = services.delen(
                afweging=afweging,
                gebruikers=form.cleaned_data["gebruikers"],
                door=request.user,
                reactietermijn=form.cleaned_data["reactietermijn"],
            )
        except services.NietToegestaan as fout:
            weiger(str(fout))
        messages.success(
            request, f"Gedeeld met {aantal} gemeentesecretaris(sen); zij kregen een e-mail."
        )
        return redirect(afweging.get_absolute_url())
    return toon_uitkomst(request, afweging, formulieren={"delen_form": form}, status=400)


@require_POST
@alleen_adviseur
def reactie_antwoord_view(request, pk, reactie_pk):
    afweging = laad(request, pk)
    reactie = get_object_or_404(
        afweging.reacties.select_related("gemeente", "auteur"), pk=reactie_pk
    )
    tekst = request.POST.get("antwoord", "").strip()
    if not tekst:
        messages.error(request, "Schrijf eerst uw antwoord op de reactie.")
    else:
        try:
            services.reactie_beantwoorden(reactie=reactie, door=request.user, tekst=tekst[:10000])
        except services.NietToegestaan as fout:
            weiger(str(fout))
        messages.success(request, f"Uw antwoord aan {reactie.gemeente.naam} is vastgelegd.")
    return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
