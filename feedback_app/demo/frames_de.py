"""German story frames, the counterpart of frames_en. Openers name the service in brackets, so no article has
to agree with the service's name; {relative} only ever stands as a subject, where the nominative fits."""
from ..models import ServiceKind as K

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")
MONTH_PHRASE = "im {month} {year}"

KIND_WORDS = {
    K.HOSPITAL: ("die Pflegekräfte und Ärzte", "auf der Station"),
    K.GP_PRACTICE: ("die Ärztinnen und das Praxisteam", "in der Praxis"),
    K.AMBULANCE: ("die Sanitäter", "im Rettungswagen"),
    K.URGENT_CARE_LINE: ("die Leute am Telefon", "am Telefon"),
    K.MENTAL_HEALTH: ("die Mitarbeitenden", "im Dienst"),
    K.CARE_HOME: ("die Pflegekräfte", "im Heim"),
    K.YOUTH_CENTRE: ("die Betreuerinnen und Betreuer", "im Jugendtreff"),
    K.COUNSELLING: ("die Beraterinnen", "in der Beratungsstelle"),
    K.DISABILITY_SUPPORT: ("die Assistenzkräfte", "in der Einrichtung"),
    K.WELFARE_ADVICE: ("die Beraterinnen und Berater", "in der Beratungsstelle"),
}

OPENERS = {
    K.HOSPITAL: {
        "self": ["Ich wurde {month} mit Brustschmerzen im Krankenhaus aufgenommen ({service}).",
                 "Ich hatte {month} eine geplante Operation und lag drei Nächte im Krankenhaus ({service}).",
                 "Nach einem Sturz zu Hause war ich {month} eine Woche im Krankenhaus ({service})."],
        "carer": ["{relative} kam {month} mit einer Lungenentzündung ins Krankenhaus ({service}).",
                  "{relative} lag {month} nach einem Schlaganfall zehn Tage im Krankenhaus ({service})."],
    },
    K.GP_PRACTICE: {
        "self": ["Ich war {month} wegen eines hartnäckigen Hustens in der Hausarztpraxis ({service}).",
                 "Ich brauchte {month} wegen Rückenschmerzen einen Termin in der Praxis ({service}).",
                 "Ich war {month} zur Kontrolle meiner Blutdrucktabletten in der Praxis ({service})."],
        "carer": ["{relative} brauchte {month} wegen eines Ausschlags einen Termin in der Praxis ({service}), "
                  "und ich bin mitgegangen.",
                  "{relative} hat Diabetes und war {month} zur Kontrolle in der Praxis ({service})."],
    },
    K.AMBULANCE: {
        "self": ["Ich habe {month} die 112 gewählt, weil ich kaum Luft bekam, und der Rettungsdienst kam ({service}).",
                 "Nach einem Zusammenbruch in der Stadt hat mich der Rettungsdienst {month} ins Krankenhaus "
                 "gebracht ({service})."],
        "carer": ["{relative} ist {month} schwer gestürzt, und ich habe den Rettungsdienst gerufen ({service}).",
                  "{relative} brauchte {month} einen Rettungswagen ({service})."],
    },
    K.URGENT_CARE_LINE: {
        "self": ["Ich habe {month} spätabends wegen starker Bauchschmerzen die 116117 angerufen ({service}).",
                 "Am Wochenende war meine Praxis zu, also habe ich {month} beim Bereitschaftsdienst angerufen "
                 "({service})."],
        "carer": ["Ich habe {month} nachts um zwei beim Bereitschaftsdienst angerufen, weil {relative} hohes "
                  "Fieber hatte ({service})."],
    },
    K.MENTAL_HEALTH: {
        "self": ["Nach einer langen depressiven Phase wurde ich {month} überwiesen ({service}).",
                 "Nach einer Krise {month} wurde ich vom Team unterstützt ({service})."],
        "carer": ["{relative} wurde {month} nach einer psychischen Krise überwiesen ({service})."],
    },
    K.CARE_HOME: {
        "self": ["Ich bin {month} nach meiner Hüft-OP ins Pflegeheim gezogen ({service})."],
        "carer": ["{relative} ist {month} ins Pflegeheim gezogen ({service}), weil es zu Hause nicht mehr ging.",
                  "{relative} war {month} zur Kurzzeitpflege im Heim ({service})."],
    },
    K.YOUTH_CENTRE: {
        "self": ["Ich bin {month} zum ersten Mal nach der Schule in den Jugendtreff gegangen ({service}).",
                 "Eine Freundin hat mich {month} mitgenommen ({service})."],
        "carer": ["Mein Sohn (15) ist {month} zum ersten Mal in den Jugendtreff gegangen ({service})."],
    },
    K.COUNSELLING: {
        "self": ["Nach meiner Trennung hatte ich ab {month} sechs Sitzungen in der Beratungsstelle ({service}).",
                 "Nach einem Todesfall in der Familie bin ich {month} zur Beratung gegangen ({service})."],
        "carer": ["{relative} war {month} nach einem Trauerfall in der Beratung ({service})."],
    },
    K.DISABILITY_SUPPORT: {
        "self": ["Ich habe {month} mit der Assistenz angefangen ({service}), damit ich selbstständiger leben kann."],
        "carer": ["Unser Sohn hat eine Lernbehinderung und hat {month} in der Einrichtung angefangen ({service})."],
    },
    K.WELFARE_ADVICE: {
        "self": ["Ich war {month} in der Beratung ({service}), weil mein Bürgergeld gestrichen wurde und die Miete "
                 "offen war.",
                 "Wegen meiner Schulden habe ich mir {month} Hilfe in der Schuldnerberatung geholt ({service})."],
        "carer": ["Ich war {month} in der Sozialberatung ({service}), weil ich Hilfe beim Antrag auf Pflegegeld "
                  "brauchte."],
    },
}

RELATIVES = ("meine Mutter", "mein Vater", "mein Mann", "meine Frau", "mein Sohn", "meine Tochter", "meine Oma")
ACQUAINTANCES = ("meine Nachbarin", "ein Freund von mir", "ein älterer Nachbar")
STAFF_PREFIX = "Ich arbeite selbst in der Pflege und weiß, unter welchem Druck das Personal steht."
PATHWAY = "Es geht um mehrere Stellen nacheinander: {services}."
PATHWAY_JOIN = ", danach "
TRANSITIONS = ("Es lief aber nicht alles gut.", "Es gab aber auch Probleme.", "Es gibt aber auch eine andere Seite.")
CLOSINGS = {
    "positive": ("Vielen Dank an alle, die beteiligt waren.", "Ich kann diese Einrichtung nur weiterempfehlen.",
                 "Bitte richten Sie dem ganzen Team meinen Dank aus."),
    "negative": ("Ich hoffe, dass das jemand liest und sich etwas ändert.",
                 "So etwas soll niemand anderes erleben müssen.",
                 "Ich habe mich auch offiziell beschwert, wollte es aber hier teilen."),
    "mixed": ("Insgesamt gute Leute in einem überlasteten System.", "Manches war toll, anderes muss besser werden."),
}
FEELINGS = {
    "positive": ("Beruhigt und gut aufgehoben.", "Erleichtert und dankbar.", "Ernst genommen und respektiert.",
                 "Zuversichtlich, wie es weitergeht."),
    "negative": ("Ängstlich, übergangen und erschöpft.", "Wütend und im Stich gelassen.",
                 "Wie eine Nummer, nicht wie ein Mensch.", "Verängstigt und allein."),
    "mixed": ("Dankbar für die Behandlung, aber genervt vom Warten.",
              "Am Ende erleichtert, aber es waren anstrengende Tage."),
}
NOTHING_GOOD = ("Ehrlich gesagt wenig.", "Leider nicht viel.")
NOTHING_TO_IMPROVE = ("Eigentlich nichts, machen Sie weiter so.", "Mir fällt nichts ein.")
PSEUDONYMS = {
    "patient": ("Patientin aus {town}", "M. aus {town}", "Patient", "Betroffener", "Aus {town}"),
    "carer": ("Tochter", "Angehöriger aus {town}", "Pflegende Ehefrau", "Vater", "Aus der Familie"),
    "staff": ("Pflegekraft im Nachtdienst", "Mitarbeiterin aus {town}", "Kollege aus der Pflege"),
    "other": ("Nachbarin", "Ein Freund", "Besucher aus {town}"),
}
MIXED_TITLE = "{good}, aber: {bad}"
LOWER_SECOND_TITLE = False
