"""Issue 12: request bodies the app cannot or will not read, refused on every URL before
anything reads them (config/verzoeken.py).

A form declared as `charset=utf-16` gave a 500 (with DEBUG) and a recursive traceback in
the log on every POST URL, anonymous included; an anonymous 200 MB upload was read to the
end before the CSRF check refused it. Now: a Dutch 400 or 413, one line in the log."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from afweging.models import Afweging
from tests.adressen import adressen, routes
from tests.html import soep

pytestmark = pytest.mark.django_db

UTF16 = "application/x-www-form-urlencoded; charset=utf-16"
OVERAL = [
    *(a for r in routes() for a in adressen(r, {"pk": [1], "stap": ["basis"]})),
    "/beheer/login/",
    "/bestaat-niet/",
]


class Stroom:
    """A request body made only as it is read, counting how much was read."""

    def __init__(self, grootte: int, begin: bytes = b""):
        self.rest, self.begin, self.gelezen = grootte, begin, 0

    def read(self, aantal: int = -1) -> bytes:
        aantal = self.rest if aantal is None or aantal < 0 else min(aantal, self.rest)
        stuk, self.begin = self.begin[:aantal], self.begin[aantal:]
        stuk += b"\0" * (aantal - len(stuk))
        self.rest -= aantal
        self.gelezen += aantal
        return stuk

    readline = read


def upload(grootte: int) -> Stroom:
    """A multipart body with one file, as a browser sends an upload."""
    kop = (
        b"--grens\r\n"
        b'Content-Disposition: form-data; name="bestand"; filename="groot.bin"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n"
    )
    return Stroom(grootte, kop)


def post_upload(client, adres, stroom: Stroom, grootte: int, **extra):
    # As WSGI environ: the test client sets a content type only with a body of its own.
    environ = {
        "CONTENT_TYPE": "multipart/form-data; boundary=grens",
        "CONTENT_LENGTH": str(grootte),
        "wsgi.input": stroom,
    }
    return client.generic("POST", adres, **(environ | extra))


@pytest.fixture(params=["anoniem", "adviseur"])
def wie(request, adviseur):
    client = Client()
    if request.param == "adviseur":
        client.force_login(adviseur)
    return client


def geen_traceback(caplog):
    for record in caplog.records:
        assert record.exc_info is None, f"traceback in de log: {record.getMessage()}"


# --- charsets ------------------------------------------------------------------------------


def test_a_utf16_form_gets_a_dutch_400_on_every_url_and_no_traceback(wie, caplog):
    body = "username=adviseur&password=geheim".encode("utf-16")
    for adres in OVERAL:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            response = wie.generic("POST", adres, data=body, content_type=UTF16)
        assert response.status_code == 400, adres
        pagina = soep(response)
        assert pagina.h1.get_text(strip=True) == (
            "Fusietoets kon niet lezen wat uw browser verstuurde"
        ), adres
        assert "andere tekenset dan UTF-8" in pagina.get_text()
        geen_traceback(caplog)
        assert "Verzoek in een andere tekenset geweigerd: POST" in caplog.text


def test_with_debug_on_a_utf16_form_is_a_400_not_a_recursive_500(client, settings, caplog):
    settings.DEBUG = True
    with caplog.at_level(logging.WARNING):
        response = client.generic("POST", reverse("login"), data=b"a=b", content_type=UTF16)
    assert response.status_code == 400
    geen_traceback(caplog)


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset=latin-1",
        "application/x-www-form-urlencoded; charset=bestaat-niet",
        "multipart/form-data; boundary=grens; charset=utf-16",
    ],
)
def test_other_declared_charsets_are_refused_too(client, content_type):
    response = client.generic("POST", reverse("login"), data=b"a=b", content_type=content_type)
    assert response.status_code == 400
    assert "andere tekenset dan UTF-8" in soep(response).get_text()


@pytest.mark.parametrize("charset", ["UTF-8", "utf8", "UTF8", "utf_8"])
def test_utf8_by_any_of_its_names_is_read(client, adviseur, charset):
    response = client.generic(
        "POST", reverse("login"), data=f"username={adviseur.username}&password=fout".encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )  # fmt: skip
    assert response.status_code == 200
    pagina = soep(response)
    assert pagina.find("input", attrs={"name": "username"})["value"] == adviseur.username


def test_invalid_utf8_bytes_in_a_form_are_read_not_refused(client):
    response = client.generic(
        "POST", reverse("login"), data=b"username=caf%E9%FF&password=x",
        content_type="application/x-www-form-urlencoded",
    )  # fmt: skip
    assert response.status_code == 200
    assert soep(response).find("input", attrs={"name": "username"})["value"] == "caf\ufffd\ufffd"


def test_the_autosave_hears_it_in_json(adviseur_client, maak_afweging):
    afweging = maak_afweging(gemeenten=["GM0547", "GM0638"])
    adres = reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "basis"})
    response = adviseur_client.generic(
        "POST", adres, data="titel=Nieuw&_autosave=1".encode("utf-16"), content_type=UTF16,
        headers={"X-Requested-With": "fetch"},
    )  # fmt: skip
    assert response.status_code == 400
    assert response.json() == {
        "opgeslagen": False,
        "fout": "Niet bewaard: uw browser verstuurde de gegevens niet als UTF-8.",
    }


# --- size ----------------------------------------------------------------------------------


def test_an_anonymous_200_mb_upload_is_refused_unread(client, caplog):
    grootte = 200 * 1024 * 1024
    stroom = upload(grootte)
    with caplog.at_level(logging.WARNING):
        response = post_upload(client, reverse("login"), stroom, grootte)
    assert response.status_code == 413
    assert stroom.gelezen == 0
    pagina = soep(response)
    assert pagina.h1.get_text(strip=True) == "Wat u verstuurde is te groot"
    assert "hoogstens 2,5 MB" in pagina.get_text()
    geen_traceback(caplog)


def test_every_url_refuses_a_body_over_the_limit_before_reading_it(wie, settings):
    grootte = settings.VERZOEK_MAX_BYTES + 1
    for adres in OVERAL:
        stroom = upload(grootte)
        response = post_upload(wie, adres, stroom, grootte)
        assert response.status_code == 413, adres
        assert stroom.gelezen == 0, adres
        assert soep(response).h1.get_text(strip=True) == "Wat u verstuurde is te groot"


def test_a_form_under_the_limit_is_read_and_one_over_it_is_not(
    adviseur_client, maak_afweging, settings
):
    settings.VERZOEK_MAX_BYTES = settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4000
    afweging = maak_afweging(titel="Oud", gemeenten=["GM0547", "GM0638"])
    adres = reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "basis"})
    basis = {
        "versie": afweging.versie, "_autosave": "1", "variant": "bedrijfsvoeringsorganisatie",
        "gemeenten": [d.gemeente_id for d in afweging.deelnemers.all()],
        "geplande_startdatum": "2027-01-01", "geplande_evaluatiedatum": "2030-01-01",
        "taakstelling": "", "frictiekostenbudget": "", "reorganisatie_gecombineerd": "nee",
    }  # fmt: skip
    klein = adviseur_client.post(adres, basis | {"titel": "Nieuw"})
    assert klein.json()["opgeslagen"] is True
    groot = adviseur_client.post(
        adres, basis | {"titel": "Groot", "versie": klein.json()["versie"], "x": "x" * 5000},
        headers={"X-Requested-With": "fetch"},
    )  # fmt: skip
    assert groot.status_code == 413
    assert groot.json()["fout"] == "Niet bewaard: wat u verstuurde is groter dan 4 kB."
    assert Afweging.objects.get(pk=afweging.pk).titel == "Nieuw"


def test_a_body_without_a_usable_length_is_not_read_beyond_it(client):
    """Django reads a missing or garbled Content-Length as an empty body."""
    stroom = upload(10 * 1024 * 1024)
    response = post_upload(client, reverse("login"), stroom, 0, CONTENT_LENGTH="veel")
    assert response.status_code in (200, 403)
    assert stroom.gelezen == 0


def test_a_body_django_refuses_itself_gets_the_dutch_400_page(client):
    """More fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: Django's own 400, our page."""
    velden = "&".join(f"v{i}=x" for i in range(1001))
    response = client.generic(
        "POST", reverse("login"), data=velden.encode(),
        content_type="application/x-www-form-urlencoded",
    )  # fmt: skip
    assert response.status_code == 400
    pagina = soep(response)
    assert pagina.h1.get_text(strip=True) == "Fusietoets kon niet lezen wat uw browser verstuurde"
    assert "onvolledig of niet te lezen" in pagina.get_text()
