"""ID numbers in English and German: official formats wherever they appear, and any ID-shaped code after a label.

An ID number is found in three ways:

- by its format, which identifies it on its own: the German health-insurance number (KVNR, a letter and nine
  digits, also typed in groups), the pension-insurance number ("12 150780 M 123"), the UK National Insurance
  number, the Jobcenter customer number ("123D456789"), the BG number ("12345//1234567") and the child-benefit
  number ("123FK456789");
- by its label: a case or file reference, in the shapes such references are written in (digits and capitals
  joined by dashes, slashes and dots, or in spaced groups: "2023/118742", "S 12 AS 345/21", "VG-2024-08815",
  "3.1-524 017/23", "RGT 004 8812"), right after a label word ("Fallnummer", "Pat.-Nr.", "Az.", "Ref.",
  "hospital number", "claim reference", any "...nummer" or "...-Nr." that is no room, bed or phone number),
  perhaps with a short phrase between ("Aktenzeichen beim Jugendamt", "Zeichen Ihres Schreibens:");
- by the words around it otherwise: named after ("... ist meine Nummer beim Sozialamt"), in a sentence about a
  letter ("die auf dem Bescheid steht"), kept under it ("unter VA 11-2204/23 geführt"), between quotation marks or
  a barcode's asterisks ("*0447120887*"), listed after a found one ("ref A/1 and B/2") or written again like one.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .anchored import finditer_at

# Official formats: an ID wherever they appear.
_FORMATS = re.compile(
    r"\b[A-Z][\s-]?\d{3}[\s-]?\d{3}[\s-]?\d{3}\b"  # KVNR "A123456789", "A 123 456 789"
    r"|\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"  # UK NINO "QQ 12 34 56 C"
    r"|\b\d{2}\s?[0-3]\d[01]\d{3}\s?[A-Z]\s?\d{3}\b"  # German pension insurance "12 150780 M 123"
    r"|\b\d{3}(?:[A-Za-z]|FK|KZ)\d{6}\b"  # Jobcenter customer "123D456789", child benefit "123FK456789", "123KZ456789"
    r"|\b\d{3}\s?(?:[A-Z]|FK|KZ)\s?\d{3}\s\d{3}\b"  # the same typed in groups: "711D 228 904"
    r"|\b\d{5}//\d{7}\b"  # BG number (Bedarfsgemeinschaft) "12345//1234567"
    r"|\b[A-Z]{2}\d\d(?: ?[\dA-Z]{4}){3,7}(?: ?[\dA-Z]{1,3})?\b"  # a person's IBAN "DE27 1005 0000 0190 2337 61"
    # A social court's file number "S 12 P 34/24", "L 5 KR 12/20 B ER" (not the federal court's published "B 3 P 5/22 R").
    r"|\b[SL] \d{1,3} [A-Z]{1,3} \d{1,5}/\d{2}(?: [A-Z]{1,2})*\b")
# Where a `_FORMATS` match can begin, for `finditer_at`: a capital or digit starting a word, a digit at most three
# characters on (each format has one there), so the words of a sentence are not tried one by one.
_FORMAT_START = re.compile(r"[A-Z\d](?<!\w.)(?=[A-Z\s-]{0,2}\d)")
# Searched only in texts with a slash: the German tax number (Steuernummer) "12/345/67890", the BG number, and any
# other court's file number: chamber, register, number/year ("23 F 412/23", "9 XVII 1120/24").
_SLASHED = re.compile(r"\b(?<![/.])\d{2,3}/\d{3}/\d{4,5}(?![\d/])|\b\d{5}//\d{7}\b"
                      r"|(?P<court>\b\d{1,3} (?:[A-Z]{1,3}|[IVX]{2,5}) \d{1,5}/\d{2}\b)")
_NUMBER_START = re.compile(r"\d(?<!\w\d)")  # where a `_SLASHED` can begin, for `finditer_at`
# "B 3 P 5/22 R": a published decision, cited, no one's own; "Station 4 B 12/24": a ward's name and a date.
_COURT_NOT_AFTER = re.compile(r"(?:\b[A-Z]|[Ss]tation|[Zz]immer|[Rr]aum|[Ww]ard|[Rr]oom|[Bb]ett|[Bb]ed) $")

# A code that starts with a digit: digit groups and capitals joined by dashes, slashes and dots, or spaced
# groups of digits with capitals between ("12 AS 345/21") and a court's suffix or a check letter after
# ("1180/24 ER", "QQ 12 34 56 C").
_SHAPE = re.compile(
    r"\d[\dA-Za-z]*"
    # (not on across a spaced slash into a word: "MRN: M0045321 / DOB 02.07.1961" as copied from a form)
    r"(?:(?://|[-/.]| / (?![A-Za-zÄÖÜäöüß]{3,}(?![\dA-Za-z]))| [–-] (?=\d)| · )[\dA-Za-z]+"
    r"|\s\d[\dA-Za-z]*"
    r"|\s(?:[A-Z]{1,4}|[ivxl]{1,5})(?=(?:\s[A-Z]{1,4})*\s\d)"
    r"|\s[A-Z]{2}(?![\w-])(?!\.\w)|\s[A-Z](?![\w-])(?!\.\w)(?!\s+[a-zäöüß]))*")
# Letters before it belong to the code: glued ("RXH1234567", "KK-HM-2024-55102", "EGH/2024/1187") ...
_GLUED_PREFIX = re.compile(r"(?<![\w./-])(?:[A-Za-z]{1,6}(?://|[-/.]))*[A-Za-z]{0,6}$")
# ... or one spaced group of capitals ("Az. XVII 482/22", "hospital number RGT 004 8812"), or a short
# lower-case one in informal texts ("ref: cmp 2024 0183"), tried when the label does not end right before.
_CAPITALS = r"[A-Z](?:[a-z]?[A-Z]){0,4}"  # "AS", "VN", and with a small letter between: "BuT", "HzP"
_SPACED_PREFIX = re.compile(rf"(?<![^\s(\['\"„“])(?:{_CAPITALS}(?:-{_CAPITALS})*|[a-z]{{2,4}})\s$")
_OFFICE = re.compile(r"(?<!\S)(?:[A-ZÄÖÜ][\wäöüß-]*\s+){1,2}$")
_NOT_PREFIXES = frozenset("""
is ist war was are the der die das des dem den ein eine and und or oder am im um ab bis vom von bei beim mit
for of at on in to from my our mein meine noch nur auch nie not nicht sind hat has had no nr ref as als wie like
said says sagt sagte steht stand shows zeigt
PZN IK BSNR LANR ICD OPS GOZ EBM DRG URN ODS
""".split())

# Label words, case-blind, each the start of a word ("Fallnummer", "Pat.-Nr.", "Patienten-ID", "Az.", "ref").
_STEMS = (
    # English
    "case", "ref", "reference", "complaint", "hospital", "patient", "mrn", "claim", "unit", "account", "passport",
    "licence", "crime", "pip", "uc", "home office", "council tax", "member", "customer", "client", "policy",
    "hosp", "pals", "chi", "ni no", "ni number", "national insurance", "nhs no", "nhs num", "nhs nr", "tenancy", "nino",
    "h&c", "record", "file", "incident", "referral", "ubrn", "utr", "crn", "datix", "student", "employee",
    "payroll", "application", "upn", "prescription", "invoice", "inv", "debtor",
    # German
    "fall", "akten", "az", "gz", "geschäftszeichen", "zeichen", "referenz", "patienten", "pat", "pid", "id",
    "versicherten", "versicherungs", "vers", "kranken", "kasse", "kv", "egk", "kunden", "kd", "vorgang", "registrier", "vormundschaft", "aufenthalts",
    "mitglieds", "mitgl", "ausweis", "personalausweis", "reisepass", "pass", "auftrag", "bearbeitungs",
    "rechnung", "rg", "debitor", "vertrags", "akt.-z", "akt.z", "bescheid", "antrag", "leistungs", "betreuungs", "befund", "bewohner", "aufnahme", "steuer",
    "pflegekassen", "beihilfe", "renten", "sozialversicherungs", "personal", "karten", "bedarfsgemeinschaft",
    "bg", "rezept", "matrikel", "gutachten", "beschwerde", "schwerbehinderten", "kindergeld", "kennziffer",
    "ident", "verfahrens", "buchungs", "schüler", "personen", "tgb", "verordnungs", "bew.", "kennung",
    "pers.-nr", "pers.nr", "pers-nr", "probe", "proben", "labor", "lab no", "lab nr", "lab num", "lab ref", "lab id", "sample", "specimen",
)
_STEM = "|".join(re.escape(s) for s in sorted(_STEMS, key=len, reverse=True))
# The label, then perhaps a short phrase ("beim Jugendamt", "bei der Kasse", "Ihres Schreibens", "for the
# safeguarding referral", "they gave me", "hab ich im Kopf:") and a verb, colon, comma or dash, right before the
# code. Searched backwards from the code's start on folded text: `$` is the code's start.
_LABEL = re.compile(
    rf"(?:\b(?P<stem>{_STEM})(?!ion)[\w.-]*|\b(?P<generic>[\w-]*(?:nummern?|nrn?\.?|code|akten?)|numbers?|no\.))"
    r"(?:\s*(?:no\.?|nr\.?|number|num|nummer|zeichen|id|ref\.?|reference|#))?"
    r"(?:\s+(?:bei|beim|vom|von|des|der|meines|meiner|ihres|ihrer|seines|im|in|am|auf|als|unter|für|laut|according to"
    r"|for|of|at|with|from|on|as)(?:\s+(?:the|der|die|dem|den|des))?(?:\s+[\w-]+){1,3}"
    r"|(?:\s+[\w'’-]+){1,4},?\s+(?:is|was|ist|war|lautet|lautete)\b"
    r"|(?:(?!nummer|number|nr\b)[^.!?:\d\n]){1,60}:|(?:\s+[\w-]+){1,2}(?=\s*\())?"
    r"(?:\s*(?::|#|\(|,|–|-|['‘\"“„]|\bis\b|\bist\b|\bwas\b|\bwar\b|\blautet\b|\blautete\b|\bheißt\b"
    r"|\b(?:an)?statt\b|\binstead of\b|\bnämlich\b|\bnamely\b|\bas\b|\bals\b|\blike\b|\bwie\b|\bmit\b|\bwith\b|\bunter\b))*\s*$")
# Numbers of rooms, beds, phones, buses and medicines, of institutions (IK-Nummer, Betriebsnummer) and door or
# postcodes, not of people ("Zimmernummer", "room number", "PZN").
_NOT_LABELS = re.compile(
    r"(?:zimmer|haus|telefon|\btel\.?|handy|mobil|fax|ruf|hotline|service|bett|station|raum|etage|ebene|linie"
    r"|\bbus|warte|platz|seite|version|chargen|artikel|pharmazentral|serien|bestell|tisch|gleis|\blos|durchwahl"
    r"|kontakt|\bik|betriebs|institutions|post|zip|tür|door|zugangs|access|icd|ops|qr|hilfsmittel|\bbs(?=nr)|\bla(?=nr)"
    r"|room|\bbed|ward|\bbay|phone|mobile|contact|caller|queue|page|seat|flat|house|route|serial|batch|position|practice"
    r"|snomed|loinc|park\s?ticket|parking ticket|order|bestellung|company|charity|\bhrb|\bvat|ust)"
    r"(?:s|n)?[\s-]*(?:nummern?|nr\.?|numbers?|no\.|code)$")
# A code named after it ("4711-2023-0815 ist meine Nummer beim Sozialamt", "(das ist die Nummer von Papa)").
_LABEL_AFTER = re.compile(
    r"\s*[(,–-]?\s*(?:(?:das|dies|that|this|it|which)\s+)?(?:ist|is|war|was)\s+(?:meine?|seine?|ihre?|unsere?|die"
    r"|das|my|his|her|our|the)\s+(?:[\w-]+\s+)?(?P<label>[\w-]*(?:nummer|nr\.?)|number|ref|reference|aktenzeichen)\b")
# "die 0815-4711-X durchgegeben, die auf dem Bescheid steht": a reference in a sentence about a letter.
# The same for the other papers a number is copied from: an application, an invoice, a wristband, a tube's label.
_DOCUMENT = re.compile(r"bescheid|schreiben|brief\b|briefe|letter|antrag|application|formular|rechnung|invoice"
                       r"|armband|wristband|barcode|aufkleber|etikett|label")
_PLAIN_REFERENCE = re.compile(r"[\dA-Z]+(?:[-/. ][\dA-Z]+)+")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .]\d{3})+")  # "3 500 000 Menschen": a count, not a reference
# A code of capitals, a dash and four digits or more ("SA-UKR-0772", "KD-7730", "A-55120974") is someone's reference
# wherever it stands, unless a standard's ("DIN-5008"), a German postcode ("D-20095") or a serial number with a
# suffix ("PB-4471-X").
_LETTERED = re.compile(r"(?!(?:DIN|ISO|EN|IEC|ICD|OPS|COVID|SARS|FFP|USB)-|D-\d{5}$)[A-Z]{1,4}(?:-[A-Z]{1,4})*-(?:\d{4,}|\d{2,3}[-/]\d{4,})(?:-\d+)*")
# A number read out digit by digit and written down in words ("vier sieben eins null null acht"), not a phone's.
_DIGIT_WORD = "null|eins|zwei|zwo|drei|vier|fünf|sechs|sieben|acht|neun|zero|oh|one|two|three|four|five|six|seven|eight|nine"
_DICTATED = re.compile(rf"\b(?:{_DIGIT_WORD})(?:[\s,-]+(?:{_DIGIT_WORD})){{5,}}\b")
_PHONE_WORD = re.compile(r"telefon|handy|phone|mobil|\bruf|\bcall")
_COUNTING = ("eins zwei drei vier fünf sechs sieben acht neun", "one two three four five six seven eight nine")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_NUMBER_WORD = re.compile(r"nummer|number|nr")
# "Meine Nummer bei der Tafel ist 338": a short number that is someone's own.
_OWN = re.compile(r"\b(?:meine?|seine?|ihre?|unsere?|my|his|her|our)\s+$")
# Two codes in a row share the first one's label ("ref HB/2023/117784 and CTS/2023/117785").
_SAME_LABEL = re.compile(r"\s*(?:,|;|&|and|und|or|oder|sowie|bzw\.)\s*$")
# Years, dates ("12.05.", "2024-03-12", "01.03.2024-31.03.2024") and times ("10.30", "9.00-12.00").
_YEAR_OR_DATE = re.compile(r"(?:19|20)\d\d|\d{1,2}([./])\d{1,2}\1(?:\d{2}|\d{4})?|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])"
                           r"|(?:19|20)\d\d-[01]\d-[0-3]\d|[012]?\d[.:][0-5]\d(?:\s?[-–]\s?[012]?\d[.:][0-5]\d)?"
                           r"|\d{1,2}[./]\d{1,2}[./](?:\d{2}|\d{4})?\s?[-–]\s?\d{1,2}[./]\d{1,2}[./](?:\d{2}|\d{4})?")
# "unter X geführt", "filed under X": a code a person's case is kept under, named by the verb after it.
_UNDER = re.compile(r"\b(?:unter|under)\s+$")
_KEPT_AFTER = re.compile(r"\W{0,2}\s*(?:[\w-]+\s+){0,2}(?:geführt|abgelegt|gemeldet|erfasst|registriert|gespeichert|angelegt"
                         r"|eingetragen|laufen|läuft|lief|filed|registered|logged|recorded|held|kept)\b")
# A code between quotation marks ("„VN 118 447 209“") or asterisks, as a barcode prints it ("*0447120887*").
_OPENING = re.compile(r"[„“\"'‘*]$")
_CLOSING = re.compile(r"[“”\"'’*]")
# "im Beschluss des LSG ... vom 3. März 2021 (L 4 KR 117/19)": a court's decision cited, no one's own case.
_CITED = re.compile(r"(?:beschluss|urteil|entscheidung|ruling|judgment|judgement)\s+(?:des|der|vom|of)\b(?:[^.!?]|(?<=\d)\.)*$", re.IGNORECASE)
_BILLED = re.compile(r"\s+(?:abgerechnet|berechnet|billed|charged)\b")
# Europe's public service numbers ("116 117", "116 123"), no one's own.
_PUBLIC_NUMBER = re.compile(r"116\s?\d{3}")
# Amounts, doses and spans of time after it; a decimal comma makes it an amount too ("2.140,55").
_UNIT_AFTER = re.compile(r",\d|\s?(?:€|£|%|(?:euro|eur|mg|ml|km|kg|miles?|mins?|minutes?|minuten|hours?|hrs?|stunden|tage"
                         r"|days?|weeks?|wochen|monate|months?|jahre|years?)\b)", re.IGNORECASE)
# "Gartenstraße 5, 10115 Berlin": five digits after a house number are a postcode.
_HOUSE_NUMBER_BEFORE = re.compile(r"\s\d{1,4}\s?[a-z]?,?\s+$")
_PHONE_SHAPE = re.compile(r"(?:\+|00|0)\d[\d\s/().-]{6,16}")
_SKELETON = str.maketrans("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                          "9" * 10 + "a" * 52)


# A code with no label is someone's ID by default (new writers bring new labels): five digits or more, or three
# with capitals among or before them ("RXH1234567", "PB 7731", "527d004419"), unless its shape or the words around it
# make it no one's. Shapes that are none: an ICD or OPS code, a version, a span of years, a month and year, a blood
# pressure or a score ("140/90", "95/100"), a date in digits, a count or amount in thousands ("12.500", "3 500 000"),
# a UK postcode or "D-10115", a federal court's published decision ("B 3 P 5/22 R").
_ICD_OR_OPS = re.compile(r"[A-Z]\d\d(?:\.\d{1,2})?[A-Z!*+]?|\d-\d{2,3}[a-z]?(?:\.[\dA-Za-z]{1,2})?")
_NOT_CODE_SHAPE = re.compile(
    r"[vV]\d+(?:\.\d+)+|(?:19|20)\d\d\s?[-–/]\s?(?:19|20)?\d\d|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d"
    r"|(?:[5-9]\d|1\d\d|2[0-4]\d)/(?:[3-9]\d|1[0-4]\d)|\d{1,3}/(?:10|100)|\d{1,2}/\d{1,2}"
    r"|(?:19|20)\d\d[01]\d[0-3]\d|[0-3]\d[01]\d(?:19|20)\d\d|[0-3]?\d\s[01]?\d\s(?:19|20)\d\d"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|D-\d{5}|B \d{1,2} [A-Z]{1,3} \d{1,5}/\d\d")
# A standard's, an illness's, a medicine's or an institution's code named by its letters ("ISO-9001", "PZN-0881234").
_CATALOGUE = re.compile(r"(?:DIN|ISO|EN|IEC|ICD|OPS|COVID|SARS|FFP|USB|PZN|IK|BSNR|LANR|EBM|GOÄ|AWMF|ATC)\b"
                        r"|(?:DS1500|FP10|ESA\d\d|P45|P60|MATB1)\b")  # the UK's forms ("the DS1500 for PIP")
# A road ("the A556", "on the M6", "auf der A7", "B 96 Richtung Rostock"), or a form named after it ("the SC1 form").
_ROAD = re.compile(r"[ABM] ?\d{1,4}")
_ROAD_BEFORE = re.compile(r"\b(?:the|die|der|via|onto|off)\s+$")
_ROAD_AFTER = re.compile(r"\s+(?:junction|jct|j\d|towards|northbound|southbound|eastbound|westbound|motorway|richtung"
                         r"|ausfahrt|abfahrt|anschlussstelle)\b")
_FORM_AFTER = re.compile(r"\s+(?:forms?|formular|vordruck|certificate)\b")
# A whole date in any notation at the start ("12/03/2024", "2024-03-12"): the code is a date, not a code.
_FULL_DATE_START = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})(?!\d)|(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)")
# A full date inside ("92 - 5.9.1930"), or small letters right after digits ("13th 2020", "500mg 20000"): no code.
_DATE_OR_UNIT_INSIDE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d\d(?!\d)|\d[a-zäöüß]{2,}(?![\wäöüß])")
_PUBLIC = re.compile(rf"111|999|112|110|119|101|{_PUBLIC_NUMBER.pattern}")  # "NHS111", "116 117": services' numbers
_SMALL_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:([ .])\d{3})(?:\1\d{3})?")  # up to millions: a count or an amount
_CAPITAL = re.compile(r"[A-ZÄÖÜ]|\d[a-zäöü]{1,2}\d")  # a capital, or a letter between digits ("962d118804")
# A code goes on no further than a word ("55-0093-771 / Bewilligungsbescheid", "01/02/2024 / discharged ...").
_WORD_AFTER = re.compile(r"(?://|[-/.]| / | [–-] | · )(?![ivxl]+\b)[A-Za-zÄÖÜäöüß]?[a-zäöüß]{3}")
# Words right before it that make it a room's, a bus's, a medicine's, a law's, a form's, a grade's, a phone's or an
# institution's number ("Zimmer 40127", "PZN 01126111", "§ 1906", "Version 2.14.3", "IK 260123456", "Charge FK4471"),
# perhaps after a phrase naming where it stands ("the practice code on the letter was Y01234").
_NOT_CODE_BEFORE = re.compile(
    r"(?:\b(?:zimmer|raum|room|station|ward|bett|bed|bay|haus|house|gebäude|building|etage|floor|ebene|level|tür|door"
    r"|bus|linie|line|route|gleis|platform|zug|train|flug|flight|sitz|seat|platz|tisch|table|locker|schrank|wohnung"
    r"|flat|apartment|icd|ops|pzn|go[äa]|ebm|gop|ziffer|drg|atc|hilfsmittel|position|artikel|article|item|produkt"
    r"|product|modell|model|typ|type|serien|serial|charge|ch\.-?b\.|lot|batch|version|ver\.|update|build|release|ios"
    r"|android|paragra(?:ph|f)|art\.|abs\.|absatz|din|iso|iec|en|leitlinie|guideline|awmf|formular|form"
    r"|vordruck|anlage|muster|pflegegrad|pflegestufe|gdb|grad|stufe|grade|score|punkte|points|alter|age|aged|telefon"
    r"|tel\.?|phone|mobil|handy|fax|ruf|hotline|helpline|service|durchwahl|extension|ext\.?|call|anruf|angerufen|ring"
    r"|rang|dial|dialled|wählen|wählte|ik|bsnr|lanr"
    r"|betriebs|institutions|practice|ods|urn|kilometer|km|meilen|miles|plz|postleitzahl|post\s?code|zip|seite|page"
    r"|kapitel|chapter|pin|tan|passwort|password|zugang|zugangs|access|wlan|wifi|urteil|ruling|judge?ment|snomed|loinc"
    # a provider's registration (company, charity, trade register), a medicine's BNF code, a shop order, a car park ticket
    r"|company|companies house|charity|hrb|handelsregister|bnf|order|bestellung|park\s?ticket|parking ticket)"
    r"(?:s|n|e|es|en)?(?:[\s-]?(?:nummer|nr\.?|number|no\.?|code|#))?|§)"
    r"(?:\s+(?:on|in|at|of|for|from|auf|im|an|am|vom|von|der|des)(?:\s+[\w'-]+){1,2}\s+(?:is|was|ist|war|lautet"
    r"|lautete))?(?:\s+(?:them|him|her|me|us|sie|ihn|mich|uns))?[\s:.#-]*(?:(?:von|of|is|ist|war|was|der|die|das"
    r"|the|nr|on|at|unter)\s+)?$")
# Counts, amounts, doses and measures after it ("12345 Schritte", "12000 people", "2500 mg", "140 mmHg").
_COUNT_AFTER = re.compile(
    r"[\s-]?(?:€|£|\$|%|(?:eur|euro|pfund|pounds?|gbp|pence|cent|dollars?|prozent|percent|per cent|mg|mcg|µg|ml|g|kg"
    r"|l|dl|cm|mm|m|km|meter|metres?|meters|miles?|meilen|mmhg|mmol|ie|units?|einheiten|kcal|kalorien|calories"
    r"|stück|tabletten|tablets|pills|schritte|steps|menschen|leute|people|patienten|patients|versicherte|einwohner"
    r"|mitarbeiter|staff|betten|beds|fälle|cases|anrufe|calls|seiten|pages|mal|times|punkte|points|sekunden"
    r"|seconds|secs?|mins?|minutes?|minuten|hours?|hrs?|stunden|tage[n]?|days?|wochen|weeks?|monate[n]?|months?"
    r"|jahre[n]?|years?|iu)\b|\s(?:a|per|pro|im|in the|each|jedes?)\s(?:year|month|week|day|jahr|monat|woche|tag)\b)")
# "über 12000", "more than 45000": a count.
_COUNT_BEFORE = re.compile(r"\b(?:über|mehr als|rund|etwa|ca\.|circa|fast|knapp|bis zu|insgesamt|about|over|around|nearly"
                           r"|almost|more than|up to|approximately|some)\s+$")
# A service's line named before its number ("Pflegetelefon (030 ...)", "the helpline on ...", "the surgery number,
# 020 ...", "Tel. Praxis: 0341 ..."), not a mobile's: neither a person's phone nor their ID.
SERVICE_LINE = re.compile(r"(?:(?<=[a-zäöüß]{3})(?<!mobil)(?<!festnetz)(?<!privat)(?<!dienst)telefon|hotline|helpline"
                          r"|advice line|seelsorge|switchboard|surgery(?:'s)? (?:number|line|phone)|practice|praxis|reception"
                          r"|department|booking line)\W{0,4}(?:\w+\W{1,3}){0,1}$")
# A travel or membership card named before a bare "number" ("my Freedom Pass, number 0417 2290 3361", "Oyster card no.
# is ..."): its number is the card's, even when it has a phone's shape.
_CARD_BEFORE = re.compile(r"\b(?:oyster|freedom pass|bus pass|travel ?card|rail ?card|blue badge|concessionary|library card"
                          r"|membership card|loyalty card|id card|karte|ausweis)\b[^.!?\d]{0,30}$")
_PHONED_AFTER = re.compile(r"\s+(?:angerufen|anrufen|erreicht|erreichbar|gewählt|wählen)\b")  # a phone's, called
_CURRENCY_BEFORE = re.compile(r"(?:€|£|\$|\beur|\beuro|\bgbp|\busd|\bchf)\s*(?:\d{1,3}[,.])*$")  # "£1,412.60"
_AREA_CODE = re.compile(r"\(?0[1-9]")  # a phone's: "00" starts only a foreign number, with eleven digits or more
_AREA_CODE_BEFORE = re.compile(r"(?:\+|\(0\)\s?|\)\s?)$")  # "+49 30 ...", "(030) 1234567"
_TOWN_AFTER = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")  # "10115 Berlin": a postcode
_URL_OR_MAIL = re.compile(r"https?:|www\.|@")


class _Code(NamedTuple):
    """An ID-shaped code: where its digits start, where it ends, where its glued letters begin, how many digits."""
    start: int
    end: int
    begin: int
    digits: int


def _starts(text: str, start: int) -> list[int]:
    """Where the code whose digits start at `start` may begin with its letters, the longest first."""
    glued = _GLUED_PREFIX.search(text, max(0, start - 24), start)
    starts = [glued.start(), start] if glued and glued.start() < start else [start]
    spaced = _SPACED_PREFIX.search(text, max(0, starts[0] - 14), starts[0])
    if spaced and spaced.group().strip() not in _NOT_PREFIXES:
        starts.insert(0, spaced.start())
    return starts


def _not_label(folded: str, start: int, end: int) -> bool:
    return _NOT_LABELS.search(folded, max(0, start - 16), end) is not None


def _phone(code: str) -> bool:
    return _PHONE_SHAPE.fullmatch(code) is not None


def _by_format(text: str) -> Iterator[tuple[int, int]]:
    """Official formats: they identify a person wherever they stand, with no label needed."""
    for m in finditer_at(_FORMATS, _FORMAT_START, text):
        if not (m.group()[1] == " " and _CITED.search(text, max(0, m.start() - 100), m.start())):
            yield m.start(), m.end()
    for m in finditer_at(_SLASHED, _NUMBER_START, text) if "/" in text else ():
        if not (m.group("court") and _COURT_NOT_AFTER.search(text, max(0, m.start() - 8), m.start())):
            yield m.start(), m.end()


def _codes(text: str) -> Iterator[_Code]:
    """ID-shaped codes of three digits or more that are no year, date or amount ("2023", "12.05.", "250 mg")."""
    for m in _SHAPE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        if digits < 3 or _YEAR_OR_DATE.fullmatch(m.group()) or _UNIT_AFTER.match(text, m.end()) \
                or (digits == 5 and _HOUSE_NUMBER_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            continue
        glued = _GLUED_PREFIX.search(text, max(0, m.start() - 24), m.start())
        yield _Code(m.start(), m.end(), glued.start() if glued else m.start(), digits)


def _listed_after(text: str, code: _Code, previous_end: int) -> bool:
    """A code listed right after a found one shares its label ("ref HB/2023/117784 and CTS/2023/117785")."""
    return previous_end >= 0 and _SAME_LABEL.fullmatch(text, previous_end, code.begin) is not None


def _label_before(text: str, folded: str, code: _Code) -> tuple[int, re.Match[str]] | None:
    """The label before the code ("Az.", "Fallnummer"), and where the code begins with its letters, or None."""
    if code.digits == 3 and code.begin == code.start \
            and not _NUMBER_WORD.search(folded, max(0, code.begin - 50), code.begin):
        return None  # a short number counts only with letters before it or after "meine Nummer"
    for begin in _starts(text, code.start):  # the longest code first: "Versicherungsschein-Nr. KV 5501 2290 17"
        label = _LABEL.search(folded, max(0, begin - 80), begin)
        if label and not (label.group("generic") and _not_label(folded, label.start("generic"), label.end("generic"))):
            return begin, label
    # The office that gave it between a label word and the code: "Aktenzeichen BG Bau 4 23 07716 2".
    office = _OFFICE.search(text, max(0, code.begin - 30), code.begin)
    label = office and code.digits >= 4 and _LABEL.search(folded, max(0, office.start() - 80), office.start())
    return (code.begin, label) if label and label.group("stem") else None


def _label_fits(text: str, folded: str, code: _Code, begin: int, label: re.Match[str]) -> bool:
    """Whether the label makes the code an ID number: not a bare short one, nor a phone or public service number."""
    found = text[begin:code.end]
    own = label.group("generic") and _OWN.search(folded, max(0, label.start() - 8), label.start())
    numbered = label.group("stem") and _NUMBER_WORD.search(label.group())  # "Bew.-Nr. 118", "Pat.-Nr. 205"
    if code.digits < 4 and not own and not numbered and not (label.group("stem") and re.match(r"[A-Za-z]+[-/.]", found)):
        return False  # "Bewohner-Nr. BW-118", "meine Nummer ist 338"; not "Patient 205"
    if _PUBLIC_NUMBER.fullmatch(found) or _BILLED.match(text, code.end) \
            or (_phone(found) and SERVICE_LINE.search(folded, max(0, begin - 24), begin)):
        # "Kennziffer 35425 abgerechnet": a fee schedule's number; "the hospital switchboard is 020 ...": a line's
        return False
    if not label.group("stem"):
        bare = label.group("generic").rstrip(".s") in ("nummer", "nummern", "nr", "number", "no")
        # "unter der Nummer 0176 ...", "Nummer 116 117": a phone or a public service number (but "unter der Nummer
        # 0034 5512 8 lief die Haushaltshilfe": a case kept under it; "my LAS number is 123456": a code by default)
        if (_phone(found) and not _KEPT_AFTER.match(folded, code.end)
                and not _CARD_BEFORE.search(folded, max(0, label.start() - 50), label.start())) \
                or (found.replace(" ", "").isdigit() and len(found) < 7 and bare and not own
                    and _by_default(text, folded, code) is None):
            return False
    return True


def _named_after(text: str, folded: str, code: _Code) -> bool:
    """A code named by the words after it ("4711-2023-0815 ist meine Nummer beim Sozialamt")."""
    after = _LABEL_AFTER.match(folded, code.end) if code.digits >= 4 else None
    return after is not None and not _not_label(folded, after.start("label"), after.end("label")) \
        and not _phone(text[code.begin:code.end])


def _about_a_letter(text: str, folded: str, code: _Code) -> bool:
    """A plain reference ("0815-4711-X") in a sentence that speaks of a letter or a decision ("Bescheid")."""
    reference = text[code.begin:code.end]
    if code.digits < 7 or _phone(reference) or not _PLAIN_REFERENCE.fullmatch(reference) \
            or _THOUSANDS.fullmatch(reference):
        return False
    start, end = code.begin, code.end
    before = folded.rfind(". ", max(0, start - 100), start)
    after = _SENTENCE_END.search(folded, end, end + 100)
    return _DOCUMENT.search(folded, before + 1 if before >= 0 else max(0, start - 100),
                            after.start() if after else end + 100) is not None


def _kept_under(text: str, folded: str, code: _Code) -> int | None:
    """Where a code begins that a case is kept under ("unter VA 11-2204/23 laufen"), or None."""
    if "unter" in folded or "under" in folded:
        begin = _starts(text, code.start)[0]
        if _UNDER.search(folded, max(0, begin - 8), begin) and _KEPT_AFTER.match(folded, code.end):
            return begin
    return None


def _quoted(text: str, code: _Code) -> int | None:
    """Where a quoted code begins (capitals and six digits, or seven digits), or None; no phone, date or count."""
    if code.digits < 6 or not _CLOSING.match(text, code.end):
        return None
    begin = _starts(text, code.start)[0]
    found = text[begin:code.end]
    opening = _OPENING.search(text, max(0, begin - 1), begin)
    if not opening or (code.digits < 7 and begin == code.start) \
            or (_phone(found) and opening.group() != "*") or _THOUSANDS.fullmatch(found):
        return None  # a barcode's asterisks make even a phone-shaped number a code
    return begin


def _lettered(text: str, folded: str, code: _Code) -> bool:
    """A code of capitals joined by a dash to four digits or more, such as offices give ("SA-UKR-0772"), unless a
    shop order's ("order #AP-228104")."""
    return code.begin < code.start and _LETTERED.fullmatch(text, code.begin, code.end) is not None \
        and not text.startswith("-", code.end) and not named_an_order(folded, code.begin)


# A shop's order or a parcel named right before a code: "order #AP-228104", "order no. 300-582-6228" (ten digits that
# pass the NHS number's check), "Bestellung Nr. 88213".
_ORDER_BEFORE = re.compile(r"\b(?:order|bestell|tracking|sendung|parcel)\w*\s*(?:no\.?|nr\.?|number|nummer)?"
                           r"\s*[:#]?\s*$")


def named_an_order(folded: str, start: int) -> bool:
    """Whether the words right before `start` name what follows as a shop order's or a parcel's number."""
    return _ORDER_BEFORE.search(folded, max(0, start - 30), start) is not None


def _may_be_written_again(text: str, code: _Code) -> bool:
    """An unlabelled code long enough to be a found one written again, and no phone number."""
    return code.digits >= 4 and not _phone(text[code.begin:code.end])


def _counting(number: str) -> bool:
    """Numbers counted up one by one ("1 2 3 4 5 6"), as on a pain scale."""
    groups = number.split()
    return len(groups) >= 5 and all(g.isdigit() for g in groups) \
        and all(int(b) == int(a) + 1 for a, b in zip(groups, groups[1:]))


def _shape_is_none(found: str, number: str, glued: bool, digits: int) -> bool:
    """Whether a code's shape makes it no one's ID: a phone's, a catalogue's, a public service's number, a date, a
    span of years, a score, a count in thousands. `number` is the code from its first digit, `glued` whether
    letters are joined to it ("EM-2019-07" is a code, "2019-07" a month)."""
    phone = _phone(number) and (_AREA_CODE.match(number) is not None or digits >= 11)  # "00" and 10 digits: none
    return (phone and found == number) or _ICD_OR_OPS.fullmatch(found) is not None \
        or _CATALOGUE.match(found) is not None or _PUBLIC.fullmatch(number) is not None \
        or _DATE_OR_UNIT_INSIDE.search(found) is not None or _NOT_CODE_SHAPE.fullmatch(found) is not None \
        or (not glued and (_NOT_CODE_SHAPE.fullmatch(number) or _FULL_DATE_START.match(number)) is not None) \
        or (digits <= 7 and _SMALL_THOUSANDS.fullmatch(found) is not None) or _counting(number)


def _context_is_none(text: str, folded: str, begin: int, code: _Code, end: int, digits: int) -> bool:
    """Whether the words around a code make it no one's ID: a unit or count after it, a phone's verb, an area code, a
    currency, a room's, a medicine's or a law's name before it, a town after five digits, a web address, a cited
    decision, "form" after it ("the AB1234 form"), or a road's number after "the" or before "junction"."""
    last_digit = begin + max(i for i, c in enumerate(text[begin:end]) if c.isdigit()) + 1
    unit_at = last_digit if text.startswith(" ", last_digit) else end  # "5000 IU": a unit spaced after the digits
    return _AREA_CODE_BEFORE.search(text, max(0, begin - 4), begin) is not None \
        or _COUNT_AFTER.match(folded, unit_at) is not None or _PHONED_AFTER.match(folded, end) is not None \
        or _COUNT_BEFORE.search(folded, max(0, begin - 14), begin) is not None \
        or (digits == 5 and _TOWN_AFTER.match(text, end) is not None) \
        or _URL_OR_MAIL.search(text, text.rfind(" ", 0, begin) + 1, end) is not None \
        or any(_NOT_CODE_BEFORE.search(folded, max(0, at - 60), at) for at in {begin, code.begin}) \
        or _CURRENCY_BEFORE.search(folded, max(0, begin - 6), begin) is not None \
        or _CITED.search(text, max(0, begin - 100), begin) is not None \
        or _FORM_AFTER.match(folded, end) is not None \
        or (_ROAD.fullmatch(text, begin, end) is not None
            and (_ROAD_BEFORE.search(folded, max(0, begin - 6), begin) or _ROAD_AFTER.match(folded, end)) is not None)


def _by_default(text: str, folded: str, code: _Code) -> tuple[int, int] | None:
    """The span of an unlabelled code that counts as an ID by default, or None: too short, or its shape or the
    words around it say what else it is."""
    spaced = _starts(text, code.start)[0]  # capitals spaced before it are its own: "PB 7731", "XVII 482/22"
    begin = spaced if _CAPITAL.match(text, spaced) else code.begin
    end = code.end
    if (word := _WORD_AFTER.search(text, code.start, end)) is not None:
        end = word.start()
    found, number = text[begin:end], text[code.start:end]
    digits = sum(c.isdigit() for c in number)
    if digits < 5 and not (digits >= 3 and _CAPITAL.search(found)):
        return None
    if _shape_is_none(found, number, code.begin < code.start, digits) \
            or _context_is_none(text, folded, begin, code, end, digits):
        return None
    return begin, end


def _alike(code: str, other: str) -> bool:
    """The same reference written again or changed a little: "51.3-HzE-2291" and "51.4-HzE-0017", "3317/22-A"."""
    code, other = code.replace(" ", ""), other.replace(" ", "")  # spaced or not: "T0HR 4L87C" is "T0HR4L87C"
    if code.translate(_SKELETON) == other.translate(_SKELETON):
        return True
    short, long = sorted((code, other), key=len)
    return len(short) >= 6 and long.startswith(short[:6])


def _written_again(text: str, code: _Code, found: list[str]) -> bool:
    """A code like one found before: the same reference written again or corrected."""
    return any(_alike(text[code.begin:code.end], other) for other in found)


def _by_words(text: str, folded: str) -> Iterator[tuple[int, int, bool]]:
    """Codes that the words around them make ID numbers, each tried by the rules in this order, and whether only
    by default (no label, no words around it: more specific kinds win over it)."""
    found: list[str] = []  # the codes found, as a look-alike may write them again
    unlabelled: list[_Code] = []
    list_end = -1  # where the last code ends that a list may go on from ("ref A/1 and B/2")
    for code in _codes(text):
        if _listed_after(text, code, list_end):
            yield code.begin, code.end, False
            list_end = code.end
        elif (labelled := _label_before(text, folded, code)) is not None:
            # A label decides alone ("Nummer 116 117" is none), unless the code is a found one written again.
            if _label_fits(text, folded, code, *labelled) or _written_again(text, code, found):
                yield min(labelled[0], code.begin), code.end, False  # "number as RX4471182": "as rx" is the label's
                found.append(text[code.begin:code.end])
                list_end = code.end
        elif _named_after(text, folded, code):
            yield _starts(text, code.start)[0], code.end, False
            found.append(text[code.begin:code.end])
            list_end = code.end
        elif (begin := _kept_under(text, folded, code)) is not None or (begin := _quoted(text, code)) is not None:
            yield begin, code.end, False
            found.append(text[code.begin:code.end])
        elif _about_a_letter(text, folded, code) or _lettered(text, folded, code):
            yield code.begin, code.end, False
            found.append(text[code.begin:code.end])
        elif (span := _by_default(text, folded, code)) is not None:
            yield *span, True
            found.append(text[span[0]:span[1]])
        elif _may_be_written_again(text, code):
            unlabelled.append(code)
    for code in unlabelled if found else ():  # written again like a found one: "3317/22" and "3317/22-A"
        if _written_again(text, code, found):
            yield code.begin, code.end, False


def dictated_numbers(folded: str) -> Iterator[tuple[int, int]]:
    """Numbers written in words, digit by digit, in texts that speak of a number ("Nummer", "number", "reference")."""
    if "numm" in folded or "numb" in folded or "referen" in folded:
        for m in _DICTATED.finditer(folded):
            words = " ".join(re.findall(r"\w+", m.group()))
            if not _PHONE_WORD.search(folded, max(0, m.start() - 30), m.start()) \
                    and not any(count.startswith(words) for count in _COUNTING):  # "one two three ...": counting
                yield m.start(), m.end()


def id_numbers(text: str, folded: str) -> Iterator[tuple[int, int, bool]]:
    """Spans of ID numbers in `text` (`folded` is its case-folded twin with the same offsets), and whether found only
    by default, as an unlabelled code."""
    for start, end in _by_format(text):
        yield start, end, False
    yield from _by_words(text, folded)
