"""Performance figures of Fusietoets, one `name: value` line each (`make bench`).

Runs against a fresh SQLite database in a temporary folder (or DATABASE_URL when set),
loaded with the real reference data and the example afweging, so the figures do not
depend on what a developer has in db.sqlite3. Server time is measured in-process with
Django's test client: the time Django needs to answer, without network or browser.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="fusietoets-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TMP}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Production-like: DEBUG off (no query log kept in memory).
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "40"))


def regel(naam: str, waarde) -> None:
    print(f"{naam}: {waarde}", flush=True)


def meet(naam: str, functie, herhalingen: int = HERHALINGEN) -> None:
    functie()  # Warm up caches and connections.
    tijden = []
    for _ in range(herhalingen):
        start = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - start) * 1000)
    tijden.sort()
    regel(f"{naam}_p50_ms", round(statistics.median(tijden), 1))
    regel(f"{naam}_p95_ms", round(tijden[int(0.95 * (len(tijden) - 1))], 1))


# The register's largest fusieorganisaties have four members; the largest afweging has six.
GROOTSTE_DEELNEMERS = 6


def vol(lengte: int) -> str:
    """A text of exactly `lengte` characters: words, one long paragraph (the hardest to lay
    out), different for each field."""
    woorden = (
        "de gemeenten voegen hun ambtelijke organisaties samen maar blijven bestuurlijk "
        "zelfstandig met een eigen raad college en gemeentesecretaris kwetsbaarheid "
        "frictiekosten verdeelsleutel bestuurskracht"
    ).split()
    uit, n = [], lengte
    while sum(len(w) + 1 for w in uit) < lengte:
        uit.append(woorden[n % len(woorden)])
        n = n * 7 + 3
    return " ".join(uit)[:lengte]


def pdf_grootste() -> float:
    """Seconds for the PDF of the longest afweging the limits allow (afweging.lengtes):
    every text at its maximum, six deelnemers, each with a reactie that the provincie
    answered and that was changed after (so the earlier text is printed too), and a
    reviewer's opmerking with an answer on every deelvraag. Made as the product makes it."""
    from afweging import lengtes
    from afweging.rapport import rapport_van
    from afweging.selectors import met_alles
    from casussen.models import Gemeente
    from config.pdf import render_to_pdf
    from review import services as review
    from tests.factories import AdviseurFactory, AfwegingFactory, SecretarisFactory

    adviseur = AdviseurFactory(username="bench-grootste")
    gemeenten = Gemeente.objects.filter(
        provincie__code="PV28", datum_opheffing__isnull=True
    ).order_by("code")[:GROOTSTE_DEELNEMERS]
    afweging = AfwegingFactory(door=adviseur, gemeenten=list(gemeenten), titel=vol(lengtes.TITEL))
    for antwoord in afweging.antwoorden.all():
        antwoord.score, antwoord.motivering = "1", vol(lengtes.MOTIVERING)
        antwoord.bronnen = vol(lengtes.BRONNEN)
        antwoord.save()
    for factor in afweging.succesfactorantwoorden.all():
        factor.status, factor.notitie = "deels", vol(lengtes.NOTITIE)
        factor.save()
    secretarissen = []
    for deelnemer in afweging.deelnemers.select_related("gemeente"):
        deelnemer.motieven_toelichting = vol(lengtes.MOTIEVEN_TOELICHTING)
        deelnemer.save()
        secretarissen.append(SecretarisFactory(gemeenten=[deelnemer.gemeente]))
    review.delen(onderwerp=afweging, gebruikers=secretarissen, door=adviseur)
    for secretaris, deelnemer in zip(secretarissen, afweging.deelnemers.all(), strict=True):
        reactie = review.reactie_geven(
            onderwerp=afweging, gemeente=deelnemer.gemeente, auteur=secretaris,
            standpunt="kanttekeningen", tekst=vol(lengtes.REACTIE),
        )  # fmt: skip
        review.reactie_beantwoorden(
            reactie=reactie, door=adviseur, tekst=vol(lengtes.ANTWOORD_OP_REACTIE)
        )
        review.reactie_geven(
            onderwerp=afweging, gemeente=deelnemer.gemeente, auteur=secretaris,
            standpunt="niet_instemmend", tekst=vol(lengtes.REACTIE - 1),
        )  # fmt: skip
    for antwoord in afweging.antwoorden.select_related("deelvraag"):
        opmerking = review.opmerking_plaatsen(
            onderwerp=afweging, plek=antwoord.deelvraag, auteur=secretarissen[0],
            tekst=vol(lengtes.OPMERKING),
        )  # fmt: skip
        review.opmerking_plaatsen(
            onderwerp=afweging, plek=antwoord.deelvraag, auteur=adviseur,
            tekst=vol(lengtes.OPMERKING), antwoord_op=opmerking,
        )  # fmt: skip
    start = time.perf_counter()
    volledig = met_alles(type(afweging).objects.filter(pk=afweging.pk)).get()
    render_to_pdf("afweging/pdf/rapport.html", {"rapport": rapport_van(volledig)})
    return round(time.perf_counter() - start, 2)


def pdf_p50(template: str, rapport) -> float:
    """The median of five renderings of a report's PDF, its Rapport built anew each time,
    in seconds."""
    from config.pdf import render_to_pdf

    tijden = []
    for _ in range(5):
        start = time.perf_counter()
        render_to_pdf(template, {"rapport": rapport()})
        tijden.append(time.perf_counter() - start)
    return round(statistics.median(tijden), 2)


def evaluatie_duivenvoorde(adviseur):
    """An evaluatie of Werkorganisatie Duivenvoorde as the product starts one, with every
    indicator of the evaluatiekader scored and motivated (a text of a few lines each)."""
    from datetime import date

    from casussen.models import Fusieorganisatie
    from evaluatie import vertrekpunt
    from evaluatie.models import Indicatoroordeel
    from evaluatie.services import evaluatie_aanmaken

    punt = vertrekpunt.van_fusieorganisatie(
        Fusieorganisatie.objects.get(slug="werkorganisatie-duivenvoorde")
    )
    evaluatie = evaluatie_aanmaken(
        door=adviseur, titel=punt.titel, peildatum=date(2026, 6, 1), gemeenten=punt.gemeenten,
        startdatum_fusie=punt.startdatum, fusieorganisatie=punt.fusieorganisatie,
    )  # fmt: skip
    oordelen = list(evaluatie.oordelen.order_by("pk"))
    for n, oordeel in enumerate(oordelen):
        oordeel.score = ("2", "1", "1", "0", "-1")[n % 5]
        oordeel.motivering = vol(600 + n)
        oordeel.bronnen = vol(120)
    Indicatoroordeel.objects.bulk_update(oordelen, ["score", "motivering", "bronnen"])
    return evaluatie


def main() -> None:
    setup_test_environment()
    stil = open(os.devnull, "w")  # noqa: SIM115
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("laad_referentiedata", stdout=stil)
    regel("laad_referentiedata_eerste_keer_s", round(time.perf_counter() - start, 2))
    start = time.perf_counter()
    call_command("laad_referentiedata", stdout=stil)
    regel("laad_referentiedata_opnieuw_s", round(time.perf_counter() - start, 2))
    from django.contrib.auth.models import Group

    from casussen.models import Provincie
    from gebruikers.models import Gebruiker

    adviseur = Gebruiker.objects.create(
        username="bench", provincie=Provincie.objects.get(code="PV28")
    )
    adviseur.groups.add(Group.objects.get(name="adviseur"))
    call_command("maak_voorbeeldafweging", "--door", "bench", stdout=stil, stderr=stil)

    from afweging.models import Afweging
    from afweging.scoring import gevoeligheid
    from afweging.selectors import met_alles, scoring_invoer

    afweging = met_alles(Afweging.objects.filter(is_voorbeeld=True)).get()
    deelvragen, factoren = scoring_invoer(afweging)
    meet("gevoeligheid", lambda: gevoeligheid(deelvragen, factoren))

    from benchmark.overhead import beschikbare_bestanden, overhead_frame
    from benchmark.trend import fit_trend

    frames = [overhead_frame(b.jaar, b.document) for b in beschikbare_bestanden()]
    meet("trend_fit_alle_documenten", lambda: [fit_trend(df) for df in frames])
    start = time.perf_counter()
    for _ in range(20):
        for df in frames:
            fit_trend(df)
    regel("trend_fit_ms", round((time.perf_counter() - start) * 1000 / 20, 1))

    # One fusieorganisatie's counterfactual over every file, the analyses warm: computed
    # afresh each time (as after a change of the reference data), then from its cache.
    from benchmark.tegenfeitelijk import bereken, tegenfeitelijk
    from casussen.models import Fusieorganisatie

    org = Fusieorganisatie.objects.get(slug="werkorganisatie-duivenvoorde")
    codes = [d.gemeente.code for d in org.deelnames.select_related("gemeente")]
    tegenfeitelijk(codes, org.naam)  # Warms the analysis of every file.
    tijden = []
    for _ in range(HERHALINGEN):
        start = time.perf_counter()
        bereken(codes, org.naam)
        tijden.append((time.perf_counter() - start) * 1000)
    regel("tegenfeitelijk_ms", round(statistics.median(tijden), 1))
    start = time.perf_counter()
    for _ in range(HERHALINGEN):
        tegenfeitelijk(codes, org.naam)
    regel(
        "tegenfeitelijk_uit_cache_ms", round((time.perf_counter() - start) * 1000 / HERHALINGEN, 2)
    )

    from afweging.rapport import rapport_van

    regel("pdf_full_p50_s", pdf_p50("afweging/pdf/rapport.html", lambda: rapport_van(afweging)))
    regel("pdf_grootste_s", pdf_grootste())

    evaluatie = evaluatie_duivenvoorde(adviseur)

    from evaluatie import selectors as evaluatieselectors
    from evaluatie.models import Evaluatie
    from evaluatie.rapport import rapport_van as evaluatierapport_van

    volledig = evaluatieselectors.met_alles(Evaluatie.objects.filter(pk=evaluatie.pk)).get()
    regel(
        "pdf_evaluatie_p50_s",
        pdf_p50("evaluatie/pdf/rapport.html", lambda: evaluatierapport_van(volledig)),
    )

    from config.opstarten import na_opstarten

    na_opstarten()  # As config/wsgi.py does in every worker.
    client = Client()
    client.force_login(adviseur)
    paginas = {
        "register_page": "/",
        "start_page": "/start/",
        "fusieorganisatie_page": "/fusieorganisaties/bar-organisatie/",
        "kaart_page": "/kaart/",
        "gemeente_page": "/gemeenten/gm0489/",
        "benchmark_page": "/benchmark/?fusieorganisatie=bar-organisatie",
        "uitkomst_page": f"/afwegingen/{afweging.pk}/",
        "rapport_page": f"/afwegingen/{afweging.pk}/rapport/",
        "stap_condities_page": f"/afwegingen/{afweging.pk}/condities/",
        "terugblik_page": "/terugblik/",
        # The overview of an evaluatie with every indicator scored, and a domein to fill in.
        "evaluatie_page": f"/evaluaties/{evaluatie.pk}/",
        "evaluatie_domein_page": f"/evaluaties/{evaluatie.pk}/publieke_waarde/",
    }
    from django.core.cache import cache

    for naam, url in paginas.items():
        cache.clear()
        with CaptureQueriesContext(connection) as vragen:
            antwoord = client.get(url)
        if antwoord.status_code != 200:
            raise SystemExit(f"{url} gaf {antwoord.status_code}")
        regel(f"{naam}_queries", len(vragen.captured_queries))
        # Rendered from scratch (the page cache emptied first), then from the page cache.
        meet(naam, lambda url=url: (cache.clear(), client.get(url)))
        meet(f"{naam}_uit_cache", lambda url=url: client.get(url))

    # The terugblik as it grows: 20 vastgestelde afwegingen with a recorded afloop, each
    # counted with its own signalen (a business case computation each, kept in the cache
    # per afweging). From scratch (the whole cache emptied, as in a new process), and right
    # after a new afloop (recording it included): the page is new, the others' signalen stay.
    afwegingen = aflopen_maken(adviseur, 20)
    meet("terugblik_page_20_aflopen", lambda: (cache.clear(), client.get("/terugblik/")))
    teller = iter(range(10_000))
    meet(
        "terugblik_page_20_aflopen_na_nieuwe_afloop",
        lambda: (nieuwe_afloop(afwegingen[0], adviseur, next(teller)), client.get("/terugblik/")),
    )


def aflopen_maken(adviseur, aantal: int) -> list:
    from datetime import date

    from django.utils import timezone

    from afweging.models import Afweging
    from afweging.services import afweging_aanmaken
    from casussen.models import Gemeente
    from evaluatie.services import afloop_vastleggen

    gemeenten = list(
        Gemeente.objects.filter(provincie=adviseur.provincie, datum_opheffing=None).order_by("code")
    )
    soorten = ["gestart", "beeindigd", "herindeling", "nooit"]
    afwegingen = []
    for i in range(aantal):
        afweging = afweging_aanmaken(
            door=adviseur,
            velden={"titel": f"Bench {i}", "variant": Afweging.Variant.OPENBAAR_LICHAAM},
            gemeenten=gemeenten[2 * i : 2 * i + 2],
        )
        Afweging.objects.filter(pk=afweging.pk).update(
            status=Afweging.Status.VASTGESTELD, vastgesteld_op=timezone.now()
        )
        afweging.refresh_from_db()
        afloop_vastleggen(afweging=afweging, door=adviseur, soort=soorten[i % 4],
                          datum=date(2024, 1, 1), bron=f"Bron {i}")  # fmt: skip
        afwegingen.append(afweging)
    return afwegingen


def nieuwe_afloop(afweging, adviseur, nummer: int) -> None:
    from datetime import date

    from evaluatie.services import afloop_vastleggen

    afloop_vastleggen(afweging=afweging, door=adviseur, soort="geevalueerd",
                      datum=date(2025, 1, 1), bron=f"Evaluatie {nummer}")  # fmt: skip


if __name__ == "__main__":
    main()
