"""German typed without umlauts ("fuer", "muessen", "Buero", "gross"): the model reads it as it reads the same words
with umlauts and ß, so a disclosure is flagged the same either way. Sentences written for this test, not taken from
any corpus; no rule fires on them, so only the model finds them."""
import pytest

from feedback_app.nlp.safeguarding import find_flags, rule_flags
from feedback_app.nlp.safeguarding_model import SafeguardingModel

# (typed without umlauts, the same with them, the kind)
TWINS = [
    ("Die Pflegerin sagt meiner Oma jeden Abend, dass sie fuer alle nur noch eine Last waere und keiner sie "
     "vermissen wuerde.",
     "Die Pflegerin sagt meiner Oma jeden Abend, dass sie für alle nur noch eine Last wäre und keiner sie "
     "vermissen würde.", "abuse"),
    ("Mein Bruder hat seine Gitarre und seine Buecher verschenkt und sagt, er braeuchte das alles bald nicht mehr.",
     "Mein Bruder hat seine Gitarre und seine Bücher verschenkt und sagt, er bräuchte das alles bald nicht mehr.",
     "self_harm"),
    ("Der Betreuer hebt jeden Monat Geld von Opas Konto ab und sagt, das sei fuer seine Muehe, Opa weiss davon "
     "nichts.",
     "Der Betreuer hebt jeden Monat Geld von Opas Konto ab und sagt, das sei für seine Mühe, Opa weiß davon nichts.",
     "exploitation"),
    ("Nachts schliessen sie meine Mutter im Zimmer ein und binden ihr die Haende ans Bettgitter, ohne Beschluss.",
     "Nachts schließen sie meine Mutter im Zimmer ein und binden ihr die Hände ans Bettgitter, ohne Beschluss.",
     "restraint"),
]


@pytest.mark.parametrize("plain,umlauted,kind", TWINS)
def test_an_umlautless_german_disclosure_is_flagged_with_its_kind(plain, umlauted, kind):
    assert rule_flags(plain) == []
    assert [f.kind for f in find_flags(plain, "de")] == [kind]


@pytest.mark.parametrize("plain,umlauted,kind", TWINS)
def test_umlauts_and_their_plain_spelling_give_the_same_margin(plain, umlauted, kind):
    model = SafeguardingModel()
    assert model.margin(plain) == model.margin(umlauted)
    assert model.decision(plain) == model.decision(umlauted)
    assert model.kind_margins(plain) == model.kind_margins(umlauted)
    # The same flag, over the same sentence in each spelling (the offsets are each text's own).
    assert [(f.kind, umlauted[f.start:f.end]) for f in find_flags(umlauted, "de")] == [(kind, umlauted)]
