"""The common wording of suicide risk and of care withheld (RISK_TALK), and the budgets thresholds are chosen under."""
import pytest

from feedback_app.nlp.safeguarding import rule_flags


@pytest.mark.parametrize("text,kind", [
    ("He said he would rather be dead than go back to that ward.", "self_harm"),
    ("Some nights I wish I wasn't here at all.", "self_harm"),
    ("She told the nurse she has been thinking about ending it.", "self_harm"),
    ("He had looked up ways to end it on his phone.", "self_harm"),
    ("My son cut his wrists in the bathroom at the unit.", "self_harm"),
    ("Dad admitted he has been stockpiling his sleeping tablets.", "self_harm"),
    ("She asked the pharmacist how many of her pills it would take.", "self_harm"),
    ("I found goodbye letters in her drawer.", "self_harm"),
    ("He had tied a rope up in the garage.", "self_harm"),
    ("She picks at her skin until it bleeds.", "self_harm"),
    ("I used more than usual because I didn't care if I woke up.", "self_harm"),
    ("A man with dementia lay in faeces for hours.", "neglect"),
    ("She had not been turned for three days and her heels broke down.", "neglect"),
    ("His Parkinson's medication was missed for two days.", "neglect"),
    # Means and places of self-harm (a blade kept, a gun, a rope got or hidden, going to the railway, an edge
    # stood at), tablets saved up, care never brought: added when the complaints' budget was used in full, for
    # the misses they had in common out of fold and on the held-out writers.
    ("I stood on the bridge over the bypass for an hour last night.", "self_harm"),
    ("He sat at the edge of the quarry until his brother came.", "self_harm"),
    ("I'm sat in the bath with a blade.", "self_harm"),
    ("He keeps looking at the shotgun in the gun cabinet.", "self_harm"),
    ("She has been going down to the railway line after dark.", "self_harm"),
    ("ngl been thinking about kms a lot", "self_harm"),
    ("Mum has been saving up her sleeping tablets in a jar.", "self_harm"),
    ("My son was never taken to a dentist and now has an abscess.", "neglect"),
    ("Nobody noticed; she had not been washed at all that week.", "neglect"),
])
def test_english_risk_talk_is_flagged_with_its_kind(text, kind):
    assert kind in {f.kind for f in rule_flags(text)}


@pytest.mark.parametrize("text,kind", [
    ("In den acht Wochen habe ich zweimal versucht, mich umzubringen.", "self_harm"),
    ("Er sagt, er wäre lieber tot als noch einmal in die Klinik.", "self_harm"),
    ("hab echt keinen bock mehr zu leben", "self_harm"),
    ("alle wären besser dran ohne mich", "self_harm"),
    ("Sie hat sich mit einer Scherbe die Unterarme aufgeschnitten.", "self_harm"),
    ("Meine Schwester hat sich im Heim wieder was angetan.", "self_harm"),
    ("Ich habe gestern zu viele von meinen Schlaftabletten geschluckt.", "self_harm"),
    ("Ich will mir weh tun.", "self_harm"),
    ("Er googelt, wie viele Tabletten tödlich sind.", "self_harm"),
    ("Meine Mutter lag stundenlang in ihrem eigenen Kot.", "neglect"),
    ("Sie wurde tagelang nicht umgelagert.", "neglect"),
    # Means and places, tablets saved up, care never brought (see the English list).
    ("Ich habe letzte Woche zweimal auf der Brücke gestanden.", "self_harm"),
    ("auf station hatte ich ne klinge und niemand hat kontrolliert", "self_harm"),
    ("Er hat sich ein Seil gekauft und es in der Garage versteckt.", "self_harm"),
    ("Er legt sich nachts an die Gleise.", "self_harm"),
    ("kp wie lange ich das noch mach, ich hab nen plan wie ichs beende", "self_harm"),
    ("Ich nehme meine Antidepressiva nicht mehr und sammle sie.", "self_harm"),
    ("Ich google, wie viele von meinen Lithiumtabletten gefährlich sind.", "self_harm"),
    ("Ich hatte zu viele Tabletten von meiner Mutter geschluckt.", "self_harm"),
    ("Er wurde sechs Wochen lang nie zum Zahnarzt gebracht.", "neglect"),
    ("Neun Tage auf Station und kein einziges Mal gewaschen.", "neglect"),
])
def test_german_risk_talk_is_flagged_with_its_kind(text, kind):
    assert kind in {f.kind for f in rule_flags(text)}


@pytest.mark.parametrize("text", [
    "The physio had not turned up again, so the session was cancelled.",
    "I am ending it with this practice and moving to another GP.",
    "We stood at the edge of the car park waiting for the transport.",
    "He stood on the platform for an hour because the patient transport never came.",
    "Mum wouldn't wake up properly after the anaesthetic, which the nurse said was normal.",
    "She collects her tablets from the pharmacy every Friday.",
    "Die Spritze hat mir weh getan, aber die Schwester war sehr nett.",
    "Der Physiotherapeut ist nicht gekommen, obwohl der Termin zugesagt war.",
    "Sie strickt gern im Aufenthaltsraum, die Strickgruppe ist toll.",
    "Wir mussten die Bilder im Zimmer selbst aufhängen.",
])
def test_ordinary_complaints_near_that_wording_are_not_flagged(text):
    assert rule_flags(text) == []


def test_thresholds_keep_ordinary_complaints_within_their_own_budget():
    # The near-misses allow MAX_NEAR_MISSES, but ordinary complaints are held to MAX_FALSE_ALARMS, the cap
    # used in full (no margin below it): the threshold stops where the complaints would pass it, though the
    # near-misses allow more.
    pytest.importorskip("sklearn")
    from feedback_app.nlp.safeguarding_train import (COMPLAINTS, MAX_FALSE_ALARMS, MAX_NEAR_MISSES, Case,
                                                     choose_threshold, rates)

    n = 200
    cases = ([Case("en", f"disclosure {i}", ("abuse",), "writer") for i in range(n)]
             + [Case("en", f"near miss {i}", (), "writer") for i in range(n)]
             + [Case("en", f"complaint {i}", (), COMPLAINTS + "set") for i in range(n)])
    # Disclosures score 1..2; near-misses and complaints climb towards them alike.
    scores = [1.0 + i / n for i in range(n)] + [i / n for i in range(n)] * 2
    threshold = choose_threshold(cases, scores, [False] * len(cases), "en")

    def alarms(at: float, among) -> float:  # type: ignore[no-untyped-def]
        return rates(cases, [s >= at for s in scores], among)[1]

    def complaint(k: Case) -> bool:
        return k.group.startswith(COMPLAINTS)

    assert alarms(threshold, complaint) <= MAX_FALSE_ALARMS
    lower = max(s for s, k in zip(scores, cases, strict=True) if not k.kinds and s < threshold)
    assert alarms(lower, complaint) > MAX_FALSE_ALARMS
    assert alarms(lower, lambda k: k.group == "writer") < MAX_NEAR_MISSES  # the near-misses alone would go on


# Readings the rules fired on in the complaints the thresholds are chosen on: a past participle as an adjective
# ("mit gepacktem Koffer"), a separable verb ("schlug ... vor"), a word's start inside a longer one ("Menschen",
# "Medikamentenplan"), an idiom ("kein Taschengeld"), a machine that kept the money; and everyday uses of the new
# words (a roof, a bridge, a rope, a platform, a razor, tablets collected).
@pytest.mark.parametrize("text", [
    "The vending machine took my money and gave me nothing.",
    "My blood pressure went through the roof in that waiting room.",
    "We sat under the leaking roof of the day room all afternoon.",
    "He plays bridge at the day centre every Tuesday.",
    "The staff collect our meds from the pharmacy, which is very helpful.",
    "The physio said my shoulder blade is out of line.",
    "Man schlug eine andere Reha-Klinik vor, 120 km entfernt.",
    "Um 15 Uhr saß ich immer noch mit gepacktem Koffer da.",
    "Für ältere Menschen ohne Internet ist das eine Katastrophe.",
    "Der Entlassbrief kam ohne Medikamentenplan.",
    "Für eine fünfköpfige Familie sind 255 Euro im Monat kein Taschengeld.",
    "Die Pfadfinder sind am Seil gesichert geklettert.",
    "Der Zug stand eine Stunde am Bahnsteig.",
    "Ich saß den ganzen Tag auf der Bettkante und wartete auf den Arztbrief.",
    # Travel and treatment, as the travel_parking and care_treatment themes hear of them: a railway, a blade or a
    # roof with nobody going there or keeping it, and an apology.
    "The train was late because of a problem on the railway line, so I missed my appointment.",
    "The level crossing was closed so the ambulance took longer to reach us.",
    "Parking is a nightmare, I had to park by the tracks and walk ten minutes.",
    "The surgeon used a blade so sharp I barely felt the incision, brilliant team.",
    "The nurses stood on the roof terrace for their break, fine by me.",
    "Sorry for everything I said on the phone to reception, I was stressed.",
    "Die Gleise waren gesperrt, deshalb kam ich mit dem Bus zu spät zum Termin.",
    "Der Bahnübergang war zu, der Krankenwagen brauchte länger.",
    "Die Klinge des Rasierers war stumpf, die Pflege hat mich trotzdem gut rasiert.",
    "Wir standen auf dem Dach des Parkhauses und fanden keinen Platz.",
])
def test_ordinary_readings_of_the_new_words_are_not_flagged(text):
    assert rule_flags(text) == []


def test_a_blow_before_witnesses_is_still_flagged():
    assert "violence" in {f.kind for f in rule_flags("Er schlug sie vor den Kindern.")}
    assert "violence" in {f.kind for f in rule_flags("Er hat ihn am Arm gepackt.")}
