"""The afweging pages: creating, the steps, validation, autosave, conflicts and access."""

import pytest
from django.urls import reverse

from afweging.models import Afweging
from afweging.services import afweging_aanmaken
from casussen.models import Gemeente
from tests.html import soep

pytestmark = pytest.mark.django_db


def gemeenten(*codes):
    return list(Gemeente.objects.filter(code__in=codes))


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Fusie Leiderdorp en Zoeterwoude", gemeenten=["GM0547", "GM0638"])


def stap_url(afweging, stap):
    return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": stap})


def formset_data(afweging, stap, waarden: dict[int, tuple[str, str]], versie=None):
    """POST data for an onderdeel step: {deelvraag nummer: (score, motivering)}."""
    antwoorden = afweging.antwoorden.filter(deelvraag__onderdeel__code=stap).order_by(
        "deelvraag__nummer"
    )
    data = {
        "versie": versie if versie is not None else afweging.versie,
        "antwoorden-TOTAL_FORMS": len(antwoorden),
        "antwoorden-INITIAL_FORMS": len(antwoorden),
        "antwoorden-MIN_NUM_FORMS": 0,
        "antwoorden-MAX_NUM_FORMS": 1000,
        "actie": "opslaan",
    }
    for i, antwoord in enumerate(antwoorden):
        score, motivering = waarden.get(antwoord.deelvraag.nummer, ("", ""))
        data |= {
            f"antwoorden-{i}-id": antwoord.pk,
            f"antwoorden-{i}-score": score,
            f"antwoorden-{i}-motivering": motivering,
            f"antwoorden-{i}-bronnen": "",
        }
    return data


def nieuw_data(**anders):
    data = {
        "titel": "Fusie Leiderdorp en Zoeterwoude",
        "gemeenten": [g.pk for g in gemeenten("GM0547", "GM0638")],
        "variant": "bedrijfsvoeringsorganisatie",
        "geplande_startdatum": "2027-01-01",
        "geplande_evaluatiedatum": "2030-01-01",
        "taakstelling": "",
        "frictiekostenbudget": "250000",
        "reorganisatie_gecombineerd": "nee",
    }
    data.update(anders)
    return data


def test_an_adviseur_creates_an_afweging_with_its_answers_and_kader(adviseur_client, adviseur):
    response = adviseur_client.post(reverse("afweging:nieuw"), nieuw_data())
    afweging = Afweging.objects.get()
    # The fragment lets the page drop the copy the browser kept of the form.
    assert response["Location"] == stap_url(afweging, "deelnemers") + "#aangemaakt"
    assert afweging.provincie == adviseur.provincie
    assert afweging.kader.versie == 1
    assert sorted(d.gemeente.naam for d in afweging.deelnemers.all()) == [
        "Leiderdorp",
        "Zoeterwoude",
    ]
    assert afweging.antwoorden.count() == 8
    assert afweging.succesfactorantwoorden.count() == 15


def test_fewer_than_two_gemeenten_is_refused_in_dutch_and_keeps_the_input(adviseur_client):
    data = nieuw_data(gemeenten=[gemeenten("GM0547")[0].pk], titel="Mijn <b>titel</b>")
    response = adviseur_client.post(reverse("afweging:nieuw"), data)
    pagina = soep(response)
    assert "Kies minstens twee deelnemende gemeenten." in pagina.get_text()
    assert pagina.find("input", id="id_titel")["value"] == "Mijn <b>titel</b>"
    assert pagina.find("input", value=str(gemeenten("GM0547")[0].pk))["checked"] is not None
    assert not Afweging.objects.exists()


def test_a_centrumconstructie_needs_a_centrumgemeente_among_the_members(adviseur_client):
    response = adviseur_client.post(
        reverse("afweging:nieuw"), nieuw_data(variant="centrumconstructie")
    )
    assert "Kies bij een centrumconstructie de centrumgemeente." in soep(response).get_text()
    buiten = Gemeente.objects.get(code="GM0363")
    response = adviseur_client.post(
        reverse("afweging:nieuw"),
        nieuw_data(variant="centrumconstructie", centrumgemeente=buiten.pk),
    )
    assert "moet een van de deelnemende gemeenten zijn" in soep(response).get_text()


def test_the_evaluation_must_come_after_the_start(adviseur_client):
    response = adviseur_client.post(
        reverse("afweging:nieuw"), nieuw_data(geplande_evaluatiedatum="2026-01-01")
    )
    fout = soep(response).find(id="error_1_id_geplande_evaluatiedatum")
    assert fout.get_text(strip=True) == "De eerste evaluatie moet na de geplande start liggen."


def test_a_bad_amount_gets_a_dutch_message(adviseur_client):
    response = adviseur_client.post(reverse("afweging:nieuw"), nieuw_data(taakstelling="veel"))
    fout = soep(response).find(id="error_1_id_taakstelling")
    assert fout.get_text(strip=True) == (
        "Vul een bedrag in hele euro's in, bijvoorbeeld 1.200.000 of 1,2 mln."
    )


@pytest.mark.parametrize(
    ("getypt", "melding"),
    [("1.5 mln", "Schrijf een bedrag in miljoenen met een komma, bijvoorbeeld 1,5 mln: met een "
                 "punt kan ‘1.5 mln’ twee bedragen betekenen."),
     ("1,200,000", "‘1,200,000’ is Engelse notatie. Schrijf een punt tussen de duizendtallen en "
                   "een komma voor de decimalen, bijvoorbeeld 1.200.000 of 1,2 mln."),
     ("1,200", "Vul een bedrag in hele euro's in. Een komma staat voor de decimalen; schrijf "
               "duizendtallen met een punt: 1.200.000 of 1,2 mln.")],
)  # fmt: skip
def test_an_amount_that_could_mean_two_things_is_refused_not_guessed(
    adviseur_client, getypt, melding
):
    response = adviseur_client.post(reverse("afweging:nieuw"), nieuw_data(taakstelling=getypt))
    pagina = soep(response)
    assert pagina.find(id="error_1_id_taakstelling").get_text(strip=True) == melding
    assert pagina.find("input", attrs={"name": "taakstelling"})["value"] == getypt
    assert not Afweging.objects.exists()


@pytest.mark.parametrize(
    "getypt",
    ["1.200.000", "1200000", "€ 1.200.000", " 1 200 000 ", "1,2 mln", "1,2 miljoen", "€ 1,2 Mln."],
)
def test_amounts_are_typed_and_shown_in_dutch_notation(adviseur_client, getypt):
    adviseur_client.post(reverse("afweging:nieuw"), nieuw_data(taakstelling=getypt))
    afweging = Afweging.objects.get()
    assert afweging.taakstelling == 1_200_000
    pagina = soep(adviseur_client.get(stap_url(afweging, "basis")))
    veld = pagina.find("input", attrs={"name": "taakstelling"})
    assert (veld["type"], veld["value"], veld["inputmode"]) == ("text", "1.200.000", "decimal")


def test_a_score_without_motivation_is_refused_on_save_and_the_text_stays(
    adviseur_client, afweging
):
    data = formset_data(afweging, "meerwaarde", {1: ("1", ""), 2: ("2", "Mijn tekst")})
    response = adviseur_client.post(stap_url(afweging, "meerwaarde"), data)
    pagina = soep(response)
    assert "Motiveer de score: elke score vraagt een toelichting." in pagina.get_text()
    assert (
        pagina.find("textarea", id="id_antwoorden-1-motivering").get_text().strip() == "Mijn tekst"
    )
    assert not afweging.antwoorden.filter(score="2").exists()


def test_saving_a_step_stores_answers_and_raises_the_version(adviseur_client, afweging):
    data = formset_data(afweging, "meerwaarde", {1: ("1", "Minder eenpitters.")})
    response = adviseur_client.post(stap_url(afweging, "meerwaarde"), data)
    assert response.status_code == 302
    antwoord = afweging.antwoorden.get(deelvraag__nummer=1)
    assert (antwoord.score, antwoord.motivering) == ("1", "Minder eenpitters.")
    afweging.refresh_from_db()
    assert afweging.versie == 2


def test_autosave_keeps_a_draft_score_without_motivation(adviseur_client, afweging):
    data = formset_data(afweging, "meerwaarde", {1: ("1", "")}) | {"_autosave": "1"}
    response = adviseur_client.post(stap_url(afweging, "meerwaarde"), data)
    assert response.json()["opgeslagen"] is True
    assert response.json()["versie"] == 2
    assert afweging.antwoorden.get(deelvraag__nummer=1).score == "1"


def test_a_second_advisor_gets_a_conflict_instead_of_overwriting(
    adviseur_client, afweging, adviseur
):
    from django.test import Client

    from tests.factories import AdviseurFactory

    client = Client()
    collega = AdviseurFactory(provincie=adviseur.provincie, first_name="Carla", last_name="Collega")
    client.force_login(collega)
    versie = afweging.versie
    eerste = formset_data(afweging, "meerwaarde", {1: ("2", "Van Carla.")}, versie=versie)
    assert client.post(stap_url(afweging, "meerwaarde"), eerste).status_code == 302

    tweede = formset_data(afweging, "meerwaarde", {1: ("-2", "Van Anna.")}, versie=versie)
    response = adviseur_client.post(stap_url(afweging, "meerwaarde"), tweede)
    assert response.status_code == 409
    pagina = soep(response)
    assert "Carla Collega heeft deze afweging om" in pagina.find(id="conflict").get_text()
    assert (
        pagina.find("textarea", id="id_antwoorden-0-motivering").get_text().strip() == "Van Anna."
    )
    assert afweging.antwoorden.get(deelvraag__nummer=1).motivering == "Van Carla."


def test_an_autosave_after_a_colleague_saved_reports_the_conflict(
    adviseur_client, afweging, maak_gebruiker
):
    oud = afweging.versie
    collega = maak_gebruiker.adviseur()
    Afweging.objects.filter(pk=afweging.pk).update(
        versie=oud + 1, gewijzigd_door=collega, eigen_sinds=oud
    )
    data = formset_data(afweging, "meerwaarde", {1: ("1", "x")}, versie=oud) | {"_autosave": "1"}
    response = adviseur_client.post(stap_url(afweging, "meerwaarde"), data)
    assert response.status_code == 409
    assert "niet opgeslagen" in response.json()["conflict"]
    assert afweging.antwoorden.get(deelvraag__nummer=1).score == ""


def test_answers_of_another_afweging_cannot_be_smuggled_in(adviseur_client, afweging, adviseur):
    ander = afweging_aanmaken(
        door=adviseur, velden={"titel": "Ander", "variant": "openbaar_lichaam"},
        gemeenten=gemeenten("GM0489", "GM0613"),
    )  # fmt: skip
    data = formset_data(afweging, "meerwaarde", {1: ("2", "Gesmokkeld")})
    data["antwoorden-0-id"] = ander.antwoorden.get(deelvraag__nummer=1).pk
    response = adviseur_client.post(stap_url(afweging, "meerwaarde"), data)
    assert "Dit formulier hoort niet bij deze afweging" in soep(response).get_text()
    assert ander.antwoorden.get(deelvraag__nummer=1).motivering == ""


def test_the_steps_show_progress_and_the_checklist_has_its_own_step(adviseur_client, afweging):
    pagina = soep(adviseur_client.get(stap_url(afweging, "condities")))
    assert (
        pagina.find("a", attrs={"aria-current": "step"})
        .get_text(" ", strip=True)
        .startswith("5. Condities")
    )
    sectie = pagina.find("section", attrs={"aria-labelledby": "dv-4"})
    assert "Checklist kritieke succesfactoren: 0 van 15 ingevuld" in sectie.get_text()
    # The checklist itself: tests/afweging/test_succesfactoren.py
    assert not sectie.select("fieldset > legend.fw-semibold")


def test_deelvraag_7_explains_the_sign_against_the_proposed_variant(adviseur_client, afweging):
    tekst = soep(adviseur_client.get(stap_url(afweging, "weging"))).get_text(" ", strip=True)
    assert "Plus betekent: de voorgestelde variant" in tekst
    assert "beter dan een centrumgemeenteconstructie" in tekst


def test_the_result_page_explains_the_advies(adviseur_client, afweging):
    pagina = soep(adviseur_client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})))
    assert pagina.find(id="advies-kop").get_text() == "Advies: Onvolledig"
    beslissend = pagina.find("span", string="beslissend").parent
    assert "Onvolledig zolang een deelvraag open staat" in beslissend.get_text()
    assert "Vergelijkbare fusieorganisaties" in pagina.get_text()


def test_the_result_page_shows_no_internal_codes(adviseur_client, afweging):
    from afweging import scoring, selectors

    tekst = soep(
        adviseur_client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk}))
    ).get_text()
    assert "Signalen" in tekst and "Hoe het advies tot stand komt" in tekst
    # The identifiers (knockout_draagvlak, frictiekosten_kleiner_dan_taakstelling); a code
    # that is a plain word (positief) may of course be read.
    codes = [code for code, _ in scoring.REGELS if "_" in code]
    codes += [s.code for s in selectors.resultaat(afweging).signalen if "_" in s.code]
    assert len(codes) > 5
    assert [code for code in codes if code in tekst] == []


def test_the_list_shows_only_the_own_provincie_and_filters_on_status(
    adviseur_client, afweging, ander_adviseur
):
    elders = afweging_aanmaken(
        door=ander_adviseur, velden={"titel": "Utrechtse fusie", "variant": "openbaar_lichaam"},
        gemeenten=gemeenten("GM0321", "GM0352"),
    )  # fmt: skip
    pagina = soep(adviseur_client.get(reverse("afweging:lijst")))
    titels = [a.get_text() for a in pagina.select("tbody th a")]
    assert titels == [afweging.titel]
    assert elders.titel not in pagina.get_text()
    leeg = soep(adviseur_client.get(reverse("afweging:lijst"), {"status": "vastgesteld"}))
    assert "Nog geen afwegingen met deze status" in leeg.get_text()


@pytest.mark.parametrize("stap", ["basis", "deelnemers", "meerwaarde", None])
def test_an_adviseur_of_another_provincie_gets_404(client, ander_adviseur, afweging, stap):
    client.force_login(ander_adviseur)
    url = (
        stap_url(afweging, stap)
        if stap
        else reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})
    )
    assert client.get(url).status_code == 404
    assert client.post(url, {"versie": afweging.versie}).status_code in (404, 405)


def test_a_beheerder_may_not_use_the_afweging_pages(client, beheerder, afweging):
    client.force_login(beheerder)
    assert client.get(reverse("afweging:lijst")).status_code == 403
    assert client.get(reverse("afweging:nieuw")).status_code == 403
    assert client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})).status_code == 403


def test_a_secretaris_sees_nothing_that_was_not_shared(client, secretaris, afweging):
    client.force_login(secretaris)
    assert "Nog geen afwegingen" in client.get(reverse("afweging:lijst")).content.decode()
    assert client.get(reverse("afweging:nieuw")).status_code == 403
    assert client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})).status_code == 404


def test_not_logged_in_goes_to_login(client, afweging):
    response = client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk}))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_user_text_is_escaped(adviseur_client, afweging):
    data = formset_data(afweging, "meerwaarde", {1: ("1", "<script>alert(1)</script>")})
    adviseur_client.post(stap_url(afweging, "meerwaarde"), data)
    inhoud = adviseur_client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})).content
    assert b"<script>alert(1)</script>" not in inhoud
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in inhoud


def collega_sloeg_op(afweging, maak_gebruiker):
    """A colleague's save in between: the version rises, and it is not one's own."""
    oud = afweging.versie
    Afweging.objects.filter(pk=afweging.pk).update(
        versie=oud + 1, gewijzigd_door=maak_gebruiker.adviseur(), eigen_sinds=oud
    )
    return oud


def test_fixing_an_error_cannot_slip_past_a_colleagues_save(
    adviseur_client, afweging, maak_gebruiker
):
    oud = collega_sloeg_op(afweging, maak_gebruiker)
    # Our form is invalid and based on the old version: the conflict is shown at once.
    ongeldig = formset_data(afweging, "meerwaarde", {1: ("1", "")}, versie=oud)
    response = adviseur_client.post(stap_url(afweging, "meerwaarde"), ongeldig)
    assert response.status_code == 409
    pagina = soep(response)
    assert pagina.find("input", attrs={"name": "versie"})["value"] == str(oud)
    # Resubmitting the corrected form with that old version is still refused.
    goed = formset_data(afweging, "meerwaarde", {1: ("1", "Nu gemotiveerd.")}, versie=oud)
    assert adviseur_client.post(stap_url(afweging, "meerwaarde"), goed).status_code == 409
    assert afweging.antwoorden.get(deelvraag__nummer=1).score == ""


def test_an_invalid_form_keeps_the_version_it_was_based_on(adviseur_client, afweging):
    data = formset_data(afweging, "meerwaarde", {1: ("1", "")})
    pagina = soep(adviseur_client.post(stap_url(afweging, "meerwaarde"), data))
    assert pagina.find("input", attrs={"name": "versie"})["value"] == str(afweging.versie)


def basis_data(afweging, **anders):
    data = nieuw_data(titel=afweging.titel, variant=afweging.variant, versie=afweging.versie)
    data["gemeenten"] = [d.gemeente_id for d in afweging.deelnemers.all()]
    data.update(anders)
    return data


def test_saving_the_basis_step_updates_the_proposal_and_members(adviseur_client, afweging):
    leden = [g.pk for g in gemeenten("GM0547", "GM0638", "GM0579")]
    data = basis_data(afweging, titel="Nieuwe titel", gemeenten=leden, taakstelling="100000")
    response = adviseur_client.post(stap_url(afweging, "basis"), data)
    assert response.status_code == 302
    afweging.refresh_from_db()
    assert afweging.titel == "Nieuwe titel"
    assert afweging.taakstelling == 100000
    assert afweging.deelnemers.count() == 3


def test_a_conflict_on_the_basis_step_changes_nothing(adviseur_client, afweging, maak_gebruiker):
    oud = collega_sloeg_op(afweging, maak_gebruiker)
    data = basis_data(afweging, titel="Overschreven?", versie=oud)
    response = adviseur_client.post(stap_url(afweging, "basis"), data)
    assert response.status_code == 409
    afweging.refresh_from_db()
    assert afweging.titel == "Fusie Leiderdorp en Zoeterwoude"


def test_autosave_of_the_basis_step_never_removes_a_member(adviseur_client, afweging):
    zoeterwoude = afweging.deelnemers.get(gemeente__code="GM0638")
    zoeterwoude.perspectief, zoeterwoude.motieven = "tussenstap", ["kosten"]
    zoeterwoude.save()
    data = basis_data(
        afweging,
        titel="Andere titel",
        gemeenten=[gemeenten("GM0547")[0].pk, gemeenten("GM0579")[0].pk],
    )
    data["_autosave"] = "1"
    response = adviseur_client.post(stap_url(afweging, "basis"), data)
    assert response.json()["opgeslagen"] is True
    zoeterwoude.refresh_from_db()
    assert (zoeterwoude.perspectief, zoeterwoude.motieven) == ("tussenstap", ["kosten"])
    afweging.refresh_from_db()
    assert afweging.titel == "Andere titel"


def test_an_autosave_without_changes_does_not_raise_the_version(adviseur_client, afweging):
    data = formset_data(afweging, "meerwaarde", {}) | {"_autosave": "1"}
    response = adviseur_client.post(stap_url(afweging, "meerwaarde"), data)
    assert response.json() == {
        "opgeslagen": True, "gewijzigd": False, "versie": afweging.versie,
        "moment": response.json()["moment"],
    }  # fmt: skip
    afweging.refresh_from_db()
    assert afweging.versie == 1


def test_changing_the_variant_warns_about_deelvraag_7(adviseur_client, afweging):
    antwoord = afweging.antwoorden.get(deelvraag__nummer=7)
    antwoord.score, antwoord.motivering = "1", "Eigen entiteit beter."
    antwoord.save()
    leiderdorp = gemeenten("GM0547")[0]
    data = basis_data(afweging, variant="centrumconstructie", centrumgemeente=leiderdorp.pk)
    response = adviseur_client.post(stap_url(afweging, "basis"), data, follow=True)
    assert "Controleer de score en motivering van deelvraag 7" in soep(response).get_text()


def test_a_vastgestelde_afweging_cannot_be_changed(adviseur_client, afweging):
    Afweging.objects.filter(pk=afweging.pk).update(status="vastgesteld")
    data = formset_data(afweging, "meerwaarde", {1: ("1", "Te laat.")})
    # Refused with the reason, and the text stays on the page (issue 11).
    geweigerd = adviseur_client.post(stap_url(afweging, "meerwaarde"), data)
    assert geweigerd.status_code == 409
    assert "vastgesteld" in soep(geweigerd).find(id="conflict").get_text()
    assert (
        "Te laat." in soep(geweigerd).find("textarea", id="id_antwoorden-0-motivering").get_text()
    )
    response = adviseur_client.get(stap_url(afweging, "meerwaarde"))
    assert response["Location"] == reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})
    assert afweging.antwoorden.get(deelvraag__nummer=1).score == ""


def test_without_a_published_kader_creating_explains_and_keeps_the_input(adviseur_client):
    from kader.models import Kader

    Kader.objects.update(gepubliceerd=False)
    response = adviseur_client.post(reverse("afweging:nieuw"), nieuw_data(titel="Mijn voorstel"))
    pagina = soep(response)
    assert "Er is nog geen gepubliceerd afwegingskader" in pagina.get_text()
    assert pagina.find("input", id="id_titel")["value"] == "Mijn voorstel"


def test_the_variant_has_no_blank_choice(adviseur_client):
    pagina = soep(adviseur_client.get(reverse("afweging:nieuw")))
    waarden = [i["value"] for i in pagina.select("input[name=variant]")]
    assert waarden == ["openbaar_lichaam", "bedrijfsvoeringsorganisatie", "centrumconstructie"]


def test_score_fields_name_their_deelvraag(adviseur_client, afweging):
    pagina = soep(adviseur_client.get(stap_url(afweging, "weging")))
    legendes = [leg.get_text(strip=True) for leg in pagina.select("legend")]
    assert "Score deelvraag 7" in legendes and "Score deelvraag 8" in legendes
    radio = pagina.find("input", attrs={"name": "antwoorden-0-score"})
    assert radio["aria-describedby"] == "teken-7"
    assert pagina.find(id="teken-7")


def test_the_history_says_what_changed_from_what_to_what(adviseur_client, afweging):
    """Issue 10: "deelvraag 3: score +1 → −1", in Dutch labels, never raw field names."""
    stap = reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "meerwaarde"})
    rijen = list(
        afweging.antwoorden.filter(deelvraag__onderdeel__code="meerwaarde").order_by(
            "deelvraag__nummer"
        )
    )

    def bewaar(score, motivering):
        data = {"versie": Afweging.objects.get(pk=afweging.pk).versie, "actie": "opslaan",
                "antwoorden-TOTAL_FORMS": 3, "antwoorden-INITIAL_FORMS": 3,
                "antwoorden-MIN_NUM_FORMS": 0, "antwoorden-MAX_NUM_FORMS": 1000}  # fmt: skip
        for i, rij in enumerate(rijen):
            data |= {f"antwoorden-{i}-id": rij.pk, f"antwoorden-{i}-bronnen": "",
                     f"antwoorden-{i}-score": score if i == 2 else "",
                     f"antwoorden-{i}-motivering": motivering if i == 2 else ""}  # fmt: skip
        assert adviseur_client.post(stap, data).status_code == 302

    bewaar("1", "Sterkere positie in de regio.")
    bewaar("-1", "Sterkere positie in de regio.")
    laatste = Afweging.objects.get(pk=afweging.pk).wijzigingen.first()
    assert laatste.wat == "deelvraag 3: score +1 → −1"
    assert laatste.details["wijzigingen"] == [
        {"wat": "deelvraag 3", "velden": [{"veld": "score", "van": "+1", "naar": "−1"}]}
    ]


def test_the_history_of_the_proposal_names_its_fields_in_dutch(adviseur, afweging):
    from afweging.forms import AfwegingForm
    from afweging.services import basis_opslaan

    data = {
        "titel": afweging.titel, "variant": "centrumconstructie",
        "gemeenten": [d.gemeente_id for d in afweging.deelnemers.all()],
        "centrumgemeente": afweging.deelnemers.first().gemeente_id,
        "geplande_startdatum": "2027-01-01", "reorganisatie_gecombineerd": "onbekend",
    }  # fmt: skip
    form = AfwegingForm(data, instance=afweging)
    assert form.is_valid(), form.errors
    basis_opslaan(afweging=afweging, form=form, versie=afweging.versie, door=adviseur)
    wat = afweging.wijzigingen.first().wat
    assert "voorgestelde variant Klassieke ambtelijke fusie als openbaar lichaam → " in wat
    assert "Enkelvoudige centrumconstructie" in wat
    assert "geplande startdatum leeg → 1-1-2027" in wat
    assert "_" not in wat


def test_the_error_summary_links_every_error_to_its_field(adviseur_client, afweging):
    data = formset_data(afweging, "meerwaarde", {1: ("1", ""), 3: ("2", "")})
    pagina = soep(adviseur_client.post(stap_url(afweging, "meerwaarde"), data))
    assert pagina.title.get_text().startswith("Fout: Meerwaarde")
    samenvatting = pagina.find(attrs={"data-foutmelding": True})
    assert samenvatting.h2.get_text() == "Niet opgeslagen: er zijn 2 fouten"
    links = [(a.get_text(), a["href"]) for a in samenvatting("a")]
    melding = "Motiveer de score: elke score vraagt een toelichting."
    assert links == [
        (f"Motivering deelvraag 1: {melding}", "#id_antwoorden-0-motivering"),
        (f"Motivering deelvraag 3: {melding}", "#id_antwoorden-2-motivering"),
    ]
    for _, anker in links:
        assert pagina.find(id=anker[1:]) is not None


def test_an_error_on_a_radio_list_links_to_its_first_choice(adviseur_client, afweging):
    data = basis_data(afweging, variant="")
    pagina = soep(adviseur_client.post(stap_url(afweging, "basis"), data))
    link = pagina.find(attrs={"data-foutmelding": True}).find("a")
    assert link.get_text() == "Voorgestelde variant: Kies de voorgestelde variant."
    assert pagina.find(id=link["href"][1:])["name"] == "variant"
