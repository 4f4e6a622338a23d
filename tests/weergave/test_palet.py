"""The one palette: every meaning has a colour, the CSS repeats the same ones, text is legible."""

import re
from pathlib import Path

from django.utils.formats import get_format

from afweging.scoring import Advies, Waarde
from casussen.models import Fusieorganisatie
from evaluatie.scoring import Oordeelwaarde
from weergave import grafieken, palet

CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "fusietoets.css").read_text()


def _css(voorvoegsel: str, eigenschap: str) -> dict[str, str]:
    """{name: colour} for rules like `.status-actief { background-color: #0072B2; }`."""
    gevonden = {}
    for selectors, kleur in re.findall(
        rf"((?:\.{voorvoegsel}-\w+(?:,\s*)?)+)\s*\{{\s*{eigenschap}:\s*(#[0-9a-fA-F]+)", CSS
    ):
        for naam in re.findall(rf"\.{voorvoegsel}-(\w+)", selectors):
            gevonden[naam] = kleur.lower()
    return gevonden


def _klein(kleuren: dict) -> dict:
    return {naam: kleur.lower() for naam, kleur in kleuren.items()}


def test_every_status_advies_and_oordeel_has_a_colour():
    assert set(palet.STATUS) == set(Fusieorganisatie.Status.values)
    assert set(palet.ADVIES) == {a.value for a in Advies}
    assert set(palet.OORDEEL) == {w.value for w in Waarde}
    assert set(palet.EVALUATIEOORDEEL) == set(palet.EVALUATIE) == {w.value for w in Oordeelwaarde}


def test_the_css_repeats_the_palette():
    assert _css("status", "background-color") == _klein(palet.STATUS)
    assert _css("advies", "border-color") == _klein(palet.ADVIES)
    assert _css("oordeel", "color") == _klein(palet.OORDEEL)
    assert _css("evaluatie", "border-color") == _klein(palet.EVALUATIE)
    assert _css("evaluatieoordeel", "color") == _klein(palet.EVALUATIEOORDEEL)


def test_judgements_are_legible_text_on_white():
    for kleur in [*palet.OORDEEL.values(), *palet.EVALUATIEOORDEEL.values()]:
        assert palet.contrast(kleur, palet.ACHTERGROND) >= palet.AA_TEKST, kleur


def test_contrast_is_computed_as_wcag_does():
    assert round(palet.contrast("black", "white"), 1) == 21.0
    assert round(palet.contrast("#777", "#fff"), 2) == 4.48
    assert palet.rgb("#ddd") == (221, 221, 221)


def test_plotly_writes_numbers_with_the_dutch_separators():
    nl = get_format("DECIMAL_SEPARATOR", "nl") + get_format("THOUSAND_SEPARATOR", "nl")
    assert grafieken.SEPARATORS == nl
    assert grafieken.LAYOUT_BASIS["separators"] == nl


def test_the_log_axes_read_as_before():
    assert grafieken.ticks_inwoners()[1] == ["1.000", "10.000", "100.000", "1.000.000"]
    assert grafieken.ticks_overhead()[1] == ["€ 1 mln", "€ 10 mln", "€ 100 mln", "€ 1 mld"]


def _leesbaar(kleur: str) -> float:
    tekst = palet.hovertekst(kleur) or max(
        palet.PLOTLY_TEKST, key=lambda t: palet.contrast(kleur, t)
    )
    return palet.contrast(kleur, tekst)


def test_hover_labels_are_legible_on_every_series_and_status_colour():
    kleuren = {
        *palet.STATUS.values(), palet.GEEN_FUSIE, palet.OVERIG, palet.FUSIELID,
        palet.GEMARKEERD, palet.GEKOZEN, *palet.VARIANTEN, palet.ALLEEN, palet.BIJDRAGE,
        palet.INWONERS,
    }  # fmt: skip
    for kleur in kleuren:
        assert _leesbaar(kleur) >= palet.AA_TEKST, kleur
    # Where plotly's own white or #444 is legible, its look stays.
    assert grafieken.hoverlabel(palet.BLAUW) is None
    assert grafieken.hoverlabel(palet.VERMILJOEN) == {"font": {"color": "#000000"}}
