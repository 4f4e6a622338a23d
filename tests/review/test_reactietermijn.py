"""The reactietermijn set when sharing (issue 11): stored per share, in the history and the
e-mail, shown to the adviseur and the secretaris; a day in the past is refused in Dutch
with what was chosen still on the form; shares from before it have "geen termijn"."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from review import services as review
from review.models import Deling
from tests.html import soep

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def klok():
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


@pytest.fixture
def afweging(maak_afweging, secretaris):
    secretaris.email = "secretaris@barendrecht.example"
    secretaris.save()
    return maak_afweging(titel="BAR-fusie", gemeenten=["GM0489", "GM0613"])


def delen_url(afweging):
    return reverse("afweging:delen", kwargs={"pk": afweging.pk})


def test_sharing_with_a_termijn_stores_it_records_it_and_mails_it(
    adviseur_client, afweging, secretaris, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = adviseur_client.post(
            delen_url(afweging), {"gebruikers": [secretaris.pk], "reactietermijn": "2026-03-16"}
        )
    assert response.status_code == 302
    assert Deling.objects.get(afweging=afweging).reactietermijn == date(2026, 3, 16)
    assert afweging.wijzigingen.filter(wat__endswith="(reactie: uiterlijk 16 maart 2026)").exists()
    assert "Wij vragen de formele reactie van uw gemeente uiterlijk op 16 maart 2026." in (
        mail.outbox[-1].body
    )

    pagina = soep(adviseur_client.get(afweging.get_absolute_url()))
    beheer = pagina.find(attrs={"aria-labelledby": "beheer-kop"}).get_text(" ")
    assert "reactie uiterlijk 16 maart 2026" in " ".join(beheer.split())


def test_without_a_termijn_the_mail_names_none_and_the_page_says_geen_termijn(
    client, adviseur_client, afweging, secretaris, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        adviseur_client.post(delen_url(afweging), {"gebruikers": [secretaris.pk]})
    assert Deling.objects.get(afweging=afweging).reactietermijn is None
    assert "uiterlijk" not in mail.outbox[-1].body
    beheer = soep(adviseur_client.get(afweging.get_absolute_url())).find(
        attrs={"aria-labelledby": "beheer-kop"}
    )
    assert "geen termijn" in beheer.get_text()

    client.force_login(secretaris)
    reacties = soep(client.get(afweging.get_absolute_url())).find(id="reacties-kop").parent
    assert "De provincie heeft geen reactietermijn gesteld." in reacties.get_text()


def test_the_secretaris_sees_the_termijn_by_the_reactie_form(
    client, adviseur, afweging, secretaris
):
    review.delen(
        onderwerp=afweging, gebruikers=[secretaris], door=adviseur,
        reactietermijn=date(2026, 4, 1),
    )  # fmt: skip
    client.force_login(secretaris)
    reacties = soep(client.get(afweging.get_absolute_url())).find(id="reacties-kop").parent
    assert "De provincie vraagt uw reactie uiterlijk op 1 april 2026." in " ".join(
        reacties.get_text().split()
    )


def test_a_termijn_in_the_past_is_refused_and_the_choice_stays(
    adviseur_client, afweging, secretaris
):
    response = adviseur_client.post(
        delen_url(afweging), {"gebruikers": [secretaris.pk], "reactietermijn": "2026-03-01"}
    )
    assert response.status_code == 400
    assert not Deling.objects.exists()
    pagina = soep(response)
    veld = pagina.find("input", attrs={"name": "reactietermijn"})
    assert veld["value"] == "2026-03-01"
    assert veld["min"] == "2026-03-02"
    assert "De reactietermijn ligt in het verleden. Kies vandaag of een latere dag." in (
        pagina.get_text()
    )
    assert pagina.find("input", attrs={"name": "gebruikers", "value": str(secretaris.pk)}).has_attr(
        "checked"
    )


def test_today_is_a_valid_termijn(adviseur_client, afweging, secretaris):
    response = adviseur_client.post(
        delen_url(afweging), {"gebruikers": [secretaris.pk], "reactietermijn": "2026-03-02"}
    )
    assert response.status_code == 302
    assert Deling.objects.get().reactietermijn == date(2026, 3, 2)


def test_a_date_that_does_not_exist_gets_a_dutch_message(adviseur_client, afweging, secretaris):
    response = adviseur_client.post(
        delen_url(afweging), {"gebruikers": [secretaris.pk], "reactietermijn": "2026-02-30"}
    )
    assert response.status_code == 400
    assert "Vul een bestaande datum in, bijvoorbeeld 1-3-2027." in soep(response).get_text()
