"""The German rules read German: word formation, spelling without umlauts, negation, "zu", contrast and
concession, separable verbs and compounds; and they leave alone the readings that only look alike.

The texts were written for these tests (not taken from any story set).
"""
import pytest

from feedback_app.nlp import analyse_many, detect_language
from feedback_app.nlp.sentiment import german_units, lexicon_counts


def _one(text):
    return analyse_many([text], ["de"])[0]


@pytest.mark.parametrize(("text", "label"), [
    # Word formation: "-los"/"-frei" on a complaint is praise, on praise a complaint; "un-" turns a stem round;
    # a compound whose head is a complaint is one.
    ("Die Aufnahme lief problemlos.", "positive"),
    ("Nach dem Eingriff war ich schnell schmerzfrei.", "positive"),
    ("Die Betreuung war lieblos und respektlos.", "negative"),
    ("Die Anmeldung war unkompliziert und unbürokratisch.", "positive"),
    ("Der Arzt war ungeduldig und unaufmerksam.", "negative"),
    ("Wegen Personalmangel fiel die Therapie aus.", "negative"),
    ("Das Terminchaos in der Praxis nervt.", "negative"),
    ("Das Personal ist engagiert und kompetent.", "positive"),  # "eng" (narrow) does not take "engagiert"
    # Spelling without umlauts.
    ("Die Aerztin war sehr hoeflich und hat alles erklaert.", "positive"),
    ("Die Pflegekraefte waren unhoeflich.", "negative"),
    # Negation: flips praise and complaints, is a complaint when bare, stops at a comma, "nicht nur" is no negation.
    ("Die Pflegerin war nicht unfreundlich.", "positive"),
    ("Kein Problem, alles lief reibungslos.", "positive"),
    ("Ich habe nichts zu beanstanden.", "positive"),
    ("Kaum Wartezeit und sehr nette Leute.", "positive"),
    ("Es gibt kaum Personal am Wochenende.", "negative"),
    ("Null Privatsphäre auf der Station.", "negative"),
    ("Uns wurde nicht gesagt, wie lange die Untersuchung dauert.", "negative"),
    ("Das Essen war nicht nur lecker, sondern auch reichlich.", "positive"),
    ("Die Praxis ist praktisch nie erreichbar.", "negative"),
    # Runs of words: separable verbs and idioms, with negation reaching into them.
    ("Die Schwester hörte mir gar nicht zu.", "negative"),
    ("Der Arzt nimmt mich nicht ernst.", "negative"),
    ("Man hat sich viel Zeit für mich genommen.", "positive"),
    ("Super Team, immer ein offenes Ohr!", "positive"),
    ("Seit dem Umzug ins Heim geht es meiner Mutter viel besser.", "positive"),
    ("Es wurde über unseren Kopf hinweg entschieden.", "negative"),
    ("Man fühlt sich wie eine Nummer.", "negative"),
    ("Danke für nix.", "negative"),
    ("Einen Termin gibt es erst in vier Monaten.", "negative"),
    ("Nachts sind nur zwei Pflegekräfte für vierzig Bewohner da.", "negative"),
    # "zu" before an adjective; contrast; concession (the conceded part is not the judgement).
    ("Die Wartezeit war viel zu lang.", "negative"),
    ("Das Essen war gut, leider war das Zimmer sehr laut.", "mixed"),
    ("Die Ärzte sind kompetent, aber die Organisation ist chaotisch.", "mixed"),
    ("Obwohl viel los war, wurde ich sofort versorgt und alle waren freundlich.", "positive"),
    ("Die Schwestern waren herzlich, obwohl sie gestresst waren.", "positive"),
    ("Trotz langer Wartezeit waren alle freundlich.", "positive"),
    ("Ich würde die Praxis jederzeit weiterempfehlen.", "positive"),
    # Criticism as a wish or counterfactual, and praise in quotation marks.
    ("Die Befunde hätten viel früher kommen müssen.", "negative"),
    ("Es wäre schön, wenn man mal zurückgerufen würde.", "negative"),
    ("Ich hätte mir mehr Unterstützung gewünscht.", "negative"),
    ("Die Verpflegung ist verbesserungswürdig.", "negative"),
    ("Sehr „kompetent“, der Herr Doktor.", "negative"),
    # "niemand" negates what follows it; idioms whose negation is praise; the verb last in a subordinate clause.
    ("In den Ferien ist niemand erreichbar.", "negative"),
    ("Niemand war unfreundlich.", "positive"),
    ("Die Wundversorgung klappt, besser geht es nicht.", "positive"),
    ("Wir haben eine Ärztin, die sich immer Zeit nimmt.", "positive"),
    ("Der Eingriff verlief ohne Komplikationen.", "positive"),
    ("Die Leitung reagiert auf keine Beschwerde.", "negative"),
    # A story's opening that is not its judgement: the patient's state, or a past set against the present.
    ("Ich hatte große Angst vor der Narkose. Der Anästhesist war ruhig und geduldig. Alles lief gut.", "positive"),
    ("Früher war die Praxis toll. Heute ist sie nie erreichbar und die Ärztin ist unfreundlich.", "negative"),
    ("Anfangs war mein Vater im Heim sehr unruhig. Inzwischen fühlt er sich wohl.", "positive"),
    ("Ich hatte starke Schmerzen. Niemand hat reagiert.", "negative"),  # no later praise: the pain is the complaint
    ("Die Ärzte waren toll. Leider war das Essen kalt und das Zimmer schmutzig.", "mixed"),  # praise is no opening
])
def test_german_sentiment_reads_german(text, label):
    assert _one(text).sentiment.label == label


@pytest.mark.parametrize(("text", "theme"), [
    ("Die Therapeutin hört einem wirklich zu.", "communication"),
    ("Der Arzt nimmt mich nicht ernst.", "communication"),
    ("Die Medikamente wurden ohne Rücksprache umgestellt.", "communication"),
    ("Wegen Personalmangel fiel die Therapie aus.", "staff_capacity"),
    ("Nachts sind nur zwei Pflegekräfte für vierzig Bewohner da.", "staff_capacity"),
    ("Ich habe geklingelt und es kam sofort jemand.", "staff_capacity"),
    ("Jeden Tag kommen wechselnde Leute von der Leiharbeit.", "staff_capacity"),
    ("Die Gesprächstherapie hat mir geholfen.", "care_treatment"),
    ("Im Mehrbettzimmer konnte man nicht schlafen.", "environment"),
    ("Das Mittagessen war kalt.", "environment"),
    ("Wir haben drei Stunden in der Notaufnahme gewartet.", "access_waiting"),
    ("Einen Therapieplatz bekommt man frühestens im Herbst.", "access_waiting"),
    ("Gut mit der Straßenbahn zu erreichen.", "travel_parking"),
    ("Der Pfleger hat nicht angeklopft und ist einfach reingeplatzt.", "dignity_safety"),
    ("Er wurde gegen seinen Willen fixiert.", "dignity_safety"),
    ("Ohne Dolmetscher habe ich nichts verstanden.", "dignity_safety"),
    ("Als Tochter wurde ich in alles einbezogen.", "family_carers"),
    ("Die Heimleitung spart an allen Ecken.", "organisation"),
    ("Die Abrechnung ist ein einziges Durcheinander.", "organisation"),
    ("Die Aerztin war sehr hoeflich.", "staff_attitude"),
    ("Wartezeit ueber drei Stunden.", "access_waiting"),
    ("Die Überleitung in die Kurzzeitpflege hat geklappt.", "coordination"),
])
def test_german_themes_found(text, theme):
    assert theme in {t.code for t in _one(text).themes}


@pytest.mark.parametrize(("text", "theme"), [
    ("Ich würde jederzeit wiederkommen.", "dignity_safety"),  # "würde" is "would", not "Würde"
    ("Das Team war wirklich toll.", "care_treatment"),  # "wirklich" is not "Wirkung"
    ("Die Rezeption war chaotisch.", "care_treatment"),  # "Rezeption" is not "Rezept"
    ("Mit meinem Vater bin ich im Park spazieren gegangen.", "travel_parking"),  # a park is no parking
    ("Ich war nicht in der Lage, allein zu laufen.", "travel_parking"),  # "in der Lage" is no location
    ("Die linke Hand weiß nicht, was die rechte tut.", "dignity_safety"),
    ("Vor allen Dingen war das Essen gut.", "dignity_safety"),
    ("Die Duschen waren sauber.", "dignity_safety"),
    ("Die Parkgebühren sind eine Frechheit.", "staff_attitude"),
])
def test_german_themes_not_found_for_lookalikes(text, theme):
    assert theme not in {t.code for t in _one(text).themes}


def test_quoted_words_that_praise_nothing_are_not_irony():
    assert lexicon_counts('Er sagte nur "Das wird schon".', "de") == (0, 0)
    assert lexicon_counts("Ein Gespräch - kein Problem.", "de") == (1, 0)  # a dash is no stand-in for a complaint


def test_german_counts_read_word_formation():
    assert lexicon_counts("problemlos schmerzfrei stressfrei", "de") == (3, 0)
    assert lexicon_counts("lieblos respektlos", "de") == (0, 2)
    assert lexicon_counts("unkompliziert", "de") == (1, 0) and lexicon_counts("unzuverlässig", "de") == (0, 1)
    assert lexicon_counts("Kommunikationsprobleme", "de") == (0, 1)
    assert lexicon_counts("kostenlos", "de") == (1, 0) and lexicon_counts("barrierefrei", "de") == (1, 0)


def test_german_units_cut_where_a_new_judgement_starts():
    text = "Obwohl es voll war, ging es schnell, leider ohne Erklärung."
    assert [[text[a:b] for a, b in sentence] for sentence in german_units(text)] == [
        ["Obwohl es voll war", "ging es schnell", "leider ohne Erklärung."]]
    text = "Nicht nur nett, sondern kompetent."
    assert [[text[a:b] for a, b in sentence] for sentence in german_units(text)] == [
        ["Nicht nur nett", "sondern kompetent."]]


@pytest.mark.parametrize(("text", "lang"), [
    ("Weiter so, echt gut!", "de"), ("Leider zu lang gewartet", "de"), ("Die Aerztin war schoen hoeflich", "de"),
    ("Staff helped me with my zimmer frame", "en"), ("The station staff were total stars", "en"),
])
def test_german_words_without_function_words_are_detected(text, lang):
    assert detect_language(text) == lang
