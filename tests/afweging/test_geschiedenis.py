"""The history as the uitkomst page shows it: in Dutch labels, never field names, and in
full (issue 11)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from afweging.models import Afweging, Wijziging

pytestmark = pytest.mark.django_db

DRECHTSTEDEN = ["GM0482", "GM0590", "GM0531"]  # Alblasserdam, Papendrecht, Hendrik-Ido-Ambacht.


def geschiedenis(client, afweging) -> list[str]:
    """The 'Wat' cells of the history table on the uitkomst page, newest first."""
    pagina = BeautifulSoup(
        client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})).content, "html.parser"
    )
    kop = next(h for h in pagina.find_all("h3") if h.get_text(strip=True) == "Geschiedenis")
    tabel = kop.find_next("table")
    return [tr.find_all("td")[2].get_text() for tr in tabel.tbody.find_all("tr")]


def deelnemers_data(afweging, keuzes: dict[str, tuple[str, list[str]]]) -> dict:
    rijen = list(afweging.deelnemers.select_related("gemeente").order_by("gemeente__naam"))
    data = {
        "versie": Afweging.objects.get(pk=afweging.pk).versie, "actie": "opslaan",
        "deelnemers-TOTAL_FORMS": len(rijen), "deelnemers-INITIAL_FORMS": len(rijen),
        "deelnemers-MIN_NUM_FORMS": 0, "deelnemers-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for i, rij in enumerate(rijen):
        perspectief, motieven = keuzes[rij.gemeente.naam]
        data |= {f"deelnemers-{i}-id": rij.pk, f"deelnemers-{i}-perspectief": perspectief,
                 f"deelnemers-{i}-motieven": motieven,
                 f"deelnemers-{i}-motieven_toelichting": "Zie de raadsbrief."}  # fmt: skip
    return data


def test_a_long_change_is_shown_in_full_with_the_perspective_by_its_name(
    adviseur_client, maak_afweging
):
    """Three gemeenten with their motives made one entry of over 300 characters, which the
    page cut off in the middle of a word ("Tuss…")."""
    afweging = maak_afweging(gemeenten=DRECHTSTEDEN)
    data = deelnemers_data(afweging, {
        "Alblasserdam": ("eindoplossing", ["kwetsbaarheid", "kosten", "identiteit"]),
        "Hendrik-Ido-Ambacht": ("tussenstap", ["uitvoeringskracht", "regionale_positie"]),
        "Papendrecht": ("eindoplossing", ["dienstverlening", "werkgeverschap"]),
    })  # fmt: skip
    stap = reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "deelnemers"})
    assert adviseur_client.post(stap, data).status_code == 302
    assert len(afweging.wijzigingen.first().wat) == 300  # The stored line is cut off …
    laatste = geschiedenis(adviseur_client, afweging)[0]
    assert "…" not in laatste  # … the page shows all of it.
    assert laatste.startswith(
        "Alblasserdam: perspectief Onbekend → Eindoplossing, motieven leeg → Kwetsbaarheid "
        "verminderen, Kosten beheersen of verlagen en Eigen identiteit en nabijheid behouden, "
        "andere motieven of toelichting gewijzigd; Hendrik-Ido-Ambacht: perspectief Onbekend "
        "→ Tussenstap naar herindeling"
    )
    assert laatste.endswith(
        "Papendrecht: perspectief Onbekend → Eindoplossing, motieven leeg → Kwaliteit van "
        "dienstverlening verbeteren en Werkgeverschap versterken, andere motieven of "
        "toelichting gewijzigd"
    )
    assert "?" not in laatste and "_" not in laatste


def test_the_proposal_names_the_reorganisation_question_by_its_field(adviseur, maak_afweging):
    from afweging.forms import AfwegingForm
    from afweging.services import basis_opslaan

    afweging = maak_afweging(gemeenten=["GM0547", "GM0638"])
    data = {"titel": afweging.titel, "variant": afweging.variant,
            "gemeenten": [d.gemeente_id for d in afweging.deelnemers.all()],
            "reorganisatie_gecombineerd": "ja"}  # fmt: skip
    form = AfwegingForm(data, instance=afweging)
    assert form.is_valid(), form.errors
    basis_opslaan(afweging=afweging, form=form, versie=afweging.versie, door=adviseur)
    assert afweging.wijzigingen.first().tekst == (
        "Voorstel gewijzigd: gecombineerd met reorganisatie of nieuwe sturingsfilosofie "
        "Onbekend → Ja"
    )


def test_entries_written_before_the_dutch_labels_show_no_field_names(
    adviseur_client, adviseur, maak_afweging
):
    afweging = maak_afweging(gemeenten=["GM0547", "GM0638"])
    # As the history wrote them before issue 10: field names, in `wat` and in the details.
    oud = [
        "Leiderdorp: perspectief, motieven, motieven_toelichting",
        "deelvraag 3: score, motivering",
    ]
    Wijziging.objects.create(afweging=afweging, door=adviseur, wat="; ".join(oud),
                             details={"wijzigingen": oud})  # fmt: skip
    Wijziging.objects.create(
        afweging=afweging, door=adviseur,
        wat="Businesscase gewijzigd: basis_overhead, vast_GM0547, voorgestelde variant: "
            "besparing_pct, btw_aandeel_pct",
    )  # fmt: skip
    Wijziging.objects.create(
        afweging=afweging, door=adviseur,
        wat="Voorstel gewijzigd: Geplande startdatum, Wordt de fusie gecombineerd met een "
            "reorganisatie of nieuwe sturingsfilosofie?",
        details={"velden": ["geplande_startdatum", "reorganisatie_gecombineerd"]},
    )  # fmt: skip
    regels = geschiedenis(adviseur_client, afweging)
    assert regels[:3] == [
        "Voorstel gewijzigd: Geplande startdatum, Wordt de fusie gecombineerd met een "
        "reorganisatie of nieuwe sturingsfilosofie?",
        "Businesscase gewijzigd: overhead van de deelnemers samen, vaste verdeling, "
        "voorgestelde variant: structurele besparing, deel van de diensten met btw",
        "Leiderdorp: perspectief, motieven, andere motieven of toelichting; deelvraag 3: "
        "score, motivering",
    ]
    assert not any("_" in regel for regel in regels)
