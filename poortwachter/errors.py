"""Typed errors with a Dutch message that can be shown to a user as is."""


class PoortwachterError(ValueError):
    """Base class: the input cannot be computed; str(error) is plain Dutch."""


class InvalidDateError(PoortwachterError):
    """A date that is malformed or does not exist (31-02)."""


class ZiektedagNaPeildatumError(PoortwachterError):
    """The first sick day lies after the reference date."""


class InvalidPeriodError(PoortwachterError):
    """An earlier sickness period that ends before it starts or overlaps another."""


class OnbekendAdviesError(PoortwachterError):
    """An advice code that is not one of the seven known codes."""


class InvalidExtensionError(PoortwachterError):
    """A voluntary extension shorter than the legal minimum of 13 weeks."""


class BeforeWiaError(InvalidDateError):
    """A case that began before the Wet WIA applied (first sick day before 2004): WAO, not computed."""


class OngeldigeSituatieError(PoortwachterError):
    """A situation that contradicts itself: a contract that ended before the sickness, a leave inside it."""


class TellingBegintNaVerlofError(PoortwachterError):
    """Sick before a zwangerschaps- en bevallingsverlof that is over, and not sick right after it from the
    same cause: the sickness before the leave does not count (BW 7:629 lid 10), so the first sick day
    after the leave is needed."""
