"""Check, confirm, and only then vaststellen (issue 11): a check page that says what is
open, no vaststelling of an onvolledige afweging, an explicit confirmation, and a page
that says what happens next."""

import pytest
from django.core import mail
from django.urls import reverse

from afweging import services
from afweging.models import Afweging
from review import services as review
from tests.factories import beantwoord_alles
from tests.html import soep

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(maak_afweging):
    return maak_afweging(titel="Vaststellen BAR", gemeenten=["GM0489", "GM0613"])


def url(naam, afweging):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk})


def tekst(element) -> str:
    """The text as a reader sees it: one space between words, whatever the markup."""
    return " ".join(element.get_text(" ").split())


def test_an_empty_afweging_cannot_be_vastgesteld(adviseur_client, afweging, adviseur):
    pagina = soep(adviseur_client.get(url("vaststellen", afweging)))
    deelvragen = pagina.find(id="volledig-kop").parent
    assert "0 van de 8 deelvragen zijn gemotiveerd beantwoord" in tekst(deelvragen)
    links = [a["href"] for a in deelvragen.find_all("a")]
    assert len(links) == 8
    assert (
        links[0]
        == reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "meerwaarde"}) + "#dv-1"
    )
    assert pagina.find("button", string="Afweging vaststellen") is None
    assert "Een onvolledige afweging kan niet worden vastgesteld" in pagina.get_text()

    # Posting anyway (an old page, a crafted request): refused, with the reason.
    response = adviseur_client.post(
        url("vaststellen", afweging), {"versie": afweging.versie, "bevestigd": "on"}, follow=True
    )
    assert "Een onvolledige afweging kan niet worden vastgesteld: 0 van de 8" in (
        response.content.decode()
    )
    assert Afweging.objects.get(pk=afweging.pk).status != Afweging.Status.VASTGESTELD
    with pytest.raises(services.NietToegestaan, match="nog open: deelvraag 1, 2, 3"):
        services.vaststellen(afweging=afweging, versie=afweging.versie, door=adviseur)


def test_a_score_without_motivation_is_named_as_such(adviseur_client, afweging):
    beantwoord_alles(afweging)
    afweging.antwoorden.filter(deelvraag__nummer=5).update(motivering="")
    inhoud = tekst(soep(adviseur_client.get(url("vaststellen", afweging))))
    assert "7 van de 8" in inhoud
    assert "Deelvraag 5." in inhoud and "een score zonder motivering" in inhoud


def test_the_check_names_what_review_left_open(adviseur_client, afweging, adviseur, secretaris):
    beantwoord_alles(afweging)
    assert "met geen enkele gemeentesecretaris gedeeld" in tekst(
        soep(adviseur_client.get(url("vaststellen", afweging)))
    )

    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    deelvraag = afweging.antwoorden.get(deelvraag__nummer=2).deelvraag
    review.opmerking_plaatsen(onderwerp=afweging, plek=deelvraag, auteur=secretaris, tekst="?")
    pagina = soep(adviseur_client.get(url("vaststellen", afweging)))
    punten = [tekst(li) for li in pagina.find(id="review-kop").parent("li")]
    assert punten[0].startswith("1 opmerking van reviewers is nog niet beantwoord.")
    assert punten[1].startswith("Nog geen formele reactie van Albrandswaard en Barendrecht.")
    # Open points do not block: the province decides, knowing them.
    assert pagina.find("button", string="Afweging vaststellen") is not None


def test_vaststellen_asks_for_a_confirmation_and_then_says_what_happens_next(
    adviseur_client, afweging, adviseur, secretaris, django_capture_on_commit_callbacks
):
    beantwoord_alles(afweging)
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    zonder = adviseur_client.post(url("vaststellen", afweging), {"versie": afweging.versie})
    assert zonder.status_code == 400
    pagina = soep(zonder)
    assert pagina.title.get_text().startswith("Fout: ")
    fout = pagina.find(attrs={"data-foutmelding": True}).find("a")
    assert (
        fout.get_text()
        == "Vink aan dat u de afweging heeft gecontroleerd, om haar vast te stellen."
    )
    assert fout["href"] == "#id_bevestigd" and pagina.find(id="id_bevestigd") is not None
    assert Afweging.objects.get(pk=afweging.pk).status != Afweging.Status.VASTGESTELD

    adviseur.email, secretaris.email = "adviseur@pzh.example", "secretaris@barendrecht.example"
    adviseur.save()
    secretaris.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = adviseur_client.post(
            url("vaststellen", afweging), {"versie": afweging.versie, "bevestigd": "on"}
        )
    assert response["Location"] == url("vastgesteld", afweging)
    assert Afweging.objects.get(pk=afweging.pk).status == Afweging.Status.VASTGESTELD
    bevestiging = soep(adviseur_client.get(url("vastgesteld", afweging)))
    assert bevestiging.h1.get_text(strip=True) == "De afweging is vastgesteld"
    volgende = tekst(bevestiging.find("h2", string="Wat er nu gebeurt").find_next("ul"))
    assert "De PDF van dit moment is bewaard" in volgende
    assert f"{adviseur.get_full_name()} en {secretaris.get_full_name()}" in volgende
    assert bevestiging.find("a", href=url("rapport-pdf", afweging)) is not None
    assert [m.to for m in mail.outbox] == [
        ["adviseur@pzh.example", "secretaris@barendrecht.example"]
    ]

    # Back on the check page: it is done, and says so.
    opnieuw = adviseur_client.get(url("vaststellen", afweging))
    assert opnieuw["Location"] == afweging.get_absolute_url()


def test_the_uitkomst_page_leads_to_the_check(adviseur_client, afweging):
    pagina = soep(adviseur_client.get(url("uitkomst", afweging)))
    link = pagina.find("a", string="Controleren en vaststellen")
    assert link["href"] == url("vaststellen", afweging)
    assert pagina.find("form", action=url("vaststellen", afweging)) is None


def test_the_confirmation_names_no_mail_that_is_not_sent(adviseur_client, afweging, adviseur):
    beantwoord_alles(afweging)
    services.vaststellen(afweging=afweging, versie=afweging.versie, door=adviseur)
    assert not adviseur.email
    pagina = soep(adviseur_client.get(url("vastgesteld", afweging)))
    assert "Er gaat geen e-mail uit: niemand van de betrokkenen heeft een e-mailadres" in tekst(
        pagina
    )


@pytest.fixture
def te_lang(maak_afweging):
    """Issue 12 review: a complete afweging with a 2 MB motivering and a long notitie, saved
    before their limits existed (as a data fix or an old version left them)."""
    afweging = beantwoord_alles(maak_afweging(titel="Te lang", gemeenten=["GM0489", "GM0613"]))
    afweging.antwoorden.filter(deelvraag__nummer=3).update(motivering="x" * 2_000_000)
    factor = afweging.succesfactorantwoorden.select_related("succesfactor").first()
    factor.notitie = "Regel\r\n" * 400  # 2.400 characters as the browser counts them
    factor.save(update_fields=["notitie"])
    afweging.factor = factor.succesfactor
    return afweging


@pytest.fixture
def pdfs(monkeypatch):
    """Records every PDF that would be rendered (there should be none)."""
    from config import pdf

    gemaakt = []
    monkeypatch.setattr(pdf, "html_naar_pdf", lambda html, **_: gemaakt.append(html) or b"%PDF")
    return gemaakt


def test_the_check_names_every_text_over_its_limit_and_blocks_vaststellen(adviseur_client, te_lang):
    pagina = soep(adviseur_client.get(url("vaststellen", te_lang)))
    sectie = pagina.find(id="te-lang-kop").parent
    punten = [(tekst(li), li.a["href"]) for li in sectie.find_all("li")]
    stap = reverse("afweging:stap", kwargs={"pk": te_lang.pk, "stap": "meerwaarde"})
    factoren = reverse("afweging:stap", kwargs={"pk": te_lang.pk, "stap": "succesfactoren"})
    assert punten == [
        (
            "De motivering bij deelvraag 3 is 2.000.000 tekens; er passen er 5.000.",
            f"{stap}#dv-3",
        ),
        (
            f"De notitie bij succesfactor ‘{te_lang.factor.naam}’ is 2.400 tekens; er passen "
            "er 2.000.",
            f"{factoren}#factor-{te_lang.factor.code}",
        ),
    ]
    assert pagina.find("button", string="Afweging vaststellen") is None


def test_vaststellen_refuses_a_text_over_its_limit_before_rendering(adviseur_client, te_lang, pdfs):
    response = adviseur_client.post(
        url("vaststellen", te_lang), {"versie": te_lang.versie, "bevestigd": "on"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("vaststellen", te_lang)
    melding = tekst(soep(response).find(class_="alert-error"))
    assert "De motivering bij deelvraag 3 is 2.000.000 tekens; er passen er 5.000." in melding
    assert "later opnieuw" not in melding
    assert pdfs == []
    opgeslagen = Afweging.objects.get(pk=te_lang.pk)
    assert (opgeslagen.status, opgeslagen.vastgestelde_pdf) == (Afweging.Status.CONCEPT, None)


def test_the_pdf_download_says_which_text_is_too_long_instead_of_later(
    adviseur_client, te_lang, pdfs
):
    from django.contrib.messages import get_messages

    response = adviseur_client.get(url("rapport-pdf", te_lang))
    assert response.status_code == 302
    assert response["Location"] == url("rapport", te_lang)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Een tekst is langer dan er in het rapport past: De motivering bij deelvraag 3 is "
        "2.000.000 tekens; er passen er 5.000. "
        f"De notitie bij succesfactor ‘{te_lang.factor.naam}’ is 2.400 tekens; er passen er "
        "2.000. Zo'n tekst is opgeslagen voordat de grens er was; maak hem korter, dan kan de "
        "PDF worden gemaakt."
    ]
    assert pdfs == []


def test_a_text_within_its_limit_is_no_obstacle(adviseur_client, afweging, pdfs):
    beantwoord_alles(afweging)
    afweging.antwoorden.filter(deelvraag__nummer=3).update(motivering="x" * 5_000)
    pagina = soep(adviseur_client.get(url("vaststellen", afweging)))
    assert pagina.find(id="te-lang-kop") is None
    assert pagina.find("button", string="Afweging vaststellen") is not None
    assert adviseur_client.get(url("rapport-pdf", afweging)).status_code == 200
    assert len(pdfs) == 1
