"""Large alternations of named groups, compiled as a first-character trie so fewer branches are tried.

Python's engine tries the branches of an alternation one after another at every start position. The
rule passes (theme cues, safeguarding) hold hundreds of branches, so most of their time went into
branches that could never match there. `dispatched` moves each branch's first character out in front:
`rude|respect|kind` becomes `r(?:ude|espect)|k(?:ind)`, and the engine skips a branch that starts with
another literal character at once. Branches keep their order within each first character, so every
match (its span and the group it names) is exactly the one the plain alternation finds.
"""
from __future__ import annotations

import re

_QUANTIFIER = "?*+{"


def split_branches(pattern: str) -> list[str]:
    """The top-level branches of a regular expression, as source text."""
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]" or pattern[i - 1] == "["
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def _closing(pattern: str, start: int) -> int:
    """Index of the parenthesis that closes the group opening at `start`."""
    depth, i = 0, start
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 1
        elif pattern[i] in "()":
            depth += 1 if pattern[i] == "(" else -1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _literal_start(branch: str) -> list[str] | None:
    """`branch` as branches that each start with a plain character, in the same order; None if impossible.

    A leading group without a quantifier is multiplied out: `(?:a|b)c` tries `ac` then `bc`, as the group does.
    """
    if not branch:
        return None
    if branch[0].isalnum() or branch[0] in " '£-":
        return [branch] if branch[1:2] not in _QUANTIFIER or branch[1:2] == "" else None
    if not branch.startswith("(") or branch.startswith(("(?=", "(?!", "(?<", "(?P")):
        return None
    end = _closing(branch, 0)
    if branch[end + 1:end + 2] and branch[end + 1] in _QUANTIFIER:
        return None
    inner = branch[3:end] if branch.startswith("(?:") else branch[1:end]
    out: list[str] = []
    for alt in split_branches(inner):
        expanded = _literal_start(alt + branch[end + 1:]) if alt else None
        if expanded is None:
            return None
        out += expanded
    return out


def _trie(branches: list[tuple[str, str]], names: dict[str, str]) -> str:
    """An alternation of (group, branch) pairs, with shared first characters moved out in front."""
    expanded = [(name, b) for name, branch in branches for b in _literal_start(branch) or [""]]
    if len(branches) > 1 and all(b for _, b in expanded):
        by_first: dict[str, list[tuple[str, str]]] = {}
        for name, b in expanded:
            by_first.setdefault(b[0], []).append((name, b[1:]))
        if len(by_first) < len(expanded):
            return "|".join(f"{re.escape(first)}(?:{_trie(tails, names)})" for first, tails in by_first.items())
    runs: list[tuple[str, list[str]]] = []  # neighbouring branches of one group share a named group
    for name, branch in branches:
        if runs and runs[-1][0] == name:
            runs[-1][1].append(branch)
        else:
            runs.append((name, [branch]))
    inner = []
    for name, alts in runs:
        key = f"{name}__{len(names)}"
        names[key] = name
        inner.append(f"(?P<{key}>{'|'.join(alts)})")
    return "|".join(inner)


def dispatched(groups: dict[str, str], before: str = "", after: str = "") -> tuple[re.Pattern[str], dict[str, str]]:
    """`before(?:(?P<name>pattern)|...)after`, compiled as a character trie of the patterns' branches.

    Returns the pattern and a map from its inner group names to the keys of `groups` (read a match with
    `names[m.lastgroup]`). A branch that does not start plainly is left as it is, with its neighbours.
    """
    names: dict[str, str] = {}
    branches = [(name, b) for name, pattern in groups.items() for b in split_branches(pattern)]
    return re.compile(f"{before}(?:{_trie(branches, names)}){after}"), names
