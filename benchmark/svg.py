"""Static SVG charts for the PDF, drawn server-side without a browser.

The same data as the plotly charts of the pages; every chart in the PDF also has its table.
Text in the SVG is escaped, numbers are in Dutch notation; colours and labels are the
palette's and the label set's of weergave, as on the pages.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from weergave import getallen, palet
from weergave import grafieken as g

BREEDTE, HOOGTE = 640, 380
MARGE = dict(links=78, rechts=16, boven=16, onder=58)


def _svg(inhoud: list[str], titel: str, breedte=BREEDTE, hoogte=HOOGTE) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" '
        f'width="{breedte}" height="{hoogte}" role="img" font-family="DejaVu Sans, sans-serif" '
        f'font-size="11"><title>{escape(titel)}</title>' + "".join(inhoud) + "</svg>"
    )


def _schaal(lo: float, hi: float, a: float, b: float, log: bool):
    if log:
        lo, hi = math.log10(lo), math.log10(hi)

    def omzetten(w: float) -> float:
        w = math.log10(w) if log else w
        return a + (w - lo) / (hi - lo) * (b - a) if hi != lo else (a + b) / 2

    return omzetten


def _achtergrond() -> str:
    return f'<rect x="0" y="0" width="{BREEDTE}" height="{HOOGTE}" fill="{palet.ACHTERGROND}"/>'


def spreiding_svg(analyse, gekozen: list[str] | None = None) -> str:
    """Overhead against inhabitants on log axes, with the trend line and marked gemeenten."""
    gekozen = set(gekozen or [])
    df = analyse.gegevens
    df = df[df["inwoners"].notna() & (df["overhead_lasten_eur"] > 0)]
    x0, x1 = 500, 2_000_000
    y0, y1 = 500_000, 2_000_000_000
    sx = _schaal(x0, x1, MARGE["links"], BREEDTE - MARGE["rechts"], True)
    sy = _schaal(y0, y1, HOOGTE - MARGE["onder"], MARGE["boven"], True)
    delen = [_achtergrond()]
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
        f"{escape(g.AS_OVERHEAD_LOG_PDF)}</text>"
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
    for i, rij in enumerate(keuze.itertuples()):
        x, y = sx(float(rij.inwoners)), sy(float(rij.overhead_lasten_eur))
        delen.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{palet.GEKOZEN}" stroke="{palet.OMLIJNING}"/>'
        )
        # Labels alternate below and above the point, so close neighbours stay readable.
        dy = 18 + 12 * (i // 2) if i % 2 == 0 else -8 - 12 * (i // 2)
        naam = escape(rij.gemeentenaam)
        delen.append(f'<text x="{x + 7:.1f}" y="{y + dy:.1f}" font-weight="bold">{naam}</text>')
    legenda = [
        (palet.OVERIG, g.REEKS_OVERIG_PDF),
        (palet.FUSIELID, g.REEKS_FUSIELID_PDF),
        (palet.GEKOZEN, g.REEKS_DEELNEMERS_PDF),
    ]
    lx, ly = BREEDTE - 210, HOOGTE - MARGE["onder"] - 70
    delen.append(
        f'<rect x="{lx - 8}" y="{ly - 12}" width="200" height="66" fill="{palet.ACHTERGROND}" '
        f'stroke="{palet.KADER}"/>'
    )
    for i, (kleur, tekst) in enumerate(legenda):
        delen.append(f'<circle cx="{lx}" cy="{ly + i * 15}" r="4" fill="{kleur}"/>')
        delen.append(f'<text x="{lx + 10}" y="{ly + 4 + i * 15}">{escape(tekst)}</text>')
    delen.append(
        f'<line x1="{lx - 6}" y1="{ly + 45}" x2="{lx + 6}" y2="{ly + 45}" stroke="{palet.TREND}" '
        'stroke-width="1.6"/>'
    )
    delen.append(f'<text x="{lx + 10}" y="{ly + 49}">{escape(g.REEKS_TREND_PDF)}</text>')
    return _svg(delen, "Overhead tegen inwoners per gemeente, met trendlijn")


def businesscase_svg(projecties) -> str:
    """Cumulative net effect per variant per year."""
    waarden = [w for _, p in projecties for w in p.cumulatief] + [0.0]
    lo, hi = min(waarden), max(waarden)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    sx = _schaal(1, 10, MARGE["links"], BREEDTE - MARGE["rechts"], False)
    sy = _schaal(lo, hi, HOOGTE - MARGE["onder"], MARGE["boven"] + 40, False)
    delen = [_achtergrond()]
    for jaar in range(1, 11):
        delen.append(
            f'<text x="{sx(jaar):.1f}" y="{HOOGTE - MARGE["onder"] + 16}" text-anchor="middle">{jaar}</text>'
        )
    for i in range(5):
        waarde = lo + (hi - lo) * i / 4
        y = sy(waarde)
        delen.append(
            f'<line x1="{MARGE["links"]}" y1="{y:.1f}" x2="{BREEDTE - MARGE["rechts"]}" y2="{y:.1f}" stroke="{palet.RASTER}"/>'
        )
        delen.append(
            f'<text x="{MARGE["links"] - 6}" y="{y + 4:.1f}" text-anchor="end">{getallen.geheel(waarde)}</text>'
        )
    delen.append(
        f'<line x1="{MARGE["links"]}" y1="{sy(0):.1f}" x2="{BREEDTE - MARGE["rechts"]}" y2="{sy(0):.1f}" stroke="{palet.OMLIJNING}"/>'
    )
    delen.append(
        f'<text x="{(MARGE["links"] + BREEDTE) / 2:.0f}" y="{HOOGTE - 14}" text-anchor="middle">{escape(g.AS_JAAR_NA_START)}</text>'
    )
    delen.append(
        f'<text transform="translate(14 {HOOGTE / 2:.0f}) rotate(-90)" text-anchor="middle">{escape(g.AS_CUMULATIEF)}</text>'
    )
    for i, ((_, projectie), kleur) in enumerate(zip(projecties, palet.VARIANTEN, strict=False)):
        punten = " ".join(
            f"{sx(j.jaar):.1f},{sy(c):.1f}"
            for j, c in zip(projectie.jaren, projectie.cumulatief, strict=True)
        )
        delen.append(
            f'<polyline points="{punten}" fill="none" stroke="{kleur}" stroke-width="2.5"/>'
        )
        delen.append(
            f'<rect x="{MARGE["links"] + 6}" y="{MARGE["boven"] + i * 15}" width="12" height="4" fill="{kleur}"/>'
        )
        delen.append(
            f'<text x="{MARGE["links"] + 22}" y="{MARGE["boven"] + 5 + i * 15}">{escape(projectie.variant.naam)}</text>'
        )
    return _svg(delen, "Cumulatief netto-effect per variant over tien jaar")


def als_data_uri(svg: str) -> str:
    import base64

    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
