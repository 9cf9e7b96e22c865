"""Property-based checks of the counting rules (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from poortwachter import Advies, Periode, compute_tijdlijn
from poortwachter.workdays import is_workday

first_days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
offsets = st.integers(min_value=0, max_value=1200)
advies = st.sampled_from(list(Advies))

ORDER = [
    "probleemanalyse",
    "plan_van_aanpak",
    "melding_42e_week",
    "eerstejaarsevaluatie_vanaf",
    "eerstejaarsevaluatie_uiterlijk",
    "reintegratieverslag",
    "wia_aanvraag",
    "laatste_dag_wachttijd",
    "wia_ingang",
]


@settings(max_examples=300, deadline=None)
@given(first_days, offsets, advies)
def test_termijnen_are_ordered(d1, offset, code):
    t = compute_tijdlijn(d1, d1 + timedelta(days=offset), code)
    dates = [t.datum(k) for k in ORDER]
    assert dates == sorted(dates)
    assert t.datum("wia_ingang") - t.datum("laatste_dag_wachttijd") == timedelta(days=1)
    assert (t.datum("wia_ingang") - d1).days == 728  # 104 weeks: same weekday as the first sick day


@settings(max_examples=300, deadline=None)
@given(first_days, offsets)
def test_week_is_consistent_with_day(d1, offset):
    t = compute_tijdlijn(d1, d1 + timedelta(days=offset))
    assert t.ziektedag.waarde == offset + 1
    assert 7 * t.ziekteweek.waarde - 6 <= t.ziektedag.waarde <= 7 * t.ziekteweek.waarde


@settings(max_examples=300, deadline=None)
@given(first_days)
def test_42e_weeksmelding_is_first_workday_from_day_295(d1):
    melding = compute_tijdlijn(d1, d1).datum("melding_42e_week")
    day_295 = d1 + timedelta(days=294)
    assert melding >= day_295 and is_workday(melding)
    assert all(not is_workday(day_295 + timedelta(days=i)) for i in range((melding - day_295).days))


@settings(max_examples=300, deadline=None)
@given(
    first_days,
    st.integers(min_value=1, max_value=200),  # length of the earlier period
    st.integers(min_value=0, max_value=60),  # gap in days
    st.integers(min_value=0, max_value=800),
)
def test_merging_never_moves_a_termijn_earlier(start, length, gap, offset):
    earlier = Periode(start, start + timedelta(days=length - 1))
    current = earlier.einde + timedelta(days=gap + 1)
    peildatum = current + timedelta(days=offset)
    alone = compute_tijdlijn(current, peildatum)
    merged = compute_tijdlijn(current, peildatum, eerdere_perioden=[earlier])
    if gap < 28:
        assert merged.ziektedag.waarde == alone.ziektedag.waarde + length
        for key in ORDER:
            assert merged.datum(key) <= alone.datum(key)  # the case started earlier
            assert merged.datum(key) >= earlier.begin
        # compared with one uninterrupted sickness from the same first day, the gap only delays
        straight = compute_tijdlijn(start, peildatum)
        for key in ORDER:
            assert merged.datum(key) >= straight.datum(key)
    else:
        assert merged.ziektedag.waarde == alone.ziektedag.waarde
        assert all(merged.datum(k) == alone.datum(k) for k in ORDER)


@settings(max_examples=200, deadline=None)
@given(first_days, st.integers(min_value=13, max_value=104))
def test_extension_moves_end_wia_and_riv_by_the_same_weeks(d1, weeks):
    base = compute_tijdlijn(d1, d1)
    extended = compute_tijdlijn(d1, d1, verlenging_weken=weeks)
    for key in ("reintegratieverslag", "wia_aanvraag", "laatste_dag_wachttijd", "wia_ingang"):
        assert extended.datum(key) - base.datum(key) == timedelta(weeks=weeks)
    assert extended.datum("probleemanalyse") == base.datum("probleemanalyse")


@settings(max_examples=300, deadline=None)
@given(
    first_days,
    st.integers(min_value=1, max_value=300),  # sick days before the leave
    st.integers(min_value=70, max_value=280),  # length of the leave in days (10 to 40 weeks)
    st.integers(min_value=0, max_value=700),  # peildatum: days after the first sick day
)
def test_a_planned_leave_counts_as_the_law_says(d1, before, length, offset):
    # BW 7:629 lid 4 and 10, WIA art. 23 lid 3 and 5: sickness right before and after the leave is one case and
    # the leave's days do not count. So (1) today's sick day is the days sick so far, standing still in the leave;
    # (2) every day-count deadline equals the plain case's date for the same sick day, moved by the leave when it
    # falls after it; (3) whether seen before, during or after the leave, the dates are the same.
    verlof = Periode(d1 + timedelta(days=before), d1 + timedelta(days=before + length - 1))
    peildatum = d1 + timedelta(days=offset)
    t = compute_tijdlijn(d1, peildatum, zwangerschapsverlof=verlof, ziek_na_verlof=True)
    sick_so_far = min(offset + 1, before) if peildatum <= verlof.einde else offset + 1 - length
    assert t.ziektedag.waarde == sick_so_far
    assert t.verlof.gepland is (peildatum <= verlof.einde)
    straight = compute_tijdlijn(d1, d1)  # no leave: day n on d1 + n - 1
    for key in (
        "probleemanalyse",
        "plan_van_aanpak",
        "eerstejaarsevaluatie_uiterlijk",
        "reintegratieverslag",
        "wia_aanvraag",
        "laatste_dag_wachttijd",
    ):
        plain = straight.datum(key)
        expected = plain if plain < verlof.begin else plain + timedelta(days=length)
        assert t.datum(key) == expected, key
        assert t.termijnen[key].verschoven_door_verlof is (expected != plain), key
    after = compute_tijdlijn(d1, verlof.einde + timedelta(days=1), zwangerschapsverlof=verlof, ziek_na_verlof=True)
    assert {k: d.datum for k, d in t.termijnen.items()} == {k: d.datum for k, d in after.termijnen.items()}
