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


def test_de_teller_telt_mee_en_meldt_alleen_bij_een_drempel(
    gegevens_zonder_iv3,  # noqa: F811
    nieuwe_pagina,
    toegankelijk,
):
    """Issue 12: the limit is shown as a counter the field is described by; the polite live
    region speaks only when a threshold is crossed, not on every key."""
    from afweging.services import afweging_aanmaken

    afweging = afweging_aanmaken(
        door=gegevens_zonder_iv3["adviseur"], velden={"titel": "Teller", "variant": "openbaar_lichaam"},
        gemeenten=list(Gemeente.objects.filter(code__in=["GM0547", "GM0638"])),
    )  # fmt: skip
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.goto(f"{a.basis}/afwegingen/{afweging.pk}/meerwaarde/")
    vak = a.get_by_label("Motivering deelvraag 1")
    teller = a.locator(f"#{vak.get_attribute('id')}_teller")
    assert vak.get_attribute("maxlength") == "5000"
    assert teller.inner_text() == "nog 5.000 tekens"
    assert teller.get_attribute("id") in vak.get_attribute("aria-describedby").split()
    melding = a.locator("#teller-melding")
    assert melding.get_attribute("aria-live") == "polite"

    vak.fill("a" * 4_000)
    assert teller.inner_text() == "nog 1.000 tekens"
    vak.press("End")
    vak.type("bc")
    assert teller.inner_text() == "nog 998 tekens"
    assert melding.inner_text() == ""  # far from the limit: nothing said
    vak.fill("a" * 4_899)
    vak.press("End")
    vak.type("b")  # 100 left: said once
    assert melding.inner_text() == "Motivering deelvraag 1: nog 100 tekens"
    vak.type("c")  # 99 left: the counter follows, the live region stays as it was
    assert teller.inner_text() == "nog 99 tekens"
    assert melding.inner_text() == "Motivering deelvraag 1: nog 100 tekens"
    vak.fill("a" * 4_999)
    vak.press("End")
    vak.type("xyz")  # the browser stops at the limit
    assert vak.input_value() == "a" * 4_999 + "x"
    assert teller.inner_text() == "nog 0 tekens"
    assert melding.inner_text() == "Motivering deelvraag 1: nog 0 tekens"
    toegankelijk(a, "stap met teller")
