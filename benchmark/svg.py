"""The benchmark's static SVG charts for the PDF (overhead against inhabitants, and the
counterfactual over the years), drawn server-side without a browser from the same data as
the page's plotly charts; each has its table beside it. Text is escaped, numbers in Dutch
notation.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from weergave import getallen, palet, puntlabels
from weergave import grafieken as g
from weergave.puntlabels import Doos, tekstbreedte
from weergave.svg import BREEDTE, HOOGTE, MARGE, achtergrond, document, ronde_ticks, schaal

GROOTTE = 11  # The names of the deelnemers.
STRAAL = 5
LEGENDA_HOOGTE = 40  # Two rows below the chart.


def spreiding_svg(analyse, gekozen: list[str] | None = None) -> str:
    """Overhead against inhabitants on log axes, with the trend line and marked gemeenten."""
    gekozen = set(gekozen or [])
    df = analyse.gegevens
    df = df[df["inwoners"].notna() & (df["overhead_lasten_eur"] > 0).fillna(False)]
    x0, x1 = 500, 2_000_000
    y0, y1 = 500_000, 2_000_000_000
    sx = schaal(x0, x1, MARGE["links"], BREEDTE - MARGE["rechts"], True)
    sy = schaal(y0, y1, HOOGTE - MARGE["onder"], MARGE["boven"], True)
    delen = [achtergrond(hoogte=HOOGTE + LEGENDA_HOOGTE)]
    for waarde, tekst in zip(*g.ticks_inwoners(), strict=True):
        x = sx(waarde)
        delen.append(
            f'<line x1="{x:.1f}" y1="{MARGE["boven"]}" x2="{x:.1f}" y2="{HOOGTE - MARGE["onder"]}" stroke="{palet.RASTER}"/>'
        )
        delen.append(
            f'<text x="{x:.1f}" y="{HOOGTE - MARGE["onder"] + 16}" text-anchor="middle">{tekst}</text>'
        )
    for waarde, tekst in zip(*g.ticks_overhead(), strict=True):
        y = sy(waarde)
        delen.append(
            f'<line x1="{MARGE["links"]}" y1="{y:.1f}" x2="{BREEDTE - MARGE["rechts"]}" y2="{y:.1f}" stroke="{palet.RASTER}"/>'
        )
        delen.append(
            f'<text x="{MARGE["links"] - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(tekst)}</text>'
        )
    delen.append(
        f'<text x="{(MARGE["links"] + BREEDTE) / 2:.0f}" y="{HOOGTE - 14}" text-anchor="middle">'
        f"{escape(g.AS_INWONERS_LOG)}</text>"
    )
    delen.append(
        f'<text transform="translate(14 {HOOGTE / 2:.0f}) rotate(-90)" text-anchor="middle">'
        f"{escape(g.AS_OVERHEAD_LOG)}</text>"
    )
    for rij in df.itertuples():
        x, y = sx(float(rij.inwoners)), sy(float(rij.overhead_lasten_eur))
        if rij.gemeentecode in gekozen:
            continue
        kleur = palet.FUSIELID if rij.in_fusie else palet.OVERIG
        delen.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{kleur}" stroke="{palet.OMLIJNING}" stroke-width="0.3"/>'
        )
    lijn_x, lijn_y = analyse.trend.lijn(120)
    punten = " ".join(
        f"{sx(a):.1f},{sy(b):.1f}" for a, b in zip(lijn_x, lijn_y, strict=True) if b > y0
    )
    delen.append(
        f'<polyline points="{punten}" fill="none" stroke="{palet.TREND}" stroke-width="1.6"/>'
    )
    keuze = df[df["gemeentecode"].isin(gekozen)].sort_values("inwoners")
    plot = Doos(MARGE["links"], MARGE["boven"], BREEDTE - MARGE["rechts"], HOOGTE - MARGE["onder"])
    plaatsingen = puntlabels.plaats(
        [
            (sx(float(r.inwoners)), sy(float(r.overhead_lasten_eur)), r.gemeentenaam)
            for r in keuze.itertuples()
        ],
        gebied=plot,
        grootte=GROOTTE,
        straal=STRAAL,
    )
    for p in plaatsingen:
        # Point, name and leader line in one group: the name belongs to this point.
        deel = [
            f'<circle cx="{p.x:.1f}" cy="{p.y:.1f}" r="{STRAAL}" fill="{palet.GEKOZEN}" '
            f'stroke="{palet.OMLIJNING}"/>'
        ]
        if p.lijn:
            lx, ly = p.doos.dichtstbij(p.x, p.y)
            deel.append(
                f'<line x1="{p.x:.1f}" y1="{p.y:.1f}" x2="{lx:.1f}" y2="{ly:.1f}" '
                f'stroke="{palet.OMLIJNING}" stroke-width="0.8"/>'
            )
        deel.append(
            f'<text x="{p.doos.x0:.1f}" y="{p.doos.y1 - GROOTTE * 0.3:.1f}" '
            f'font-size="{GROOTTE}" font-weight="bold">{escape(p.naam)}</text>'
        )
        delen.append(f'<g class="deelnemer">{"".join(deel)}</g>')
    # The legend sits below the axis title, outside the plot area: it covers no point.
    legenda = [
        (palet.OVERIG, g.REEKS_OVERIG),
        (palet.FUSIELID, g.REEKS_FUSIELID),
        (palet.GEKOZEN, g.REEKS_DEELNEMERS),
        (None, g.REEKS_TREND),
    ]
    items = []
    for i, (kleur, tekst) in enumerate(legenda):
        lx = MARGE["links"] + (i % 2) * 270
        ly = HOOGTE + 8 + (i // 2) * 16
        if kleur is None:
            items.append(
                f'<line x1="{lx - 6}" y1="{ly}" x2="{lx + 6}" y2="{ly}" stroke="{palet.TREND}" '
                'stroke-width="1.6"/>'
            )
        else:
            items.append(f'<circle cx="{lx}" cy="{ly}" r="4" fill="{kleur}"/>')
        items.append(f'<text x="{lx + 10}" y="{ly + 4}">{escape(tekst)}</text>')
    delen.append(f'<g class="legenda">{"".join(items)}</g>')
    return document(
        delen,
        "Overhead tegen inwoners per gemeente, met trendlijn",
        hoogte=HOOGTE + LEGENDA_HOOGTE,
    )


# The counterfactual over the years.
TICK_AFSTAND = 6  # Between the tick labels and the axis, and between them and the title.
TITEL_RUIMTE = 14  # The rotated axis title's glyphs.
ZIJRAND = 40  # Between the plot's edges and the first and last file.
REEKS_LEGENDA_HOOGTE = 4 * 16 + 8  # One row per series: their names are long.
DOCUMENT_GAT = 0.6  # The room between two documents' files, in places.
MEDIAAN_STREEP = 7  # Half the width of the median's mark on each file.


def _stukken(punten):
    """Runs of consecutive known points, [(x, y), …] each: an unknown file breaks a line."""
    stukken, huidig = [], []
    for punt in punten:
        if punt is None:
            if huidig:
                stukken.append(huidig)
            huidig = []
        else:
            huidig.append(punt)
    if huidig:
        stukken.append(huidig)
    return stukken


def _polyline(stuk, kleur, breedte, streep="") -> str:
    punten = " ".join(f"{x:.1f},{y:.1f}" for x, y in stuk)
    dash = f' stroke-dasharray="{streep}"' if streep else ""
    return (
        f'<polyline points="{punten}" fill="none" stroke="{kleur}" stroke-width="{breedte}"{dash}/>'
    )


def tegenfeitelijk_svg(tijdreeks) -> str:
    """The members' overhead per inhabitant per Iv3 file against the trend's expectation and
    the band of gemeenten without a fusion of similar size, as on the page; a file without
    a joint figure is a gap marked "onbekend". Every point has a <title> with its figure."""
    rijen = tijdreeks.rijen
    bekend = [r for r in rijen if r.bekend]
    waarden = [
        w
        for r in bekend
        for w in (
            r.per_inwoner,
            r.verwacht_per_inwoner,
            r.band.p25 if r.band else None,
            r.band.p75 if r.band else None,
        )  # fmt: skip
        if w is not None
    ] or [0.0, 1.0]
    ticks = ronde_ticks(min(waarden), max(waarden))
    teksten = [f"€ {getallen.geheel(t)}" for t in ticks]
    breedste = max(tekstbreedte(t, GROOTTE) for t in teksten)
    links = max(MARGE["links"], math.ceil(breedste) + 2 * TICK_AFSTAND + TITEL_RUIMTE)
    rechts = BREEDTE - MARGE["rechts"]
    onder, boven = HOOGTE - MARGE["onder"], MARGE["boven"]
    # One place per file, the documents side by side with a gap between them.
    # groepen: (document, its first place, its last place, the indexes of its rows).
    plek, groepen = [], []
    for nummer, (soort, groep) in enumerate(tijdreeks.documenten):
        eerste, indexen = (
            len(plek) + nummer * DOCUMENT_GAT,
            range(len(plek), len(plek) + len(groep)),
        )
        plek += [eerste + j for j in range(len(groep))]
        groepen.append((soort, eerste, plek[-1], indexen))
    schaal_x = schaal(0, max(plek[-1] if plek else 0, 1), links + ZIJRAND, rechts - ZIJRAND, False)

    def sx(i):
        return schaal_x(plek[i])

    sy = schaal(ticks[0], ticks[-1], onder, boven, False)
    hoogte = HOOGTE + REEKS_LEGENDA_HOOGTE
    delen = [achtergrond(hoogte=hoogte)]
    for waarde, tekst in zip(ticks, teksten, strict=True):
        y = sy(waarde)
        delen.append(
            f'<line x1="{links}" y1="{y:.1f}" x2="{rechts}" y2="{y:.1f}" stroke="{palet.RASTER}"/>'
        )
        delen.append(
            f'<text class="tick-y" x="{links - TICK_AFSTAND}" y="{y + 4:.1f}" '
            f'text-anchor="end">{escape(tekst)}</text>'
        )
    for soort, van, tot, _ in groepen:
        # The document's name under its years; a dotted line between two documents.
        midden = (schaal_x(van) + schaal_x(tot)) / 2
        delen.append(
            f'<text class="document" x="{midden:.1f}" y="{onder + 31}" text-anchor="middle" '
            f'font-weight="bold">{escape(soort.capitalize())}</text>'
        )
        if van:
            grens = schaal_x(van - (DOCUMENT_GAT + 1) / 2)
            delen.append(
                f'<line x1="{grens:.1f}" y1="{boven}" x2="{grens:.1f}" y2="{onder + 34}" '
                f'stroke="{palet.OMLIJNING}" stroke-dasharray="2 3"/>'
            )
    for i, rij in enumerate(rijen):
        delen.append(
            f'<text class="bestand" x="{sx(i):.1f}" y="{onder + 16}" text-anchor="middle">'
            f"{rij.jaar}</text>"
        )
        if not rij.bekend:
            delen.append(
                f'<text class="onbekend" x="{sx(i):.1f}" y="{onder - 8}" text-anchor="middle" '
                f'fill="{palet.OMLIJNING}">{getallen.ONBEKEND}</text>'
            )
    delen.append(
        f'<text x="{(links + rechts) / 2:.0f}" y="{HOOGTE - 10}" text-anchor="middle">'
        f"{escape(g.AS_BESTAND)}</text>"
    )
    titel_x = links - 2 * TICK_AFSTAND - breedste
    delen.append(
        f'<text class="titel-y" transform="translate({titel_x:.1f} {(boven + onder) / 2:.0f}) '
        f'rotate(-90)" text-anchor="middle">{escape(g.AS_OVERHEAD_PER_INWONER)}</text>'
    )

    def punten(waarde):
        """Per document, None between them: a line never joins two documents."""
        uit = []
        for _, _, _, indexen in groepen:
            uit += [
                None if not rijen[i].bekend or waarde(rijen[i]) is None
                else (sx(i), sy(waarde(rijen[i])))
                for i in indexen
            ]  # fmt: skip
            uit.append(None)
        return uit

    # The band: p25 to p75, one area per run of known files (a bar for a single file).
    vlak = []
    met_band = []
    for _, _, _, indexen in groepen:
        met_band += [(i, rijen[i]) if rijen[i].bekend and rijen[i].band else None for i in indexen]
        met_band.append(None)
    for stuk in _stukken(met_band):
        if len(stuk) == 1:
            i, r = stuk[0]
            vlak.append(
                f'<rect x="{sx(i) - 6:.1f}" y="{sy(r.band.p75):.1f}" width="12" '
                f'height="{sy(r.band.p25) - sy(r.band.p75):.1f}"/>'
            )
            continue
        rand = [(sx(i), sy(r.band.p75)) for i, r in stuk]
        rand += [(sx(i), sy(r.band.p25)) for i, r in reversed(stuk)]
        vlak.append(f'<polygon points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in rand)}"/>')
    delen.append(
        f'<g class="reeks" data-reeks="band" fill="{palet.BAND}" '
        f'fill-opacity="{palet.BAND_DEKKING}">{"".join(vlak)}</g>'
    )
    series = (
        ("mediaan", lambda r: r.band.p50 if r.band else None, palet.MEDIAAN, 1.6, "6 4", 0),
        ("verwacht", lambda r: r.verwacht_per_inwoner, palet.VERWACHT, 1.6, "2 3", 3),
        ("leden", lambda r: r.per_inwoner, palet.LEDEN_SAMEN, 2.5, "", 4.5),
    )
    namen = {
        "mediaan": g.REEKS_MEDIAAN,
        "verwacht": g.REEKS_VERWACHT,
        "leden": f"{tijdreeks.naam}: {g.REEKS_LEDEN_SAMEN.lower()}",
    }
    for sleutel, waarde, kleur, breedte, streep, straal in series:
        deel = [
            _polyline(stuk, kleur, breedte, streep)
            for stuk in _stukken(punten(waarde))
            if len(stuk) > 1  # A single file has its mark, but no line.
        ]
        for i, r in enumerate(rijen):
            if not r.bekend or waarde(r) is None:
                continue
            x, y = sx(i), sy(waarde(r))
            titel = f"<title>{escape(r.label)}: € {getallen.bedrag(waarde(r))} per inwoner</title>"
            if straal:
                deel.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{straal}" fill="{kleur}" '
                    f'stroke="{palet.OMLIJNING}" stroke-width="0.5">{titel}</circle>'
                )
            else:  # A mark on each file, also where a single file has no line to its neighbours.
                deel.append(
                    f'<line x1="{x - MEDIAAN_STREEP:.1f}" y1="{y:.1f}" x2="{x + MEDIAAN_STREEP:.1f}" '
                    f'y2="{y:.1f}" stroke="{kleur}" stroke-width="{breedte}">{titel}</line>'
                )
        delen.append(
            f'<g class="reeks" data-reeks="{sleutel}"><title>{escape(namen[sleutel])}</title>'
            f"{''.join(deel)}</g>"
        )
    legenda = [
        ("leden", palet.LEDEN_SAMEN, namen["leden"], ""),
        ("verwacht", palet.VERWACHT, g.REEKS_VERWACHT, "2 3"),
        ("band", palet.BAND, g.REEKS_BAND, None),
        ("mediaan", palet.MEDIAAN, g.REEKS_MEDIAAN, "6 4"),
    ]
    items = []
    for i, (_, kleur, tekst, streep) in enumerate(legenda):
        lx = links + 8
        ly = HOOGTE + 8 + i * 16
        if streep is None:
            items.append(
                f'<rect x="{lx - 7}" y="{ly - 5}" width="14" height="10" fill="{kleur}" '
                f'fill-opacity="{palet.BAND_DEKKING}"/>'
            )
        else:
            dash = f' stroke-dasharray="{streep}"' if streep else ""
            items.append(
                f'<line x1="{lx - 7}" y1="{ly}" x2="{lx + 7}" y2="{ly}" stroke="{kleur}" '
                f'stroke-width="2"{dash}/>'
            )
        items.append(f'<text x="{lx + 12}" y="{ly + 4}">{escape(tekst)}</text>')
    delen.append(f'<g class="legenda">{"".join(items)}</g>')
    return document(
        delen,
        f"Overhead per inwoner door de jaren: {tijdreeks.naam} tegen gemeenten zonder fusie "
        "van vergelijkbare grootte",
        hoogte=hoogte,
    )
