"""Sharing, comments, formal reactions, status, new versions and the history."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from afweging import services
from afweging.models import Afweging
from afweging.selectors import met_alles
from afweging.services import afweging_aanmaken
from casussen.models import Gemeente
from review import services as review
from review.models import Opmerking, Reactie
from tests.factories import AfwegingFactory, beantwoord_alles
from tests.html import soep

pytestmark = pytest.mark.django_db


@pytest.fixture
def afweging(adviseur):
    adviseur.email = "adviseur@provincie.example"
    adviseur.save()
    return AfwegingFactory(door=adviseur, titel="BAR-fusie herzien", gemeenten=["GM0489", "GM0613"])


@pytest.fixture
def gedeeld(afweging, adviseur, secretaris):
    secretaris.email = "secretaris@barendrecht.example"
    secretaris.save()
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return afweging


def url(naam, afweging):
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk})


def test_sharing_lets_the_secretaris_in_sets_ter_review_and_mails(
    adviseur_client, afweging, secretaris, django_capture_on_commit_callbacks
):
    secretaris.email = "secretaris@barendrecht.example"
    secretaris.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = adviseur_client.post(url("delen", afweging), {"gebruikers": [secretaris.pk]})
    assert response.status_code == 302
    afweging.refresh_from_db()
    assert afweging.status == Afweging.Status.TER_REVIEW
    assert mail.outbox[-1].to == ["secretaris@barendrecht.example"]
    assert "Ter review: BAR-fusie herzien" == mail.outbox[-1].subject
    from django.test import Client

    client = Client()
    client.force_login(secretaris)
    assert client.get(url("uitkomst", afweging)).status_code == 200
    assert "BAR-fusie herzien" in client.get(reverse("afweging:lijst")).content.decode()


def test_only_secretarissen_of_the_members_are_offered(
    adviseur_client, afweging, maak_gebruiker, gemeente
):
    elders = maak_gebruiker.secretaris(username="elders", gemeenten=[gemeente("GM0363")])
    assert elders not in review.kandidaat_reviewers(afweging)
    response = adviseur_client.post(url("delen", afweging), {"gebruikers": [elders.pk]})
    assert response.status_code == 400
    assert not afweging.delingen.exists()


def test_the_reviewer_comments_and_the_adviseur_answers(
    secretaris_client, adviseur_client, gedeeld, django_capture_on_commit_callbacks
):
    client = secretaris_client
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("opmerking", gedeeld),
            {"deelvraag": 5, "tekst": "Is de raad van Albrandswaard al gehoord?"},
        )
    assert response.status_code == 302
    opmerking = Opmerking.objects.get()
    assert opmerking.deelvraag.nummer == 5
    assert mail.outbox[-1].to == ["adviseur@provincie.example"]

    # The answer goes with the comment, whatever deelvraag number is posted.
    with django_capture_on_commit_callbacks(execute=True):
        adviseur_client.post(
            url("opmerking", gedeeld),
            {"deelvraag": 2, "antwoord_op": opmerking.pk, "tekst": "Ja, op 3 maart."},
        )
    antwoord = opmerking.antwoorden.get()
    assert (antwoord.tekst, antwoord.deelvraag.nummer) == ("Ja, op 3 maart.", 5)
    assert mail.outbox[-1].to == ["secretaris@barendrecht.example"]
    pagina = soep(client.get(url("uitkomst", gedeeld)))
    blok = pagina.find(id="dv-opmerkingen-5").get_text(" ", strip=True)
    assert "Is de raad van Albrandswaard al gehoord?" in blok and "Ja, op 3 maart." in blok


def test_an_empty_comment_is_refused_in_dutch(secretaris_client, gedeeld):
    client = secretaris_client
    response = client.post(url("opmerking", gedeeld), {"deelvraag": 2, "tekst": ""})
    assert response.status_code == 400
    assert "Schrijf eerst uw opmerking." in soep(response).find(id="dv-opmerkingen-2").get_text()


def test_the_adviseur_answers_but_does_not_comment_and_the_reviewer_does_not_answer(
    client, adviseur_client, gedeeld, secretaris
):
    assert (
        adviseur_client.post(url("opmerking", gedeeld), {"deelvraag": 1, "tekst": "x"}).status_code
        == 403
    )
    client.force_login(secretaris)
    client.post(url("opmerking", gedeeld), {"deelvraag": 1, "tekst": "Vraag"})
    opmerking = Opmerking.objects.get()
    response = client.post(
        url("opmerking", gedeeld), {"deelvraag": 1, "antwoord_op": opmerking.pk, "tekst": "y"}
    )
    assert response.status_code == 403


def test_one_formal_reaction_per_gemeente_and_only_for_the_own_gemeente(
    client, gedeeld, secretaris
):
    client.force_login(secretaris)
    barendrecht = Gemeente.objects.get(code="GM0489")
    data = {
        "gemeente": barendrecht.pk,
        "standpunt": "kanttekeningen",
        "tekst": "Eerst de frictiekosten.",
    }
    assert client.post(url("reactie", gedeeld), data).status_code == 302
    data["standpunt"] = "instemmend"
    client.post(url("reactie", gedeeld), data)
    reactie = Reactie.objects.get()
    assert (reactie.gemeente, reactie.standpunt) == (barendrecht, "instemmend")
    albrandswaard = Gemeente.objects.get(code="GM0613")  # Not this secretaris' gemeente.
    response = client.post(url("reactie", gedeeld), {**data, "gemeente": albrandswaard.pk})
    assert response.status_code == 400
    assert Reactie.objects.count() == 1


def test_a_secretaris_never_edits_scores(secretaris_client, gedeeld):
    client = secretaris_client
    stap = reverse("afweging:stap", kwargs={"pk": gedeeld.pk, "stap": "meerwaarde"})
    assert client.get(stap).status_code == 403
    assert client.post(stap, {"versie": gedeeld.versie}).status_code == 403


def test_vaststellen_freezes_and_keeps_the_pdf(adviseur_client, gedeeld):
    beantwoord_alles(gedeeld)
    response = adviseur_client.post(
        url("vaststellen", gedeeld), {"versie": gedeeld.versie, "bevestigd": "on"}
    )
    assert response["Location"] == url("vastgesteld", gedeeld)
    gedeeld.refresh_from_db()
    assert gedeeld.status == Afweging.Status.VASTGESTELD
    bewaard = bytes(gedeeld.vastgestelde_pdf)
    assert bewaard.startswith(b"%PDF")
    # Reference data changing later does not change the PDF of the vastgestelde version.
    Gemeente.objects.filter(code="GM0489").update(naam="Barendrecht (gewijzigd)")
    assert adviseur_client.get(url("rapport-pdf", gedeeld)).content == bewaard
    stap = reverse("afweging:stap", kwargs={"pk": gedeeld.pk, "stap": "meerwaarde"})
    # A save is refused, saying why (issue 11: with what was typed still on the page).
    assert adviseur_client.post(stap, {"versie": gedeeld.versie}).status_code == 409


def test_vaststellen_with_a_stale_version_is_refused(adviseur_client, gedeeld):
    beantwoord_alles(gedeeld)
    response = adviseur_client.post(
        url("vaststellen", gedeeld), {"versie": gedeeld.versie - 1, "bevestigd": "on"}
    )
    assert response["Location"] == url("vaststellen", gedeeld), "back to the check page"
    gedeeld.refresh_from_db()
    assert gedeeld.status == Afweging.Status.TER_REVIEW


def test_editing_a_vastgestelde_afweging_starts_a_linked_new_version(
    adviseur_client, gedeeld, adviseur
):
    antwoord = gedeeld.antwoorden.get(deelvraag__nummer=1)
    antwoord.score, antwoord.motivering = "1", "Oud oordeel."
    antwoord.save()
    beantwoord_alles(gedeeld)
    antwoord.save()  # deelvraag 1 keeps its own score and motivation
    services.vaststellen(afweging=gedeeld, versie=gedeeld.versie, door=adviseur)
    response = adviseur_client.post(url("nieuwe-versie", gedeeld))
    nieuw = Afweging.objects.exclude(pk=gedeeld.pk).get()
    assert response["Location"] == reverse(
        "afweging:stap", kwargs={"pk": nieuw.pk, "stap": "basis"}
    )
    assert (nieuw.vorige, nieuw.status) == (gedeeld, Afweging.Status.CONCEPT)
    assert nieuw.antwoorden.get(deelvraag__nummer=1).motivering == "Oud oordeel."
    assert nieuw.deelnemers.count() == 2
    assert adviseur_client.post(url("nieuwe-versie", gedeeld)).status_code == 302
    assert Afweging.objects.count() == 2  # Only one new version.


def test_every_change_is_recorded_and_shown_to_the_adviseur(
    adviseur_client, secretaris_client, gedeeld
):
    stap = reverse("afweging:stap", kwargs={"pk": gedeeld.pk, "stap": "meerwaarde"})
    antwoorden = gedeeld.antwoorden.filter(deelvraag__onderdeel__code="meerwaarde").order_by(
        "deelvraag__nummer"
    )
    data = {"versie": gedeeld.versie, "antwoorden-TOTAL_FORMS": 3, "antwoorden-INITIAL_FORMS": 3,
            "antwoorden-MIN_NUM_FORMS": 0, "antwoorden-MAX_NUM_FORMS": 1000, "actie": "opslaan"}  # fmt: skip
    for i, a in enumerate(antwoorden):
        data |= {f"antwoorden-{i}-id": a.pk, f"antwoorden-{i}-score": "1" if i == 0 else "",
                 f"antwoorden-{i}-motivering": "Goed." if i == 0 else "", f"antwoorden-{i}-bronnen": ""}  # fmt: skip
    adviseur_client.post(stap, data)
    geschiedenis = [w.wat for w in gedeeld.wijzigingen.all()]
    # What changed, in Dutch labels, from what to what; free text only as changed (issue 10).
    assert geschiedenis[0] == "deelvraag 1: score leeg → +1, motivering gewijzigd"
    assert "Gedeeld met Test Gebruiker" in " ".join(geschiedenis)
    assert "Afweging aangemaakt" in geschiedenis
    pagina = soep(adviseur_client.get(url("uitkomst", gedeeld)))
    assert "deelvraag 1: score leeg → +1, motivering gewijzigd" in pagina.find(
        id="beheer-kop"
    ).parent.get_text(" ")
    assert soep(secretaris_client.get(url("uitkomst", gedeeld))).find(id="beheer-kop") is None


def test_the_pdf_contains_the_reactions(gedeeld, secretaris):
    from afweging.rapport import rapport_van
    from config.pdf import render_to_pdf

    review.reactie_geven(onderwerp=gedeeld, gemeente=Gemeente.objects.get(code="GM0489"),
                         auteur=secretaris, standpunt="niet_instemmend", tekst="Te vroeg geëvalueerd.")  # fmt: skip
    html, _ = render_to_pdf(
        "afweging/pdf/rapport.html",
        {"rapport": rapport_van(met_alles(Afweging.objects.filter(pk=gedeeld.pk)).get())},
    )
    assert "Barendrecht: Niet instemmend" in html
    assert "Te vroeg geëvalueerd." in html


def test_the_result_and_report_pages_do_not_query_more_with_more_review(
    adviseur_client, gedeeld, secretaris
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def tel(naam):
        from django.core.cache import cache

        cache.clear()  # Count the queries of rendering, not of a cache hit.
        with CaptureQueriesContext(connection) as vragen:
            assert adviseur_client.get(url(naam, gedeeld)).status_code == 200
        return len(vragen.captured_queries)

    tel("uitkomst")  # The first view makes the business case with its defaults.
    voor = {naam: tel(naam) for naam in ("uitkomst", "rapport")}
    from kader.models import Deelvraag

    for nummer in range(1, 6):
        deelvraag = Deelvraag.objects.get(onderdeel__kader=gedeeld.kader, nummer=nummer)
        opmerking = review.opmerking_plaatsen(
            onderwerp=gedeeld, plek=deelvraag, auteur=secretaris, tekst=f"Vraag {nummer}"
        )
        review.opmerking_plaatsen(
            onderwerp=gedeeld, plek=deelvraag, auteur=gedeeld.aangemaakt_door,
            tekst="Antwoord", antwoord_op=opmerking,
        )  # fmt: skip
    review.reactie_geven(onderwerp=gedeeld, gemeente=Gemeente.objects.get(code="GM0489"),
                         auteur=secretaris, standpunt="instemmend", tekst="Akkoord")  # fmt: skip
    assert {naam: tel(naam) for naam in ("uitkomst", "rapport")} == voor


def test_a_failing_mail_server_is_logged_and_undoes_nothing(
    adviseur, afweging, secretaris, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.afweging.test_review.KapotteMail"
    secretaris.email = "secretaris@barendrecht.example"
    secretaris.save()
    Afweging.objects.filter(pk=afweging.pk).update(titel="Titel\nmet regeleinde")
    afweging.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur) == 1
    assert afweging.delingen.count() == 1
    assert "Ter review: Titel met regeleinde" in caplog.text


def test_sharing_and_fixing_cannot_cross(adviseur, afweging, secretaris):
    beantwoord_alles(afweging)
    services.vaststellen(afweging=afweging, versie=afweging.versie, door=adviseur)
    verouderd = Afweging.objects.get(pk=afweging.pk)
    verouderd.status = Afweging.Status.CONCEPT  # As loaded before the vaststelling.
    with pytest.raises(review.NietToegestaan):
        review.delen(onderwerp=verouderd, gebruikers=[secretaris], door=adviseur)
    afweging.refresh_from_db()
    assert afweging.status == Afweging.Status.VASTGESTELD


def test_removing_a_member_withdraws_its_reviewer_and_reaction(
    adviseur_client, gedeeld, secretaris
):
    review.reactie_geven(onderwerp=gedeeld, gemeente=Gemeente.objects.get(code="GM0489"),
                         auteur=secretaris, standpunt="instemmend", tekst="Akkoord")  # fmt: skip
    from afweging.services import _zet_deelnemers

    _zet_deelnemers(gedeeld, Gemeente.objects.filter(code__in=["GM0613", "GM0597"]))
    assert not gedeeld.delingen.exists()
    assert not gedeeld.reacties.exists()


def test_autosaves_of_the_same_change_make_one_history_entry(adviseur, afweging):
    from afweging.services import vastleggen

    for _ in range(3):
        vastleggen(afweging, adviseur, "deelvraag 1: motivering")
    assert afweging.wijzigingen.filter(wat="deelvraag 1: motivering").count() == 1


class KapotteMail:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, berichten):
        raise ConnectionRefusedError("geen mailserver")


def test_the_command_writes_the_stored_pdf_of_a_vastgestelde_afweging(adviseur, afweging, tmp_path):
    import io

    from django.core.management import call_command

    beantwoord_alles(afweging)
    services.vaststellen(afweging=afweging, versie=afweging.versie, door=adviseur)
    # Bytes no rendering produces: the command must write what was stored, not render anew
    # (two renderings happening to be byte-equal would hide that).
    Afweging.objects.filter(pk=afweging.pk).update(vastgestelde_pdf=b"%PDF-1.7 bewaard")
    pad = tmp_path / "advies.pdf"
    uit = io.StringIO()
    call_command("rapport_pdf", str(afweging.pk), str(pad), stdout=uit)
    assert pad.read_bytes() == b"%PDF-1.7 bewaard"
    assert "de bewaarde PDF van de vaststelling" in uit.getvalue()


def test_the_command_renders_the_pdf_of_a_concept(afweging, tmp_path):
    import io

    from django.core.management import call_command

    pad = tmp_path / "concept.pdf"
    uit = io.StringIO()
    call_command("rapport_pdf", str(afweging.pk), str(pad), stdout=uit)
    assert pad.read_bytes().startswith(b"%PDF-")
    assert "nu gemaakt" in uit.getvalue()


def test_reading_a_page_writes_nothing(secretaris_client, gedeeld):
    from businesscase.models import Businesscase

    Businesscase.objects.filter(afweging=gedeeld).delete()
    assert secretaris_client.get(url("uitkomst", gedeeld)).status_code == 200
    assert secretaris_client.get(url("rapport", gedeeld)).status_code == 200
    assert not Businesscase.objects.filter(afweging=gedeeld).exists()


def test_a_new_version_keeps_its_reviewers_and_counts_on(adviseur, gedeeld, secretaris):
    beantwoord_alles(gedeeld)
    services.vaststellen(afweging=gedeeld, versie=gedeeld.versie, door=adviseur)
    nieuw = services.nieuwe_versie(afweging=gedeeld, door=adviseur)
    assert nieuw.versienummer == 2
    assert list(nieuw.delingen.values_list("gebruiker", flat=True)) == [secretaris.pk]
    assert gedeeld.wijzigingen.first().wat == (
        "Nieuwe versie gemaakt, als concept om verder te bewerken"
    )
    op = date_format(timezone.localtime(gedeeld.vastgesteld_op), "j F Y")
    assert nieuw.wijzigingen.first().wat == (
        f"Nieuwe versie van de afweging die op {op} werd vastgesteld"
    )
    with pytest.raises(review.NietToegestaan):
        services.nieuwe_versie(afweging=gedeeld, door=adviseur)


def test_the_adviseur_answers_a_formal_reaction(
    adviseur_client, secretaris_client, gedeeld, secretaris
):
    reactie = review.reactie_geven(onderwerp=gedeeld, gemeente=Gemeente.objects.get(code="GM0489"),
                                   auteur=secretaris, standpunt="niet_instemmend", tekst="Nee.")  # fmt: skip
    antwoord_url = reverse(
        "afweging:reactie-antwoord", kwargs={"pk": gedeeld.pk, "reactie_pk": reactie.pk}
    )
    assert secretaris_client.post(antwoord_url, {"antwoord": "x"}).status_code == 403
    adviseur_client.post(antwoord_url, {"antwoord": "We passen de evaluatie aan."})
    reactie.refresh_from_db()
    assert reactie.antwoord == "We passen de evaluatie aan."
    pagina = soep(secretaris_client.get(url("uitkomst", gedeeld)))
    assert "We passen de evaluatie aan." in pagina.find(id="reacties-kop").parent.get_text()


def test_the_same_change_merges_for_a_quarter_of_an_hour_and_not_longer(adviseur, afweging):
    """The 15-minute window of `vastleggen`, on a frozen clock (time-machine)."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    import time_machine

    from afweging.services import SAMENVOEGEN_BINNEN, vastleggen

    begin = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(begin, tick=False) as klok:
        # Made on the frozen clock too: its first history entry must not lie in the future.
        afweging = afweging_aanmaken(
            door=adviseur, velden={"titel": "Venster", "variant": "openbaar_lichaam"},
            gemeenten=[d.gemeente for d in afweging.deelnemers.all()],
        )  # fmt: skip
        eerste = vastleggen(afweging, adviseur, "deelvraag 1: motivering gewijzigd")
        klok.shift(SAMENVOEGEN_BINNEN - timedelta(seconds=1))
        assert vastleggen(afweging, adviseur, "deelvraag 1: motivering gewijzigd").pk == eerste.pk
        eerste.refresh_from_db()
        assert eerste.moment == begin + SAMENVOEGEN_BINNEN - timedelta(seconds=1)
        # The window runs from the last save: typing on keeps one entry...
        klok.shift(SAMENVOEGEN_BINNEN - timedelta(seconds=1))
        assert vastleggen(afweging, adviseur, "deelvraag 1: motivering gewijzigd").pk == eerste.pk
        # ...and a quarter of an hour of silence starts a new one.
        klok.shift(SAMENVOEGEN_BINNEN)
        tweede = vastleggen(afweging, adviseur, "deelvraag 1: motivering gewijzigd")
    assert tweede.pk != eerste.pk
    assert afweging.wijzigingen.filter(wat="deelvraag 1: motivering gewijzigd").count() == 2
