"""The only place that imports bleach. Stories are stored as plain text and become HTML only here."""
from __future__ import annotations

import re
import unicodedata

import bleach
from markupsafe import Markup, escape

# What text may turn into: paragraphs and line breaks, with no attributes at all.
ALLOWED_TAGS = frozenset({"p", "br"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def plain_text(value: str | None) -> str | None:
    """Normalise what a person typed: Unicode NFC, \\n line ends, no control characters, trimmed."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return text.strip()


def paragraphs(text: str | None) -> Markup:
    """Plain text as HTML paragraphs: escaped first, then cleaned against a two-tag allow-list as a backstop."""
    if not text:
        return Markup("")
    html = "".join(
        f"<p>{'<br>'.join(str(escape(line)) for line in block.split(chr(10)))}</p>"
        for block in _PARAGRAPH_BREAK.split(text.strip())
    )
    return Markup(bleach.clean(html, tags=ALLOWED_TAGS, attributes={}, strip=True))
