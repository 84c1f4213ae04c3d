"""Harm told in passing (UNSAID): a life not to be drawn out, leaving told in slang, a threat in its idiom, a drink
out of reach told by the person, a blow told verb-last, a will drawn up for the manager; and the everyday readings
of the same words, which the rules must leave unflagged (the shipped model alone flags three of them, as before
these rules: a drink and bell within reach, a home too far away, "keinen Grund zum Weinen")."""
import pytest

from feedback_app.nlp.safeguarding import rule_flags

FLAGGED = [
    ("I feel like a burden to my son and I've stopped going to the cardiologist. Why prolong it?", "self_harm"),
    ("She says there is nothing left for her, so why prolong her life.", "self_harm"),
    ("Honestly I'm trying to disappear for good, not to get thin.", "self_harm"),
    ("I don't know if I'll make it through the night, and nobody rang back.", "self_harm"),
    ("The night nurse said to him: I'll give you something to cry about.", "abuse"),
    ("She can't reach her water jug from the chair, every single visit.", "neglect"),
    ("He lay in the wet bed, the sheets, which were not changed until the next morning.", "neglect"),
    ("The home had my mother sign a will naming the manager as executor.", "exploitation"),
    ("They persuaded him to sign a new will while we were away.", "exploitation"),
    ("Wozu soll ich das noch in die Länge ziehen, hat Papa beim Abendbrot gesagt.", "self_harm"),
    ("Mein Bruder schreibt in der Gruppe, dass er nach Weihnachten den Abgang macht.", "self_harm"),
    ("Ich will einfach nur noch verschwinden.", "self_harm"),
    ("Ich weiß nicht, ob es gut geht, ich bin nicht sicher, ob ich das Wochenende überlebe.", "self_harm"),
    ("Das Seil liegt im Keller, falls er den Mut findet.", "self_harm"),
    ("Die Pflegerin rief: Ich gebe dir gleich einen Grund zum Heulen!", "abuse"),
    ("Ich kann den Becher nicht erreichen, er steht zu weit weg.", "neglect"),
    ("Ihre Lippen waren so trocken, dass sie rissig waren.", "neglect"),
    ("Er erzählt, dass der Nachtdienst ihm auf den Kopf schlägt, wenn er trödelt.", "violence"),
]

EVERYDAY = [
    ("en", "The consultant clearly wanted to disappear as soon as we asked a question."),
    ("en", "Why prolong the wait? Just tell us the results."),
    ("en", "I was so embarrassed I wanted the ground to swallow me."),
    ("en", "If I have the nerve to complain again I will write to the chief executive."),
    ("en", "Mum made a new will with her solicitor and we were all there."),
    ("en", "She can reach her drink and the call bell easily from the new chair."),
    ("en", "The sheets were changed every morning and she was comfortable."),
    ("en", "There is no reason to cry, the nurse told my daughter kindly before the jab."),
    ("de", "Das Heim liegt leider zu weit weg für wöchentliche Besuche."),
    ("de", "Falls ich den Mut habe, mich noch mal zu beschweren, schreibe ich an die Kasse."),
    ("de", "Der Arzt wollte nach zwei Minuten schon wieder verschwinden."),
    ("de", "Es gibt keinen Grund zum Weinen, hat die Schwester zu meiner Tochter gesagt."),
    ("de", "Die Sitzung wurde unnötig in die Länge gezogen."),
    ("de", "Ich bin mir nicht sicher, ob ich die Wartezeit noch aushalte."),
    ("de", "Sie ist beim Aufstehen auf den Kopf gefallen, der Arzt kam sofort."),
    ("de", "Die Lippen waren trocken, die Pflege hat sie eingecremt und ihr Tee gebracht."),
]


@pytest.mark.parametrize("text,kind", FLAGGED)
def test_harm_told_in_passing_is_flagged_with_its_kind(text, kind):
    assert kind in {f.kind for f in rule_flags(text)}


@pytest.mark.parametrize("lang,text", EVERYDAY)
def test_everyday_readings_of_the_unsaid_words_are_not_flagged(lang, text):
    assert rule_flags(text) == [], lang
