"""When demo stories happened: experience months in the last three years, then submission and moderation times."""
from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta

# A story may tell of a month up to three years back (the share form's rule): this month and the 35 before it.
MONTHS_KEPT = 36


def month_start(today: date, months_back: int) -> date:
    """The first day of the month ``months_back`` months before ``today``'s month."""
    index = today.year * 12 + today.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def experience_month(rng: random.Random, today: date, newest: int = 0, oldest: int = MONTHS_KEPT - 1) -> date:
    """A month between ``newest`` and ``oldest`` months back, recent months more likely (the platform grows)."""
    # 1 - sqrt(U) has a density falling linearly from the newest month to the oldest.
    span = oldest - newest + 1
    return month_start(today, newest + min(span - 1, math.floor(span * (1 - math.sqrt(rng.random())))))


def submission_time(rng: random.Random, experienced_on: date, latest: datetime) -> datetime:
    """When the story was sent: days to weeks after the month it tells of, never after ``latest``."""
    start = datetime.combine(experienced_on, time(7))
    sent = start + timedelta(days=rng.uniform(1, 45), seconds=rng.randrange(12 * 3600))
    return max(min(sent, latest), datetime.combine(experienced_on, time()))


def later(rng: random.Random, start: datetime, latest: datetime, min_hours: float, max_hours: float) -> datetime:
    """A moment ``min_hours`` to ``max_hours`` after ``start``, but never after ``latest`` nor before ``start``."""
    moment = start + timedelta(hours=rng.uniform(min_hours, max_hours))
    return max(start, min(moment, latest))
