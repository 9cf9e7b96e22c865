"""Identifiers that people type, replaced before anything is stored.

Spoorwijzer needs dates, never a BSN, phone number, e-mail address, bank account or home
address; people type them anyway ("mijn BSN is …, bel me op 06 …"). Each is replaced by a
placeholder, so the stored conversation still reads sensibly:

- BSN: 9 digits (also written 123 456 782 or 1234.56.782) that pass the 11-proef
  (python-stdnum `stdnum.nl.bsn`); a 9-digit number that fails it is kept.
- phone numbers: Dutch and international, in the ways people write them (06-12345678,
  +31 6 1234 5678, 0031 20 123 4567, 020 - 123 45 67), found and validated by
  `phonenumbers` (Google's libphonenumber) for region NL; only numbers written with a
  leading 0, + or 00, so a bare 9-digit number is left to the BSN rule.
- e-mail addresses.
- IBAN: validated with `stdnum.iban` (checksum and country format).
- postcode with or without house number ("1234 AB 12", "1234AB"), and a street with a
  number ("Kerkstraat 12a").

Dates are never touched: "3 maart 2026", "03-03-2026", "2026-03-03" (the guide needs them);
a phone match that contains a date ("01-03-2026 12") is not a phone number.
"""

from __future__ import annotations

import re
from typing import List, Tuple

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn

BSN = "[BSN]"
PHONE = "[TELEFOONNUMMER]"
EMAIL = "[E-MAILADRES]"
IBAN = "[IBAN]"
ADDRESS = "[ADRES]"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?\b")
_BSN = re.compile(r"(?<![\d.,-])(?:\d{9}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?![\d]|[.,-]\d)")
_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
# Postcode: 4 digits (not starting with 0) and 2 letters (never SA, SD, SS). Small letters only
# written together ("1234ab"), so "2026 en" stays. "2500 EU" alone could be an amount: a
# postcode written apart counts with a house number (not a year: "2026 EN 2027"), a place
# name or the word "postcode".
_POSTCODE = re.compile(
    r"(?P<postcode>\b[1-9]\d{3}(?P<apart>[ ])?(?!SA|SD|SS)[A-Z]{2}\b|\b[1-9]\d{3}(?!sa|sd|ss)[a-z]{2}\b)"
    r"(?P<number>,?[ ]+(?:nr\.?[ ]*)?(?!(?:19|20)\d\d\b)\d{1,5}(?:[ ]?-?[ ]?[A-Za-z](?![A-Za-z]))?\b)?"
    r"(?P<place>[ ]+[A-Z][a-z]+)?"
)
_SAYS_POSTCODE = re.compile(r"postcode\W*$", re.IGNORECASE)
_STREET = re.compile(
    r"\b[A-Z][a-zà-ÿ]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|markt|park)"
    r"[ ]+\d{1,5}(?:[ ]?-?[ ]?[A-Za-z](?![A-Za-z]))?\b"
)


def redact_identifiers(text: str) -> str:
    """The text with every identifier above replaced by its placeholder."""
    if not text or not isinstance(text, str):
        return text
    for start, end, placeholder in reversed(find_identifiers(text)):
        text = text[:start] + placeholder + text[end:]
    return text


def find_identifiers(text: str) -> List[Tuple[int, int, str]]:
    """(start, end, placeholder) of each identifier, in order, without overlaps.

    Where two finders claim the same characters, the first one in this order wins: an
    e-mail address or IBAN holds digits that could pass for a phone number or BSN."""
    chosen: List[Tuple[int, int, str]] = []
    for find in (_emails, _ibans, _bsns, _phones, _addresses):
        for span in find(text):
            if not any(span[0] < end and start < span[1] for start, end, _ in chosen):
                chosen.append(span)
    return sorted(chosen)


def _emails(text: str) -> List[Tuple[int, int, str]]:
    return [(m.start(), m.end(), EMAIL) for m in _EMAIL.finditer(text)]


def _ibans(text: str) -> List[Tuple[int, int, str]]:
    spans = []
    for match in _IBAN.finditer(text):
        candidate = match.group()
        # The pattern may take a word too many ("NL91 ABNA 0417 1643 00 ZZZZ"): shorten until valid.
        while candidate and not iban.is_valid(candidate):
            candidate = candidate[:-1].rstrip()
        if len(iban.compact(candidate or "")) >= 15:
            spans.append((match.start(), match.start() + len(candidate), IBAN))
    return spans


def _bsns(text: str) -> List[Tuple[int, int, str]]:
    return [(m.start(), m.end(), BSN) for m in _BSN.finditer(text) if bsn.is_valid(re.sub(r"\D", "", m.group()))]


def _phones(text: str) -> List[Tuple[int, int, str]]:
    spans = []
    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        raw = match.raw_string
        if raw[:1] in "0+(" and not _DATE.search(raw):
            spans.append((match.start, match.end, PHONE))
    return spans


def _addresses(text: str) -> List[Tuple[int, int, str]]:
    found = []
    for match in _POSTCODE.finditer(text):
        if match.group("apart") and not (
            match.group("number") or match.group("place") or _SAYS_POSTCODE.search(text[: match.start()])
        ):
            continue
        end = match.end("number") if match.group("number") else match.end("postcode")
        found.append((match.start(), end, ADDRESS))  # the place name stays: it is no address
    found += [(m.start(), m.end(), ADDRESS) for m in _STREET.finditer(text)]
    return _without_overlaps(found)


def _without_overlaps(spans: List[Tuple[int, int, str]]) -> List[Tuple[int, int, str]]:
    kept: List[Tuple[int, int, str]] = []
    for span in sorted(spans):
        if kept and span[0] < kept[-1][1]:
            if span[1] > kept[-1][1]:
                kept[-1] = (kept[-1][0], span[1], kept[-1][2])
            continue
        kept.append(span)
    return kept
