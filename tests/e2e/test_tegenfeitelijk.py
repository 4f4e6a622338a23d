"""Issue 13: a fusieorganisatie's overhead over the years in a real browser. The chart is
drawn, its legend names the series, the table beside it holds a row per Iv3 file, and axe
finds no WCAG 2.1 AA problem, on a desktop and on a phone's width."""

import pytest

from tests.e2e.conftest import inloggen

pytestmark = pytest.mark.django_db(transaction=True)

PAD = "/fusieorganisaties/werkorganisatie-duivenvoorde/"


@pytest.mark.parametrize("breedte", [1280, 390])
def test_duivenvoorde_over_the_years_is_drawn_and_accessible(
    gegevens, nieuwe_pagina, toegankelijk, breedte
):
    pagina = nieuwe_pagina()
    pagina.set_viewport_size({"width": breedte, "height": 900})
    inloggen(pagina, "e2e-adviseur")
    pagina.goto(pagina.basis + PAD)
    sectie = pagina.get_by_role(
        "region",
        name="Overhead door de jaren, tegen gemeenten zonder fusie van vergelijkbare grootte",
    )
    figuur = sectie.locator("[data-plotly-figuur=tegenfeitelijk-figuur]")
    figuur.and_(pagina.locator("[data-getekend=ja]")).wait_for()
    legenda = figuur.locator(".legend").text_content()  # SVG: no inner_text.
    assert "deelnemers samen" in legenda and "Mediaan van die gemeenten" in legenda
    rijen = sectie.locator("#tegenfeitelijk-tabel tbody tr")
    # The begrotingen by year, then the jaarrekening: one series per document.
    koppen = [t.split("\n")[0].strip() for t in rijen.locator("th").all_inner_texts()]
    assert [" ".join(k.split()[:2]) for k in koppen] == [
        "Begroting 2023", "Begroting 2024", "Begroting 2025", "Jaarrekening 2023",
    ]  # fmt: skip
    # On the axis the year under each place and the document under its years, no label
    # over another (also at 390 px).
    assert figuur.locator(".xtick text").all_text_contents() == ["2023", "2024", "2025", "2023"]
    groepen = figuur.locator(".annotation-text").all_text_contents()
    assert "Begroting" in groepen and "Jaarrekening" in groepen
    vakken = [t.bounding_box() for t in figuur.locator(".xtick text").all()]
    for links, rechts in zip(vakken, vakken[1:], strict=False):
        assert links["x"] + links["width"] < rechts["x"], vakken
    toegankelijk(pagina, f"{PAD} ({breedte} px)")
