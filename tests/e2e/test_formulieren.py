"""Forms that fit how people type (issue 11), in the browser."""

from casussen.models import Gemeente
from tests.e2e.conftest import inloggen
from tests.e2e.test_toetsenbord import gegevens_zonder_iv3  # noqa: F401


def test_de_centrumgemeente_is_een_van_de_deelnemers(gegevens_zonder_iv3, nieuwe_pagina):  # noqa: F811
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.goto(a.basis + "/afwegingen/nieuw/")
    assert (
        "(verplicht)" in a.locator("legend").filter(has_text="Deelnemende gemeenten").inner_text()
    )
    keuzes = (
        "() => [...document.querySelectorAll('#id_centrumgemeente option')]"
        ".filter(o => !o.disabled).map(o => o.textContent.trim())"
    )
    assert a.evaluate(keuzes) == ["— geen —"]
    for naam in ("Leiderdorp", "Zoeterwoude"):
        a.locator("#gemeente-filter").fill(naam)
        a.get_by_label(naam).check()
    assert a.evaluate(keuzes) == ["— geen —", "Leiderdorp", "Zoeterwoude"]
    a.locator("#id_centrumgemeente").select_option(str(Gemeente.objects.get(code="GM0638").pk))
    a.locator("#gemeente-filter").fill("Zoeterwoude")
    a.get_by_label("Zoeterwoude").uncheck()
    # The choice made stays visible (the server will say it must be a deelnemer).
    assert a.evaluate(keuzes) == ["— geen —", "Leiderdorp", "Zoeterwoude"]
    a.locator("#id_centrumgemeente").select_option("")
    assert a.evaluate(keuzes) == ["— geen —", "Leiderdorp"]
