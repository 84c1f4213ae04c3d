"""Running the language analysis on stories and storing what it finds.

A story is analysed as one text (its fields joined by blank lines), so themes and sentiment see the whole
story; personal details and safeguarding passages are mapped back to the field they sit in, with offsets
into that field, so a moderator can see and remove each one where it stands.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .. import nlp
from ..extensions import db
from ..models import AnalysisStatus, Sentiment, Story, StoryTheme, ThemeSource
from ..models.base import utcnow

log = logging.getLogger(__name__)

ANALYSED_FIELDS = ("title", "body", "what_was_good", "what_could_be_improved", "how_it_felt")
FIELD_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class FieldRange:
    name: str
    start: int
    end: int


def story_text(story: Story) -> tuple[str, list[FieldRange]]:
    """The story's written fields as one text, and where each field sits in it."""
    parts, ranges, offset = [], [], 0
    for name in ANALYSED_FIELDS:
        value = getattr(story, name)
        if not value:
            continue
        if parts:
            offset += len(FIELD_SEPARATOR)
        parts.append(value)
        ranges.append(FieldRange(name, offset, offset + len(value)))
        offset += len(value)
    return FIELD_SEPARATOR.join(parts), ranges


def _locate(ranges: Sequence[FieldRange], start: int, end: int) -> tuple[str, int, int] | None:
    """(field, start, end) with offsets local to the field; None for a span that crosses fields."""
    for field in ranges:
        if field.start <= start and end <= field.end:
            return field.name, start - field.start, end - field.start
    return None


def apply_analysis(story: Story, result: nlp.Analysis, ranges: Sequence[FieldRange]) -> None:
    """Store an analysis on the story: language, sentiment, criticality, findings, and the NLP's themes."""
    text_of = {f.name: getattr(story, f.name) for f in ranges}
    pii, flags = [], []
    for span in result.pii:
        if located := _locate(ranges, span.start, span.end):
            field, start, end = located
            pii.append({"type": span.type, "field": field, "start": start, "end": end,
                        "text": text_of[field][start:end]})
    for flag in result.safeguarding:
        if located := _locate(ranges, flag.start, flag.end):
            field, start, end = located
            flags.append({"kind": flag.kind, "field": field, "start": start, "end": end,
                          "text": text_of[field][start:end]})
    story.language = result.language
    story.sentiment = Sentiment(result.sentiment.label)
    story.sentiment_score = round(result.sentiment.score, 3)
    story.criticality = result.criticality
    story.findings = {"pii": pii, "safeguarding": flags}
    story.has_safeguarding_flags = bool(flags)
    story.analysis_status = AnalysisStatus.DONE
    story.analysed_at = utcnow()
    if not story.themes_reviewed:
        _replace_nlp_themes(story, result.themes)


def _replace_nlp_themes(story: Story, tags: Sequence[nlp.ThemeTag]) -> None:
    kept = [theme for theme in story.themes if theme.source is not ThemeSource.NLP]
    kept_codes = {theme.code for theme in kept}
    sync_themes(story, kept + [
        StoryTheme(code=tag.code, sentiment=Sentiment(tag.sentiment.label),
                   sentiment_score=round(tag.sentiment.score, 3), confidence=round(tag.confidence, 3),
                   source=ThemeSource.NLP)
        for tag in tags if tag.code not in kept_codes
    ])


def sync_themes(story: Story, wanted: Sequence[StoryTheme]) -> None:
    """Make the story's themes equal ``wanted``, updating rows in place (a code is unique per story)."""
    by_code = {theme.code: theme for theme in wanted}
    for theme in [t for t in story.themes if t.code not in by_code]:
        story.themes.remove(theme)
    existing = {theme.code: theme for theme in story.themes}
    for code, theme in by_code.items():
        row = existing.get(code)
        if row is None:
            story.themes.append(theme)
        elif row is not theme:
            row.sentiment, row.sentiment_score = theme.sentiment, theme.sentiment_score
            row.confidence, row.source = theme.confidence, theme.source


def analyse_story(story: Story) -> bool:
    """Analyse one story and store the result. A failure never loses the story: it is marked for a retry."""
    text, ranges = story_text(story)
    try:
        result = nlp.analyse(text)
    except Exception:  # the analysis is an aid; a bug in it must not refuse a story
        log.exception("Analysis failed for story %s; it is marked for `flask nlp retag`", story.id)
        story.analysis_status = AnalysisStatus.FAILED
        return False
    apply_analysis(story, result, ranges)
    return True


def stories_to_retag(since: datetime | None = None, only_unfinished: bool = False):
    """The query `flask nlp retag` walks: stories submitted since a date, or those not yet analysed."""
    query = select(Story.id).order_by(Story.id)
    if since is not None:
        query = query.where(Story.submitted_at >= since)
    if only_unfinished:
        query = query.where(Story.analysis_status != AnalysisStatus.DONE)
    return query


def retag_stories(story_ids: Sequence[int], batch_size: int = 200) -> Iterator[int]:
    """Re-analyse stories in batches through `analyse_many`, committing each batch; yields the batch sizes."""
    for first in range(0, len(story_ids), batch_size):
        batch = db.session.scalars(select(Story).where(Story.id.in_(story_ids[first:first + batch_size]))).all()
        texts = [story_text(story) for story in batch]
        try:
            results = nlp.analyse_many([text for text, _ in texts])
        except Exception:
            log.exception("Batch analysis failed; analysing story by story")
            for story in batch:
                analyse_story(story)
        else:
            for story, (_, ranges), result in zip(batch, texts, results, strict=True):
                apply_analysis(story, result, ranges)
        db.session.commit()
        yield len(batch)
