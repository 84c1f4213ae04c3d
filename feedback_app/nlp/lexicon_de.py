"""German word lists: theme cues and a sentiment lexicon (there is no open labelled German feedback data)."""
from __future__ import annotations

import re

# Fragments matched at word starts, case-insensitively; German compounds ("Wartezeit",
# "Parkgebühren") are caught by letting a cue run on into the rest of the word (\w*), and
# compounds whose head carries the theme ("Mehrbettzimmer", "Gesprächstherapie") are listed.
# Every ä, ö, ü and ß also matches its spelling without umlauts (ae, oe, ue, ss): see `_ascii_spellings`.
_RELATIVE = (r"(?:mann|frau|sohn|sohnes|tochter|mutter|vater|vaters|mannes|eltern|kind|kinder|kindes|oma|opa|schwester"
             r"|bruder|enkel\w*|schwieger\w*|tante|onkel|großmutter|großvater|großeltern|mama|papa|mutti|vati|ehefrau"
             r"|ehemann|ehemannes|partner|partnerin|lebensgefährt\w*|angehörige\w*|familie|baby|neffe|nichte)\b")
_POSSESSIVE = r"(?:mein|meine|meinem|meinen|meiner|meines|unser|unsere|unserem|unseren|unserer|unseres)"
_NUMBER = (r"(?:\d+|ein|eine|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig"
           r"|vierzig|fünfzig)")
_STAFF = r"(?:pflegekr\w*|pfleger\w*|schwester\w*|ärzt\w*|mitarbeite\w*|betreuer\w*|kräfte|leute|personal\w*|fachkr\w*)"

THEME_CUES_SOURCE: dict[str, str] = {
    "staff_attitude": r"freundlich\w*|unfreundlich\w*|nett\w*|höflich\w*|unhöflich\w*|respekt\w*|herzlich\w*"
                      r"|liebevoll\w*|einfühlsam\w*|arrogan\w*|herablassend\w*|zuvorkommend\w*|hilfsbereit\w*"
                      r"|mitfühlend\w*|grob|gereizt\w*|genervt\w*|angeschnauzt|umgangston|ton\b|verständnisvoll\w*"
                      r"|warmherzig\w*|geduldig\w*|ungeduldig\w*|geduld\b|lieb|liebe|lieben|liebes|rührend\w*"
                      r"|gut gelaunt\w*|schlecht gelaunt\w*|launisch\w*|lächeln\w*|gelächelt|lächelnd\w*|motivierend\w*"
                      r"|sympathisch\w*|unsympathisch\w*|fürsorglich\w*|zugewandt\w*|wertschätz\w*|menschlich\w*"
                      r"|unmenschlich\w*|unverschämt\w*|frech|freche|frechen|frecher|freches|pampig\w*|patzig\w*"
                      r"|schroff\w*|barsch\w*|ruppig\w*"
                      r"|zickig\w*|angeschrien|angebrüllt|angemeckert|angemault|anmaßend\w*|überheblich\w*|abweisend\w*"
                      r"|abgewimmelt|kaltherzig\w*|herzlos\w*|respektlos\w*|taktlos\w*|desinteressiert\w*"
                      r"|gleichgültig\w*|augen verdreht|ausgelacht|von oben herab|engel\b|gekümmert|kümmer\w*"
                      r"|vorgestellt|professionell\w*|unprofessionell\w*|umgegangen|umgang\b|lästig\w*|beruhigt"
                      r"|beruhigend\w*|distanziert\w*|gefühlskalt\w*|tonfall|mühe\b|bemüht\w*|motiviert\w*"
                      r"|allein gelassen|im stich gelassen"
                      r"|unterbrochen|(?:immer )?für (?:uns|mich) da",
    "staff_capacity": r"personalmangel|unterbesetzt\w*|zu wenig personal|überlastet\w*|klingel\w*|geklingelt"
                      r"|kam sofort|niemand kam"
                      r"|keiner kam|ständig wechselnd\w*|immer (?:andere|ein anderer)|gestresst\w*|keine zeit"
                      rf"|zu wenig\w* {_STAFF}|nur {_NUMBER} {_STAFF}|für {_NUMBER} (?:patient\w*|bewohner\w*|kinder"
                      r"|klient\w*)"
                      r"|pflegenotstand|fachkräftemangel|dünn besetzt|unterbesetzung|besetzung\b|personalschlüssel"
                      r"|betreuungsschlüssel|genug personal|ausreichend personal|mehr personal|personalnot"
                      r"|personalwechsel"
                      r"|leiharbeit\w*|zeitarbeit\w*|aushilfe\w*|vertretung\w*|fremde gesichter|neue gesichter"
                      r"|immer jemand anderes|jedes mal jemand anderes|ständig neue\w*|ständig wechsel\w*"
                      r"|wechseln ständig|wechsel\w*(?: \w+){0,3}? ständig|wechselnde\w*|(?:dieselbe|derselbe"
                      r"|die gleiche|der gleiche|dieselben|die gleichen)\w* (?:pflege\w*|schwester\w*|ärzt\w*|arzt"
                      r"|betreuer\w*|therapeut\w*|mitarbeite\w*|gesichter|leute|ansprechpartner\w*|bezugs\w*)"
                      r"|feste\w* bezugs\w*|bezugspflege\w*"
                      r"|bezugsbetreuer\w*|bezugsperson\w*|kommt keiner|kommt niemand|kam keiner|kam niemand"
                      r"|keiner reagiert\w*|niemand reagiert\w*|hat keiner reagiert|hat niemand reagiert"
                      r"|sofort da|sofort zur stelle|(?:personal|pflegekräfte|therapeut\w*|ärzte|fachkräfte|mitarbeite\w*|betreuer\w*) fehl\w*"
                      r"|fehl\w* (?:an )?(?:personal|pflegekräfte\w*|therapeut\w*|ärzt\w*)"
                      r"|(?:sachbearbeiter\w*|betreuer\w*|pfleger\w*|ansprechpartner\w*|ärzt\w*) wechsel\w*|ansprechbar\w*|kaum zeit|wenig zeit"
                      r"|gehetzt\w*|hektisch\w*|zeitdruck|unter druck|dienstplan\w*|schichtplan\w*|überfordert\w*"
                      r"|überarbeitet\w*|ausgebrannt\w*",
    "communication": r"erklär\w*|informier\w*|information\w*|aufgeklärt|aufklärung|zugehört|zuhören|gespräch\w*"
                     r"|kommunikation\w*|auskunft\w*|auskünfte|rückruf\w*|beraten|beratung\w*|verständlich\w*"
                     r"|unverständlich\w*|fragen|nachfrage\w*|einbezogen|mitentscheiden|einverständnis\w*"
                     r"|einwilligung\w*|ohne (?:zu )?fragen|ohne nachzufragen|transparen\w*|intransparen\w*"
                     r"|offenes ohr|rücksprache\w*|(?:nimmt|nehmen|nahm|nahmen)(?: \w+){0,3}? ernst"
                     r"|hör(?:t|te|ten|en|e)? (?:\w+ ){0,3}?zu\b|ausreden|ernst genommen|ernstgenommen"
                     r"|bescheid\w*|auf dem laufenden"
                     r"|gemeldet|meldet sich|melden sich|gesagt|mitgeteilt|mitteilung\w*|infos?\b|verstanden"
                     r"|versteh\w*|missverständnis\w*|dolmetsch\w*|übersetz\w*|sprachmittl\w*|sprachbarriere\w*"
                     r"|leichte\w* sprache|einfache\w* sprache|fachbegriff\w*|fachchinesisch|absprache\w*"
                     r"|über (?:meinen|unseren|seinen|ihren) kopf|mitsprache\w*|mitreden|beteiligt\w*|beteiligung\w*"
                     r"|miteinbezogen|einbeziehen|einbeziehung|entscheidung\w*|entschieden|gefragt|antwort\w*"
                     r"|beantwort\w*|unbeantwortet\w*|aussage\w*|widersprüchlich\w*|nachgefragt",
    "access_waiting": r"wart\w*|gewartet|abwarten|termin\w*|verspät\w*|verzöger\w*|erreichbar\w*|unerreichbar\w*"
                      r"|warteliste\w*"
                      r"|abgesagt|absage\w*|sprechzeit\w*|öffnungszeit\w*|hotline|telefonisch\w*|durchkommen"
                      r"|schnell\w*|pünktlich\w*|notdienst\w*|bereitschaftsdienst\w*|stunden gewartet"
                      r"|gedauert|dauert\w*|ewig\w*|zu spät|besetzt|durchgekommen|abgewiesen|weggeschickt|vertröstet"
                      r"|sprechstunde\w*|frühestens|stundenlang|wochenlang|monatelang|kurzfristig\w*"
                      rf"|erst (?:in|nach) {_NUMBER} (?:minute|stunde|tag|woche|monat|jahr)\w*"
                      r"|therapieplatz\w*|heimplatz\w*|pflegeplatz\w*|wohnplatz\w*|kitaplatz\w*|rehaplatz\w*"
                      r"|reha-platz\w*"
                      r"|platz bekommen|keinen platz|einen platz|freie\w* plätze|freien platz|geschlossen\b|geöffnet"
                      r"|warteschleife\w*|ans telefon|drangenommen|drankam|drankommen|endlich (?:jemand|dran)|rückruf\w*|anrufbeantworter\w*|zurückgerufen|zurückrufen"
                      r"|ruft (?:\w+ )?zurück|abgewimmelt",
    "care_treatment": r"behandl\w*|diagnos\w*|fehldiagnos\w*|medikament\w*|tablett\w*|schmerz\w*|operation\w*"
                      r"|operiert|therapie\w*|therapeut\w*|untersuch\w*|kompeten\w*|inkompeten\w*|fachlich\w*"
                      r"|versorg\w*|verband\w*|spritze\w*|impf\w*|physiotherap\w*|pflege\b|gepflegt|betreu\w*"
                      r"|geholfen|gewirkt|wirkung\w*|wirksam\w*|unwirksam\w*|wirkt nicht|wirkt gut|wirkte nicht"
                      r"|professionell\w*|nebenwirkung\w*|rezept(?:e|en|es|s)?\b|dosier\w*|dosis|verwechselt"
                      r"|wunde|wunden|wundversorgung\w*|wundheilung|heilt|heilung\w*|geheilt|op\b|eingriff\w*"
                      r"|chirurg\w*|gründlich\w*|sorgfältig\w*|ergotherap\w*|psychotherap\w*|gesprächstherap\w*"
                      r"|schmerztherap\w*|gruppentherap\w*|verhaltenstherap\w*|traumatherap\w*|logopäd\w*|chemo\w*"
                      r"|visite\w*|geröntgt|röntgen\w*|symptom\w*|linder\w*|gelindert|entzünd\w*|infektion\w*"
                      r"|komplikation\w*|antibiotik\w*|kann wieder|konnte wieder|wieder laufen|wieder gesund"
                      r"|geht es (?:\w+ ){0,2}?(?:besser|schlechter)|erstversorg\w*|reanim\w*|notfallversorg\w*",
    "coordination": r"entlass\w*|überweis\w*|aufnahme\w*|aufgenommen|pflegeplan\w*|akte\w*|unterlagen|befund\w*"
                    r"|arztbrief\w*|übergabe\w*|weitergeleitet|verlegt|verlegung\w*|nachsorge\w*|hilfeplan\w*"
                    r"|weitergegeben|weitergabe|überleitung\w*|teilhabeplan\w*|behandlungsplan\w*|therapieplan\w*"
                    r"|medikationsplan\w*|förderplan\w*|gesamtplan\w*|versorgungsplan\w*|planung\w*|case manage\w*"
                    r"|fallmanage\w*|sozialdienst\w*|zusammenarbeit\w*|hand in hand|schnittstelle\w*"
                    r"|übergang\w*|anschlussheilbehandlung\w*|anschlussversorgung|anschlussbehandlung\w*|ahb\b"
                    r"|weiterbehandl\w*|weiterversorg\w*|dokumentation\w*|dokumentiert|abgesprochen"
                    r"|zwischen (?:hausarzt|klinik|krankenhaus|praxis|heim"
                    r"|pflegedienst|ärzt\w*|den (?:stationen|ärzten|einrichtungen|diensten|abteilungen|praxen))",
    "environment": r"sauber\w*|schmutzig\w*|dreckig\w*|hygien\w*|essen\w*|mahlzeit\w*|verpflegung\w*|getränk\w*"
                   r"|kaffee|lärm\w*|laut\w*|ruhig\w*|zimmer\w*|bett\w*|toilette\w*|dusche\w*|wartezimmer\w*"
                   r"|wartebereich\w*|ausstattung\w*|gerät\w*|rollstuhl\w*|fernseh\w*|wlan|garten\w*|räume\w*"
                   r"|gebäude\w*|kalt|warm|gemütlich\w*|freizeitangebot\w*|aktivität\w*"
                   r"|ausgestattet|heruntergekommen\w*|renovier\w*|saniert|veraltet\w*|modern\w*|baufällig\w*"
                   r"|schimm\w*|staub\w*|müll\w*|geruch\w*|gerüche|riecht|stinkt|stink\w*|muffig\w*|frühstück\w*"
                   r"|mittagessen|abendessen|abendbrot|geschmack\w*|lecker\w*|ungenießbar\w*|cafeteria\w*|kantine\w*"
                   r"|heizung\w*|klimaanlage\w*|temperatur\w*|eiskalt\w*|stickig\w*|eng|enge|winzig\w*|beschäftigung\w*"
                   r"|ausflug\w*|ausflüge\w*|spiele\w*|basteln|singen|musik\w*|sport\w*|spaziergang\w*|spaziergänge"
                   r"|gedächtnistraining|langweil\w*|nichts zu tun|internet|radio|einzelzimmer\w*|doppelzimmer\w*"
                   r"|mehrbettzimmer\w*|patientenzimmer\w*|badezimmer\w*|krankenzimmer\w*|bad\b|rollator\w*"
                   r"|hilfsmittel\w*|pflegebett\w*|gehhilfe\w*|hörgerät\w*|kaputt\w*|defekt\w*|schnarch\w*|piep\w*"
                   r"|krach\w*|geräusch\w*|aufenthaltsraum\w*|gemeinschaftsraum\w*|besuchsraum\w*|gemüsegarten\w*"
                   r"|bettwäsche|wäsche\w*|stühle|stuhl\b|sessel\w*|trinken\b|klo\b|wc\b|hellhörig\w*|möbel\w*"
                   r"|licht\b|eingang\w*|barrierefrei\w*",
    "travel_parking": r"park\w+|geparkt|krankentransport\w*|transport\w*|fahrdienst\w*|fahrer\w*|taxi\w*|bus\w*"
                      r"|anfahrt\w*|anreise\w*|lage(?<!der lage)\b|erreichbarkeit|weit weg|fahrt\w*|rettungswagen\w*"
                      r"|krankenwagen\w*"
                      r"|anbindung\w*|öffentliche\w* verkehrsmittel\w*|öpnv|s-bahn|u-bahn|straßenbahn\w*|bahn\b"
                      r"|bahnhof\w*|haltestelle\w*|umsteig\w*|abgelegen\w*|anfahrtsweg\w*|heimfahrt\w*|rückfahrt\w*"
                      r"|hinfahrt\w*|gefahren|abgeholt|abholen|abholung|rtw\b|schranke\w*|auto\b|km entfernt"
                      r"|kilometer\w*|zu fuß|fahrkosten|liegt (?:\w+ )?(?:zentral|abgelegen|außerhalb|weit|günstig"
                      r"|ungünstig|gut|schlecht)|(?:gut|schlecht|schwer|leicht|einfach|bequem) (?:zu )?erreich\w*",
    "dignity_safety": r"würdelos\w*|privatsphäre|intimsphäre|sicher\b|sicherheit\w*|unsicher\w*"
                      r"|diskriminier\w*|rassis\w*|gleichberechtig\w*|barrierefrei\w*|inklusi\w*|bloßgestellt"
                      r"|gedemütigt|geschämt|scham\w*|gewaschen|körperpflege|zwangseinweis\w*|unterbringung\w*"
                      r"|würdevoll\w*|würdig\w*|entwürdig\w*|menschenwürd\w*|menschenunwürdig\w*|unwürdig\w*"
                      r"|(?:mit|in|ohne|die|seine|ihre|meine|unsere) würde\b|würde (?:des|der|meiner|meines|von)\b"
                      r"|wie (?:eine nummer|ein stück|ein kind|ein kleinkind|ein kleines kind|dreck|vieh|ein mensch"
                      r"|einen menschen|menschen|ein verbrecher|verbrecher|ein lästiges)|geborgen\w*|beschützt"
                      r"|gefährlich\w*|gefahr\b|bedroht\w*|bedrohung\w*|angegriffen|geschlagen|schläge|gewalt\w*"
                      r"|übergriff\w*|belästig\w*|missbrauch\w*|misshandl\w*|vernachlässig\w*|fixier\w*|gefesselt"
                      r"|festgebunden|zwangs\w*|psychkg|geschlossene\w* station|richterlich\w*|freiheit\w*"
                      r"|eingesperrt|isoliert|(?:meine|seine|ihre|unsere|welche|keine) rechte\b|patientenrechte\w*"
                      r"|recht auf|selbstbestimm\w*|selbst bestimmen|selbst entscheiden"
                      r"|autonomie|privat\w*|intim\w*|schäm\w*|peinlich\w*|waschen\b|beim duschen|geduscht|rasiert"
                      r"|frisiert|gekämmt|ungekämmt|ungewaschen|nachthemd\w*|windel\w*|einlage\w*|inkontinen\w*"
                      r"|bettpfanne\w*|urin\b|ausländer\w*|migrant\w*|herkunft|hautfarbe|kopftuch|religion\w*"
                      r"|sexualität|sexuell\w*|transfrau|transmann|transgender\w*|queer\w*|homosexuell\w*"
                      r"|behinderung\w*|behindert\w*|benachteiligt\w*|vorurteil\w*|beleidig\w*|ausgegrenzt\w*"
                      r"|ausgrenzung|geduzt|duzen|vor allen (?:anderen|leuten|patient\w*|mitpatient\w*|bewohner\w*)"
                      r"|vor anderen\b|anklopf\w*|angeklopft|klopfen\b|klopft\b"
                      r"|platzt\w* (?:\w+ )?rein|reingeplatzt|abschließ\w*|tür (?:\w+ ){0,3}?offen|angezogen|gekleidet|umgelagert|lagerung\w*|wundgelegen|dekubitus"
                      r"|druckgeschwür\w*|rausdarf|ausgang\b|sicherheitsdienst\w*"
                      r"|dolmetsch\w*|übersetzer\w*|(?:kaum|wenig|kein|nicht gut|schlecht) deutsch",
    "family_carers": r"angehörige\w*|familie\w*|" + _POSSESSIVE + " " + _RELATIVE + r"|besuch\w*"
                     r"|als (?:tochter|sohn|mutter|vater|ehefrau|ehemann|eltern|angehörige\w*|betreuer\w*"
                     r"|bevollmächtigte\w*|pflegende\w*|familie|enkel\w*)\b|eltern\w*|vollmacht\w*|bevollmächtigt\w*"
                     r"|pflegende\w* angehörige\w*|uns kinder",
    "organisation": r"organisat\w*|organisier\w*|chaotisch\w*|chaos|verwaltung\w*|bürokrat\w*|leitung|management"
                    r"|geld|finanz\w*|kosten\w*|krankenkasse\w*|formular\w*|papierkram|ablauf|abläufe"
                    r"|orga\b|abläufen|ablaufs|klinikleitung|heimleitung|stationsleitung|pflegedienstleitung"
                    r"|einrichtungsleitung|geschäftsführung|geschäftsleitung|träger\b|trägers|spart\b|sparen\b"
                    r"|gespart|einspar\w*|sparmaßnahme\w*|kürzung\w*|gekürzt|budget\w*|spende\w*"
                    r"|fördermittel\w*|zuschuss\w*|zuschüsse|eigenanteil\w*|zuzahlung\w*|rechnung\w*|abrechnung\w*"
                    r"|abgerechnet|bezahl\w*|kasse\b|kassen\b|pflegekasse\w*|kostenübernahme|zuständig\w*"
                    r"|bearbeitung\w*|bearbeitet|bewillig\w*|genehmig\w*|anträge|beschwerde\b|beschwerdestelle\w*"
                    r"|beschwerdemanagement|feedback|anregung\w*|verbesserungsvorschl\w*|system\b|systems|portal\w*"
                    r"|software|umständlich\w*|kompliziert\w*|unkompliziert\w*|gut geführt|schlecht geführt|top geführt"
                    r"|linke hand|wie am schnürchen",
}


_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def _ascii_spellings(pattern: str) -> str:
    """`pattern` with every ä, ö, ü and ß also matching ae, oe, ue and ss ("Aerztin", "hoeflich", "Strasse"),
    as German is often typed without them."""
    return re.sub("[äöüß]", lambda m: f"(?:{m.group()}|{_UMLAUTS[m.group()]})", pattern)


def _with_ascii(stems: tuple[str, ...]) -> tuple[str, ...]:
    """`stems` and, after them, their spellings without umlauts."""
    ascii_only = [re.sub("[äöüß]", lambda m: _UMLAUTS[m.group()], s) for s in stems]
    return tuple(dict.fromkeys([*stems, *ascii_only]))


THEME_CUES: dict[str, str] = {code: _ascii_spellings(pattern) for code, pattern in THEME_CUES_SOURCE.items()}

# Stems (prefix match on lower-cased words). Negators flip the polarity of the next few words.
POSITIVE = _with_ascii((
    "gut", "super", "toll", "prima", "klasse", "hervorragend", "ausgezeichnet", "exzellent", "wunderbar",
    "freundlich", "höflich", "zuvorkommend", "nett", "hilfsbereit", "herzlich", "kompetent", "zufrieden", "dankbar",
    "danke", "dank",
    "lieb", "einfühlsam", "geduldig", "schnell", "pünktlich", "sauber", "angenehm", "professionell", "perfekt",
    "empfehlen", "top", "bestens", "klar", "verständnisvoll", "zuverlässig", "gelob", "großartig", "spitze",
    "beruhig", "gern", "respektvoll", "aufmerksam", "wohlgefühlt", "sicher", "geholfen", "hilfreich", "lob",
    "respekt", "schön", "lecker", "frisch", "reichhaltig", "gründlich", "sofort", "ansprechbar", "gekümmert",
    "kümmer", "jederzeit", "reibungslos", "zügig", "modern", "hell", "gemütlich", "ordnung", "empfehlenswert",
    "verständlich", "einbezogen", "praktisch", "gelinder", "linder", "lächel", "freu", "wohl", "einfach", "erreichbar",
    "würdevoll", "würdig", "menschenwürdig", "wertschätz", "kompetenz", "engagiert", "bemüht", "ruhig", "entspannt",
    "empfehl", "geduld", "motivier", "rührend", "fürsorglich", "warmherzig", "sympathisch", "zugewandt", "engel",
    "kostenlos", "kostenfrei", "barrierefrei", "sinnvoll", "wertvoll", "humorvoll", "gelungen", "gelohnt",
    "vorbildlich", "traumhaft", "fantastisch", "phantastisch", "genial", "erstklassig", "beeindruck", "begeister",
    "erleichter", "segen", "glück", "gepflegt", "sorgfältig", "ausführlich", "geborgen", "respektiert", "gewahrt",
    "entlast", "unterstütz", "ermutig", "positiv", "cool", "korrekt", "übersichtlich", "geheilt", "heilt", "gesund",
    "wohlfühl", "herzlichen", "mega", "weiterempfehl", "hilft", "kurzfristig", "zugehört", "zuhör", "durfte", "froh", "fröhlich", "zeitnah",
))
# Words that a positive or negative stem would swallow but that carry no polarity themselves.
NEUTRAL = _with_ascii((
    "beschwerden", "schmerzmittel", "schmerztherap", "langzeit", "gutachten", "lagen", "sicherung", "frischluft",
    "langjährig", "später", "spätestens", "spätdienst", "kürzlich", "lieber", "sicherlich", "niere", "niedrig",
    "niedergelassen", "gefahren", "wohnheim", "wohnung", "wohngruppe", "angstpatient", "problemzone",
))
NEGATIVE = _with_ascii((
    "schlecht", "chaos", "unfreundlich", "unhöflich", "grob", "arrogant", "inkompetent", "katastroph", "furchtbar",
    "schrecklich", "schlimm", "lang", "ewig", "chaot", "schmutzig", "dreckig", "kalt", "laut", "unzufrieden",
    "enttäusch", "ärger", "verärger", "wütend", "traurig", "ignoriert", "vergessen", "verloren", "falsch",
    "fehl", "mangel", "problem", "beschwer", "unmöglich", "unzumutbar", "frech", "herablassend",
    "überfordert", "abgewimmelt", "gestresst", "genervt", "respektlos", "unverschämt", "unsauber", "verspät",
    "abgesagt", "warten", "gewartet", "schmerz", "allein", "unsicher", "hilflos", "leider", "mies",
    "angst", "unverständlich", "würdelos", "gedemütigt", "abgewiesen", "überlastet", "unterbesetzt", "kaputt",
    "stickig", "eiskalt", "ungünstig", "unbequem", "veraltet", "heruntergekommen", "lieblos",
    "oberflächlich", "übergangen", "unterbrochen", "bloßgestellt", "zumutung", "unerreichbar", "teuer",
    "unfähig", "vergesslich", "überfüllt", "desinteressiert", "gleichgültig", "hektisch", "gehetzt", "verschoben",
    "verschwunden", "unklar", "verwirrend", "mangelhaft", "ungenügend", "enttäuschend", "demütigend", "stumpf",
    "ungenießbar", "besetzt", "spät", "winzig", "spart", "kürz", "unnötig", "umsonst gewartet", "fehlerhaft",
    "pampig", "patzig", "schroff", "barsch", "ruppig", "zickig", "angeschrien", "angeschnauzt", "angebrüllt",
    "angemeckert", "angemault", "anmaßend", "überheblich", "abweisend", "kaltherzig", "herzlos", "taktlos",
    "ausgelacht", "beleidig", "verletzend", "herabwürdig", "entwürdig", "menschenunwürdig", "unwürdig", "lästig",
    "schikan", "skandal", "armutszeugnis", "desaster", "debakel", "fiasko", "albtraum", "alptraum", "horror",
    "hölle", "witz", "peinlich", "schade", "bedauer", "dreist", "eklig", "ekelhaft", "stink", "muffig", "schimmel",
    "verschimmelt", "staubig", "versifft", "verdreckt", "verschmutzt", "verstopft", "defekt", "verwahrlost",
    "vernachlässig", "verwechsel", "verschlechter", "schlechter", "verschlimm", "entzünd", "infektion", "pfusch",
    "versäum", "versagt", "versagen", "übersehen", "abgetan", "abgespeist", "abgeschoben", "weggeschickt",
    "vertröstet", "hingehalten", "stundenlang", "tagelang", "wochenlang", "monatelang", "stress", "frust",
    "verzweifel", "umständlich", "kompliziert", "bürokrat", "durcheinander", "schlamperei", "schlampig",
    "nachlässig", "unorganisiert", "nutzlos", "sinnlos", "planlos", "ahnungslos", "hoffnungslos", "rücksichtslos",
    "endlos", "teilnahmslos", "kommentarlos", "lustlos", "geschmacklos", "eintönig", "langweil", "lauwarm",
    "verkocht", "dünn", "wucher", "abzocke", "abgezockt", "überteuert", "hellhörig", "missacht", "misshand",
    "missverst", "missbrauch", "beanstand", "auszusetzen", "meckern", "negativ", "diskriminier", "rassis",
    "gefährlich", "gewalt", "übergriff", "bedroht", "geschämt", "traumat", "widersprüchlich", "unterkühlt",
    "abgehetzt", "gereizt", "genervt", "überlaufen", "überarbeitet", "komplikation", "verbesserungswürdig", "verbesserungsbedürftig",
    "ausbaufähig", "distanziert", "gefühlskalt",
))
NEGATORS = frozenset({"nicht", "kein", "keine", "keinen", "keiner", "keinem", "nie", "niemals", "nichts", "ohne",
                      "kaum", "niemand", "nirgends", "nirgendwo", "weder",
                      "null"})
# Whole words read before the stems: forms a stem would misread ("eng" would take "engagiert"), and the
# stand-ins of `PHRASES` ("+", "-") and of praise in quotation marks ("_ironie_", see `sentiment._ironic`).
EXACT: dict[str, int] = {"eng": -1, "enge": -1, "engen": -1, "enger": -1, "engem": -1, "enges": -1, "+": 1, "-": -1, "beschwerde": 0,
                        "_ironie_": -1}
# Compound heads that make a compound a complaint ("Personalmangel", "Terminchaos", "Behandlungsfehler").
NEGATIVE_HEADS = _with_ascii((
    "mangel", "chaos", "katastrophe", "problem", "probleme", "problemen", "fehler", "notstand", "skandal",
    "desaster", "zumutung", "frechheit", "stress", "ärger", "panne", "pannen", "pfusch", "horror", "albtraum",
    "schmerzen", "lärm", "dreck", "chaotisch", "mängel",
))
# "-los"/"-frei" turn a complaint into praise ("problemlos", "schmerzfrei") and "-los" praise into a complaint
# ("lieblos"); the stem before them decides.
PRIVATIVE = re.compile(r"^(\w{3,}?)(los|lose|loser|losen|loses|losem|frei|freie|freier|freien|freies|freiem)$")
# Runs of words that mean more together than apart, each replaced by the words given before counting:
# "+" and "-" stand for one positive or negative word, and a negator inside a run of praise is kept in front
# of it, so that negation still reaches the run ("nicht ernst genommen", "nimmt mich nicht ernst"); "++" is
# praise whose negator belongs to it ("besser geht es nicht").
# Patterns run on the clause's lower-case words joined by single spaces.
PHRASES: dict[str, str] = {
    r"ernst genommen|ernstgenommen|ernst nehmen|(?:nimmt|nehmen|nahm|nahmen)(?: \w+){0,3}? ernst": "+",
    r"(?:zeit|geduld) genommen|(?:zeit|geduld) nehmen|(?:nehmen|nahm|nahmen|nimmt) sich (?:\w+ )?zeit": "+",
    r"gut aufgehoben|in guten händen|auf dem laufenden|hand in hand|wie am schnürchen|ein offenes ohr": "+",
    r"(?:immer|jederzeit) (?:für \w+ )?da|für (?:uns|mich) da|weiter so|wie (?:ein|einen) mensch(?:en)?": "+",
    r"besser (?:geht|ging|gehts)(?: es| s)? nicht|(?:geht|ging|könnte|kann)(?: \w+){0,3}? nicht besser": "++",
    r"sich (?:\w+ ){0,2}?zeit (?:nimmt|nehmen|nahm|nahmen)": "+",  # the verb last, as in a subordinate clause
    r"(?:kurze|kaum|keine|ohne|wenig) wartezeit\w*|kurz gewartet|zur seite|an die seite|an die hand|(?:schmerzen"
    r"|beschwerden) (?:sind |waren )?weg": "+",
    r"hör(?:t|te|ten|en|e)?(?: \w+){0,3}? zu|sich (?:\w+ ){0,2}?zeit(?: \w+){0,3}? genommen": "+",
    r"geht es (?:\w+ ){0,2}?(?:viel |deutlich |wieder |schon |jetzt )?besser": "+",
    r"wie (?:eine nummer|ein stück|dreck|vieh|ein kind|ein kleinkind|ein lästiges|ein verbrecher|verbrecher)": "-",
    r"von oben herab|über (?:meinen|unseren|seinen|ihren|unsere) (?:kopf|köpfe)|im stich gelassen|links liegen": "-",
    r"augen verdreht|nie wieder|danke für (?:nix|nichts)|danke auch|ganz großes kino|ein witz|unter aller": "-",
    r"zu wünschen übrig|luft nach oben|keine ahnung|frühestens": "-",
    # Criticism put as a wish or a counterfactual: "hätte früher kommen müssen", "wäre schön, wenn ...".
    r"(?:hätte|hätten)(?: \w+){0,4}? (?:müssen|sollen)|(?:könnte|könnten|dürfte|sollte"
    r"|müsste)(?: \w+){0,2}? besser": "-",
    r"(?:wäre|wären) (?:es )?(?:schön|toll|gut|wünschenswert|besser|hilfreich|nett)(?: gewesen)?(?= wenn| ,)": "-",
    r"(?:hätte|hätten|würde|würden) (?:mir|uns) (?:\w+ ){0,3}?(?:gewünscht|wünschen)": "-",
    r"wünsche (?:mir|uns) (?:mehr|bessere?|weniger|kürzere?|schnellere?)": "-",
    r"erst (?:in |nach )?(?:\d+|\w+) (?:tage|tagen|wochen|monate|monaten|jahre|jahren|monat|jahr)(?: später)?": "-",
    r"nur (?:\d+|ein|eine|einer|zwei|drei|vier|fünf) (?:\w+ )?(?:pflege\w*|pfleger\w*|schwester\w*|ärzt\w*"
    r"|mitarbeite\w*|betreuer\w*|kräfte|personal\w*)": "-",
    r"für (?:\d+|\w+zig|zwanzig|dreißig) (?:patient\w*|bewohner\w*|kinder|klient\w*)": "-",
    r"so gut wie|nicht nur": "",
    r"praktisch(?= (?:nicht|nie|kein))": "",
}
# A story's opening that is not its judgement: a clause set in the past ("Früher war die Praxis super",
# "Anfangs war er sehr unruhig") or one that only tells the patient's state ("Ich hatte große Angst", "hatte
# starke Schmerzen") counts for nothing when a later clause of the story judges the other way.
FRAMES = re.compile(r"\b(?:früher|anfangs|am anfang|zu beginn|zunächst|bisher|vorher|damals)\b")
CONDITION = _with_ascii(("schmerz", "angst", "ängst", "panik", "schock", "verzweifel", "unruhig"))
