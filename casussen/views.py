from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from casussen import kaart
from casussen.bronnen import BRONNEN
from casussen.forms import GemeenteZoekForm
from casussen.models import Casus, CasusDeelnemer, Gemeente
from casussen.paginas import Fusieorganisatiepagina, Gemeentepagina, Kaartpagina, Registerpagina


@require_GET
def register_view(request):
    return render(request, "casussen/register.html", {"pagina": Registerpagina(request)})


@require_GET
def fusieorganisatie_view(request, slug):
    pagina = Fusieorganisatiepagina(request, slug)
    return render(request, "casussen/fusieorganisatie.html", {"pagina": pagina})


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
    pagina = Gemeentepagina(request, slug)
    return render(request, "casussen/gemeente.html", {"pagina": pagina})


@require_GET
def kaart_view(request):
    return render(request, "casussen/kaart.html", {"pagina": Kaartpagina(request)})


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
