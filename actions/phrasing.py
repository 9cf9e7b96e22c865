"""Turn a computed Poortwachter timeline into plain Dutch chat messages.

No legal rules here: every date, track and reason comes from the poortwachter
package. This module only chooses words: "je" for employees, "u" and "uw
werknemer" for HR once the role is known.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from poortwachter import (
    ADVIES_LABELS,
    Advies,
    Periode,
    Regime,
    Spoor,
    Termijn,
    TermijnStatus,
    Tijdlijn,
    datum_nl,
    duur_nl,
    general_rules,
)
from poortwachter import bronnen
from poortwachter.parameters import (
    PERSPECTIEF_TERUGKEER,
    SAMENTELLEN_ONDERBREKING,
    WACHTTIJD,
    ZWANGERSCHAPS_EN_BEVALLINGSVERLOF,
)
from poortwachter.situatie import ZIEK_DOOR_ZWANGERSCHAP

from .zwangerschap import Verlofbeeld, shifted
from .termijn_namen import RULE_KEYS

WERKGEVER = "werkgever"

STATUS_MARK = {TermijnStatus.VERSTREKEN: "voorbij", TermijnStatus.VANDAAG: "VANDAAG", TermijnStatus.KOMEND: "komt nog"}


@dataclass(frozen=True)
class Voice:
    """Forms of address for employees ('je') and HR ('u', 'uw werknemer')."""

    hr: bool

    def pick(self, je: str, u: str) -> str:
        return u if self.hr else je


def voice_for(role: str | None) -> Voice:
    return Voice(hr=role == WERKGEVER)


def _day(value) -> str:
    return datum_nl(value, weekday=True)


def _source(termijn: Termijn) -> str:
    return termijn.bron.citation()


def _track_sentence(t: Tijdlijn, voice: Voice) -> str:
    spoor = t.spoor.waarde
    if spoor is Spoor.SPOOR_1:
        what = voice.pick(
            "**spoor 1**: je werkt aan terugkeer bij je eigen werkgever",
            "**spoor 1**: uw werknemer werkt aan terugkeer bij u, in eigen, aangepast of ander werk",
        )
    elif spoor is Spoor.SPOOR_1_EN_2:
        what = voice.pick(
            "**spoor 1 én spoor 2**: naast terugkeer bij je eigen werkgever zoek je ook naar werk bij een andere werkgever",
            "**spoor 1 én spoor 2**: naast terugkeer bij u zoekt uw werknemer ook naar werk bij een andere werkgever",
        )
    elif spoor is Spoor.ZONDER_WERKGEVER:
        what = voice.pick(
            "**re-integratie zonder werkgever**: je contract is afgelopen, dus je zoekt passend werk met hulp van "
            "UWV (of je ex-werkgever als die eigenrisicodrager is)",
            "**re-integratie zonder werkgever**: het contract is afgelopen, dus de re-integratie loopt via UWV "
            "(of via u, als u eigenrisicodrager Ziektewet bent)",
        )
    else:
        what = voice.pick(
            "**nog geen spoor**: er is nu geen actieve re-integratie",
            "**nog geen spoor**: er is nu geen actieve re-integratie voor uw werknemer",
        )
    return voice.pick(f"Je zit in {what}.", f"Uw werknemer zit in {what}.")


def _week_sentence(t: Tijdlijn, voice: Voice, beeld: Verlofbeeld | None = None) -> str:
    week, day = t.ziekteweek.waarde, t.ziektedag.waarde
    sentence = voice.pick(
        f"Je zit in **week {week}** van je verzuim (ziektedag {day}).",
        f"Uw werknemer zit in **week {week}** van het verzuim (ziektedag {day}).",
    )
    if beeld is not None and beeld.vanaf_na_verlof and t.peildatum == beeld.vanaf_na_verlof:
        # Sick during a leave that is still running: the count starts after it (zwangerschap.py).
        return voice.pick(
            f"Na je verlof, op {_day(t.peildatum)}, begint **week {t.ziekteweek.waarde}** van je verzuim als je dan "
            "nog ziek bent.",
            f"Na het verlof, op {_day(t.peildatum)}, begint **week {t.ziekteweek.waarde}** van het verzuim als uw "
            "werknemer dan nog ziek is.",
        )
    if beeld is not None and beeld.telt_samen and beeld.verlof.begin <= t.peildatum <= beeld.verlof.einde:
        sentence += voice.pick(
            " Tijdens je verlof telt de ziekte niet: die week blijft staan tot na het verlof.",
            " Tijdens het verlof telt de ziekte niet: die week blijft staan tot na het verlof.",
        )
        return sentence
    if beeld is not None and beeld.telt_samen:
        return sentence  # the pregnancy lines explain the leave; it is no "eerdere periode" to the user
    if t.geval.eerdere:
        gap = SAMENTELLEN_ONDERBREKING.tekst()
        sentence += voice.pick(
            f" Eerdere ziekteperioden met minder dan {gap} ertussen tel ik mee.",
            f" Eerdere ziekteperioden met minder dan {gap} ertussen zijn meegeteld.",
        )
    return sentence


def shown_termijnen(t: Tijdlijn) -> list[Termijn]:
    """The dated deadlines to show; the end of the wages only when a situation moves it from the wachttijd."""
    return [
        d
        for d in t.termijnen.values()
        if d.datum is not None and not (d.key == "einde_loondoorbetaling" and t.situatie.regime is Regime.STANDAARD)
    ]


def lapsed_termijnen(t: Tijdlijn) -> list[Termijn]:
    return [d for d in t.termijnen.values() if d.vervalt]


def _situatie_lines(t: Tijdlijn, voice: Voice, beeld: Verlofbeeld | None = None) -> list[str]:
    """What the situation changes: the regime, who is responsible, a pregnancy and its leave, and the
    deadlines that lapse."""
    lines = []
    if t.situatie.regime is not Regime.STANDAARD:
        lines.append(
            f"**Situatie**: {t.situatie.tekst} Verantwoordelijk voor loon of uitkering en de re-integratie: "
            f"{t.situatie.verantwoordelijke}. (bron: {t.situatie.bron.citation()})"
        )
    if beeld is not None:
        lines += zwangerschap_lines(t, beeld, voice)
    lapsed = lapsed_termijnen(t)
    if lapsed:
        lines.append("Deze termijnen vervallen in deze situatie: " + ", ".join(d.titel for d in lapsed) + ".")
    return lines


def _upcoming_lines(t: Tijdlijn, limit: int) -> list[str]:
    lines = []
    for stap in [s for s in t.stappen if s.datum][:limit]:
        when = "nu" if stap.datum == t.peildatum else f"uiterlijk {_day(stap.datum)}"
        lines.append(f"- {stap.titel}: {when} ({stap.wie})")
    return lines


def _warning_lines(t: Tijdlijn, limit: int = 3) -> list[str]:
    lines = [f"⚠️ {w.tekst}" for w in t.waarschuwingen[-limit:]]
    hidden = len(t.waarschuwingen) - limit
    if hidden > 0:
        lines.append(f"(en nog {hidden} eerdere termijn(en) die voorbij zijn: zie de hele tijdlijn)")
    return lines


def answer_spoor(t: Tijdlijn, role: str | None, beeld: Verlofbeeld | None = None) -> str:
    """The personal answer to "in welk spoor zit ik?"."""
    voice = voice_for(role)
    parts = [
        _week_sentence(t, voice, beeld),
        _track_sentence(t, voice),
        f"Waarom: {t.spoor.uitleg} (bron: {t.spoor.bron.citation()})",
        *_situatie_lines(t, voice, beeld),
    ]
    upcoming = _upcoming_lines(t, 3)
    if upcoming:
        parts.append("**Wat komt eraan:**\n" + "\n".join(upcoming))
    parts += _warning_lines(t)
    parts.append(
        voice.pick(
            "Wil je de hele tijdlijn zien, of weten waarom? Vraag het gerust.",
            "Wilt u de hele tijdlijn zien, of weten waarom? Vraag het gerust.",
        )
    )
    return "\n\n".join(parts)


def _advies_would_add(t: Tijdlijn, voice: Voice) -> str | None:
    """Without the bedrijfsarts advice: what it could change, as the rules say per deadline."""
    if t.advies is not Advies.ONBEKEND or t.spoor.waarde is Spoor.ZONDER_WERKGEVER:
        return None  # known, or no own employer to return to: the advice changes no track
    titles = [rule.titel for rule in general_rules().values() if rule.hangt_af_van_advies]
    return voice.pick(
        "Het advies van de bedrijfsarts ken ik nog niet, dus ik reken met de gewone regels. Dat advies kan je spoor "
        f"veranderen, en deze termijnen: {', '.join(titles)}. Vraag 'in welk spoor zit ik?' om het mee te nemen.",
        "Het advies van de bedrijfsarts ken ik nog niet, dus ik reken met de gewone regels. Dat advies kan het spoor "
        f"veranderen, en deze termijnen: {', '.join(titles)}. Vraag 'in welk spoor zit hij of zij?' om het mee te nemen.",
    )


def answer_tijdlijn(t: Tijdlijn, role: str | None, beeld: Verlofbeeld | None = None) -> str:
    """The full overview: week, track, every deadline with its status and source."""
    voice = voice_for(role)
    lines = [_week_sentence(t, voice, beeld), _track_sentence(t, voice)]
    advies_note = _advies_would_add(t, voice)
    if advies_note:
        lines += ["", advies_note]
    for line in _situatie_lines(t, voice, beeld):
        lines += ["", line]
    lines += ["", "**Tijdlijn:**"]
    for d in shown_termijnen(t):
        moved = f" · {duur_nl(beeld.verlof.dagen)} later door het verlof" if shifted(beeld, d) else ""
        lines.append(f"- {d.titel}: {_day(d.datum)} — {STATUS_MARK[d.status]}{moved} ({_source(d)})")
    steps = [s for s in t.stappen][:4]
    if steps:
        lines += ["", "**Volgende stappen:**"]
        for number, stap in enumerate(steps, 1):
            when = f", uiterlijk {_day(stap.datum)}" if stap.datum else ""
            lines.append(f"{number}. {stap.titel}{when} ({stap.wie})")
    warnings = _warning_lines(t)
    if warnings:
        lines += [""] + warnings
    for note in t.opmerkingen:
        if beeld is not None and "bevallingsverlof" in note:
            continue  # the pregnancy lines above say this in the user's own voice
        lines += ["", f"Let op: {note}"]
    return "\n".join(lines)


def general_termijn_rule(termijn: str | None) -> str | None:
    """The rule for a termijn without a personal date, as the rules package words it."""
    keys = RULE_KEYS.get(termijn or "")
    if not keys:
        return None
    rules = general_rules()
    main = rules[keys[-1]]
    text = f"**{main.titel}**: {main.regel}. {main.uitleg} (bron: {_source(main)})"
    return text


def answer_termijn(t: Tijdlijn, termijn: str | None, role: str | None, beeld: Verlofbeeld | None = None) -> str:
    """The general rule plus the personal date for one termijn."""
    voice = voice_for(role)
    keys = RULE_KEYS.get(termijn or "")
    if not keys:
        return answer_tijdlijn(t, role)
    if not any(k in t.termijnen for k in keys):  # the rules give this deadline only for some advice
        condition = general_rules()[keys[-1]].voorwaarde
        return (
            general_termijn_rule(termijn)
            + "\n\n"
            + voice.pick(
                f"Dit geldt alleen {condition}. "
                f"Volgens jouw antwoord is het advies: {ADVIES_LABELS[t.advies].lower()}.",
                f"Dit geldt alleen {condition}. Het advies is nu: {ADVIES_LABELS[t.advies].lower()}.",
            )
        )
    termijnen = [t.termijnen[k] for k in keys if k in t.termijnen]
    main = termijnen[-1]
    parts = [f"**{main.titel}**: {main.regel}. {main.uitleg}"]
    for d in termijnen:
        if d.datum is None:
            parts.append(d.uitleg)
            continue
        if d.status is TermijnStatus.VERSTREKEN:
            when = voice.pick(
                f"Voor jou was dat {_day(d.datum)}: die datum is voorbij.",
                f"Voor uw werknemer was dat {_day(d.datum)}: die datum is voorbij.",
            )
        elif d.status is TermijnStatus.VANDAAG:
            when = voice.pick(
                f"Voor jou is dat **vandaag**, {_day(d.datum)}.",
                f"Voor uw werknemer is dat **vandaag**, {_day(d.datum)}.",
            )
        else:
            when = voice.pick(f"Voor jou is dat **{_day(d.datum)}**.", f"Voor uw werknemer is dat **{_day(d.datum)}**.")
        label = "" if len(termijnen) == 1 else f"{d.titel}: "
        parts.append(label + when)
    parts.append(f"Bron: {_source(main)}.")
    parts += [f"⚠️ {w.tekst}" for w in t.waarschuwingen if w.termijn in keys]
    if t.situatie.regime is not Regime.STANDAARD:
        parts.append(f"**Situatie**: {t.situatie.tekst}")
    if beeld is not None:
        parts += zwangerschap_lines(t, beeld, voice)
    return "\n\n".join(parts)


def explain_why(t: Tijdlijn, role: str | None, beeld: Verlofbeeld | None = None) -> str:
    """The rules behind the last answer, with their sources."""
    voice = voice_for(role)
    parts = [
        voice.pick("Zo reken ik:", "Zo reken ik:"),
        f"- **Ziekteweek**: {t.ziekteweek.uitleg} ({t.ziekteweek.bron.citation()})",
        f"- **Spoor**: {t.spoor.uitleg} ({t.spoor.bron.citation()})",
    ]
    if beeld is not None:
        parts += [f"- {line}" for line in zwangerschap_lines(t, beeld, voice)]
    nxt = next((s for s in t.stappen if s.datum and s.termijn in t.termijnen), None)
    if nxt is not None:
        d = t.termijnen[nxt.termijn]
        parts.append(f"- **{d.titel}**: {d.regel}. {d.uitleg} ({_source(d)}, {d.bron.url})")
    parts.append(
        "Dit is algemene informatie op basis van de wet en UWV; het is geen persoonlijk juridisch advies. "
        + voice.pick(
            "Bespreek je situatie met je casemanager of de bedrijfsarts.",
            "Bespreek de situatie met de bedrijfsarts of uw arbodienst.",
        )
    )
    return "\n".join(parts)


# Button labels for the seven advice codes, in the voice of the user.
_ADVIES_LABELS_HR = {
    Advies.EIGEN_WERK: "Terug in het eigen werk",
    Advies.AANGEPAST_WERK: "Eigen werk, maar aangepast",
    Advies.ANDER_WERK_EIGEN_WERKGEVER: "Ander werk bij ons",
    Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER: "Eigen werk lukt niet meer, geen ander passend werk bij ons",
    Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN: "Nu tijdelijk geen werk mogelijk",
    Advies.DUURZAAM_GEEN_MOGELIJKHEDEN: "Blijvend geen werk mogelijk",
    Advies.ONBEKEND: "Weet ik niet / nog geen advies",
}


def advies_buttons(role: str | None) -> list[dict]:
    labels = _ADVIES_LABELS_HR if voice_for(role).hr else ADVIES_LABELS
    return [{"title": labels[code], "payload": f'/inform_advies{{"advies": "{code.value}"}}'} for code in Advies]


def advies_question(role: str | None) -> str:
    return voice_for(role).pick(
        "Wat is het advies van de bedrijfsarts over werken, en is er passend werk bij je werkgever? Kies wat het "
        "best past. Je hoeft geen medische details te geven.",
        "Wat is het advies van de bedrijfsarts over uw werknemer, en is er passend werk bij u? Kies wat het best past.",
    )


def perspective_question(role: str | None, week: int | None = None) -> str:
    voice = voice_for(role)
    where = voice.pick(f"Je zit in week {week} van je verzuim", f"Uw werknemer zit in week {week} van het verzuim")
    context = f"{where}: de eerstejaarsevaluatie is in zicht of voorbij." if week else ""
    within = PERSPECTIEF_TERUGKEER.tekst()
    question = voice.pick(
        f"Is er een concreet vooruitzicht dat je binnen {within} structureel terug kunt bij je eigen "
        "werkgever (in eigen, aangepast of ander werk)?",
        f"Is er een concreet vooruitzicht dat uw werknemer binnen {within} structureel terugkeert bij u "
        "(in eigen, aangepast of ander werk)?",
    )
    return f"{context} {question}" if context else question


# In a Slack or Teams channel or thread: personal answers only in a private chat.
PERSONAL_ONLY_IN_PRIVATE = (
    "Persoonlijke datums, termijnen en het spoor bespreek ik alleen in een privébericht, zodat anderen in dit "
    "kanaal ze niet lezen. Stuur me een privébericht (in Slack een direct bericht, in Teams een chat met "
    "Spoorwijzer) en stel je vraag daar. Algemene vragen, zoals 'wat is een "
    "plan van aanpak?', beantwoord ik hier gewoon."
)
ADVIES_NOT_UNDERSTOOD = "Dat advies kan ik niet goed plaatsen. Kies de knop die het best past, of 'Weet ik niet'."
SITUATIE_NOT_UNDERSTOOD = (
    "Dat kan ik niet goed plaatsen. Kies de knop die het best past; 'Gewoon in dienst' als niets ervan geldt."
)
DATE_NEEDED = "Ik heb een datum nodig, bijvoorbeeld '30 juni 2026'."
SITUATIE_AGAIN = "Vertel het nog eens, bijvoorbeeld 'mijn contract loopt af op 30 juni 2027'."


# --- the situation beyond the standard case ------------------------------------------------------

_SITUATIE_BUTTONS = {
    # code: (employee label, HR label)
    "standaard": ("Gewoon in dienst", "Gewoon in dienst"),
    "ziek_uit_dienst": ("Mijn contract is afgelopen of loopt af", "Het contract is afgelopen of loopt af"),
    "zwanger": ("Ik ben zwanger, of net bevallen", "Mijn werknemer is zwanger, of net bevallen"),
    "aow": ("Ik heb (bijna) de AOW-leeftijd", "Mijn werknemer heeft (bijna) de AOW-leeftijd"),
}


def situatie_offer(role: str | None) -> str:
    """Under an answer for the ordinary case: the situations that change the dates, as buttons."""
    return voice_for(role).pick(
        "Uit dienst, zwanger of (bijna) AOW-leeftijd? Dan veranderen de termijnen. Kies wat voor jou geldt:",
        "Is uw werknemer uit dienst, zwanger of (bijna) AOW-gerechtigd? Dan veranderen de termijnen. Kies wat geldt:",
    )


def situatie_buttons(role: str | None, ordinary: bool = True) -> list[dict]:
    """A button per situation; `ordinary=False` leaves out "Gewoon in dienst" (the answer already is)."""
    hr = voice_for(role).hr
    return [
        {"title": labels[1] if hr else labels[0], "payload": f'/inform_situatie{{"situatie": "{code}"}}'}
        for code, labels in _SITUATIE_BUTTONS.items()
        if ordinary or code != "standaard"
    ]


def contract_end_question(role: str | None) -> str:
    return voice_for(role).pick(
        "Wat is (of was) de laatste dag van je contract? Bijvoorbeeld '30 juni 2026'.",
        "Wat is (of was) de laatste dag van het contract van uw werknemer? Bijvoorbeeld '30 juni 2026'.",
    )


def birth_date_question(role: str | None) -> str:
    return voice_for(role).pick(
        "Wat is je geboortedatum? Dan reken ik uit wanneer je de AOW-leeftijd bereikt. Bijvoorbeeld '14 mei 1960'.",
        "Wat is de geboortedatum van uw werknemer? Dan reken ik uit wanneer de AOW-leeftijd bereikt wordt.",
    )


YES_NO_BUTTONS = [{"title": "Ja", "payload": "/affirm"}, {"title": "Nee / weet ik niet", "payload": "/deny"}]


# --- a fixed answer whose message also gave a sick day ----------------------------------------------


def offer_personal_answer(role: str | None) -> str:
    return voice_for(role).pick(
        "Je noemde ook sinds wanneer je ziek bent. Wil je weten in welke week je zit en welke termijnen eraan komen?",
        "U noemde ook sinds wanneer uw werknemer ziek is. Wilt u de week en de termijnen voor uw werknemer zien?",
    )


def personal_buttons(role: str | None) -> list[dict]:
    voice = voice_for(role)
    return [
        {"title": voice.pick("Mijn termijnen", "Termijnen van mijn werknemer"), "payload": "/ask_timeline"},
        {"title": voice.pick("Mijn spoor", "Spoor van mijn werknemer"), "payload": "/ask_track"},
    ]


def other_termijn_button(termijn: str) -> dict | None:
    """A button for a deadline the same message also asked about ("…en wanneer moet de WIA-aanvraag?")."""
    keys = RULE_KEYS.get(termijn)
    if not keys:
        return None
    titel = general_rules()[keys[-1]].titel
    return {"title": f"Ook: {titel}", "payload": f'/ask_termijn{{"termijn": "{termijn}"}}'}


# --- pregnancy and the zwangerschaps- en bevallingsverlof ------------------------------------------

# Checked on 2026-12-06 against the consolidated texts of 1-7-2026 (wetten.overheid.nl): no wages during
# the leave (BW 7:629 lid 4); sickness right before and after it, same cause, counts as one (7:629 lid 10,
# WIA art. 23 lid 3, ZW art. 38 lid 1); its weeks do not count (WIA art. 23 lid 5, ZW art. 38 lid 1).
VERLOF_BRON = bronnen.VERLOF_TELT_NIET.citation()
ZW_29A = "Ziektewet, art. 29a"
WACHTTIJD_TEKST = WACHTTIJD.tekst()  # "104 weken": the wachttijd the leave does not count toward
VERLOF_EXAMPLE = "'15 december 2026 tot en met 5 april 2027'"


def _end_of_wages(t: Tijdlijn):
    termijn = t.termijnen.get("einde_loondoorbetaling") or t.termijnen.get("laatste_dag_wachttijd")
    return termijn.datum if termijn else None


def _cause_line(t: Tijdlijn, beeld: Verlofbeeld, voice: Voice) -> str:
    if ZIEK_DOOR_ZWANGERSCHAP in t.situatie.bijzonderheden:
        return voice.pick(
            "**Ziek door de zwangerschap of de bevalling**: je werkgever meldt dit bij UWV. UWV betaalt je werkgever "
            "dan een Ziektewet-uitkering. Je krijgt je loon gewoon van je werkgever, en de afspraken over je "
            f"re-integratie blijven gelden. (bron: {ZW_29A})",
            "**Ziek door de zwangerschap of de bevalling**: u meldt dit bij UWV. UWV betaalt u dan een "
            "Ziektewet-uitkering. U betaalt het loon gewoon door, en de plichten voor de re-integratie blijven "
            f"gelden. (bron: {ZW_29A})",
        )
    if beeld.zwangerschap.door_zwangerschap:  # sick from the birth, but not right after the leave
        return voice.pick(
            "**Ziek door de bevalling, maar niet direct na het verlof**: dan gelden de gewone regels. Je werkgever "
            f"betaalt je loon door en krijgt geen Ziektewet-uitkering van UWV. (bron: {ZW_29A} lid 4)",
            "**Ziek door de bevalling, maar niet direct na het verlof**: dan gelden de gewone regels. U betaalt het "
            f"loon door en krijgt geen Ziektewet-uitkering van UWV. (bron: {ZW_29A} lid 4)",
        )
    return voice.pick(
        "**Zwanger, maar ziek door iets anders**: dan gelden de gewone regels. Je werkgever betaalt je loon door en "
        "krijgt geen Ziektewet-uitkering van UWV. Die is er alleen als de ziekte door de zwangerschap of de bevalling "
        "komt, of als je ziek wordt in de weken vlak vóór je verlof, als dat verlof al had mogen beginnen. "
        f"(bron: {ZW_29A})",
        "**Zwanger, maar ziek door iets anders**: dan gelden de gewone regels. U betaalt het loon door en krijgt geen "
        "Ziektewet-uitkering van UWV. Die is er alleen als de ziekte door de zwangerschap of de bevalling komt, of "
        "als uw werknemer ziek wordt in de weken vlak vóór het verlof, als dat verlof al had mogen beginnen. "
        f"(bron: {ZW_29A})",
    )


def zwangerschap_lines(t: Tijdlijn, beeld: Verlofbeeld, voice: Voice) -> list[str]:
    """What a pregnancy changes, in plain words: who pays, and whether and why the dates moved."""
    lines = [_cause_line(t, beeld, voice)]
    verlof = beeld.verlof
    if verlof is None:
        usual = ZWANGERSCHAPS_EN_BEVALLINGSVERLOF.waarde
        lines.append(
            voice.pick(
                f"**Zwangerschaps- en bevallingsverlof**: de weken van dat verlof (minstens {usual}) tellen niet mee voor "
                f"de {WACHTTIJD_TEKST}. Ben je vlak vóór en direct na het verlof ziek, door dezelfde oorzaak? Dan "
                "schuiven alle termijnen na het begin van het verlof op met de lengte van het verlof. Weet je de data van "
                f"het verlof, geef ze dan; dan reken ik het voor je uit. (bron: {VERLOF_BRON})",
                f"**Zwangerschaps- en bevallingsverlof**: de weken van dat verlof (minstens {usual}) tellen niet mee voor "
                f"de {WACHTTIJD_TEKST}. Is uw werknemer vlak vóór en direct na het verlof ziek, door dezelfde oorzaak? "
                "Dan schuiven alle termijnen na het begin van het verlof op met de lengte van het verlof. Weet u de data "
                f"van het verlof, geef ze dan; dan reken ik het uit. (bron: {VERLOF_BRON})",
            )
        )
        return lines
    begin, einde, length = datum_nl(verlof.begin), datum_nl(verlof.einde), duur_nl(verlof.dagen)
    title = f"**Zwangerschaps- en bevallingsverlof van {begin} tot en met {einde}**"
    if beeld.telt_samen:
        wages = _end_of_wages(t)
        lines.append(
            voice.pick(
                f"{title}: in die {length} krijg je geen loon bij ziekte, maar een uitkering van UWV voor je verlof "
                f"(vaak via je werkgever). Die weken tellen niet mee voor de {WACHTTIJD_TEKST}. Je ziekte vóór en na het "
                "verlof telt als één ziekte, omdat de oorzaak dezelfde is. Daarom liggen alle termijnen na het verlof "
                f"{length} later. Je loon bij ziekte loopt tot en met **{_day(wages)}**. (bron: {VERLOF_BRON})",
                f"{title}: in die {length} krijgt uw werknemer geen loon bij ziekte, maar een uitkering van UWV voor het "
                f"verlof (vaak via u). Die weken tellen niet mee voor de {WACHTTIJD_TEKST}. De ziekte vóór en na het "
                "verlof telt als één ziekte, omdat de oorzaak dezelfde is. Daarom liggen alle termijnen na het verlof "
                f"{length} later. Het loon bij ziekte loopt tot en met **{_day(wages)}**. (bron: {VERLOF_BRON})",
            )
        )
    elif beeld.telling_stopt:
        lines.append(
            voice.pick(
                f"{title}: tijdens het verlof krijg je geen loon bij ziekte, maar een uitkering van UWV. Ben je na het "
                "verlof niet meer ziek, dan stopt de telling van deze ziekte bij het begin van het verlof; de termijnen "
                "daarna gelden dan niet. Word je na het verlof ziek door iets anders, dan begint de telling opnieuw. "
                f"(bron: {VERLOF_BRON})",
                f"{title}: tijdens het verlof krijgt uw werknemer geen loon bij ziekte, maar een uitkering van UWV. Is "
                "zij na het verlof niet meer ziek, dan stopt de telling van deze ziekte bij het begin van het verlof; de "
                "termijnen daarna gelden dan niet. Wordt zij na het verlof ziek door iets anders, dan begint de telling "
                f"opnieuw. (bron: {VERLOF_BRON})",
            )
        )
    elif beeld.ligging == "tijdens":
        after = datum_nl(verlof.einde + timedelta(days=1))
        lines.append(
            voice.pick(
                f"{title}: ziekte tijdens het verlof telt niet mee; je krijgt dan de uitkering voor het verlof. Ben je na "
                f"het verlof nog ziek, dan begint de telling op {after}. (bron: {VERLOF_BRON})",
                f"{title}: ziekte tijdens het verlof telt niet mee; uw werknemer krijgt dan de uitkering voor het verlof. "
                f"Is zij na het verlof nog ziek, dan begint de telling op {after}. (bron: {VERLOF_BRON})",
            )
        )
    else:  # sick only after the leave
        lines.append(
            voice.pick(
                f"{title}: het verlof lag vóór je ziekte, dus het verandert je termijnen niet.",
                f"{title}: het verlof lag vóór de ziekte, dus het verandert de termijnen niet.",
            )
        )
    if beeld.aanname:
        lines.append(
            voice.pick(
                "Ik ga ervan uit dat je direct na het verlof nog ziek bent, door dezelfde oorzaak. Ben je dan beter, dan "
                "stopt de telling bij het begin van het verlof. Ben je dan ziek door iets anders, dan begint de telling "
                "na het verlof opnieuw.",
                "Ik ga ervan uit dat uw werknemer direct na het verlof nog ziek is, door dezelfde oorzaak. Is zij dan "
                "beter, dan stopt de telling bij het begin van het verlof. Is zij dan ziek door iets anders, dan begint "
                "de telling na het verlof opnieuw.",
            )
        )
    if beeld.gepland and not beeld.telling_stopt:
        lines.append(
            voice.pick(
                "Dit zijn de verwachte data van je verlof. Verandert het verlof, bijvoorbeeld omdat de baby eerder of later "
                "komt, dan schuiven deze termijnen mee. Vraag het dan gerust opnieuw.",
                "Dit zijn de verwachte data van het verlof. Verandert het verlof, bijvoorbeeld omdat de baby eerder of "
                "later komt, dan schuiven deze termijnen mee. Vraag het dan gerust opnieuw.",
            )
        )
    if beeld.zwangerschap.einde_aangenomen:
        lines.append(
            voice.pick(
                f"Ik reken met {length} verlof. Duurt je verlof langer, geef dan ook de laatste dag.",
                f"Ik reken met {length} verlof. Duurt het verlof langer, geef dan ook de laatste dag.",
            )
        )
    return lines


def shift_reason(beeld: Verlofbeeld | None, termijn: Termijn) -> str | None:
    """Why this date moved, for the widget, the agenda file and the PDF; None when it did not."""
    if not shifted(beeld, termijn):
        return None
    verlof = beeld.verlof
    reason = (
        f"{duur_nl(verlof.dagen)} later door het zwangerschaps- en bevallingsverlof van {datum_nl(verlof.begin)} tot "
        f"en met {datum_nl(verlof.einde)}: die weken tellen niet mee voor de {WACHTTIJD_TEKST} ({VERLOF_BRON})."
    )
    if beeld.gepland:
        reason += " Dit zijn verwachte data: verschuift het verlof, dan verschuift deze datum mee."
    return reason


def verlof_notes(t: Tijdlijn, beeld: Verlofbeeld | None, role: str | None) -> list[str]:
    """The same as zwangerschap_lines without markup, for the widget's text and the PDF."""
    if beeld is None:
        return []
    return [line.replace("**", "") for line in zwangerschap_lines(t, beeld, voice_for(role))]


def with_verlof_notes(t: Tijdlijn, beeld: Verlofbeeld | None, role: str | None) -> Tijdlijn:
    """The timeline with the notes about a pregnancy and its leave (instead of the rules package's shorter
    note about the leave), for the PDF."""
    if beeld is None:
        return t
    own = [note for note in t.opmerkingen if "bevallingsverlof" not in note]
    return replace(t, opmerkingen=own + verlof_notes(t, beeld, role))


def zwangerschap_cause_question(role: str | None) -> str:
    return voice_for(role).pick(
        "Komt je ziekte door de zwangerschap of de bevalling? Dat bepaalt of UWV je werkgever een Ziektewet-uitkering "
        "betaalt. Meer hoef je er niet over te vertellen.",
        "Komt de ziekte van uw werknemer door de zwangerschap of de bevalling? Dat bepaalt of UWV u een "
        "Ziektewet-uitkering betaalt. Meer hoeft u niet te weten; bij twijfel zegt de bedrijfsarts het.",
    )


def verlof_question(role: str | None, usual_weeks: int) -> str:
    return voice_for(role).pick(
        "Wanneer begint en eindigt je zwangerschaps- en bevallingsverlof? Dat verlof telt niet mee voor de "
        f"{WACHTTIJD_TEKST}, dus het kan je termijnen verschuiven. Moet het verlof nog komen, geef dan de data die je "
        f"verwacht, bijvoorbeeld {VERLOF_EXAMPLE}. Weet je alleen de eerste dag, dan reken ik met {usual_weeks} weken.",
        "Wanneer begint en eindigt het zwangerschaps- en bevallingsverlof van uw werknemer? Dat verlof telt niet mee "
        f"voor de {WACHTTIJD_TEKST}, dus het kan de termijnen verschuiven. Moet het verlof nog komen, geef dan de "
        f"verwachte data, bijvoorbeeld {VERLOF_EXAMPLE}. Weet u alleen de eerste dag, dan reken ik met {usual_weeks} "
        "weken.",
    )


VERLOF_UNKNOWN_BUTTONS = [{"title": "Nog niet bekend", "payload": "/deny"}]


def after_verlof_question(role: str | None, verlof: Periode | None, over: bool) -> str:
    day = datum_nl(verlof.einde + timedelta(days=1)) if verlof else "de dag na het verlof"
    voice = voice_for(role)
    if over:
        return voice.pick(
            f"Was je direct na het verlof (op {day}) nog ziek, door dezelfde oorzaak als vóór het verlof?",
            f"Was uw werknemer direct na het verlof (op {day}) nog ziek, door dezelfde oorzaak als vóór het verlof?",
        )
    return voice.pick(
        f"Denk je dat je direct na het verlof (op {day}) nog ziek bent, door dezelfde oorzaak als nu?",
        f"Verwacht u dat uw werknemer direct na het verlof (op {day}) nog ziek is, door dezelfde oorzaak als nu?",
    )


def after_verlof_buttons(over: bool) -> list[dict]:
    if over:
        return [{"title": "Ja", "payload": "/affirm"}, {"title": "Nee", "payload": "/deny"}]
    # "Weet ik nog niet" is sent as words: the form reads them as such, whatever intent they get.
    return [
        {"title": "Ja, dat verwacht ik", "payload": "/affirm"},
        {"title": "Nee", "payload": "/deny"},
        {"title": "Weet ik nog niet", "payload": "weet ik nog niet"},
    ]


def count_starts_again(role: str | None, ask: bool = False) -> str:
    text = voice_for(role).pick(
        "Was je direct na het verlof niet meer ziek door dezelfde oorzaak? Dan telt je ziekte van vóór het verlof niet "
        "mee: na het verlof begint de telling opnieuw (Burgerlijk Wetboek Boek 7, art. 7:629 lid 10). Daarom heb ik je "
        "eerste ziektedag na het verlof nodig.",
        "Was uw werknemer direct na het verlof niet meer ziek door dezelfde oorzaak? Dan telt de ziekte van vóór het "
        "verlof niet mee: na het verlof begint de telling opnieuw (Burgerlijk Wetboek Boek 7, art. 7:629 lid 10). "
        "Daarom heb ik de eerste ziektedag na het verlof nodig.",
    )
    return text + (" Welke datum was dat?" if ask else "")


VERLOF_AGAIN = f"Wil je de eerste en de laatste dag van het verlof nog eens geven? Bijvoorbeeld {VERLOF_EXAMPLE}."
VERLOF_DATES_NEEDED = (
    f"Ik heb de eerste dag van het verlof nodig, en de laatste als je die weet. Bijvoorbeeld {VERLOF_EXAMPLE}. "
    "Weet je ze nog niet, kies dan 'Nog niet bekend'."
)
YES_NO_NOT_UNDERSTOOD = "Dat kan ik niet goed plaatsen. Kies 'Ja' of 'Nee' met de knoppen, of typ ja of nee."
