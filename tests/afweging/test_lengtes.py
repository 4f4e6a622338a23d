"""Issue 12: every free text has a limit (afweging.lengtes), shown where it is typed and
enforced on the server with a Dutch message that keeps what was typed; a longer text saved
before the limit stays as it is."""

import pytest
from django.urls import reverse

from afweging import lengtes
from afweging.forms import DeelnemerForm, SuccesfactorForm
from afweging.models import Afweging
from businesscase.forms import BusinesscaseVariantForm
from tests.afweging.test_views import formset_data
from tests.html import soep

pytestmark = pytest.mark.django_db

STAP = "meerwaarde"


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Lange teksten", gemeenten=["GM0547", "GM0638"])


def url(afweging, stap=STAP):
    return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": stap})


def antwoord(afweging, nummer=1):
    return afweging.antwoorden.get(deelvraag__nummer=nummer)


def test_a_motivering_over_the_limit_is_refused_with_its_text_kept(adviseur_client, afweging):
    te_lang = "a" * (lengtes.MOTIVERING + 12)
    response = adviseur_client.post(
        url(afweging), formset_data(afweging, STAP, {1: ("1", te_lang)})
    )
    assert response.status_code == 200
    pagina = soep(response)
    vak = pagina.find("textarea", attrs={"name": "antwoorden-0-motivering"})
    assert vak.get_text().strip("\n") == te_lang
    assert (
        "Motivering deelvraag 1: Deze tekst is 5.012 tekens lang; er passen er 5.000. Maak hem "
        "12 tekens korter." in pagina.get_text(" ", strip=True)
    )
    assert antwoord(afweging).motivering == ""
    assert Afweging.objects.get(pk=afweging.pk).versie == afweging.versie


def test_a_line_break_counts_as_one_character_as_in_the_browser(adviseur_client, afweging):
    # The browser counts "\n" for maxlength and sends "\r\n".
    tekst = "regel\r\n" * (lengtes.MOTIVERING // 6)  # 833 line breaks: 4,998 characters
    response = adviseur_client.post(url(afweging), formset_data(afweging, STAP, {1: ("1", tekst)}))
    assert response.status_code == 302
    assert antwoord(afweging).motivering == tekst.strip()


def test_an_autosave_over_the_limit_names_the_field_and_saves_nothing(adviseur_client, afweging):
    data = formset_data(afweging, STAP, {2: ("1", "b" * (lengtes.MOTIVERING + 1))})
    response = adviseur_client.post(url(afweging), data | {"_autosave": "1"})
    assert response.status_code == 400
    inhoud = response.json()
    assert inhoud["opgeslagen"] is False
    assert inhoud["fouten"] == [
        "Motivering deelvraag 2: Deze tekst is 5.001 tekens lang; er passen er 5.000. Maak hem "
        "1 teken korter. Wat u typte, staat nog in het veld."
    ]
    assert inhoud["fout"].startswith("Niet automatisch bewaard. Motivering deelvraag 2: ")
    assert antwoord(afweging, 2).motivering == ""


def test_the_field_shows_its_limit_and_a_counter_it_is_described_by(adviseur_client, afweging):
    a = antwoord(afweging)
    a.motivering = "Al 23 tekens getypt hier"[:23]
    a.save(update_fields=["motivering"])
    pagina = soep(adviseur_client.get(url(afweging)))
    vak = pagina.find("textarea", attrs={"name": "antwoorden-0-motivering"})
    assert vak["maxlength"] == "5000"
    teller = pagina.find(id=f"{vak['id']}_teller")
    assert f"{vak['id']}_teller" in vak["aria-describedby"].split()
    assert teller.get_text() == "nog 4.977 tekens"
    assert teller["data-teller"] == vak["id"]
    bronnen = pagina.find("textarea", attrs={"name": "antwoorden-0-bronnen"})
    assert bronnen["maxlength"] == "2000"
    assert pagina.find(id=f"{bronnen['id']}_teller").get_text() == "nog 2.000 tekens"


def test_a_text_saved_before_the_limit_stays_shown_kept_and_editable(adviseur_client, afweging):
    lang = ("Een lange motivering van vroeger. " * 200).strip()  # 6,799 characters
    a = antwoord(afweging)
    a.motivering = lang
    a.save(update_fields=["motivering"])
    pagina = soep(adviseur_client.get(url(afweging)))
    vak = pagina.find("textarea", attrs={"name": "antwoorden-0-motivering"})
    assert vak.get_text().strip("\n") == lang
    assert pagina.find(id=f"{vak['id']}_teller").get_text() == "1.799 tekens te veel"
    # Unchanged, it goes along with a change elsewhere on the step.
    response = adviseur_client.post(
        url(afweging), formset_data(afweging, STAP, {1: ("2", lang), 2: ("1", "Kort.")})
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.score, a.motivering) == ("2", lang)
    # Changed, it must fit.
    response = adviseur_client.post(
        url(afweging), formset_data(afweging, STAP, {1: ("2", lang + " Meer."), 2: ("1", "Kort.")})
    )
    assert response.status_code == 200
    assert "Deze tekst is 6.805 tekens lang" in soep(response).get_text()
    # Shortened, it is saved.
    response = adviseur_client.post(
        url(afweging), formset_data(afweging, STAP, {1: ("2", lang[:5000]), 2: ("1", "Kort.")})
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.motivering == lang[:5000]


@pytest.mark.parametrize(
    ("form", "veld", "maximum"),
    [
        (DeelnemerForm, "motieven_toelichting", lengtes.MOTIEVEN_TOELICHTING),
        (SuccesfactorForm, "notitie", lengtes.NOTITIE),
    ],
)
def test_every_text_of_the_steps_has_its_limit(afweging, form, veld, maximum):
    rij = (
        afweging.deelnemers.first()
        if form is DeelnemerForm
        else afweging.succesfactorantwoorden.first()
    )
    data = {"perspectief": "onbekend", "status": "onbekend"}
    ingevuld = form(data | {veld: "x" * (maximum + 1)}, instance=rij)
    assert not ingevuld.is_valid()
    assert ingevuld.errors[veld][0].startswith(
        f"Deze tekst is {maximum + 1:,} tekens lang".replace(",", ".")
    )
    assert form(data | {veld: "x" * maximum}, instance=rij).is_valid()
    assert f'maxlength="{maximum}"' in str(ingevuld[veld])


def test_the_title_shows_its_limit_and_counter(adviseur_client, afweging):
    pagina = soep(adviseur_client.get(url(afweging, "basis")))
    titel = pagina.find("input", attrs={"name": "titel"})
    assert titel["maxlength"] == "200"
    assert pagina.find(id=f"{titel['id']}_teller").get_text() == "nog 187 tekens"


def test_an_amount_or_percentage_typed_as_a_page_of_text_is_refused(afweging):
    variant = afweging.businesscase.varianten.first()
    data = {
        "besparing_pct": "1" * 11, "ingroei_jaren": 3, "frictiekosten": "1" * 31,
        "frictie_jaren": 3, "extra_kosten": "0", "btw_aandeel_pct": "0",
    }  # fmt: skip
    form = BusinesscaseVariantForm(data, instance=variant)
    assert not form.is_valid()
    assert form.errors["frictiekosten"] == [
        "Een bedrag past in 30 tekens, bijvoorbeeld 1.200.000 of 1,2 mln."
    ]
    assert form.errors["besparing_pct"] == [
        "Vul een getal in van hooguit 10 tekens, bijvoorbeeld 2,5."
    ]
    assert 'maxlength="30"' in str(form["frictiekosten"])
