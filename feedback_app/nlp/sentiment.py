"""Sentiment helpers: labels from classifier probabilities, the German lexicon scorer, sentence splitting."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress, count
from types import ModuleType
from typing import NamedTuple

import numpy

from . import lexicon_de, lexicon_en
from .folding import fold
from .results import SentenceSentiment, Sentiment
from .taxonomy import SENTIMENTS

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"[0-9_a-z]+")  # `_WORD` on lower-case ASCII text, where it is a third cheaper
_NEGATION_REACH = 3  # words after "nicht"/"kein" whose polarity flips


# Weight of one lexicon cue against the classifier's log-probabilities, chosen on the dev split
# (accuracy 0.841 -> 0.847 there; the classifier alone calls "Awful care." positive).
LEXICON_WEIGHT = 1.5
_LABELS = ("positive", "mixed", "negative")


def from_probs(cats: dict[str, float], text: str | None = None) -> Sentiment:
    """A label and a score p(positive) - p(negative) from classifier output, nudged by the English lexicon."""
    probs = {k: max(cats.get(k, 0.0), 1e-6) for k in _LABELS}
    if text is not None:
        pos, neg = lexicon_counts(text, "en")
        if pos or neg:
            probs["positive"] *= math.exp(LEXICON_WEIGHT * pos)
            probs["negative"] *= math.exp(LEXICON_WEIGHT * neg)
            total = sum(probs.values())
            probs = {k: v / total for k, v in probs.items()}
    label = max(_LABELS, key=probs.__getitem__)
    return Sentiment(label, probs["positive"] - probs["negative"])


def from_stacked_probs(probs: Sequence[float]) -> Sentiment:
    """A story's label (the likeliest) and score p(positive) - p(negative) from a stacker's probabilities, in
    the order of `SENTIMENTS`."""
    by_label = dict(zip(SENTIMENTS, probs, strict=True))
    return Sentiment(max(SENTIMENTS, key=by_label.__getitem__), float(by_label["positive"] - by_label["negative"]))


def from_probs_many(probs: numpy.ndarray, counts: Sequence[tuple[int, int]]) -> list[Sentiment]:
    """`from_probs` of many clauses at once: `probs` (clauses x positive, mixed, negative) and each
    clause's `lexicon_counts`; the same arithmetic in the same order, so the same numbers."""
    if not len(counts):
        return []
    p = numpy.maximum(probs.astype(numpy.float64), 1e-6)
    cues = numpy.asarray(counts, dtype=numpy.int64).reshape(-1, 2)
    nudged = cues.any(axis=1)
    if nudged.any():
        # math.exp, as `from_probs` uses, looked up by count.
        boost = numpy.array([math.exp(LEXICON_WEIGHT * k) for k in range(int(cues.max()) + 1)])
        p[:, 0] *= boost[cues[:, 0]]
        p[:, 2] *= boost[cues[:, 1]]
        total = p[:, 0] + p[:, 1] + p[:, 2]
        p[nudged] /= total[nudged, None]
    labels = p.argmax(axis=1).tolist()  # the first of equals, as max() picks
    return [Sentiment(_LABELS[k], score) for k, score in zip(labels, (p[:, 0] - p[:, 2]).tolist(), strict=True)]


def split_units(text: str) -> list[list[tuple[int, int]]]:
    """Each sentence's clauses (`split_clauses` of each of `split_sentences`), folding the text once."""
    folded = fold(text)
    if not _may_break(folded):
        # Most comments: no break anywhere, so each sentence is one clause. (A text that may break is
        # split sentence by sentence straight away: a sentence without a break is one clause either way.)
        return [[span] for span in split_sentences(text)]
    return [split_clauses(text, a, b, folded) for a, b in split_sentences(text)]


_SENTENCE_END_CHARS = ".!?\n"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets by punctuation and line breaks, trimmed of surrounding spaces."""
    trimmed = text.rstrip()
    body = trimmed.rstrip(".!?")
    if body and not any(map(body.__contains__, _SENTENCE_END_CHARS)):
        # Most comments: one sentence, its end (if any) at the end. `_SENTENCE` would find it and, after it,
        # only spaces; this is its span without the pattern.
        return [(len(text) - len(text.lstrip()), len(trimmed))]
    spans = []
    for m in _SENTENCE.finditer(text):
        # str.strip() trims what str.isspace() calls space: the offsets of the stripped sentence.
        sentence = m.group()
        stripped = sentence.strip()
        if stripped:
            start = m.start() + len(sentence) - len(sentence.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


@lru_cache(maxsize=200_000)
def _polarity(word: str, lang: str) -> int:
    # Cached: a stem scan per word was the costliest step, and feedback reuses few words.
    return _stem_polarity(word, lexicon_en if lang == "en" else lexicon_de)


def _stem_polarity(word: str, lexicon: ModuleType) -> int:
    """1, -1 or 0 by the first of the lexicon's neutral, negative and positive stems the word starts with."""
    if word.startswith(lexicon.NEUTRAL):
        return 0
    if word.startswith(lexicon.NEGATIVE):
        return -1
    if word.startswith(lexicon.POSITIVE):
        return 1
    return 0


# "zu spät", "viel zu kurz": in German "zu" before an adjective is a complaint ("zu Hause", "zu erreichen" are not).
_TOO = frozenset({"zu"})
_NOT_ADJECTIVE = frozenset({"mir", "dir", "uns", "euch", "ihm", "ihr", "ihnen", "dem", "der", "den", "einem", "einer",
                            "jeder", "ende", "fuß", "hause", "gast", "tun", "zeit", "beginn", "meinem", "meiner",
                            "meinen", "seinem", "seiner", "ihrem", "ihrer", "unserem", "unserer", "wort"})


class _EnglishPolarity(dict[str, int]):
    """`_polarity(word, "en")` by word, filled on first look-up, so that `map` reads it without a Python call."""

    def __missing__(self, word: str) -> int:
        polarity = _stem_polarity(word, lexicon_en)  # kept here alone, not in `_polarity`'s cache as well
        if len(self) < 200_000:
            self[word] = polarity
        return polarity


_ENGLISH_POLARITY = _EnglishPolarity()


def _lower_words(text: str) -> list[str]:
    """The words of `text` lower-cased, with "n't" read as " not"."""
    lower = text.lower().replace("n't", " not")
    return (_ASCII_WORD if lower.isascii() else _WORD).findall(lower)


def lexicon_counts(text: str, lang: str = "de") -> tuple[int, int]:
    """(positive, negative) cue counts of a clause after negation; see `lexicon_score`."""
    if lang == "en":
        return _english_counts(_lower_words(text))
    return _german_counts(_german_words(text))


def story_and_clause_counts(text: str, spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int],
                                                                                  list[tuple[int, int]]]:
    """English `lexicon_counts` of a story and of each of its clauses (`split_units` offsets), each clause
    lowered and split once.

    Clauses are cut between words (at spaces and punctuation, and "n't" holds none), so the story's words are
    its clauses' end to end; a lone clause's words are the story's.
    """
    if len(spans) <= 1:
        counts = lexicon_counts(text, "en")
        return counts, [counts] * len(spans)
    words = [_lower_words(text[a:b]) for a, b in spans]
    return _english_counts(list(chain.from_iterable(words))), list(map(_english_counts, words))


def _english_counts(words: list[str]) -> tuple[int, int]:
    """`_counts_in_order(words, "en")`, reading only the polar words and the negators.

    In English a negator only flips the polar words within its reach (a bare one counts for nothing),
    so a word flips when a negator stands one to `_NEGATION_REACH` words before it.
    """
    polarities = list(map(_ENGLISH_POLARITY.__getitem__, words))
    if lexicon_en.NEGATORS.isdisjoint(words):
        # Most English clauses: nothing to flip, so the counts are the words' polarities.
        return polarities.count(1), polarities.count(-1)
    negators = set(compress(count(), map(lexicon_en.NEGATORS.__contains__, words)))
    pos = neg = 0
    for i in compress(count(), polarities):
        if i in negators:
            continue  # a negator is read as one, whatever its own polarity
        polarity = polarities[i]
        if not negators.isdisjoint(range(i - _NEGATION_REACH, i)):
            polarity = -polarity
        pos += polarity > 0
        neg += polarity < 0
    return pos, neg


def _counts_in_order(words: list[str], lang: str) -> tuple[int, int]:
    """(positive, negative) cue counts of a clause's words, read one by one after negation: the plain
    reading that `_english_counts` shortens (German is read by `_german_counts`)."""
    lexicon = lexicon_en if lang == "en" else lexicon_de
    pos = neg = 0
    flip_until = -1
    for i, word in enumerate(words):
        if word in lexicon.NEGATORS:
            flip_until = i + _NEGATION_REACH
            continue
        polarity = _polarity(word, lang)
        if polarity and i <= flip_until:
            polarity = -polarity
        pos += polarity > 0
        neg += polarity < 0
    return pos, neg


_DE_TOKEN = re.compile(r"\w+|[,;:]")  # words, and the marks that end a negation's reach
_CLAUSE_MARKS = frozenset(",;:")
_CONCEDING = frozenset({"trotz"})  # "trotz Stress", "trotz langer Wartezeit": what follows is conceded, not judged
_CONCEDED_WORDS = 2


@lru_cache(maxsize=1)
def _german_phrases() -> tuple[re.Pattern[str], list[str]]:
    """`lexicon_de.PHRASES` as one pattern (each run a numbered group) and the runs' replacements."""
    items = list(lexicon_de.PHRASES.items())
    alternatives = "|".join(f"(?P<p{i}>{lexicon_de._ascii_spellings(run)})" for i, (run, _) in enumerate(items))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), [replacement for _, replacement in items]


def _german_run(m: re.Match[str]) -> str:
    """A run's replacement. A negator inside a run of praise still negates it ("nimmt mich nicht ernst");
    one that leads the run is part of the praise ("kaum Wartezeit"), as is one of a run marked "++"."""
    replacement = _german_phrases()[1][int(m.lastgroup[1:])]  # type: ignore[index]
    if replacement == "+":
        kept = [w for w in m.group().split()[1:] if w in lexicon_de.NEGATORS]
        return " ".join([*kept, replacement])
    return "+" if replacement == "++" else replacement


# One or two words in quotation marks, and the word before them: "Sehr „einfühlsam“, der Herr Doktor" and
# "Ganz tolle „Pflege“" put praise in quotes, or quote what they praise, to mean the opposite.
_QUOTED = re.compile(r"(\w+ )?[\"„“»«‚'](\w+(?: \w+)?)[\"“”«»‘']")


def _ironic(m: re.Match[str]) -> str:
    """A quoted run that praises or is praised, read as a complaint; other quotes as they are."""
    words = f"{m.group(1) or ''}{m.group(2)}".split()
    return " _ironie_ " if any(_german_polarity(w) > 0 for w in words) else " ".join(words)


def _german_words(text: str) -> list[str]:
    """The lower-case words and clause marks of a German clause, its `lexicon_de.PHRASES` read as one word each
    and praise in quotation marks as a complaint."""
    lower = text.lower()
    if _QUOTED.search(lower):
        lower = _QUOTED.sub(_ironic, lower)
    words = _DE_TOKEN.findall(lower)
    pattern = _german_phrases()[0]
    joined = " ".join(words)
    if pattern.search(joined) is None:
        return words
    return pattern.sub(_german_run, joined).split()


@lru_cache(maxsize=200_000)
def _german_polarity(word: str) -> int:
    """A German word's polarity: whole-word exceptions, then "-los"/"-frei" on a polar stem ("problemlos",
    "lieblos"), the stems, "un-" before a polar stem ("unkompliziert", "ungeduldig"), and last a compound
    whose head is a complaint ("Personalmangel", "Terminchaos")."""
    exact = lexicon_de.EXACT.get(word)
    if exact is not None:
        return exact
    privative = lexicon_de.PRIVATIVE.match(word)
    if privative:
        base = _stem_polarity(privative.group(1), lexicon_de)
        if base < 0:
            return 1
        if base > 0 and privative.group(2).startswith("los"):
            return -1
    polarity = _stem_polarity(word, lexicon_de)
    if polarity:
        return polarity
    if word.startswith("un") and len(word) > 5:
        return -_stem_polarity(word[2:], lexicon_de)
    if len(word) > 7 and word.endswith(lexicon_de.NEGATIVE_HEADS):
        return -1
    return 0


def _german_counts(words: list[str]) -> tuple[int, int]:
    """(positive, negative) cue counts of a German clause's words (`_german_words`), read in order.

    A negator flips the next polar words within `_NEGATION_REACH`, but not across a comma; a negator with
    nothing polar to flip ("keinen Ersatz", "ohne Erklärung") is itself a complaint. "zu" before an
    adjective is one ("zu spät", "viel zu kurz"), and the words conceded after "trotz" are not judged.
    """
    pos = neg = 0
    flip_until = conceded_until = -1
    flipped_something = True
    for i, word in enumerate(words):
        if word in _CLAUSE_MARKS or word in lexicon_de.NEGATORS:
            if not flipped_something:
                neg += 1
            flipped_something = word in _CLAUSE_MARKS
            flip_until = -1 if flipped_something else i + _NEGATION_REACH
            continue
        if word in _CONCEDING:
            conceded_until = i + _CONCEDED_WORDS
            continue
        if word in _TOO and 0 < i < len(words) - 1 and not words[i + 1].endswith("en") \
                and words[i + 1] not in _NOT_ADJECTIVE and words[i + 1] not in _CLAUSE_MARKS:
            neg += 1
            continue
        polarity = 0 if i <= conceded_until else _german_polarity(word)
        if polarity and i <= flip_until:
            polarity, flipped_something = -polarity, True
        pos += polarity > 0
        neg += polarity < 0
    if not flipped_something:
        neg += 1
    return pos, neg


def lexicon_score(text: str, lang: str = "de") -> Sentiment:
    """Lexicon sentiment of a clause (the German side's only one).

    Negators flip the next words; a negator with nothing polar to flip ("keinen Ersatz", "ohne
    Erklärung") is itself a complaint; no cue at all gives mixed at 0.
    """
    pos, neg = lexicon_counts(text, lang)
    if pos + neg == 0:
        return Sentiment("mixed", 0.0)
    score = (pos - neg) / (pos + neg)
    label = "positive" if score > 0.2 else "negative" if score < -0.2 else "mixed"
    return Sentiment(label, score)


def combine(sentences: Sequence[SentenceSentiment]) -> Sentiment:
    """A story's sentiment from its sentences: both polarities present make it mixed."""
    scored = [s.sentiment for s in sentences if s.sentiment.score != 0.0]
    if not scored:
        return Sentiment("mixed", 0.0)
    score = sum(s.score for s in scored) / len(scored)
    labels = {s.label for s in scored}
    if "positive" in labels and "negative" in labels:
        return Sentiment("mixed", score)
    return Sentiment("positive" if score > 0.2 else "negative" if score < -0.2 else "mixed", score)


# Runs on folded text and starts with a fixed character class: a leading \s* with IGNORECASE made
# this the slowest line of the analysis.
_BREAK_WORDS = ("but", "however", "although", "though", "whereas", "except", "apart from", "aber", "jedoch", "doch",
                "allerdings", "obwohl", "während", "trotzdem", "sondern", "nur")
_BREAK_WORD = rf"(?=(?:{'|'.join(_BREAK_WORDS)})\b)"
# `[ \t]*;|[ \t]+-[ \t]|,?[ \t]+{_BREAK_WORD}`, written to start with the character every break starts with and
# to choose the branch by it (look-behind): the engine then jumps from space to space instead of trying every
# position (the same matches; the plain form was most of the cost of splitting long stories).
_CLAUSE_BREAK = re.compile(rf"[ \t;,](?:(?<=;)|(?<=[ \t])[ \t]*;|(?<=[ \t])[ \t]*-[ \t]|(?<=,)[ \t]+{_BREAK_WORD}"
                           rf"|(?<=[ \t])[ \t]*{_BREAK_WORD})")


def _may_break(folded: str) -> bool:
    """False when `_CLAUSE_BREAK` cannot match (none of its characters or words): a few substring
    tests, where the search costs more than all the rest of the splitting."""
    return ";" in folded or "-" in folded or any(map(folded.__contains__, _BREAK_WORDS))


def split_clauses(text: str, start: int, end: int, folded: str | None = None) -> list[tuple[int, int]]:
    """Clauses of text[start:end], cut before contrasts ("lovely but the wait was awful") and at semicolons.

    `folded`: `fold(text)`, when the caller splits several sentences of one text.
    """
    spans, last = [], start
    for m in _CLAUSE_BREAK.finditer(fold(text) if folded is None else folded, start, end):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    if end > last:
        spans.append((last, end))
    return spans or [(start, end)]


# German-only cuts inside a clause (English splitting is left as it is): a comma before "leider",
# "dennoch" ... starts a new judgement, and a leading concessive clause ends at its comma.
_DE_BREAK = re.compile(r",[ \t]*(?=(?:leider|dennoch|wobei|dafür|ansonsten|sonst|bloß|nur leider)\b)")
_DE_CONCESSIVE = ("obwohl", "obgleich", "wenngleich", "auch wenn", "selbst wenn")


def german_units(text: str) -> list[list[tuple[int, int]]]:
    """`split_units`, with each clause cut again where German starts a new judgement."""
    folded = fold(text)
    units = []
    for sentence in split_units(text):
        clauses = []
        for a, b in _nicht_nur_joined(sentence, folded):
            cuts = [(m.start(), m.end()) for m in _DE_BREAK.finditer(folded, a, b)]
            if folded.startswith(_DE_CONCESSIVE, a):
                comma = folded.find(",", a, b)
                if comma > 0:
                    cuts.append((comma, comma + 1))
            start = a
            for cut_start, cut_end in sorted(cuts):
                if cut_start > start:
                    clauses.append((start, cut_start))
                start = cut_end + len(folded[cut_end:b]) - len(folded[cut_end:b].lstrip())
            if b > start:
                clauses.append((start, b))
        units.append(clauses or sentence)
    return units


def _nicht_nur_joined(spans: list[tuple[int, int]], folded: str) -> list[tuple[int, int]]:
    """`spans` with the cut before "nur" undone after "nicht": "nicht nur lecker, sondern auch reichlich" is
    praise, not "nicht" left bare."""
    joined = spans[:1]
    for a, b in spans[1:]:
        if folded.startswith("nur", a) and re.search(r"\bnicht$", folded[joined[-1][0]:joined[-1][1]]):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


class GermanClauses(NamedTuple):
    """A German text's units (`german_units`), each clause's lexicon sentiment, and which clauses (their
    indices) the rules set aside: their words judge, but they count for nothing."""

    units: list[list[tuple[int, int]]]
    clauses: list[SentenceSentiment]
    set_aside: frozenset[int]


def german_clauses(text: str) -> GermanClauses:
    """A German text's units and each clause's lexicon sentiment.

    A concessive clause ("obwohl es voll war") that judges against the rest of its sentence is conceded,
    not asserted: it counts for nothing there, so "Die Schwestern waren herzlich, obwohl sie gestresst waren"
    stays praise.
    """
    folded = fold(text)
    units = german_units(text)
    clauses: list[SentenceSentiment] = []
    conceded: set[int] = set()
    for spans in units:
        moods = [lexicon_score(text[a:b]) for a, b in spans]
        for k, (a, _) in enumerate(spans):
            if len(spans) > 1 and moods[k].score and folded.startswith(_DE_CONCESSIVE, a) \
                    and any(other.score * moods[k].score < 0 for j, other in enumerate(moods) if j != k):
                moods[k] = Sentiment("mixed", 0.0)
                conceded.add(len(clauses) + k)
        clauses += [SentenceSentiment(a, b, mood) for (a, b), mood in zip(spans, moods, strict=True)]
    clauses, openings = _openings_set_aside(text, clauses)
    return GermanClauses(units, clauses, frozenset(conceded | openings))


def _openings_set_aside(text: str, clauses: list[SentenceSentiment]) -> tuple[list[SentenceSentiment], set[int]]:
    """`clauses` with those that set the scene (`lexicon_de.FRAMES`, `lexicon_de.CONDITION`) counting for
    nothing when a later clause judges the other way, and their indices: "Ich hatte große Angst vor der OP.
    Die Pflege war liebevoll." is praise, "Früher war die Praxis gut. Heute kommt man nicht mehr durch." a
    complaint."""
    out = list(clauses)
    set_aside: set[int] = set()
    for k, clause in enumerate(clauses):
        score = clause.sentiment.score
        if not score or not any(later.sentiment.score * score < 0 for later in clauses[k + 1:]):
            continue
        words = _german_words(text[clause.start:clause.end])
        polar = [w for w in words if _german_polarity(w)]
        if lexicon_de.FRAMES.search(" ".join(words)) or (
                score < 0 and polar and all(w.startswith(lexicon_de.CONDITION) for w in polar)):
            out[k] = SentenceSentiment(clause.start, clause.end, Sentiment("mixed", 0.0))
            set_aside.add(k)
    return out, set_aside
