"""Identifiers people type are replaced before storage; dates and ordinary numbers are kept.

Table-driven, a reason per row. The BSNs are well-known test numbers that pass the 11-proef
(checked below); the IBAN is the usual Dutch example number (NL91 ABNA 0417 1643 00).
"""

from __future__ import annotations

import pytest
from stdnum.nl import bsn

from privacy.identifiers import ADDRESS, BSN, EMAIL, IBAN, PHONE, find_identifiers, redact_identifiers

REPLACED = [
    # (typed, expected after redaction, why)
    ("mijn bsn is 111222333", f"mijn bsn is {BSN}", "9 digits that pass the 11-proef"),
    ("BSN: 123456782.", f"BSN: {BSN}.", "another valid BSN, sentence punctuation kept"),
    ("bsn 111 222 333 graag", f"bsn {BSN} graag", "written in groups of three"),
    ("bsn 1112.22.333", f"bsn {BSN}", "written as on a passport (4.2.3)"),
    ("bel me op 0612345678", f"bel me op {PHONE}", "mobile, written together"),
    ("bel 06-12345678 of 06 1234 5678", f"bel {PHONE} of {PHONE}", "mobile with a dash or spaces"),
    ("mijn nummer: 06 12 34 56 78.", f"mijn nummer: {PHONE}.", "mobile in pairs"),
    ("+31 6 12345678", PHONE, "international with +31"),
    ("0031 6 1234 5678", PHONE, "international with 0031"),
    ("+31 (0)6 12 34 56 78", PHONE, "with the (0) people add"),
    ("kantoor 020-1234567", f"kantoor {PHONE}", "landline Amsterdam"),
    ("010 123 4567", PHONE, "landline Rotterdam with spaces"),
    ("0341-123456", PHONE, "landline with a 4-digit area code"),
    ("mail j.jansen+hr@example.nl even", f"mail {EMAIL} even", "e-mail with dot and plus"),
    ("iban NL91ABNA0417164300", f"iban {IBAN}", "IBAN written together"),
    ("NL91 ABNA 0417 1643 00 is mijn rekening", f"{IBAN} is mijn rekening", "IBAN in groups, word after it kept"),
    ("ik woon op 1234 AB 12", f"ik woon op {ADDRESS}", "postcode and house number"),
    ("1234AB 12a", ADDRESS, "postcode written together, number with letter"),
    ("postcode 1234ab", f"postcode {ADDRESS}", "postcode in small letters, written together"),
    ("1234 AB Utrecht", f"{ADDRESS} Utrecht", "postcode with place name; the place stays"),
    ("Kerkstraat 12a, 1234 AB Utrecht", f"{ADDRESS}, {ADDRESS} Utrecht", "street and number too"),
    ("mail 0612345678@example.nl", f"mail {EMAIL}", "digits inside an e-mail address are part of it"),
]

KEPT = [
    ("ik ben sinds 3 maart 2026 ziek", "a date in words: the guide needs it"),
    ("ziek sinds 03-03-2026", "a date with dashes"),
    ("ziek sinds 2026-03-03", "an ISO date"),
    ("op 03/03/2026 ziek gemeld", "a date with slashes"),
    ("sinds 01-03-2026 12 weken ziek", "a date followed by a number is no phone number"),
    ("sinds 3.3.2026", "a date with dots"),
    ("nummer 123456789", "9 digits that fail the 11-proef"),
    ("loon 2500 EU per maand", "4 digits and 2 capitals without a house number or place"),
    ("in 2026 en 2027", "years with 'en'"),
    ("ik werk 32 uur, 4 dagen per week", "hours and days"),
    ("in week 42 de 42e-weeksmelding", "week numbers"),
    ("bedrag 1.234.567,89", "an amount"),
    ("NL91 ABNA 0417 1643 01", "an IBAN with a wrong checksum"),
    ("ik word in juni 67", "an age"),
    ("dossiernummer 2024-001234", "a case number"),
]


@pytest.mark.parametrize("typed, expected, why", REPLACED)
def test_identifiers_are_replaced(typed, expected, why):
    assert redact_identifiers(typed) == expected, why


@pytest.mark.parametrize("typed, why", KEPT)
def test_dates_and_ordinary_numbers_are_kept(typed, why):
    assert redact_identifiers(typed) == typed, why


def test_the_example_bsns_really_pass_and_fail_the_11_proef():
    assert bsn.is_valid("111222333") and bsn.is_valid("123456782") and not bsn.is_valid("123456789")


def test_spans_point_into_the_original_text():
    text = "bsn 111222333, mail a@b.nl"
    assert [(text[start:end], placeholder) for start, end, placeholder in find_identifiers(text)] == [
        ("111222333", BSN),
        ("a@b.nl", EMAIL),
    ]


@pytest.mark.parametrize("value", [None, ""])
def test_no_text(value):
    assert redact_identifiers(value) == value
