"""German word lists: theme cues and a sentiment lexicon (there is no open labelled German feedback data)."""
from __future__ import annotations

# Fragments matched at word starts, case-insensitively; German compounds ("Wartezeit",
# "Parkgebühren") are caught by letting a cue run on into the rest of the word (\w*).
THEME_CUES: dict[str, str] = {
    "staff_attitude": r"freundlich\w*|unfreundlich\w*|nett\w*|höflich\w*|unhöflich\w*|respekt\w*|herzlich\w*"
                      r"|liebevoll\w*|einfühlsam\w*|arrogan\w*|herablassend\w*|zuvorkommend\w*|hilfsbereit\w*"
                      r"|mitfühlend\w*|grob|gereizt\w*|genervt\w*|angeschnauzt|umgangston|ton\b|verständnisvoll\w*",
    "staff_capacity": r"personalmangel|unterbesetzt\w*|zu wenig personal|überlastet\w*|klingel\w*|niemand kam"
                      r"|keiner kam|ständig wechselnd\w*|immer (andere|ein anderer)|gestresst\w*|keine zeit",
    "communication": r"erklär\w*|informier\w*|information\w*|aufgeklärt|aufklärung|zugehört|zuhören|gespräch\w*"
                     r"|kommunikation\w*|auskunft\w*|rückruf\w*|beraten|beratung\w*|verständlich\w*"
                     r"|unverständlich\w*|fragen|nachfrage\w*|einbezogen|mitentscheiden",
    "access_waiting": r"wart\w*|termin\w*|verspät\w*|verzöger\w*|erreichbar\w*|unerreichbar\w*|warteliste\w*"
                      r"|abgesagt|absage\w*|sprechzeit\w*|öffnungszeit\w*|hotline|telefonisch\w*|durchkommen"
                      r"|schnell\w*|pünktlich\w*|notdienst\w*|bereitschaftsdienst\w*|stunden gewartet",
    "care_treatment": r"behandl\w*|diagnos\w*|fehldiagnos\w*|medikament\w*|tablett\w*|schmerz\w*|operation\w*"
                      r"|operiert|therapie\w*|therapeut\w*|untersuch\w*|kompeten\w*|inkompeten\w*|fachlich\w*"
                      r"|versorg\w*|verband\w*|spritze\w*|impf\w*|physiotherap\w*|pflege\b|gepflegt|betreu\w*",
    "coordination": r"entlass\w*|überweis\w*|aufnahme\w*|aufgenommen|pflegeplan\w*|akte\w*|unterlagen|befund\w*"
                    r"|arztbrief\w*|übergabe\w*|weitergeleitet|verlegt|verlegung\w*|nachsorge\w*|hilfeplan\w*",
    "environment": r"sauber\w*|schmutzig\w*|dreckig\w*|hygien\w*|essen\w*|mahlzeit\w*|verpflegung\w*|getränk\w*"
                   r"|kaffee|lärm\w*|laut\w*|ruhig\w*|zimmer\w*|bett\w*|toilette\w*|dusche\w*|wartezimmer\w*"
                   r"|wartebereich\w*|ausstattung\w*|gerät\w*|rollstuhl\w*|fernseh\w*|wlan|garten\w*|räume\w*"
                   r"|gebäude\w*|kalt|warm|gemütlich\w*|freizeitangebot\w*|aktivität\w*",
    "travel_parking": r"park\w*|krankentransport\w*|transport\w*|fahrdienst\w*|fahrer\w*|taxi\w*|bus\w*|anfahrt\w*"
                      r"|anreise\w*|lage|erreichbarkeit|weit weg|fahrt\w*|rettungswagen\w*|krankenwagen\w*",
    "dignity_safety": r"würde\w*|würdelos\w*|privatsphäre|intimsphäre|sicher\b|sicherheit\w*|unsicher\w*"
                      r"|diskriminier\w*|rassis\w*|gleichberechtig\w*|barrierefrei\w*|inklusi\w*|bloßgestellt"
                      r"|gedemütigt|geschämt|scham\w*|gewaschen|körperpflege|zwangseinweis\w*|unterbringung\w*",
    "family_carers": r"angehörige\w*|familie\w*|(mein|meine|meinem|meinen|meiner|unser|unsere) (mann|frau|sohn"
                     r"|tochter|mutter|vater|eltern|kind|kinder|oma|opa|schwester|bruder|enkel\w*)|besuch\w*",
    "organisation": r"organisat\w*|organisier\w*|chaotisch\w*|chaos|verwaltung\w*|bürokrat\w*|leitung|management"
                    r"|geld|finanz\w*|kosten\w*|krankenkasse\w*|formular\w*|papierkram|ablauf|abläufe",
}

# Stems (prefix match on lower-cased words). Negators flip the polarity of the next few words.
POSITIVE = (
    "gut", "super", "toll", "prima", "klasse", "hervorragend", "ausgezeichnet", "exzellent", "wunderbar",
    "freundlich", "nett", "hilfsbereit", "herzlich", "kompetent", "zufrieden", "dankbar", "danke", "dank",
    "lieb", "einfühlsam", "geduldig", "schnell", "pünktlich", "sauber", "angenehm", "professionell", "perfekt",
    "empfehlen", "top", "bestens", "klar", "verständnisvoll", "zuverlässig", "gelob", "großartig", "spitze",
    "beruhig", "gern", "respektvoll", "aufmerksam", "wohlgefühlt", "sicher", "geholfen", "hilfreich", "lob",
    "respekt", "schön", "lecker", "frisch", "reichhaltig", "gründlich", "sofort", "ansprechbar", "gekümmert",
    "kümmer", "jederzeit", "reibungslos", "zügig", "modern", "hell", "gemütlich", "ordnung", "empfehlenswert",
    "verständlich", "einbezogen", "praktisch", "gelinder", "linder", "lächel", "freu", "wohl", "einfach", "erreichbar", "herzlich", "würde",
    "ernst genommen", "zeit genommen", "wertschätz", "kompetenz", "engagiert", "bemüht", "ruhig", "entspannt",
)
# Words that a positive or negative stem would swallow but that carry no polarity themselves.
NEUTRAL = ("beschwerden", "schmerzmittel", "schmerztherap", "langzeit", "gutachten", "lagen", "sicherung", "frischluft")
NEGATIVE = (
    "schlecht", "chaos", "unfreundlich", "unhöflich", "grob", "arrogant", "inkompetent", "katastroph", "furchtbar",
    "schrecklich", "schlimm", "lang", "ewig", "chaot", "schmutzig", "dreckig", "kalt", "laut", "unzufrieden",
    "enttäusch", "ärger", "verärger", "wütend", "traurig", "ignoriert", "vergessen", "verloren", "falsch",
    "nie", "niemand", "fehl", "mangel", "problem", "beschwer", "unmöglich", "unzumutbar", "frech", "herablassend",
    "überfordert", "abgewimmelt", "gestresst", "genervt", "respektlos", "unverschämt", "unsauber", "verspät",
    "abgesagt", "warten", "gewartet", "schmerz", "allein", "unsicher", "hilflos", "leider", "kaum", "mies",
    "angst", "unverständlich", "würdelos", "gedemütigt", "abgewiesen", "überlastet", "unterbesetzt", "kaputt",
    "stickig", "eng", "eiskalt", "ungünstig", "unbequem", "veraltet", "heruntergekommen", "lieblos",
    "oberflächlich", "übergangen", "unterbrochen", "bloßgestellt", "zumutung", "unerreichbar", "teuer",
    "unfähig", "vergesslich", "überfüllt", "desinteressiert", "gleichgültig", "hektisch", "gehetzt", "verschoben",
    "verschwunden", "unklar", "verwirrend", "mangelhaft", "ungenügend", "enttäuschend", "demütigend", "stumpf",
    "ungenießbar", "besetzt", "spät", "winzig", "spart", "kürz", "unnötig", "umsonst gewartet", "fehlerhaft",
)
NEGATORS = frozenset({"nicht", "kein", "keine", "keinen", "keiner", "keinem", "nie", "niemals", "nichts", "ohne"})
