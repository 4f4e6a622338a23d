"""The motive 'Herindeling voorkomen of erop vooruitlopen' split in two (issue 11): new input
offers only the halves; a stored old choice is kept, shown with a note asking to choose,
and goes once a half is chosen."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from afweging.forms import ONGESPLITST_UITLEG
from afweging.models import MOTIEF_ONGESPLITST, Deelnemer
from afweging.selectors import met_alles, resultaat

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    afweging = maak_afweging(gemeenten=["GM0547", "GM0579"])  # Leiderdorp, Oegstgeest.
    # Stored before the split, as the voorbeeld and older afwegingen have it.
    Deelnemer.objects.filter(afweging=afweging, gemeente__code="GM0579").update(
        motieven=["kosten", MOTIEF_ONGESPLITST], perspectief="tussenstap"
    )
    return afweging


def url(afweging):
    return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "deelnemers"})


def motieven_van(afweging, code):
    return Deelnemer.objects.get(afweging=afweging, gemeente__code=code).motieven


def post_data(afweging, motieven: dict[str, list[str]]):
    deelnemers = list(afweging.deelnemers.select_related("gemeente").order_by("gemeente__naam"))
    data = {
        "versie": afweging.versie,
        "actie": "opslaan",
        "deelnemers-TOTAL_FORMS": len(deelnemers),
        "deelnemers-INITIAL_FORMS": len(deelnemers),
        "deelnemers-MIN_NUM_FORMS": 0,
        "deelnemers-MAX_NUM_FORMS": 1000,
    }
    for i, deelnemer in enumerate(deelnemers):
        data |= {
            f"deelnemers-{i}-id": deelnemer.pk,
            f"deelnemers-{i}-perspectief": deelnemer.perspectief,
            f"deelnemers-{i}-motieven": motieven.get(deelnemer.gemeente.code, deelnemer.motieven),
            f"deelnemers-{i}-motieven_toelichting": "",
        }
    return data


def keuzes(pagina, gemeentenaam):
    kaart = next(k for k in pagina.select("section.card") if gemeentenaam in k.h3.get_text())
    return kaart, {
        i["value"]: (i.has_attr("checked"), kaart.find("label", attrs={"for": i["id"]}).get_text())
        for i in kaart.select("input[name$='-motieven']")
    }


def test_new_input_offers_the_two_halves_and_never_the_old_choice(adviseur_client, afweging):
    pagina = BeautifulSoup(adviseur_client.get(url(afweging)).content, "html.parser")
    kaart, leiderdorp = keuzes(pagina, "Leiderdorp")
    assert leiderdorp["herindeling_voorkomen"][1].strip() == "Een herindeling voorkomen"
    assert leiderdorp["herindeling_vooruitlopen"][1].strip() == "Vooruitlopen op een herindeling"
    assert MOTIEF_ONGESPLITST not in leiderdorp
    assert "oude keuze" not in kaart.get_text()


def test_a_stored_old_choice_is_shown_ticked_with_a_note_asking_to_choose(
    adviseur_client, afweging
):
    pagina = BeautifulSoup(adviseur_client.get(url(afweging)).content, "html.parser")
    kaart, oegstgeest = keuzes(pagina, "Oegstgeest")
    aangevinkt, label = oegstgeest[MOTIEF_ONGESPLITST]
    assert aangevinkt
    assert label.strip() == (
        "Herindeling voorkomen of erop vooruitlopen (oude keuze, nog te splitsen)"
    )
    assert not oegstgeest["herindeling_voorkomen"][0]
    assert " ".join(ONGESPLITST_UITLEG.split()) in " ".join(kaart.get_text().split())


def test_saving_without_choosing_keeps_the_old_choice(adviseur_client, afweging):
    data = post_data(afweging, {"GM0547": ["kwetsbaarheid"]})
    assert adviseur_client.post(url(afweging), data).status_code == 302
    assert motieven_van(afweging, "GM0547") == ["kwetsbaarheid"]
    assert motieven_van(afweging, "GM0579") == ["kosten", MOTIEF_ONGESPLITST]


def test_choosing_a_half_lets_the_old_choice_go(adviseur_client, afweging):
    data = post_data(
        afweging, {"GM0579": ["kosten", "herindeling_vooruitlopen", MOTIEF_ONGESPLITST]}
    )
    assert adviseur_client.post(url(afweging), data).status_code == 302
    assert motieven_van(afweging, "GM0579") == ["kosten", "herindeling_vooruitlopen"]
    laatste = afweging.wijzigingen.order_by("-pk").first().wat
    assert "Herindeling voorkomen of erop vooruitlopen (oude keuze, nog te splitsen)" in laatste
    assert "Vooruitlopen op een herindeling" in laatste


def test_the_old_choice_is_refused_as_new_input(adviseur_client, afweging):
    # A page that still shows it after an autosave resolved it, or a hand-made post: a
    # gemeente that does not have it does not get it.
    data = post_data(afweging, {"GM0547": ["kwetsbaarheid", MOTIEF_ONGESPLITST]})
    assert adviseur_client.post(url(afweging), data).status_code == 302
    assert motieven_van(afweging, "GM0547") == ["kwetsbaarheid"]


def test_an_unknown_motive_is_refused_in_dutch(adviseur_client, afweging):
    data = post_data(afweging, {"GM0547": ["verzonnen"]})
    response = adviseur_client.post(url(afweging), data)
    assert response.status_code == 200
    assert "verzonnen is geen beschikbare keuze" in response.content.decode()
    assert motieven_van(afweging, "GM0547") == []


def test_the_signal_asks_for_the_choice_until_it_is_made(adviseur_client, afweging):
    def codes():
        return {
            s.code
            for s in resultaat(met_alles(type(afweging).objects).get(pk=afweging.pk)).signalen
        }

    assert "motief_herindeling_ongesplitst" in codes()
    pagina = adviseur_client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk}))
    assert "Waarschuwing: Motief over herindeling nog niet gekozen" in " ".join(
        BeautifulSoup(pagina.content, "html.parser").get_text().split()
    )
    data = post_data(afweging, {"GM0579": ["kosten", "herindeling_voorkomen"]})
    adviseur_client.post(url(afweging), data)
    assert "motief_herindeling_ongesplitst" not in codes()


def test_the_old_choice_keeps_its_label_wherever_motives_are_listed(afweging):
    deelnemer = Deelnemer.objects.get(afweging=afweging, gemeente__code="GM0579")
    assert deelnemer.motief_ongesplitst
    assert deelnemer.motieven_labels == [
        "Kosten beheersen of verlagen",
        "Herindeling voorkomen of erop vooruitlopen (oude keuze, nog te splitsen)",
    ]
