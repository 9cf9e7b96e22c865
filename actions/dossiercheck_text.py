"""The words of the dossier check: which documents a message names, with their dates.

"Probleemanalyse 10 april, plan van aanpak 2 mei, de 42e-weeksmelding zijn we vergeten": each
document name is found, and what follows it in the same clause is its value: a date (through the
Dutch date reader in dates.py), "niet gedaan" or "weet ik niet". What the dates mean for the file
is for the rules package to say (poortwachter/dossiercheck.py); nothing here knows a deadline.

No Rasa import: this module is tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from poortwachter import REGIME_LABELS, Advies, Tijdlijn, bronnen, datum_nl
from poortwachter.dossiercheck import (
    DOCUMENTEN,
    OORDEEL_LABELS,
    STATUS_LABELS,
    NIET_GEDAAN,
    ONBEKEND,
    Documentcheck,
    DocumentStatus,
    Dossiercheck,
    Oordeel,
)
from poortwachter.parameters import LOONSANCTIE_MAXIMUM

from .dates import MONTH_NAMES_NL, DateProblem, FutureDate, parse_other_date
from .phrasing import advies_buttons, voice_for

# How people name each document, in lower case. Longer names first where one contains another
# ("bijgesteld plan van aanpak" before "plan van aanpak"): the first pattern to claim a span wins.
# tests/actions/test_dossiercheck.py checks that every document of the rules package has its words.
DOCUMENT_WORDS: dict[str, str] = {
    "bijstelling_plan_van_aanpak": (
        r"bijstelling(?:en)?\s+(?:van\s+)?(?:het\s+)?(?:plan\s+van\s+aanpak|pva)|"
        r"bijgestelde?\s+(?:plan\s+van\s+aanpak|pva)|(?:plan\s+van\s+aanpak|pva)\s+(?:is\s+)?bijgesteld"
    ),
    "bijstelling_probleemanalyse": (
        r"bijstelling(?:en)?\s+(?:van\s+)?(?:de\s+)?probleem\s*-?\s*analyse|bijgestelde?\s+probleem\s*-?\s*analyse|"
        r"probleem\s*-?\s*analyse\s+(?:is\s+)?bijgesteld"
    ),
    "reintegratieverslag_einde_dienstverband": (
        r"re\s*-?\s*integratie\s*-?\s*verslag\s+(?:bij|voor|na)\s+(?:het\s+)?(?:einde|uit\s+dienst)[\w\s]{0,20}?"
        r"(?:dienstverband|contract|dienst)\b"
    ),
    "ziekmelding_uit_dienst": r"(?:ziek\s*-?\s*melding|melding)\s+(?:bij\s+)?uit\s+dienst|vangnet\s*-?\s*melding",
    "probleemanalyse": r"probleem\s*-?\s*analyse",
    "plan_van_aanpak": r"plan\s+van\s+aanpak|\bpva\b",
    "melding_42e_week": (
        r"42\s*(?:e|ste)?\s*-?\s*weeks?\s*-?\s*melding|42\s*-?\s*weken\s*-?\s*melding|"
        r"melding\s+(?:na|in)\s+(?:de\s+)?42\s*(?:e|ste)?\s*(?:ziekte)?weeks?|"
        r"ziekmelding\s+(?:bij|aan)\s+(?:het\s+)?uwv|verzuimmelding\s+(?:bij|aan)\s+(?:het\s+)?uwv"
    ),
    "eerstejaarsevaluatie": (
        r"eerste\s*-?\s*jaars\s*-?\s*evaluatie|evaluatie\s+(?:van|na)\s+het\s+eerste\s+(?:ziekte)?jaar|\beje\b"
    ),
    "arbeidsdeskundig_onderzoek": r"arbeidsdeskundig\s+onderzoek|\bado\b",
    "start_spoor_2": (
        r"(?:start|begin|inzet)\s+(?:van\s+)?(?:het\s+)?(?:spoor\s*-?\s*(?:2|twee)|tweede\s+spoor)|"
        r"spoor\s*-?\s*(?:2|twee)(?:\s*-?\s*traject)?|tweede\s*-?\s*spoor(?:\s*-?\s*traject)?"
    ),
    "actueel_oordeel": r"actuee?le?\s+oordeel",
    "eindevaluatie": r"eind\s*-?\s*evaluatie",
    "reintegratieverslag": r"re\s*-?\s*integratie\s*-?\s*verslag|\briv\b",
    "wia_aanvraag": (
        r"wia\s*-?\s*aanvraag|aanvraag\s+(?:van\s+|voor\s+)?(?:de\s+|een\s+)?wia(?:\s*-?\s*uitkering)?|"
        r"wia(?:\s*-?\s*uitkering)?\s+(?:is\s+)?aangevraagd"
    ),
}
# Short forms HR people write in capitals ("PA 10 april, PvA 2 mei"); only in capitals, because
# "pa" is also a word ("mijn pa is ziek").
ABBREVIATIONS: dict[str, str] = {"PA": "probleemanalyse", "PvA": "plan_van_aanpak", "PVA": "plan_van_aanpak"}

# "Weet ik niet": known before "niet gedaan", because it contains "niet".
_UNKNOWN = re.compile(
    r"\b(weet\s+ik\s+(?:nog\s+)?niet(?:\s+meer)?|weet\s+niet|onbekend|geen\s+idee|niet\s+bekend|"
    r"kan\s+ik\s+niet\s+(?:terug)?vinden|geen\s+flauw\s+idee)\b",
    re.IGNORECASE,
)
_DONE_VERBS = (
    r"gedaan|gemaakt|gemeld|ingediend|aangevraagd|opgesteld|gehouden|gestart|ingezet|uitgevoerd|gestuurd|verstuurd"
)
# "vergeten", "niet gedaan", "ontbreekt", "nog niet gemaakt", "hebben we niet", "is er niet".
_NOT_DONE_AFTER = re.compile(
    rf"\b(vergeten|ontbreekt|ontbreken|mist|missen|kwijt|(?:nog\s+)?niet\s+(?:{_DONE_VERBS})|nooit\s+(?:{_DONE_VERBS})|"
    rf"(?:hebben|heb|heeft|is|zijn)\s+(?:we|wij|ik|er|hij|zij|ze)\s+(?:nog\s+)?niet|niet\s+gebeurd|"
    rf"is\s+er\s+(?:nog\s+)?niet|(?:hebben|heb)\s+(?:we|wij|ik)\s+(?:nog\s+)?(?:geen|nooit))\b",
    re.IGNORECASE,
)
# "geen plan van aanpak", "nooit een probleemanalyse": the words right before the name.
_NOT_DONE_BEFORE = re.compile(r"\b(geen|nooit\s+(?:een|de|het))\s+(?:\w+\s+)?$", re.IGNORECASE)
# A whole answer to "Wanneer was de probleemanalyse?" that says it was not done.
_NOT_DONE_ANSWER = re.compile(
    rf"^\W*(nee|neen|niet|geen|nooit|nog\s+niet|niet\s+gedaan)\b|{_NOT_DONE_AFTER.pattern}", re.IGNORECASE
)
# Where the value of a document ends: the end of a sentence, a comma, "en"/"maar", or the next document.
_CLAUSE_END = re.compile(r"[.?!;](?:\s|$)|,|\n|\s(?:en|maar|want|terwijl)\s", re.IGNORECASE)
# A day and month without a year, as dates.py reports the words it read ("10 april", "10-4").
_DAY_MONTH = re.compile(r"\d{1,2}(?:e|de|ste)?\s+[a-z]+\.?|\d{1,2}[-/]\d{1,2}")
YEARLESS = "--"  # "--04-10": ISO 8601 for a day and month without a year


@dataclass(frozen=True)
class Gelezen:
    """What one message says about the documents."""

    documenten: dict[str, str] = field(default_factory=dict)  # name -> ISO date, "--MM-DD", NIET_GEDAAN, ONBEKEND
    problemen: tuple[str, ...] = ()  # Dutch explanations of dates that cannot be used
    rest: str = ""  # the message without the documents and their values (for the sick day and the situation)


def _mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, document) for every document name, in order; overlapping names go to the first pattern."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def claim(start: int, end: int, document: str) -> None:
        if document in DOCUMENTEN and not any(start < e and s < end for s, e in taken):
            found.append((start, end, document))
            taken.append((start, end))

    for document, pattern in DOCUMENT_WORDS.items():
        for m in re.finditer(pattern, text, re.IGNORECASE):
            claim(m.start(), m.end(), document)
    for word, document in ABBREVIATIONS.items():
        for m in re.finditer(rf"\b{word}\b", text):
            claim(m.start(), m.end(), document)
    return sorted(found)


def _clause_after(text: str, start: int, limit: int) -> int:
    """Where the value after a document name ends."""
    end = _CLAUSE_END.search(text, start, limit)
    return end.start() if end else limit


def read_value(words: str, today: date) -> str | None:
    """The value in the words that follow a document's name (or a whole answer to its question).

    An ISO date, "--MM-DD" for a day and month without a year (the year follows from the case,
    see `settle`), NIET_GEDAAN, ONBEKEND, or None. Raises DateProblem for a date that cannot be used.
    """
    if _UNKNOWN.search(words):
        return ONBEKEND
    try:
        parsed = parse_other_date(words, today, may_be_future=False, needs_year=False)
    except FutureDate:  # its message speaks of a first sick day
        raise DateProblem("Die datum ligt in de toekomst. Wanneer is dit gedaan? Geef de datum.") from None
    if parsed is not None:
        if _DAY_MONTH.fullmatch(parsed.text.strip()):
            return f"{YEARLESS}{parsed.value.month:02d}-{parsed.value.day:02d}"
        return parsed.value.isoformat()
    if _NOT_DONE_AFTER.search(words):
        return NIET_GEDAAN
    return None


def read_documents(text: str, today: date, namen: dict[str, str] | None = None) -> Gelezen:
    """Every document the message names, with the value that follows it in the same clause.

    `namen` gives each document's name for the explanations (the rules package's own titles).
    """
    mentions = _mentions(text)
    documenten: dict[str, str] = {}
    problemen: list[str] = []
    rest, last = [], 0
    for index, (start, end, document) in enumerate(mentions):
        limit = mentions[index + 1][0] if index + 1 < len(mentions) else len(text)
        value_end = _clause_after(text, end, limit)
        before = text[mentions[index - 1][1] if index else 0 : start]
        try:
            value = read_value(text[end:value_end], today)
        except DateProblem as problem:
            problemen.append(f"{(namen or {}).get(document, document)}: {problem}")
            value = None
        if value is None and _NOT_DONE_BEFORE.search(before):
            value = NIET_GEDAAN
        if value is not None:
            documenten[document] = value
        rest.append(text[last:start])
        last = value_end
    rest.append(text[last:])
    return Gelezen(documenten, tuple(problemen), " ".join(part.strip() for part in rest if part.strip()))


def read_answer(text: str, today: date) -> str | None:
    """A whole answer to the question for one document: a date, "niet gedaan", "weet ik niet"; or None."""
    value = read_value(text, today)
    if value is None and _NOT_DONE_ANSWER.search(text):
        return NIET_GEDAAN
    return value


class NeedsYear(DateProblem):
    """A day and month without a year that fits the case in more than one year."""


def settle(value: str, eerste_ziektedag: date, today: date, naam: str) -> str:
    """A document's value with the year filled in: the one year in which that day and month lie between
    the first sick day and today. Raises NeedsYear when more than one year fits. A day that fits no year
    gets the most recent year up to today, so that the rules package says what is wrong with it."""
    if not value.startswith(YEARLESS):
        return value
    month, day = (int(part) for part in value[len(YEARLESS) :].split("-"))
    candidates = []
    for year in range(today.year, min(eerste_ziektedag.year, today.year) - 9, -1):  # 8 more: a 29 February
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February outside a leap year
            continue
    fits = sorted(d for d in candidates if eerste_ziektedag <= d <= today)
    if len(fits) > 1:
        raise NeedsYear(
            f"{naam}: was dat {' of '.join(datum_nl(d) for d in fits[-2:])}? Noem de datum met het jaar erbij, "
            f"bijvoorbeeld '{day} {MONTH_NAMES_NL[month]} {fits[0].year}'."
        )
    if fits:
        return fits[0].isoformat()
    return next(d for d in candidates if d <= today).isoformat()


# --- phrasing: the questions and the checklist ------------------------------------------------------
# The rules package words each document's consequence and action for the employer ("u"). HR reads them
# as they are; an employee gets the same facts in their own words ("je werkgever"), because the
# employer's duties are not theirs.

STATUS_ICON = {
    DocumentStatus.OP_TIJD: "✅",
    DocumentStatus.TE_LAAT: "⚠️",
    DocumentStatus.ONTBREEKT: "❌",
    DocumentStatus.NOG_NIET_NODIG: "🕓",
}
GROUP_TITLES = {
    DocumentStatus.OP_TIJD: "In orde",
    DocumentStatus.TE_LAAT: "Te laat",
    DocumentStatus.ONTBREEKT: "Ontbreekt",
    DocumentStatus.NOG_NIET_NODIG: "Nog niet nodig",
}
OORDEEL_TITLES = {oordeel.value: label for oordeel, label in OORDEEL_LABELS.items()}
_OPEN = (DocumentStatus.TE_LAAT, DocumentStatus.ONTBREEKT)
DISCLAIMER = (
    "Dit is algemene informatie op basis van de wet en UWV, geen juridisch advies. De check ziet alleen datums."
)


def _day(value: date | None) -> str:
    return datum_nl(value) if value else ""


def _days(n: int) -> str:
    return f"{n} {'dag' if n == 1 else 'dagen'}"


def status_text(document: Documentcheck) -> str:
    """The status in words, with how late: "Te laat (5 dagen)"."""
    label = STATUS_LABELS[document.status]
    words = label[:1].upper() + label[1:]  # at the head of a line
    if document.status is DocumentStatus.TE_LAAT and document.dagen_te_laat is not None:
        return f"{words} ({_days(document.dagen_te_laat)})"
    if document.status is DocumentStatus.NOG_NIET_NODIG and (document.vervalt or not document.verplicht):
        return "Vervalt" if document.vervalt else "Niet nodig"
    return words


def _employee_detail(document: Documentcheck) -> str:
    """One document for the employee, in plain words: what was due when, and what happened."""
    status = document.status
    if status is DocumentStatus.OP_TIJD:
        if document.uiterlijk:
            return f"gedaan op {_day(document.datum)}, op tijd (uiterlijk {_day(document.uiterlijk)})."
        return f"gedaan op {_day(document.datum)}."
    if status is DocumentStatus.TE_LAAT:
        return (
            f"gedaan op {_day(document.datum)}, {_days(document.dagen_te_laat or 0)} na de uiterste datum "
            f"({_day(document.uiterlijk)})."
        )
    if status is DocumentStatus.ONTBREEKT:
        if document.opgegeven == ONBEKEND:
            return f"je weet niet of dit er is. Het moest uiterlijk op {_day(document.uiterlijk)}."
        if document.uiterlijk and (document.dagen_te_laat or 0) > 0:
            return f"moest uiterlijk op {_day(document.uiterlijk)} ({_days(document.dagen_te_laat)} geleden)."
        return "moet nu gebeuren."  # spoor 2 right away when there is no suitable work with the own employer
    if document.uiterlijk:
        return f"nog niet nodig, uiterlijk op {_day(document.uiterlijk)}."
    return "is in jouw situatie niet nodig." if not document.vervalt else "vervalt in jouw situatie."


# The rules package opens each consequence with the status ("Op tijd: …", "6 dagen te laat: …"); the
# checklist already says it with the icon and in words, so the line starts after it.
_STATUS_OPENING = re.compile(r"^(?:Op tijd|Ontbreekt|Nog niet nodig|Niet nodig|Vervalt|\d+ dagen? te laat):\s*")
_FIRST_SENTENCE = re.compile(r"^.*?[.!?](?=\s|$)")


def detail(document: Documentcheck, role: str | None) -> str:
    """What the checklist says about one document: for HR the rules package's own words, without the status
    it opens with; for a document that is not due yet only when it is due (the rule is in the source)."""
    if not voice_for(role).hr:
        return _employee_detail(document)
    text = _STATUS_OPENING.sub("", document.gevolg)
    if document.status is DocumentStatus.NOG_NIET_NODIG and document.uiterlijk:
        first = _FIRST_SENTENCE.match(text)
        return first.group(0) if first else text
    return text


def title_in_sentence(titel: str) -> str:
    """'Plan van aanpak' -> 'plan van aanpak' inside a sentence; 'WIA-aanvraag' and '42e-…' stay as they are."""
    return titel[0].lower() + titel[1:] if titel[:2].istitle() else titel


def document_line(document: Documentcheck, role: str | None) -> str:
    """One line of the checklist: icon and status in words (never the icon alone), the document, the detail."""
    return (
        f"- {STATUS_ICON[document.status]} **{status_text(document)}** — {document.titel}: {detail(document, role)} "
        f"(bron: {document.bron.citation()})"
    )


# Documents that take "het"; the others take "de".
_HET = {
    "plan_van_aanpak",
    "arbeidsdeskundig_onderzoek",
    "actueel_oordeel",
    "reintegratieverslag",
    "reintegratieverslag_einde_dienstverband",
}


def with_article(document: Documentcheck) -> str:
    """'het plan van aanpak', 'de eerstejaarsevaluatie', 'de WIA-aanvraag …'."""
    article = "het" if document.naam in _HET else "de"
    return f"{article} {title_in_sentence(document.titel)}"


def _to_do(check: Dossiercheck) -> list[Documentcheck]:
    """The late and missing documents; missing ones first, because those can still be made."""
    open_ = [d for d in check.documenten.values() if d.status in _OPEN]
    return sorted(open_, key=lambda d: d.status is not DocumentStatus.ONTBREEKT)


def _next_due(check: Dossiercheck) -> Documentcheck | None:
    coming = [
        d
        for d in check.documenten.values()
        if d.status is DocumentStatus.NOG_NIET_NODIG and d.uiterlijk is not None and d.verplicht
    ]
    return min(coming, key=lambda d: d.uiterlijk) if coming else None


def next_actions(check: Dossiercheck, role: str | None) -> list[str]:
    """What to do now: for HR the rules package's action per late or missing document (missing first, one line
    per action); for the employee whom to ask. Without anything open: the next document that is due."""
    voice = voice_for(role)
    todo = _to_do(check)
    if todo and voice.hr:
        actions: dict[str, list[str]] = {}
        for document in todo:
            actions.setdefault(document.actie, []).append(document.titel)
        return [f"{', '.join(titles)}: {actie}" for actie, titles in actions.items()]
    if todo:
        lines = []
        if any(d.naam == "wia_aanvraag" for d in todo):
            lines.append("De WIA-uitkering vraag je zelf aan bij UWV. Doe dat nu.")
        others = [title_in_sentence(d.titel) for d in todo if d.naam != "wia_aanvraag"]
        if others:
            lines.append(f"Vraag je werkgever of casemanager naar: {', '.join(others)}.")
        return lines
    coming = _next_due(check)
    if coming is None:
        return ["Er staat nu niets open."]
    what, when = with_article(coming), _day(coming.uiterlijk)
    return [
        voice.pick(
            f"Nu hoeft er niets te gebeuren. Het volgende stuk is {what}. Dat moet er uiterlijk op {when} zijn.",
            f"Nu hoeft u niets te doen. Het volgende stuk is {what}. Zet in de agenda: uiterlijk op {when}.",
        )
    ]


def loonsanctie_risk(check: Dossiercheck, role: str | None) -> str:
    """The loonsanctie risk in plain words, from the rules package's verdict and its maximum."""
    voice = voice_for(role)
    maximum, bron = LOONSANCTIE_MAXIMUM.tekst(), bronnen.LOONSANCTIE.citation()
    if check.oordeel == Oordeel.RISICO_LOONSANCTIE.value:
        return voice.pick(
            "Er is een risico. Bij de WIA-aanvraag kijkt UWV of je werkgever genoeg heeft gedaan. Is dat niet zo, "
            f"dan moet je werkgever je loon langer doorbetalen: tot {maximum}. Jij krijgt dan dus langer loon, en UWV "
            f"beslist later over je WIA-uitkering. ({bron})",
            "Er is een risico. Bij de WIA-aanvraag kijkt UWV naar dit dossier. Ontbreekt er iets, of was iets te laat "
            f"zonder goede reden? Dan kan UWV u een loonsanctie geven: u betaalt het loon dan tot {maximum} langer "
            f"door. ({bron})",
        )
    if check.oordeel == Oordeel.AANDACHT_NODIG.value:
        return voice.pick(
            "Uit deze stukken volgt geen loonsanctie voor je werkgever. Wat er wel uit volgt, staat hierboven.",
            "Uit deze stukken volgt geen loonsanctie. Wat er wel uit volgt, staat hierboven.",
        )
    if check.oordeel == Oordeel.OP_ORDE.value:
        return voice.pick(
            "Uit de datums volgt geen risico. UWV kijkt bij de WIA-aanvraag ook naar de inhoud, en of er genoeg is "
            "gedaan. Dat ziet deze check niet.",
            "Uit de datums volgt geen risico. UWV kijkt bij de WIA-aanvraag ook naar de inhoud, en of er genoeg is "
            "gedaan. Dat ziet deze check niet.",
        )
    return voice.pick(
        "Nu nog geen risico: er hoefde nog niets klaar te zijn.",
        "Nu nog geen risico: er hoefde nog niets klaar te zijn.",
    )


def _verdict(check: Dossiercheck, role: str | None) -> str:
    title = OORDEEL_TITLES.get(check.oordeel, check.oordeel)
    if voice_for(role).hr:
        return f"**Oordeel: {title}.** {check.oordeel_uitleg}"
    todo = _to_do(check)
    if todo:
        return (
            f"**Oordeel: {title}.** Niet alles is op tijd of er: "
            + ", ".join(title_in_sentence(d.titel) for d in todo)
            + "."
        )
    if check.oordeel == Oordeel.OP_ORDE.value:
        return f"**Oordeel: {title}.** De stukken die tot nu toe nodig waren, zijn er en op tijd."
    return f"**Oordeel: {title}.** Er hoefde nog geen stuk klaar te zijn."


def case_line(t: Tijdlijn, role: str | None) -> str:
    """What the check computed with, so that a wrong date or advice is seen and corrected. The advice in the
    words of the guide's buttons for this person (phrasing.advies_buttons)."""
    labels = dict(zip(Advies, (button["title"] for button in advies_buttons(role))))
    advies = labels[t.advies].lower()
    situatie = REGIME_LABELS[t.situatie.regime]
    return (
        f"Ik reken met: eerste ziektedag {_day(t.eerste_ziektedag)}, advies '{advies}', situatie: {situatie}. "
        "Klopt iets niet? Zeg het gerust."
    )


def checklist(check: Dossiercheck, t: Tijdlijn, role: str | None) -> str:
    """The whole answer: verdict, the documents by status, what to do now, the loonsanctie risk, sources."""
    voice = voice_for(role)
    parts = [
        _opening(check, t, voice),
        case_line(t, role),
        _verdict(check, role),
    ]
    for status in DocumentStatus:
        documents = [d for d in check.documenten.values() if d.status is status]
        if documents:
            parts.append(f"**{GROUP_TITLES[status]}:**\n" + "\n".join(document_line(d, role) for d in documents))
    actions = next_actions(check, role)
    if len(actions) == 1:
        parts.append(f"**Wat nu:** {actions[0]}")
    else:
        parts.append("**Wat nu:**\n" + "\n".join(f"{n}. {line}" for n, line in enumerate(actions, 1)))
    parts.append(f"**Risico op een loonsanctie:** {loonsanctie_risk(check, role)}")
    if voice.hr:
        parts.append(
            "**Wat deze check niet kan zien:**\n" + "\n".join(f"- {item}" for item in check.niet_te_controleren)
        )
    else:
        parts.append(
            "**Wat deze check niet kan zien:** de inhoud van de stukken, of het oordeel van de bedrijfsarts nog "
            "klopt, en of er genoeg is gedaan. Dat beoordeelt UWV."
        )
    parts.append(DISCLAIMER)
    return "\n\n".join(parts)


def checklist_intro(check: Dossiercheck, t: Tijdlijn, role: str | None) -> str:
    """The text above the widget's checklist, which shows every document, what to do and the sources itself
    (the whole checklist as text would say it all twice)."""
    voice = voice_for(role)
    return "\n\n".join(
        [
            _opening(check, t, voice),
            case_line(t, role),
            _verdict(check, role),
            voice.pick(
                "Hieronder staat per stuk hoe het ervoor staat, wat je kunt doen en de bron.",
                "Hieronder staat per stuk hoe het ervoor staat, wat u kunt doen en de bron.",
            ),
        ]
    )


def _opening(check: Dossiercheck, t: Tijdlijn, voice) -> str:
    return voice.pick(
        f"**Dossiercheck** op {_day(check.peildatum)}. Je zit in week {t.ziekteweek.waarde} van je verzuim.",
        f"**Dossiercheck** op {_day(check.peildatum)}. Uw werknemer zit in week {t.ziekteweek.waarde} van het verzuim.",
    )


def _widget_detail(document: Documentcheck, role: str | None) -> str | None:
    """The detail under a document in the widget, which shows its dates on a line of their own: without the
    sentence that only repeats them ("gedaan op …, uiterlijk was …"); None when nothing else is left."""
    text = detail(document, role)
    if document.status is DocumentStatus.ONTBREEKT:
        pass  # how long ago, or "je weet niet of dit er is": more than the dates
    elif not voice_for(role).hr or (document.status is DocumentStatus.NOG_NIET_NODIG and document.uiterlijk):
        return None
    elif document.status in (DocumentStatus.OP_TIJD, DocumentStatus.TE_LAAT) and document.datum:
        text = _FIRST_SENTENCE.sub("", text, count=1).strip()
    return (text[:1].upper() + text[1:]) if text else None


def document_entry(document: Documentcheck, role: str | None) -> dict:
    """One document for the widget: the status as a code and in words, the dates, the detail and the source."""
    return {
        "naam": document.naam,
        "titel": document.titel,
        "status": document.status.value,
        "status_tekst": status_text(document),
        "uiterlijk": document.uiterlijk.isoformat() if document.uiterlijk else None,
        "uiterlijk_tekst": _day(document.uiterlijk) or None,
        "datum": document.datum.isoformat() if document.datum else None,
        "datum_tekst": _day(document.datum) or None,
        "dagen_te_laat": document.dagen_te_laat,
        "opgegeven": document.opgegeven,
        "toelichting": _widget_detail(document, role),
        "actie": document.actie if voice_for(role).hr and document.status in _OPEN else None,
        "bron": document.bron.citation(),
        "bron_url": document.bron.url,
    }


def checklist_payload(check: Dossiercheck, t: Tijdlijn, role: str | None) -> dict:
    """The checklist for the web widget (web/spoorwijzer-widget.js draws it): every document with its status as
    a code and in words, so that nothing depends on colour or on the widget knowing the rules."""
    return {
        "type": PAYLOAD_TYPE,
        "peildatum": check.peildatum.isoformat(),
        "peildatum_tekst": _day(check.peildatum),
        "ziekteweek": t.ziekteweek.waarde,
        "oordeel": check.oordeel,
        "oordeel_titel": OORDEEL_TITLES.get(check.oordeel, check.oordeel),
        "oordeel_tekst": _verdict(check, role).split("** ", 1)[-1],
        "documenten": [document_entry(d, role) for d in check.documenten.values()],
        "wat_nu": next_actions(check, role),
        "loonsanctie": loonsanctie_risk(check, role),
        "niet_te_controleren": list(check.niet_te_controleren) if voice_for(role).hr else [],
    }


PAYLOAD_TYPE = "spoorwijzer_dossiercheck"


# --- the questions ------------------------------------------------------------------------------------


# The date reader (dates.py) asks its questions with "je"; HR is addressed with "u".
_TO_U = (("Wil je", "Wilt u"), ("Bedoel je", "Bedoelt u"), ("bedoel je", "bedoelt u"))


def for_voice(text: str, role: str | None) -> str:
    if not voice_for(role).hr:
        return text
    for je, u in _TO_U:
        text = text.replace(je, u)
    return text


def sick_day_question(role: str | None) -> str:
    return voice_for(role).pick(
        "Wat was je eerste ziektedag? Bijvoorbeeld '3 maart 2025'. Daarmee reken ik uit wanneer elk stuk klaar moest "
        "zijn.",
        "Wat was de eerste ziektedag van uw werknemer? Bijvoorbeeld '3 maart 2025'. Daarmee reken ik uit wanneer elk "
        "stuk klaar moest zijn.",
    )


def document_question(document: Documentcheck, role: str | None, first: bool = False) -> str:
    """The question for one document: its date, with the deadline it had."""
    voice = voice_for(role)
    when = f" Het moest uiterlijk op {_day(document.uiterlijk)}." if document.uiterlijk else ""
    text = f"**{document.titel}**: op welke datum is dit gedaan?{when}"
    if first:
        text += voice.pick(
            " Je mag ook meer stukken tegelijk noemen, bijvoorbeeld 'plan van aanpak 2 mei 2025, 42e-weeksmelding "
            "20 december 2025'.",
            " U mag ook meer stukken tegelijk noemen, bijvoorbeeld 'plan van aanpak 2 mei 2025, 42e-weeksmelding "
            "20 december 2025'.",
        )
    return text + voice.pick(
        " Weet je het niet, kies dan 'Weet ik niet'.", " Weet u het niet, kies dan 'Weet ik niet'."
    )


def answer_not_understood(role: str | None) -> str:
    return voice_for(role).pick(
        "Dat kan ik niet plaatsen. Geef een datum, bijvoorbeeld '10 april 2025'. Of kies 'Niet gedaan' of 'Weet ik niet'.",
        "Dat kan ik niet plaatsen. Geef een datum, bijvoorbeeld '10 april 2025'. Of kies 'Niet gedaan' of 'Weet ik niet'.",
    )


ROLE_NOT_UNDERSTOOD = "Dat kan ik niet plaatsen. Kies een van de twee knoppen."


def nothing_to_ask(role: str | None) -> str:
    return voice_for(role).pick(
        "Ik weet genoeg. Vraag 'is mijn dossier op orde?' om de check te zien.",
        "Ik weet genoeg. Vraag 'is het dossier op orde?' om de check te zien.",
    )
