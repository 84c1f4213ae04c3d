"""A learned safeguarding classifier beside the rules: hashed word and character n-grams, linear, numpy only.

The rules name harms; people often tell them indirectly ("she said she'd be better off asleep for good",
"er hat sie wieder ruhiggestellt"), so a linear model over word unigrams and bigrams and the character
3-5-grams inside each word (which catch German compounds and inflections) backs them up.
Output 0 scores "any disclosure"; the next outputs score each kind (one-vs-rest among disclosures), read only
for flagged text; the last ones ("detect:<kind>") each tell one kind's disclosures from ordinary texts. One
linear detector for every kind at once must fit very different language (a goodbye note, a locked door,
missing savings); the best of seven specialised ones found a tenth of the disclosures the single one missed
(out of fold by writer, at the same false alarms: en 0.865 -> 0.881, de 0.860 -> 0.870). They are read only
for texts whose "any" decision comes within GATE of the threshold (3-5% of the NHS comments): +2% of the
analysis time.

The features are hashed here, not by `linear.Featuriser`, so the shipped weights stay valid whatever
that featuriser becomes; `linear.LinearModel` keeps the int8 weights and saves and loads them.
Scoring is per word: a word's unigram and character buckets are summed once and cached, so a text's
"any" margin is a few additions per word; sentences are scored apart only in longer texts and in the
rare texts that pass.
"""
from __future__ import annotations

import json
import math
import re
import threading
import zlib
from array import array
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy

from .folding import fold
from .linear import LinearModel
from .results import SafeguardingFlag
from .sentiment import split_sentences

MODEL_DIR = Path(__file__).parent / "models" / "safeguarding"
WEIGHTS_FILE, DECISIONS_FILE = "weights.npz", "decisions.json"
KINDS = ("self_harm", "abuse", "neglect", "violence", "sexual", "restraint", "exploitation")
BITS = 18
BUCKETS = 1 << BITS
_MASK = BUCKETS - 1
CHAR_SIZES = (3, 4, 5)
WINDOW = 2  # sentences scored together in longer texts (see `decision`)
DETECTOR = "detect:"  # the label prefix of the per-kind detectors
# How far below the threshold the "any" decision may be for the detectors to be read. Out of fold (four folds
# of writers) at 2.0, recall was that of reading them for every text (en 0.879, de 0.865); at 1.0 it fell to
# 0.867 / 0.859.
GATE = 2.0
_WORD_SEED, _BIGRAM_SEED, _CHAR_SEED = 0x5A7E, 0xB1A5, 0xC0DE
_PRIME = 0x9E3779B1
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_PIECE = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[.!?\n]")  # words and the characters that end sentences
_ASCII_PIECE = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)?|[.!?\n]")  # `_PIECE` in folded ASCII text, a fifth cheaper
SENTENCE_ENDS = frozenset(".!?\n")


# Umlauts and ß as people type them without a German keyboard ("fuer", "muessen", "Buero", "gross"): the model
# hashes every word in that one spelling, so both spellings share their weights. Only the hashing folds them;
# the words themselves (spans, rules, the analyser's features) keep their letters.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@lru_cache(maxsize=100_000)  # flagged passages are scored per kind from these; training reuses them too
def word_buckets(word: str) -> tuple[int, tuple[int, ...]]:
    """The word's bigram hash and the buckets of its unigram and character n-grams (padded with spaces), the
    word first spelt without umlauts or ß (`_UMLAUTS`). Cached per word as written, so the folding costs
    only on a word's first reading."""
    if not word.isascii():
        word = word.translate(_UMLAUTS)
    padded = f" {word} "
    grams = {padded[i:i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)}
    if len(padded) <= max(CHAR_SIZES):
        grams.add(padded)
    buckets = [zlib.crc32(word.encode(), _WORD_SEED) & _MASK]
    buckets += [zlib.crc32(g.encode(), _CHAR_SEED) & _MASK for g in sorted(grams)]
    return zlib.crc32(word.encode(), _BIGRAM_SEED), tuple(buckets)


def bigram_bucket(first: int, second: int) -> int:
    """The bucket of a word pair, from the two words' bigram hashes."""
    return (first * _PRIME + second) & _MASK


def _bigram_parts(h: int) -> tuple[int, int]:
    """A word's share of `bigram_bucket` as the first and as the second word of a pair, each already
    reduced to the buckets' range: the bucket of a pair is then `(first + second) & _MASK`, the same
    bucket from small numbers (the product of two 32-bit hashes is a slow long integer)."""
    return (h * _PRIME) & _MASK, h & _MASK


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text, as the model sees them."""
    return _TOKEN.findall(fold(text))


@lru_cache(maxsize=1024)  # the analyser reads a story's words here for its linear features, then the model
def pieces(text: str) -> tuple[str, ...]:
    """The words of the folded text (as `words_of`) and the characters that end sentences, in reading order."""
    folded = fold(text)
    return tuple((_ASCII_PIECE if folded.isascii() else _PIECE).findall(folded))


def text_buckets(words: Sequence[str]) -> list[int]:
    """Every feature bucket of a word sequence, with repeats (training featurises this way)."""
    out: list[int] = []
    hashes = []
    for word in words:
        h, buckets = word_buckets(word)
        out += buckets
        hashes.append(h)
    out += [bigram_bucket(a, b) for a, b in zip(hashes, hashes[1:], strict=False)]
    return out


class SafeguardingModel:
    """The shipped weights and per-language thresholds; `flags` gives model flags for one text."""

    def __init__(self, folder: Path = MODEL_DIR) -> None:
        decisions = json.loads((folder / DECISIONS_FILE).read_text())
        self._init(LinearModel.load(folder / WEIGHTS_FILE), decisions["thresholds"],
                   decisions.get("length_penalty", 0.0))

    @classmethod
    def from_parts(cls, linear: LinearModel, thresholds: dict[str, float],
                   length_penalty: float = 0.0) -> SafeguardingModel:
        """A model from weights in memory (cross-validation scores each fold's model this way)."""
        model = cls.__new__(cls)
        model._init(linear, thresholds, length_penalty)
        return model

    def _init(self, linear: LinearModel, thresholds: dict[str, float], length_penalty: float) -> None:
        self.linear, self.thresholds, self.length_penalty = linear, thresholds, length_penalty
        # Columns: "any", the kinds, then the kind detectors (training writes them last; older weights have none).
        first_detector = next((i for i, label in enumerate(linear.labels) if label.startswith(DETECTOR)),
                              len(linear.labels))
        self.kinds = linear.labels[1:first_detector]
        self._kind_columns = slice(1, first_detector)
        self._detectors = slice(first_detector, None) if first_detector < len(linear.labels) else None
        # The "any" column as a compact array of bytes: scalar look-ups beat numpy indexing for one text,
        # and at 256 KB it stays in cache beside the rest of the analysis (a list of ints took 2 MB).
        self._any = array("b", linear.quantised[:, 0].tobytes())
        self._scale, self._bias = float(linear.scale[0]), float(linear.bias[0])
        self._words: dict[str, tuple[int, int, int, int]] = {}
        # The kind detectors' columns likewise, for short texts (`_short_detected`), and their words' sums.
        detectors = range(first_detector, len(linear.labels))
        self._detector_columns = [array("b", linear.quantised[:, j].tobytes()) for j in detectors]
        self._detector_scales = [float(linear.scale[j]) for j in detectors]
        self._detector_biases = [float(linear.bias[j]) for j in detectors]
        self._detector_words: dict[str, tuple[int, ...]] = {}

    def _word(self, word: str) -> tuple[int, int, int, int]:
        """A word's bigram parts as first and as second word (`_bigram_parts`), its number of buckets and
        its summed "any" weight, cached."""
        hit = self._words.get(word)
        if hit is None:
            h, buckets = word_buckets(word)
            hit = (*_bigram_parts(h), len(buckets), sum(self._any[b] for b in buckets))
            if len(self._words) < 300_000:
                self._words[word] = hit
        return hit

    def _detector_word(self, word: str) -> tuple[int, ...]:
        """A word's unigram and character buckets' weights summed per kind detector, cached."""
        hit = self._detector_words.get(word)
        if hit is None:
            buckets = word_buckets(word)[1]
            hit = tuple(sum(column[b] for b in buckets) for column in self._detector_columns)
            if len(self._detector_words) < 300_000:
                self._detector_words[word] = hit
        return hit

    def kind_margins(self, text: str) -> list[float]:
        """Margins of each kind for a passage (read only for flagged ones)."""
        return self._margins(text_buckets(words_of(text)), self._kind_columns).tolist()

    def _margins(self, buckets: list[int], columns: slice) -> numpy.ndarray:
        """The margins of the outputs in `columns` for a passage's feature buckets."""
        bias = self.linear.bias[columns]
        if not buckets:
            return bias
        sums = self.linear.quantised[buckets, columns].sum(axis=0, dtype="int64")
        return sums * self.linear.scale[columns] / math.sqrt(len(buckets)) + bias

    def kind(self, text: str) -> str:
        """The kind a passage scores highest."""
        scores = self.kind_margins(text)
        return self.kinds[scores.index(max(scores))]

    def margin(self, text: str) -> float:
        """The whole text's "any disclosure" margin, all its sentences as one run."""
        return self._run(self._sentence_sums(text))

    def sentence_margin(self, sentence: str) -> float:
        """A sentence's margin as a flag's span is chosen: the better of "any" and the kind detectors."""
        margin = self.margin(sentence)
        return max(margin, self.detected(sentence)) if self._detectors is not None else margin

    def _run(self, parts: Sequence[tuple[int, int, int, int]]) -> float:
        """The margin of consecutive sentences, from their sums (bigrams across their boundaries added)."""
        total = count = 0
        last = -1
        for part_total, part_count, first, part_last in parts:
            total += part_total
            count += part_count
            if last >= 0:  # the bigram across the boundary
                total += self._any[(last + first) & _MASK]
                count += 1
            last = part_last
        return self._bias + self._scale * total / math.sqrt(count) if count > 0 else self._bias

    def decision(self, text: str, threshold: float | None = None) -> float:
        """The margin compared with the threshold: the best run's margin, less `length_penalty` times the
        log of the number of runs. The best of many runs is high by chance alone (long ordinary stories
        full of strong feeling were flagged three times as often as short ones); the penalty, chosen out of
        fold by training, grows slowly so that a clear disclosure in a long story still passes.
        The margin is the better of the "any" detector's and the kind detectors', the latter read only
        when the former comes within GATE of `threshold` (always when no threshold is given)."""
        best, runs = self.best_run(text)
        penalty = self.length_penalty * math.log(runs) if runs > 1 else 0.0
        if self._detectors is not None and (threshold is None or best - penalty >= threshold - GATE):
            best = max(best, self.detected(text))
        return best - penalty

    def detected(self, text: str) -> float:
        """The best margin any kind detector gives a run of sentences (runs as `best_run` takes them)."""
        if self._detectors is None:
            return -math.inf
        sentences = self._sentence_words(text)
        if len(sentences) <= WINDOW:
            return self._short_detected([word for sentence in sentences for word in sentence])
        return self._best_window(sentences)

    def _short_detected(self, words: list[str]) -> float:
        """`detected` of a text of at most WINDOW sentences, all its words one run: the best detector's margin
        from the words' cached sums and the bigrams' weights, in Python numbers. Gathering a row per bucket
        (about 180 in a comment) from the weight matrix cost several times as much; the sums are of
        integers and the arithmetic that of numpy's float64, so the margin is the same number."""
        if not words:
            return max(self._detector_biases)
        parts = [self._words.get(word) or self._word(word) for word in words]
        bigrams = [(first + second) & _MASK for (first, _, _, _), (_, second, _, _) in zip(parts, parts[1:])]
        root = math.sqrt(sum(count for _, _, count, _ in parts) + len(bigrams))
        word_sums = zip(*map(self._detector_word, words))
        return max((sum(word_sum) + sum(map(column.__getitem__, bigrams))) * scale / root + bias
                   for word_sum, column, scale, bias in zip(word_sums, self._detector_columns, self._detector_scales,
                                                            self._detector_biases))

    def _best_window(self, sentences: list[list[str]]) -> float:
        """`detected` for a longer text: each sentence's buckets (words and inner bigrams) and each boundary's
        bigram are gathered and summed in one pass, and a run is the sum of its parts, where scoring each run
        apart gathered every sentence twice (a third of the time on long stories; the same margins)."""
        buckets: list[int] = []
        ends, edges = [], []  # where each sentence's buckets end; its first and last word's bigram hashes
        for sentence in sentences:
            buckets += text_buckets(sentence)
            ends.append(len(buckets))
            edges.append((word_buckets(sentence[0])[0], word_buckets(sentence[-1])[0]))
        buckets += [bigram_bucket(last, first) for (_, last), (first, _) in zip(edges, edges[1:], strict=False)]
        rows = self.linear.quantised[buckets, self._detectors].astype("int64")
        parts = numpy.add.reduceat(rows[:ends[-1]], [0, *ends[:-1]], axis=0)
        counts = numpy.diff([0, *ends])
        sums = parts[:-1] + parts[1:] + rows[ends[-1]:]  # WINDOW = 2: two sentences and the bigram between
        scale, bias = self.linear.scale[self._detectors], self.linear.bias[self._detectors]
        return max(float((run * scale / math.sqrt(count) + bias).max())
                   for run, count in zip(sums, (counts[:-1] + counts[1:] + 1).tolist(), strict=True))

    @staticmethod
    def _sentence_words(text: str) -> list[list[str]]:
        """The words of each sentence, cut where `_sentence_sums` cuts."""
        sentences: list[list[str]] = [[]]
        for piece in pieces(text):
            if piece not in SENTENCE_ENDS:
                sentences[-1].append(piece)
            elif sentences[-1]:
                sentences.append([])
        return [s for s in sentences if s]

    def best_run(self, text: str) -> tuple[float, int]:
        """The best margin of a run of sentences, and how many runs there were: the whole text's up to
        WINDOW sentences, beyond that every run of WINDOW sentences. The training texts are a few sentences
        long; over a long story the sum of many small weights would grow with its length (ten NHS comments
        joined were flagged twice as often)."""
        parts = self._sentence_sums(text)
        if len(parts) <= WINDOW:
            return self._run(parts), 1
        runs = len(parts) - WINDOW + 1
        return max(self._run(parts[i:i + WINDOW]) for i in range(runs)), runs

    def _sentence_sums(self, text: str) -> list[tuple[int, int, int, int]]:
        """Per sentence (as `split_sentences` cuts) with words: its summed weight (words and inner bigrams),
        feature count, and its first word's bigram part as second and last word's as first word, from which
        `_run` scores any run of them. One pass over the words; it runs on every text."""
        cache, weights, word = self._words, self._any, self._word
        parts = []
        total, count, first, previous = 0, -1, -1, -1
        for piece in pieces(text):
            if piece in SENTENCE_ENDS:  # a sentence ends
                if previous >= 0:
                    parts.append((total, count, first, previous))
                    total, count, previous = 0, -1, -1
                continue
            as_first, as_second, n, weight = cache.get(piece) or word(piece)
            total += weight
            count += n + 1
            if previous >= 0:
                total += weights[(previous + as_second) & _MASK]
            else:
                first = as_second
            previous = as_first
        if previous >= 0:
            parts.append((total, count, first, previous))
        return parts

    def flags(self, text: str, lang: str) -> list[SafeguardingFlag]:
        """None unless the decision margin passes the language's threshold; then the sentences that pass
        on their own, else the strongest one, each flagged with the kind it scores highest."""
        threshold = self.thresholds[lang] if lang in self.thresholds else min(self.thresholds.values())
        if self.decision(text, threshold) < threshold:
            return []  # nearly every text stops here: sentences and kinds are scored only for flagged ones
        sentences = [(a, b, self.sentence_margin(text[a:b])) for a, b in split_sentences(text)]
        chosen = [s for s in sentences if s[2] >= threshold] or sentences and [max(sentences, key=lambda s: s[2])]
        return [SafeguardingFlag(self.kind(text[a:b]), a, b) for a, b, _ in chosen or ()]


_model: SafeguardingModel | None = None
_lock = threading.Lock()


def get_model() -> SafeguardingModel | None:
    """The process-wide model, loaded on first use; None when no weights are shipped."""
    global _model
    if _model is None and (MODEL_DIR / WEIGHTS_FILE).exists():
        with _lock:
            if _model is None:
                _model = SafeguardingModel()
    return _model
