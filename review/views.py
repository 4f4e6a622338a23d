"""The review actions on an afweging: share it, comment, react, answer; record a reactie
received by letter or e-mail; stop sharing with a reviewer.

Each reads its input through a form, calls one service, and redirects; a form with errors
is shown again with what was typed (on the uitkomst page for the actions there)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from afweging.meldingen import naam
from afweging.models import Beoordeling
from afweging.toegang import (
    adviseur_of_reviewer,
    alleen_adviseur,
    alleen_reviewer,
    is_eigenaar,
    is_meelezer,
    weiger,
)
from afweging.views.pagina import laad, licht
from afweging.views.uitkomst import toon_uitkomst
from review import services
from review.forms import DelenForm, OpmerkingForm
from review.models import Opmerking
from review.onderwerp import onderwerp_van
from review.pagina import (
    Namenspagina,
    Stopdelenpagina,
    antwoord_form,
    namens_form,
    reactie_form,
)
from review.toegang import is_reviewer


def _opmerking_doel(form, onderwerp) -> tuple:
    """The place and the opmerking answered that a valid form names; (None, None): none
    of this afweging or evaluatie."""
    antwoord_op = plek = None
    if form.cleaned_data["antwoord_op"]:
        antwoord_op = (
            Opmerking.objects.select_related(onderwerp.plekveld)
            .filter(**onderwerp.filter(), pk=form.cleaned_data["antwoord_op"], antwoord_op=None)
            .first()
        )
        # An answer belongs where the comment is.
        plek = onderwerp.plek(antwoord_op) if antwoord_op else None
    elif form.cleaned_data["deelvraag"] is not None:
        plek = onderwerp.plek_van(form.cleaned_data["deelvraag"])
    return plek, antwoord_op


def opmerking_verwerken(request, onderwerp, form, *, eigenaar: bool, commentator: bool):
    """Place the opmerking (or answer) a form posts; gives its place, or None with the
    error on the form. Reviewers and the adviseurs of another provincie with a deelnemer
    (`commentator`) comment; the adviseur of the leading provincie answers."""
    if not form.is_valid():
        return None
    plek, antwoord_op = _opmerking_doel(form, onderwerp)
    toegestaan = (commentator and antwoord_op is None) or (eigenaar and antwoord_op is not None)
    if plek is None:
        form.add_error(None, f"Deze opmerking hoort niet bij deze {onderwerp.woord}.")
        return None
    if not toegestaan:
        weiger("Reviewers plaatsen opmerkingen; de adviseur beantwoordt ze.")
    try:
        services.opmerking_plaatsen(
            onderwerp=onderwerp, plek=plek, auteur=request.user,
            tekst=form.cleaned_data["tekst"], antwoord_op=antwoord_op,
        )  # fmt: skip
    except services.NietToegestaan as fout:
        weiger(str(fout))
    messages.success(
        request,
        f"Uw {'antwoord' if antwoord_op else 'opmerking'} bij {onderwerp.plek_naam(plek)} is "
        "geplaatst.",
    )
    return plek


@require_POST
@adviseur_of_reviewer
def opmerking_view(request, pk):
    afweging = laad(request, pk)
    form = OpmerkingForm.uit_post(request.POST)
    plek = opmerking_verwerken(
        request, onderwerp_van(afweging), form,
        eigenaar=is_eigenaar(request.user, afweging),
        commentator=is_reviewer(request.user, afweging) or is_meelezer(request.user, afweging),
    )  # fmt: skip
    if plek is not None:
        return redirect(f"{afweging.get_absolute_url()}#dv-opmerkingen-{plek.nummer}")
    return toon_uitkomst(request, afweging, formulieren={"opmerking_form": form}, status=400)


def _na_conflict(request, conflict):
    """What was typed, on the version of the reactie now shown: posting it again replaces
    that reactie (the user has seen it)."""
    data = request.POST.copy()
    data["versie"] = conflict.reactie.versie
    return data


def reactie_verwerken(request, rij) -> tuple[dict | None, int]:
    """Give or amend the formal reactie a reviewer posts. (None, 200): given; else the
    forms to show again (with what was typed) and the status to answer with."""
    if not is_reviewer(request.user, rij):
        weiger(f"Deze {onderwerp_van(rij).woord} is niet met u gedeeld.")
    form = reactie_form(request.user, rij, request.POST)
    if not form.is_valid():
        return {"reactie_form": form}, 400
    try:
        services.reactie_geven(
            onderwerp=rij, gemeente=form.cleaned_data["gemeente"], auteur=request.user,
            standpunt=form.cleaned_data["standpunt"], tekst=form.cleaned_data["tekst"],
            versie=form.cleaned_data["versie"],
        )  # fmt: skip
    except services.NietToegestaan as fout:
        weiger(str(fout))
    except services.ReactieConflict as conflict:
        form = reactie_form(request.user, rij, _na_conflict(request, conflict))
        return {"reactie_form": form, "reactieconflict": conflict}, 409
    messages.success(request, "Uw formele reactie is vastgelegd.")
    return None, 200


@require_POST
@alleen_reviewer
def reactie_view(request, pk):
    afweging = laad(request, pk)
    formulieren, status = reactie_verwerken(request, afweging)
    if formulieren is None:
        return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
    return toon_uitkomst(request, afweging, formulieren=formulieren, status=status)


def namens(request, rij, gemeente):
    """The page where an adviseur records a reactie the gemeente sent by letter or e-mail,
    and its post: for an afweging and an evaluatie alike."""
    reacties = f"{onderwerp_van(rij).pagina_url()}#reacties-kop"
    if rij.status == Beoordeling.Status.VASTGESTELD:
        messages.info(
            request,
            f"Op een vastgestelde {onderwerp_van(rij).woord} kan niet meer worden gereageerd.",
        )
        return redirect(reacties)
    if request.method == "GET":
        pagina = Namenspagina(request, rij, gemeente=gemeente)
        return render(request, "review/namens.html", pagina.context())
    form = namens_form(request.POST)
    if form.is_valid():
        try:
            services.reactie_geven(
                onderwerp=rij, gemeente=gemeente, auteur=request.user,
                standpunt=form.cleaned_data["standpunt"], tekst=form.cleaned_data["tekst"],
                versie=form.cleaned_data["versie"],
                ontvangen_per=form.cleaned_data["ontvangen_per"],
            )  # fmt: skip
        except services.NietToegestaan as fout:
            weiger(str(fout))
        except services.ReactieConflict as conflict:
            pagina = Namenspagina(
                request, rij, gemeente=gemeente,
                form=namens_form(_na_conflict(request, conflict)),
                conflict=conflict, status=409,
            )  # fmt: skip
            return render(request, "review/namens.html", pagina.context(), status=409)
        messages.success(request, f"De reactie van {gemeente.naam} is vastgelegd.")
        return redirect(f"{onderwerp_van(rij).pagina_url()}#reactie-{gemeente.code}")
    pagina = Namenspagina(request, rij, gemeente=gemeente, form=form, status=400)
    return render(request, "review/namens.html", pagina.context(), status=400)


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def reactie_namens_view(request, pk, code):
    afweging = laad(request, pk) if request.method == "POST" else licht(request, pk)
    deelnemer = get_object_or_404(
        afweging.deelnemers.select_related("gemeente"), gemeente__code=code.upper()
    )
    return namens(request, afweging, deelnemer.gemeente)


def delen_verwerken(request, rij) -> DelenForm | None:
    """Share with the gemeentesecretarissen the adviseur chose; None when shared, else the
    form with its errors."""
    form = DelenForm(request.POST, kandidaten=services.kandidaat_reviewers(rij))
    if not form.is_valid():
        return form
    try:
        aantal = services.delen(
            onderwerp=rij,
            gebruikers=form.cleaned_data["gebruikers"],
            door=request.user,
            reactietermijn=form.cleaned_data["reactietermijn"],
        )
    except services.NietToegestaan as fout:
        weiger(str(fout))
    messages.success(
        request, f"Gedeeld met {aantal} gemeentesecretaris(sen); zij kregen een e-mail."
    )
    return None


@require_POST
@alleen_adviseur
def delen_view(request, pk):
    afweging = laad(request, pk)
    form = delen_verwerken(request, afweging)
    if form is None:
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
    stoppen_gemeld(request, deling, "afweging")
    return redirect(f"{afweging.get_absolute_url()}#beheer-kop")


def antwoord_verwerken(request, reactie) -> dict | None:
    """The provincie's answer to a reactie; None when recorded, else the forms to show
    again (with what was typed in its box)."""
    form = antwoord_form(reactie, request.POST)
    if not form.is_valid():
        return {"antwoord_form": form, "antwoord_op": reactie.pk}
    try:
        services.reactie_beantwoorden(
            reactie=reactie, door=request.user, tekst=form.cleaned_data["antwoord"]
        )
    except services.NietToegestaan as fout:
        weiger(str(fout))
    messages.success(request, f"Uw antwoord aan {reactie.gemeente.naam} is vastgelegd.")
    return None


def stoppen_gemeld(request, deling, woord: str) -> None:
    wie = naam(deling.gebruiker)
    messages.success(
        request,
        f"Het delen met {wie} is gestopt: {wie} kan de {woord} niet meer openen. De "
        "opmerkingen en de reactie blijven staan.",
    )


@require_POST
@alleen_adviseur
def reactie_antwoord_view(request, pk, reactie_pk):
    afweging = laad(request, pk)
    reactie = get_object_or_404(
        afweging.reacties.select_related("gemeente", "auteur"), pk=reactie_pk
    )
    formulieren = antwoord_verwerken(request, reactie)
    if formulieren is None:
        return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
    # Refused (empty, too long): the page again, with what was typed in its box.
    return toon_uitkomst(request, afweging, formulieren=formulieren, status=400)
