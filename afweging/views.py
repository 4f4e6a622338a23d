from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afweging import afwegingen as dienst
from afweging import businesscase as bcdienst
from afweging import exports, review
from afweging.forms import (
    AfwegingForm,
    AntwoordFormSet,
    BusinesscaseForm,
    BusinesscaseVariantFormSet,
    DeelnemerFormSet,
    DelenForm,
    OpmerkingForm,
    ReactieForm,
    StatusFilterForm,
    SuccesfactorFormSet,
    VersieForm,
)
from afweging.models import Afweging, Deelvraag, Opmerking
from afweging.rapport import rapport_van
from afweging.scoring import REGELS
from afweging.toegang import (
    adviseur_of_reviewer,
    afweging_voor,
    afwegingen_voor,
    alleen_adviseur,
    alleen_reviewer,
    is_eigenaar,
    is_reviewer,
)
from benchmark import charts as bcgrafieken
from casussen.stand import lui
from config.pdf import PdfFout, render_to_pdf
from uitwisseling import exporteren


@require_GET
@adviseur_of_reviewer
def lijst_view(request):
    form = StatusFilterForm(request.GET or None)
    afwegingen = afwegingen_voor(request.user).select_related("aangemaakt_door", "gewijzigd_door")
    if form.is_valid() and form.cleaned_data["status"]:
        afwegingen = afwegingen.filter(status=form.cleaned_data["status"])
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
    form = AfwegingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        velden = {
            veld: form.cleaned_data[veld]
            for veld in AfwegingForm.Meta.fields
            if veld != "gemeenten"
        }
        try:
            afweging = dienst.afweging_aanmaken(
                door=request.user, velden=velden, gemeenten=form.cleaned_data["gemeenten"]
            )
        except dienst.KaderOntbreekt:
            messages.error(
                request,
                "Er is nog geen gepubliceerd afwegingskader. Vraag de beheerder de "
                "referentiegegevens te laden; uw invoer staat hieronder nog.",
            )
            return render(request, "afweging/nieuw.html", {"form": form})
        messages.success(request, "De afweging is aangemaakt. Vul nu per deelnemer de context in.")
        return redirect("afweging:stap", pk=afweging.pk, stap="deelnemers")
    return render(request, "afweging/nieuw.html", {"form": form})


def _laad(request, pk) -> Afweging:
    """The afweging with everything its pages need, if this user may see it (else 404)."""
    return afweging_voor(request.user, pk, dienst.met_alles(Afweging.objects.all()))


FORMULIEREN = ("form", "deelnemers", "antwoorden", "succesfactoren")


def _formulieren(afweging: Afweging, stap: str, data=None, *, strikt=True) -> dict:
    if stap == "basis":
        return {"form": AfwegingForm(data, instance=afweging, initial={"versie": afweging.versie})}
    if stap == "deelnemers":
        return {
            "deelnemers": DeelnemerFormSet(
                data,
                queryset=afweging.deelnemers.select_related("gemeente__provincie"),
                prefix="deelnemers",
            )
        }
    formsets = {
        "antwoorden": AntwoordFormSet(
            data,
            queryset=afweging.antwoorden.filter(deelvraag__onderdeel__code=stap)
            .select_related("deelvraag__onderdeel__kader")
            .prefetch_related("deelvraag__indicatoren")
            .order_by("deelvraag__nummer"),
            prefix="antwoorden",
            strikt=strikt,
        )
    }
    if stap == "condities":
        formsets["succesfactoren"] = SuccesfactorFormSet(
            data,
            queryset=afweging.succesfactorantwoorden.select_related("succesfactor"),
            prefix="succesfactoren",
        )
    return formsets


def _geposte_versie(request) -> int:
    """The version the posted form started from; -1 when it is missing or garbled."""
    try:
        return int(request.POST.get("versie", ""))
    except ValueError:
        return -1


def _geldig(formulieren: dict) -> bool:
    return all([f.is_valid() for f in formulieren.values()])


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def stap_view(request, pk, stap):
    if stap not in dienst.STAPPEN:
        raise Http404
    afweging = _laad(request, pk) if request.method == "POST" else _licht(request, pk)
    if afweging.status == Afweging.Status.VASTGESTELD:
        if request.method == "POST":
            raise PermissionDenied("Een vastgestelde afweging kan niet meer worden gewijzigd.")
        messages.info(request, "Deze afweging is vastgesteld en kan niet meer worden gewijzigd.")
        return redirect("afweging:uitkomst", pk=afweging.pk)
    autosave = request.POST.get("_autosave") == "1"
    conflict = None
    versie = afweging.versie
    # Read before validation: a bound ModelForm writes its values onto the instance.
    was_klassiek = afweging.is_klassiek
    if request.method == "POST":
        formulieren = _formulieren(afweging, stap, request.POST, strikt=not autosave)
        versie = _geposte_versie(request)
        # The version is checked before anything else: someone who started from an older
        # version must see the conflict, whatever else is wrong with the form.
        if versie != afweging.versie:
            conflict = str(dienst.Conflict(afweging))
            if autosave:
                return JsonResponse({"opgeslagen": False, "conflict": conflict}, status=409)
        elif _geldig(formulieren):
            try:
                gewijzigd = _opslaan(
                    afweging, stap, formulieren, versie, request, autosave, was_klassiek
                )
            except dienst.Conflict as fout:
                conflict = str(fout)
                if autosave:
                    return JsonResponse({"opgeslagen": False, "conflict": conflict}, status=409)
            else:
                if autosave:
                    moment = timezone.localtime(afweging.gewijzigd).strftime("%H:%M:%S")
                    return JsonResponse(
                        {"opgeslagen": True, "gewijzigd": gewijzigd, "versie": afweging.versie,
                         "moment": moment}
                    )  # fmt: skip
                return redirect(_volgende(request, afweging, stap))
        elif autosave:
            return JsonResponse(
                {
                    "opgeslagen": False,
                    "fout": "Niet automatisch bewaard: controleer de gemarkeerde velden.",
                },
                status=400,
            )
    index = dienst.STAPPEN.index(stap)
    if request.method == "POST":
        # Re-shown with errors or a conflict: never from the cache.
        volledig = lui(lambda: afweging)
        paginacache = {"paginacache_uit": True, **formulieren}
    else:
        volledig = lui(lambda: _laad(request, pk))
        alle = lui(lambda: _formulieren(volledig(), stap))
        paginacache = {
            "stand": f"{_paginastand(request, afweging)}/{stap}",
            **{naam: lui(lambda naam=naam: alle().get(naam)) for naam in FORMULIEREN},
        }
    voortgang = lui(lambda: _voortgang_context(volledig(), stap))
    return render(
        request,
        "afweging/stap.html",
        {
            "afweging": afweging,
            "stap": stap,
            "stapnaam": dienst.STAPNAMEN[stap],
            "onderdeel": lui(lambda: afweging.kader.onderdelen.filter(code=stap).first()),
            "vorige": dienst.STAPPEN[index - 1] if index else None,
            "volgende": dienst.STAPPEN[index + 1] if index + 1 < len(dienst.STAPPEN) else None,
            "businesscase": lui(
                lambda: bcdienst.bereken(volledig()) if stap == "meerwaarde" else None
            ),
            "conflict": conflict,
            # Re-shown forms keep the version they were based on, so fixing an error can
            # never slip past a colleague's save.
            "versie": versie,
            **{naam: lui(lambda naam=naam: voortgang()[naam]) for naam in VOORTGANG},
            **paginacache,
        },
        status=409 if conflict else 200,
    )


def _opslaan(afweging, stap, formulieren, versie, request, autosave, was_klassiek) -> bool:
    """Save a valid step; returns whether anything changed. Nothing changed: no new version."""
    if stap == "basis":
        form = formulieren["form"]
        veranderd = [veld for veld in form.changed_data if veld != "versie"]
        if autosave:
            # Members change only on an explicit save: a checkbox unticked for a moment
            # must not delete that gemeente's motives and perspective.
            veranderd = [veld for veld in veranderd if veld != "gemeenten"]
        if not veranderd:
            return False
        dienst.basis_opslaan(
            afweging=afweging, form=form, versie=versie, door=request.user,
            met_deelnemers=not autosave,
        )  # fmt: skip
        beantwoord_7 = afweging.antwoorden.filter(deelvraag__nummer=7).exclude(oordeel="").exists()
        if was_klassiek != afweging.is_klassiek and beantwoord_7 and not autosave:
            messages.warning(
                request,
                "De variant is gewijzigd: bij deelvraag 7 is het alternatief nu omgekeerd. "
                "Controleer de score en motivering van deelvraag 7.",
            )
        return True
    if not any(form.has_changed() for formset in formulieren.values() for form in formset):
        return False
    dienst.formset_opslaan(
        afweging=afweging, formsets=formulieren.values(), versie=versie, door=request.user
    )
    return True


def _volgende(request, afweging: Afweging, stap: str) -> str:
    index = dienst.STAPPEN.index(stap)
    actie = request.POST.get("actie", "volgende")
    if actie == "vorige" and index > 0:
        return reverse(
            "afweging:stap", kwargs={"pk": afweging.pk, "stap": dienst.STAPPEN[index - 1]}
        )
    if actie == "opslaan":
        return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": stap})
    if actie == "volgende" and index + 1 < len(dienst.STAPPEN):
        return reverse(
            "afweging:stap", kwargs={"pk": afweging.pk, "stap": dienst.STAPPEN[index + 1]}
        )
    return reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})


VOORTGANG = ("stappen", "huidige_stap", "beantwoord", "aantal_deelvragen", "procent")


def _voortgang_context(afweging: Afweging, stap: str | None) -> dict:
    voortgang = dienst.voortgang(afweging)
    klaar = sum(
        voortgang[code][0] for code in ("meerwaarde", "condities", "weging") if code in voortgang
    )
    totaal = sum(
        voortgang[code][1] for code in ("meerwaarde", "condities", "weging") if code in voortgang
    )
    return {
        "stappen": [
            (code, dienst.STAPNAMEN[code], *voortgang.get(code, (0, 0))) for code in dienst.STAPPEN
        ],
        "huidige_stap": stap,
        "beantwoord": klaar,
        "aantal_deelvragen": totaal,
        "procent": round(100 * klaar / totaal) if totaal else 0,
    }


@require_GET
@adviseur_of_reviewer
def uitkomst_view(request, pk):
    return _uitkomst(request, _licht(request, pk))


def _licht(request, pk) -> Afweging:
    """The afweging row only, if this user may see it: enough for the access check, the
    page title and the cache key; the cached content loads the rest when it is rendered."""
    return afweging_voor(
        request.user, pk, dienst.met_stand(Afweging.objects.defer("vastgestelde_pdf"))
    )


def _paginastand(request, afweging: Afweging) -> str:
    """What cached content of this afweging depends on: the afweging and everything
    recorded on it, the reference data, and who is looking (roles, own gemeenten)."""
    return f"{dienst.stand(afweging)}/{request.user.pk}"


def _uitkomst(request, afweging, *, opmerking_form=None, reactie_form=None, delen_form=None,
              status=200):  # fmt: skip
    volledig = lui(lambda: _laad(request, afweging.pk))
    resultaat = lui(lambda: dienst.resultaat(volledig()))
    voortgang = lui(lambda: _voortgang_context(volledig(), None))

    @lui
    def onderdelen():
        antwoorden = {a.deelvraag_id: a for a in volledig().antwoorden.all()}
        return [
            (
                onderdeel,
                resultaat().uitkomst.onderdelen.get(onderdeel.code),
                [(d, antwoorden.get(d.pk)) for d in onderdeel.deelvragen.all()],
            )
            for onderdeel in afweging.kader.onderdelen.prefetch_related("deelvragen").order_by(
                "volgorde"
            )
        ]

    regel = lui(lambda: resultaat().uitkomst.regel)
    return render(
        request,
        "afweging/uitkomst.html",
        {
            "afweging": afweging,
            # A form re-shown with its errors is never cached.
            "stand": _paginastand(request, afweging) if status == 200 else None,
            "paginacache_uit": status != 200,
            "r": resultaat,
            "onderdelen": onderdelen,
            "businesscase": lui(lambda: bcdienst.bereken(volledig())),
            "eigenaar": lui(lambda: is_eigenaar(request.user, afweging)),
            "reviewer": lui(lambda: is_reviewer(request.user, afweging)),
            "opmerkingen": lui(lambda: _opmerkingen(afweging)),
            "opmerking_form": opmerking_form or lui(lambda: OpmerkingForm()),
            "reacties": lui(
                lambda: afweging.reacties.select_related("gemeente", "auteur", "beantwoord_door")
            ),
            "reactie_form": reactie_form or lui(lambda: _reactie_form(request, afweging)),
            "delen_form": delen_form
            or lui(
                lambda: DelenForm(
                    kandidaten=review.kandidaat_reviewers(afweging).prefetch_related("gemeenten")
                )
            ),
            "delingen": lui(lambda: afweging.delingen.select_related("gebruiker")),
            "geschiedenis": lui(
                lambda: (
                    afweging.wijzigingen.select_related("door")[:50]
                    if is_eigenaar(request.user, afweging)
                    else []
                )
            ),
            "versie_form": lui(lambda: VersieForm(initial={"versie": afweging.versie})),
            "regels": REGELS,
            "regelnummer": lui(
                lambda: next(i for i, (code, _) in enumerate(REGELS, 1) if code == regel())
            ),
            "regeltekst": lui(lambda: dict(REGELS)[regel()]),
            **{naam: lui(lambda naam=naam: voortgang()[naam]) for naam in VOORTGANG},
        },
        status=status,
    )


def _opmerkingen(afweging) -> dict[int, list]:
    """Top-level comments per deelvraag number, each with its answers."""
    per_nummer: dict[int, list] = {}
    alle = list(afweging.opmerkingen.select_related("auteur", "deelvraag").order_by("geplaatst"))
    for opmerking in alle:
        if opmerking.antwoord_op_id is None:
            opmerking.reacties = [o for o in alle if o.antwoord_op_id == opmerking.pk]
            per_nummer.setdefault(opmerking.deelvraag.nummer, []).append(opmerking)
    return per_nummer


def _reactie_gemeenten(request, afweging):
    from casussen.models import Gemeente

    if not is_reviewer(request.user, afweging):
        return Gemeente.objects.none()
    return Gemeente.objects.filter(
        pk__in=afweging.deelnemers.values("gemeente"), secretarissen=request.user
    )


def _reactie_form(request, afweging, data=None):
    return ReactieForm(data, gemeenten=_reactie_gemeenten(request, afweging))


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def businesscase_view(request, pk):
    if request.method == "GET":
        afweging = _licht(request, pk)
        volledig = lui(lambda: _laad(request, pk))
        return _businesscase(
            request,
            afweging,
            volledig,
            lui(lambda: _businesscase_formulieren(volledig())),
            versie=afweging.versie,
            stand=_paginastand(request, afweging),
        )
    afweging = _laad(request, pk)
    formulieren = _businesscase_formulieren(afweging, request.POST)
    form, varianten = formulieren
    conflict = None
    if afweging.status == Afweging.Status.VASTGESTELD:
        raise PermissionDenied("Een vastgestelde afweging kan niet meer worden gewijzigd.")
    versie = _geposte_versie(request)
    if versie != afweging.versie:
        conflict = str(dienst.Conflict(afweging))
    elif form.is_valid() and varianten.is_valid():

        def opslaan():
            form.save()
            for variantform in varianten.forms:
                variantform.save()
            gewijzigd = form.changed_data + [
                f"{f.instance.get_soort_display().lower()}: {veld}"
                for f in varianten.forms
                for veld in f.changed_data
            ]
            dienst.vastleggen(
                afweging, request.user, "Businesscase gewijzigd: " + ", ".join(gewijzigd)
            )

        try:
            dienst.stap_opslaan(
                afweging=afweging, versie=versie, door=request.user, opslaan=opslaan
            )
        except dienst.Conflict as fout:
            conflict = str(fout)
        else:
            messages.success(request, "De businesscase is bijgewerkt.")
            return redirect("afweging:businesscase", pk=afweging.pk)
    return _businesscase(
        request, afweging, lambda: afweging, lambda: formulieren, versie=versie, conflict=conflict
    )


def _businesscase_formulieren(afweging: Afweging, data=None):
    businesscase = bcdienst.businesscase_van(afweging)
    form = BusinesscaseForm(data, instance=businesscase, deelnemers=list(afweging.deelnemers.all()))
    varianten = BusinesscaseVariantFormSet(
        data, queryset=businesscase.varianten.order_by("-soort"), prefix="varianten"
    )
    return form, varianten


def _businesscase(request, afweging, volledig, formulieren, *, versie, stand=None, conflict=None):
    """The businesscase page; from the cache (keyed on `stand`) unless re-shown after a
    POST, when `formulieren` holds what was typed. `volledig` gives the afweging with
    everything prefetched."""

    @lui
    def resultaat():
        return bcdienst.bereken(volledig(), formulieren()[0].instance)

    if stand is None:
        # Re-shown after a POST: the figures are those of the saved business case, computed
        # before the template's look at the errors validates the forms (which writes what
        # was typed onto the instance).
        resultaat()
    namen = lui(lambda: bcdienst.variantnamen(volledig()))
    voortgang = lui(lambda: _voortgang_context(volledig(), None))
    return render(
        request,
        "afweging/businesscase.html",
        {
            "afweging": afweging,
            "stand": stand,
            "paginacache_uit": stand is None,
            "form": lui(lambda: formulieren()[0]),
            "varianten": lui(
                lambda: [(namen().get(f.instance.soort, ""), f) for f in formulieren()[1].forms]
            ),
            "varianten_formset": lui(lambda: formulieren()[1]),
            "r": resultaat,
            "grafiek": lui(
                lambda: (
                    bcgrafieken.businesscase_grafiek(resultaat().projecties)
                    if resultaat().projecties
                    else None
                )
            ),
            "bijdragen_grafiek": lui(
                lambda: (
                    bcgrafieken.bijdragen_grafiek(resultaat().bijdragen)
                    if resultaat().bijdragen
                    else None
                )
            ),
            "conflict": conflict,
            "versie": versie,
            **{naam: lui(lambda naam=naam: voortgang()[naam]) for naam in VOORTGANG},
        },
        status=409 if conflict else 200,
    )


@require_GET
@adviseur_of_reviewer
def rapport_pdf_view(request, pk):
    afweging = _laad(request, pk)
    if afweging.status == Afweging.Status.VASTGESTELD and afweging.vastgestelde_pdf:
        # Vastgesteld: exactly the PDF of that moment, whatever changed since.
        inhoud = bytes(afweging.vastgestelde_pdf)
    else:
        _html, inhoud = render_to_pdf(
            "afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)}
        )
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    naam = slugify(afweging.titel)[:60] or "afweging"
    antwoord["Content-Disposition"] = f'attachment; filename="advies-{afweging.pk}-{naam}.pdf"'
    return antwoord


@require_POST
@adviseur_of_reviewer
def opmerking_view(request, pk):
    afweging = _laad(request, pk)
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
            raise PermissionDenied("Reviewers plaatsen opmerkingen; de adviseur beantwoordt ze.")
        else:
            try:
                review.opmerking_plaatsen(
                    afweging=afweging, deelvraag=deelvraag, auteur=request.user,
                    tekst=form.cleaned_data["tekst"], antwoord_op=antwoord_op,
                )  # fmt: skip
            except review.NietToegestaan as fout:
                raise PermissionDenied(str(fout)) from fout
            messages.success(request, "Uw opmerking is geplaatst.")
            return redirect(f"{afweging.get_absolute_url()}#dv-opmerkingen-{deelvraag.nummer}")
    return _uitkomst(request, afweging, opmerking_form=form, status=400)


@require_POST
@alleen_reviewer
def reactie_view(request, pk):
    afweging = _laad(request, pk)
    if not is_reviewer(request.user, afweging):
        raise PermissionDenied("Deze afweging is niet met u gedeeld.")
    form = _reactie_form(request, afweging, request.POST)
    if form.is_valid():
        try:
            review.reactie_geven(
                afweging=afweging, gemeente=form.cleaned_data["gemeente"], auteur=request.user,
                standpunt=form.cleaned_data["standpunt"], tekst=form.cleaned_data["tekst"],
            )  # fmt: skip
        except review.NietToegestaan as fout:
            raise PermissionDenied(str(fout)) from fout
        messages.success(request, "Uw formele reactie is vastgelegd.")
        return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
    return _uitkomst(request, afweging, reactie_form=form, status=400)


@require_POST
@alleen_adviseur
def delen_view(request, pk):
    afweging = _laad(request, pk)
    form = DelenForm(request.POST, kandidaten=review.kandidaat_reviewers(afweging))
    if form.is_valid():
        try:
            aantal = review.delen(
                afweging=afweging, gebruikers=form.cleaned_data["gebruikers"], door=request.user
            )
        except review.NietToegestaan as fout:
            raise PermissionDenied(str(fout)) from fout
        messages.success(
            request, f"Gedeeld met {aantal} gemeentesecretaris(sen); zij kregen een e-mail."
        )
        return redirect(afweging.get_absolute_url())
    return _uitkomst(request, afweging, delen_form=form, status=400)


@require_POST
@alleen_adviseur
def vaststellen_view(request, pk):
    afweging = _laad(request, pk)
    form = VersieForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied("Ongeldig verzoek.")
    if afweging.status == Afweging.Status.VASTGESTELD:
        messages.info(request, "Deze afweging is al vastgesteld.")
        return redirect(afweging.get_absolute_url())
    try:
        review.vaststellen(afweging=afweging, versie=form.cleaned_data["versie"], door=request.user)
    except (dienst.Conflict, review.NietToegestaan) as fout:
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
    afweging = _laad(request, pk)
    try:
        kopie = review.nieuwe_versie(afweging=afweging, door=request.user)
    except review.NietToegestaan as fout:
        messages.error(request, str(fout))
        return redirect(afweging.get_absolute_url())
    messages.success(request, "Nieuwe versie gemaakt; de vastgestelde versie blijft ongewijzigd.")
    return redirect("afweging:stap", pk=kopie.pk, stap="basis")


@require_GET
@adviseur_of_reviewer
def export_view(request, pk, formaat):
    afweging = _laad(request, pk)
    naam = f"afweging-{afweging.pk}-{slugify(afweging.titel)[:50] or 'export'}"
    if formaat == "csv":
        antwoord = HttpResponse(exports.als_csv(afweging), content_type="text/csv; charset=utf-8")
    elif formaat == "xlsx":
        antwoord = HttpResponse(
            exports.als_excel(afweging),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif formaat == "json":
        antwoord = HttpResponse(
            exporteren.als_json(afweging), content_type="application/json; charset=utf-8"
        )
    else:
        raise Http404
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return antwoord


@require_GET
@adviseur_of_reviewer
def rapport_view(request, pk):
    """The report in the browser: the same Rapport object and content as the PDF."""
    afweging = _licht(request, pk)
    return render(
        request,
        "afweging/rapport.html",
        {
            "afweging": afweging,
            # The report carries today's date.
            "stand": f"{_paginastand(request, afweging)}/{timezone.localdate()}",
            "rapport": lui(lambda: rapport_van(_laad(request, pk))),
        },
    )


@require_POST
@alleen_adviseur
def reactie_antwoord_view(request, pk, reactie_pk):
    afweging = _laad(request, pk)
    reactie = get_object_or_404(
        afweging.reacties.select_related("gemeente", "auteur"), pk=reactie_pk
    )
    tekst = request.POST.get("antwoord", "").strip()
    if not tekst:
        messages.error(request, "Schrijf eerst uw antwoord op de reactie.")
    else:
        try:
            review.reactie_beantwoorden(reactie=reactie, door=request.user, tekst=tekst[:10000])
        except review.NietToegestaan as fout:
            raise PermissionDenied(str(fout)) from fout
        messages.success(request, f"Uw antwoord aan {reactie.gemeente.naam} is vastgelegd.")
    return redirect(f"{afweging.get_absolute_url()}#reacties-kop")
