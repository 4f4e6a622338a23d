"""Opmerkingen beside the deelvraag they are about (issue 11): the boxes sit in a row under
each deelvraag's score and motivation, all in one form; each button places its own box and
what was typed in the others is shown again when a post is refused."""

import pytest
from django.urls import reverse

from kader.models import Deelvraag
from review import services as review
from review.models import Opmerking
from tests.factories import beantwoord_alles
from tests.html import soep

pytestmark = pytest.mark.django_db


def url(naam, afweging):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk})


@pytest.fixture
def gedeeld(maak_afweging, adviseur, secretaris):
    afweging = maak_afweging(titel="Review naast de vraag", gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return afweging


def deelvraag(afweging, nummer):
    return Deelvraag.objects.get(onderdeel__kader=afweging.kader, nummer=nummer)


def test_each_box_sits_in_the_row_under_its_deelvraag(secretaris_client, gedeeld):
    pagina = soep(secretaris_client.get(url("uitkomst", gedeeld)))
    for nummer in range(1, 9):
        rij = pagina.find(id=f"dv-opmerkingen-{nummer}")
        assert rij.name == "tr"
        # The row right above it is the deelvraag's own, with its score and motivation.
        vraag = rij.find_previous_sibling("tr")
        assert vraag.find("th").get_text(strip=True).startswith(f"{nummer}.")
        assert len(vraag.find_all("td")) == 2
        label = rij.find("label")
        assert label.get_text(strip=True) == f"Uw opmerking bij deelvraag {nummer}"
        assert rij.find("textarea")["name"] == f"opmerking-{nummer}"
        knop = rij.find("button")
        assert (knop["name"], knop["value"]) == ("vak", f"opmerking-{nummer}")
    # No separate block of boxes labelled "Deelvraag N" any more, and one form for them all.
    assert pagina.find(string="Opmerkingen per deelvraag") is None
    formulieren = pagina.select("form[data-concept]")
    assert len(formulieren) == 1
    assert len(formulieren[0].select("textarea[name^='opmerking-']")) == 8


def test_a_button_places_its_own_box_and_nothing_else(secretaris_client, gedeeld, secretaris):
    response = secretaris_client.post(
        url("opmerking", gedeeld),
        {"vak": "opmerking-5", "opmerking-5": "Steunt de raad dit?",
         "opmerking-2": "Nog niet af.", "opmerking-7": ""},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"].endswith("#dv-opmerkingen-5")
    opmerking = Opmerking.objects.get()
    assert (opmerking.deelvraag.nummer, opmerking.tekst, opmerking.auteur) == (
        5, "Steunt de raad dit?", secretaris,
    )  # fmt: skip
    pagina = soep(secretaris_client.get(url("uitkomst", gedeeld)))
    assert "Steunt de raad dit?" in pagina.find(id="dv-opmerkingen-5").get_text()
    assert "Steunt de raad dit?" not in pagina.find(id="dv-opmerkingen-2").get_text()


def test_a_refused_box_comes_back_with_every_other_box_as_typed(secretaris_client, gedeeld):
    response = secretaris_client.post(
        url("opmerking", gedeeld),
        {"vak": "opmerking-5", "opmerking-5": "", "opmerking-2": "Half af <b>vet</b>"},
    )
    assert response.status_code == 400
    pagina = soep(response)
    assert pagina.title.get_text(strip=True).startswith("Fout:")
    vijf = pagina.find(id="dv-opmerkingen-5")
    assert vijf.find("textarea")["aria-invalid"] == "true"
    assert "Schrijf eerst uw opmerking." in vijf.get_text()
    # The other box keeps its text (escaped), and the form tells the browser it is unsaved.
    assert pagina.find("textarea", attrs={"name": "opmerking-2"}).get_text() == "Half af <b>vet</b>"
    assert "<b>vet</b>" not in response.content.decode()
    assert pagina.find("form", attrs={"data-concept": True}).has_attr("data-niet-bewaard")
    assert not Opmerking.objects.exists()


def test_the_adviseur_answers_in_the_box_under_the_opmerking(
    adviseur_client, secretaris_client, gedeeld, secretaris
):
    vraag = review.opmerking_plaatsen(
        onderwerp=gedeeld, plek=deelvraag(gedeeld, 3), auteur=secretaris, tekst="Waarom 0?"
    )
    pagina = soep(adviseur_client.get(url("uitkomst", gedeeld)))
    rij = pagina.find(id="dv-opmerkingen-3")
    assert rij.find_previous_sibling("tr").find("th").get_text(strip=True).startswith("3.")
    assert "Waarom 0?" in rij.get_text()
    assert rij.find("textarea")["name"] == f"antwoord-{vraag.pk}"
    # Deelvragen without opmerkingen get no row for the adviseur, who does not comment.
    assert pagina.find(id="dv-opmerkingen-4") is None

    response = adviseur_client.post(
        url("opmerking", gedeeld),
        {"vak": f"antwoord-{vraag.pk}", f"antwoord-{vraag.pk}": "De regio verandert weinig."},
    )
    assert response["Location"].endswith("#dv-opmerkingen-3")
    antwoord = vraag.antwoorden.get()
    assert (antwoord.deelvraag.nummer, antwoord.tekst) == (3, "De regio verandert weinig.")
    rij = soep(secretaris_client.get(url("uitkomst", gedeeld))).find(id="dv-opmerkingen-3")
    assert "De regio verandert weinig." in rij.get_text()


def test_an_answer_to_an_opmerking_elsewhere_is_refused_with_the_text_kept(
    adviseur_client, gedeeld, maak_afweging, secretaris
):
    elders = maak_afweging(titel="Elders", gemeenten=["GM0489", "GM0613"])
    vreemd = review.opmerking_plaatsen(
        onderwerp=elders, plek=deelvraag(elders, 1), auteur=secretaris, tekst="Vraag elders"
    )
    response = adviseur_client.post(
        url("opmerking", gedeeld),
        {"vak": f"antwoord-{vreemd.pk}", f"antwoord-{vreemd.pk}": "Mijn antwoord."},
    )
    assert response.status_code == 400
    fout = soep(response).find(id="opmerking-fout")
    assert "Deze opmerking hoort niet bij deze afweging." in fout.get_text()
    assert "Mijn antwoord." in fout.get_text()
    assert not vreemd.antwoorden.exists()


def test_a_reviewer_cannot_answer_through_a_box_and_the_adviseur_cannot_comment(
    adviseur_client, secretaris_client, gedeeld, secretaris
):
    vraag = review.opmerking_plaatsen(
        onderwerp=gedeeld, plek=deelvraag(gedeeld, 1), auteur=secretaris, tekst="Vraag"
    )
    assert (
        secretaris_client.post(
            url("opmerking", gedeeld), {"vak": f"antwoord-{vraag.pk}", f"antwoord-{vraag.pk}": "x"}
        ).status_code
        == 403
    )
    assert (
        adviseur_client.post(
            url("opmerking", gedeeld), {"vak": "opmerking-1", "opmerking-1": "x"}
        ).status_code
        == 403
    )
    assert Opmerking.objects.count() == 1


def test_the_page_counts_this_users_opmerkingen_for_the_browser_copy(
    secretaris_client, gedeeld, secretaris, adviseur
):
    """afweging.js lets go of a box's kept text once the page shows a higher count than the
    copy was made at: only one's own opmerkingen count, so another's cannot fake it."""

    def teller():
        pagina = soep(secretaris_client.get(url("uitkomst", gedeeld)))
        return int(pagina.find("form", attrs={"data-concept": True}).find(
            attrs={"data-versie": True}
        )["value"])  # fmt: skip

    assert teller() == 0
    secretaris_client.post(url("opmerking", gedeeld), {"vak": "opmerking-1", "opmerking-1": "A"})
    assert teller() == 1
    andere = review.opmerking_plaatsen(
        onderwerp=gedeeld, plek=deelvraag(gedeeld, 2), auteur=secretaris, tekst="B"
    )
    review.opmerking_plaatsen(
        onderwerp=gedeeld, plek=None, auteur=adviseur, tekst="C", antwoord_op=andere
    )
    assert teller() == 2


def test_a_vastgestelde_afweging_shows_the_opmerkingen_without_boxes(
    secretaris_client, gedeeld, secretaris, adviseur
):
    from afweging import services

    review.opmerking_plaatsen(
        onderwerp=gedeeld, plek=deelvraag(gedeeld, 6), auteur=secretaris, tekst="Houdbaar?"
    )
    beantwoord_alles(gedeeld)
    services.vaststellen(afweging=gedeeld, versie=gedeeld.versie, door=adviseur)
    pagina = soep(secretaris_client.get(url("uitkomst", gedeeld)))
    assert "Houdbaar?" in pagina.find(id="dv-opmerkingen-6").get_text()
    assert pagina.find("form", attrs={"data-concept": True}) is None
    assert pagina.find(id="dv-opmerkingen-5") is None
