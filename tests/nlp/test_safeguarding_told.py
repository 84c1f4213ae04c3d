"""Harm told around its name (TOLD): last messages, care left undone, blows, control, money, restraint by its gear;
and the everyday readings of the same words, which must stay unflagged."""
import pytest

from feedback_app.nlp.safeguarding import rule_flags


ENGLISH = [
    ("Please tell the ward this is the last time I will write anything, and thank them.", "self_harm"),
    ("He wrote a note and put it under his pillow before the weekend.", "self_harm"),
    ("Her text said: don't look for me, I love you all.", "self_harm"),
    ("Forgive me for what I'm about to do.", "self_harm"),
    ("She told the nurse she is not planning to be around after Christmas.", "self_harm"),
    ("The chemist asked my son why he was buying so many packs.", "self_harm"),
    ("After the tribunal he took everything in the cupboard.", "self_harm"),
    ("My daughter scratches her arms with a compass at night.", "self_harm"),
    ("Dad was in the same pad from breakfast till tea time.", "neglect"),
    ("The baby's nappy is never changed when he is with his father.", "neglect"),
    ("Nobody answered the call bell, so she wet the bed.", "neglect"),
    ("His water jug was left out of his reach all afternoon.", "neglect"),
    ("The carer who was meant to watch him slept through the night shift.", "neglect"),
    ("Her lips were cracked and her mouth was dry when we arrived.", "neglect"),
    ("Her son smashed a plate over her head.", "violence"),
    ("A staff member clips him round the ear when he is slow.", "violence"),
    ("Her husband decides what she can wear and who she can see.", "abuse"),
    ("At home he won't let me talk to my sister.", "abuse"),
    ("My brother's appointee spends his money on himself.", "exploitation"),
    ("A cousin took out loans in grandad's name.", "exploitation"),
    ("The physio kept stroking my inner thigh.", "sexual"),
    ("The coach told her it was their secret game.", "sexual"),
    ("They keep a tray clamped on her wheelchair all day.", "restraint"),
    ("The night staff hold his arms behind his back until he calms down.", "restraint"),
]
GERMAN = [
    ("Das ist das letzte Mal, dass ich hier was schreibe. Danke für alles.", "self_harm"),
    ("Sie hat Abschiedszeilen geschrieben, die Briefe liegen unter ihrem Kissen.", "self_harm"),
    ("Wenn ich nicht heimkomme, sucht mich nicht.", "self_harm"),
    ("Meine Familie wäre ohne mich viel besser dran.", "self_harm"),
    ("Er hat alles geschluckt, was im Schrank war.", "self_harm"),
    ("Ihr Arm ist voller frischer Schnitte.", "self_harm"),
    ("Das Baby wird nie gewickelt, es ist ganz wund.", "neglect"),
    ("Papa lag in derselben Einlage wie am Vortag.", "neglect"),
    ("Auf die Klingel hat nachts keiner reagiert.", "neglect"),
    ("Die Trinkflasche stand außer Reichweite.", "neglect"),
    ("Die Lippen meiner Mutter waren aufgesprungen und blutig.", "neglect"),
    ("Ihr Freund hat ihr eine Flasche über den Kopf gezogen.", "violence"),
    ("Der Betreuer haut ihm auf den Hinterkopf.", "violence"),
    ("Die Erzieherin nennt ihn vor der Gruppe dumm und faul.", "abuse"),
    ("Er bestimmt, was ich anziehe und mit wem ich rede.", "abuse"),
    ("Der Pfleger redet mit ihr wie mit einem Hund.", "abuse"),
    ("Ihr Neffe hat einen Kredit auf ihren Namen aufgenommen.", "exploitation"),
    ("Die Pflegekraft verlangt Bargeld für Extrazeit.", "exploitation"),
    ("Sie haben ihm die Fäustlinge angeklebt, damit er nichts rauszieht.", "restraint"),
    ("Zwei Pfleger haben sie aufs Bett gedrückt und ihr eine Spritze gegeben.", "restraint"),
    ("Der Trainer sagte, das sei unser Geheimnis.", "sexual"),
]


@pytest.mark.parametrize("text,kind", ENGLISH + GERMAN)
def test_harm_told_around_its_name_is_flagged(text, kind):
    assert kind in {f.kind for f in rule_flags(text)}


# The everyday readings the new alternatives were narrowed against: travel, treatment, idioms, complaints, money
# handled openly, agreed care.
@pytest.mark.parametrize("text", [
    "This is the last time I write to you about the parking, next time it's the ombudsman.",
    "I wrote a letter to the manager and left it with reception.",
    "She held on to the banister and still fell, the nurse checked her straight away.",
    "There are new cuts to the service, so the clinic only opens on Tuesdays.",
    "He has eczema and scratches his skin raw at night; the cream is helping.",
    "I had to buy several packs of dressings myself.",
    "I took out a loan in my own name to pay the care home fees.",
    "Lorazepam before the scan helped her feel calm and settled, as she had asked.",
    "The carer takes mum to the cash machine and brings back the receipt.",
    "His tray table was left across the bed with the lunch still on it.",
    "The physio massaged my thigh and the swelling went down.",
    "She pressed the buzzer on the bed and a nurse came quickly.",
    "They monitored me for four hours and let me go home.",
    "The carers often never turn up on time, which makes planning hard.",
    "Our son told us when and where the appointment was.",
    "We walked by the canal and stood at the river for a while, lovely day out.",
    "The cake from the kitchen was our little treat, the staff are so kind.",
    "Die Äpfel, die am Baum hängen, sind bald reif.",
    "Der Pflegedienst kommt oft nicht pünktlich, das nervt.",
    "Ich habe bereits 300 Euro überwiesen und trotzdem eine Mahnung bekommen.",
    "Die Tochter hat die Fragen für mich beantwortet, weil mein Deutsch nicht so gut ist.",
    "Bald ist es vorbei mit der Baustelle vor der Klinik.",
    "Die Wunde wurde mit Maden behandelt, das hat sehr gut geholfen.",
    "Im Winter trägt sie gern ihre Fäustlinge beim Spaziergang.",
    "Wir brauchen keine Körperpflege, nur Hilfe im Haushalt.",
    "Mit der Kleidung hat die Wäscherei alles richtig gemacht.",
    "Der Betreuer zahlt die Miete pünktlich und zeigt uns die Belege.",
])
def test_everyday_readings_of_the_told_words_are_not_flagged(text):
    assert rule_flags(text) == []
