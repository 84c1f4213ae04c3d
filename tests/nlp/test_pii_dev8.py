"""PII on dev8 (tuning: English ID numbers and names) and sealed7 (its measuring partner), both written without reading
the rules or the other sets, and the rules dev8's misses led to.

First contact (before any change): dev8 en ID 0.974, PERSON 0.932, ADDRESS 0.857, precision 0.946 (de 0.943);
sealed7 en PERSON 0.826 (under the 0.85 asked), ADDRESS 0.882, precision 0.963, every other kind 1.0. After the
rules below, sealed7 measured once: en PERSON 0.87, ADDRESS 0.941, precision 0.974; German unchanged.
"""
import pytest

from feedback_app.nlp.rule_eval import load_jsonl, score_pii
from tests.nlp.conftest import found_pii


@pytest.mark.parametrize("subset", ["dev8", "sealed7"])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_meets_recall_and_precision(data_dir, subset, lang):
    scores = score_pii(load_jsonl(data_dir / "independent" / subset / "pii.jsonl"))[lang]
    for kind in ("PHONE", "EMAIL", "POSTCODE", "ID_NUMBER", "DATE_OF_BIRTH"):
        assert scores[f"recall_{kind}"] >= 0.95, kind
    assert scores["recall_PERSON"] >= 0.85
    assert scores["precision"] >= 0.90


@pytest.mark.parametrize(("text", "expected"), [
    # Common English first names the lists lacked, named on their own.
    ("hi its Dana, mums appt tmrw 10.40 wd 4 can u move to afternoon? Thanks", [("PERSON", "Dana")]),
    ("Scott was absolutely fantastic on the phone.", [("PERSON", "Scott")]),
    # Initials between the title and the surname belong to the name.
    ("Yours faithfully, Dr A. Lindqvist", [("PERSON", "A. Lindqvist")]),
    ("Mrs J.R. Hale came to the ward.", [("PERSON", "J.R. Hale")]),
    # A surname given as such.
    ("Please look at the notes, surname Adeyemi-Brown. The registrar said otherwise.", [("PERSON", "Adeyemi-Brown")]),
    ("Booked under my maiden name, Whitfield, so the Scan results were lost.", [("PERSON", "Whitfield")]),
])
def test_names(text, expected):
    assert found_pii(text) == expected


@pytest.mark.parametrize("text", [
    "Christmas Eve on the ward was lovely.",
    "Amber warning for the heat, the Ward was too hot.",
    "I was seen at Guy's Hospital in London.",
    "The Master Bedroom in the care home is lovely.",
])
def test_words_that_are_no_names(text):
    assert not any(kind == "PERSON" for kind, _ in found_pii(text))


@pytest.mark.parametrize(("text", "expected"), [
    # A travel card's number in a phone's shape is the card's.
    ("It had my Freedom Pass in it, number 0417 2290 3361, and my blue badge.", [("ID_NUMBER", "0417 2290 3361")]),
    ("My Oyster card no. is 0561 4478 2093 and TfL charged me twice.", [("ID_NUMBER", "0561 4478 2093")]),
    # Two numbers copied from a wristband: the hospital number is not lost to the NHS number found first.
    ("I copied this off her wristband: RWA1198236 / 479 657 3038.",
     [("ID_NUMBER", "RWA1198236"), ("ID_NUMBER", "479 657 3038")]),
    # Streets of more kinds, and a saint's possessive.
    ("It's my daughter's: 23 Orchard Rise, L18 9SD.", [("ADDRESS", "23 Orchard Rise"), ("POSTCODE", "L18 9SD")]),
    ("This is about Flat 2, 5 St Anne's Court, SW9 8RP.",
     [("ADDRESS", "5 St Anne's Court"), ("POSTCODE", "SW9 8RP")]),
    # A person's own phone is still one.
    ("You can ring me on 020 7946 0731 after six.", [("PHONE", "020 7946 0731")]),
    ("Sie erreichen mich unter 0341 5566778.", [("PHONE", "0341 5566778")]),
])
def test_numbers_and_addresses(text, expected):
    assert found_pii(text) == expected


@pytest.mark.parametrize("text", [
    # Services' numbers: a UK organisation's 03 number, a switchboard, a surgery's or a practice's line.
    "PALS is on 0300 555 0142 but nobody answered.",
    "The hospital switchboard is 020 7946 0000 and it just rings.",
    "The surgery number, 020 7946 0990, is permanently engaged.",
    "Tel. Praxis: 0341 998877-0 (nur vormittags).",
    # A shop's order, a medicine's register, a provider's company and charity numbers, an amount in thousands.
    "I ordered a pill organiser (order no. 300-582-6228, £12.99) and it arrived.",
    "Also ordered a monitor from the online pharmacy, order #AP-228104, never arrived.",
    "Brightwater Care Ltd (company no. 08123456, registered charity 1123456) runs the home.",
    "The invoice is for £1,412.60 for 4 weeks.",
    "Parkticket Nr. 007219 habe ich aufgehoben.",
])
def test_numbers_that_are_no_ones(text):
    assert found_pii(text) == []


def test_the_rest_of_a_code_leaves_out_every_span_kept_on_it_whatever_their_kinds():
    from feedback_app.nlp.pii import _rest_of_code

    text = "AB12345 / 4857773456 / CD67890 / mail@x.de / EF24680"
    kept = [("ID_NUMBER", 10, 20), ("EMAIL", 33, 43)]  # an earlier span of a kind that sorts later
    assert [text[a:b] for a, b in _rest_of_code(text, 0, len(text), kept)] == ["AB12345", "CD67890", "EF24680"]
