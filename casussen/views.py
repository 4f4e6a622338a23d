from collections import Counter

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from casussen import kaart, paginadelen, stand
from casussen.bronnen import BRONNEN
from casussen.forms import GemeenteZoekForm, RegisterFilterForm
from casussen.grafieken import inwoners_grafiek
from casussen.models import Casus, CasusDeelnemer, Deelname, Fusieorganisatie, Gemeente
from casussen.register import (
    INWONERJAREN,
    LAATSTE_JAAR,
    fusieorganisaties,
    register,
    registerregel,
    tijdlijn,
)
from casussen.stand import lui


@require_GET
def register_view(request):
    stempel = stand.referentiestand()

    @lui
    def form():
        return RegisterFilterForm(request.GET or None)

    @lui
    def filters():
        return form().cleaned_data if form().is_valid() else {}

    @lui
    def regels():
        return register(**{sleutel: waarde for sleutel, waarde in filters().items() if waarde})

    @lui
    def alle_statussen():
        return Counter(Fusieorganisatie.objects.values_list("status", flat=True))

    return render(
        request,
        "casussen/register.html",
        {
            "stand": stempel,
            "sleutel": stand.filtersleutel(request, RegisterFilterForm),
            "form": form,
            "regels": regels,
            "jaar": LAATSTE_JAAR,
            "aantal_gemeenten": lui(
                lambda: len({lid.gemeente.pk for r in regels() for lid in r.leden})
            ),
            "statustellingen": lui(
                lambda: [
                    (label, alle_statussen().get(waarde, 0))
                    for waarde, label in Fusieorganisatie.Status.choices
                ]
            ),
            "totaal_aantal": lui(lambda: sum(alle_statussen().values())),
            "gefilterd": lui(
                lambda: any(
                    filters().get(v)
                    for v in ("status", "provincie", "bestuurskundige_vorm", "juridische_vorm")
                )
            ),
        },
    )


@require_GET
def fusieorganisatie_view(request, slug):
    # The stand first: what is read after it can be no older than it.
    stempel = stand.referentiestand()
    organisatie = get_object_or_404(Fusieorganisatie, slug=slug)

    @lui
    def regel():
        return registerregel(fusieorganisaties().get(pk=organisatie.pk))

    return render(
        request,
        "casussen/fusieorganisatie.html",
        {
            "stand": stempel,
            "delen": lui(
                lambda: paginadelen.delen(
                    "fusieorganisatie",
                    fusieorganisatie=organisatie,
                    leden=lambda: [lid.gemeente.code for lid in regel().leden],
                )
            ),
            "regel": regel,
            "org": organisatie,
            "jaren": INWONERJAREN,
            "tijdlijn": lui(lambda: tijdlijn(regel())),
        },
    )


@require_GET
def casus_lijst_view(request):
    casussen = Casus.objects.select_related("fusieorganisatie").prefetch_related(
        Prefetch("deelnemers", queryset=CasusDeelnemer.objects.select_related("gemeente"))
    )
    return render(request, "casussen/casus_lijst.html", {"casussen": casussen})


@require_GET
def casus_view(request, slug):
    casus = get_object_or_404(
        Casus.objects.select_related("fusieorganisatie").prefetch_related(
            Prefetch("deelnemers", queryset=CasusDeelnemer.objects.select_related("gemeente"))
        ),
        slug=slug,
    )
    deelnemers = list(casus.deelnemers.all())
    bekend = [d.inwoners_rapport for d in deelnemers if d.inwoners_rapport is not None]
    som = sum(bekend) if len(bekend) == len(deelnemers) else None
    return render(
        request,
        "casussen/casus.html",
        {
            "casus": casus,
            "deelnemers": deelnemers,
            "som": som,
            "verschil": (som - casus.inwoners_kop)
            if som is not None and casus.inwoners_kop
            else None,
        },
    )


@require_GET
def gemeente_lijst_view(request):
    form = GemeenteZoekForm(request.GET or None)
    gemeenten = Gemeente.objects.select_related("provincie")
    zoekterm = form.cleaned_data.get("q", "") if form.is_valid() else ""
    if zoekterm:
        gemeenten = gemeenten.filter(naam__icontains=zoekterm) | gemeenten.filter(
            code__iexact=zoekterm
        )
    return render(
        request,
        "casussen/gemeente_lijst.html",
        {"form": form, "gemeenten": gemeenten.order_by("naam"), "zoekterm": zoekterm},
    )


@require_GET
def gemeente_view(request, slug):
    stempel = stand.referentiestand()  # First: what is read after it is no older.
    gemeente = get_object_or_404(Gemeente, slug=slug)
    inwonertallen = list(gemeente.inwonertallen.all())

    @lui
    def volledig():
        return (
            Gemeente.objects.select_related("provincie")
            .prefetch_related(
                "huidige_gemeenten",
                "voorgangers_sinds",
                "herindelingen_als_oude__nieuwe_gemeente",
                "herindelingen_als_nieuwe__oude_gemeente",
                Prefetch("deelnames", queryset=Deelname.objects.select_related("fusieorganisatie")),
                Prefetch("casusdeelnames", queryset=CasusDeelnemer.objects.select_related("casus")),
            )
            .get(pk=gemeente.pk)
        )

    return render(
        request,
        "casussen/gemeente.html",
        {
            "stand": stempel,
            "delen": lui(lambda: paginadelen.delen("gemeente", gemeente=gemeente)),
            # The title needs the name only; the (cached) content gets everything prefetched.
            "gemeente": gemeente,
            "volledig": volledig,
            "inwonertallen": inwonertallen,
            "grafiek": lui(
                lambda: inwoners_grafiek(gemeente.naam, inwonertallen) if inwonertallen else None
            ),
            # Memberships through predecessors: a current gemeente inherits the history of
            # the gemeenten that merged into it.
            "via_voorgangers": lui(
                lambda: (
                    Deelname.objects.filter(gemeente__in=volledig().voorgangers_sinds.all())
                    .select_related("fusieorganisatie", "gemeente")
                    .order_by("fusieorganisatie__startdatum")
                )
            ),
            "bronnen": BRONNEN,
        },
    )


@require_GET
def kaart_view(request):
    kleuring = lui(kaart.kleuring)
    return render(
        request,
        "casussen/kaart.html",
        {
            "stand": stand.referentiestand(),
            "figuur": lui(lambda: kaart.figuur(kleuring())),
            "kleuring": kleuring,
            "bron": BRONNEN["kwb-2023"],
        },
    )


@require_GET
@cache_control(private=True, max_age=24 * 60 * 60)
def kaart_geojson_view(request):
    return HttpResponse(kaart.grenzen_geojson(), content_type="application/geo+json")


@require_GET
def over_de_data_view(request):
    return render(request, "casussen/over_de_data.html", {"bronnen": BRONNEN.values()})


@login_not_required
@require_GET
def toegankelijkheid_view(request):
    return render(request, "casussen/toegankelijkheid.html")
