"""Demo-Organisationen und Dienste in Deutschland. The names are invented; the towns and streets are real."""
from __future__ import annotations

from ..models import ServiceKind as K
from .specs import OrgSpec
from .specs import ServiceSpec as S

ORGANISATIONS_GERMANY = (
    OrgSpec(
        "AWO Bezirksverband Mittelrhein e. V.", "Nordrhein-Westfalen",
        "Arbeiterwohlfahrt: Pflege, Jugendhilfe und Beratung im Rheinland.",
        children=(
            OrgSpec("AWO Kreisverband Köln-Nord e. V.", "Nordrhein-Westfalen",
                    "Seniorenzentrum, Jugendtreff und Sozialberatung im Kölner Norden.",
                    services=(
                        S(K.CARE_HOME, "AWO Seniorenzentrum Am Rheinufer", "Köln"),
                        S(K.YOUTH_CENTRE, "AWO Jugendtreff Nippes", "Köln"),
                        S(K.WELFARE_ADVICE, "AWO Sozial- und Schuldnerberatung Köln-Nord", "Köln"),
                    )),
        ),
    ),
    OrgSpec(
        "Diakonisches Werk Sachsen-West e. V.", "Sachsen", "Diakonie: Beratung, Pflege und Eingliederungshilfe.",
        children=(
            OrgSpec("Diakonie Kreisverband Leipziger Land e. V.", "Sachsen",
                    "Beratungsstellen, Pflegeheim und Werkstatt im Raum Leipzig.",
                    services=(
                        S(K.COUNSELLING, "Diakonie Ehe-, Familien- und Lebensberatung Leipzig", "Leipzig"),
                        S(K.WELFARE_ADVICE, "Diakonie Schuldnerberatung Leipzig", "Leipzig"),
                        S(K.CARE_HOME, "Diakonie Pflegeheim Haus Lindenhof", "Leipzig"),
                        S(K.DISABILITY_SUPPORT, "Diakonie Werkstatt Lindenau", "Leipzig"),
                    )),
        ),
    ),
    OrgSpec(
        "Caritasverband Breisgau-Süd e. V.", "Baden-Württemberg", "Caritas: Hilfe für Menschen in Not im Breisgau.",
        children=(
            OrgSpec("Caritas Kreisverband Freiburg-Stadt e. V.", "Baden-Württemberg",
                    "Beratung, sozialpsychiatrische Hilfen und Jugendarbeit in Freiburg.",
                    services=(
                        S(K.COUNSELLING, "Caritas Psychologische Beratungsstelle Freiburg", "Freiburg im Breisgau"),
                        S(K.MENTAL_HEALTH, "Caritas Sozialpsychiatrischer Dienst Freiburg", "Freiburg im Breisgau"),
                        S(K.YOUTH_CENTRE, "Caritas Jugendmigrationsdienst Freiburg", "Freiburg im Breisgau"),
                    )),
        ),
    ),
    OrgSpec(
        "Kliniken Elbufer gGmbH", "Hamburg", "Zwei Krankenhäuser der Grund- und Regelversorgung in Hamburg.",
        children=(
            OrgSpec("Krankenhaus Elbufer-Altona", "Hamburg", "Notaufnahme, Innere Medizin und Geburtshilfe.",
                    services=(
                        S(K.HOSPITAL, "Krankenhaus Elbufer-Altona – Zentrale Notaufnahme", "Hamburg"),
                        S(K.HOSPITAL, "Krankenhaus Elbufer-Altona – Station 3A (Innere Medizin)", "Hamburg"),
                        S(K.HOSPITAL, "Krankenhaus Elbufer-Altona – Geburtshilfe", "Hamburg"),
                    )),
            OrgSpec("Krankenhaus Elbufer-Barmbek", "Hamburg", "Chirurgie, Geriatrie und Psychiatrie.",
                    services=(
                        S(K.HOSPITAL, "Krankenhaus Elbufer-Barmbek – Station 5 (Unfallchirurgie)", "Hamburg"),
                        S(K.HOSPITAL, "Krankenhaus Elbufer-Barmbek – Geriatrie", "Hamburg"),
                        S(K.MENTAL_HEALTH, "Krankenhaus Elbufer-Barmbek – Psychiatrische Institutsambulanz", "Hamburg"),
                    )),
        ),
    ),
    OrgSpec("Städtisches Klinikum Münster-Süd gGmbH", "Nordrhein-Westfalen", "Kommunales Krankenhaus in Münster.",
            services=(S(K.HOSPITAL, "Klinikum Münster-Süd – Zentrale Notaufnahme", "Münster"),
                      S(K.HOSPITAL, "Klinikum Münster-Süd – Station 4B (Kardiologie)", "Münster"))),
    OrgSpec("Hausarztpraxis am Rosenplatz", "Nordrhein-Westfalen", "Hausärztliche Gemeinschaftspraxis.",
            services=(S(K.GP_PRACTICE, "Hausarztpraxis am Rosenplatz", "Münster"),)),
    OrgSpec("Gemeinschaftspraxis Lindenau", "Sachsen", "Hausärztliche Versorgung im Leipziger Westen.",
            services=(S(K.GP_PRACTICE, "Gemeinschaftspraxis Lindenau", "Leipzig"),)),
    OrgSpec("Hausärzte am Stadtpark", "Hamburg", "Hausarztpraxis in Winterhude.",
            services=(S(K.GP_PRACTICE, "Hausärzte am Stadtpark", "Hamburg"),)),
    OrgSpec("Praxis am Isartor", "Bayern", "Allgemeinmedizin in der Münchner Innenstadt.",
            services=(S(K.GP_PRACTICE, "Praxis am Isartor – Allgemeinmedizin", "München"),)),
    OrgSpec("Rettungsdienst Nordhessen gGmbH", "Hessen", "Rettungswachen und Notfallrettung in Nordhessen.",
            services=(S(K.AMBULANCE, "Rettungswache Kassel-Mitte", "Kassel"),
                      S(K.AMBULANCE, "Rettungswache Kassel-Wilhelmshöhe", "Kassel"))),
    OrgSpec("Ärztlicher Bereitschaftsdienst Sachsen gGmbH", "Sachsen",
            "Telefonische Ersteinschätzung unter 116117 und Bereitschaftspraxen.",
            services=(S(K.URGENT_CARE_LINE, "Bereitschaftsdienst 116117 – Leitstelle Dresden", "Dresden"),
                      S(K.URGENT_CARE_LINE, "Bereitschaftspraxis Dresden-Neustadt", "Dresden"))),
    OrgSpec("Krisendienst München-Süd e. V.", "Bayern", "Psychiatrischer Krisendienst rund um die Uhr.",
            services=(S(K.MENTAL_HEALTH, "Krisendienst München-Süd", "München"),
                      S(K.COUNSELLING, "Beratungsstelle Sendling", "München"))),
    OrgSpec("Inklusionswerk Dresden gGmbH", "Sachsen", "Assistenz und Wohnen für Menschen mit Behinderung.",
            services=(S(K.DISABILITY_SUPPORT, "Inklusionswerk – Ambulant Betreutes Wohnen", "Dresden"),
                      S(K.DISABILITY_SUPPORT, "Inklusionswerk – Persönliche Assistenz", "Dresden"))),
    OrgSpec("Seniorenstift Kassel-Ost gGmbH", "Hessen", "Stationäre Pflege und Kurzzeitpflege.",
            services=(S(K.CARE_HOME, "Seniorenstift Kassel-Ost", "Kassel"),)),
)
