"""The dataclasses `analyse` returns, and their JSON shape (the one `flask nlp tag` writes)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into the analysed text: text[start:end]."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentiment:
    """A polarity label (positive, mixed, negative) and a score in -1..1."""

    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        """{"label", "score"}."""
        return {"label": self.label, "score": round(self.score, 3)}


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    """The sentiment of one sentence, with its offsets."""

    start: int
    end: int
    sentiment: Sentiment


@dataclass(frozen=True, slots=True)
class ThemeTag:
    """A theme code with its confidence (0..1), its own sentiment and the spans that show it."""

    code: str
    confidence: float
    sentiment: Sentiment
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """A personal detail a moderator may want to remove (PERSON, PHONE, EMAIL, ...)."""

    type: str
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class SafeguardingFlag:
    """A passage that may disclose harm, of one kind (self_harm, abuse, neglect, ...)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the module finds in one text."""

    language: str
    sentiment: Sentiment
    sentences: tuple[SentenceSentiment, ...] = ()
    themes: tuple[ThemeTag, ...] = ()
    criticality: int = 0
    pii: tuple[PiiSpan, ...] = ()
    redacted_text: str = ""
    safeguarding: tuple[SafeguardingFlag, ...] = field(default=())

    def to_dict(self, full: bool = False) -> dict[str, Any]:
        """The JSON shape of `flask nlp tag` (without "id"); `full` adds evidence, sentences and the redaction."""
        out: dict[str, Any] = {
            "language": self.language,
            "sentiment": self.sentiment.to_dict(),
            "themes": [{"code": t.code, "confidence": round(t.confidence, 3), "sentiment": t.sentiment.to_dict()}
                       for t in self.themes],
            "criticality": self.criticality,
            "pii": [{"type": p.type, "start": p.start, "end": p.end} for p in self.pii],
            "safeguarding": [{"kind": f.kind, "start": f.start, "end": f.end} for f in self.safeguarding],
        }
        if full:
            for tag, row in zip(self.themes, out["themes"], strict=True):
                row["evidence"] = [{"start": s.start, "end": s.end} for s in tag.evidence]
            for span, row in zip(self.pii, out["pii"], strict=True):
                row["text"] = span.text
            out["sentences"] = [{"start": s.start, "end": s.end, "sentiment": s.sentiment.to_dict()}
                                for s in self.sentences]
            out["redacted_text"] = self.redacted_text
        return out
