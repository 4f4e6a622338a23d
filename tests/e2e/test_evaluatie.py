"""Evaluating a running fusion in the browser (issue 13): as an adviseur, open Werkorganisatie
Duivenvoorde in the register, start an evaluatie, fill a domein, reload while typing
(nothing lost), and read the overview; a colleague's save in between; and every page of an
evaluatie at 390 px. axe-core checks each page on WCAG 2.1 A/AA.

With E2E_SCHERMAFDRUKKEN=1 the pages are also kept as PNG in e2e-schermafdrukken/, to look at.
"""

import os
import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from evaluatie.models import Evaluatie
from gebruikers.models import Gebruiker
from tests.e2e.conftest import SCHERMAFDRUKKEN, WACHTWOORD, inloggen
from tests.e2e.test_smal_en_zoom import SMAL, meet, pagina_van  # noqa: F401
from tests.e2e.test_toetsenbord import gegevens_zonder_iv3  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

BEWAARD = re.compile(r"Concept automatisch bewaard om \d\d:\d\d:\d\d\.|Alles is bewaard\.")


def schermafdruk(pagina, naam):
    if os.environ.get("E2E_SCHERMAFDRUKKEN"):
        SCHERMAFDRUKKEN.mkdir(exist_ok=True)
        pagina.screenshot(path=str(SCHERMAFDRUKKEN / f"evaluatie-{naam}.png"), full_page=True)


def wacht_tot(pagina, voorwaarde, seconden=15):
    for _ in range(seconden * 10):
        if voorwaarde():
            return
        pagina.wait_for_timeout(100)
    raise AssertionError("niet bewaard binnen de tijd")


def motivering(evaluatie, volgorde, domein="publieke_waarde"):
    return evaluatie.oordelen.get(
        indicator__domein__code=domein, indicator__volgorde=volgorde
    ).motivering


def test_een_adviseur_evalueert_duivenvoorde_vanuit_het_register(
    gegevens_zonder_iv3,  # noqa: F811
    nieuwe_pagina,
    toegankelijk,
):
    a = nieuwe_pagina()
    a.on("dialog", lambda dialoog: dialoog.accept())  # "Toch verlaten?" on the reload: yes
    inloggen(a, "e2e-adviseur")
    a.get_by_role("link", name="Register").click()
    a.get_by_role("link", name="Werkorganisatie Duivenvoorde").first.click()
    a.wait_for_url(re.compile(r".*/fusieorganisaties/werkorganisatie-duivenvoorde/$"))
    toegankelijk(a, "fusieorganisatie met evaluatie starten")
    a.get_by_role("link", name="Evaluatie starten").click()
    a.wait_for_url(
        re.compile(r".*/evaluaties/fusieorganisatie/werkorganisatie-duivenvoorde/nieuw/$")
    )
    assert a.get_by_label("Titel van de evaluatie").input_value() == (
        "Evaluatie Werkorganisatie Duivenvoorde"
    )
    assert a.get_by_label("Voorschoten (Zuid-Holland)").is_checked()
    assert a.get_by_label("Wassenaar (Zuid-Holland)").is_checked()
    assert "1 januari 2013" in a.locator("#start").inner_text()
    toegankelijk(a, "evaluatie starten")
    schermafdruk(a, "starten")

    # Without a title: the error summary links to the field, the rest stays.
    a.get_by_label("Titel van de evaluatie").fill("")
    a.get_by_role("button", name="Evaluatie starten").click()
    a.get_by_role("link", name=re.compile("Geef de evaluatie een titel")).click()
    assert a.evaluate("document.activeElement.id") == "id_titel"
    toegankelijk(a, "evaluatie starten met fouten")
    a.get_by_label("Titel van de evaluatie").fill("Duivenvoorde na dertien jaar")
    a.get_by_label("Peildatum").fill("2026-06-01")
    a.get_by_role("button", name="Evaluatie starten").click()
    # (The browser keeps the fragment of the error link followed before: #id_titel.)
    a.wait_for_url(re.compile(r".*/evaluaties/\d+/publieke_waarde/(#.*)?$"))
    evaluatie = Evaluatie.objects.get()
    toegankelijk(a, "domein publieke waarde")

    # Type, and reload before the autosave's 1.5 seconds are up: nothing is lost.
    a.locator("input[name='oordelen-0-score'][value='1']").check()
    a.get_by_label("Motivering indicator 1", exact=True).fill(
        "De doelen staan in beide coalitieakkoorden."
    )
    a.reload()
    assert a.get_by_label("Motivering indicator 1", exact=True).input_value() == (
        "De doelen staan in beide coalitieakkoorden."
    )
    assert a.locator("input[name='oordelen-0-score'][value='1']").is_checked()
    wacht_tot(a, lambda: motivering(evaluatie, 1) == "De doelen staan in beide coalitieakkoorden.")

    # The whole domein, then on to the next.
    aantal = a.locator("textarea[name$='-motivering']").count()
    assert aantal == 13
    for i in range(1, aantal):
        a.locator(f"input[name='oordelen-{i}-score'][value='{'2' if i % 3 else '-1'}']").check()
        a.get_by_label(f"Motivering indicator {i + 1}", exact=True).fill(f"Onderbouwing {i + 1}.")
    expect(a.locator("#autosave-status")).to_contain_text(BEWAARD)
    schermafdruk(a, "domein")
    a.get_by_role("button", name="Opslaan en volgend domein").click()
    a.wait_for_url(re.compile(r".*/evaluaties/\d+/legitimiteit/(#.*)?$"))
    assert (
        a.get_by_role("link", name=re.compile("Publieke waarde")).inner_text().find("13/13") != -1
    )

    a.get_by_role("link", name="Overzicht", exact=True).click()
    a.wait_for_url(re.compile(r".*/evaluaties/\d+/(#.*)?$"))
    # The scores typed: +1, then +2 except every third indicator at −1.
    scores = [1] + [2 if i % 3 else -1 for i in range(1, 13)]
    positief, negatief = sum(1 for s in scores if s > 0), sum(1 for s in scores if s < 0)
    gemiddelde = f"+{sum(scores) / 13:.2f}".replace(".", ",")
    rij = a.locator("#domeinen-kop ~ div table tbody tr").first
    assert rij.locator("th").inner_text() == "Publieke waarde"
    cellen = rij.locator("td").all_inner_texts()
    assert cellen[0] == "13 van 13"
    assert " ".join(cellen[1].split()) == (
        f"Overwegend positief {positief} van de 13 gescoorde indicatoren positief, {negatief} "
        f"negatief, gemiddeld {gemiddelde}. (regel 4)"
    )
    assert a.get_by_role("heading", name="Totaaloordeel: Onvolledig").is_visible()
    assert a.get_by_text(
        "Nog niet te beoordelen: Legitimiteit en Besturing en organisatie zijn onvolledig."
    ).is_visible()
    toegankelijk(a, "overzicht")
    schermafdruk(a, "overzicht")
    a.get_by_role("link", name="Evaluaties").first.click()
    assert a.get_by_role("link", name="Duivenvoorde na dertien jaar").is_visible()
    toegankelijk(a, "lijst van evaluaties")


def test_een_collega_die_tussendoor_opsloeg_geeft_een_conflict_zonder_verlies(
    gegevens_zonder_iv3,  # noqa: F811
    nieuwe_pagina,
):
    from casussen.models import Fusieorganisatie
    from evaluatie import vertrekpunt
    from evaluatie.services import evaluatie_aanmaken

    adviseur = gegevens_zonder_iv3["adviseur"]
    collega = Gebruiker.objects.create_user(
        "e2e-collega", password=WACHTWOORD, first_name="Carla", last_name="Collega",
        provincie=adviseur.provincie,
    )  # fmt: skip
    collega.groups.add(Group.objects.get(name="adviseur"))
    punt = vertrekpunt.van_fusieorganisatie(
        Fusieorganisatie.objects.get(slug="werkorganisatie-duivenvoorde")
    )
    from datetime import date

    evaluatie = evaluatie_aanmaken(
        door=adviseur, titel=punt.titel, peildatum=date(2026, 6, 1), gemeenten=punt.gemeenten,
        startdatum_fusie=punt.startdatum, fusieorganisatie=punt.fusieorganisatie,
    )  # fmt: skip
    pad = f"/evaluaties/{evaluatie.pk}/legitimiteit/"
    a, c = nieuwe_pagina(), nieuwe_pagina()
    inloggen(a, "e2e-adviseur")
    inloggen(c, "e2e-collega")
    a.goto(a.basis + pad)
    c.goto(c.basis + pad)
    c.get_by_label("Motivering indicator 1", exact=True).fill("Carla's oordeel.")
    expect(c.locator("#autosave-status")).to_contain_text(BEWAARD)
    a.get_by_label("Motivering indicator 1", exact=True).fill("Mijn oordeel, over het hare heen.")
    expect(a.locator("#autosave-fout")).to_contain_text("Carla Collega heeft deze evaluatie om")
    assert motivering(evaluatie, 1, "legitimiteit") == "Carla's oordeel."
    # Reloaded: the colleague's version, and the kept text offered back.
    a.reload()
    assert a.get_by_label("Motivering indicator 1", exact=True).input_value() == "Carla's oordeel."
    aanbod = a.get_by_role("region", name="Niet bewaarde tekst")
    expect(aanbod).to_contain_text("omdat iemand anders de evaluatie tussendoor opsloeg")
    aanbod.get_by_role("button", name="Mijn tekst terugzetten").click()
    assert a.get_by_label("Motivering indicator 1", exact=True).input_value() == (
        "Mijn oordeel, over het hare heen."
    )
    wacht_tot(
        a, lambda: motivering(evaluatie, 1, "legitimiteit") == "Mijn oordeel, over het hare heen."
    )


def test_de_paginas_van_een_evaluatie_op_390_px(
    gegevens_zonder_iv3,  # noqa: F811
    pagina_van,  # noqa: F811
    toegankelijk,
):
    from datetime import date

    from casussen.models import Fusieorganisatie
    from evaluatie import vertrekpunt
    from evaluatie.services import evaluatie_aanmaken

    punt = vertrekpunt.van_fusieorganisatie(
        Fusieorganisatie.objects.get(slug="werkorganisatie-duivenvoorde")
    )
    evaluatie = evaluatie_aanmaken(
        door=gegevens_zonder_iv3["adviseur"], titel=punt.titel, peildatum=date(2014, 6, 1),
        gemeenten=punt.gemeenten, startdatum_fusie=punt.startdatum,
        fusieorganisatie=punt.fusieorganisatie,
    )  # fmt: skip
    for n, oordeel in enumerate(evaluatie.oordelen.order_by("pk")):
        oordeel.score, oordeel.motivering = ("2", "1", "0", "-1", "?")[n % 5], "Onderbouwd."
        oordeel.save()
    # And one of an afweging that was vastgesteld and whose fusion started: then and now.
    from django.utils import timezone

    from afweging.models import Afweging
    from afweging.services import afweging_aanmaken
    from casussen.models import Gemeente
    from evaluatie.models import Afloop
    from tests.factories import beantwoord_alles

    adviseur = gegevens_zonder_iv3["adviseur"]
    afweging = afweging_aanmaken(
        door=adviseur, velden={"titel": "Leiderdorp en Zoeterwoude", "variant": "openbaar_lichaam",
                               "taakstelling": 400_000, "frictiekostenbudget": 750_000},
        gemeenten=Gemeente.objects.filter(code__in=["GM0547", "GM0638"]),
    )  # fmt: skip
    beantwoord_alles(afweging)
    Afweging.objects.filter(pk=afweging.pk).update(
        status=Afweging.Status.VASTGESTELD, vastgesteld_op=timezone.now(), vastgesteld_door=adviseur
    )
    Afloop.objects.create(
        afweging=afweging, soort=Afloop.Soort.GESTART, datum=date(2027, 1, 1),
        bron="Raadsbesluiten", vastgelegd_door=adviseur,
    )  # fmt: skip
    punt = vertrekpunt.van_afweging(Afweging.objects.get(pk=afweging.pk))
    toen = evaluatie_aanmaken(
        door=adviseur, titel=punt.titel, peildatum=date(2030, 3, 1), gemeenten=punt.gemeenten,
        startdatum_fusie=punt.startdatum, afweging=punt.afweging,
    )  # fmt: skip
    for n, oordeel in enumerate(toen.oordelen.order_by("pk")):
        oordeel.score, oordeel.motivering = ("1", "0", "-1")[n % 3], "Onderbouwd."
        oordeel.save()

    a = pagina_van(SMAL)
    a.on("dialog", lambda dialoog: dialoog.accept())
    inloggen(a, "e2e-adviseur")
    te_breed, zonder_regio = {}, {}
    for pad, naam in (
        ("/fusieorganisaties/werkorganisatie-duivenvoorde/", "fusieorganisatie"),
        ("/evaluaties/", "lijst"),
        ("/evaluaties/fusieorganisatie/werkorganisatie-duivenvoorde/nieuw/", "starten"),
        (f"/evaluaties/{evaluatie.pk}/", "overzicht"),
        *((f"/evaluaties/{evaluatie.pk}/{d}/", d)
          for d in ("publieke_waarde", "legitimiteit", "besturing_organisatie")),
        (f"/afwegingen/{afweging.pk}/", "uitkomst van de afweging"),
        (f"/evaluaties/afweging/{afweging.pk}/nieuw/", "starten vanuit de afweging"),
        (f"/evaluaties/{toen.pk}/", "overzicht met toen en nu"),
    ):  # fmt: skip
        a.goto(a.basis + pad)
        a.wait_for_load_state("networkidle")
        meet(a, naam, te_breed, zonder_regio)
        toegankelijk(a, f"{naam} (390 px)")
        schermafdruk(a, f"390-{naam}")
    # The overview of an evaluatie one and a half years after the start says it is too early.
    a.goto(f"{a.basis}/evaluaties/{evaluatie.pk}/")
    assert a.get_by_role("heading", name="Waarschuwing: Evaluatie te vroeg").is_visible()
    assert not te_breed, f"Breder dan 390 px: {te_breed}"
    assert not zonder_regio, f"Scrollt opzij zonder benoemde, focusbare regio: {zonder_regio}"
