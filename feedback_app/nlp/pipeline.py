"""The analyser: one loaded pipeline that turns texts into `Analysis` results, in batches."""
from __future__ import annotations

import gc
import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import chain, filterfalse
from pathlib import Path

import numpy
import spacy

from . import architecture  # noqa: F401  (registers the classifier architecture before loading)
from .confidence import CONFIDENCE, TagConfidence
from .criticality import rate
from .ensemble import (
    LINEAR_FILE,
    SPACY_SHARE,
    clause_units,
    logit,
    sentiment_features,
    stack_sentiment,
)
from .folding import fold
from .german_sentiment import GermanSentiment
from .german_themes import GermanThemes
from .lang import detect_language
from .linear import Featuriser, LinearModel, Segments, WordScorer
from .pii import find_pii, redact
from .results import Analysis, SentenceSentiment, Sentiment, Span, ThemeTag
from .safeguarding import find_flags
from .safeguarding_model import SENTENCE_ENDS, pieces
from .scoring import score_batch
from .sentiment import (
    GermanClauses,
    combine,
    from_probs_many,
    from_stacked_probs,
    german_clauses,
    story_and_clause_counts,
)
from .story_themes import MIN_SENTENCES, StoryThemes
from .taxonomy import SENTIMENTS, THEMES
from .themes import find_cues
from .train import DECISIONS_FILE

DEFAULT_MODEL = Path(__file__).parent / "models" / "en"
LANGUAGES = ("en", "de")
_GROWS_WHEN_LOWERED = "\u0130"  # "İ": the one character whose lower case is two characters


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _overlapping(sentences: Sequence[SentenceSentiment], spans: Sequence[Span]) -> list[SentenceSentiment]:
    """The sentences (in order, so their starts and ends both ascend) that share a character with a span."""
    if len(sentences) == 1:
        return list(sentences)  # most comments are one clause: it is the answer with or without overlap
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    hit: set[int] = set()
    for span in spans:  # the sentences ending after the span starts and starting before it ends
        hit.update(range(bisect_right(ends, span.start), bisect_left(starts, span.end)))
    return [sentences[i] for i in sorted(hit)]


def _sentences(sents: list[list[tuple[int, int]]], clauses: list[SentenceSentiment]) -> tuple[SentenceSentiment, ...]:
    """Sentence sentiment: a one-clause sentence keeps its clause's, others combine their clauses'."""
    out, k = [], 0
    for spans in sents:
        parts = clauses[k:k + len(spans)]
        k += len(spans)
        if len(parts) == 1:
            out.append(parts[0])  # the clause is the sentence: the same offsets and sentiment
        else:
            out.append(SentenceSentiment(spans[0][0], spans[-1][1], combine(parts)))
    return tuple(out)


def _theme_sentiment(sentences: Sequence[SentenceSentiment], spans: Sequence[Span],
                     story: Sentiment | None = None) -> Sentiment:
    """A theme's own sentiment: that of the sentences holding its evidence, or `story`'s (if given) where the
    lexicon reads no polarity in them ("Seit vier Monaten versuche ich, dort jemanden zu erreichen.")."""
    near = _overlapping(sentences, spans) or sentences
    if story is not None and not any(s.sentiment.score for s in near):
        return story
    return combine(near)


def _story_words(text: str) -> list[str]:
    """`Featuriser.words(text)`, read from the safeguarding model's cached pieces of the text (the same words,
    with sentence ends), which it reads again for the same story: the text is tokenised once, not twice."""
    if _GROWS_WHEN_LOWERED in fold(text):  # folding is lowering but for this character, left as it is
        return Featuriser.words(text)
    return list(filterfalse(SENTENCE_ENDS.__contains__, pieces(text)))


def _theme_linear(story: numpy.ndarray, clause_rows: numpy.ndarray, multi: numpy.ndarray) -> numpy.ndarray:
    """The linear theme margins of each text: the most each theme reaches in the text or any one of its clauses."""
    themes = len(THEMES)
    linear = story[:, :themes].copy()
    if len(multi):
        numpy.maximum.at(linear, multi, clause_rows[:, :themes])
    return linear


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused, then restored as it was.

    The analysis makes no reference cycles (gc.collect() after it finds nothing), so the collector's
    passes, which walk the loaded models and the growing results again and again, were pure cost:
    about a seventh of the time on short comments. Reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Analyser:
    """Holds the trained English pipeline and the per-theme decisions; safe to share within a process."""

    def __init__(self, model_dir: Path = DEFAULT_MODEL) -> None:
        self.nlp = spacy.load(model_dir)
        decisions = json.loads((model_dir / DECISIONS_FILE).read_text())
        self.thresholds = numpy.array([float(decisions[code]["threshold"]) for code in THEMES], dtype=numpy.float32)
        self.cue_weights = numpy.array([float(decisions[code]["cue_weight"]) for code in THEMES], dtype=numpy.float32)
        self.stacker = decisions["sentiment"]
        self.confidence = TagConfidence(decisions[CONFIDENCE], self.cue_weights.tolist())  # calibrated out of fold
        self.features = Featuriser()
        self._theme_index = {code: j for j, code in enumerate(THEMES)}
        self.linear_themes = LinearModel.load(model_dir / LINEAR_FILE / "themes.npz")
        self.linear_sentiment = LinearModel.load(model_dir / LINEAR_FILE / "sentiment.npz")
        self.linear_both = LinearModel.joined([self.linear_themes, self.linear_sentiment])
        self.scorer = WordScorer(self.linear_both, self.features)
        self.german_sentiment = GermanSentiment()
        self.german_themes = GermanThemes(self.german_sentiment.features)
        self.story_themes = StoryThemes.load(model_dir)
        self.story_scorer = self.story_themes.scorer(self.features) if self.story_themes is not None else None

    def analyse(self, text: str, lang: str | None = None) -> Analysis:
        """Analyse one text."""
        return self.analyse_many([text], [lang])[0]

    def analyse_many(self, texts: Iterable[str], langs: Iterable[str | None] | None = None,
                     batch_size: int = 256) -> list[Analysis]:
        """Analyse many texts, in input order; English ones go through spaCy in batches."""
        with _collector_paused():
            return self._analyse_many(texts, langs, batch_size)

    def _analyse_many(self, texts: Iterable[str], langs: Iterable[str | None] | None,
                      batch_size: int) -> list[Analysis]:
        texts = [t or "" for t in texts]
        given = list(langs) if langs is not None else [None] * len(texts)
        resolved = [(g or "").lower()[:2] if (g or "").lower()[:2] in LANGUAGES else detect_language(t)
                    for t, g in zip(texts, given, strict=True)]
        results: list[Analysis | None] = [None] * len(texts)
        by_language = {"en": partial(self._english, batch_size=batch_size), "de": self._german}
        for language, analyse_batch in by_language.items():
            indices = [i for i, lang in enumerate(resolved) if lang == language]
            for chunk_start in range(0, len(indices), batch_size):
                chunk = indices[chunk_start:chunk_start + batch_size]
                for i, analysis in zip(chunk, analyse_batch([texts[i] for i in chunk]), strict=True):
                    results[i] = analysis
        return [r for r in results if r is not None]

    def _english(self, texts: list[str], batch_size: int) -> list[Analysis]:
        batch = score_batch(self.nlp, texts, batch_size)
        units = [clause_units(sents) for sents in batch.sents]
        themes = len(THEMES)
        # One pass of the joined linear model scores the stories (themes and sentiment) and the clauses.
        # Each text's words, read once: the linear models and the story reading score them.
        story_words = list(map(_story_words, texts))
        story, clause_rows, multi = self._linear(texts, story_words, units)
        linear = _theme_linear(story, clause_rows, multi)
        sentiment_order = [batch.sentiment_labels.index(label) for label in SENTIMENTS]
        spacy_sentiment = batch.sentiment[:, sentiment_order]
        counted = list(map(story_and_clause_counts, texts, units))  # lexicon cues of each story and its clauses
        story_cues = [story_k for story_k, _ in counted]
        stories = stack_sentiment(self.stacker, sentiment_features(self.linear_sentiment, self.features, texts,
                                                                   spacy_sentiment, story[:, themes:], story_cues),
                                 each_alone=True)
        cues = [find_cues(text, "en") for text in texts]
        margins = self._theme_margins(batch.themes, linear, cues)
        if self.story_themes is not None:
            # Texts of a sentence or two (most comments) keep the comment margins without another look.
            long = [k for k, sents in enumerate(batch.sents) if len(sents) >= MIN_SENTENCES]
            if long:
                margins[long] = self.story_themes.margins(self.story_scorer, [story_words[k] for k in long],
                                                          margins[long])[0]
        # Every clause's sentiment at once; a theme's clause scores only where it needs evidence.
        moods = iter(from_probs_many(batch.clause_sentiment[:, sentiment_order],
                                     [cues_i for _, clauses_k in counted for cues_i in clauses_k]))
        # Only the themes a story reaches are read (as Python floats, so the arithmetic is unchanged);
        # `~(m < 0)` keeps what `margin < 0` let through, NaN included.
        hit_k, hit_j = numpy.nonzero(~(margins < 0))
        reached: list[list[tuple[int, float]]] = [[] for _ in texts]
        for k, j, margin in zip(hit_k.tolist(), hit_j.tolist(), margins[hit_k, hit_j].tolist(), strict=True):
            reached[k].append((j, margin))
        clause_at = multi_at = 0  # the text's first row in batch.clause_themes and in clause_rows
        out = []
        for k, (text, spans, reached_k, cue_k, story_k) in enumerate(zip(texts, units, reached, cues,
                                                                         stories.tolist(), strict=True)):
            count = len(spans)
            clauses = [SentenceSentiment(a, b, next(moods)) for a, b in spans]
            own = (clause_rows, multi_at) if count > 1 else (story, k)
            out.append(self._english_one(text, batch.sents[k], clauses, (batch.clause_themes, clause_at), own, spans,
                                         reached_k, cue_k, story_k))
            clause_at += count
            multi_at += count if count > 1 else 0
        return out

    def _theme_margins(self, spacy_p: numpy.ndarray, linear: numpy.ndarray,
                       cues: list[dict[str, list[Span]]]) -> numpy.ndarray:
        """The combined score of `ensemble.theme_score` less each theme's threshold, for the whole batch at once."""
        has_cue = numpy.zeros(spacy_p.shape, dtype=numpy.float32)
        for k, found in enumerate(cues):
            for code in found:
                has_cue[k, self._theme_index[code]] = 1.0
        return SPACY_SHARE * logit(spacy_p) + (1 - SPACY_SHARE) * linear + self.cue_weights * has_cue - self.thresholds

    def comment_theme_margins(self, texts: list[str]) -> numpy.ndarray:
        """The comment model's theme margins (texts x themes, 0 at the threshold), as `_english` computes them
        before any story reading: what `story_themes_train` builds on."""
        batch = score_batch(self.nlp, texts)
        story, clause_rows, multi = self._linear(texts, list(map(_story_words, texts)),
                                                 [clause_units(sents) for sents in batch.sents])
        return self._theme_margins(batch.themes, _theme_linear(story, clause_rows, multi),
                                   [find_cues(text, "en") for text in texts])

    def _linear(self, texts: list[str], story_words: list[list[str]],
                units: list[list[tuple[int, int]]]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """Joined linear margins of the stories (`story_words`: each one's `_story_words`), and of the clauses of
        multi-clause stories with their owners.

        A clause's words are a run of its story's (clauses are cut between words), so it is scored as a
        range of the story's words; a text where that does not hold has its clauses' words added apart.
        """
        words_of = self.features.words
        stream: list[str] = []
        stories, clauses, owners = [], [], []
        for k, (text, words, spans) in enumerate(zip(texts, story_words, units, strict=True)):
            start = len(stream)
            stream += words
            stories.append((start, len(stream)))
            if len(spans) > 1:
                pieces = [words_of(text[a:b]) for a, b in spans]
                owners += [k] * len(spans)
                if list(chain.from_iterable(pieces)) != words:
                    start = len(stream)
                    stream += chain.from_iterable(pieces)
                for piece in pieces:
                    clauses.append((start, start + len(piece)))
                    start += len(piece)
        ranges = numpy.array(stories + clauses, dtype=numpy.int64).reshape(-1, 2)
        margins = self.scorer.scores(Segments(numpy.array(self.scorer.rows(stream), dtype=numpy.int64), ranges))
        return margins[:len(texts)], margins[len(texts):], numpy.array(owners, dtype=numpy.int64)

    def _english_one(self, text: str, sents: list[list[tuple[int, int]]], clauses: list[SentenceSentiment],
                     clause_probs: tuple[numpy.ndarray, int], clause_linear: tuple[numpy.ndarray, int],
                     spans: list[tuple[int, int]], reached: list[tuple[int, float]], cues: dict[str, list[Span]],
                     story: list[float]) -> Analysis:
        """`reached`: the themes (index, margin) at or over their threshold; `clause_probs` and
        `clause_linear`: an array and the row of the text's first clause in it."""
        tags = []
        whole = None  # a one-clause text's theme sentiment, the same for all its themes
        for j, margin in reached if spans else ():
            code = THEMES[j]
            evidence = cues.get(code)
            if not evidence:
                evidence = self._clause_evidence(j, spans, clause_probs, clause_linear)
            confidence = self.confidence(j, margin, code in cues)
            if len(clauses) == 1:
                whole = whole or combine(clauses)
                mood = whole
            else:
                mood = _theme_sentiment(clauses, evidence)
            tags.append(ThemeTag(code, confidence, mood, tuple(evidence)))
        sentiment = from_stacked_probs(story) if spans else Sentiment("mixed", 0.0)
        return self._finish(text, "en", sentiment, sents, clauses, tags)

    def _clause_evidence(self, j: int, spans: list[tuple[int, int]], clause_probs: tuple[numpy.ndarray, int],
                         clause_linear: tuple[numpy.ndarray, int]) -> list[Span]:
        """The clauses that reach theme `j`'s threshold on their own, else the strongest one."""
        if len(spans) == 1:
            return [Span(*spans[0])]  # the one clause is the strongest, whether it reaches the threshold or not
        threshold = float(self.thresholds[j])
        (probs, p_at), (linear, l_at) = clause_probs, clause_linear
        clause_scores = [SPACY_SHARE * _logit(c) + (1 - SPACY_SHARE) * row - threshold for c, row in
                         zip(probs[p_at:p_at + len(spans), j].tolist(),
                             linear[l_at:l_at + len(spans), j].tolist(), strict=True)]
        return [Span(*span) for span, sc in zip(spans, clause_scores, strict=True) if sc >= 0] \
            or [Span(*spans[max(range(len(spans)), key=clause_scores.__getitem__)])]

    def _german(self, texts: list[str]) -> list[Analysis]:
        """German texts: the lexicon rules read each one's clauses, the story models score them together."""
        readings = [german_clauses(text) for text in texts]
        sentiments = self.german_sentiment.stories(texts, readings)
        cues = [find_cues(text, "de") for text in texts]
        margins = self.german_themes.margins(texts, cues)
        return [self._german_one(text, reading, sentiment, cues_k, margins_k)
                for text, reading, sentiment, cues_k, margins_k in zip(texts, readings, sentiments, cues, margins,
                                                                       strict=True)]

    def _german_one(self, text: str, reading: GermanClauses, sentiment: Sentiment, cues: dict[str, list[Span]],
                    margins: numpy.ndarray) -> Analysis:
        clauses, model = reading.clauses, self.german_themes
        tags = []
        for j in model.tagged(margins, [code in cues for code in THEMES], len(clauses)):
            code = THEMES[j]
            evidence = cues.get(code) or model.clause_evidence(text, clauses, j)
            tags.append(ThemeTag(code, model.confidence(j, float(margins[j]), code in cues),
                                 _theme_sentiment(clauses, evidence, sentiment), tuple(evidence)))
        return self._finish(text, "de", sentiment, reading.units, clauses, tags)

    @staticmethod
    def _finish(text: str, lang: str, sentiment: Sentiment, sents: list[list[tuple[int, int]]],
                clauses: list[SentenceSentiment], tags: list[ThemeTag]) -> Analysis:
        pii = find_pii(text)
        flags = find_flags(text, lang)
        tags.sort(key=lambda t: -t.confidence)
        # Criticality reads clauses: "good care but the parking was expensive" holds a criticism.
        criticality = rate(sentiment, clauses, flags, text)
        return Analysis(lang, sentiment, _sentences(sents, clauses), tuple(tags), criticality,
                        tuple(pii), redact(text, pii), tuple(flags))
