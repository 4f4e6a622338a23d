"""A step of the wizard: show it, save it (explicitly or by autosave), or show the conflict
with a colleague's save. Which step it is, and what it holds, the step object knows."""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from afweging import selectors, services, stappen
from afweging.forms import alleen_aangeraakt
from afweging.models import Afweging
from afweging.toegang import alleen_adviseur
from afweging.views.pagina import Afwegingpagina, geposte_versie, laad, licht


class Stappagina(Afwegingpagina):
    def __init__(
        self, request, afweging, stap, *, formulieren=None, conflict=None, versie=None, vraag=None
    ):
        super().__init__(
            request, afweging, formulieren=formulieren, status=409 if conflict else 200
        )
        self.stap = stap
        self.stap_code = stap.code
        self.conflict = conflict
        self.vraag = vraag  # a save that asks first (stappen.Vraag)
        # Re-shown forms keep the version they were based on, so fixing an error can never
        # slip past a colleague's save.
        self.versie = afweging.versie if versie is None else versie

    @cached_property
    def stand(self):
        stand = super().stand
        return f"{stand}/{self.stap.code}" if stand else None

    @cached_property
    def forms(self) -> dict:
        return self.formulieren or self.stap.formulieren(self.volledig)

    @cached_property
    def checklist(self) -> selectors.Checklist:
        return selectors.checklist(self.volledig)

    @cached_property
    def onderdeel(self):
        return self.afweging.kader.onderdelen.filter(code=self.stap.code).first()

    @property
    def vorige(self):
        return stappen.vorige(self.stap)

    @property
    def volgende(self):
        return stappen.volgende(self.stap)

    @cached_property
    def foutenlijst(self) -> list[tuple[str, str]]:
        return foutenlijst(self.forms)

    @cached_property
    def heeft_fouten(self) -> bool:
        return any(
            f.errors if hasattr(f, "fields") else f.total_error_count() for f in self.forms.values()
        )


def foutenlijst(formulieren: dict) -> list[tuple[str, str]]:
    """Every error of the step's forms, as (text, anchor of its field): the error summary
    links each to its field, however far down the page it is; an autosave names them."""
    uit = []
    for formulier in formulieren.values():
        forms = getattr(formulier, "forms", [formulier])
        if hasattr(formulier, "non_form_errors"):
            uit += [(str(fout), "") for fout in formulier.non_form_errors()]
        for form in forms:
            for naam, fouten in form.errors.items():
                if naam == "__all__" or naam not in form.fields:
                    uit += [(str(fout), "") for fout in fouten]
                    continue
                veld = form[naam]
                anker = veld.id_for_label or f"{veld.auto_id}_0"  # radios: the first
                label = form.foutlabel(naam) if hasattr(form, "foutlabel") else veld.label
                uit += [(f"{label}: {fout}", anker) for fout in fouten]
    return uit


def _volgende_url(request, afweging: Afweging, stap) -> str:
    # The confirmation of a question (stappen.Vraag) is its own button: it stays on the step.
    actie = request.POST.get("actie", "opslaan" if "bevestig_weg" in request.POST else "volgende")
    vorige, volgende = stappen.vorige(stap), stappen.volgende(stap)
    if actie == "vorige" and vorige:
        return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": vorige.code})
    if actie == "opslaan":
        return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": stap.code})
    if actie == "volgende" and volgende:
        return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": volgende.code})
    return reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})


def _autosave_conflict(conflict: str) -> JsonResponse:
    return JsonResponse({"opgeslagen": False, "conflict": conflict}, status=409)


def _al_vastgesteld(afweging: Afweging, gebruiker) -> str:
    door = afweging.vastgesteld_door
    if door is not None and door.pk == gebruiker.pk:
        wie = "U heeft"  # in another tab or window
    else:
        wie = f"{(door.get_full_name() or door.username) if door else 'Iemand'} heeft"
    moment = (
        timezone.localtime(afweging.vastgesteld_op).strftime("%H:%M")
        if (afweging.vastgesteld_op)
        else "zojuist"
    )
    return (
        f"{wie} deze afweging om {moment} vastgesteld, nadat deze pagina werd geopend; een "
        "vastgestelde afweging verandert niet meer. Uw wijzigingen zijn niet opgeslagen, maar "
        "staan hieronder nog: kopieer wat u wilt bewaren, bijvoorbeeld voor een nieuwe versie."
    )


def _alleen_aangeraakt(request, afweging: Afweging, formulieren: dict, versie: int) -> None:
    """A save from an older version of one's own writes only what this page changed; the
    page says which fields it changed (static/js/afweging.js). A page that does not say so
    (no script) writes everything it posted, as before."""
    if versie != afweging.versie and request.POST.get("_aangeraakt_bekend") == "1":
        alleen_aangeraakt(formulieren, set(request.POST.getlist("_aangeraakt")))


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def stap_view(request, pk, stap):
    afweging = laad(request, pk) if request.method == "POST" else licht(request, pk)
    vastgesteld = afweging.status == Afweging.Status.VASTGESTELD
    if request.method == "GET":
        if vastgesteld:
            messages.info(
                request, "Deze afweging is vastgesteld en kan niet meer worden gewijzigd."
            )
            return redirect("afweging:uitkomst", pk=afweging.pk)
        return _toon(request, Stappagina(request, afweging, stap))

    autosave = request.POST.get("_autosave") == "1"
    if vastgesteld:
        # Someone vastgesteld it while this page was open: say so, and keep what was typed.
        melding = _al_vastgesteld(afweging, request.user)
        if autosave:
            return _autosave_conflict(melding)
        formulieren = stap.formulieren(afweging, request.POST, strikt=False)
        pagina = Stappagina(request, afweging, stap, formulieren=formulieren, conflict=melding)
        return _toon(request, pagina)
    if autosave:
        return _autosave(request, afweging, stap)

    formulieren = stap.formulieren(afweging, request.POST, strikt=True)
    versie = geposte_versie(request)
    conflict = None
    # The version is checked before anything else: someone who started from an older
    # version must see the conflict, whatever else is wrong with the form.
    if not services.mag_opslaan_vanaf(afweging, versie, request.user):
        conflict = str(services.Conflict(afweging))
    elif all([f.is_valid() for f in formulieren.values()]):
        _alleen_aangeraakt(request, afweging, formulieren, versie)
        vraag = stap.vraag_eerst(afweging, formulieren, request.POST)
        if vraag is not None:
            pagina = Stappagina(
                request, afweging, stap, formulieren=formulieren, versie=versie, vraag=vraag
            )
            return _toon(request, pagina)
        try:
            opgeslagen = stap.opslaan(
                afweging, formulieren, versie=versie, door=request.user, autosave=False
            )
        except services.Conflict as fout:
            conflict = str(fout)
        else:
            for waarschuwing in opgeslagen.waarschuwingen:
                messages.warning(request, waarschuwing)
            return redirect(_volgende_url(request, afweging, stap))
    # Re-shown with errors or a conflict: never from the cache.
    pagina = Stappagina(
        request, afweging, stap, formulieren=formulieren, conflict=conflict, versie=versie
    )
    return _toon(request, pagina)


def _autosave(request, afweging: Afweging, stap) -> JsonResponse:
    """A draft saved in the background (static/js/afweging.js): answered in JSON, never
    with a page; a motivation is not demanded yet. The version is checked first, as for an
    explicit save."""
    formulieren = stap.formulieren(afweging, request.POST, strikt=False)
    versie = geposte_versie(request)
    if not services.mag_opslaan_vanaf(afweging, versie, request.user):
        return _autosave_conflict(str(services.Conflict(afweging)))
    if not all([f.is_valid() for f in formulieren.values()]):
        # Named here: the page marks nothing until it is sent. The text stays in the form.
        fouten = [tekst for tekst, _anker in foutenlijst(formulieren)]
        return JsonResponse(
            {"opgeslagen": False, "fout": f"Niet automatisch bewaard. {' '.join(fouten)}",
             "fouten": fouten},
            status=400,
        )  # fmt: skip
    _alleen_aangeraakt(request, afweging, formulieren, versie)
    try:
        opgeslagen = stap.opslaan(
            afweging, formulieren, versie=versie, door=request.user, autosave=True
        )
    except services.Conflict as fout:
        return _autosave_conflict(str(fout))
    moment = timezone.localtime(afweging.gewijzigd).strftime("%H:%M:%S")
    return JsonResponse(
        {"opgeslagen": True, "gewijzigd": opgeslagen.gewijzigd, "versie": afweging.versie,
         "moment": moment}
    )  # fmt: skip


def _toon(request, pagina: Stappagina):
    return render(request, "afweging/stap.html", pagina.context(), status=pagina.status)
