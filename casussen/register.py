"""Reading the register of fusieorganisaties: members, computed totals, filters, export.

Joint inhabitants are always computed here from the members' CBS figures for one year.
A member without a figure for that year (a gemeente that no longer existed) makes the
total unknown; the known part is kept apart, never passed off as the total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from casussen.models import Casus, Deelname, Fusieorganisatie, Gemeente, Herindeling

INWONERJAREN = (2022, 2023, 2024, 2025)
LAATSTE_JAAR = INWONERJAREN[-1]

SORTERINGEN = {
    "nummer": "Nummer in de Bijlage",
    "naam": "Naam",
    "start": "Startdatum",
    "inwoners": "Inwoners (berekend)",
    "status": "Status",
}


@dataclass
class Totaal:
    """Joint inhabitants of a set of gemeenten on 1 January of `jaar`."""

    jaar: int
    som_bekend: int
    aantal_bekend: int
    aantal: int
    zonder_cijfer: list[str] = field(default_factory=list)

    @property
    def volledig(self) -> bool:
        return self.aantal_bekend == self.aantal and self.aantal > 0

    @property
    def waarde(self) -> int | None:
        return self.som_bekend if self.volledig else None


@dataclass
class Lid:
    gemeente: Gemeente
    inwoners: dict[int, int]
    huidige_gemeenten: list[Gemeente]

    @property
    def laatste_inwoners(self) -> int | None:
        return self.inwoners.get(LAATSTE_JAAR)


@dataclass
class Registerregel:
    organisatie: Fusieorganisatie
    leden: list[Lid]

    @property
    def provincies(self) -> list[str]:
        return sorted({lid.gemeente.provincie.naam for lid in self.leden if lid.gemeente.provincie})

    def totaal(self, jaar: int = LAATSTE_JAAR) -> Totaal:
        return bereken_totaal(self.leden, jaar)

    @property
    def totalen(self) -> list[Totaal]:
        return [self.totaal(jaar) for jaar in INWONERJAREN]

    @property
    def laatste_totaal(self) -> Totaal:
        return self.totaal(LAATSTE_JAAR)

    @property
    def casus(self) -> Casus | None:
        try:
            return self.organisatie.casus
        except Casus.DoesNotExist:
            return None


def bereken_totaal(leden: list[Lid], jaar: int) -> Totaal:
    bekend = [lid.inwoners[jaar] for lid in leden if jaar in lid.inwoners]
    return Totaal(
        jaar=jaar,
        som_bekend=sum(bekend),
        aantal_bekend=len(bekend),
        aantal=len(leden),
        zonder_cijfer=[lid.gemeente.naam for lid in leden if jaar not in lid.inwoners],
    )


def met_eigen_afloop(deelnames: list[Deelname]) -> list[Deelname]:
    """Sets `bleef_zelfstandig` on each membership: its organisation ended in a herindeling
    (status "opgegaan in herindeling") that this member was not part of, as Dantumadiel
    stayed on its own when the other DDFK-gemeenten merged on 1-1-2019. The organisation's
    status is then not the member's own fate. Read from the CBS herindelingen: a member
    took part when it is the old or the new gemeente of one on the organisation's end date."""
    gemeenten = {d.gemeente_id for d in deelnames}
    datums: dict[int, set[date]] = {pk: set() for pk in gemeenten}
    for oud, nieuw, datum in Herindeling.objects.filter(
        Q(oude_gemeente_id__in=gemeenten) | Q(nieuwe_gemeente_id__in=gemeenten)
    ).values_list("oude_gemeente_id", "nieuwe_gemeente_id", "datum"):
        for pk in (oud, nieuw):
            if pk in datums:
                datums[pk].add(datum)
    for deelname in deelnames:
        organisatie = deelname.fusieorganisatie
        deelname.bleef_zelfstandig = (
            organisatie.status == Fusieorganisatie.Status.HERINDELING
            and organisatie.einddatum is not None
            and organisatie.einddatum not in datums[deelname.gemeente_id]
        )
    return deelnames


def _leden_queryset() -> QuerySet[Deelname]:
    return Deelname.objects.select_related("gemeente__provincie").prefetch_related(
        "gemeente__inwonertallen", "gemeente__huidige_gemeenten"
    )


def fusieorganisaties() -> QuerySet[Fusieorganisatie]:
    return Fusieorganisatie.objects.select_related("casus").prefetch_related(
        Prefetch("deelnames", queryset=_leden_queryset())
    )


def registerregel(organisatie: Fusieorganisatie) -> Registerregel:
    leden = [
        Lid(
            gemeente=deelname.gemeente,
            inwoners={t.jaar: t.aantal for t in deelname.gemeente.inwonertallen.all()},
            huidige_gemeenten=list(deelname.gemeente.huidige_gemeenten.all()),
        )
        for deelname in organisatie.deelnames.all()
    ]
    leden.sort(key=lambda lid: (-(lid.laatste_inwoners or 0), lid.gemeente.naam))
    return Registerregel(organisatie=organisatie, leden=leden)


def _sorteerwaarde(regel: Registerregel, veld: str):
    """The value to sort on, or None when it is unknown (those always go last)."""
    org = regel.organisatie
    return {
        "nummer": org.nummer,
        "naam": org.naam.lower(),
        "start": org.startdatum,
        "inwoners": regel.laatste_totaal.waarde,
        "status": org.get_status_display(),
    }[veld]


def register(
    *,
    status: str = "",
    provincie: str = "",
    bestuurskundige_vorm: str = "",
    juridische_vorm: str = "",
    sorteer: str = "nummer",
) -> list[Registerregel]:
    """The register, filtered and sorted. `provincie` is a CBS code (PV28)."""
    organisaties = fusieorganisaties()
    if status:
        organisaties = organisaties.filter(status=status)
    if bestuurskundige_vorm:
        organisaties = organisaties.filter(bestuurskundige_vorm=bestuurskundige_vorm)
    if juridische_vorm:
        organisaties = organisaties.filter(juridische_vorm=juridische_vorm)
    if provincie:
        organisaties = organisaties.filter(gemeenten__provincie__code=provincie).distinct()
    omgekeerd = sorteer.startswith("-")
    veld = sorteer.removeprefix("-")
    if veld not in SORTERINGEN:
        veld = "nummer"
    regels = [registerregel(org) for org in organisaties]
    bekend = [r for r in regels if _sorteerwaarde(r, veld) is not None]
    onbekend = [r for r in regels if _sorteerwaarde(r, veld) is None]
    bekend.sort(key=lambda r: (_sorteerwaarde(r, veld), r.organisatie.naam), reverse=omgekeerd)
    return bekend + onbekend


def tijdlijn(regel: Registerregel) -> list[tuple[date | None, str]]:
    """Dated events in the life of a fusieorganisatie, oldest first."""
    org = regel.organisatie
    gebeurtenissen: list[tuple[date | None, str]] = []
    if org.startdatum:
        gebeurtenissen.append((org.startdatum, f"Start ({org.startdatum_tekst})"))
    leden = [lid.gemeente.pk for lid in regel.leden]
    for herindeling in Herindeling.objects.filter(oude_gemeente__in=leden).select_related(
        "oude_gemeente", "nieuwe_gemeente"
    ):
        gebeurtenissen.append(
            (
                herindeling.datum,
                f"Herindeling: {herindeling.oude_gemeente.naam} → "
                f"{herindeling.nieuwe_gemeente.naam} ({herindeling.soort})",
            )
        )
    if org.einddatum:
        gebeurtenissen.append(
            (org.einddatum, f"Einde: {org.get_status_display()} ({org.einddatum_tekst})")
        )
    return sorted(gebeurtenissen, key=lambda item: item[0] or date.max)


def exporteer_register() -> list[dict]:
    """The register as plain data, for `exporteer_register` and anyone who wants it."""
    uitvoer = []
    for regel in register():
        org = regel.organisatie
        uitvoer.append(
            {
                "slug": org.slug,
                "nummer": org.nummer,
                "naam": org.naam,
                "bestuurskundige_vorm": org.get_bestuurskundige_vorm_display(),
                "juridische_vorm": org.get_juridische_vorm_display(),
                "startdatum": org.startdatum.isoformat() if org.startdatum else None,
                "einddatum": org.einddatum.isoformat() if org.einddatum else None,
                "status": org.status,
                "status_rapport": org.status_rapport,
                "inwoners_rapport": org.inwoners_rapport,
                "bron": org.bron,
                "bron_regel": org.bron_regel,
                "deelnemers": [
                    {
                        "naam": lid.gemeente.naam,
                        "gemeentecode": lid.gemeente.code,
                        "provincie": lid.gemeente.provincie.naam
                        if lid.gemeente.provincie
                        else None,
                        "datum_opheffing": (
                            lid.gemeente.datum_opheffing.isoformat()
                            if lid.gemeente.datum_opheffing
                            else None
                        ),
                        "huidige_gemeenten": [
                            {"naam": g.naam, "gemeentecode": g.code} for g in lid.huidige_gemeenten
                        ],
                        "inwoners": {
                            str(jaar): aantal for jaar, aantal in sorted(lid.inwoners.items())
                        },
                    }
                    for lid in regel.leden
                ],
                "inwoners_berekend": {
                    str(totaal.jaar): {
                        "totaal": totaal.waarde,
                        "deelnemers_met_cijfer": totaal.aantal_bekend,
                        "deelnemers": totaal.aantal,
                        "som_bekende_deelnemers": totaal.som_bekend,
                    }
                    for totaal in regel.totalen
                },
            }
        )
    return uitvoer
