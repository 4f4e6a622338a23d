"""The formal reactie (issue 11): amended in the form that shows it, never overwritten
silently by a second secretaris, an answer marked once the reactie changes after it, and a
reactie received by letter or e-mail recorded by the adviseur, marked so wherever it shows."""

import pytest
from django.core import mail
from django.urls import reverse

from afweging import services
from afweging.models import Afweging
from afweging.rapport import rapport_van
from afweging.selectors import met_alles
from casussen.models import Gemeente
from review import services as review
from review.models import Reactie
from tests.factories import SecretarisFactory, beantwoord_alles
from tests.html import soep
from uitwisseling.exporteren import als_dict

pytestmark = pytest.mark.django_db


def url(naam, afweging, **kwargs):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk, **kwargs})


@pytest.fixture
def barendrecht(db):
    return Gemeente.objects.get(code="GM0489")


@pytest.fixture
def gedeeld(maak_afweging, adviseur, secretaris):
    adviseur.email = "adviseur@provincie.example"
    adviseur.save()
    afweging = maak_afweging(titel="Reacties", gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return afweging


@pytest.fixture
def collega(gedeeld, adviseur):
    """A second gemeentesecretaris of Barendrecht, also shared with."""
    tweede = SecretarisFactory(username="tweede-secretaris", first_name="Tweede")
    review.delen(onderwerp=gedeeld, gebruikers=[tweede], door=adviseur)
    return tweede


def tekstvak(deel, naam="tekst"):
    """A textarea's text as the browser shows it (without the newline after the tag)."""
    return deel.find("textarea", attrs={"name": naam}).get_text().removeprefix("\n")


def formulier(pagina, gemeente):
    return pagina.find(id=f"reactieformulier-{gemeente.code}")


def data(gemeente, standpunt, tekst, versie):
    return {"gemeente": gemeente.pk, "standpunt": standpunt, "tekst": tekst, "versie": versie}


def test_the_form_shows_the_current_reactie_to_amend(secretaris_client, gedeeld, barendrecht):
    leeg = formulier(soep(secretaris_client.get(url("uitkomst", gedeeld))), barendrecht)
    assert leeg.find("h3").get_text(strip=True) == "Uw formele reactie namens Barendrecht"
    assert leeg.find("input", attrs={"name": "versie"})["value"] == "0"

    secretaris_client.post(
        url("reactie", gedeeld), data(barendrecht, "kanttekeningen", "Eerst de frictiekosten.", 0)
    )
    vol = formulier(soep(secretaris_client.get(url("uitkomst", gedeeld))), barendrecht)
    assert vol.find("h3").get_text(strip=True) == "Uw formele reactie namens Barendrecht aanpassen"
    assert tekstvak(vol) == "Eerst de frictiekosten."
    gekozen = vol.find("input", attrs={"name": "standpunt", "checked": True})
    assert gekozen["value"] == "kanttekeningen"
    assert vol.find("input", attrs={"name": "versie"})["value"] == str(Reactie.objects.get().versie)
    assert vol.find("button").get_text(strip=True) == "Gewijzigde reactie vastleggen"

    # Amending from that form replaces the reactie.
    response = secretaris_client.post(
        url("reactie", gedeeld),
        data(barendrecht, "instemmend", "Akkoord.", Reactie.objects.get().versie),
    )
    assert response.status_code == 302
    reactie = Reactie.objects.get()
    assert (reactie.standpunt, reactie.tekst) == ("instemmend", "Akkoord.")
    assert (
        gedeeld.wijzigingen.first().wat
        == "Formele reactie gewijzigd namens Barendrecht: instemmend"
    )


def test_two_secretarissen_amending_at_once_never_overwrite_silently(
    secretaris_client, client, gedeeld, collega, barendrecht, secretaris
):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="instemmend", tekst="Akkoord.", versie=0)  # fmt: skip
    client.force_login(collega)
    # Both opened the page at this version.
    versie = reactie.versie
    eerste = secretaris_client.post(
        url("reactie", gedeeld), data(barendrecht, "kanttekeningen", "Eerst de raad.", versie)
    )
    assert eerste.status_code == 302
    tweede = client.post(
        url("reactie", gedeeld), data(barendrecht, "niet_instemmend", "Nee, te duur.", versie)
    )
    assert tweede.status_code == 409
    reactie.refresh_from_db()
    assert (reactie.standpunt, reactie.tekst, reactie.auteur) == (
        "kanttekeningen",
        "Eerst de raad.",
        secretaris,
    )
    pagina = soep(tweede)
    melding = pagina.find(id="reactie-conflict").get_text(" ", strip=True)
    assert f"{secretaris.get_full_name()} heeft om" in melding
    assert "namens Barendrecht de reactie gewijzigd" in melding and "niet vastgelegd" in melding
    # The second one's text is still in the form, the first one's reactie above it.
    form = formulier(pagina, barendrecht)
    assert tekstvak(form) == "Nee, te duur."
    assert "Eerst de raad." in pagina.find(id="reactie-GM0489").get_text()
    # Having seen it, they may replace it on purpose: the form now carries the new version.
    assert form.find("input", attrs={"name": "versie"})["value"] == str(reactie.versie)
    opnieuw = client.post(
        url("reactie", gedeeld),
        data(barendrecht, "niet_instemmend", "Nee, te duur.", reactie.versie),
    )
    assert opnieuw.status_code == 302
    reactie.refresh_from_db()
    assert (reactie.tekst, reactie.auteur) == ("Nee, te duur.", collega)


def test_two_first_reacties_at_once_do_not_overwrite_either(
    secretaris_client, client, gedeeld, collega, barendrecht
):
    client.force_login(collega)
    assert (
        secretaris_client.post(
            url("reactie", gedeeld), data(barendrecht, "instemmend", "Ja.", 0)
        ).status_code
        == 302
    )
    response = client.post(url("reactie", gedeeld), data(barendrecht, "niet_instemmend", "Nee.", 0))
    assert response.status_code == 409
    assert (
        "namens Barendrecht een reactie gegeven"
        in soep(response).find(id="reactie-conflict").get_text()
    )
    assert Reactie.objects.get().tekst == "Ja."


def test_ones_own_earlier_save_is_no_conflict(secretaris_client, gedeeld, barendrecht):
    # Two tabs opened before any reactie; the first saves, then the second.
    assert (
        secretaris_client.post(
            url("reactie", gedeeld), data(barendrecht, "instemmend", "Uit tab een.", 0)
        ).status_code
        == 302
    )
    assert (
        secretaris_client.post(
            url("reactie", gedeeld), data(barendrecht, "kanttekeningen", "Uit tab twee.", 0)
        ).status_code
        == 302
    )
    assert Reactie.objects.get().tekst == "Uit tab twee."


def test_the_lock_is_checked_in_the_service_too(gedeeld, collega, barendrecht, secretaris):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="instemmend", tekst="Akkoord.", versie=0)  # fmt: skip
    review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                         standpunt="instemmend", tekst="Akkoord, echt.", versie=reactie.versie)  # fmt: skip
    with pytest.raises(review.ReactieConflict) as conflict:
        review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=collega,
                             standpunt="niet_instemmend", tekst="Nee.", versie=reactie.versie)  # fmt: skip
    assert conflict.value.reactie.tekst == "Akkoord, echt."
    assert Reactie.objects.get().tekst == "Akkoord, echt."


def test_an_answer_about_an_earlier_version_says_so_on_the_page_and_in_the_report(
    secretaris_client, adviseur_client, gedeeld, barendrecht, secretaris, adviseur
):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="instemmend", tekst="Akkoord als de evaluatie na drie jaar komt.", versie=0)  # fmt: skip
    review.reactie_beantwoorden(
        reactie=reactie, door=adviseur, tekst="De evaluatie komt na drie jaar."
    )
    reactie.refresh_from_db()
    blok = soep(secretaris_client.get(url("uitkomst", gedeeld))).find(id="reactie-GM0489")
    assert "eerdere versie" not in blok.get_text()

    secretaris_client.post(
        url("reactie", gedeeld),
        data(barendrecht, "niet_instemmend", "Toch niet: de raad is tegen.", reactie.versie),
    )
    reactie.refresh_from_db()
    assert (reactie.eerdere_tekst, reactie.eerder_standpunt) == (
        "Akkoord als de evaluatie na drie jaar komt.",
        "instemmend",
    )
    for client in (secretaris_client, adviseur_client):
        blok = soep(client.get(url("uitkomst", gedeeld))).find(id="reactie-GM0489")
        tekst = blok.get_text(" ", strip=True)
        assert "Toch niet: de raad is tegen." in tekst
        assert "Dit antwoord gaat over een eerdere versie van de reactie." in tekst
        assert "Akkoord als de evaluatie na drie jaar komt." in blok.find("blockquote").get_text()
        assert "standpunt: instemmend" in tekst
    # The report (page and PDF) says it too.
    from config.pdf import render_to_pdf

    html, _ = render_to_pdf(
        "afweging/pdf/rapport.html",
        {"rapport": rapport_van(met_alles(Afweging.objects.filter(pk=gedeeld.pk)).get())},
    )
    assert "Dit antwoord gaat over een eerdere versie van de reactie." in html
    assert "Akkoord als de evaluatie na drie jaar komt." in html
    assert (
        "Dit antwoord gaat over een eerdere versie van de reactie."
        in adviseur_client.get(url("rapport", gedeeld)).content.decode()
    )
    # The check before vaststellen names it.
    assert (
        "gewijzigd nadat de provincie antwoordde"
        in adviseur_client.get(url("vaststellen", gedeeld)).content.decode()
    )
    # A second amendment keeps the text the answer was about.
    review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                         standpunt="niet_instemmend", tekst="Toch niet, en waarom.", versie=reactie.versie)  # fmt: skip
    reactie.refresh_from_db()
    assert reactie.eerdere_tekst == "Akkoord als de evaluatie na drie jaar komt."
    # A new answer is about the reactie as it is now.
    adviseur_client.post(
        url("reactie-antwoord", gedeeld, reactie_pk=reactie.pk),
        {"antwoord": "Dan passen we het aan."},
    )
    reactie.refresh_from_db()
    assert (reactie.eerdere_tekst, reactie.antwoord_over_eerdere) == ("", False)
    assert (
        "eerdere versie"
        not in soep(adviseur_client.get(url("uitkomst", gedeeld)))
        .find(id="reactie-GM0489")
        .get_text()
    )


def test_changed_back_to_what_was_answered_the_answer_fits_again(
    gedeeld, barendrecht, secretaris, adviseur
):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="instemmend", tekst="Ja.", versie=0)  # fmt: skip
    review.reactie_beantwoorden(reactie=reactie, door=adviseur, tekst="Dank.")
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="niet_instemmend", tekst="Nee.")  # fmt: skip
    assert reactie.antwoord_over_eerdere
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="instemmend", tekst="Ja.")  # fmt: skip
    assert not reactie.antwoord_over_eerdere


def test_a_reactie_not_changed_records_nothing(gedeeld, barendrecht, secretaris):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="instemmend", tekst="Ja.", versie=0)  # fmt: skip
    voor = gedeeld.wijzigingen.count()
    zelfde = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                  standpunt="instemmend", tekst="Ja.", versie=reactie.versie)  # fmt: skip
    assert zelfde.versie == reactie.versie
    assert gedeeld.wijzigingen.count() == voor


# --- a reactie received by letter or e-mail ----------------------------------------------


def test_the_adviseur_records_a_reactie_received_by_letter(
    adviseur_client,
    secretaris_client,
    gedeeld,
    adviseur,
    secretaris,
    django_capture_on_commit_callbacks,
):
    secretaris.email = "secretaris@barendrecht.example"
    secretaris.save()
    pagina = soep(adviseur_client.get(url("uitkomst", gedeeld)))
    link = pagina.find("a", string="Reactie van Barendrecht vastleggen")
    assert link["href"] == url("reactie-namens", gedeeld, code="GM0489")

    vraag = adviseur_client.get(link["href"])
    assert vraag.status_code == 200
    assert soep(vraag).h1.get_text(strip=True) == "Reactie van Barendrecht vastleggen"
    with django_capture_on_commit_callbacks(execute=True):
        response = adviseur_client.post(link["href"], {
            "ontvangen_per": "brief", "standpunt": "kanttekeningen", "versie": "0",
            "tekst": "Brief van 3 maart, kenmerk Z/26/1234: eens, mits de evaluatie later komt.",
        })  # fmt: skip
    assert response["Location"] == url("uitkomst", gedeeld) + "#reactie-GM0489"
    reactie = Reactie.objects.get()
    assert (reactie.ontvangen_per, reactie.auteur, reactie.gemeente.code) == (
        "brief",
        adviseur,
        "GM0489",
    )
    herkomst = f"Ontvangen per brief, vastgelegd door {adviseur.get_full_name()}"
    assert reactie.herkomst == herkomst
    # Marked as such on the page (for everyone), in the report, the PDF and the export.
    for client in (adviseur_client, secretaris_client):
        assert (
            herkomst
            in soep(client.get(url("uitkomst", gedeeld))).find(id="reactie-GM0489").get_text()
        )
    assert herkomst in adviseur_client.get(url("rapport", gedeeld)).content.decode()
    from config.pdf import render_to_pdf

    html, _ = render_to_pdf(
        "afweging/pdf/rapport.html",
        {"rapport": rapport_van(met_alles(Afweging.objects.filter(pk=gedeeld.pk)).get())},
    )
    assert herkomst in html
    regel = als_dict(gedeeld)["reacties"][0]
    assert (regel["ontvangen_per"], regel["auteur"]) == ("brief", adviseur.username)
    assert (
        gedeeld.wijzigingen.first().wat
        == "Formele reactie namens Barendrecht (ontvangen per brief): instemmend met kanttekeningen"
    )
    # The gemeente's own reviewer hears of it; the adviseur does not mail themselves.
    assert [m.to for m in mail.outbox] == [["secretaris@barendrecht.example"]]
    assert "per brief" in mail.outbox[0].body


def test_the_secretaris_amending_a_recorded_reactie_makes_it_theirs(
    adviseur_client, secretaris_client, gedeeld, barendrecht, adviseur, secretaris
):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=adviseur,
                                   standpunt="instemmend", tekst="Per e-mail: ja.", versie=0,
                                   ontvangen_per="email")  # fmt: skip
    form = formulier(soep(secretaris_client.get(url("uitkomst", gedeeld))), barendrecht)
    assert "Ontvangen per e-mail, vastgelegd door" in form.get_text()
    secretaris_client.post(
        url("reactie", gedeeld), data(barendrecht, "instemmend", "Ja, bevestigd.", reactie.versie)
    )
    reactie.refresh_from_db()
    assert (reactie.ontvangen_per, reactie.auteur, reactie.herkomst) == (
        "",
        secretaris,
        secretaris.get_full_name(),
    )


def test_the_recorded_reactie_form_shows_the_current_one_and_keeps_what_was_typed(
    adviseur_client, gedeeld, barendrecht, secretaris
):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="instemmend", tekst="Ja, in de app.", versie=0)  # fmt: skip
    adres = url("reactie-namens", gedeeld, code="gm0489")
    pagina = soep(adviseur_client.get(adres))
    assert "Ja, in de app." in pagina.find(id="huidig-kop").parent.get_text()
    assert tekstvak(pagina) == "Ja, in de app."
    assert pagina.find("input", attrs={"name": "versie"})["value"] == str(reactie.versie)

    response = adviseur_client.post(
        adres,
        {"standpunt": "niet_instemmend", "tekst": "Brief: toch niet.", "versie": reactie.versie},
    )
    assert response.status_code == 400
    pagina = soep(response)
    assert pagina.title.get_text(strip=True).startswith("Fout:")
    samenvatting = pagina.find(attrs={"data-foutmelding": True})
    link = samenvatting.find("a", string="Kies of de reactie per brief of per e-mail binnenkwam.")
    assert link["href"] == "#id_ontvangen_per_0"
    assert pagina.find(id="id_ontvangen_per_0") is not None
    assert tekstvak(pagina) == "Brief: toch niet."
    assert Reactie.objects.get().tekst == "Ja, in de app."


def test_a_recorded_reactie_is_locked_too(adviseur_client, gedeeld, barendrecht, secretaris):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                                   standpunt="instemmend", tekst="Ja.", versie=0)  # fmt: skip
    review.reactie_geven(onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris,
                         standpunt="instemmend", tekst="Ja, zeker.", versie=reactie.versie)  # fmt: skip
    response = adviseur_client.post(
        url("reactie-namens", gedeeld, code="GM0489"),
        {
            "ontvangen_per": "email",
            "standpunt": "niet_instemmend",
            "tekst": "Mail: nee.",
            "versie": reactie.versie,
        },
    )
    assert response.status_code == 409
    pagina = soep(response)
    assert "de reactie gewijzigd" in pagina.find(id="reactie-conflict").get_text()
    assert tekstvak(pagina) == "Mail: nee."
    assert Reactie.objects.get().tekst == "Ja, zeker."


def test_only_for_a_deelnemer_and_not_once_vastgesteld(adviseur_client, gedeeld, adviseur):
    assert adviseur_client.get(url("reactie-namens", gedeeld, code="GM0363")).status_code == 404
    beantwoord_alles(gedeeld)
    services.vaststellen(afweging=gedeeld, versie=gedeeld.versie, door=adviseur)
    adres = url("reactie-namens", gedeeld, code="GM0489")
    assert adviseur_client.get(adres)["Location"] == url("uitkomst", gedeeld) + "#reacties-kop"
    adviseur_client.post(
        adres, {"ontvangen_per": "brief", "standpunt": "instemmend", "tekst": "Ja."}
    )
    assert not Reactie.objects.exists()
    assert (
        "Reactie van Barendrecht vastleggen"
        not in adviseur_client.get(url("uitkomst", gedeeld)).content.decode()
    )


def test_a_secretaris_of_two_deelnemers_gets_a_form_for_each(
    client, maak_afweging, adviseur, maak_gebruiker, gemeente
):
    beide = maak_gebruiker.secretaris(gemeenten=[gemeente("GM0489"), gemeente("GM0613")])
    afweging = maak_afweging(titel="Twee gemeenten", gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[beide], door=adviseur)
    review.reactie_geven(onderwerp=afweging, gemeente=gemeente("GM0613"), auteur=beide,
                         standpunt="instemmend", tekst="Albrandswaard: ja.", versie=0)  # fmt: skip
    client.force_login(beide)
    pagina = soep(client.get(url("uitkomst", afweging)))
    albrandswaard = formulier(pagina, gemeente("GM0613"))
    barendrecht = formulier(pagina, gemeente("GM0489"))
    assert albrandswaard.h3.get_text(strip=True).endswith("namens Albrandswaard aanpassen")
    assert tekstvak(albrandswaard) == "Albrandswaard: ja."
    assert barendrecht.h3.get_text(strip=True) == "Uw formele reactie namens Barendrecht"
    assert tekstvak(barendrecht) == ""
    # Each form's fields have ids of their own, so each label names its own field.
    ids = [veld["id"] for veld in pagina.select("form[id^=reactieformulier] [id]")]
    assert len(ids) == len(set(ids))
    assert barendrecht.find("label", attrs={"for": "id_reactie_GM0489_tekst"})
    assert barendrecht.find("textarea")["id"] == "id_reactie_GM0489_tekst"


def test_an_answer_over_the_limit_is_refused_with_its_text_kept_issue_12(
    adviseur_client, gedeeld, barendrecht, secretaris
):
    """It used to be cut to 10,000 characters, with a success message."""
    reactie = review.reactie_geven(
        onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris, standpunt="instemmend",
        tekst="Akkoord.",
    )  # fmt: skip
    te_lang = "Antwoord. " * 1000 + "Het laatste woord."
    response = adviseur_client.post(
        url("reactie-antwoord", gedeeld, reactie_pk=reactie.pk), {"antwoord": te_lang}
    )
    assert response.status_code == 400
    blok = soep(response).find(id="reactie-GM0489")
    vak = blok.find("textarea", attrs={"name": "antwoord"})
    assert vak.get_text().removeprefix("\n") == te_lang
    assert vak["maxlength"] == "10000"
    assert vak["aria-invalid"] == "true"
    fout = blok.find(id=vak["aria-describedby"].split()[0])
    assert fout.get_text(strip=True) == (
        "Deze tekst is 10.018 tekens lang; er passen er 10.000. Maak hem 18 tekens korter. "
        "Wat u typte, staat nog in het veld."
    )
    assert "is vastgelegd" not in soep(response).get_text()
    reactie.refresh_from_db()
    assert reactie.antwoord == ""
    # Within the limit it is saved whole.
    response = adviseur_client.post(
        url("reactie-antwoord", gedeeld, reactie_pk=reactie.pk), {"antwoord": te_lang[:10000]}
    )
    assert response.status_code == 302
    reactie.refresh_from_db()
    assert reactie.antwoord == te_lang[:10000].strip()


def test_the_answer_box_shows_its_limit_and_counter(
    adviseur_client, gedeeld, barendrecht, secretaris
):
    reactie = review.reactie_geven(
        onderwerp=gedeeld, gemeente=barendrecht, auteur=secretaris, standpunt="instemmend",
        tekst="Akkoord.",
    )  # fmt: skip
    review.reactie_beantwoorden(reactie=reactie, door=gedeeld.aangemaakt_door, tekst="Dank u.")
    blok = soep(adviseur_client.get(url("uitkomst", gedeeld))).find(id="reactie-GM0489")
    vak = blok.find("textarea", attrs={"name": "antwoord"})
    assert vak.get_text().removeprefix("\n") == "Dank u."
    teller = blok.find(id=vak["aria-describedby"].split()[-1])
    assert teller.get_text() == "nog 9.993 tekens"
