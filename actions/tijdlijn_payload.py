"""The structured timeline for the website widget, with the deadlines as an iCalendar file.

Sent as a custom JSON message next to the text answer; the widget draws the
timeline of the wachttijd from it and offers the .ics download. Channels
without a widget get only the text. Every week number comes from the rules
package (the sick week of the merged case); nothing here counts weeks.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from icalendar import Alarm, Calendar, Event  # maintained iCalendar (RFC 5545) library

from poortwachter import REGIME_LABELS, TermijnStatus, Tijdlijn, datum_nl

from .phrasing import lapsed_termijnen, verlof_notes, shift_reason, shown_termijnen
from .zwangerschap import Verlofbeeld

PAYLOAD_TYPE = "spoorwijzer_tijdlijn"
ICS_FILENAME = "spoorwijzer-termijnen.ics"
# A reminder in the person's own calendar (Outlook, Google, Apple): 09:00, seven days before the
# all-day event. It lives there, so no server of ours has to remember anything or stay up.
REMINDER_BEFORE = timedelta(days=-7, hours=9)


def calendar_ics(t: Tijdlijn, beeld: Verlofbeeld | None = None) -> str:
    """One all-day event per dated deadline, with the rule and the legal source; open ones with a reminder.

    A date that a zwangerschaps- en bevallingsverlof moved says so, and that it moves again if the leave does.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Spoorwijzer//Poortwachter-termijnen//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Poortwachter-termijnen")
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    # DTSTAMP must be a UTC time; the peildatum keeps the output a pure function of the input.
    stamp = datetime.combine(t.peildatum, time(0, 0), tzinfo=timezone.utc)
    for key, termijn in t.termijnen.items():
        if termijn.datum is None:
            continue
        event = Event()
        event.add("uid", f"{key}-{termijn.datum.isoformat()}-{t.eerste_ziektedag.isoformat()}@spoorwijzer")
        event.add("dtstamp", stamp)
        event.add("dtstart", termijn.datum)
        event.add("dtend", termijn.datum + timedelta(days=1))
        event.add("summary", f"Poortwachter: {termijn.titel}")
        moved = shift_reason(beeld, termijn)
        event.add(
            "description",
            f"{termijn.regel[0].upper()}{termijn.regel[1:]}. {termijn.uitleg}\n"
            + (f"Verschoven: {moved}\n" if moved else "")
            + f"Wie: {termijn.wie}.\nBron: {termijn.bron.citation()} ({termijn.bron.url})",
        )
        event.add("url", termijn.bron.url)
        if termijn.status is TermijnStatus.KOMEND and not termijn.vervalt:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Over een week: {termijn.titel}")
            alarm.add("trigger", REMINDER_BEFORE)  # relative to the start of the event
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def tijdlijn_payload(t: Tijdlijn, beeld: Verlofbeeld | None = None, role: str | None = None) -> dict:
    overdue = {w.termijn for w in t.waarschuwingen}
    termijnen = []
    for termijn in shown_termijnen(t):
        key = termijn.key
        termijnen.append(
            {
                "key": key,
                "titel": termijn.titel,
                "datum": termijn.datum.isoformat(),
                "datum_tekst": datum_nl(termijn.datum, weekday=True),
                "week": termijn.week,
                "status": termijn.status.value,  # a dated termijn always has one
                "te_laat": key in overdue,
                "bron": termijn.bron.citation(),
                # Why this date moved (a zwangerschaps- en bevallingsverlof), or null.
                "toelichting": shift_reason(beeld, termijn),
            }
        )
    return {
        "type": PAYLOAD_TYPE,
        "peildatum": t.peildatum.isoformat(),
        "eerste_ziektedag": t.eerste_ziektedag.isoformat(),
        "ziekteweek": t.ziekteweek.waarde,
        "wachttijd_weken": t.wachttijd_weken,
        "spoor": t.spoor.waarde.value,
        "mijlpalen": termijnen,
        "situatie": {"code": t.situatie.regime.value, "naam": REGIME_LABELS[t.situatie.regime]},
        # Deadlines that do not apply in this situation, with the reason: the widget lists them as such.
        "vervallen": [{"key": d.key, "titel": d.titel, "reden": d.uitleg} for d in lapsed_termijnen(t)],
        # A zwangerschaps- en bevallingsverlof: its dates, whether they are expected (planning) and what it
        # changes, in sentences the widget shows under the timeline. Null without a pregnancy.
        "verlof": _verlof(t, beeld, role),
        "ics": calendar_ics(t, beeld),
        "ics_bestandsnaam": ICS_FILENAME,
    }


def _verlof(t: Tijdlijn, beeld: Verlofbeeld | None, role: str | None) -> dict | None:
    if beeld is None:
        return None
    verlof = beeld.verlof
    return {
        "begin": verlof.begin.isoformat() if verlof else None,
        "einde": verlof.einde.isoformat() if verlof else None,
        "verwacht": beeld.gepland,  # dates that lie ahead: they move if the leave moves
        "termijnen_verschoven": beeld.telt_samen,
        "uitleg": verlof_notes(t, beeld, role),
    }
