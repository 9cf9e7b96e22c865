"""Time per `compute_tijdlijn` call (target: well under 1 ms). Prints figures; asserts nothing."""

from __future__ import annotations

import statistics
import timeit
from datetime import date, timedelta

from poortwachter import Periode, compute_tijdlijn

CASES = {
    "eenvoudig (week 10)": dict(eerste_ziektedag=date(2025, 3, 4), peildatum=date(2025, 5, 12)),
    "samengeteld + verlenging": dict(
        eerste_ziektedag=date(2025, 3, 1),
        peildatum=date(2026, 6, 1),
        advies="eigen_werk",
        eerdere_perioden=[Periode(date(2025, 1, 6), date(2025, 2, 1))],
        verlenging_weken=26,
    ),
    "duurzaam geen mogelijkheden": dict(
        eerste_ziektedag=date(2025, 3, 4), peildatum=date(2025, 5, 12), advies="duurzaam_geen_mogelijkheden"
    ),
    "ziek uit dienst (eigenrisicodrager)": dict(
        eerste_ziektedag=date(2026, 3, 2),
        peildatum=date(2026, 11, 28),
        einde_dienstverband=date(2026, 6, 30),
        eigenrisicodrager_zw=True,
    ),
    "AOW tijdens ziekte + verlof": dict(
        eerste_ziektedag=date(2026, 4, 23),
        peildatum=date(2026, 11, 28),
        geboortedatum=date(1959, 9, 23),
        eerdere_perioden=[Periode(date(2025, 10, 1), date(2025, 12, 31))],
        zwangerschapsverlof=Periode(date(2026, 1, 1), date(2026, 4, 22)),
    ),
}


def main() -> None:
    # Warm the holiday cache over many years, as a long-running server would.
    for offset in range(0, 3650, 30):
        compute_tijdlijn(date(2020, 1, 1) + timedelta(days=offset), date(2031, 1, 1))
    print(f"{'geval':36} {'mediaan':>10} {'p95':>10}  (µs per tijdlijn-aanroep)")
    for name, kwargs in CASES.items():
        runs = [
            t / 200 * 1e6
            for t in timeit.repeat(lambda kwargs=kwargs: compute_tijdlijn(**kwargs), number=200, repeat=25)
        ]
        runs.sort()
        print(f"{name:36} {statistics.median(runs):10.1f} {runs[int(len(runs) * 0.95) - 1]:10.1f}")
    as_json = timeit.timeit(lambda: compute_tijdlijn(**CASES["eenvoudig (week 10)"]).as_dict(), number=500) / 500
    print(f"{'eenvoudig + as_dict (JSON)':36} {as_json * 1e6:10.1f}")


if __name__ == "__main__":
    main()
