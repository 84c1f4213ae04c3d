"""The PII scan's faster search paths find exactly what the plain searches find (they could diverge silently)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from feedback_app.nlp import pii, pii_ids
from feedback_app.nlp.anchored import finditer_at
from feedback_app.nlp.folding import fold

DATA = Path(__file__).parent / "data"
# Texts made to sit on the edges: numbers glued to words, at the very start, after "+" or a look-alike.
EDGES = [
    "0201 1234567", "x0201 1234567", "+44 20 7946 0958", "++44 20 7946 0958", "(030) 1234 5678", "a(030) 1234 5678",
    "0049 30 1234567", "Tel 0049 30 123456 78", "943 476 5919", "A943 476 5919", "3943 476 5919", "10115 Berlin",
    ".10115 Berlin", "1,10115 Berlin", "SW1A 1AA", "xSW1A 1AA", "12 Acacia Avenue", "a12 Acacia Avenue",
    "A 123 456 789", "QQ 12 34 56 C", "xA123456789", "Hauptstraße 12", "Am Mühlbach 3, 80331 München",
    "Frau Dr. Szymańska", "my nurse Jodie", " Mac Donald McAllister O'Sullivan", "DOB 3.4.1950", "b. 3.4.50",
    "*12.03.1938", "am 15.08.2009 geboren", "ich wohne jetzt Am Lindenhof 9", "Adresse: Im Winkel 4",
    "A-123 456 789", "QQ123456C", "Q 12 34 56 C", "DE27 1005 0000 0190 2337 61", "S 12 P 34/24", "L 5 KR 12/20 B ER",
    "12345//1234567", "x12345//1234567", "12/345/67890", "/12/345/67890", "1.12/345/67890", "23 F 412/23",
    "9 XVII 1120/24", "Station 4 B 12/24", "711D 228 904", "dr. patel", "dr.patel", "frau von Bredow",
    "herrnurse Anna", "the key worker jodie", "mrs.mrs. jones",
]


def _texts() -> list[str]:
    texts = list(EDGES)
    for path in sorted(DATA.rglob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
    return texts + [fold(t) for t in texts]


TEXTS = _texts()


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize(("pattern", "starts"), [
    (pii._PHONE, pii._PHONE_START),
    (pii._ADDRESS_DE, pii._ADDRESS_DE_START),
    (pii_ids._FORMATS, pii_ids._FORMAT_START),
    (pii_ids._SLASHED, pii_ids._NUMBER_START),
    (pii._LOWER_TITLED, pii._ANY_LOWER_TITLE),
])
def test_anchored_search_finds_what_finditer_finds(pattern: re.Pattern[str], starts: re.Pattern[str]) -> None:
    for text in TEXTS:
        assert _spans(finditer_at(pattern, starts, text)) == _spans(pattern.finditer(text)), text


# The patterns as written before they were made to start with a digit, a capital or a space.
@pytest.mark.parametrize(("pattern", "plain"), [
    (pii._NHS, r"(?<![\d\w])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d\w])"),
    (pii._POSTCODE_UK, r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b"),
    (pii._POSTCODE_DE, r"(?<![\d.,])(?P<pc>\d{5})\s+(?P<city>[A-ZÄÖÜ][a-zäöüß]+|[a-zäöüß]{3,}\b)"),
    (pii._ADDRESS_EN, pii._ADDRESS_EN.pattern.replace(r"\d(?<!\w\d)\d{0,3}", r"\b\d{1,4}", 1)),
])
def test_patterns_led_by_a_character_match_as_written_before(pattern: re.Pattern[str], plain: str) -> None:
    assert plain != pattern.pattern
    before = re.compile(plain)
    for text in TEXTS:
        assert _spans(pattern.finditer(text)) == _spans(before.finditer(text)), text


# A name as written before it was split into its first capital and the rest.
NAME_BEFORE = (rf"(?:[{pii._UPPER}]['’](?=[{pii._UPPER}])|Ma?c(?=[{pii._UPPER}]))?[{pii._UPPER}][{pii._LOWER}]+"
               rf"(?:[-'’][{pii._UPPER}]?[{pii._LOWER}]{{2,}})?")
NAMES = ["Ma Mace Mac Macy McAllister MacDonald Mc Mcx O’Neill O'x O' D'Arcy-Smith Łukasz Şahin Grace's Klaus-Peter A-b",
         "x\tMace,\nMacDonald\u00a0O'Neill  Jean-Luc-Ab (Anke) Al-Hassan's", "MacDonald Mac-Ab M'Bappé AcDonald"]


def test_names_after_a_space_as_found_before() -> None:
    assert pii._NAME != NAME_BEFORE
    name_after_space = re.compile(rf"(?<=\s){NAME_BEFORE}")
    for text in TEXTS + NAMES:
        assert pii._NAME_AFTER_SPACE.findall(text) == name_after_space.findall(text), text
        assert re.findall(pii._NAME, text) == re.findall(NAME_BEFORE, text), text


LOWER_POSTCODES = ["bd74ph", "xbd74ph", "m16 0jb", "1m16 0jb", "ab1 2cd3 4ef", "sw1a 1aa", ".sw1a 1aa", "b12 1st",
                   "a1 2am", "abc1 2de", "zz9 9zz-x", "m1 1ae@x"]


def test_lower_case_postcodes_as_a_plain_search_finds_them() -> None:
    plain = re.compile(r"(?<![\w.@-])[a-z]{1,2}\d[a-z\d]?\s?\d(?!st|nd|rd|th)[abd-hjlnp-uw-z]{2}\b")
    for text in TEXTS + LOWER_POSTCODES:
        assert list(pii._lower_uk_postcodes(text)) == [m.span() for m in plain.finditer(text)], text


def test_texts_without_a_spelled_at_or_dot_hold_no_spelled_email() -> None:
    for text in TEXTS + ["mail me at jo.smith at example.com", "look at www.example.com"]:
        folded = fold(text)
        if not any(word in folded for word in pii._SPELLED_WORDS):
            assert not list(pii._spelled_emails(folded)), text


def test_texts_without_the_label_words_hold_no_birth_label_or_address_phrase() -> None:
    for text in TEXTS:
        folded = fold(text)
        if not any(word in folded for word in pii._DOB_WORDS):
            assert pii._DOB.search(folded) is None, text
        if not ("wohn" in folded or "adresse" in folded or "anschrift" in folded):
            assert pii._ADDRESS_LIVES_DE.search(text) is None, text


# Names right after the words that introduce them, on the edges of the word before: a comma, a run of spaces
# longer than the window read, a word glued to brackets or longer than it, a job of two words, German endings.
INTRODUCED = [
    "my husband Ken", "my husband,   \n\t Ken Barlow", "my mother-in-law Edith", "my grandmother" + " " * 40 + "Edith",
    "my name is Ken", "Mein Name ist Anke Weber", "my son, Barlow", "(called Ken)", "she was named Priya",
    "die Hausärztin Meyer", "unsere Pflegekraft Anke", "Die Oberarztvertretungsbereitschaftsärztin Szymańska",
    "our social worker, Jodie", "my GP Dr Patel", "Our student nurse O'Sullivan", "ein Mann namens Kowalski",
]


def test_names_after_words_that_introduce_them_are_searched() -> None:
    for text in INTRODUCED:
        assert any(p.search(text) for p in (pii._RELATIVE_EN, pii._CALLED, pii._JOB_TITLED)), text
        names = [m for m in pii._NAME_AFTER_SPACE.finditer(text) if m.group() not in pii._NOT_FIRST_WORDS]
        assert pii._introduced(text, names), text


def test_texts_without_a_word_that_introduces_a_name_lose_no_name(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = TEXTS + INTRODUCED
    gated = [set(pii._people(text)) for text in texts]
    monkeypatch.setattr(pii, "_introduced", lambda text, names: True)
    assert gated == [set(pii._people(text)) for text in texts]


KIN_DATES = [
    "Meine Tante (24. Dez. 1929)", "my gran   (3rd May 1931)", "grandson(1.2.2010)", "tante\n\n\t (*12.03.1938)",
    "the son (1.2.1930) and my nan (*2.3.1931)", "urenkel (1.1.2020)", "person (1.2.1930)", "Schwiegertochter ( 4.5.1970)",
    "grandmother-in-law (1.2.1930)", "stepson(1.2.1930", "(1.2.1930) mother", "mother (" + " " * 30 + "1.2.1930)",
]


def test_dates_in_brackets_after_kin_as_found_before() -> None:
    before = re.compile(rf"\b(?:{'|'.join(pii._KIN)})\s*\(\s*\*?\s*(?P<date>{pii._DATE})\)")
    for text in TEXTS + [fold(t) for t in KIN_DATES]:
        assert [m.span("date") for m in pii._kin_dates(text)] == [m.span("date") for m in before.finditer(text)], text
    assert sum(bool(before.search(fold(t))) for t in KIN_DATES) == 8
