"""The terugblik page: the signalen rules run on the register as if each fusion were proposed
at its start, set against what became of it, with the aflopen recorded in Fusietoets."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from afweging import services as afweging_services
from afweging import signalen
from afweging.models import Afweging
from afweging.selectors import met_stand
from casussen.models import Casus, CasusDeelnemer, Deelname, Fusieorganisatie, Inwonertal
from casussen.register import LAATSTE_JAAR
from evaluatie import terugblik
from evaluatie.models import Afloop
from evaluatie.services import afloop_vastleggen
from evaluatie.terugblik import eigen_signalen
from gebruikers import rollen
from tests.html import soep

pytestmark = pytest.mark.django_db

URL = reverse("terugblik")
STATUSSEN = ["beeindigd", "actief", "herindeling", "nooit"]


def tekst(element) -> str:
    return " ".join(element.get_text(" ").split())


def cel(pagina, bron: str, code: str, uitkomst: str) -> dict:
    """A cell of the signal table as numbers: fired, judged, not to be judged."""
    td = pagina.find("td", headers=f"rij-{code} groep-{bron} kol-{bron}-{uitkomst}")
    assert td is not None, (bron, code, uitkomst)
    inhoud = tekst(td)
    af = re.search(r"(\d+) van (\d+)", inhoud)
    onbekend = re.search(r"niet te beoordelen: (\d+)", inhoud)
    return {
        "af": int(af.group(1)) if af else 0,
        "beoordeeld": int(af.group(2)) if af else 0,
        "onbekend": int(onbekend.group(1)) if onbekend else 0,
        "tekst": inhoud,
    }


def kolom_n(pagina, bron: str, uitkomst: str) -> int:
    th = pagina.find("th", id=f"kol-{bron}-{uitkomst}")
    return int(re.search(r"n = (\d+)", tekst(th)).group(1))


def inwoners_bij_start(organisatie) -> list[int | None]:
    """By hand, from the rows: a casus deelnemer's inhabitants from the report, else the
    earliest CBS figure, else unknown."""
    casus = Casus.objects.filter(fusieorganisatie=organisatie).first()
    uit_rapport = (
        dict(
            CasusDeelnemer.objects.filter(casus=casus).values_list(
                "gemeente_id", "inwoners_rapport"
            )
        )
        if casus
        else {}
    )
    cijfers = []
    for gemeente_id in Deelname.objects.filter(fusieorganisatie=organisatie).values_list(
        "gemeente_id", flat=True
    ):
        if uit_rapport.get(gemeente_id):
            cijfers.append(uit_rapport[gemeente_id])
            continue
        vroegste = Inwonertal.objects.filter(gemeente_id=gemeente_id).order_by("jaar").first()
        cijfers.append(vroegste.aantal if vroegste else None)
    return cijfers


def test_the_grootteverschil_counts_match_a_count_by_hand_over_the_register(adviseur_client):
    verwacht = {status: {"n": 0, "af": 0, "onbekend": 0} for status in STATUSSEN}
    for organisatie in Fusieorganisatie.objects.all():
        telling = verwacht[organisatie.status]
        telling["n"] += 1
        cijfers = inwoners_bij_start(organisatie)
        if None in cijfers:
            telling["onbekend"] += 1
        elif max(cijfers) / min(cijfers) >= signalen.GROOTTEVERHOUDING:
            telling["af"] += 1
    # The register as the report and CBS give it: 2 ended, 18 active, 8 merged, 1 never.
    assert {s: t["n"] for s, t in verwacht.items()} == {
        "beeindigd": 2, "actief": 18, "herindeling": 8, "nooit": 1,
    }  # fmt: skip

    pagina = soep(adviseur_client.get(URL))
    for status, telling in verwacht.items():
        assert kolom_n(pagina, "register", status) == telling["n"], status
        gevonden = cel(pagina, "register", "grootteverschil", status)
        assert gevonden["af"] == telling["af"], status
        assert gevonden["onbekend"] == telling["onbekend"], status
        assert gevonden["beoordeeld"] == telling["n"] - telling["onbekend"], status
    # Beside the finding on the dissolved cases, the same signal's base rate elsewhere.
    bevinding = tekst(pagina.find("section", attrs={"aria-labelledby": "bevinding-kop"}))
    actief = verwacht["actief"]
    beoordeeld = actief["n"] - actief["onbekend"]
    assert (
        f"af bij {actief['af']} van de {beoordeeld} fusies met uitkomst ‘nog actief’" in bevinding
    )
    assert "geen voorspelling van het einde" in bevinding


def test_both_dissolved_cases_fire_grootteverschil_with_the_reports_line(adviseur_client):
    beeindigd = Fusieorganisatie.objects.filter(status="beeindigd")
    assert {o.casus.slug for o in beeindigd} == {"ommen-hardenberg", "uw-samenwerking"}
    pagina = soep(adviseur_client.get(URL))
    assert cel(pagina, "register", "grootteverschil", "beeindigd")["tekst"].startswith("2 van 2")
    bevinding = tekst(pagina.find("section", attrs={"aria-labelledby": "bevinding-kop"}))
    assert "af bij 2 van de 2 beëindigde fusies" in bevinding
    assert "regels 3725–3731" in bevinding
    # The figures are the report's (§5.2.7), worked out here by hand: 60.211 / 17.531.
    assert f"{60211 / 17531:.1f}".replace(".", ",") == "3,4"
    assert "Hardenberg 60.211 inwoners (rapport §5.2.7, regel 2799" in bevinding
    assert "3,4 keer zo groot als Ommen 17.531" in bevinding
    assert "IJsselstein 34.208" in bevinding and "Montfoort 13.866" in bevinding
    rij = pagina.find("th", id="rij-grootteverschil")
    assert "regels 3725–3731" in tekst(rij)


def test_each_fusion_is_counted_once_with_the_casus_figures(adviseur_client):
    pagina = soep(adviseur_client.get(URL))
    rijen = pagina.find("table", id="fusietabel").tbody.find_all("tr", recursive=False)
    assert sorted(r["id"] for r in rijen) == sorted(
        f"fusie-{slug}" for slug in Fusieorganisatie.objects.values_list("slug", flat=True)
    )
    assert len(rijen) == 29
    # A casus brings the report's inhabitants, not CBS's (Hardenberg had 61.798 in 2022).
    boh = tekst(pagina.find("tr", id="fusie-bestuursdienst-ommen-hardenberg"))
    assert "60.211 inwoners (rapport §5.2.7" in boh
    assert "61.798" not in boh
    assert "Gecodeerd uit het rapport (§5.2.7" in boh


def test_cbs_figures_are_marked_as_later_than_the_start(adviseur_client):
    pagina = soep(adviseur_client.get(URL))
    bel = tekst(pagina.find("tr", id="fusie-bel-combinatie"))
    blaricum = Inwonertal.objects.get(gemeente__code="GM0376", jaar=2022).aantal
    assert (
        f"{blaricum:,}".replace(",", ".") + " inwoners (CBS 1-1-2022, later dan de start (2008))"
        in bel
    )
    assert "indeling van nu" in bel
    assert "motieven en perspectief onbekend" in bel


def test_a_member_without_figures_makes_size_niet_te_beoordelen(adviseur_client):
    """Ten Boer ceased in 2019 and CBS has no figure for it: no ratio is guessed."""
    assert not Inwonertal.objects.filter(gemeente__naam="Ten Boer").exists()
    pagina = soep(adviseur_client.get(URL))
    rij = pagina.find("tr", id="fusie-groningen-ten-boer")
    assert "Grote verschillen in omvang" in tekst(rij.find_all("td")[-1])
    assert "onbekend: de gemeente bestaat niet meer" in tekst(rij)


def test_every_rule_of_the_signalen_is_listed_with_whether_it_runs(adviseur_client):
    behandeld = [r.regel for r in terugblik.REGELS]
    assert sorted(f.__name__ for f in behandeld) == sorted(f.__name__ for f in signalen.REGELS)
    for regel in terugblik.REGELS:
        assert regel.toegepast == (regel.functie is not None)
        assert regel.bij_onbekend if regel.toegepast else regel.waarom_niet, regel.naam
    pagina = soep(adviseur_client.get(URL))
    rijen = pagina.find("table", id="regeltabel").tbody.find_all("tr")
    toegepast = {tekst(r.th).split(" ", 1)[0]: tekst(r.find_all("td")[0]) for r in rijen}
    assert len(rijen) == len(terugblik.REGELS)
    assert toegepast["Verschil"] == "ja"
    assert toegepast["Frictiekosten"] == "nee"
    al_in = cel(pagina, "register", "al_in_fusieorganisatie", "actief")["tekst"]
    assert al_in == "niet toegepast"


def _profiel(naam, **velden):
    velden = {"inwoners": 10_000, "provincie": "P", "corop": "C", "arbeidsmarktregio": "A",
              "perspectief": "eindoplossing"} | velden  # fmt: skip
    return signalen.Deelnemerprofiel(naam=naam, **velden)


# Per code a context in which its rule fires, to check the titles the table writes.
AFGAAND = {
    "grootteverschil": {"deelnemers": (_profiel("a", inwoners=30_000), _profiel("b"))},
    "provincies": {"deelnemers": (_profiel("a", provincie="X"), _profiel("b"))},
    "corop": {"deelnemers": (_profiel("a", corop="X"), _profiel("b"))},
    "arbeidsmarktregio": {"deelnemers": (_profiel("a", arbeidsmarktregio="X"), _profiel("b"))},
    "schijncoalitie": {"deelnemers": (_profiel("a", perspectief="tussenstap"), _profiel("b"))},
    "ongelijke_verwachtingen": {"deelnemers": (
        _profiel("a", motieven=("zelfstandigheid",)),
        _profiel("b", motieven=("herindeling_vooruitlopen",)),
    )},
    "reken_je_niet_rijk": {"deelnemers": (_profiel("a", motieven=("kosten",)), _profiel("b"))},
    "vorm_past_niet_bij_omvang": {"deelnemers": (_profiel("a", inwoners=40_000), _profiel("b"))},
    "al_in_fusieorganisatie": {"deelnemers": (
        _profiel("a", fusieorganisaties=(signalen.Fusielidmaatschap("X", "2013"),)), _profiel("b"),
    )},
    "motief_herindeling_ongesplitst": {"deelnemers": (
        _profiel("a", motieven=("herindeling",)), _profiel("b"),
    )},
    "perspectief_onbekend": {"deelnemers": (_profiel("a", perspectief="onbekend"), _profiel("b"))},
    "geen_frictiekostenbudget": {},
    "frictiekosten_kleiner_dan_taakstelling": {
        "frictiekostenbudget": Decimal(100), "taakstelling": Decimal(200),
    },
    "evaluatie_niet_gepland": {},
    "evaluatie_te_vroeg": {"startdatum": date(2020, 1, 1), "evaluatiedatum": date(2020, 6, 1)},
    "gestapelde_verandering": {"reorganisatie": "ja"},
}  # fmt: skip


@pytest.mark.parametrize(("regel", "code", "titel"),
                         [(r, c, t) for r in terugblik.REGELS for c, t in r.codes])  # fmt: skip
def test_the_tables_titles_are_those_of_the_rules(regel, code, titel):
    velden = {"deelnemers": (_profiel("a"), _profiel("b")), "klassiek": True} | AFGAAND[code]
    gevonden = {s.code: s for s in signalen.signalen(signalen.Context(**velden))}
    assert gevonden[code].titel == titel
    assert gevonden[code] == regel.regel(signalen.Context(**velden))


# --- Aflopen recorded in Fusietoets --------------------------------------------------


def _grootteverschil_met_laatste_cbs(codes) -> bool:
    """By hand, as `context_van` reads an afweging: CBS inhabitants of the latest year."""
    cijfers = list(
        Inwonertal.objects.filter(gemeente__code__in=codes, jaar=LAATSTE_JAAR).values_list(
            "aantal", flat=True
        )
    )
    return max(cijfers) / min(cijfers) >= signalen.GROOTTEVERHOUDING


def test_a_recorded_afloop_of_a_vastgestelde_afweging_is_counted(
    adviseur, adviseur_client, maak_afweging, vastgesteld
):
    codes = ["GM0547", "GM0638"]  # Leiderdorp and Zoeterwoude
    afweging = vastgesteld(maak_afweging(gemeenten=codes, titel="Leiderdorp-Zoeterwoude"))
    afloop_vastleggen(afweging=afweging, door=adviseur, soort="beeindigd",
                      datum=date(2024, 6, 1), bron="Raadsbesluit Leiderdorp 2024/12")  # fmt: skip
    pagina = soep(adviseur_client.get(URL))
    assert kolom_n(pagina, "fusietoets", "beeindigd") == 1
    assert kolom_n(pagina, "fusietoets", "actief") == 0
    groot = cel(pagina, "fusietoets", "grootteverschil", "beeindigd")
    assert (groot["af"], groot["beoordeeld"]) == (
        1 if _grootteverschil_met_laatste_cbs(codes) else 0,
        1,
    )
    # The afweging has no frictiekostenbudget: its own signal fires, and is counted.
    friktie = cel(pagina, "fusietoets", "geen_frictiekostenbudget", "beeindigd")
    assert (friktie["af"], friktie["beoordeeld"]) == (1, 1)
    # Its deelnemers' perspectief is unknown: that signal fired (its code merely ends in
    # "_onbekend"; it is no "niet te beoordelen"), and it has one row.
    perspectief = cel(pagina, "fusietoets", "perspectief_onbekend", "beeindigd")
    assert (perspectief["af"], perspectief["beoordeeld"], perspectief["onbekend"]) == (1, 1, 0)
    titels = [tekst(th) for th in pagina.find("table", id="signaaltabel").tbody.find_all("th")]
    assert [t for t in titels if t.startswith("Perspectief niet bekend")] == [
        "Perspectief niet bekend"
    ]
    # The register's columns are the register's alone.
    assert kolom_n(pagina, "register", "beeindigd") == 2
    vastgelegd = tekst(pagina.find("table", id="vastgelegdtabel"))
    assert (
        "Leiderdorp-Zoeterwoude" in vastgelegd and "Raadsbesluit Leiderdorp 2024/12" in vastgelegd
    )


def test_a_concept_or_the_voorbeeld_is_not_counted(
    adviseur, adviseur_client, maak_afweging, vastgesteld
):
    concept = maak_afweging(titel="Nog een concept")
    # The form refuses both; rows made around it (a data fix) are still not counted.
    Afloop.objects.create(afweging=concept, soort="beeindigd", datum=date(2024, 1, 1),
                          bron="x", vastgelegd_door=adviseur)  # fmt: skip
    voorbeeld = vastgesteld(maak_afweging(titel="Voorbeeld", is_voorbeeld=True))
    Afloop.objects.create(afweging=voorbeeld, soort="beeindigd", datum=date(2024, 1, 1),
                          bron="x", vastgelegd_door=adviseur)  # fmt: skip
    pagina = soep(adviseur_client.get(URL))
    assert [kolom_n(pagina, "fusietoets", s) for s in STATUSSEN] == [0, 0, 0, 0]
    assert "Nog geen enkele afloop vastgelegd" in tekst(pagina)


def test_the_latest_afloop_decides(adviseur, adviseur_client, maak_afweging, vastgesteld):
    afweging = vastgesteld(maak_afweging())
    # Recorded out of order: the later date decides, not the later entry.
    afloop_vastleggen(afweging=afweging, door=adviseur, soort="beeindigd",
                      datum=date(2023, 12, 1), bron="Besluit tot beëindigen")  # fmt: skip
    afloop_vastleggen(afweging=afweging, door=adviseur, soort="gestart",
                      datum=date(2020, 1, 1), bron="Start van de werkorganisatie")  # fmt: skip
    pagina = soep(adviseur_client.get(URL))
    assert kolom_n(pagina, "fusietoets", "beeindigd") == 1
    assert kolom_n(pagina, "fusietoets", "actief") == 0


def test_a_chain_of_versions_counts_once_with_the_newest_vastgestelde(
    adviseur, adviseur_client, maak_afweging, vastgesteld
):
    eerste = vastgesteld(maak_afweging(titel="Eerste versie"))
    afloop_vastleggen(afweging=eerste, door=adviseur, soort="gestart", datum=date(2021, 1, 1),
                      bron="Start")  # fmt: skip
    tweede = afweging_services.nieuwe_versie(afweging=eerste, door=adviseur)
    # The new version budgets the friction costs: its signal no longer fires.
    Afweging.objects.filter(pk=tweede.pk).update(
        frictiekostenbudget=Decimal(250_000), titel="Tweede versie"
    )
    # While it is a concept, the first version speaks for the fusion (and is cached so).
    voor = soep(adviseur_client.get(URL))
    assert "Eerste versie" in tekst(voor.find("table", id="vastgelegdtabel"))
    assert cel(voor, "fusietoets", "geen_frictiekostenbudget", "actief")["af"] == 1
    vastgesteld(tweede)
    pagina = soep(adviseur_client.get(URL))
    assert kolom_n(pagina, "fusietoets", "actief") == 1
    friktie = cel(pagina, "fusietoets", "geen_frictiekostenbudget", "actief")
    assert (friktie["af"], friktie["beoordeeld"]) == (0, 1)
    vastgelegd = tekst(pagina.find("table", id="vastgelegdtabel"))
    assert "Tweede versie" in vastgelegd and "Eerste versie" not in vastgelegd


def test_the_page_escapes_what_was_typed(adviseur, adviseur_client, maak_afweging, vastgesteld):
    afweging = vastgesteld(maak_afweging())
    afloop_vastleggen(afweging=afweging, door=adviseur, soort="nooit", datum=date(2022, 3, 1),
                      bron="<script>alert('bron')</script>",
                      toelichting="<img src=x onerror=alert(1)>")  # fmt: skip
    inhoud = adviseur_client.get(URL).content.decode()
    assert "<script>alert('bron')</script>" not in inhoud
    assert "<img src=x" not in inhoud
    assert "&lt;script&gt;alert(&#x27;bron&#x27;)&lt;/script&gt;" in inhoud
    assert "&lt;img src=x onerror=alert(1)&gt;" in inhoud


def test_another_provinces_afloop_is_counted_but_not_shown(
    adviseur, ander_adviseur, client, maak_afweging, vastgesteld
):
    afweging = vastgesteld(maak_afweging(titel="Geheim in Zuid-Holland"))
    afloop_vastleggen(afweging=afweging, door=adviseur, soort="herindeling",
                      datum=date(2023, 1, 1), bron="Herindelingsbesluit")  # fmt: skip
    client.force_login(ander_adviseur)  # Utrecht: no deelnemer there
    response = client.get(URL)
    pagina = soep(response)
    assert kolom_n(pagina, "fusietoets", "herindeling") == 1
    inhoud = response.content.decode()
    assert "Geheim in Zuid-Holland" not in inhoud and "Herindelingsbesluit" not in inhoud
    assert "afwegingen die u niet kunt inzien (provincie Zuid-Holland)" in tekst(pagina)


def test_the_page_is_cached_and_shows_a_new_afloop_at_once(
    adviseur, adviseur_client, maak_afweging, vastgesteld, django_assert_max_num_queries
):
    afweging = vastgesteld(maak_afweging())
    assert kolom_n(soep(adviseur_client.get(URL)), "fusietoets", "nooit") == 0
    with django_assert_max_num_queries(8):  # session, user, stamps: nothing computed
        adviseur_client.get(URL)
    afloop_vastleggen(afweging=afweging, door=adviseur, soort="nooit", datum=date(2022, 3, 1),
                      bron="Besluit")  # fmt: skip
    assert kolom_n(soep(adviseur_client.get(URL)), "fusietoets", "nooit") == 1


def test_an_afwegings_signalen_follow_the_reference_data(
    adviseur, adviseur_client, maak_afweging, vastgesteld, django_assert_num_queries
):
    """Its signalen are kept per afweging between pages, under its stand: a change to the
    reference data computes them anew."""
    afweging = vastgesteld(maak_afweging(gemeenten=["GM0547", "GM0638"]))
    afloop_vastleggen(afweging=afweging, door=adviseur, soort="gestart", datum=date(2021, 1, 1),
                      bron="Start")  # fmt: skip
    assert _grootteverschil_met_laatste_cbs(["GM0547", "GM0638"])
    assert cel(soep(adviseur_client.get(URL)), "fusietoets", "grootteverschil", "actief")["af"] == 1
    rijen = met_stand(Afweging.objects.filter(pk=afweging.pk))
    with django_assert_num_queries(1):  # the afweging's row; its signalen from the cache
        eigen_signalen(list(rijen))
    # Zoeterwoude grows to Leiderdorp's size (a correction of the reference data).
    leiderdorp = Inwonertal.objects.get(gemeente__code="GM0547", jaar=LAATSTE_JAAR)
    zoeterwoude = Inwonertal.objects.get(gemeente__code="GM0638", jaar=LAATSTE_JAAR)
    zoeterwoude.aantal = leiderdorp.aantal
    zoeterwoude.save()
    assert cel(soep(adviseur_client.get(URL)), "fusietoets", "grootteverschil", "actief")["af"] == 0


# --- Who may read it -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rol", "status"), [("adviseur", 200), ("secretaris", 403), ("beheerder", 403)]
)
def test_only_adviseurs_read_the_page(client, request, rol, status):
    client.force_login(request.getfixturevalue(rol))
    response = client.get(URL)
    assert response.status_code == status
    if status == 403:
        assert "De terugblik op de signalen is er voor provinciale adviseurs" in tekst(
            soep(response)
        )
        assert "Geen toegang" in tekst(soep(response))


def test_a_beheerder_who_is_also_adviseur_reads_it(client, beheerder):
    beheerder.groups.add(Group.objects.get(name=rollen.ADVISEUR))
    client.force_login(beheerder)
    assert client.get(URL).status_code == 200


def test_anonymous_goes_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={URL}"


def test_the_main_menu_links_it_for_adviseurs_only(adviseur_client, secretaris_client):
    menu = soep(adviseur_client.get(reverse("casussen:register"))).find("nav")
    assert menu.find("a", href=URL, string="Terugblik") is not None
    menu = soep(secretaris_client.get(reverse("casussen:register"))).find("nav")
    assert menu.find("a", href=URL) is None


def test_the_coding_of_a_casus_names_the_reports_lines(adviseur_client):
    """De Wolden-Hoogeveen: motives at lines 2550 and 2552, the perspectief at 2043 (§4.3)."""
    casus = Casus.objects.get(slug="de-wolden-hoogeveen")
    verwacht = sorted({*casus.regels["motieven"], casus.regels["perspectief"]})
    assert verwacht == [2043, 2550, 2552]
    rij = tekst(
        soep(adviseur_client.get(URL)).find("tr", id="fusie-werkorganisatie-de-wolden-hoogeveen")
    )
    assert "Gecodeerd uit het rapport (§5.2.2, regels 2043, 2550 en 2552)" in rij
    assert "perspectief eindoplossing" in rij
