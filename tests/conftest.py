import pytest

from benchmark.iv3 import laad_iv3
from casussen.referentiedata import laad_referentiedata
from kader.versies import laad_evaluatiekaders, laad_kaders
from tests.factories import (
    AdviseurFactory,
    AfwegingFactory,
    BeheerderFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProvincieFactory,
    SecretarisFactory,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real reference data once; every test runs inside a rolled-back transaction."""
    with django_db_blocker.unblock():
        laad_referentiedata()
        laad_kaders()
        laad_evaluatiekaders()
        laad_iv3()


@pytest.fixture
def adviseur(db):
    """An adviseur of Zuid-Holland."""
    return AdviseurFactory()


@pytest.fixture
def secretaris(db):
    """The gemeentesecretaris of Barendrecht."""
    return SecretarisFactory()


@pytest.fixture
def beheerder(db):
    return BeheerderFactory()


@pytest.fixture
def adviseur_client(client, adviseur):
    client.force_login(adviseur)
    return client


@pytest.fixture
def ander_adviseur(db):
    """An adviseur of another provincie (Utrecht)."""
    return AdviseurFactory(provincie=ProvincieFactory(code="PV26"))


@pytest.fixture
def maak_afweging(db, adviseur):
    """The afweging factory, with the `adviseur` as its maker unless told otherwise:
    `maak_afweging(gemeenten=["GM0489", "GM0613"], titel="…")`."""

    def maak(**velden):
        velden.setdefault("door", adviseur)
        return AfwegingFactory(**velden)

    return maak


@pytest.fixture
def maak_gebruiker(db):
    """The user factories by role: `maak_gebruiker.secretaris(gemeenten=[...])`."""
    from types import SimpleNamespace

    return SimpleNamespace(
        adviseur=AdviseurFactory,
        secretaris=SecretarisFactory,
        beheerder=BeheerderFactory,
        zonder_rol=GebruikerFactory,
    )


@pytest.fixture
def gemeente(db):
    """A real gemeente by its code: `gemeente("GM0547")`."""
    return lambda code: GemeenteFactory(code=code)


@pytest.fixture
def secretaris_client(secretaris):
    """A browser of its own: `client` is the same object as `adviseur_client`."""
    from django.test import Client

    eigen = Client()
    eigen.force_login(secretaris)
    return eigen


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """Hashing passwords the production way costs a fifth of a second per user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _lege_paginacache():
    """Each test starts with an empty page cache: a test's rolled-back transaction can
    reuse a page stand that an earlier test cached under (production never rolls back a
    stand that a page was cached under, as only GET requests fill the cache)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pytest_collection_modifyitems(items):
    """Browser journeys last: they flush the database the other tests share."""
    items.sort(key=lambda item: "tests/e2e/" in item.nodeid.replace("\\", "/"))


def pytest_terminal_summary(terminalreporter, config):
    """The order the tests ran in (pytest-randomly), so a failure that depends on it can be
    run again in the same order."""
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(
            f"Volgorde van deze run: pytest -p randomly --randomly-seed={seed}"
        )


@pytest.fixture
def evaluatiekader(db):
    """A small published evaluatiekader (tests/factories.py), made the active one: for tests
    that count by hand over a few indicators. Others use the real one (fixtures/kader)."""
    from tests.factories import EvaluatiekaderFactory

    return EvaluatiekaderFactory()


@pytest.fixture
def maak_evaluatie(db, adviseur):
    """The evaluatie factory, with the `adviseur` (Zuid-Holland) as its maker unless told
    otherwise: `maak_evaluatie(fusieorganisatie="bar-organisatie")`; Werkorganisatie
    Duivenvoorde by default. It pins the active evaluatiekader: the real one, unless the
    test asks for `evaluatiekader` first."""
    from tests.factories import EvaluatieFactory

    def maak(**velden):
        velden.setdefault("door", adviseur)
        return EvaluatieFactory(**velden)

    return maak
