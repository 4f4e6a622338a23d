"""One palette for the charts of the pages, the PDF's SVG charts, the map and the CSS.

Series and statuses use the Okabe-Ito colours, which stay distinguishable with the common
forms of colour blindness. Every colour is named for what it means; the CSS in
static/css/fusietoets.css repeats the status, advies and oordeel colours (a test keeps
them in step, as CSS cannot import Python).
"""

from __future__ import annotations

# Okabe-Ito.
BLAUW = "#0072B2"
ORANJE = "#E69F00"
VERMILJOEN = "#D55E00"
HEMELSBLAUW = "#56B4E9"
BLAUWGROEN = "#009E73"
ROZE = "#CC79A7"
GRIJS = "#999999"
ZWART = "#000000"

# Chart furniture.
ACHTERGROND = "white"
RASTER = "#ddd"  # Grid lines.
OMLIJNING = "#333"  # Marker outlines and the zero line.
KADER = GRIJS  # The legend box of the PDF charts.
LEGENDARAND = "#6c757d"  # The map's legend; Bootstrap's secondary grey.
LEGENDAVLAK = "rgba(255,255,255,0.9)"
GRENS = "#ffffff"  # Between gemeenten on the map.

# Status of a fusieorganisatie, by its Fusieorganisatie.Status value (map and legend).
STATUS = {
    "actief": BLAUW,
    "gepland": ORANJE,
    "beeindigd": VERMILJOEN,
    "herindeling": BLAUWGROEN,
    "nooit": ROZE,
}
GEEN_FUSIE = "#E9ECEF"  # A gemeente without a known fusieorganisatie.

# The benchmark scatter: which gemeenten a point stands for, and the trend through them.
OVERIG = HEMELSBLAUW
FUSIELID = ORANJE
GEMARKEERD = GRIJS
GEKOZEN = VERMILJOEN
TREND = ZWART

# The counterfactual over the years: the members together, the trend's expectation at their
# joint inhabitants, and the band of gemeenten without a fusion of similar size (the blue
# of those gemeenten in the scatter), with its median in a darker blue.
LEDEN_SAMEN = VERMILJOEN
VERWACHT = TREND
BAND = HEMELSBLAUW
BAND_DEKKING = 0.3  # The band's fill opacity: the lines stay visible through it.
MEDIAAN = BLAUW

# Series of the business case: the proposed and the alternative variant, and per member
# its overhead alone against its contribution after the fusie.
VARIANTEN = (BLAUW, ORANJE)
ALLEEN = GRIJS
BIJDRAGE = BLAUW
INWONERS = BLAUW

# The advies card's border on the result page, by Advies value (Bootstrap's colours).
ADVIES = {
    "positief": "#198754",
    "positief_onder_voorwaarden": "#0d6efd",
    "heroverweeg_variant": "#b35c00",
    "onvolledig": "#b35c00",
    "negatief": "#dc3545",
}
# The text colour of a judgement (ja, nee, twijfel, onbekend) on the result page.
OORDEEL = {
    "ja": "#146c43",
    "nee": "#b02a37",
    "twijfel": "#8a4b00",
    "onbekend": "#595c5f",
}

# An evaluatie's judgement of a domein or the whole (evaluatie.scoring.Oordeelwaarde): the text
# colour, and the border of the overview's card, in the same colours as the afweging's.
EVALUATIEOORDEEL = {
    "overwegend_positief": "#146c43",
    "gemengd": "#8a4b00",
    "overwegend_negatief": "#b02a37",
    "onvolledig": "#595c5f",
}
EVALUATIE = {
    "overwegend_positief": "#198754",
    "gemengd": "#b35c00",
    "onvolledig": "#b35c00",
    "overwegend_negatief": "#dc3545",
}

AA_TEKST = 4.5  # WCAG 2.1 AA, 1.4.3: normal text against its background.
_NAMEN = {"white": "#ffffff", "black": "#000000"}


def rgb(kleur: str) -> tuple[int, int, int]:
    """'#0072B2', '#ddd', 'white' → (r, g, b)."""
    kleur = _NAMEN.get(kleur, kleur).lstrip("#")
    if len(kleur) == 3:
        kleur = "".join(c * 2 for c in kleur)
    return tuple(int(kleur[i : i + 2], 16) for i in (0, 2, 4))


def doorzichtig(kleur: str, dekking: float) -> str:
    """'#56B4E9', 0.3 → 'rgba(86,180,233,0.3)', for plotly's fills."""
    r, g, b = rgb(kleur)
    return f"rgba({r},{g},{b},{dekking})"


def luminantie(kleur: str) -> float:
    """Relative luminance as WCAG defines it."""

    def kanaal(waarde: int) -> float:
        c = waarde / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (kanaal(w) for w in rgb(kleur))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(voorgrond: str, achtergrond: str) -> float:
    """The WCAG contrast ratio, 1 to 21."""
    licht, donker = sorted((luminantie(voorgrond), luminantie(achtergrond)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


# plotly writes a hover label's text in white or in #444 on the trace's colour, whichever
# contrasts more (plotly.js Color.contrast). On five of our colours neither reaches AA.
PLOTLY_TEKST = ("#fff", "#444")


def hovertekst(kleur: str) -> str | None:
    """The text colour a hover label on `kleur` needs for AA, or None when plotly's own
    choice already has it (so a chart keeps plotly's look wherever that is legible)."""
    eigen = max(PLOTLY_TEKST, key=lambda tekst: contrast(kleur, tekst))
    if contrast(kleur, eigen) >= AA_TEKST:
        return None
    return max((ZWART, "#ffffff"), key=lambda tekst: contrast(kleur, tekst))
