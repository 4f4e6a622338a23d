"""The review actions on an afweging: share it, comment, react, answer; record a reactie
received by letter or e-mail; stop sharing with a reviewer.

Each reads its input through a form, calls one service, and redirects; a form with errors
is shown again with what was typed (on the uitkomst page for the actions there)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from afweging.meldingen import naam
from afweging.models import Afweging
from afweging.toegang import (
    adviseur_of_reviewer,
    alleen_adviseur,
    alleen_reviewer,
    is_eigenaar,
    weiger,
)
from afweging.views.pagina import laad, licht
from afweging.views.uitkomst import toon_uitkomst
from kader.models import Deelvraag
from review import services
from review.forms import DelenForm, OpmerkingForm, ReactieAntwoordForm
from review.models import Opmerking
from review.pagina import Namenspagina, Stopdelenpagina, namens_form, reactie_form
from review.toegang import is_reviewer


@require_POST
@adviseur_of_reviewer
def opmerking_view(request, pk):
    afweging = laad(request, pk)
    form = OpmerkingForm.uit_post(request.POST)
    eigenaar, reviewer = is_eigenaar(request.user, afweging), is_reviewer(request.user, afweging)
    if form.is_valid():
        antwoord_op = deelvraag = None
        if form.cleaned_data["antwoord_op"]:
            antwoord_op = (
                Opmerking.objects.select_related("deelvraag")
                .filter(afweging=afweging, pk=form.cleaned_data["antwoord_op"], antwoord_op=None)
                .first()
            )
            # An answer belongs where the comment is.
            deelvraag = antwoord_op.deelvraag if antwoord_op else None
        elif form.cleaned_data["deelvraag"] is not None:
            deelvraag = Deelvraag.objects.filter(
                onderdeel__kader=afweging.kader, nummer=form.cleaned_data["deelvraag"]
            ).first()
        # Reviewers comment; the adviseur answers their comments.
        toegestaan = (reviewer and antwoord_op is None) or (eigenaar and antwoord_op is not None)
        if deelvraag is None:
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
            messages.success(
                request,
                f"Uw {'antwoord' if antwoord_op else 'opmerking'} bij deelvraag "
                f"{deelvraag.nummer} is geplaatst.",
            )
            return redirect(f"{afweging.get_absolute_url()}#dv-opmerkingen-{deelvraag.nummer}")
    return toon_uitkomst(request, afweging, formulieren={"opmerking_form": form}, status=400)


def _na_conflict(request, conflict):
    """What was typed, on the version of the reactie now shown: posting it again replaces
    that reactie (the user has seen it)."""
    data = request.POST.copy()
    data["versie"] = conflict.reactie.versie
    return data


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
                versie=form.cleaned_data["versie"],
            )  # fmt: skip
        except services.NietToegestaan as fout:
            weiger(str(fout))
        except services.ReactieConflict as conflict:
            form = reactie_form(request.user, afweging, _na_conflict(request, conflict))
            formulieren = {"reactie_form": form, "reactieconflict": conflict}
            return toon_uitkomst(request, afweging, formulieren=formulieren, status=409)
        messages.success(request, "Uw formele reactie is vastgelegd.")
        return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
    return toon_uitkomst(request, afweging, formulieren={"reactie_form": form}, status=400)


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def reactie_namens_view(request, pk, code):
    afweging = laad(request, pk) if request.method == "POST" else licht(request, pk)
    deelnemer = get_object_or_404(
        afweging.deelnemers.select_related("gemeente"), gemeente__code=code.upper()
    )
    gemeente = deelnemer.gemeente
    if afweging.status == Afweging.Status.VASTGESTELD:
        messages.info(request, "Op een vastgestelde afweging kan niet meer worden gereageerd.")
        return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
    if request.method == "GET":
        pagina = Namenspagina(request, afweging, gemeente=gemeente)
        return render(request, "review/namens.html", pagina.context())
    form = namens_form(request.POST)
    if form.is_valid():
        try:
            services.reactie_geven(
                afweging=afweging, gemeente=gemeente, auteur=request.user,
                standpunt=form.cleaned_data["standpunt"], tekst=form.cleaned_data["tekst"],
                versie=form.cleaned_data["versie"],
                ontvangen_per=form.cleaned_data["ontvangen_per"],
            )  # fmt: skip
        except services.NietToegestaan as fout:
            weiger(str(fout))
        except services.ReactieConflict as conflict:
            pagina = Namenspagina(
                request, afweging, gemeente=gemeente,
                form=namens_form(_na_conflict(request, conflict)),
                conflict=conflict, status=409,
            )  # fmt: skip
            return render(request, "review/namens.html", pagina.context(), status=409)
        messages.success(request, f"De reactie van {gemeente.naam} is vastgelegd.")
        return redirect(f"{afweging.get_absolute_url()}#reactie-{gemeente.code}")
    pagina = Namenspagina(request, afweging, gemeente=gemeente, form=form, status=400)
    return render(request, "review/namens.html", pagina.context(), status=400)


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


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def delen_stoppen_view(request, pk, deling_pk):
    afweging = licht(request, pk)
    deling = get_object_or_404(afweging.delingen.select_related("gebruiker"), pk=deling_pk)
    if request.method == "GET":
        pagina = Stopdelenpagina(request, afweging, deling=deling)
        return render(request, "review/delen_stoppen.html", pagina.context())
    services.delen_stoppen(deling=deling, door=request.user)
    wie = naam(deling.gebruiker)
    messages.success(
        request,
        f"Het delen met {wie} is gestopt: {wie} kan de afweging niet meer openen. De "
        "opmerkingen en de reactie blijven staan.",
    )
    return redirect(f"{afweging.get_absolute_url()}#beheer-kop")


@require_POST
@alleen_adviseur
def reactie_antwoord_view(request, pk, reactie_pk):
    afweging = laad(request, pk)
    reactie = get_object_or_404(
        afweging.reacties.select_related("gemeente", "auteur"), pk=reactie_pk
    )
    form = ReactieAntwoordForm(request.POST, reactie=reactie)
    if not form.is_valid():
        formulieren = {"reactie_antwoord_form": form}
        return toon_uitkomst(request, afweging, formulieren=formulieren, status=400)
    tekst = form.cleaned_data["antwoord"]
    try:
        services.reactie_beantwoorden(reactie=reactie, door=request.user, tekst=tekst[:10000])
    except services.NietToegestaan as fout:
        weiger(str(fout))
    messages.success(request, f"Uw antwoord aan {reactie.gemeente.naam} is vastgelegd.")
    return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
