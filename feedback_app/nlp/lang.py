"""Offline English/German detection from function words and spelling cues, good on short texts."""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Frequent words of each language that are rare in the other; feedback vocabulary included
# because stories are often a few words long ("Sehr freundlich", "Very kind").
_EN = frozenset("""
the a an and or but of to in on at for with from by is are was were be been being have has had do does did
not no nothing very so too it its this that these those they them their there here i me my we our you your he
him his she her who what when where why how all any some more most much many can could would should will
just only also really well good great nice kind lovely friendly helpful staff nurse nurses doctor doctors
thank thanks thankyou excellent service care wait waiting waited time times appointment hours rude poor
always never everyone everything felt feel made make got get were which than then because about after before
""".split())
_DE = frozenset("""
der die das den dem des ein eine einen einem einer und oder aber von zu im in am an auf für mit aus bei ist
sind war waren wird wurde wurden sein hat haben hatte hatten nicht kein keine keinen nichts sehr so auch es
sie er ich mich mir mein meine meinem meinen meiner wir uns unser ihr ihre ihm ihn man wer was wann wo warum
wie alle alles viel viele kann könnte konnte würde sollte noch nur schon immer nie jeder jede gut toll nett
freundlich hilfsbereit personal pflege arzt ärztin ärzte schwester danke vielen dank termin stunden lange
unfreundlich schlecht wurde wurden dass weil nach vor über unter bis seit zum zur vom beim durch gegen ohne
""".split())
_DE_CHARS = re.compile(r"[äöüß]", re.IGNORECASE)
_DE_ENDINGS = re.compile(r"((ung|keit|heit|lich|isch|chen|ig)(e|en|er|es|em)?|tz|sch\w*)$")
_EN_ENDINGS = re.compile(r"(ing|ed|ly|th\w*|ness)$")


_KNOWN: dict[str, tuple[float, float]] = {}  # `_evidence` by word: a dict look-up is cheaper than a cached call


def _evidence(word: str) -> tuple[float, float]:
    """(English, German) evidence of one lower-case word; cached, as feedback reuses few words."""
    hit = _KNOWN.get(word)
    if hit is None:
        hit = _word_evidence(word)
        if len(_KNOWN) < 200_000:
            _KNOWN[word] = hit
    return hit


def _word_evidence(word: str) -> tuple[float, float]:
    in_en, in_de = word in _EN, word in _DE
    if in_en != in_de:
        return (1.0, 0.0) if in_en else (0.0, 1.0)
    if in_en:
        return 0.0, 0.0
    # Weak spelling evidence only for words neither list knows.
    if _DE_CHARS.search(word):
        return 0.0, 0.8
    if _DE_ENDINGS.search(word):
        return 0.0, 0.3
    if _EN_ENDINGS.search(word):
        return 0.3, 0.0
    return 0.0, 0.0


def detect_language(text: str, default: str = "en") -> str:
    """'en' or 'de' for a text; `default` when there is no evidence either way (e.g. only numbers)."""
    en = de = 0.0
    known = _KNOWN
    for e, d in [known.get(w) or _evidence(w) for w in _WORD.findall(text.lower())]:
        en += e  # added in reading order, as floats: ties come out as they always did
        de += d
    if en == de:
        return default
    return "de" if de > en else "en"
