"""Fixtures for the language tests: a compiled German catalogue and a way to read it.

The .mo files are not in git (``make translations`` compiles them), so these tests compile any catalogue
whose .mo is missing or older than its .po before the first test runs. That way
``python -m pytest tests/i18n`` passes on a fresh clone, without ``make``.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from markupsafe import escape

from config import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "feedback_app" / "translations"


def compile_stale_catalogues(root: Path = TRANSLATIONS) -> list[Path]:
    """Compile every ``<locale>/LC_MESSAGES/messages.po`` whose .mo is missing or older; return what was built."""
    built = []
    for po_path in sorted(root.glob("*/LC_MESSAGES/messages.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        # Write next to the target and rename, so a concurrent reader never sees half a file.
        with tempfile.NamedTemporaryFile("wb", dir=mo_path.parent, suffix=".mo.tmp", delete=False) as tmp:
            write_mo(tmp, catalog, use_fuzzy=False)
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, mo_path)
        built.append(mo_path)
    return built


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues() -> None:
    compile_stale_catalogues()


@pytest.fixture(scope="session")
def de(compiled_catalogues: None) -> Callable[..., str]:
    """The German text for an English msgid, as the app will show it (formatted with ``variables``)."""
    translations = Translations.load(str(TRANSLATIONS), ["de"])

    def german(msgid: str, **variables: object) -> str:
        text = translations.gettext(msgid)
        assert text != msgid, f"no German translation for {msgid!r}"
        return text % variables if variables else text

    return german


def html(text: str) -> str:
    """``text`` as Jinja writes it into a page (autoescaped)."""
    return str(escape(text))
