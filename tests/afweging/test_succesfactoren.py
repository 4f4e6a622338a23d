"""The checklist of kritieke succesfactoren as a step of its own (issue 11): before it,
Condities was one page of three deelvragen and fifteen checklist items."""

import pytest
from django.urls import reverse

from afweging.models import Afweging, SuccesfactorAntwoord, Wijziging
from tests.factories import beantwoord_alles
from tests.html import soep

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Checklist BAR", gemeenten=["GM0489", "GM0613"])


def tekst(element) -> str:
    return " ".join(element.get_text(" ").split())


def stap_url(afweging, stap="succesfactoren"):
    return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": stap})


def factoren(afweging):
    return list(afweging.succesfactorantwoorden.select_related("succesfactor"))


def checklist_data(afweging, waarden: dict[int, tuple[str, str]], versie=None, **extra):
    """POST data for the checklist: {index: (status, notitie)}; the rest as they are."""
    rijen = factoren(afweging)
    data = {
        "versie": afweging.versie if versie is None else versie,
        "succesfactoren-TOTAL_FORMS": len(rijen),
        "succesfactoren-INITIAL_FORMS": len(rijen),
        "succesfactoren-MIN_NUM_FORMS": 0,
        "succesfactoren-MAX_NUM_FORMS": 1000,
        "actie": "opslaan",
        **extra,
    }
    for i, rij in enumerate(rijen):
        status, notitie = waarden.get(i, (rij.status, rij.notitie))
        data |= {
            f"succesfactoren-{i}-id": rij.pk,
            f"succesfactoren-{i}-status": status,
            f"succesfactoren-{i}-notitie": notitie,
        }
    return data


def test_the_checklist_is_step_4_between_meerwaarde_and_condities(adviseur_client, afweging):
    pagina = soep(adviseur_client.get(stap_url(afweging)))
    stappen = [tekst(a) for a in pagina.select("nav[aria-label='Stappen van de afweging'] ol a")]
    assert stappen[2:5] == [
        "3. Meerwaarde 0/3 , 0 van 3 ingevuld",
        "4. Succesfactoren 0/15 , 0 van 15 ingevuld",
        "5. Condities 0/3 , 0 van 3 ingevuld",
    ]
    assert tekst(pagina.find("a", attrs={"aria-current": "step"})).startswith("4. Succesfactoren")
    assert pagina.title.get_text().startswith("Succesfactoren – Checklist BAR")
    # Fifteen factors, each a fieldset named by its factor, in the three groups of the kader.
    assert len(pagina.select("fieldset > legend.fw-semibold")) == 15
    assert [tekst(h) for h in pagina.select("main h3")] == [
        "Bij de vorming",
        "In de werking",
        "Checklist (§11.2)",
    ]
    # The same autosave as every step, to this step's own URL.
    formulier = pagina.find("form", attrs={"data-autosave": True})
    assert formulier["data-autosave"] == stap_url(afweging)
    knoppen = [tekst(b) for b in formulier.select("button[name='actie']")]
    assert knoppen == ["Opslaan en vorige stap", "Opslaan", "Opslaan en volgende stap"]


def test_condities_no_longer_holds_the_checklist_but_says_where_it_stands(
    adviseur_client, afweging
):
    rijen = factoren(afweging)
    for rij, status in zip(rijen, ["voldaan", "voldaan", "niet", "deels"], strict=False):
        rij.status = status
        rij.save()
    pagina = soep(adviseur_client.get(stap_url(afweging, "condities")))
    assert not pagina.select("input[name^='succesfactoren-']")
    assert len(pagina.select("fieldset > legend.fw-semibold")) == 0
    samenvatting = pagina.find(id="checklist-4")
    assert samenvatting.find_parent("section")["aria-labelledby"] == "dv-4"
    assert tekst(samenvatting).startswith(
        "Checklist kritieke succesfactoren: 4 van 15 ingevuld "
        "(2 voldaan, 1 deels voldaan, 1 niet voldaan en 11 onbekend)."
    )
    assert f"Niet voldaan: ‘{rijen[2].succesfactor.naam}’." in tekst(samenvatting)
    assert samenvatting.find("a")["href"] == stap_url(afweging)


def test_saving_the_checklist_stores_it_records_it_and_goes_on_to_condities(
    adviseur_client, afweging
):
    data = checklist_data(
        afweging, {0: ("voldaan", "Urgentie gedeeld in drie raden."), 4: ("niet", "")}
    )
    data["actie"] = "volgende"
    response = adviseur_client.post(stap_url(afweging), data)
    assert response.status_code == 302
    assert response["Location"] == stap_url(afweging, "condities")
    rijen = factoren(afweging)
    assert (rijen[0].status, rijen[0].notitie) == ("voldaan", "Urgentie gedeeld in drie raden.")
    assert rijen[4].status == "niet"
    assert {r.status for r in rijen[5:]} == {"onbekend"}
    afweging.refresh_from_db()
    assert afweging.versie == 2
    regel = Wijziging.objects.filter(afweging=afweging).latest("pk").wat
    assert f"succesfactor ‘{rijen[0].succesfactor.naam}’" in regel
    # The progress counts the factors no longer unknown.
    pagina = soep(adviseur_client.get(stap_url(afweging, "condities")))
    stap = pagina.find("a", href=stap_url(afweging), class_="btn")
    assert tekst(stap) == "4. Succesfactoren 2/15 , 2 van 15 ingevuld"


def test_the_checklist_is_autosaved_as_every_step(adviseur_client, afweging):
    data = checklist_data(afweging, {1: ("deels", "Half")}, _autosave="1")
    response = adviseur_client.post(stap_url(afweging), data)
    assert response.status_code == 200
    assert response.json()["opgeslagen"] is True
    assert response.json()["versie"] == 2
    assert (factoren(afweging)[1].status, factoren(afweging)[1].notitie) == ("deels", "Half")


def test_an_error_is_named_by_its_factor_and_links_to_it_and_the_notes_stay(
    adviseur_client, afweging
):
    data = checklist_data(afweging, {0: ("voldaan", "Mijn notitie."), 2: ("misschien", "Ook.")})
    response = adviseur_client.post(stap_url(afweging), data)
    assert response.status_code == 200
    pagina = soep(response)
    assert pagina.title.get_text().startswith("Fout: Succesfactoren")
    samenvatting = pagina.select_one("[data-foutmelding]")
    assert "Niet opgeslagen: er is één fout" in tekst(samenvatting)
    link = samenvatting.find("a")
    naam = factoren(afweging)[2].succesfactor.naam
    assert tekst(link).startswith(f"{naam}, status: ")
    assert link["href"] == "#id_succesfactoren-2-status_0"
    assert pagina.find(id="id_succesfactoren-2-status_0") is not None
    assert tekst(pagina.find("textarea", id="id_succesfactoren-0-notitie")) == "Mijn notitie."
    assert tekst(pagina.find("textarea", id="id_succesfactoren-2-notitie")) == "Ook."
    assert not afweging.succesfactorantwoorden.exclude(status="onbekend").exists()


def test_a_colleagues_save_in_between_is_a_conflict_not_an_overwrite(
    adviseur_client, afweging, maak_gebruiker
):
    oud = afweging.versie
    collega = maak_gebruiker.adviseur(first_name="Carla", last_name="Collega")
    Afweging.objects.filter(pk=afweging.pk).update(
        versie=oud + 1, gewijzigd_door=collega, eigen_sinds=oud
    )
    data = checklist_data(afweging, {0: ("niet", "Van Anna.")}, versie=oud)
    response = adviseur_client.post(stap_url(afweging), data)
    assert response.status_code == 409
    pagina = soep(response)
    assert "Carla Collega heeft deze afweging om" in tekst(pagina.find(id="conflict"))
    assert tekst(pagina.find("textarea", id="id_succesfactoren-0-notitie")) == "Van Anna."
    assert factoren(afweging)[0].status == "onbekend"


def test_the_check_page_shows_the_checklist_without_blocking(adviseur_client, afweging):
    beantwoord_alles(afweging)
    SuccesfactorAntwoord.objects.filter(afweging=afweging).update(status="voldaan")
    eerste = factoren(afweging)[0]
    eerste.status = "onbekend"
    eerste.save()
    pagina = soep(adviseur_client.get(reverse("afweging:vaststellen", kwargs={"pk": afweging.pk})))
    sectie = pagina.find(id="checklist-kop").parent
    assert tekst(sectie).startswith(
        f"Checklist kritieke succesfactoren 14 van de 15 factoren zijn ingevuld (14 voldaan en "
        f"1 onbekend). Nog onbekend: ‘{eerste.succesfactor.naam}’."
    )
    assert sectie.find("a", string="Checklist aanvullen")["href"] == stap_url(afweging)
    assert pagina.find("button", string="Afweging vaststellen") is not None
    # With many still unknown, the count says enough.
    SuccesfactorAntwoord.objects.filter(afweging=afweging).update(status="onbekend")
    pagina = soep(adviseur_client.get(reverse("afweging:vaststellen", kwargs={"pk": afweging.pk})))
    sectie = pagina.find(id="checklist-kop").parent
    assert "0 van de 15 factoren zijn ingevuld (15 onbekend). Dat houdt" in tekst(sectie)


def test_the_old_step_urls_still_work(adviseur_client, afweging):
    for stap in ("basis", "deelnemers", "meerwaarde", "condities", "weging"):
        pagina = soep(adviseur_client.get(stap_url(afweging, stap)))
        assert pagina.find("a", attrs={"aria-current": "step"}) is not None, stap
