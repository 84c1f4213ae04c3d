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
    # The near-misses allow MAX_NEAR_MISSES, but ordinary complaints are held to MAX_FALSE_ALARMS less one
    # standard error: the threshold stops where the complaints would pass that, though the near-misses allow more.
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

    budget = MAX_FALSE_ALARMS - (MAX_FALSE_ALARMS * (1 - MAX_FALSE_ALARMS) / n) ** 0.5
    assert alarms(threshold, complaint) <= budget < MAX_FALSE_ALARMS
    lower = max(s for s, k in zip(scores, cases, strict=True) if not k.kinds and s < threshold)
    assert alarms(lower, complaint) > budget
    assert alarms(lower, lambda k: k.group == "writer") < MAX_NEAR_MISSES  # the near-misses alone would go on
