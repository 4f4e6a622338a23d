"""Nothing typed is ever lost (issue 11), walked in a real browser: type and reload at once,
let the session expire and save, two tabs of one adviseur, a reloaded "Nieuwe afweging"."""

import re

from django.contrib.sessions.models import Session

from afweging import lengtes
from afweging.models import Afweging
from tests.e2e.conftest import WACHTWOORD, inloggen
from tests.e2e.test_toetsenbord import gegevens_zonder_iv3, nieuwe_afweging  # noqa: F401

BEWAARD = re.compile(r"Concept automatisch bewaard om \d\d:\d\d:\d\d\.|Alles is bewaard\.")


def stap(pagina, afweging, code="meerwaarde"):
    pagina.goto(f"{pagina.basis}/afwegingen/{afweging.pk}/{code}/")


def motivering(pagina, i):
    return pagina.locator(f"#id_antwoorden-{i}-motivering")


def opgeslagen(afweging, nummer):
    return afweging.antwoorden.get(deelvraag__nummer=nummer).motivering


def wacht_op_bewaard(pagina):
    pagina.locator("#autosave-status").filter(has_text=BEWAARD).wait_for()


def wacht_tot(pagina, voorwaarde, seconden=15):
    """Until the database shows it (a save in the background lands when it lands)."""
    for _ in range(seconden * 10):
        if voorwaarde():
            return
        pagina.wait_for_timeout(100)
    raise AssertionError("niet bewaard binnen de tijd")


def test_typen_en_meteen_herladen_verliest_niets(gegevens_zonder_iv3, nieuwe_pagina):  # noqa: F811
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    a.on("dialog", lambda dialoog: dialoog.accept())  # "Toch verlaten?": yes, reload
    inloggen(a, "e2e-adviseur")
    stap(a, afweging)
    motivering(a, 0).fill("Getypt en meteen herladen.")
    a.reload()  # Before the autosave's 1.5 seconds are up.
    # Whether the save on leaving landed before the reloaded page was made or after, the
    # page shows the text, and the text is saved.
    assert motivering(a, 0).input_value() == "Getypt en meteen herladen."
    wacht_tot(a, lambda: opgeslagen(afweging, 1) == "Getypt en meteen herladen.")
    # And typing on after the reload is no conflict with one's own earlier save.
    motivering(a, 0).fill("Getypt, herladen en verder getypt.")
    wacht_op_bewaard(a)
    assert a.locator("#autosave-fout").inner_text() == ""
    assert opgeslagen(afweging, 1) == "Getypt, herladen en verder getypt."


def test_opslaan_na_een_verlopen_sessie_verliest_niets(gegevens_zonder_iv3, nieuwe_pagina):  # noqa: F811
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    stap(a, afweging)
    Session.objects.all().delete()  # The session expires while the page is open.
    motivering(a, 1).fill("Na het verlopen van de sessie getypt.")
    a.get_by_role("button", name="Opslaan", exact=True).click()
    a.wait_for_url(re.compile(r".*/account/login/\?next="))
    a.get_by_label("Gebruikersnaam").fill("e2e-adviseur")
    a.get_by_label("Wachtwoord").fill(WACHTWOORD)
    a.locator("main").get_by_role("button", name="Inloggen").click()
    a.wait_for_url(re.compile(rf".*/afwegingen/{afweging.pk}/meerwaarde/$"))
    assert motivering(a, 1).input_value() == "Na het verlopen van de sessie getypt."
    assert "staat weer in het formulier" in a.locator("#concept-terug").inner_text()
    wacht_op_bewaard(a)
    assert opgeslagen(afweging, 2) == "Na het verlopen van de sessie getypt."


def test_twee_tabbladen_van_een_adviseur_zitten_elkaar_niet_in_de_weg(
    gegevens_zonder_iv3,  # noqa: F811
    nieuwe_pagina,
):
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    b = a.context.new_page()  # The same browser, so the same session.
    b.basis = a.basis
    stap(a, afweging)
    stap(b, afweging)
    motivering(a, 0).fill("Uit het eerste tabblad.")
    wacht_op_bewaard(a)
    motivering(b, 1).fill("Uit het tweede tabblad.")
    wacht_op_bewaard(b)
    assert b.locator("#autosave-fout").inner_text() == "", "one's own save is no conflict"
    motivering(a, 2).fill("Weer uit het eerste.")
    wacht_op_bewaard(a)
    assert a.locator("#autosave-fout").inner_text() == ""
    assert [opgeslagen(afweging, n) for n in (1, 2, 3)] == [
        "Uit het eerste tabblad.", "Uit het tweede tabblad.", "Weer uit het eerste.",
    ]  # fmt: skip


def test_een_nieuwe_afweging_houdt_wat_getypt_is(gegevens_zonder_iv3, nieuwe_pagina):  # noqa: F811
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.goto(a.basis + "/afwegingen/nieuw/")
    a.get_by_label("Titel").fill("Fusie Leiderdorp en Zoeterwoude")
    a.locator("#gemeente-filter").fill("Leider")
    a.get_by_label("Leiderdorp").check()
    a.locator("input[name='variant'][value='openbaar_lichaam']").check()
    a.locator("input[name='reorganisatie_gecombineerd'][value='nee']").check()
    a.reload()
    assert a.get_by_label("Titel").input_value() == "Fusie Leiderdorp en Zoeterwoude"
    assert a.get_by_label("Leiderdorp").is_checked()
    assert a.locator("input[name='variant'][value='openbaar_lichaam']").is_checked()
    assert a.locator("input[name='reorganisatie_gecombineerd'][value='nee']").is_checked()
    assert "staat weer in het formulier" in a.locator("#concept-terug").inner_text()
    a.locator("#gemeente-filter").fill("Zoeter")
    a.get_by_label("Zoeterwoude").check()
    a.get_by_role("button", name="Afweging aanmaken").click()
    a.wait_for_url(re.compile(r".*/afwegingen/\d+/deelnemers/(#aangemaakt)?$"))
    assert Afweging.objects.get().titel == "Fusie Leiderdorp en Zoeterwoude"
    a.goto(a.basis + "/afwegingen/nieuw/")
    assert a.get_by_label("Titel").input_value() == "", "the kept copy went with the creation"


def test_een_onvolledige_afweging_wordt_niet_vastgesteld(gegevens_zonder_iv3, nieuwe_pagina):  # noqa: F811
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.goto(f"{a.basis}/afwegingen/{afweging.pk}/")
    a.get_by_role("link", name="Controleren en vaststellen").click()
    assert a.get_by_text("0 van de 8 deelvragen zijn gemotiveerd beantwoord").first.is_visible()
    assert a.get_by_role("button", name="Afweging vaststellen").count() == 0
    a.get_by_role("link", name=re.compile(r"^Deelvraag 5\.")).click()
    a.wait_for_url(re.compile(rf".*/afwegingen/{afweging.pk}/condities/#dv-5$"))
    assert Afweging.objects.get(pk=afweging.pk).status == Afweging.Status.CONCEPT


def test_een_concept_verwijderen_vraagt_eerst(gegevens_zonder_iv3, nieuwe_pagina, toegankelijk):  # noqa: F811
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    a.goto(f"{a.basis}/afwegingen/{afweging.pk}/")
    a.get_by_role("link", name="Concept verwijderen").click()
    assert a.get_by_role("heading", name="Deze afweging verwijderen?").is_visible()
    toegankelijk(a, "verwijderen")
    a.get_by_role("link", name="Nee, terug naar de afweging").click()
    assert Afweging.objects.filter(pk=afweging.pk).exists()
    a.get_by_role("link", name="Concept verwijderen").click()
    a.get_by_role("button", name="Ja, verwijder deze afweging").click()
    a.wait_for_url(re.compile(r".*/afwegingen/$"))
    assert a.get_by_text(
        "De afweging ‘Fusie Leiderdorp en Zoeterwoude’ is verwijderd."
    ).is_visible()
    assert not Afweging.objects.filter(pk=afweging.pk).exists()


def test_een_lange_geplakte_tekst_wordt_bewaard(gegevens_zonder_iv3, nieuwe_pagina):  # noqa: F811
    """Over 64 KB a browser refuses a keepalive request outright: a pasted report chapter
    was never saved and the page blamed the connection. Since issue 12 a motivering holds
    at most MOTIVERING characters: a longer paste stops there (the counter says so), and two
    full boxes of multi-byte text still make a body well over 64 KB."""
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    stap(a, afweging)
    lang = ("Één hoofdstuk uit het raadsvoorstel, € 1,2 mln, geplakt. " * 4000)[:150_000]
    motivering(a, 0).fill(lang)
    motivering(a, 1).fill(lang[::-1])
    wacht_op_bewaard(a)
    assert a.locator("#autosave-fout").inner_text() == ""
    assert opgeslagen(afweging, 1) == lang[: lengtes.MOTIVERING]
    assert opgeslagen(afweging, 2) == lang[::-1][: lengtes.MOTIVERING]
    teller = a.locator(f"#{motivering(a, 0).get_attribute('id')}_teller")
    assert teller.inner_text() == "nog 0 tekens"
