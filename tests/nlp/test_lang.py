import pytest

from feedback_app.nlp import detect_language


@pytest.mark.parametrize("text", [
    "Thanks", "Very kind staff", "Long wait", "Nothing", "Rude receptionist", "Excellent care, thank you.",
    "The nurse was lovely", "Could not get an appointment", "Parking", "Schwester Anke was lovely",
])
def test_detects_short_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", [
    "Danke!", "Sehr freundlich", "Lange Wartezeit", "Nichts", "Unfreundliche Rezeption", "Alles prima",
    "Die Ärztin war toll", "Parkplatz fehlt", "Kein Termin zu bekommen", "Dr Patel war sehr nett",
])
def test_detects_short_german(text):
    assert detect_language(text) == "de"


def test_no_evidence_falls_back_to_default():
    assert detect_language("12345", default="de") == "de"
    assert detect_language("") == "en"
