"""Turn a computed Poortwachter timeline into plain Dutch chat messages.

No legal rules here: every date, track and reason comes from the poortwachter
package. This module only chooses words: "je" for employees, "u" and "uw
werknemer" for HR once the role is known.
"""
from __future__ import annotations

from dataclasses import dataclass

from poortwachter import ADVIES_LABELS, Advies, Deadline, Regime, Spoor, Tijdlijn, datum_nl, general_rules
from poortwachter.parameters import PERSPECTIEF_TERUGKEER, SAMENTELLEN_ONDERBREKING
from poortwachter.situation import ZIEK_DOOR_ZWANGERSCHAP

WERKGEVER = "werkgever"

# Milestone entity values (NLU) -> the deadline keys of the rules package.
MILESTONES: dict[str, tuple[str, ...]] = {
    "probleemanalyse": ("probleemanalyse",),
    "plan_van_aanpak": ("plan_van_aanpak",),
    "melding_42e_week": ("melding_42e_week",),
    "eerstejaarsevaluatie": ("eerstejaarsevaluatie_vanaf", "eerstejaarsevaluatie_uiterlijk"),
    "spoor_2": ("spoor_2_uiterlijk",),
    "reintegratieverslag": ("reintegratieverslag",),
    "wia_aanvraag": ("wia_aanvraag",),
    "einde_wachttijd": ("laatste_dag_wachttijd", "wia_ingang"),
    "vervroegde_iva": ("vervroegde_iva_vanaf", "vervroegde_iva_tot"),
    "loonsanctie": ("loonsanctie_max_tot",),
}


def milestone_needs_advice(milestone: str | None) -> bool:
    """Whether the rules need the bedrijfsarts advice to date this milestone (they say so per deadline)."""
    rules = general_rules()
    return any(rules[key].hangt_af_van_advies for key in MILESTONES.get(milestone or "", ()))


STATUS_MARK = {"verstreken": "voorbij", "vandaag": "VANDAAG", "komend": "komt nog"}


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


def _source(deadline: Deadline) -> str:
    return deadline.bron.citation()


def _track_sentence(t: Tijdlijn, voice: Voice) -> str:
    spoor = Spoor(t.spoor.waarde)
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


def _week_sentence(t: Tijdlijn, voice: Voice) -> str:
    week, day = t.ziekteweek.waarde, t.ziektedag.waarde
    sentence = voice.pick(
        f"Je zit in **week {week}** van je verzuim (ziektedag {day}).",
        f"Uw werknemer zit in **week {week}** van het verzuim (ziektedag {day}).",
    )
    if t.geval.eerdere:
        gap = SAMENTELLEN_ONDERBREKING.tekst()
        sentence += voice.pick(
            f" Eerdere ziekteperioden met minder dan {gap} ertussen tel ik mee.",
            f" Eerdere ziekteperioden met minder dan {gap} ertussen zijn meegeteld.",
        )
    return sentence


def shown_deadlines(t: Tijdlijn) -> list[Deadline]:
    """The dated deadlines to show; the end of the wages only when a situation moves it from the wachttijd."""
    return [
        d for d in t.termijnen.values()
        if d.datum is not None and not (d.key == "einde_loondoorbetaling" and t.situatie.regime is Regime.STANDAARD)
    ]


def lapsed_deadlines(t: Tijdlijn) -> list[Deadline]:
    return [d for d in t.termijnen.values() if d.vervalt]


def _situation_lines(t: Tijdlijn) -> list[str]:
    """What the situation changes: the regime, who is responsible, and the deadlines that lapse."""
    lines = []
    if t.situatie.regime is not Regime.STANDAARD:
        lines.append(
            f"**Situatie**: {t.situatie.tekst} Verantwoordelijk voor loon of uitkering en de re-integratie: "
            f"{t.situatie.verantwoordelijke}. (bron: {t.situatie.bron.citation()})"
        )
    if ZIEK_DOOR_ZWANGERSCHAP in t.situatie.bijzonderheden:
        lines.append(
            "**Ziek door zwangerschap of bevalling**: de werkgever meldt dit bij UWV; UWV betaalt de werkgever dan "
            "een Ziektewet-uitkering. De ziekte telt gewoon mee en de gewone termijnen blijven gelden."
        )
    lapsed = lapsed_deadlines(t)
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


def answer_track(t: Tijdlijn, role: str | None) -> str:
    """The personal answer to "in welk spoor zit ik?"."""
    voice = voice_for(role)
    parts = [
        _week_sentence(t, voice),
        _track_sentence(t, voice),
        f"Waarom: {t.spoor.uitleg} (bron: {t.spoor.bron.citation()})",
        *_situation_lines(t),
    ]
    upcoming = _upcoming_lines(t, 3)
    if upcoming:
        parts.append("**Wat komt eraan:**\n" + "\n".join(upcoming))
    parts += _warning_lines(t)
    parts.append(voice.pick(
        "Wil je de hele tijdlijn zien, of weten waarom? Vraag het gerust.",
        "Wilt u de hele tijdlijn zien, of weten waarom? Vraag het gerust.",
    ))
    return "\n\n".join(parts)


def _advice_would_add(t: Tijdlijn, voice: Voice) -> str | None:
    """Without the bedrijfsarts advice: what it could change, as the rules say per deadline."""
    if t.advies is not Advies.ONBEKEND or t.spoor.waarde == Spoor.ZONDER_WERKGEVER.value:
        return None  # known, or no own employer to return to: the advice changes no track
    titles = [rule.titel for rule in general_rules().values() if rule.hangt_af_van_advies]
    return voice.pick(
        "Het advies van de bedrijfsarts ken ik nog niet, dus ik reken met de gewone regels. Dat advies kan je spoor "
        f"veranderen, en deze termijnen: {', '.join(titles)}. Vraag 'in welk spoor zit ik?' om het mee te nemen.",
        "Het advies van de bedrijfsarts ken ik nog niet, dus ik reken met de gewone regels. Dat advies kan het spoor "
        f"veranderen, en deze termijnen: {', '.join(titles)}. Vraag 'in welk spoor zit hij of zij?' om het mee te nemen.",
    )


def answer_timeline(t: Tijdlijn, role: str | None) -> str:
    """The full overview: week, track, every deadline with its status and source."""
    voice = voice_for(role)
    lines = [_week_sentence(t, voice), _track_sentence(t, voice)]
    advice_note = _advice_would_add(t, voice)
    if advice_note:
        lines += ["", advice_note]
    for line in _situation_lines(t):
        lines += ["", line]
    lines += ["", "**Tijdlijn:**"]
    for d in shown_deadlines(t):
        lines.append(f"- {d.titel}: {_day(d.datum)} — {STATUS_MARK[d.status]} ({_source(d)})")
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
        lines += ["", f"Let op: {note}"]
    return "\n".join(lines)


def general_milestone_rule(milestone: str | None) -> str | None:
    """The rule for a milestone without a personal date, as the rules package words it."""
    keys = MILESTONES.get(milestone or "")
    if not keys:
        return None
    rules = general_rules()
    main = rules[keys[-1]]
    text = f"**{main.titel}**: {main.regel}. {main.uitleg} (bron: {_source(main)})"
    return text


def answer_milestone(t: Tijdlijn, milestone: str | None, role: str | None) -> str:
    """The general rule plus the personal date for one milestone."""
    voice = voice_for(role)
    keys = MILESTONES.get(milestone or "")
    if not keys:
        return answer_timeline(t, role)
    if not any(k in t.termijnen for k in keys):  # the rules give this deadline only for some advice
        condition = general_rules()[keys[-1]].voorwaarde
        return general_milestone_rule(milestone) + "\n\n" + voice.pick(
            f"Dit geldt alleen {condition}. "
            f"Volgens jouw antwoord is het advies: {ADVIES_LABELS[t.advies].lower()}.",
            f"Dit geldt alleen {condition}. "
            f"Het advies is nu: {ADVIES_LABELS[t.advies].lower()}.",
        )
    deadlines = [t.termijnen[k] for k in keys if k in t.termijnen]
    main = deadlines[-1]
    parts = [f"**{main.titel}**: {main.regel}. {main.uitleg}"]
    for d in deadlines:
        if d.datum is None:
            parts.append(d.uitleg)
            continue
        if d.status == "verstreken":
            when = voice.pick(f"Voor jou was dat {_day(d.datum)}: die datum is voorbij.",
                              f"Voor uw werknemer was dat {_day(d.datum)}: die datum is voorbij.")
        elif d.status == "vandaag":
            when = voice.pick(f"Voor jou is dat **vandaag**, {_day(d.datum)}.",
                              f"Voor uw werknemer is dat **vandaag**, {_day(d.datum)}.")
        else:
            when = voice.pick(f"Voor jou is dat **{_day(d.datum)}**.",
                              f"Voor uw werknemer is dat **{_day(d.datum)}**.")
        label = "" if len(deadlines) == 1 else f"{d.titel}: "
        parts.append(label + when)
    parts.append(f"Bron: {_source(main)}.")
    parts += [f"⚠️ {w.tekst}" for w in t.waarschuwingen if w.termijn in keys]
    if t.situatie.regime is not Regime.STANDAARD:
        parts.append(f"**Situatie**: {t.situatie.tekst}")
    return "\n\n".join(parts)


def explain_why(t: Tijdlijn, role: str | None) -> str:
    """The rules behind the last answer, with their sources."""
    voice = voice_for(role)
    parts = [
        voice.pick("Zo reken ik:", "Zo reken ik:"),
        f"- **Ziekteweek**: {t.ziekteweek.uitleg} ({t.ziekteweek.bron.citation()})",
        f"- **Spoor**: {t.spoor.uitleg} ({t.spoor.bron.citation()})",
    ]
    nxt = next((s for s in t.stappen if s.datum and s.termijn in t.termijnen), None)
    if nxt is not None:
        d = t.termijnen[nxt.termijn]
        parts.append(f"- **{d.titel}**: {d.regel}. {d.uitleg} ({_source(d)}, {d.bron.url})")
    parts.append(
        "Dit is algemene informatie op basis van de wet en UWV; het is geen persoonlijk juridisch advies. "
        + voice.pick("Bespreek je situatie met je casemanager of de bedrijfsarts.",
                     "Bespreek de situatie met de bedrijfsarts of uw arbodienst.")
    )
    return "\n".join(parts)


# Button labels for the seven advice codes, in the voice of the user.
_ADVICE_LABELS_HR = {
    Advies.EIGEN_WERK: "Terug in het eigen werk",
    Advies.AANGEPAST_WERK: "Eigen werk, maar aangepast",
    Advies.ANDER_WERK_EIGEN_WERKGEVER: "Ander werk bij ons",
    Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER: "Eigen werk lukt niet meer, geen ander passend werk bij ons",
    Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN: "Nu tijdelijk geen werk mogelijk",
    Advies.DUURZAAM_GEEN_MOGELIJKHEDEN: "Blijvend geen werk mogelijk",
    Advies.ONBEKEND: "Weet ik niet / nog geen advies",
}


def advice_buttons(role: str | None) -> list[dict]:
    labels = _ADVICE_LABELS_HR if voice_for(role).hr else ADVIES_LABELS
    return [
        {"title": labels[code], "payload": f'/inform_advice{{"advice": "{code.value}"}}'}
        for code in Advies
    ]


def advice_question(role: str | None) -> str:
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
ADVICE_NOT_UNDERSTOOD = "Dat advies kan ik niet goed plaatsen. Kies de knop die het best past, of 'Weet ik niet'."
SITUATION_NOT_UNDERSTOOD = "Dat kan ik niet goed plaatsen. Kies de knop die het best past; 'Gewoon in dienst' als niets ervan geldt."
DATE_NEEDED = "Ik heb een datum nodig, bijvoorbeeld '30 juni 2026'."
SITUATION_AGAIN = "Vertel het nog eens, bijvoorbeeld 'mijn contract loopt af op 30 juni 2027'."


# --- the situation beyond the standard case ------------------------------------------------------

_SITUATION_BUTTONS = {
    # code: (employee label, HR label)
    "standaard": ("Gewoon in dienst", "Gewoon in dienst"),
    "ziek_uit_dienst": ("Mijn contract is afgelopen of loopt af", "Het contract is afgelopen of loopt af"),
    "zwangerschap": ("Ziek door zwangerschap of bevalling", "Ziek door zwangerschap of bevalling"),
    "aow": ("Ik heb (bijna) de AOW-leeftijd", "Mijn werknemer heeft (bijna) de AOW-leeftijd"),
}


def situation_question(role: str | None) -> str:
    return voice_for(role).pick(
        "Geldt een van deze situaties voor jou? Die kunnen de termijnen veranderen.",
        "Geldt een van deze situaties voor uw werknemer? Die kunnen de termijnen veranderen.",
    )


def situation_buttons(role: str | None) -> list[dict]:
    hr = voice_for(role).hr
    return [
        {"title": labels[1] if hr else labels[0], "payload": f'/inform_situation{{"situation": "{code}"}}'}
        for code, labels in _SITUATION_BUTTONS.items()
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


def other_milestone_button(milestone: str) -> dict | None:
    """A button for a deadline the same message also asked about ("…en wanneer moet de WIA-aanvraag?")."""
    keys = MILESTONES.get(milestone)
    if not keys:
        return None
    titel = general_rules()[keys[-1]].titel
    return {"title": f"Ook: {titel}", "payload": f'/ask_milestone_date{{"milestone": "{milestone}"}}'}
