"""ID numbers by default: a code with no label is someone's ID unless its shape or the words around it say otherwise.

New writers bring new labels and formats; a list of labels found only those seen before. These tests hold the
inverted rule: codes found with no label at all, in English and German, and each shape that is not personal
(dates, times, amounts, phones, postcodes, catalogue codes, laws, years, percentages, doses, rooms, versions,
grades, ages, public hotlines) left alone or left to its own kind.
"""
import pytest

from tests.nlp.conftest import found_pii


@pytest.mark.parametrize(("text", "code"), [
    # English: no "number", "ref" or any other label word near them.
    ("They wrote QX-2291-77 on the top of the form and then lost it.", "QX-2291-77"),
    ("Sorry, it's 7730 4419 52, I read it off the sticker.", "7730 4419 52"),
    ("The letter from the council quoted LBH/77/40912 twice.", "LBH/77/40912"),
    ("My son is down as TK 448 019 at the clinic, not as TK 448 091.", "TK 448 019"),
    ("Please look up 44817-B, everything about my mother is under it.", "44817-B"),
    ("I got a text with 662019-77 and nothing else.", "662019-77"),
    # German: new abbreviations and no label.
    ("Beim Versorgungswerk heißt es bei mir VW/3-22871, seit Jahren.", "VW/3-22871"),
    ("Auf dem Zettel stand nur 4471 2290 18, sonst nichts.", "4471 2290 18"),
    ("Bitte prüfen Sie GK 0419 7712, das bin ich.", "GK 0419 7712"),
    ("Die Sachbearbeiterin notierte 2024-KHV-88213 auf meinem Antrag.", "2024-KHV-88213"),
    ("Ich bin bei der Beihilfestelle unter BH-77.120-3 bekannt.", "BH-77.120-3"),
    ("Mein Sohn wird dort als 58821/Jb geführt.", "58821/Jb"),
    ("Sie sagte am Telefon, ich soll Q8K-44T1 angeben.", "Q8K-44T1"),
    # "00" and ten digits or fewer: no foreign phone number (that needs a country code and eleven digits).
    ("Auf dem Armband stand 0047731208, nicht mein Name.", "0047731208"),
    ("The sticker said 00 7731 4482 and nothing else.", "00 7731 4482"),
    ("Die Karte Y2H4K9L0M gilt erst ab Mai.", "Y2H4K9L0M"),  # no "M" for metres after the digits
    ("could you tell the ward my grandad's NHS number is 650 188 2293", "650 188 2293"),  # a ward named, not numbered
    # A bare "number" before a short code: a code by default, no public service's number.
    ("My LAS number is 123456 and nobody rang back.", "123456"),
])
def test_codes_without_a_label_are_id_numbers(text: str, code: str) -> None:
    assert ("ID_NUMBER", code) in found_pii(text)


def test_a_persons_iban_is_an_id_number() -> None:
    assert ("ID_NUMBER", "DE27 1005 0000 0190 2337 61") in found_pii(
        "Das Geld sollte auf mein Konto, DE27 1005 0000 0190 2337 61, kam aber nie an.")


@pytest.mark.parametrize("text", [
    # English: amounts, counts, times, years, scores, doses, versions, catalogue codes, services' numbers.
    "The car park charge went up to £1250 a year and it cost £3,500 in all.",
    "They said 15000 people are waiting and around 60000 use the hospital.",
    "My blood pressure was 145/95, my sats 92% and my memory score 27/30.",
    "The 111 service and 999 were both engaged, so was NHS111 and NHS 111.",
    "Version 4.12.3 of the NHS App keeps crashing after the update v2.14.1.",
    "The ICD-10 code F32.1 and later J18.9 were on the discharge letter.",
    "I walked 10000 steps a day and earn 25000 a year.",
    "Between 2019-2023 and in 2023/24 the winter was awful.",
    "In the 1990s I was seen at 10.30am on 12/03/2024 and on 14/03/2024 at 18:30.",
    "She was given 5000 IU of vitamin D and 10,000 units of heparin.",
    "FFP3 masks, COVID-19, the M62, the A38 and B12 injections were all mentioned.",
    "Ward 23B, room 40127, bed 12 and the number 142 bus.",
    "Jan 13th 2020 and 1-1-2022 were the worst days.",
    # German: the same, and laws, grades, Hilfsmittel, fee schedules, standards, counting.
    "Die Zuzahlung betrug 10.000 Euro, dann 12.500 € und EUR 1.250,00.",
    "Pflegegrad 3, GdB 80, Merkzeichen G und aG seit 2019, meine Mutter ist 84 Jahre alt.",
    "Nach § 37 Abs. 2 SGB V und § 45b SGB XI sowie § 1906 BGB steht mir das zu.",
    "ICD-10 F32.2, F41.1 und OPS 8-980.10 sowie 8-98f.10 standen im Entlassbrief.",
    "PZN 12345678, Hilfsmittelnummer 10.50.04.0001 und Positionsnummer 18.99.99.0001 stehen auf dem Rezept.",
    "Abgerechnet wurden GOÄ-Ziffer 1, GOZ 2197 und EBM 03230.",
    "Station 4B, Zimmer 312, Bett 2, Buslinie 142, Raum 10217.",
    "Die App-Version 3.2.14 stürzt ab, iOS 17.4.1 ist installiert.",
    "Blutdruck 160/95, Sättigung 88 %, Puls 110.",
    "Zwischen 2019 und 2023, also 2019–2023, Jahrgang 1952, gültig bis 03/2029.",
    "Ich habe 116 117 und 112 angerufen, dann die 116117.",
    "Rund 12000 Menschen warten, über 3 500 000 Versicherte sind betroffen.",
    "Insulin 24 IE, Metformin 1000 mg, Vitamin D 20000 IE.",
    "Die Praxis hat über 24000 Patienten, es waren mehr als 45000 im letzten Jahr.",
    "Die Rechnung über 2.380,40 € vom 01.03. bis 31.03.2024 kam um 14:30 Uhr.",
    "Die Schmerzskala 1 2 3 4 5 6 7 8 9 10 hing an der Wand.",
    "Zertifiziert nach ISO-9001 und DIN EN 14683, Leitlinie AWMF 021-007.",
    "Die Kasse ignoriert das Urteil B 3 P 5/22 R des Bundessozialgerichts.",
    "Ich bin 92 - 5.9.1930 geboren ist falsch, sagt die Tochter.",
])
def test_shapes_that_are_no_one_s_id_are_left_alone(text: str) -> None:
    assert [detail for kind, detail in found_pii(text) if kind == "ID_NUMBER"] == []


@pytest.mark.parametrize(("text", "kind", "detail"), [
    ("Ruf mich an: 0171 4471882, egal wann.", "PHONE", "0171 4471882"),
    ("Call me on 07700 900123 after six.", "PHONE", "07700 900123"),
    ("My daughter in Spain is on 0034 612 345 678.", "PHONE", "0034 612 345 678"),
    ("Meine Tochter erreicht man unter +49 30 12345678.", "PHONE", "+49 30 12345678"),
    ("Wir wohnen in der Lindenstraße 4, 10115 Berlin.", "POSTCODE", "10115"),
    ("We live at 12 Mill Lane, Leeds LS6 2QB.", "POSTCODE", "LS6 2QB"),
])
def test_phones_and_postcodes_keep_their_own_kind(text: str, kind: str, detail: str) -> None:
    found = found_pii(text)
    assert (kind, detail) in found
    assert not any(k == "ID_NUMBER" for k, _ in found)


@pytest.mark.parametrize("text", [
    "Das Pflegetelefon (030 77889900) hat mich beraten, die Zentrale 0221 478-0 nie.",
    "I rang the freephone line on 0808 808 4994 and the 0800 111 0 222 number.",
    "Die Rechnung ging an 80331 München, PLZ 10115, D-20095 Hamburg.",
    # A number without its area code, named by the call: a phone's, not an ID.
    "Please ring them on 960123 before noon, or dial 780022 for the ward.",
    "Ich habe 4471234 angerufen und dann unter 123456 erreicht.",
])
def test_service_lines_and_bare_postcodes_are_no_ids(text: str) -> None:
    assert [detail for kind, detail in found_pii(text) if kind == "ID_NUMBER"] == []
