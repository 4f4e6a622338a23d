"""The business case of an afweging: its inputs from the database and the Iv3 benchmark,
and the projection and cost allocation computed by `projectie.py`.

Shown as evidence beside deelvraag 1; it never fills in a score by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from django.db import transaction

from afweging.models import Afweging
from benchmark.analyse import laatste_jaarrekening
from businesscase import projectie as bc
from businesscase.models import Businesscase, BusinesscaseVariant
from weergave import getallen


@dataclass
class Doorrekening:
    """The business case computed: baseline, projection per variant, share per member."""

    businesscase: Businesscase
    basis: float | None
    basis_bron: str
    deelnemerkosten: list[bc.Deelnemerkosten]
    zonder_cijfers: list[str]
    via_bijdrage: list[str]  # members whose overhead on 0.4 is probably too low (flagged)
    projecties: list[tuple[str, bc.Projectie]] = field(default_factory=list)
    bijdragen: list[bc.Bijdrage] = field(default_factory=list)
    sleutelfout: str = ""

    @property
    def sleutel_tekst(self) -> str:
        """The keys in words: "Sociaal domein (25,0%) naar cliënten; de rest naar ingebracht
        budget (huidige overhead)"."""
        hoofd = bc.in_zin(self.businesscase.verdeelsleutel)
        domeinen = domeinsleutels(self.businesscase)
        if not domeinen:
            return hoofd
        delen = [
            f"{d.domein} ({getallen.procent(d.aandeel)}) {bc.in_zin(d.sleutel)}" for d in domeinen
        ]
        if sum(d.aandeel for d in domeinen) < 1 - bc.AFRONDING:
            delen.append(f"de rest {hoofd}")
        return "; ".join(delen)

    @property
    def zonder_verdeling(self) -> str:
        """Why there is no contribution per member when no key said why (`sleutelfout`)."""
        if not self.deelnemerkosten:
            return "er zijn geen deelnemers om over te verdelen"
        if self.basis is None:
            return self.basis_bron
        return "niet voor alle deelnemers zijn cijfers"

    @property
    def voorgesteld(self) -> bc.Projectie | None:
        return self.projecties[0][1] if self.projecties else None


def _gegeven(opgeslagen) -> bc.Gegeven | None:
    if not isinstance(opgeslagen, dict) or opgeslagen.get("waarde") is None:
        return None
    return bc.Gegeven(float(opgeslagen["waarde"]), opgeslagen.get("bron") or "bron onbekend")


def ingevulde_gegevens(businesscase: Businesscase, code: str) -> dict[str, bc.Gegeven]:
    """The figures the adviseur entered for one member, by kind; an absent one is unknown."""
    uit = {}
    for soort in bc.INGEVULDE_GEGEVENS:
        gegeven = _gegeven((businesscase.verdeelgegevens or {}).get(soort, {}).get(code))
        if gegeven is not None:
            uit[soort] = gegeven
    return uit


def uurtarieven(businesscase: Businesscase) -> dict[str, bc.Gegeven]:
    tarieven = businesscase.uurtarieven or {}
    uit = {groep: _gegeven(tarieven.get(groep)) for groep in bc.TARIEFGROEPEN}
    return {groep: gegeven for groep, gegeven in uit.items() if gegeven is not None}


def domeinsleutels(businesscase: Businesscase) -> list[bc.Domeinsleutel]:
    return [
        bc.Domeinsleutel(
            d["domein"], float(d["aandeel_pct"]) / 100, d["verdeelsleutel"], d.get("bron", "")
        )
        for d in businesscase.domeinsleutels or []
    ]


def variantnamen(afweging: Afweging) -> dict[str, str]:
    alternatief = (
        "Enkelvoudige centrumconstructie"
        if afweging.is_klassiek
        else "Klassieke ambtelijke fusie in een eigen Wgr-entiteit"
    )
    return {"voorgesteld": afweging.get_variant_display(), "alternatief": alternatief}


def standaardvarianten(afweging: Afweging, businesscase=None) -> list[BusinesscaseVariant]:
    """The report's cautious defaults, unsaved: no saving, and the friction costs of the
    proposal's budget for the proposed variant. The one place they are made."""
    return [
        BusinesscaseVariant(
            businesscase=businesscase,
            soort=BusinesscaseVariant.Soort.VOORGESTELD,
            frictiekosten=afweging.frictiekostenbudget or 0,
        ),
        BusinesscaseVariant(businesscase=businesscase, soort=BusinesscaseVariant.Soort.ALTERNATIEF),
    ]


@transaction.atomic
def businesscase_van(afweging: Afweging) -> Businesscase:
    """The afweging's business case, made with the defaults if new."""
    businesscase, nieuw = Businesscase.objects.get_or_create(afweging=afweging)
    if nieuw:
        BusinesscaseVariant.objects.bulk_create(standaardvarianten(afweging, businesscase))
    return businesscase


def _standaard(afweging: Afweging) -> Businesscase:
    """The defaults, in memory: reading a page never writes to the database. By id: an
    instance set on the one-to-one would also set `afweging.businesscase` to this unsaved
    copy, and whoever reads the afweging next would take it for a stored one."""
    businesscase = Businesscase(afweging_id=afweging.pk)
    businesscase.standaardvarianten = standaardvarianten(afweging)
    return businesscase


def bereken(afweging: Afweging, businesscase: Businesscase | None = None) -> Doorrekening:
    if businesscase is None:
        businesscase = Businesscase.objects.filter(afweging=afweging).first() or _standaard(
            afweging
        )
    analyse = laatste_jaarrekening()
    kosten, zonder, via_bijdrage = [], [], []
    for deelnemer in afweging.deelnemers.all():
        rij = analyse.rij(deelnemer.gemeente.code) if analyse else None
        inwoners = None if rij is None or pd.isna(rij["inwoners"]) else int(rij["inwoners"])
        overhead = (
            None if rij is None or pd.isna(rij["overhead_lasten_eur"])
            else float(rij["overhead_lasten_eur"])
        )  # fmt: skip
        if inwoners is None or overhead is None:
            zonder.append(deelnemer.gemeente.naam)
        # A member without Iv3 figures takes part all the same: only the keys on those
        # figures (budget, mix) need them, and they say who lacks them (projectie._uit_iv3).
        kosten.append(
            bc.Deelnemerkosten(
                deelnemer.gemeente.naam,
                inwoners,
                overhead,
                bron=f"Iv3 {analyse.bestand} (Bron: CBS)" if rij is not None else "onbekend",
                gegevens=ingevulde_gegevens(businesscase, deelnemer.gemeente.code),
            )
        )
        if rij is not None and (rij["vlag_bijdrage"] or rij["vlag_bijna_nul"]):
            via_bijdrage.append(deelnemer.gemeente.naam)
    if businesscase.basis_overhead is not None:
        basis, bron = float(businesscase.basis_overhead), "ingevuld door de adviseur"
    elif kosten and not zonder:
        basis = sum(k.overhead for k in kosten)
        bron = f"som van de deelnemers, Iv3 {analyse.bestand} (Bron: CBS)"
    else:
        basis, bron = None, "onbekend: niet voor alle deelnemers zijn Iv3-cijfers"
    resultaat = Doorrekening(businesscase, basis, bron, kosten, zonder, via_bijdrage)
    if basis is None:
        return resultaat
    namen = variantnamen(afweging)
    varianten = (
        businesscase.standaardvarianten if businesscase.pk is None else businesscase.varianten.all()
    )
    for variant in varianten:
        invoer = bc.Variantinvoer(
            naam=namen[variant.soort],
            besparing_pct=float(variant.besparing_pct),
            ingroei_jaren=variant.ingroei_jaren,
            frictiekosten=float(variant.frictiekosten),
            frictie_jaren=variant.frictie_jaren,
            extra_kosten=float(variant.extra_kosten),
            btw_aandeel_pct=float(variant.btw_aandeel_pct),
        )
        resultaat.projecties.append((variant.soort, bc.projecteer(basis, invoer)))
    resultaat.projecties.sort(key=lambda p: p[0] != "voorgesteld")
    if kosten:
        vast = {
            k.naam: businesscase.vaste_verdeling.get(code, 0)
            for k, code in zip(
                kosten, [d.gemeente.code for d in afweging.deelnemers.all()], strict=True
            )
        }
        try:
            resultaat.bijdragen = bc.verdeel(
                kosten,
                resultaat.voorgesteld.structurele_kosten,
                businesscase.verdeelsleutel,
                vast=vast,
                mix_inwoners=float(businesscase.mix_inwoners_pct) / 100,
                tarieven=uurtarieven(businesscase),
                domeinen=domeinsleutels(businesscase),
            )
        except bc.SleutelFout as fout:
            resultaat.sleutelfout = str(fout)
    return resultaat
