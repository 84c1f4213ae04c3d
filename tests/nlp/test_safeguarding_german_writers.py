"""What a user notices from the model trained with writers 12, 14 and 18 (German written on its own): a leave-taking
told in passing is flagged, as the model before it did not; a money arrangement told openly, which that model
flagged as abuse, and other everyday German near-misses are left alone. Sentences written for this test, not taken
from any corpus."""
import pytest

from feedback_app.nlp.safeguarding import find_flags, rule_flags

# The model before writers 12, 14 and 18 were trained on flagged none of these; no rule fires on them.
FLAGGED = [
    ("Sie meinte, nächste Woche sei sie sowieso nicht mehr da, wir sollen uns dann um die Katze kümmern.", "self_harm"),
]

EVERYDAY = [
    # The model before flagged this one as abuse.
    "Meine Tochter verwaltet mein Konto, weil ich das so wollte, und zeigt mir jeden Monat die Auszüge.",
    "Meine Mutter ist letzte Woche im Bad gestürzt, die Pflegerin hat sofort den Notarzt gerufen und alles dokumentiert.",
    "Die Bettgitter hat der Betreuungsrichter genehmigt, und wir als Familie waren auch einverstanden.",
    "Die Warterei beim Bürgeramt bringt mich echt noch um, drei Monate für einen Termin!",
]


@pytest.mark.parametrize("text,kind", FLAGGED)
def test_a_german_leave_taking_told_in_passing_is_flagged_by_the_model(text, kind):
    assert rule_flags(text) == []
    assert kind in {f.kind for f in find_flags(text, "de")}


@pytest.mark.parametrize("text", EVERYDAY)
def test_german_near_misses_are_not_flagged(text):
    assert find_flags(text, "de") == []
