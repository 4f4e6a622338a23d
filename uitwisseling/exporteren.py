"""The whole afweging as a `fusietoets-afweging/1` document, which `importeren` reads back.

The document is built from the schema's models and dumped by them, so the names, the order
and the form of every value are the schema's: export and import cannot drift apart. It is
built, not validated: the schema's limits are what an import accepts, and an export of what
the app has stored must never fail.

The adviseur of the afweging (and `exporteer_afweging`) gets the whole document, the one an
import reads back. Anyone else who may read it (a gemeentesecretaris it is shared with) gets
what their page shows and nothing more: people by the name the page gives them (the full
name, else the username) instead of their username, and not with whom else it is shared.
"""

import json

from afweging.meldingen import naam
from afweging.models import Afweging
from afweging.selectors import resultaat
from afweging.toegang import is_eigenaar
from businesscase.berekening import bereken
from uitwisseling.schema import (
    FORMAAT,
    Afwegingdocument,
    Antwoordregel,
    Bijdrageregel,
    Businesscasegegevens,
    Deelbijdrageregel,
    Deelnemerregel,
    Domeinsleutelregel,
    Grondslagregel,
    Opmerkingregel,
    Reactieregel,
    Succesfactorregel,
    Uitkomstgegevens,
    Variantregel,
    Verdeelgegeven,
    Verdelingsgegevens,
)


def als_json(afweging: Afweging, *, voor=None) -> str:
    return json.dumps(als_dict(afweging, voor=voor), ensure_ascii=False, indent=2)


def als_dict(afweging: Afweging, *, voor=None) -> dict:
    """The whole afweging as plain data: proposal, members, answers, checklist, business
    case, reactions and the outcome it leads to; for `voor`, a user who is not its
    adviseur, as their page shows it."""
    return document(afweging, voor=voor).model_dump(mode="json")


def _gebruikersnaam(gebruiker) -> str:
    return gebruiker.username


def document(afweging: Afweging, *, voor=None) -> Afwegingdocument:
    volledig = voor is None or is_eigenaar(voor, afweging)
    wie = _gebruikersnaam if volledig else naam
    uitkomst = resultaat(afweging).uitkomst
    bc = getattr(afweging, "businesscase", None)
    return Afwegingdocument.model_construct(
        formaat=FORMAAT,
        id=afweging.pk,
        titel=afweging.titel,
        provincie=afweging.provincie.code,
        status=afweging.status,
        kaderversie=afweging.kader.versie,
        versie=afweging.versie,
        vorige=afweging.vorige_id,
        is_voorbeeld=afweging.is_voorbeeld,
        variant=afweging.variant,
        centrumgemeente=afweging.centrumgemeente.code if afweging.centrumgemeente else None,
        geplande_startdatum=afweging.geplande_startdatum,
        geplande_evaluatiedatum=afweging.geplande_evaluatiedatum,
        taakstelling=afweging.taakstelling,
        frictiekostenbudget=afweging.frictiekostenbudget,
        reorganisatie_gecombineerd=afweging.reorganisatie_gecombineerd,
        deelnemers=[
            Deelnemerregel.model_construct(
                gemeentecode=d.gemeente.code,
                gemeente=d.gemeente.naam,
                perspectief=d.perspectief,
                motieven=d.motieven,
                motieven_toelichting=d.motieven_toelichting,
            )
            for d in afweging.deelnemers.all()
        ],
        antwoorden=[
            Antwoordregel.model_construct(
                deelvraag=a.deelvraag.nummer,
                score=a.score,
                motivering=a.motivering,
                bronnen=a.bronnen,
            )
            for a in afweging.antwoorden.all()
        ],
        succesfactoren=[
            Succesfactorregel.model_construct(
                code=s.succesfactor.code, status=s.status, notitie=s.notitie
            )
            for s in afweging.succesfactorantwoorden.all()
        ],
        businesscase=None if bc is None else _businesscase(bc, afweging),
        reacties=[
            Reactieregel.model_construct(
                gemeentecode=r.gemeente.code,
                standpunt=r.standpunt,
                tekst=r.tekst,
                auteur=wie(r.auteur),
                gegeven=r.gegeven,
                antwoord=r.antwoord,
                beantwoord_door=wie(r.beantwoord_door) if r.beantwoord_door else None,
                beantwoord_op=r.beantwoord_op,
                ontvangen_per=r.ontvangen_per or None,
                eerdere_tekst=r.eerdere_tekst,
                eerder_standpunt=r.eerder_standpunt or None,
            )
            for r in afweging.reacties.select_related("gemeente", "auteur", "beantwoord_door")
        ],
        opmerkingen=[
            Opmerkingregel.model_construct(
                id=o.pk,
                deelvraag=o.deelvraag.nummer,
                auteur=wie(o.auteur),
                tekst=o.tekst,
                antwoord_op=o.antwoord_op_id,
                geplaatst=o.geplaatst,
            )
            for o in afweging.opmerkingen.select_related("deelvraag", "auteur").order_by("pk")
        ],
        # Only the adviseur's page says with whom it is shared.
        gedeeld_met=[d.gebruiker.username for d in afweging.delingen.select_related("gebruiker")]
        if volledig
        else [],
        aangemaakt=afweging.aangemaakt,
        gewijzigd=afweging.gewijzigd,
        vastgesteld_op=afweging.vastgesteld_op,
        vastgesteld_door=wie(afweging.vastgesteld_door) if afweging.vastgesteld_door else None,
        uitkomst=Uitkomstgegevens.model_construct(
            advies=uitkomst.advies.value,
            regel=uitkomst.regel,
            volledigheid_procent=uitkomst.volledigheid.procent,
            oordelen={n: o.waarde.value for n, o in uitkomst.oordelen.items()},
        ),
    )


def _gegeven(opgeslagen: dict) -> Verdeelgegeven:
    return Verdeelgegeven.model_construct(waarde=opgeslagen["waarde"], bron=opgeslagen["bron"])


def _verdeling(afweging: Afweging, bc) -> Verdelingsgegevens:
    """The contribution per member as computed now: the key that decided each part, and the
    figures with their sources."""
    doorrekening = bereken(afweging, bc)
    codes = {d.gemeente.naam: d.gemeente.code for d in afweging.deelnemers.all()}
    onbekend = doorrekening.sleutelfout or None
    if not doorrekening.bijdragen and onbekend is None:
        onbekend = f"Geen verdeling: {doorrekening.zonder_verdeling}."
    return Verdelingsgegevens.model_construct(
        sleutels=doorrekening.sleutel_tekst,
        onbekend=onbekend,
        bijdragen=[
            Bijdrageregel.model_construct(
                gemeentecode=codes[b.deelnemer.naam],
                aandeel_pct=100 * b.aandeel,
                bijdrage=b.bijdrage,
                delen=[
                    Deelbijdrageregel.model_construct(
                        domein=d.domein or None,
                        deel_pct=100 * d.deel,
                        domeinbron=d.domeinbron or None,
                        verdeelsleutel=d.sleutel,
                        aandeel_pct=100 * d.aandeel,
                        bedrag=d.bedrag,
                        grondslagen=[
                            Grondslagregel.model_construct(wat=g.wat, waarde=g.waarde, bron=g.bron)
                            for g in d.grondslagen
                        ],
                    )
                    for d in b.delen
                ],
            )
            for b in doorrekening.bijdragen
        ],
    )


def _businesscase(bc, afweging: Afweging) -> Businesscasegegevens:
    # Only the deelnemers' figures: one entered for a gemeente that no longer takes part is
    # not used, its form drops it on the next save, and the import refuses it.
    codes = {d.gemeente.code for d in afweging.deelnemers.all()}
    return Businesscasegegevens.model_construct(
        basis_overhead=bc.basis_overhead,
        verdeelsleutel=bc.verdeelsleutel,
        mix_inwoners_pct=bc.mix_inwoners_pct,
        vaste_verdeling={c: p for c, p in bc.vaste_verdeling.items() if c in codes},
        verdeelgegevens={
            soort: {code: _gegeven(g) for code, g in per_code.items() if code in codes}
            for soort, per_code in (bc.verdeelgegevens or {}).items()
        },
        uurtarieven={groep: _gegeven(g) for groep, g in (bc.uurtarieven or {}).items()},
        domeinsleutels=[Domeinsleutelregel.model_construct(**d) for d in bc.domeinsleutels or []],
        verdeling=_verdeling(afweging, bc),
        varianten=[
            Variantregel.model_construct(
                soort=v.soort,
                besparing_pct=v.besparing_pct,
                ingroei_jaren=v.ingroei_jaren,
                frictiekosten=v.frictiekosten,
                frictie_jaren=v.frictie_jaren,
                extra_kosten=v.extra_kosten,
                btw_aandeel_pct=v.btw_aandeel_pct,
            )
            for v in bc.varianten.order_by("-soort")
        ],
    )
