"""Fixtures of the exchange format's tests: an afweging with something in every part of the
document, and a second adviseur of its provincie to import it."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from afweging.models import Afweging
from businesscase.models import Businesscase
from casussen.models import Gemeente
from kader.models import Deelvraag
from review import services as review
from review.models import Reactie
from tests.factories import AdviseurFactory, AfwegingFactory, GemeenteFactory, SecretarisFactory


@pytest.fixture
def collega(db):
    """A second adviseur of Zuid-Holland: the one who imports."""
    return AdviseurFactory()


@pytest.fixture
def afweging(adviseur, secretaris):
    """A vastgestelde afweging with something in every part of the document."""
    afweging = AfwegingFactory(
        door=adviseur,
        gemeenten=["GM0489", "GM0613", "GM0597"],
        titel="BAR: centrumconstructie “herzien”",
        variant=Afweging.Variant.CENTRUMCONSTRUCTIE,
        centrumgemeente=GemeenteFactory(code="GM0597"),
        geplande_startdatum=date(2028, 1, 1),
        geplande_evaluatiedatum=date(2030, 1, 1),
        taakstelling=Decimal("400000"),
        frictiekostenbudget=Decimal("750000"),
        reorganisatie_gecombineerd=Afweging.JaNeeOnbekend.JA,
    )
    for deelnemer, perspectief, motieven in zip(
        afweging.deelnemers.order_by("gemeente__code"),
        ["eindoplossing", "tussenstap", "onbekend"],
        [["kwetsbaarheid", "kosten"], ["herindeling"], []],
        strict=True,
    ):
        deelnemer.perspectief, deelnemer.motieven = perspectief, motieven
        deelnemer.motieven_toelichting = f"Toelichting {deelnemer.gemeente.naam}, é"
        deelnemer.save()
    for antwoord, score in zip(
        afweging.antwoorden.order_by("deelvraag__nummer"),
        ["2", "1", "0", "-1", "-2", "?", "1", ""],
        strict=True,
    ):
        antwoord.score = score
        antwoord.motivering = f"=Motivering {score}; “aanhalingstekens”\nregel 2" if score else ""
        antwoord.bronnen = "Rapport, p. 12" if score else ""
        antwoord.save()
    for factor, status in zip(
        afweging.succesfactorantwoorden.order_by("succesfactor__volgorde"),
        ["voldaan", "deels", "niet"],
        strict=False,
    ):
        factor.status, factor.notitie = status, f"Notitie: {status}"
        factor.save()
    businesscase = afweging.businesscase
    businesscase.basis_overhead = Decimal("12345678")
    businesscase.verdeelsleutel = Businesscase.Sleutel.VAST
    businesscase.mix_inwoners_pct = Decimal("40.5")
    businesscase.vaste_verdeling = {"GM0489": 50.5, "GM0613": 20.0, "GM0597": 29.5}
    # The keys of §6.4.1 (issue 12): P&O/ICT by fte as in the Bevelanden, figures entered
    # with their sources; a count, a decimal and a rate in euros with cents.
    businesscase.verdeelgegevens = {
        "fte": {
            "GM0489": {"waarde": 120.5, "bron": "Formatieoverzicht 2025"},
            "GM0613": {"waarde": 80, "bron": "Formatieoverzicht 2025"},
            "GM0597": {"waarde": 199.5, "bron": "Formatieoverzicht 2025"},
        },
        "clienten": {"GM0489": {"waarde": 1200, "bron": "Monitor sociaal domein"}},
    }
    businesscase.uurtarieven = {"schaal_7_9": {"waarde": 65.5, "bron": "Begroting 2025"}}
    businesscase.domeinsleutels = [
        {"domein": "P&O en ICT", "aandeel_pct": 60.0, "verdeelsleutel": "fte",
         "bron": "Begroting GR 2025"},
    ]  # fmt: skip
    businesscase.save()
    businesscase.varianten.filter(soort="voorgesteld").update(
        besparing_pct=Decimal("2.5"), ingroei_jaren=4, frictiekosten=Decimal("600000"),
        frictie_jaren=2, extra_kosten=Decimal("25000"), btw_aandeel_pct=Decimal("12.5"),
    )  # fmt: skip
    businesscase.varianten.filter(soort="alternatief").update(besparing_pct=Decimal("1.5"))

    albrandswaard = SecretarisFactory(
        username="secretaris-albrandswaard", gemeenten=[GemeenteFactory(code="GM0613")]
    )
    review.delen(onderwerp=afweging, gebruikers=[secretaris, albrandswaard], door=adviseur)
    deelvragen = {d.nummer: d for d in Deelvraag.objects.filter(onderdeel__kader=afweging.kader)}
    vraag = review.opmerking_plaatsen(
        onderwerp=afweging, plek=deelvragen[2], auteur=secretaris, tekst="Is de regio zwak?"
    )
    review.opmerking_plaatsen(
        onderwerp=afweging, plek=None, auteur=adviseur, tekst="Ja, zie §4.", antwoord_op=vraag
    )
    review.opmerking_plaatsen(
        onderwerp=afweging,
        plek=deelvragen[5],
        auteur=secretaris,
        tekst="De raad van Ridderkerk twijfelt.",
    )
    reactie = review.reactie_geven(
        onderwerp=afweging, gemeente=Gemeente.objects.get(code="GM0489"), auteur=secretaris,
        standpunt=Reactie.Standpunt.KANTTEKENINGEN, tekst="Eens, mits de evaluatie later komt.",
    )  # fmt: skip
    review.reactie_beantwoorden(reactie=reactie, door=adviseur, tekst="Aangepast.")
    # Amended after the answer, and one received by e-mail (issue 11).
    review.reactie_geven(
        onderwerp=afweging, gemeente=Gemeente.objects.get(code="GM0489"), auteur=secretaris,
        standpunt=Reactie.Standpunt.INSTEMMEND, tekst="Eens.", versie=reactie.versie,
    )  # fmt: skip
    review.reactie_geven(
        onderwerp=afweging, gemeente=Gemeente.objects.get(code="GM0597"), auteur=adviseur,
        standpunt=Reactie.Standpunt.NIET, tekst="E-mail van 1 maart.", versie=0,
        ontvangen_per=Reactie.Ontvangen.EMAIL,
    )  # fmt: skip
    Afweging.objects.filter(pk=afweging.pk).update(
        status=Afweging.Status.VASTGESTELD,
        vastgesteld_op=datetime(2026, 3, 2, 14, 30, 15, 123456, tzinfo=UTC),
        vastgesteld_door=adviseur,
    )
    return Afweging.objects.get(pk=afweging.pk)
