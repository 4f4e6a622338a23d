"""The migrations that moved the kader, review and business case models out of `afweging`,
and the data stamp out of `casussen`, keep every row: a database filled at the old head
finds every afweging, comment, reaction, business case, stored PDF and the stamp intact
afterwards, and the permissions follow their models. Splitting the herindeling motive
(afweging 0009) rewrites no stored choice, and undoing it folds the halves back.

The migrator drops and rebuilds the test database, so this runs with the transactional
tests, after the tests that share the session's reference data.
"""

from datetime import date

# The migrator applies every migration up to the last target in the full plan, so the
# old head is named by afweging's last migration alone (the moved apps' 0001 follow it).
VOOR = [("afweging", "0005_antwoord_op_reactie")]
NA = [("afweging", "0006_modellen_naar_eigen_apps")]
PDF = b"%PDF-1.7 de bewaarde bytes van de vaststelling"


def _vul(apps) -> dict:
    """One afweging with something in every table the migrations move."""
    model = apps.get_model
    provincie = model("casussen", "Provincie").objects.create(code="PV28", naam="Zuid-Holland")
    gemeenten = [
        model("casussen", "Gemeente").objects.create(
            slug=slug, code=code, naam=naam, provincie=provincie
        )
        for slug, code, naam in [
            ("leiderdorp", "GM0547", "Leiderdorp"),
            ("oegstgeest", "GM0579", "Oegstgeest"),
        ]
    ]
    gebruiker = model("gebruikers", "Gebruiker").objects.create(
        username="adviseur", provincie=provincie
    )
    secretaris = model("gebruikers", "Gebruiker").objects.create(username="secretaris")
    kader = model("afweging", "Kader").objects.create(
        versie=1, naam="Afwegingskader", bron="Rapport", schaal={"2": "duidelijk positief"},
        gepubliceerd=True,
    )  # fmt: skip
    onderdeel = model("afweging", "Onderdeel").objects.create(
        kader=kader, code="meerwaarde", naam="Meerwaarde", volgorde=1
    )
    indicator = model("afweging", "Indicator").objects.create(
        kader=kader, code="kosten", domein="Publieke waarde", niveau="gemeente", naam="Kosten"
    )
    deelvraag = model("afweging", "Deelvraag").objects.create(
        onderdeel=onderdeel, nummer=1, code="bedrijfsvoering", naam="Bedrijfsvoering"
    )
    deelvraag.indicatoren.add(indicator)
    factor = model("afweging", "Succesfactor").objects.create(
        kader=kader, code="visie", fase="vorming", naam="Gedeelde visie"
    )
    afweging = model("afweging", "Afweging").objects.create(
        titel="Fusie Leiderdorp en Oegstgeest", provincie=provincie, kader=kader,
        status="vastgesteld", variant="openbaar_lichaam", aangemaakt_door=gebruiker,
        geplande_startdatum=date(2027, 1, 1), vastgestelde_pdf=PDF,
    )  # fmt: skip
    for gemeente in gemeenten:
        model("afweging", "Deelnemer").objects.create(afweging=afweging, gemeente=gemeente)
    model("afweging", "Antwoord").objects.create(
        afweging=afweging, deelvraag=deelvraag, oordeel="1", motivering="Minder eenpitters."
    )
    model("afweging", "SuccesfactorAntwoord").objects.create(
        afweging=afweging, succesfactor=factor, status="deels"
    )
    businesscase = model("afweging", "Businesscase").objects.create(
        afweging=afweging, verdeelsleutel="vast", vaste_verdeling={"GM0547": 60, "GM0579": 40}
    )
    model("afweging", "BusinesscaseVariant").objects.create(
        businesscase=businesscase, soort="voorgesteld", besparing_pct="2.5"
    )
    model("afweging", "Deling").objects.create(
        afweging=afweging, gebruiker=secretaris, gedeeld_door=gebruiker
    )
    vraag = model("afweging", "Opmerking").objects.create(
        afweging=afweging, deelvraag=deelvraag, auteur=secretaris, tekst="Klopt dit?"
    )
    model("afweging", "Opmerking").objects.create(
        afweging=afweging, deelvraag=deelvraag, auteur=gebruiker, tekst="Ja.", antwoord_op=vraag
    )
    model("afweging", "Reactie").objects.create(
        afweging=afweging, gemeente=gemeenten[0], auteur=secretaris, standpunt="kanttekeningen",
        tekst="Met zorgen.", antwoord="Dank.", beantwoord_door=gebruiker,
    )  # fmt: skip
    model("afweging", "Wijziging").objects.create(
        afweging=afweging, door=gebruiker, wat="Status: vastgesteld"
    )
    # A beheerder's group with a permission on a kader model, as the roles give it.
    soort = model("contenttypes", "ContentType").objects.create(app_label="afweging", model="kader")
    recht = model("auth", "Permission").objects.create(
        content_type=soort, codename="change_kader", name="Can change kader"
    )
    groep = model("auth", "Group").objects.create(name="beheerder")
    groep.permissions.add(recht)
    return {"afweging": afweging.pk, "vraag": vraag.pk, "recht": recht.pk}


def test_moving_the_models_to_their_own_apps_keeps_every_row(migrator):
    oud = migrator.apply_initial_migration(VOOR)
    ids = _vul(oud.apps)
    nieuw = migrator.apply_tested_migration(NA).apps
    model = nieuw.get_model

    afweging = model("afweging", "Afweging").objects.get(pk=ids["afweging"])
    assert bytes(afweging.vastgestelde_pdf) == PDF
    assert afweging.kader._meta.app_label == "kader"
    assert (afweging.kader.versie, afweging.kader.naam) == (1, "Afwegingskader")
    assert [d.gemeente.code for d in afweging.deelnemers.order_by("gemeente__code")] == [
        "GM0547", "GM0579",
    ]  # fmt: skip
    antwoord = afweging.antwoorden.get()
    assert (antwoord.deelvraag.nummer, antwoord.oordeel, antwoord.motivering) == (
        1, "1", "Minder eenpitters.",
    )  # fmt: skip
    assert [i.code for i in antwoord.deelvraag.indicatoren.all()] == ["kosten"]
    assert afweging.succesfactorantwoorden.get().succesfactor.code == "visie"

    businesscase = model("businesscase", "Businesscase").objects.get(afweging=afweging)
    assert businesscase.vaste_verdeling == {"GM0547": 60, "GM0579": 40}
    assert str(businesscase.varianten.get().besparing_pct) == "2.5"

    assert model("review", "Deling").objects.get(afweging=afweging).gebruiker.username == (
        "secretaris"
    )
    opmerkingen = model("review", "Opmerking").objects.filter(afweging=afweging).order_by("pk")
    assert [(o.tekst, o.antwoord_op_id) for o in opmerkingen] == [
        ("Klopt dit?", None), ("Ja.", ids["vraag"]),
    ]  # fmt: skip
    reactie = model("review", "Reactie").objects.get(afweging=afweging)
    assert (reactie.gemeente.code, reactie.standpunt, reactie.antwoord) == (
        "GM0547", "kanttekeningen", "Dank.",
    )  # fmt: skip
    assert afweging.wijzigingen.get().wat == "Status: vastgesteld"

    # The permission follows its model into the kader app; the group keeps it.
    recht = model("auth", "Permission").objects.get(pk=ids["recht"])
    assert (recht.content_type.app_label, recht.content_type.model) == ("kader", "kader")
    assert list(model("auth", "Group").objects.get(name="beheerder").permissions.all()) == [recht]


def test_the_move_can_be_undone(migrator):
    ids = _vul(migrator.apply_initial_migration(VOOR).apps)
    migrator.apply_tested_migration(NA)
    # Back: the three new apps unapplied, and with them afweging 0006 that depends on them.
    terug = [("kader", None), ("review", None), ("businesscase", None)]
    model = migrator.apply_tested_migration(terug).apps.get_model

    afweging = model("afweging", "Afweging").objects.get(pk=ids["afweging"])
    assert bytes(afweging.vastgestelde_pdf) == PDF
    assert afweging.opmerkingen.count() == 2
    assert model("afweging", "Businesscase").objects.get(afweging=afweging).verdeelsleutel == "vast"
    recht = model("auth", "Permission").objects.get(pk=ids["recht"])
    assert recht.content_type.app_label == "afweging"


STAND_VOOR = [("casussen", "0002_gegevensstand")]
STAND_NA = [("casussen", "0003_gegevensstand_naar_paginacache")]


def test_the_data_stamp_moves_to_the_page_cache_with_its_row(migrator):
    oud = migrator.apply_initial_migration(STAND_VOOR).apps
    oud.get_model("casussen", "Gegevensstand").objects.create(
        sleutel="referentie", stempel="a" * 32
    )
    soort = oud.get_model("contenttypes", "ContentType").objects.create(
        app_label="casussen", model="gegevensstand"
    )
    model = migrator.apply_tested_migration(STAND_NA).apps.get_model

    stand = model("paginacache", "Gegevensstand").objects.get()
    assert (stand.sleutel, stand.stempel) == ("referentie", "a" * 32)
    assert model("contenttypes", "ContentType").objects.get(pk=soort.pk).app_label == "paginacache"


def test_the_stamp_move_can_be_undone(migrator):
    oud = migrator.apply_initial_migration(STAND_VOOR).apps
    oud.get_model("casussen", "Gegevensstand").objects.create(sleutel="referentie", stempel="b")
    migrator.apply_tested_migration(STAND_NA)
    model = migrator.apply_tested_migration([("paginacache", None)]).apps.get_model
    assert model("casussen", "Gegevensstand").objects.get().stempel == "b"


MOTIEF_VOOR = [("afweging", "0009_gezien")]
MOTIEF_NA = [("afweging", "0010_motief_gesplitst")]


def _deelnemers(apps, motieven: dict[str, list[str]]) -> dict[str, int]:
    """An afweging of Leiderdorp and Oegstgeest with these motives per gemeente code."""
    model = apps.get_model
    provincie = model("casussen", "Provincie").objects.create(code="PV28", naam="Zuid-Holland")
    gebruiker = model("gebruikers", "Gebruiker").objects.create(
        username="adviseur", provincie=provincie
    )
    kader = model("kader", "Kader").objects.create(
        versie=1, naam="Afwegingskader", bron="Rapport", gepubliceerd=True
    )
    afweging = model("afweging", "Afweging").objects.create(
        titel="Fusie Leiderdorp en Oegstgeest", provincie=provincie, kader=kader,
        variant="openbaar_lichaam", aangemaakt_door=gebruiker,
    )  # fmt: skip
    ids = {}
    for slug, code, naam in [("leiderdorp", "GM0547", "Leiderdorp"),
                             ("oegstgeest", "GM0579", "Oegstgeest")]:  # fmt: skip
        gemeente = model("casussen", "Gemeente").objects.create(
            slug=slug, code=code, naam=naam, provincie=provincie
        )
        ids[code] = (
            model("afweging", "Deelnemer")
            .objects.create(afweging=afweging, gemeente=gemeente, motieven=motieven[code])
            .pk
        )
    return ids


def test_splitting_the_herindeling_motive_guesses_nothing(migrator):
    """Issue 11: which half a stored 'herindeling' meant is the adviseur's to say."""
    oud = migrator.apply_initial_migration(MOTIEF_VOOR).apps
    ids = _deelnemers(oud, {"GM0547": ["zelfstandigheid"], "GM0579": ["kosten", "herindeling"]})
    model = migrator.apply_tested_migration(MOTIEF_NA).apps.get_model
    deelnemer = model("afweging", "Deelnemer").objects
    assert deelnemer.get(pk=ids["GM0579"]).motieven == ["kosten", "herindeling"]
    assert deelnemer.get(pk=ids["GM0547"]).motieven == ["zelfstandigheid"]


def test_undoing_the_split_folds_both_halves_into_the_old_choice(migrator):
    migrator.apply_initial_migration(MOTIEF_VOOR)
    nieuw = migrator.apply_tested_migration(MOTIEF_NA).apps
    ids = _deelnemers(
        nieuw,
        {
            "GM0547": ["herindeling_voorkomen", "kosten"],
            "GM0579": ["herindeling_vooruitlopen", "herindeling", "herindeling_voorkomen"],
        },
    )
    model = migrator.apply_tested_migration(MOTIEF_VOOR).apps.get_model
    deelnemer = model("afweging", "Deelnemer").objects
    # The code before the split knows only the joint choice: each half was part of it.
    assert deelnemer.get(pk=ids["GM0547"]).motieven == ["herindeling", "kosten"]
    assert deelnemer.get(pk=ids["GM0579"]).motieven == ["herindeling"]
