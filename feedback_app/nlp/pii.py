"""Personal details for moderators (names, contact details, ID numbers) in English and German, by rules."""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.de.stop_words import STOP_WORDS as STOP_WORDS_DE
from spacy.lang.en.stop_words import STOP_WORDS as STOP_WORDS_EN

from .anchored import finditer_at
from .folding import fold
from .names import (
    FIRST_NAMES,
    ILLNESSES,
    NOT_NAMES,
    NOT_PEOPLE,
    PLACE_WORDS,
    RELATIVES_DE,
    RELATIVES_EN,
    TITLES,
)
from .pii_ids import SERVICE_LINE, dictated_numbers, id_numbers, named_an_order
from .results import PiiSpan

# Letters of names from across Europe and Turkey too ("Zieliński", "Yıldırım", "Łukasz", "Şahin").
_UPPER = "A-ZÄÖÜÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČŘŞĞİ"
_LOWER = "a-zäöüßà-öø-ÿąćęłńśźżşğıčřšžőűě"
# "O'Sullivan", "McAllister", "Al-Hassan", "Klaus-Peter"; an "'s" after it is no part of it ("Grace's").
# Written as its first capital and the rest, so that a search can start from the capital (`_NAME_AFTER_SPACE`).
_NAME_AFTER_CAPITAL = (rf"(?:['’](?=[{_UPPER}])[{_UPPER}][{_LOWER}]+|(?<=M)a?c(?=[{_UPPER}])[{_UPPER}][{_LOWER}]+"
                       rf"|[{_LOWER}]+)(?:[-'’][{_UPPER}]?[{_LOWER}]{{2,}})?")
_NAME = rf"[{_UPPER}]{_NAME_AFTER_CAPITAL}"
# Particles inside names ("Dr van der Merwe", "Friedrich von Bülow", "Ciarán Ó Súilleabháin").
_PARTICLES = r"(?:(?:van|von|de|da|di|du|le|la|al|el|ten|ter|zu|Ó|Ní|Nic|Ua)\s+(?:(?:der|den|de)\s+)?)?"
_MONTHS = (r"(?:jan|jän|feb|mar|mär|mrz|apr|may|mai|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez)[a-zä]*\.?")
# A full date with its year: "03.03.1941", "7.11.39", "21/09/1944", "3rd March 1941", "4. Okt. 1962", "March 3, 1941",
# "1952-08-19", "01.Jan.1950"; after a birth label also "6. Mai '58", "1. Aug. 63", also "23 08 1971" and "19630412" (`_DATE_AFTER_LABEL`).
_SHORT_YEAR_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)?\.?\s*{_MONTHS}\s*['’]?\d\d(?!\d)"
_DATE = (rf"\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\.?\s*(?:of\s+)?{_MONTHS}\s*\d{{4}}"
         rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|(?:19|20)\d\d-[01]\d-[0-3]\d")
_DATE_AFTER_LABEL = (rf"{_DATE}|{_SHORT_YEAR_DATE}|[0-3]?\d\s[01]?\d\s(?:19|20)\d\d|(?:19|20)\d\d[01]\d[0-3]\d|[0-3]\d[01]\d(?:19|20)\d\d")

_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# An address spelled out against spam filters: "tony dot marsh at example dot com", "h.yilmaz (at) example (punkt) de".
# Searched on folded text, only where "dot" or "punkt" stands as a word or in brackets.
_SPELLED_DOT = r"(?:\s*[(\[]\s*(?:dot|punkt)\s*[)\]]\s*|\s+(?:dot|punkt)\s+|\.)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<local>[\w+-]+(?:{_SPELLED_DOT}[\w+-]+)*)(?P<at>\s*[(\[]\s*(?:at|ät)\s*[)\]]\s*|\s+at\s+)"
    rf"[\w-]+(?:{_SPELLED_DOT}[\w-]+)*?{_SPELLED_DOT}(?:com|org|net|info|eu|de|at|ch|uk)\b")
_SPELLED_WORDS = (" dot ", "(dot)", "[dot]", " punkt ", "(punkt)", "[punkt]", "(at)", "[at]", "(ät)")
_SPELLED_DOT_WORD = re.compile(r"\b(?:dot|punkt)\b")
# A plain " at " needs a dotted or numbered name before it ("tony dot marsh at ...") or a word for mail before it:
# "look at nhs dot uk" is a website.
_MAIL_BEFORE = re.compile(r"mail|schreib|write|contact|kontakt")
# The number patterns start with a digit, its look-behind checked after it ("\d(?<!\w\d)" is "\b\d"): the engine
# then jumps from digit to digit instead of trying every position of the text (the same matches, a third of the time).
_NHS = re.compile(r"\d(?<!\w\d)\d\d[ -]?\d{3}[ -]?\d{4}(?![\d\w])")
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\d{2}\s?(?:\(0\)\s?)?\d|\(?0\d)[\d\s/().-]{6,16}\d(?!\w)")
_PHONE_START = re.compile(r"[+0(](?<![\w+].)")  # where a `_PHONE` can begin, for `finditer_at`
# Freephone numbers (0800, 0808, +49 800) are services' numbers, not a person's: "Telefonseelsorge 0800 111 0 111"; so
# are the UK's numbers for organisations ("PALS is on 0300 555 0142"), less those that are German area codes too
# (0345 Halle, 0371 Chemnitz, 0871 Landshut; "0341 5566778" is a Leipzig landline).
_SERVICE_NUMBER = re.compile(r"(?:(?:\+|00)(?:44|49)\s?(?:\(0\)\s?)?|0)(?:80[08]|30[03]|3[34][034]|37[02]|84[3-5]|87[023])\b")
_GERMAN_DATE_START = re.compile(r"\(?\d{1,2}\.\d{1,2}\.\d\d")  # "01.03.2024-31.03.2024": a span of dates
_POSTCODE_UK = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
# The same typed in lower case ("we live in bd74ph", "m16 0jb"), searched from the outward code's digit: an ordinal
# or a unit is none ("b12 1st floor", "a1 2am").
_POSTCODE_UK_LOWER = re.compile(r"\d[a-z\d]?\s?\d(?!st|nd|rd|th)[abd-hjlnp-uw-z]{2}\b")
_AREA_LOWER = re.compile(r"(?<![\w.@-])[a-z]{1,2}$")
_POSTCODE_DE = re.compile(r"(?P<pc>\d(?<![\d.,]\d)\d{4})\s+(?P<city>[A-ZÄÖÜ][a-zäöüß]+|[a-zäöüß]{3,}\b)")
# A town typed in lower case ("wir sind aus 45127 essen") only after a word for where someone lives or comes from.
_FROM_BEFORE = re.compile(r"\b(?:aus|nach|plz|postleitzahl|(?:wohn|leb)\w*\s+in)\s*:?\s*$")
_NOT_CITIES = frozenset({"Euro", "Mitarbeiter", "Menschen", "Patienten", "Schritte", "Stunden", "Minuten", "Pounds",
                         "Fälle"})
_ADDRESS_EN = re.compile(
    r"\d(?<!\w\d)\d{0,3}[a-zA-Z]?,?\s+(?:[A-Z][a-z]+(?:['’]s)?\s+){1,3}(?:Road|Rd|Street|Lane|Avenue|Ave|Close|Drive|Way"
    r"|Crescent|Gardens|Terrace|Place|Court|Grove|Square|Hill|Row|Mews|View|Walk|Rise|Parade|Vale|Chase|Croft|Meadows"
    r"|Heights|Boulevard|Wharf|Yard)\b")
_ADDRESS_DE = re.compile(
    # "Lindenstraße 14", and after a person's name joined by dashes: "Karl-Marx-Allee 90a", "Heinrich-Heine-Str. 22b".
    r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee"
    r"|-(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee))\s+\d{1,4}"
    r"(?:\s?[a-z]\b)?"
    # "Blumenauer Weg 5", "Alte Gasse 3": the street word on its own after an adjective.
    r"|\b[A-ZÄÖÜ][\wäöüß-]*(?:er|e|es|en)\s(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee|Markt"
    r"|Pfad|Steig)\s+\d{1,4}(?:\s?[a-z]\b)?"
    # "Am Mühlbach 3, 80331 München", "Am Hohen Ufer 7a, ...": a street without a street word, known by the postcode after it.
    r"|\b(?:Am|An der|An den|Im|Zum|Zur|Auf der|Auf dem|In der)\s+(?:[A-ZÄÖÜ][\wäöüß-]+\s+){1,2}\d{1,4}[a-z]?(?=,?\s+\d{5}\b)")
# An address right after a hospital's or an office's name ("Krankenhaus St. Elisabeth, Hauptstraße 12") is theirs.
_INSTITUTION_BEFORE = re.compile(r"(?:krankenhaus|klinik|praxis|apotheke|pflegeheim|hospiz|hospital|surgery|pharmacy"
                                 r"|jobcenter|\b(?:jugend|sozial|gesundheits|landrats|versorgungs|bürger)?amt|rathaus"
                                 r"|zentrum|centre)\w*[^:;!?]*,\s*$")
_ADDRESS_DE_START = re.compile(r"[A-ZÄÖÜ](?<!\w.)")  # where an `_ADDRESS_DE` can begin, for `finditer_at`
# "ich wohne jetzt Am Lindenhof 9", "Anschrift: Im Winkel 4": a street without a street word after "wohnen".
_ADDRESS_LIVES_DE = re.compile(
    r"\b(?:[Ww]ohn(?:e|t|en|te|ten|haft)|[Aa]dresse|[Aa]nschrift)\b(?:\s+(?:jetzt|nun|noch|inzwischen|seit\s+\S+))*"
    r"\s*:?\s+(?P<addr>(?:Am|An der|An den|Im|Zum|Zur|Auf der|Auf dem|In der)\s+(?:[A-ZÄÖÜ][\wäöüß-]+\s+){1,2}\d{1,4}[a-z]?)\b")
# "DOB", "d.o.b.", "born on the", "geb. am", "Geb.-Dat.", "Gebdat.", "Geburtsdatum (TT.MM.JJJJ):", "geboren wurde
# ich am", and the German birth asterisk "(*12.03.1938)", "* 2.11.1938"; a year alone ("Jahrgang 1941", "(*1950)")
# or a birthday without one ("Geburtstag am 12. Juli") is no date of birth.
_DOB = re.compile(rf"(?:\b(?:d\.?o\.?b\.?|date of birth|born|birthday|b\.|geboren|geb(?:\.|\b)(?:\s?-?\s?dat(?:um|\.|\b))?"
                  rf"|gebdat(?:um|\.|\b)|geburtsdatum|geburtstag)|(?<![\w*])\*)(?:\s*\([^()\d]{{1,20}}\))?"
                  rf"(?:\s+(?:meines|meiner|seines|seiner|ihres|ihrer|unseres|unserer|of\s+(?:my|his|her|our))"
                  rf"\s+[\wäöüß]+,?)?(?:\s*(?::|,|\b(?:is|ist|war|was|am|on|the|den|der|wurde|wurden|ich|er|sie|as|als)\b))*"
                  rf"\s*\(?(?P<date>{_DATE_AFTER_LABEL})(?!\d|\.\d)"
                  rf"|\b(?:am|den)\s+(?P<date_before>{_DATE})\s+(?:[\wäöüß]+\s+){{0,3}}(?:geboren|zur welt|auf die welt)\b")
# Texts without any of these hold no `_DOB` match (each branch needs one): the search, which no plain
# character starts, is left out of nearly all of them.
_DOB_WORDS = ("dob", "d.o", "do.b", "birth", "born", "b.", "geb", "*", "zur welt", "auf die welt")
# In a text about a date of birth ("falsches Geburtsdatum", "my date of birth as ..."), a full date of a year before
# 2015 or "'58" is one too, written wrong, corrected or read back ("Richtig ist 27.08.1936", "My real one is ..."),
# unless a letter's, a stay's or a span's ("vom 12.03.2009", "seit 01.01.2010", "bis").
_BIRTH_TALK = re.compile(r"geburt|geboren|\bgeb\.|birth|\bborn\b|\bd\.?o\.?b\b")
_ANY_DATE = re.compile(rf"(?<![\w.])(?:\d{{1,2}}[./-]\d{{1,2}}[./-](?P<year>(?:19|20)?\d\d)"
                       rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s*{_MONTHS}\s*(?P<named_year>['’]?(?:19|20)?\d\d))(?![\d.]\d|\w)")
_NOT_BIRTH_BEFORE = re.compile(r"\b(?:vom|seit|bis|ab|zum|since|from|until|till|dated|datiert|letter of)\s+$")
# A full date right after a person's name or kin, as on labels and lists: "Brandt, Ulrich – 18.12.1949", "„Herta Lorenz,
# 01.01.1900“", "Meine Tante (24. Dez. 1929)", "my gran (3rd May 1931)"; searched on folded text.
_DATE_AFTER_NAME = re.compile(rf"\s*(?:,|–|-|\()\s*\*?\s*(?P<date>{_DATE})(?![\d.]\d)")
# The same in brackets after a kin word ("tante (*1.2.1930)"): the bracket searched first, as the engine skips ahead
# to it, and the kin word then read before it (a search from `\b` and 90 words tried every position).
_DATE_IN_BRACKETS = re.compile(rf"\(\s*\*?\s*(?P<date>{_DATE})\)")
_KIN = tuple(r.lower() for r in (*RELATIVES_DE, *RELATIVES_EN))
_KIN_AT_END = re.compile(rf"\b(?:{'|'.join(_KIN)})$")
_LONGEST_KIN = max(map(len, _KIN))
# A child's arrival, searched only in texts with "arrived" or "delivered": "our daughter Niamh arrived on 21 January 2024".
_ARRIVAL = re.compile(rf"\b(?:baby|daughter|son|grandson|granddaughter|twins|boy|girl)\b(?:\s+[\w'-]+)?"
                      rf"\s+(?:arrived|was delivered)\s+(?:on\s+)?(?:the\s+)?(?P<date>{_DATE})")
# The same date of birth written again, its day and month digits in another order: swapped ("*02.10.2012, nicht
# 10.02.2012"), mistyped ("31.02.1951, richtig ist 13.02.1951") or month first ("1958-12-30" read as 12.30.1958).
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d|\.\d)")
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
_TITLE = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
# Initials may stand between the title and the surname, and belong to the name ("Dr A. Lindqvist", "Mrs J.R. Hale").
_TITLED = re.compile(rf"\b(?=[A-ZÄÖÜ])(?:{_TITLE})(?:\s+(?:{_TITLE}))*\s+(?P<name>(?:[A-Z]\.\s?){{0,3}}{_PARTICLES}{_NAME}"
                     rf"(?:\s+{_PARTICLES}{_NAME})?)")
_RELATIVE_EN = re.compile(rf"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:{'|'.join(RELATIVES_EN)}),?\s+(?P<name>{_NAME}"
                          rf"(?:\s+{_NAME})?)")
_RELATIVE_DE = re.compile(rf"\b(?:[Mm]ein|[Mm]eine|[Mm]einem|[Mm]einen|[Mm]einer|[Uu]nser|[Uu]nsere|[Uu]nserem"
                          rf"|[Uu]nseren|[Uu]nserer|[Ss]ein|[Ss]eine|[Ii]hr|[Ii]hre)\s+(?:{'|'.join(RELATIVES_DE)}),?\s+(?P<name>{_NAME}(?:\s+{_NAME})?)")
# Titles typed in lower case ("frau nowak", "frau von Bredow", "dr patel"): the next word is a surname unless it is
# a common word; after a job title ("schwester gül", "my keyworker jodie") only a known first name counts.
_LOWER_TITLES = r"frau|herrn?|dr\.?|mrs?\.?|ms\.?"
_LOWER_JOB_TITLES = r"schwester|pfleger|pflegerin|nurse|sister|keyworker|key worker|carer"
_LOWER_TITLED = re.compile(
    rf"\b(?:(?P<title>{_LOWER_TITLES})|{_LOWER_JOB_TITLES})\s+(?P<name>{_PARTICLES}(?:{_NAME}|[{_LOWER}]{{2,}}"
    rf"(?:-[{_LOWER}]{{2,}})?))")
# The same titles anywhere, where `_LOWER_TITLED` can begin, for `finditer_at`: a search that starts with plain
# letters skips ahead to them, where `\b` makes the engine try every position, so the nine texts in ten that hold
# none are passed over at a third of the cost.
_ANY_LOWER_TITLE = re.compile(f"{_LOWER_TITLES}|{_LOWER_JOB_TITLES}")
_COMMON_WORDS = frozenset(STOP_WORDS_DE | STOP_WORDS_EN | {
    "doktor", "doctor", "professor", "prof", "dr", "oberärztin", "oberarzt", "schwester", "pfleger", "nurse",
    "sister", "sagte", "meinte", "kam", "said", "came", "told", "asked", "fragte", "rief", "called", "gave", "gab"})
_CALLED = re.compile(rf"\b(?:named|called|namens|heiße|heißt|hieß|name is|name was|[Nn]ame ist|[Nn]ame war"
                     # a surname given as such ("surname Adeyemi-Brown", "booked under my maiden name, Whitfield")
                     rf"|surname|maiden name|family name|last name|née|nee|[Nn]achname|[Gg]eburtsname|[Mm]ädchenname),?"
                     rf"\s+(?P<name>{_NAME}(?:\s+{_NAME})?)")
# Rarer forms, searched only in texts with "ame" and ":" or "heiß"/"hieß": "Name: Rüdiger Hoffmann" as copied from a
# form or "my name spelled wrong: ...", and the name before the verb ("obwohl er Kowalski heißt").
_NAME_LABEL = re.compile(rf"\b(?:[Vv]or|[Nn]ach)?[Nn]ame(?:\s+(?!ward|station|unit|hospital|home|practice)[a-z]+){{0,3}}"
                         rf"\s?:\s+(?P<name>{_NAME}(?:\s+{_NAME})?)")
_CALLED_BEFORE = re.compile(rf"\b(?:ich|er|sie)\s+(?P<name>{_NAME})\s+(?:heiße|heißt|hieß|hieße)\b")
_JOB_EN = (r"carer|nurse|doctor|physio|physiotherapist|midwife|paramedic|therapist|consultant|surgeon|receptionist"
           r"|porter|cleaner|social worker|support worker|health visitor|pharmacist|GP|HCA|healthcare assistant|manager"
           r"|dentist|optician|registrar|counsellor|key worker|keyworker|advocate|volunteer|chaplain|student nurse")
_JOB_DE_ENDINGS = ("arzt", "ärztin", "therapeut", "therapeutin", "pfleger", "pflegerin", "schwester", "helfer",
                   "helferin", "berater", "beraterin", "betreuer", "betreuerin", "arbeiter", "arbeiterin", "hebamme",
                   "sanitäter", "sanitäterin", "leiter", "leiterin", "kraft", "psychologe", "psychologin", "pädagoge",
                   "pädagogin")
_JOB_DE = rf"[A-ZÄÖÜ]?[a-zäöüß]*(?:{'|'.join(f'[{e[0].upper()}{e[0]}]{e[1:]}' for e in _JOB_DE_ENDINGS)})"
_JOB_TITLED = re.compile(rf"\b(?:[Tt]he|[Oo]ur|[Mm]y|[Dd]er|[Dd]ie|[Uu]nser|[Uu]nsere|[Mm]ein|[Mm]eine)\s+(?:{_JOB_EN}|{_JOB_DE}),?"
                         rf"\s+(?P<name>{_NAME}(?:\s+{_NAME})?)")
# A name with the job in brackets after it, as staff are thanked and named: "Bola Adeyemi (HCA)", "Ciarán Ó
# Súilleabháin (staff nurse)", "Frau Kaya (Stationsleitung)"; searched from the bracket, the name then read before it.
_JOB = rf"{_JOB_EN}|{_JOB_DE}|sister|matron|mfa|[a-zäöüß]*leitung"
_JOB_IN_BRACKETS = re.compile(rf"\(\s*(?:[\w-]+\s+){{0,2}}(?:{_JOB})\s*\)", re.IGNORECASE)
_JOB_WORD = re.compile(_JOB, re.IGNORECASE)
_NAMES_BEFORE_BRACKET = (re.compile(rf"(?<![\w'’-])(?P<name>{_NAME}\s+{_PARTICLES}{_NAME})\s*$"),
                         re.compile(rf"(?<![\w'’-])(?P<name>{_NAME})\s*$"))
# Words of a job's name before the bracket ("Clinical Lead (Consultant)"), no one's name.
_ROLE_WORDS = frozenset("""
Lead Senior Junior Clinical Specialist Head Deputy Chief Staff Charge Student Community District Advanced Mental
Care Support Social Night Day Leitung Leiterin Leiter
""".split())
# The word right before the name that `_RELATIVE_EN`, `_CALLED` and `_JOB_TITLED` find, lower-cased ("my husband Ken",
# "my name is Ken", "our nurse, Anna"), and the endings of those that may be glued to more ("Hausärztin Meyer",
# "(called Ken"): a text that has no such word before any name needs none of the three searches (99 in 100).
_WORDS_BEFORE_NAMES = frozenset({*RELATIVES_EN, *(job.split()[-1].lower() for job in _JOB_EN.split("|")),
                                 "is", "was", "ist", "war"})
_ENDINGS_BEFORE_NAMES = (*_JOB_DE_ENDINGS, "named", "called", "namens", "heiße", "heißt", "hieß", "name", "née", "nee")
# All-lower-case texts ("my partner jamie"): known first names, less those that are everyday words too.
_LOWER_WORD = re.compile(rf"\b[{_LOWER}]+(?:-[{_LOWER}]+)?\b")
_EVERYDAY = frozenset("""
will may mark bill rob pat sue jack dawn grace hope joy faith rose jan max kim can sam ivy ruby iris lily ida lee
dean summer april june august christian poppy daisy willow florence heidi ben kai nia sara lina jade amber
""".split())
_LOWER_NAMES = frozenset(n.lower() for n in FIRST_NAMES) - _EVERYDAY
# Any capitalised word, checked against the first-name set: far faster than a 300-way alternation.
# A look-ahead, so a capitalised word before a name ("Patient Friedrich") does not hide it.
_FIRST = re.compile(rf"\b(?=(?P<name>(?P<first>{_NAME})(?:\s+{_PARTICLES}{_NAME})?))")
_CAPITALISED_WORD = re.compile(rf"[{_UPPER}][{_LOWER}]")
# `\b[A-ZÄÖÜ][\wäöüß]*` written capital first, the boundary checked behind it: the engine then jumps from
# capital to capital instead of trying every position (the same words, in half the time).
_CAPITALISED = re.compile(r"[A-ZÄÖÜ](?<!\w.)[\wäöüß]*")
# A name after a space, searched from its capital and the space then checked behind it: the engine jumps from
# capital to capital, where `(?<=\s)` first would make it try every position.
_NAME_AFTER_SPACE = re.compile(rf"[{_UPPER}](?<=\s.){_NAME_AFTER_CAPITAL}")
_NOT_FIRST_WORDS = NOT_NAMES | PLACE_WORDS
_TITLE_WORDS = frozenset(t.rstrip(".").split()[0] for t in TITLES)
_RELATIVE_WORDS_DE = frozenset(RELATIVES_DE)  # capitalised nouns: the scan for capitals already holds them
_KIN_WORDS = _RELATIVE_WORDS_DE | {r.capitalize() for r in RELATIVES_EN}
_DAY_AFTER = re.compile(r"\.?\s+\d")
_SAINTLY = re.compile(r"(?:\bSt\.?|Saint|Sankt|Queen|King|Prince|Princess|Royal)\s*$")
_GERMAN_NOUN = re.compile(r"(ung|heit|keit|schaft|tät|ion|nis|tum|chen|lein)$")
# A street's or an institution's word joined by a dash after a name: "Karl-Marx-Allee", "Robert-Koch-Institut",
# "Albert-Schweitzer-Schule" (not a double surname: "Watson-O'Neil").
_JOINED_PLACE = re.compile(r"-[\wäöüß]*?(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|institut"
                           r"|krankenhaus|klinik|klinikum|schule|stift|stiftung|haus|heim|zentrum|hospiz|gymnasium"
                           r"|universität|kirche|apotheke|praxis|station)(?![a-zäöüß])", re.IGNORECASE)
# A person named right before their date of birth, as on forms and wristbands: "Kowalczyk, Henryk, geb.",
# "Eleni Georgiou (d.o.b.", "Patientin Hülya Demir, *"; a lone word ("Versicherte, geb.") is no name.
_NAMED_BEFORE_BIRTH = re.compile(rf"(?P<name>{_NAME}(?:,?\s+{_PARTICLES}{_NAME}){{1,2}})\s*,?\s*\(?\s*$")
_ROLE = re.compile(r"(?:Patient|Bewohner|Klient|Versichert|Betreut|Antragsteller|Kind|Baby|Resident|Client)\w*")


def nhs_checksum_ok(digits: str) -> bool:
    """The NHS number's modulus-11 check digit."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _name_span(text: str, m: re.Match[str], group: str = "name", labelled: bool = False) -> tuple[int, int] | None:
    """Trim a matched name to its real name words; None when it names a place or is no name.

    After "Name:" a place word after the first name is a surname ("Name: Stanley Ward"), not a ward's name.
    """
    words = [(w.start() + m.start(group), w.end() + m.start(group)) for w in re.finditer(r"\S+", m.group(group))]
    while words and text[words[0][0]:words[0][1]].rstrip(".") in _TITLE_WORDS:
        words.pop(0)  # "die Hausärztin, Frau Dr. Szymańska": the titles after a job word are no name
    kept = []
    for start, end in words:
        word = text[start:end]
        if word in NOT_NAMES or word in PLACE_WORDS or (kept and text[kept[-1][0]].islower()
                                                        and _GERMAN_NOUN.search(word.lower())):
            break  # "Herr Yıldırım von der Anmeldung": a particle before a noun belongs to no name
        kept.append((start, end))
    while kept and text[kept[-1][0]].islower():
        kept.pop()
    if not kept or _JOINED_PLACE.match(text, kept[-1][1]):
        return None  # "Karl-Marx-Allee", "Robert-Koch-Institut": a name joined to a street's or a place's word
    after = re.match(r"\s+(\S+)", text[kept[-1][1]:])
    if after and after.group(1).strip(".,;:'’s") in PLACE_WORDS and not labelled:
        return None  # "Florence Ward", "Queen Elizabeth Hospital"
    if _SAINTLY.search(text[max(0, kept[0][0] - 9):kept[0][0]]):
        return None
    return kept[0][0], kept[-1][1]


def _known_first(word: str) -> bool:
    """A known first name, or a double name with a known part ("Klaus-Peter", "Jan-Hendrik")."""
    return word in FIRST_NAMES or ("-" in word and any(part in FIRST_NAMES for part in word.split("-")))


def _genitives(words: set[str]) -> set[str]:
    """The words without their genitive -s ("Igors" -> "Igor")."""
    return {w[:-1] for w in words if w.endswith("s")}


def _any_known_first(words: set[str]) -> bool:
    """Whether any of `words` is `_known_first`: a set intersection, then only the double names."""
    return not FIRST_NAMES.isdisjoint(words) or any(_known_first(w) for w in words if "-" in w)


def _word_before(text: str, start: int) -> str:
    """The lower-cased word before the spaces before `start`, less a comma after it ("husband" in "my husband, Ken").

    The 32 characters before `start` are read, all of them only when these are spaces: a longer word is cut, but
    keeps its endings.
    """
    words = text[max(0, start - 32):start].split() or text[:start].split()
    return words[-1].removesuffix(",").lower() if words else ""


def _introduced(text: str, names: list[re.Match[str]]) -> bool:
    """Whether any of the names (`_NAME_AFTER_SPACE` matches) follows a word that may introduce it."""
    return any((word := _word_before(text, name.start())) in _WORDS_BEFORE_NAMES
               or word.endswith(_ENDINGS_BEFORE_NAMES) for name in names)


def _lower_case_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _LOWER_WORD.finditer(text):
        if m.group() in _LOWER_NAMES:
            yield m.start(), m.end()
        elif m.group().endswith("s") and m.group()[:-1] in _LOWER_NAMES:
            yield m.start(), m.end() - 1  # "mehmets mutter": the genitive -s is no part of the name


def _lower_titled(text: str, lower_case: bool) -> Iterator[tuple[int, int]]:
    """Names after titles typed in lower case; in a text with capitals, only a capitalised name counts."""
    for m in finditer_at(_LOWER_TITLED, _ANY_LOWER_TITLE, text):
        words = m.group("name").split()
        last = words[-1]
        if last.lower() in _COMMON_WORDS or (not lower_case and last[0].islower()) \
                or (not m.group("title") and last.lower() not in _LOWER_NAMES):
            continue
        yield m.start("name"), m.end("name")


def _people(text: str) -> Iterator[tuple[int, int]]:
    if not _CAPITALISED_WORD.search(text):
        yield from _lower_case_names(text)
        yield from _lower_titled(text, lower_case=True)
        return
    yield from _lower_titled(text, lower_case=False)
    # Most stories name nobody: one scan for capitalised words decides which patterns can match at all.
    capitalised = set(_CAPITALISED.findall(text))
    known_first = _any_known_first(capitalised)
    if len(capitalised) < 2 and not known_first:
        return
    # These patterns' names follow a space, and a name that starts with a word of NOT_NAMES or
    # PLACE_WORDS is dropped: a text without another such word needs no search (a third of them).
    names = [m for m in _NAME_AFTER_SPACE.finditer(text) if m.group() not in _NOT_FIRST_WORDS]
    patterns = (_RELATIVE_EN, _CALLED, _JOB_TITLED) if names and _introduced(text, names) else ()
    if names and "ame" in text and ":" in text:
        patterns = (*patterns, _NAME_LABEL)
    if names and ("heiß" in text or "hieß" in text):
        patterns = (*patterns, _CALLED_BEFORE)
    if capitalised & _TITLE_WORDS:
        patterns = (_TITLED, *patterns)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if (span := _name_span(text, m, labelled=pattern is _NAME_LABEL)) is not None:
                yield span
    yield from _named_with_job(text) if "(" in text else ()
    named = known_first or _any_known_first(_genitives(capitalised))  # "Igors Geduld"
    for m in _FIRST.finditer(text) if named else ():
        first = m.group("first")
        # "Jan 13th", "May 2020": a month, not a name.
        if _known_first(first) and not _DAY_AFTER.match(text, m.end("first")) \
                and (span := _name_span(text, m)) is not None and text[span[0]:span[1]] not in NOT_PEOPLE:
            yield span
        elif first.endswith("s") and _known_first(first[:-1]) and first[:-1] not in NOT_PEOPLE \
                and not _SAINTLY.search(text, max(0, m.start() - 9), m.start()):
            yield m.start("first"), m.end("first") - 1  # "Igors Geduld": the genitive -s is no part of the name
    for m in _RELATIVE_DE.finditer(text) if capitalised & _RELATIVE_WORDS_DE else ():
        first = m.group("name").split()[0]
        # German capitalises every noun: after "meine Mutter" only a known name or a non-noun-like word counts, and
        # an illness named after someone is none ("mein Vater Alzheimer").
        if _known_first(first) or not (_GERMAN_NOUN.search(first.lower()) or first in ILLNESSES):
            if (span := _name_span(text, m)) is not None:
                yield span


def _named_with_job(text: str) -> Iterator[tuple[int, int]]:
    """Names right before a job in brackets ("Bola Adeyemi (HCA)"): two words, or one, that are no job's words
    ("Clinical Lead (Consultant)", "Die Stationsleitung (Pflegedienstleitung)")."""
    for m in _JOB_IN_BRACKETS.finditer(text):
        for pattern in _NAMES_BEFORE_BRACKET:
            before = pattern.search(text, max(0, m.start() - 60), m.start())
            span = _name_span(text, before) if before else None
            if span is not None:
                words = text[span[0]:span[1]].split()
                if " ".join(words) not in NOT_PEOPLE and not any(
                        w in _ROLE_WORDS or w.lower() in _COMMON_WORDS or _JOB_WORD.fullmatch(w) for w in words) \
                        and not (len(words) == 1 and _GERMAN_NOUN.search(words[0].lower())):
                    yield span
                break


def _candidates(text: str) -> Iterator[tuple[str, int, int]]:
    # Case-blind patterns run on folded text (same offsets); digit patterns only when there are digits.
    folded = fold(text)
    if "@" in text:
        for m in _EMAIL.finditer(text):
            yield "EMAIL", m.start(), m.end()
    if any(word in folded for word in _SPELLED_WORDS):
        yield from _spelled_emails(folded)
    if _DIGIT.search(text):
        yield from _numbers(text, folded)
    for start, end in dictated_numbers(folded):  # "vier sieben eins null ...": no digit in it
        yield "ID_NUMBER", start, end
    people = set(_people(text))
    for start, end in people:
        yield "PERSON", start, end
    for start, end in _named_again(text, people) if people else ():
        yield "PERSON", start, end
    if people or "(" in text:
        yield from _dated_people(text, folded, people)


def _spelled_emails(folded: str) -> Iterator[tuple[str, int, int]]:
    """E-mail addresses spelled out ("tony dot marsh at example dot com", "h.yilmaz (at) example.de"); a plain "at"
    only with "dot" or "punkt" after a dotted or numbered name or a word for mail ("email me on ..."), as "at
    www.nhs.uk" and "look at nhs dot uk" are websites."""
    for m in _SPELLED_EMAIL.finditer(folded):
        if "(" in m.group("at") or "[" in m.group("at"):
            yield "EMAIL", m.start(), m.end()
        elif _SPELLED_DOT_WORD.search(m.group()) and (not m.group("local").isalpha()
                                                     or _MAIL_BEFORE.search(folded, max(0, m.start() - 30), m.start())):
            yield "EMAIL", m.start(), m.end()


def _named_again(text: str, people: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every other place a found name's capitalised words stand ("Mohamad Rahimi instead of Mohammad Rahimi")."""
    words = {w for start, end in people for w in text[start:end].split()
             if len(w) > 2 and w[0].isupper() and w not in _NOT_FIRST_WORDS and w.lower() not in _COMMON_WORDS}
    if words:
        for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", text):
            yield m.start(), m.end()


def _named_before_birth(text: str, label: int) -> Iterator[tuple[str, int, int]]:
    """The name right before a birth label, less the sentence's words and the role, kinship or title before it."""
    m = _NAMED_BEFORE_BIRTH.search(text, max(0, label - 60), label)
    if m is None:
        return
    words = [w for w in re.finditer(r"[^\s,]+", m.group("name")) if w.group() not in NOT_NAMES]
    if len(words) < 2 or any(w.group() in PLACE_WORDS for w in words):
        return
    while words and (words[0].group().rstrip(".") in _TITLE_WORDS or words[0].group() in _KIN_WORDS
                     or _ROLE.fullmatch(words[0].group())):
        words.pop(0)
    if words:
        yield "PERSON", m.start("name") + words[0].start(), m.start("name") + words[-1].end()


def _born_before_2015(year: str) -> bool:
    """A year someone alive may be born in, not this decade's ("1938", "2012", "'58"; not "2024", "24")."""
    return 1900 <= int(year) < 2015 if len(year) == 4 else int(year) >= 25


def _kin_dates(folded: str) -> Iterator[re.Match[str]]:
    """Dates in brackets right after a kin word and perhaps spaces ("tante (*1.2.1930)", "my gran (3rd May 1931)")."""
    for m in _DATE_IN_BRACKETS.finditer(folded):
        before = folded[:m.start()].rstrip()  # a copy, but dates in brackets are rare
        if _KIN_AT_END.search(before, max(0, len(before) - _LONGEST_KIN)):
            yield m


def _dated_people(text: str, folded: str, people: set[tuple[int, int]]) -> Iterator[tuple[str, int, int]]:
    """Dates of birth right after a person's name or a kin word ("Brandt, Ulrich – 18.12.1949", "Tante (*1.2.1930)")."""
    dated = [m for _, end in people if (m := _DATE_AFTER_NAME.match(folded, end))]
    dated += _kin_dates(folded) if "(" in text else ()
    for m in dated:
        if _born_before_2015(re.search(r"\d+$", m.group("date")).group()):
            yield "DATE_OF_BIRTH", m.start("date"), m.end("date")


def _digits_and_year(day: str, month: str, year: str) -> tuple[str, str]:
    """A numeric date's day and month digits in any order, and its year."""
    return "".join(sorted(day.zfill(2) + month.zfill(2))), year


def _birth_key(date: str) -> tuple[str, str] | None:
    if (numeric := _NUMERIC_DATE.fullmatch(date)) is not None:
        return _digits_and_year(*numeric.groups())
    if (iso := _ISO_DATE.fullmatch(date)) is not None:
        return _digits_and_year(iso.group(3), iso.group(2), iso.group(1))
    return None


def _lower_uk_postcodes(text: str) -> Iterator[tuple[int, int]]:
    """UK postcodes typed in lower case ("bd74ph"): searched from the digit, the area's letters then read before it."""
    for m in _POSTCODE_UK_LOWER.finditer(text):
        if (area := _AREA_LOWER.search(text, max(0, m.start() - 3), m.start())) is not None:
            yield area.start(), m.end()


def _numbers(text: str, folded: str) -> Iterator[tuple[str, int, int]]:
    births = set()
    arrivals = _ARRIVAL.finditer(folded) if "arrived" in folded or "delivered" in folded else ()
    labelled = _DOB.finditer(folded) if any(word in folded for word in _DOB_WORDS) else ()
    for m in (*labelled, *arrivals):
        group = m.lastgroup  # "date", or "date_before" ("am 15.08.2009 geboren")
        yield "DATE_OF_BIRTH", m.start(group), m.end(group)
        if (key := _birth_key(m.group(group))) is not None:
            births.add(key)
        yield from _named_before_birth(text, m.start())
    talk = ("geb" in folded or "birth" in folded or "born" in folded or "o.b" in folded or "dob" in folded) \
        and _BIRTH_TALK.search(folded)
    for m in _ANY_DATE.finditer(folded) if talk else ():
        year = (m.group("year") or m.group("named_year")).lstrip("'’")
        if _born_before_2015(year) \
                and not _NOT_BIRTH_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
            yield "DATE_OF_BIRTH", m.start(), m.end()
    for m in _NUMERIC_DATE.finditer(text) if births else ():
        if _digits_and_year(*m.groups()) in births:
            yield "DATE_OF_BIRTH", m.start(), m.end()
    for m in _NHS.finditer(text):
        if nhs_checksum_ok(re.sub(r"\D", "", m.group())) and not named_an_order(folded, m.start()):
            yield "ID_NUMBER", m.start(), m.end()
    for start, end, by_default in id_numbers(text, folded):
        yield "CODE" if by_default else "ID_NUMBER", start, end
    for m in finditer_at(_PHONE, _PHONE_START, text):
        digits = sum(c.isdigit() for c in m.group())
        # "00" starts a foreign number, with a country code: eleven digits or more ("0047731208" is a code)
        if 9 <= digits <= 15 and not (m.group().startswith("00") and digits < 11) and not _SERVICE_NUMBER.match(m.group()) \
                and not _GERMAN_DATE_START.match(m.group()) \
                and not SERVICE_LINE.search(folded, max(0, m.start() - 24), m.start()):
            yield "PHONE", m.start(), m.end()
    institutional = []  # where the addresses of hospitals and offices end: their postcodes are no one's either
    for m in (*_ADDRESS_EN.finditer(text), *finditer_at(_ADDRESS_DE, _ADDRESS_DE_START, text)):
        if _INSTITUTION_BEFORE.search(folded, max(0, m.start() - 40), m.start()):
            institutional.append(m.end())
        else:
            yield "ADDRESS", m.start(), m.end()
    lives = "wohn" in folded or "adresse" in folded or "anschrift" in folded  # the words `_ADDRESS_LIVES_DE` needs
    for m in _ADDRESS_LIVES_DE.finditer(text) if lives else ():
        yield "ADDRESS", m.start("addr"), m.end("addr")
    for m in _POSTCODE_UK.finditer(text):
        yield "POSTCODE", m.start(), m.end()
    for start, end in _lower_uk_postcodes(text):
        yield "POSTCODE", start, end
    for m in _POSTCODE_DE.finditer(text):
        if m.group("city") not in _NOT_CITIES and not any(0 <= m.start() - end <= 3 for end in institutional) \
                and (m.group("city")[0].isupper() or _FROM_BEFORE.search(folded, max(0, m.start() - 24), m.start())):
            yield "POSTCODE", m.start("pc"), m.end("pc")


# When two finds overlap, the more specific kind wins, then the longer span. A "CODE" is an ID number found only by
# its shape, with no label: any other kind found on it is the likelier reading; it is reported as an ID_NUMBER.
_PRIORITY = {"EMAIL": 0, "DATE_OF_BIRTH": 1, "ID_NUMBER": 2, "PHONE": 3, "ADDRESS": 4, "POSTCODE": 5, "CODE": 6,
             "PERSON": 7}


def find_pii(text: str) -> list[PiiSpan]:
    """Non-overlapping personal-detail spans in `text`, in reading order (both languages' rules apply)."""
    found = set(_candidates(text))
    if not found:
        return []  # most texts
    ranked = sorted(found, key=lambda c: (_PRIORITY[c[0]], -(c[2] - c[1]), c[1]))
    kept: list[tuple[str, int, int]] = []
    for kind, start, end in ranked:
        if all(end <= s or start >= e for _, s, e in kept):
            kept.append((kind, start, end))
        elif kind == "CODE":
            kept += [(kind, a, b) for a, b in _rest_of_code(text, start, end, kept)]
    return [PiiSpan("ID_NUMBER" if kind == "CODE" else kind, start, end, text[start:end])
            for kind, start, end in sorted(kept, key=lambda c: c[1])]


_CODE_JOINS = " /-·.,"  # what joins the parts of a code


def _rest_of_code(text: str, start: int, end: int, kept: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """The parts of a code found by its shape alone that lie outside the spans kept before it and still look like one
    (five characters or more, three of them digits): a code runs on across " / " into the next, as a wristband
    lists "RWA1198236 / 479 657 3038", a hospital number beside an NHS number found first."""
    parts, at = [], start
    for s, e in sorted((s, e) for _, s, e in kept if s < end and e > start):  # in reading order, whatever their kind
        parts.append((at, s))
        at = max(at, e)
    parts.append((at, end))
    rest = []
    for a, b in parts:
        piece = text[a:b]
        a += len(piece) - len(piece.lstrip(_CODE_JOINS))
        b -= len(piece) - len(piece.rstrip(_CODE_JOINS))
        if b - a >= 5 and sum(c.isdigit() for c in text[a:b]) >= 3:
            rest.append((a, b))
    return rest


def redact(text: str, spans: list[PiiSpan]) -> str:
    """The text with each span replaced by its type in brackets, e.g. "Dr [PERSON]"."""
    if not spans:
        return text
    out, last = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        out.append(text[last:span.start])
        out.append(f"[{span.type}]")
        last = span.end
    out.append(text[last:])
    return "".join(out)
