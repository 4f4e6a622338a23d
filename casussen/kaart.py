"""The map of gemeenten that are or were in a fusieorganisatie, on the 2023 boundaries.

Former members are shown on the current gemeente they became part of. The boundaries
are served by our own view (no CDN, no tiles) and plotly draws them as a choropleth.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import lru_cache

import plotly.graph_objects as go
from django.conf import settings
from django.urls import reverse

from casussen.models import Deelname, Fusieorganisatie, Gemeente
from weergave import palet
from weergave.grafieken import (
    LAYOUT_BASIS,
    LEGENDA_STATUS,
    REEKS_GEEN_FUSIE,
    als_data,
    hoverlabel,
)

GRENZEN = settings.BASE_DIR / "fixtures" / "cbs" / "gemeenten_2023_kwb_wgs84.geojson.gz"
S = Fusieorganisatie.Status

# The status a gemeente is coloured by when it is linked to several organisations:
# the first in this order wins, so a gemeente that is in an active one shows as such.
VOORRANG = [S.ACTIEF, S.GEPLAND, S.BEEINDIGD, S.HERINDELING, S.NOOIT]
# The palette's status colours, which the .status-* classes of the table's legend repeat.
KLEUREN = {status: palet.STATUS[status] for status in VOORRANG}
GEEN_KLEUR = palet.GEEN_FUSIE


@dataclass
class Koppeling:
    organisatie: Fusieorganisatie
    via: list[Gemeente] = field(default_factory=list)  # Former members it runs through.


@dataclass
class Kaartregel:
    gemeente: Gemeente
    koppelingen: list[Koppeling] = field(default_factory=list)

    @property
    def status(self) -> str:
        statussen = {k.organisatie.status for k in self.koppelingen}
        return next(s for s in VOORRANG if s in statussen)

    @property
    def status_label(self) -> str:
        return S(self.status).label


def kleuring() -> list[Kaartregel]:
    """Every current gemeente linked to a fusieorganisatie, directly or via a predecessor."""
    regels: dict[int, Kaartregel] = {}
    deelnames = Deelname.objects.select_related(
        "fusieorganisatie", "gemeente__provincie"
    ).prefetch_related("gemeente__huidige_gemeenten__provincie")
    for deelname in deelnames:
        lid = deelname.gemeente
        if lid.bestaat:
            doelen = [(lid, None)]
        else:
            doelen = [(huidig, lid) for huidig in lid.huidige_gemeenten.all()]
        for huidig, via in doelen:
            regel = regels.setdefault(huidig.pk, Kaartregel(gemeente=huidig))
            koppeling = next(
                (k for k in regel.koppelingen if k.organisatie == deelname.fusieorganisatie), None
            )
            if koppeling is None:
                koppeling = Koppeling(organisatie=deelname.fusieorganisatie)
                regel.koppelingen.append(koppeling)
            if via:
                koppeling.via.append(via)
    return sorted(
        regels.values(),
        key=lambda r: (r.gemeente.provincie.naam if r.gemeente.provincie else "", r.gemeente.naam),
    )


def figuur(regels: list[Kaartregel]) -> dict:
    geojson_url = reverse("casussen:kaart-geojson")
    gekleurd = {r.gemeente.code for r in regels}
    overige = Gemeente.objects.filter(datum_opheffing__isnull=True).exclude(code__in=gekleurd)
    sporen = [
        _spoor(
            [(g.code, g.naam, g.get_absolute_url(), "") for g in overige],
            naam=REEKS_GEEN_FUSIE,
            kleur=GEEN_KLEUR,
            geojson_url=geojson_url,
        )
    ]
    for status in VOORRANG:
        deze = [r for r in regels if r.status == status]
        if not deze:
            continue
        sporen.append(
            _spoor(
                [
                    (
                        r.gemeente.code,
                        r.gemeente.naam,
                        r.gemeente.get_absolute_url(),
                        "<br>".join(_koppeltekst(k) for k in r.koppelingen),
                    )
                    for r in deze
                ],
                naam=S(status).label,
                kleur=KLEUREN[status],
                geojson_url=geojson_url,
            )
        )
    fig = go.Figure(sporen)
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.update_layout(
        **{**LAYOUT_BASIS, "margin": dict(l=0, r=0, t=0, b=0)},
        height=720,
        legend=dict(
            title=dict(text=LEGENDA_STATUS),
            x=0.01,
            y=0.99,
            bgcolor=palet.LEGENDAVLAK,
            bordercolor=palet.LEGENDARAND,
            borderwidth=1,
        ),
        geo=dict(scope="europe", resolution=110),
    )
    return als_data(fig)


def _koppeltekst(koppeling: Koppeling) -> str:
    tekst = f"{koppeling.organisatie.naam} ({koppeling.organisatie.get_status_display().lower()})"
    if koppeling.via:
        tekst += ", via " + ", ".join(g.naam for g in koppeling.via)
    return tekst


def _spoor(rijen, *, naam: str, kleur: str, geojson_url: str) -> go.Choropleth:
    codes, namen, urls, teksten = zip(*rijen, strict=True) if rijen else ((), (), (), ())
    return go.Choropleth(
        geojson=geojson_url,
        featureidkey="properties.gemeentecode",
        locations=list(codes),
        z=[1] * len(codes),
        colorscale=[[0, kleur], [1, kleur]],
        showscale=False,
        showlegend=True,
        name=naam,
        customdata=[[n, u, t] for n, u, t in zip(namen, urls, teksten, strict=True)],
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[2]}<extra></extra>",
        marker_line_color=palet.GRENS,
        hoverlabel=hoverlabel(kleur),
        marker_line_width=0.5,
    )


@lru_cache(maxsize=1)
def grenzen_geojson() -> bytes:
    """The 2023 boundaries with only code and name, coordinates to about 10 m."""
    with gzip.open(GRENZEN, "rt", encoding="utf-8") as bestand:
        bron = json.load(bestand)

    def ring(punten, buitenrand: bool):
        punten = [[round(x, 4), round(y, 4)] for x, y in punten]
        # plotly draws with d3-geo, which wants outer rings clockwise and holes
        # counter-clockwise (the reverse of RFC 7946); the wrong way round fills the
        # whole globe except the gemeente.
        oppervlak = sum(
            x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(punten, punten[1:], strict=False)
        )
        if (oppervlak > 0) == buitenrand:
            punten.reverse()
        return punten

    def polygoon(ringen):
        return [ring(r, buitenrand=(i == 0)) for i, r in enumerate(ringen)]

    def geometrie(geom):
        if geom["type"] == "Polygon":
            return {"type": "Polygon", "coordinates": polygoon(geom["coordinates"])}
        return {
            "type": "MultiPolygon",
            "coordinates": [polygoon(deel) for deel in geom["coordinates"]],
        }

    kenmerken = [
        {
            "type": "Feature",
            "properties": {
                "gemeentecode": kenmerk["properties"]["gemeentecode"],
                "gemeentenaam": kenmerk["properties"]["gemeentenaam"],
            },
            "geometry": geometrie(kenmerk["geometry"]),
        }
        for kenmerk in bron["features"]
        if kenmerk["properties"]["gemeentecode"] != "GM0998"  # "Buitenland", no area.
    ]
    return json.dumps(
        {"type": "FeatureCollection", "features": kenmerken}, separators=(",", ":")
    ).encode()
