"""Official number formats and birth-date notations that moderators must see highlighted, and look-alikes they must not."""
import pytest

from tests.nlp.conftest import found_pii


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
    # Labels and their abbreviations, then the shapes case references are written in.
    ("Fall-Nr. 2022/40711 bitte angeben.", "2022/40711"),
    ("Die Fallnummer lautet 5521 0934 12.", "5521 0934 12"),
    ("Aufnahmenummer war 23-0041187, trotzdem falsch erfasst.", "23-0041187"),
    ("Kd.-Nr. 731B220946 steht auf dem Bescheid.", "731B220946"),
    ("KV-Nr. C 554 021 873 auf der Karte.", "C 554 021 873"),
    ("Die Mitgliedsnummer bei der Kasse lautet 220 981 447.", "220 981 447"),
    ("Gz. 51-3 4410/23 im Schreiben vom Amt.", "51-3 4410/23"),
    ("Unter dem Aktenzeichen 3 L 77/24 läuft das Eilverfahren.", "3 L 77/24"),
    ("Betreuungsgericht Az. XVII 119/23, bisher nichts passiert.", "XVII 119/23"),
    ("Az. S 7 SO 212/23 ER beim Sozialgericht", "S 7 SO 212/23 ER"),
    ("Mein Zeichen: II-2024-0815, bitte bei Antwort angeben.", "II-2024-0815"),
    ("Ihr Zeichen 123/45-AB vom Mai", "123/45-AB"),
    ("Vorgang SH/2023/5530 wurde geschlossen.", "SH/2023/5530"),
    ("Kassenzeichen 4.0712.118832.9 steht auf der Mahnung.", "4.0712.118832.9"),
    ("Versicherungsschein-Nr. KV 5501 2290 17 der privaten Kasse", "KV 5501 2290 17"),
    ("Heimbewohner-Nr. WB-0377 auf jeder Rechnung", "WB-0377"),
    ("Matrikelnummer 3308817 an der Uni", "3308817"),
    ("Die Nummer meines Widerspruchs ist W-23-1190-KS.", "W-23-1190-KS"),
    ("Die Sache wird unter der Nummer 77/2024-B geführt.", "77/2024-B"),
    ("Meine Kundennummer beim Jobcenter: 962a118455", "962a118455"),
    ("Die BG 40277//0081134 wurde aufgehoben.", "40277//0081134"),
    ("Kindergeldnummer 215FK004711 laut Familienkasse", "215FK004711"),
    ("Ref.: AOK-PF-2023-88120, Antrag abgelehnt.", "AOK-PF-2023-88120"),
    ("Hospital no: K0047109 on the wristband.", "K0047109"),
    ("hospital number RFH 112 0934 on the letter", "RFH 112 0934"),
    ("My NHS number is 485 777 3456.", "485 777 3456"),
    ("Claim reference: 5512 0093 41, still nothing.", "5512 0093 41"),
    ("Council ref HB/2022/40018 and CTR/2022/40019 say different things.", "CTR/2022/40019"),
    ("Our reference for the social care assessment was ASC/0712/23.", "ASC/0712/23"),
    ("ref: pals 2023 0412 - no reply", "pals 2023 0412"),
    ("The incident number was 25153582.", "25153582"),
    # Labels with a phrase between: "als ...", "im ...", "they sent me", a colon after a clause, a comma, a dash.
    ("Meine Mitgliedsnummer als Ehrenamtliche ist M-5530/11.", "M-5530/11"),
    ("Die Kundennummer im Sanitätshaus war 2022-884.", "2022-884"),
    ("The claim number they sent me was CLM-77-01290.", "CLM-77-01290"),
    ("Die Nummer bei der Wohngeldstelle weiß ich auswendig: 62 / 3318 / 07", "62 / 3318 / 07"),
    ("Our tenancy ref (top right of the letter): (TEN-2023-5518)", "TEN-2023-5518"),
    ("Die Nummer vom Wohnungsamt – 72-WA-44190 – steht auf dem Zettel.", "72-WA-44190"),
    ("I gave them my reference, HMRC/TC/0041-2280, twice.", "HMRC/TC/0041-2280"),
    # Label words and abbreviations: Akte, -code, Ticket-Nr., Auftrag, Bedarfsgemeinschaft, UPN, plural Nummern.
    ("Pflegschaftsakte 7 F 402/22 beim Familiengericht", "7 F 402/22"),
    ("Betreuungsakte 12 XVII B 4471 liegt beim Amtsgericht.", "12 XVII B 4471"),
    ("Der Buchungscode Q7RT-44K1-ZP9M kam per SMS.", "Q7RT-44K1-ZP9M"),
    ("Ticket-Nr. 730118 vom Kundenservice, keine Antwort.", "730118"),
    ("Der Einsatz lief unter dem Auftrag 2210-PD-440192.", "2210-PD-440192"),
    ("Bedarfsgemeinschaft 40311BG0055210 laut Bescheid", "40311BG0055210"),
    ("His UPN is H801200345678 according to the school.", "H801200345678"),
    ("die briefe mit den nummern 51/2207/bb und 51/2208/bb", "51/2208/bb"),
    ("az: 9 xvii 1120/24 steht oben rechts", "9 xvii 1120/24"),
    ("Meine Aufenthaltstitel-Nr. ist K8PW31D55.", "K8PW31D55"),
    ("Bewohner-Nr. HB-204 im Heim", "HB-204"),
    ("Meine Nummer bei der Suppenküche ist 412.", "412"),
    # Named after the code, a German tax number, a reference in a sentence about a letter.
    ("die 5512-2024-0771 ist meine nummer bei der wohngeldstelle", "5512-2024-0771"),
    ("Bitte weitergeben: K 3310 2207 4 (das ist die Nummer meiner Oma).", "K 3310 2207 4"),
    ("Immer 21/815/40317 angeben, sagt das Finanzamt.", "21/815/40317"),
    ("Ich habe die 4471-0815-Z genannt, die im Schreiben vom Amt steht.", "4471-0815-Z"),
    # The same reference again, changed a little or written two ways.
    ("Zeichen 42.1-EGH-3307, seit dem Umzug 42.2-EGH-0091.", "42.2-EGH-0091"),
    ("Ref. 3318/24 at the council, or 3318/24-B since the appeal.", "3318/24-B"),
    ("Hilfeplan-Nr. 2024-05-221 (früher 2022-11-087)", "2022-11-087"),
    ("Our ref: 2023/CSC/MH-0417. I am quoting it again: 2023/CSC/MH-0417.", "2023/CSC/MH-0417"),
    # Short numbers after a label with "Nr.", words between a label and a bracket, spaced dashes, court numbers.
    ("Bew.-Nr. 342, Zimmer 7: das Essen kam kalt.", "342"),
    ("Die Auftragsnummer Labor (LB-2023-770412) fehlte.", "LB-2023-770412"),
    ("Az. 617 – 24/2291 vom Landratsamt", "617 – 24/2291"),
    ("Das Verfahren läuft unter L 4 KR 221/23 beim Landessozialgericht.", "L 4 KR 221/23"),
    ("Prescription number 0031 5562 went missing.", "0031 5562"),
    ("Die Verordnungsnummer 7734 1209 stand darauf.", "7734 1209"),
    # The Kinderzuschlag number, any court's file number, a code in brackets after a label with a verb between.
    ("Der Kinderzuschlag läuft unter 318KZ220417 bei der Familienkasse.", "318KZ220417"),
    ("Im Sorgerechtsverfahren (14 F 233/24) wurde unser Sohn nie angehört.", "14 F 233/24"),
    ("Die Kasse führt mich unter der Kennziffer (KA 77/2-0031845), schreibt aber nie.", "KA 77/2-0031845"),
    # A correction after the label, invoices and debtors, "Akt.-Z.", the office's name between label and code.
    ("Kundennummer: statt 44-812/0071-3 steht dort 44-821/0071-3.", "44-812/0071-3"),
    ("Kundennummer: statt 44-812/0071-3 steht dort 44-821/0071-3.", "44-821/0071-3"),
    ("Auf der Rechnung 2023-1187 fehlt die Pauschale.", "2023-1187"),
    ("Debitor 2277104 laut Mahnung, obwohl alles bezahlt ist.", "2277104"),
    ("Invoice INV-55120 was sent to us twice.", "INV-55120"),
    ("Akt.-Z. 41-22/EGH-1174 vom Landratsamt, keine Antwort.", "41-22/EGH-1174"),
    ("Aktenzeichen DRV Bund 12 33 40871 5, seit Monaten offen.", "12 33 40871 5"),
    # Capitals, a dash and four digits or more; a number on a tube's label or an application.
    ("Die Kita-Vormerkung (KV-BER-1183) ist verschwunden.", "KV-BER-1183"),
    ("Auf dem Etikett der Probe: 5521 3390 7, auf dem Schein eine andere.", "5521 3390 7"),
    ("Der Antrag liegt beim Landesamt unter 5521180-117 seit einem Jahr.", "5521180-117"),
    # Written again with a space, or after "as"; a NI number in brackets; a number dictated in words.
    ("Ausweisnummer LX4K77P21, auf dem Formular aber LX4K 77P21.", "LX4K 77P21"),
    ("The clinic gave her patient number as KW5518230 but the letter said KW5518203.", "KW5518203"),
    ("They wrote my claim number as 77120934 on the form.", "77120934"),
    ("Case reference like 2231-88 was used.", "2231-88"),
    ("I typed my NI number (AB 12 34 56 C) into the form again.", "AB 12 34 56 C"),
    ("Die Sachbearbeiterin hat mir die Nummer vorgelesen: drei acht eins null sechs sechs zwei.",
     "drei acht eins null sechs sechs zwei"),
    ("She read my reference out: five two nine nine zero one four.", "five two nine nine zero one four"),
])
def test_official_numbers_are_id_numbers(text: str, detail: str) -> None:
    assert ("ID_NUMBER", detail) in found_pii(text)


@pytest.mark.parametrize(("text", "detail"), [
    ("Mutter (*12.03.1938) lebt im Heim.", "12.03.1938"),
    ("Dad (b. 12/03/1946) fell twice on the ward.", "12/03/1946"),
    ("Mein Vater, Jahrgang 1940, ist am 4. Juli 1940 geboren.", "4. Juli 1940"),
    ("Die Kasse hatte das Geburtsdatum meiner Frau, 14.02.1949, eingetragen.", "14.02.1949"),
    ("They used the date of birth of my wife: 02/09/1950.", "02/09/1950"),
    ("Geburtsdatum: 1948-03-27 steht im Formular.", "1948-03-27"),
    ("Geb.-Dat. 14/02/1939, Zimmer 3", "14/02/1939"),
    ("Gebdat. 02.12.1950 auf dem Etikett", "02.12.1950"),
    ("Auf dem Zettel: geb 11 04 1962, falsche Station", "11 04 1962"),
    ("Geburtsdatum: 7. Dez. 1955, so steht es im Vertrag.", "7. Dez. 1955"),
    ("Ihr Geburtsdatum ist der 03.07.1929.", "03.07.1929"),
    ("Im Portal steht Geburtsdatum 19571103.", "19571103"),
    ("Geburtsdatum (TT.MM.JJJJ): 09.04.1985 im Antrag", "09.04.1985"),
    ("Unser Sohn kam am 12.01.2021 im Kreißsaal zur Welt.", "12.01.2021"),
    ("Geboren wurde er am 9. Mai 1944 in Kiel.", "9. Mai 1944"),
    ("DOB 04/05/1939 was on the wristband.", "04/05/1939"),
    ("d.o.b. 4.5.39 on the form", "4.5.39"),
    ("Dad was born 3rd March 1941 and they wrote 1914.", "3rd March 1941"),
    ("She was born on the 21st of June 1932 in Leeds.", "21st of June 1932"),
    ("Ihr Geburtsdatum (14.11.1944) stand falsch im System.", "14.11.1944"),
    ("Our baby arrived on 3 March 2023 after a long labour.", "3 March 2023"),
])
def test_birth_dates_in_short_notations(text: str, detail: str) -> None:
    found = found_pii(text)
    assert ("DATE_OF_BIRTH", detail) in found
    assert not any(kind == "PERSON" for kind, _ in found)  # "Jahrgang" is no name


@pytest.mark.parametrize(("text", "dates"), [
    # The same date of birth written again with day and month swapped is one too; an admission date is not.
    ("Richtig ist *05.08.2010, nicht 08.05.2010.", ["05.08.2010", "08.05.2010"]),
    ("Mutter, geb. 03.03.1941, aufgenommen am 12.03.2024, entlassen am 20.03.2024.", ["03.03.1941"]),
    ("Date of birth 02/09/1950, admitted 14/03/2024.", ["02/09/1950"]),
    # Its digits mistyped in another order, or month first after an ISO date; a grown-up's arrival is none.
    ("Geb. 30.04.1948 steht im Pass, im Bescheid 03.04.1948.", ["30.04.1948", "03.04.1948"]),
    ("Geburtsdatum: 1961-07-25, gespeichert als 07.25.1961.", ["1961-07-25", "07.25.1961"]),
    ("We arrived on 3 March 2023 and waited six hours.", []),
    # A year alone or a birthday without one is no date of birth.
    ("Mein Vater, Jahrgang 1938, (*1938) lebt im Heim, geboren 1938, Geburtsjahr 1938.", []),
    ("Am 3. Mai hat mein Opa Geburtstag, und keiner hat daran gedacht.", []),
    ("Her birthday is on 14 July and my dad was born in 1939.", []),
])
def test_dates_of_birth_and_dates_that_are_none(text: str, dates: list[str]) -> None:
    found = found_pii(text)
    assert [detail for kind, detail in found if kind == "DATE_OF_BIRTH"] == dates
    assert not any(kind == "PERSON" for kind, _ in found)  # "Geburtstag" is no name


@pytest.mark.parametrize("text", [
    "Appointment on 12.03.2024 at 10:30 on Station 4B, Zimmer 12.",
    "I waited 45 minutes in A&E on 3 March 2024 and paid £12.50 for parking.",
    "Ward 12 AB and bay 4 were clean, and the 2 mg dose was given at 08:00.",
    "I was sent to a hospital 22mile from home and the account was settled in 2 weeks.",
    # Grades, rooms, doses, prices, times, years, codes of illnesses and medicines, laws and service numbers.
    "Pflegegrad 3 seit 2021, GdB 50, Station 4B, Zimmer 12, Bett 2.",
    "Die Zimmernummer 2140 stimmt nicht, die Hausnummer 1187 auch nicht.",
    "Ibuprofen 400 mg, Zuzahlung 12,50 Euro, Termin um 10:30 am 14.03.2024.",
    "ICD F33.1 und PZN 01126111 stehen auf dem Rezept.",
    "§ 37 SGB XI gilt, der Bereitschaftsdienst unter 116 117 rief zurück.",
    "Die Beschwerde von 2023 wurde nie beantwortet, der Fall 2024 auch nicht.",
    "Ruf doch unter der Nummer 116117 an, sagte die Praxis.",
    "Room number 2140 had no call bell and bus number 1187 never came.",
    "The booking line opens at 0800 and the case took 1200 minutes of my life.",
    # Numbers of institutions, freephone helplines, codes of doors, procedures and guidelines, short numbers.
    "Auf der Rechnung stand die IK-Nummer 260123456 der Klinik und die Betriebsnummer 12345678.",
    "Nachts habe ich die Telefonseelsorge unter 0800 111 0 222 angerufen.",
    "I rang the freephone line on 0808 808 4994 and later +49 800 1110111.",
    "Der Türcode 4471 und der OPS-Code 5-820.00 standen im Befund.",
    "Im Schreiben stand die S3-Leitlinie 053-001 und AWMF 021-007.",
    "Die Patientin 205 und der Fall von 2023 wurden besprochen.",
    "Formulare R0100, ESA50 und UC50; Charge FK4471, Linie 412.",
    "Die Praxis (BSNR 731234500, LANR 223456601) hat überwiesen.",
    "Die Hilfsmittelnummer 10.46.04.1003 stand auf der Verordnung.",
    "Leistungsnummer für den Zeitraum 01.04.–30.04.2024 fehlt.",
    "Ich habe beim Patientenservice 116 117 angerufen.",
    "Die Kasse ignoriert das Urteil B 1 KR 7/21 R des Bundessozialgerichts.",
    # Amounts, spans of dates, counts and dates in letters; serial numbers, standards, drug codes, a ward's name.
    "Die Kasse zahlt 1.612 € von 2.380,40 € laut Rechnung.",
    "Die Rechnung für 01.02.2024-29.02.2024 stimmt nicht.",
    "Laut Brief sind 2 400 000 Versicherte betroffen.",
    "Der Antrag vom 2024-02-19 wurde abgelehnt.",
    "Die Seriennummer RL-5520-B steht am Rollator.",
    "Zertifiziert nach ISO-9001 und DIN-1946.",
    "Auf dem Rezept (PZN 08812345) stand die falsche Packung.",
    "Station 3 C 14/25 ist voll.",
    "The physio counted one two three four five six with me.",
    # A service's line and the address of a hospital or an office.
    "Das Pflegetelefon (030 77889900) hat mich beraten.",
    "Klinikum Süd, Gartenweg 3, 12345 Berlin, hat gute Ärzte.",
    "Das Jugendamt Mitte, Lindenallee 4, 10115 Berlin, meldet sich nie.",
])
def test_appointments_wards_and_doses_are_not_personal_details(text: str) -> None:
    assert found_pii(text) == []


@pytest.mark.parametrize(("text", "names"), [
    ("Mr O'Sullivan and Dr McAllister did the ward round.", ["O'Sullivan", "McAllister"]),
    ("Grace's carer was late again.", ["Grace"]),
    ("Ich danke Igor. Igors Geduld ist unglaublich.", ["Igor", "Igor"]),
    ("Rhiannon and Zuzanna were on the night shift.", ["Rhiannon", "Zuzanna"]),
    ("Familie Wiśniewski bedankt sich beim Hospiz.", ["Wiśniewski"]),
    ("frau von Bredow vom Sozialdienst hat geholfen", ["von Bredow"]),
    ("die sachbearbeiterin hieß laut telefon frau nowak, laut brief frau novak", ["nowak", "novak"]),
    ("schwester gül und pfleger ahmet sind die besten", ["gül", "ahmet"]),
    ("mehmets mutter liegt seit montag auf der intensiv", ["mehmet"]),
    ("Die Hausärztin, Frau Dr. Szymańska, hat sofort reagiert.", ["Szymańska"]),
    ("unsere Pflegetochter Noa hat dort gewohnt", ["Noa"]),
    ("Anmeldung für Konstantin und Lotta", ["Konstantin", "Lotta"]),
    ("mein betreuer herr şahin hat die nummer 51-V-2291 notiert", ["şahin"]),
    ("Geburtsdatum: 02.12.1950, Name: Gisela Brandt", ["Gisela Brandt"]),
    ("Alle sagen Nowack, obwohl sie Nowak heißt.", ["Nowak"]),
    ("My keyworker Joe at the unit listens.", ["Joe"]),
    ("Oma Hilde und Opa Erwin warten seit Stunden.", ["Hilde", "Erwin"]),
    # Named right before the date of birth, as on a form or a wristband, less the role before it.
    ("Auf dem Bändchen stand Wiśniewska, Halina, geb. 02.05.1939.", ["Wiśniewska, Halina"]),
    ("Resident Aurelio Fanti (DOB 02/03/1937) was moved without asking.", ["Aurelio Fanti"]),
    # In-laws, the writer's own name, a name spelled two ways after "name ...:", a surname again.
    ("My father-in-law Bartholomew Quaye waited all night.", ["Bartholomew Quaye"]),
    ("Ich heiße Daryna Lysenko und warte seit Monaten.", ["Daryna Lysenko"]),
    ("Mein Name ist Tobiasz Kremer, ich bin Pflegevater.", ["Tobiasz Kremer"]),
    ("The letter had my name wrong: Jonatan Mbeki, not Jonathan Mbeki.", ["Jonatan Mbeki", "Jonathan Mbeki"]),
    ("Herr Olszewski kam zu spät. Olszewski entschuldigte sich nie.", ["Olszewski", "Olszewski"]),
    ("Name: Harold Court, Zimmer 4", ["Harold"]),
])
def test_names_possessives_particles_and_lower_case_titles(text: str, names: list[str]) -> None:
    assert [detail for kind, detail in found_pii(text) if kind == "PERSON"] == names


@pytest.mark.parametrize("text", [
    "The young man at St Matthews was very kind.",
    "I asked the dr. However, nobody came back.",
    "I will miss coming here and I miss playing on the Xbox.",
    "die frau hat gesagt, der herr am empfang war unfreundlich",
    "meine schwester hat mich abgeholt, der pfleger kam spät",
    "Die Schwester war sehr nett und der Pfleger auch.",
    "Die Versicherte, geb. 12.03.1950, wurde verlegt.",
    "Meine Mutter, geb. 12.03.1950, wurde verlegt.",
])
def test_saints_sentence_starts_and_lower_case_nouns_are_no_names(text: str) -> None:
    assert [detail for kind, detail in found_pii(text) if kind == "PERSON"] == []


@pytest.mark.parametrize(("text", "address"), [
    ("Bitte schreiben Sie mir, ich wohne jetzt Am Steinbruch 4.", "Am Steinbruch 4"),
    ("Neue Anschrift: Im Winkel 12a, bitte notieren.", "Im Winkel 12a"),
    ("Wir wohnen Am Alten Hafen 12, 20457 Hamburg.", "Am Alten Hafen 12"),
    ("Die Post bitte an Kieler Straße 9 schicken.", "Kieler Straße 9"),
])
def test_streets_without_a_street_word_after_wohnen(text: str, address: str) -> None:
    assert ("ADDRESS", address) in found_pii(text)


@pytest.mark.parametrize("text", [
    "Ich wohne im 3. Stock und der Aufzug geht nicht.",
    "Wir wohnen am Rand 2 Kilometer vom Heim entfernt.",
])
def test_floors_and_distances_after_wohnen_are_no_address(text: str) -> None:
    assert found_pii(text) == []


@pytest.mark.parametrize(("text", "detail"), [
    # Codes of capitals and dashed digit groups, a middle dot between groups, a customer number typed in groups.
    ("Die Krankenkasse hat meine Unterlagen unter KK-31-448207 abgelegt.", "KK-31-448207"),
    ("The council logged it as HB-19-220814 and never rang back.", "HB-19-220814"),
    ("Meine Kundennummer 417 · 83 · 209 · 556 steht oben rechts.", "417 · 83 · 209 · 556"),
    ("Die BA-Nummer hatte ich parat, meine ist 418K 552 907.", "418K 552 907"),
    # A case kept under a code, named by the verb after it; a code in quotation marks or a barcode's asterisks.
    ("Beim Versorgungsamt wird mein Widerspruch unter RB 40-1182/24 geführt.", "RB 40-1182/24"),
    ("Auf dem Bogen stand „ZB 447 118 302“, das ist nicht meine Nummer.", "ZB 447 118 302"),
    ("Auf dem Aufkleber am Röhrchen stand *5520918734*.", "5520918734"),
    # Label words: a sample, a lab number, a staff number, "laut ...", an "Akte mit", "-aktenzeichen".
    ("Probe HB23-0448-11902 wurde im Labor verwechselt.", "HB23-0448-11902"),
    ("They wrote Lab No 19K447812 on the bottle.", "19K447812"),
    ("Pers.-Nr. 0072 4418 steht auf dem Ausweis.", "0072 4418"),
    ("Die Pat.-Nr. laut Armband 0033418827 passte nicht.", "0033418827"),
    ("Das Amt führt eine Akte mit 62-JH-2022/0917 über uns.", "62-JH-2022/0917"),
    ("Mein Unfallaktenzeichen 2022/318/0441-7 kennt dort keiner.", "2022/318/0441-7"),
    # A spaced prefix of capitals with a small letter between ("EG-HzP", "KiB") is the code's.
    ("Aktenzeichen EG-HzP 208/23, bitte angeben.", "EG-HzP 208/23"),
    ("Die Karte hat die Nummer KiB 0049 2261 3 und geht nicht.", "KiB 0049 2261 3"),
])
def test_ids_kept_under_quoted_dotted_and_grouped(text: str, detail: str) -> None:
    assert ("ID_NUMBER", detail) in found_pii(text)


@pytest.mark.parametrize("text", [
    "Die Praxis hat die Kennziffer 01100 abgerechnet.",
    "The practice code Y05521 was printed at the top.",
    "Die Positionsnummer 18.50.02.1 des Rollators stimmt nicht.",
    "Im Urteil des LSG Bayern vom 2. Mai 2019 (L 7 AS 221/18) steht das anders.",
    "Unter 2000 Euro bekommt man hier nichts geführt.",
    "Wir waren „nur 12345 Schritte“ vom Ziel entfernt.",
])
def test_billed_catalogue_and_cited_numbers_are_no_ids(text: str) -> None:
    assert [kind for kind, _ in found_pii(text) if kind == "ID_NUMBER"] == []


def test_a_quoted_phone_number_stays_a_phone() -> None:
    assert found_pii("Sie sagte „0171 4471 882“ sei ihre Handynummer.") == [("PHONE", "0171 4471 882")]


@pytest.mark.parametrize(("text", "dates"), [
    # In a text about a date of birth, other dates of an earlier year are one too: wrong, corrected or read back.
    ("Das Geburtsdatum im System lautet 14.09.1952, richtig wäre 14.09.1925.", ["14.09.1952", "14.09.1925"]),
    ("Sie haben mein Geburtsdatum falsch, jetzt steht da 3. Feb. 61.", ["3. Feb. 61"]),
    ("They asked my date of birth at the desk and I said 4th June '49 out loud.", ["4th June '49"]),
    ("My date of birth as printed was 02/02/1980, the real one is 20/02/1980.", ["02/02/1980", "20/02/1980"]),
    ("Kurz: geb. 09.Okt.1947, sonst nichts.", ["09.Okt.1947"]),
    ("Ich bin 03.11.1987 geboren und warte seit Monaten.", ["03.11.1987"]),
    # Letters, stays and appointments in such texts, and this decade's dates, are none.
    ("Das Geburtsdatum stimmt, aber der Bescheid vom 12.03.2009 kam am 14.05.2024 an.", []),
    ("My date of birth was right, but the letter dated 03/04/2011 came late.", []),
    ("Geburtsdatum falsch, Termin war am 02.02.24 um neun.", []),
    # A date right after a name or a kin word, as on labels and lists; a recent date after a name is none.
    ("Auf dem Etikett: Kowalski, Anna – 17.02.1939 – Zimmer 4.", ["17.02.1939"]),
    ("Meine Oma (2. Juni 1934) wartet seit Wochen.", ["2. Juni 1934"]),
    ("my nan (12/05/1932) waited all night", ["12/05/1932"]),
    ("Frau Weber, 12.03.2024, kam wieder zu spät.", []),
])
def test_dates_of_birth_in_a_text_about_one_or_after_a_name(text: str, dates: list[str]) -> None:
    assert [detail for kind, detail in found_pii(text) if kind == "DATE_OF_BIRTH"] == dates
