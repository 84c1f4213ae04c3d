"""German disclosures told as care records and plain speech tell them (`safeguarding.RECORDED`), and the ordinary
sentences in the same words that must stay unflagged."""
import pytest

from feedback_app.nlp.safeguarding import rule_flags


@pytest.mark.parametrize("text,kind", [
    ("Ich will einfach für immer weg sein, keiner würde es merken.", "self_harm"),
    ("Nicht Urlaub weg, sondern richtig weg, versteht ihr?", "self_harm"),
    ("Sie hat gestern zwanzig Schlaftabletten geschluckt und lag morgens im Bad.", "self_harm"),
    ("Die Schmerzmittel standen auf dem Plan, wurden aber einfach nicht gegeben.", "neglect"),
    ("Medikamentengabe am Wochenende laut Blister nicht erfolgt.", "neglect"),
    ("Der Bewohner erhielt drei Tage keine Medikamente.", "neglect"),
    ("Die Wunde eitert und niemand hat den Verband gewechselt.", "neglect"),
    ("Das Kind hat seit Wochen Kopflausbefall, das Jugendamt weiß es.", "neglect"),
    ("Das ist unterlassene Hilfeleistung, meine Mutter lag stundenlang da.", "neglect"),
    ("Der Betreuer hat mit den Kindern Doktorspiele gemacht.", "sexual"),
    ("Der Masseur hat ihr über den Po gestreichelt.", "sexual"),
    ("Sie wurde sediert, damit sie nicht mehr klingelt.", "restraint"),
    ("Midazolam zur Sedierung, da er mehrfach nach dem Personal gerufen hat.", "restraint"),
])
def test_recorded_harm_is_flagged(text, kind):
    assert kind in {flag.kind for flag in rule_flags(text)}


@pytest.mark.parametrize("text", [
    "Unsere Tochter bekommt vor dem MRT eine leichte Sedierung, weil sie sonst nicht stillliegen kann.",
    "Mein Vater hat heute seine 12 Tabletten genommen wie verordnet, die Pflege stellt sie gut.",
    "Meine Mutter nimmt 14 Tabletten am Tag, der Apotheker hat das endlich durchgesehen.",
    "Nach dem Umzug war ich froh, endlich weg zu sein aus der alten Wohnung.",
    "Der Verband wurde jeden Tag gewechselt und die Wunde heilt gut.",
])
def test_the_same_words_in_ordinary_care_are_not_flagged(text):
    assert rule_flags(text) == []


def test_the_tuning_set_they_came_from_stays_found(data_dir):
    # independent/dev9 (tuning, read): 150 of 160 disclosures before these rules, all 160 after; its ordinary texts
    # are half near-misses, on which the model's false alarms stayed at 0.23.
    from feedback_app.nlp.rule_eval import load_jsonl, score_safeguarding

    scores = score_safeguarding(load_jsonl(data_dir / "independent" / "dev9" / "safeguarding.jsonl"))["de"]
    assert scores["recall"] == 1.0 and scores["false_alarms"] <= 0.25
