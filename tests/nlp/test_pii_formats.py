"""Official number formats and birth-date notations that moderators must see highlighted, and look-alikes they must not."""
import pytest

from feedback_app.nlp.pii import find_pii


def _found(text: str) -> list[tuple[str, str]]:
    return [(p.type, text[p.start:p.end]) for p in find_pii(text)]


@pytest.mark.parametrize(("text", "detail"), [
    ("Meine Versichertennummer ist A 123 456 789.", "A 123 456 789"),
    ("Rentenversicherungsnummer 12 150780 M 123, bitte weiterleiten.", "12 150780 M 123"),
    ("Meine Sozialversicherungsnummer lautet 65170839J003.", "65170839J003"),
    ("Die Steuer-ID 12 345 678 901 stand auf dem Formular.", "12 345 678 901"),
    ("Aktenzeichen S 12 AS 345/21 beim Sozialgericht", "S 12 AS 345/21"),
    ("Az. 4 K 123/22 wurde mir genannt.", "4 K 123/22"),
    ("BG-Nummer 12345BG0012345 beim Jobcenter", "12345BG0012345"),
    ("Pat.-Nr. 4711-2233 steht auf dem Armband.", "4711-2233"),
    ("My National Insurance number is QQ 12 34 56 C.", "QQ 12 34 56 C"),
    ("NI number AB123456C was on the letter.", "AB123456C"),
    ("His CHI number is 0101451234.", "0101451234"),
    ("Meine Krankenkassennummer 987654321 stand auf der Karte.", "987654321"),
    ("Personalausweisnummer L01X00T47", "L01X00T47"),
    ("Home Office reference B1234567 was on every letter.", "B1234567"),
    ("Patienten-ID: 556677", "556677"),
])
def test_official_numbers_are_id_numbers(text: str, detail: str) -> None:
    assert ("ID_NUMBER", detail) in _found(text)


@pytest.mark.parametrize(("text", "detail"), [
    ("Mutter (*12.03.1938) lebt im Heim.", "12.03.1938"),
    ("Dad (b. 12/03/1946) fell twice on the ward.", "12/03/1946"),
    ("Mein Vater, Jahrgang 1940, ist am 4. Juli 1940 geboren.", "4. Juli 1940"),
])
def test_birth_dates_in_short_notations(text: str, detail: str) -> None:
    found = _found(text)
    assert ("DATE_OF_BIRTH", detail) in found
    assert not any(kind == "PERSON" for kind, _ in found)  # "Jahrgang" is no name


@pytest.mark.parametrize("text", [
    "Appointment on 12.03.2024 at 10:30 on Station 4B, Zimmer 12.",
    "I waited 45 minutes in A&E on 3 March 2024 and paid £12.50 for parking.",
    "Ward 12 AB and bay 4 were clean, and the 2 mg dose was given at 08:00.",
    "I was sent to a hospital 22mile from home and the account was settled in 2 weeks.",
])
def test_appointments_wards_and_doses_are_not_personal_details(text: str) -> None:
    assert _found(text) == []
