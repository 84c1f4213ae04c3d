"""PII on pii_writer9, a held-out set written before reading the rules, and the rules its misses led to.

First measured on the shipped rules: en PERSON 0.82, EMAIL 0.86, POSTCODE 0.86, ID 0.95 (precision 0.967); de
ADDRESS 0.60, POSTCODE 0.75, EMAIL 0.83 (precision 0.936). Each fix below is a format or a label word, tested in both
languages, with the texts that must stay unflagged.
"""
import pytest

from feedback_app.nlp.rule_eval import load_jsonl, score_pii
from tests.nlp.conftest import found_pii


@pytest.mark.parametrize("lang", ["en", "de"])
def test_writer9_meets_recall_and_precision(data_dir, lang):
    scores = score_pii(load_jsonl(data_dir / "independent" / "pii_writer9" / "pii.jsonl"))[lang]
    for kind in ("PHONE", "EMAIL", "POSTCODE", "ID_NUMBER"):
        assert scores[f"recall_{kind}"] >= 0.95, kind
    assert scores["recall_PERSON"] >= 0.85
    assert scores["precision"] >= 0.80


@pytest.mark.parametrize(("text", "expected"), [
    # A form's fields joined by " / ": the code ends before the next field's name.
    ("MRN: M0045321 / DOB 02.07.1961 / Name: Grzegorz Wiśniewski, wrong patient.",
     [("ID_NUMBER", "M0045321"), ("DATE_OF_BIRTH", "02.07.1961"), ("PERSON", "Grzegorz Wiśniewski")]),
    ("Fallnr. 4471-0923 / Geburtsdatum 23.07.1955 / Station K3",
     [("ID_NUMBER", "4471-0923"), ("DATE_OF_BIRTH", "23.07.1955")]),
    # "hosp. no.": a hospital number even in a phone's shape.
    ("Hosp. no. 0034 5512 was written on the bag with my clothes.", [("ID_NUMBER", "0034 5512")]),
    ("hosp no 0161 4471 on the wristband", [("ID_NUMBER", "0161 4471")]),
    # Postcodes typed in lower case; a PLZ before a lower-case town after "aus", "nach", "PLZ".
    ("we live in bd74ph and the nearest unit is 40 miles away", [("POSTCODE", "bd74ph")]),
    ("new address from monday is m16 0jb", [("POSTCODE", "m16 0jb")]),
    ("wir sind aus 45127 essen und mussten bis nach bochum", [("POSTCODE", "45127")]),
    ("PLZ: 04109 leipzig", [("POSTCODE", "04109")]),
    # Streets named after a person, joined by dashes.
    ("Der Krankentransport fuhr zur Karl-Marx-Allee 90a statt ins Heim.", [("ADDRESS", "Karl-Marx-Allee 90a")]),
    ("Das Taxi stand vor Heinrich-Heine-Str. 22b.", [("ADDRESS", "Heinrich-Heine-Str. 22b")]),
    ("Wir wohnen in der Albert-Schweitzer-Straße 3, 04109 Leipzig.",
     [("ADDRESS", "Albert-Schweitzer-Straße 3"), ("POSTCODE", "04109")]),
])
def test_form_fields_hospital_numbers_lower_case_postcodes_and_streets(text, expected):
    assert found_pii(text) == expected


@pytest.mark.parametrize("text", [
    # Roads and forms.
    "Stuck on the A556 then the M62 at junction 19. The ambulance took 3 hours.",
    "We came off the M1 and then the B1234 towards Leeds.",
    "Auf der B 104 Richtung Schwerin stand der Krankenwagen im Stau.",
    "The consultant filled in the DS1500 and the ESA50 for PIP.",
    "They lost the AB1234 form twice.",
    "Das Formular XY4471 Formular kam nie an.",
    # Websites and a plain "at".
    "have a look at nhs dot uk for the leaflet",
    "find us at www.example.com or on facebook",
    "we met at the station, not at the hospital",
    "Schauen Sie auf gesund punkt bund punkt de nach.",
])
def test_roads_forms_and_websites_are_no_personal_details(text):
    assert found_pii(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("you can email me on tony dot marsh at example dot com, the spam filter eats the rest",
     "tony dot marsh at example dot com"),
    ("contact my son: jay.patel [at] example [dot] co [dot] uk", "jay.patel [at] example [dot] co [dot] uk"),
    ("schreiben Sie mir an h.yilmaz (at) example (punkt) de, Post kommt oft nicht an", "h.yilmaz (at) example (punkt) de"),
    ("Mail bitte an anna.berg(at)example.de", "anna.berg(at)example.de"),
])
def test_spelled_out_email_addresses(text, expected):
    assert ("EMAIL", expected) in found_pii(text)
    assert [kind for kind, _ in found_pii(text)] == ["EMAIL"]  # "tony" is no person of its own


@pytest.mark.parametrize("text", [
    "room b12 1st floor, then obs at 2am",
    "the M14 and M15 teams never talk",  # an outward code alone: an area, not an address
    "die 12500 euro hat der förderverein gesammelt",
    "in 14000 schritten kein einziger stuhl",
])
def test_lower_case_look_alikes_are_no_postcodes(text):
    assert not any(kind == "POSTCODE" for kind, _ in found_pii(text))


@pytest.mark.parametrize("text", [
    "Wir wohnen direkt an der Karl-Marx-Allee, da gibt es keinen Parkplatz.",
    "Das Robert-Koch-Institut empfiehlt das, die Albert-Schweitzer-Schule auch.",
    "Die Praxis ist in der Heinrich-Heine-Straße, gegenüber vom Edeka.",
    "She was moved to the Florence-Nightingale-Haus.",
    "Meine Frau hat Morbus Crohn, mein Vater Alzheimer und Parkinson.",
    "Lots of Dr Google from the junior doctor. Doktor Google weiß alles.",
    "Clinical Lead (Consultant) and Parkside Surgery (GP) never replied.",
    "Die Stationsleitung (Pflegedienstleitung) war nicht da.",
])
def test_streets_institutions_illnesses_and_jobs_are_no_people(text):
    assert not any(kind == "PERSON" for kind, _ in found_pii(text))


@pytest.mark.parametrize(("text", "names"), [
    ("As ward manager I thank Bola Adeyemi (HCA) and Ciarán Ó Súilleabháin (staff nurse).",
     ["Bola Adeyemi", "Ciarán Ó Súilleabháin"]),
    ("Dank an Dilek Kaya (Stationsleitung) und Jovan Petrović (Pflegehelfer).", ["Dilek Kaya", "Jovan Petrović"]),
    ("Pastor Adewale from church sat with him when we couldn't.", ["Adewale"]),
    ("Pfarrerin Lange kam jeden Tag vorbei.", ["Lange"]),
    ("big thanks to gaz on the night shift and the physio (shaz?)", ["gaz", "shaz"]),
    ("Danke an Steffi und Uschi aus der Frühschicht!", ["Steffi", "Uschi"]),
    ("I would like to thank Mrs Watson-O'Neil and Herr Müller-Lüdenscheidt.", ["Watson", "Müller-Lüdenscheidt"]),
])
def test_names_with_jobs_in_brackets_clergy_and_nicknames(text, names):
    found = [t for kind, t in found_pii(text) if kind == "PERSON"]
    assert all(any(name in f or f in name for f in found) for name in names), found
