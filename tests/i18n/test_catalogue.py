"""The German catalogue is complete for the code as it is now.

The messages are extracted afresh from the source (the same command as ``make messages``), so this fails as soon
as somebody adds or changes a string a person reads and does not translate it. To fix it: ``make messages``,
translate the new entries in ``feedback_app/translations/de/LC_MESSAGES/messages.po``, and run the tests again.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from config import PROJECT_ROOT

from .conftest import TRANSLATIONS

GERMAN_PO = TRANSLATIONS / "de" / "LC_MESSAGES" / "messages.po"
# Keep in step with the `messages` target of the Makefile.
EXTRACT_ARGS = [
    "extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext", "--no-location", "--sort-output",
    "--ignore-dirs=.venv .git tests bench migrations",
]
# %(name)s, %(count)d, %(average).1f ... (a literal %% is not a placeholder)
PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?([diouxXeEfFgGcrsa])")


def placeholders(text: str) -> list[tuple[str, str]]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def ids(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def strings(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """Every message in the code today, extracted into a throwaway .pot."""
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *EXTRACT_ARGS, "-o", str(pot), "."],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"pybabel extract failed:\n{result.stderr}"
    with pot.open("rb") as file:
        return read_po(file)


@pytest.fixture(scope="module")
def german() -> Catalog:
    with GERMAN_PO.open("rb") as file:
        return read_po(file, locale="de")


def test_extraction_finds_the_interface(extracted: Catalog) -> None:
    """A guard against a broken babel.cfg that would make the completeness test pass on nothing."""
    found = {message.id for message in extracted if message.id}
    assert len(found) > 100
    # one from Python (a lazy enum label), one from a form, one from a template, one plural
    assert "Waiting for a moderator" in found
    assert "Please give your story a title." in found
    assert "Skip to main content" in found
    assert ("%(num)d story", "%(num)d stories") in found


def test_every_message_has_a_german_translation(extracted: Catalog, german: Catalog) -> None:
    missing, fuzzy, empty = [], [], []
    for message in extracted:
        if not message.id:
            continue
        translated = german.get(message.id)
        if translated is None:
            missing.append(message.id)
        elif translated.fuzzy:
            fuzzy.append(message.id)
        elif not all(s.strip() for s in strings(translated)):
            empty.append(message.id)
    problems = [f"not in messages.po (run `make messages`): {m!r}" for m in missing]
    problems += [f"marked fuzzy: {m!r}" for m in fuzzy]
    problems += [f"not translated: {m!r}" for m in empty]
    assert not problems, "German catalogue incomplete:\n" + "\n".join(problems)


def test_translations_keep_every_placeholder(extracted: Catalog, german: Catalog) -> None:
    wrong = []
    for message in extracted:
        translated = german.get(message.id) if message.id else None
        if translated is None:
            continue  # reported by the completeness test
        sources = ids(message)
        for index, text in enumerate(strings(translated)):
            if not text:
                continue
            source = sources[min(index, len(sources) - 1)]  # German: [0] singular, [1] plural
            if placeholders(text) != placeholders(source):
                wrong.append(f"{source!r}: {placeholders(source)} but {text!r}: {placeholders(text)}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_plural_messages_have_both_german_forms(extracted: Catalog, german: Catalog) -> None:
    assert german.num_plurals == 2
    assert "n != 1" in german.plural_expr
    for message in extracted:
        if message.pluralizable:
            translated = german.get(message.id)
            assert translated is not None and translated.pluralizable, message.id
            assert len(strings(translated)) == 2, message.id


def test_header_is_filled_in(german: Catalog) -> None:
    assert str(german.locale) == "de"
    assert german.language_team and "LL@li.org" not in german.language_team
    assert german.project and german.project != "PROJECT"



def test_babel_format_checks_pass(german: Catalog) -> None:
    """Babel's own checks (the ones `pybabel compile` reports as errors), e.g. incompatible %-placeholders."""
    problems = [f"{message.id!r}: {error}" for message, errors in german.check() for error in errors]
    assert not problems, "\n".join(problems)
