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


def _plain_prefix(branch: str) -> str:
    """The plain text a branch starts with (a character before a quantifier is not plain)."""
    n = 0
    while n < len(branch) and (branch[n].isalnum() or branch[n] in " '£-") \
            and branch[n + 1:n + 2] not in tuple(_QUANTIFIER):
        n += 1
    return branch[:n]


def _trie(branches: list[tuple[str, str]], names: dict[str, str], path: str = "",
          prefixes: dict[str, set[str]] | None = None) -> str:
    """An alternation of (group, branch) pairs, with shared first characters moved out in front.

    `path`: the characters moved out in front of these branches; `prefixes` (if given) gets each inner
    group's plain starting texts, for `EachGroup`.
    """
    expanded = [(name, b) for name, branch in branches for b in _literal_start(branch) or [""]]
    if len(branches) > 1 and all(b for _, b in expanded):
        by_first: dict[str, list[tuple[str, str]]] = {}
        for name, b in expanded:
            by_first.setdefault(b[0], []).append((name, b[1:]))
        if len(by_first) < len(expanded):
            return "|".join(f"{re.escape(first)}(?:{_trie(tails, names, path + first, prefixes)})"
                            for first, tails in by_first.items())
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
        if prefixes is not None:
            prefixes[key] = {path + _plain_prefix(alt) for alt in alts}
        inner.append(f"(?P<{key}>{'|'.join(alts)})")
    return "|".join(inner)


def dispatched(groups: dict[str, str], before: str = "", after: str = "",
               prefixes: dict[str, set[str]] | None = None) -> tuple[re.Pattern[str], dict[str, str]]:
    """`before(?:(?P<name>pattern)|...)after`, compiled as a character trie of the patterns' branches.

    Returns the pattern and a map from its inner group names to the keys of `groups` (read a match with
    `names[m.lastgroup]`). A branch that does not start plainly is left as it is, with its neighbours.
    """
    names: dict[str, str] = {}
    branches = [(name, b) for name, pattern in groups.items() for b in split_branches(pattern)]
    return re.compile(f"{before}(?:{_trie(branches, names, '', prefixes)}){after}"), names


class EachGroup:
    """Every group's own matches at word starts in one pass: what one `finditer` per group would find.

    A single alternation gives each position to its first matching group, so a word in two groups' lists
    (or one group's cue inside another's longer cue) counted for one. Here the single alternation still
    finds the first matching group's match (its branches come first). Only the later groups with a branch
    that can start as the matched one does are then tried on their own at its start (most cue words
    belong to one theme: none is), and likewise at the word starts inside a match of several words.
    """

    # (?=\w) rejects word ends before the long alternation is tried: a third faster.
    WORD_START = r"\b(?=\w)"

    def __init__(self, groups: dict[str, str], after: str = "") -> None:
        order = list(groups)
        starts = {name: {_plain_prefix(b) for branch in split_branches(pattern)
                         for b in _literal_start(branch) or [branch]} for name, pattern in groups.items()}

        def compiled(before: str, after: str) -> tuple[re.Pattern[str], dict[str, tuple[str, tuple[str, ...]]]]:
            """The alternation, and per inner group its group and the later ones that can start where it matched."""
            found: dict[str, set[str]] = {}
            pattern, names = dispatched(groups, before, after, found)
            # A later group can match there only if one of its plain starts and the matched branch's
            # begin the same text: one begins the other.
            return pattern, {key: (name, tuple(later for later in order[order.index(name) + 1:]
                                               if any(p.startswith(q) or q.startswith(p)
                                                      for p in starts[later] for q in found[key])))
                             for key, name in names.items()}

        self.first, self.first_groups = compiled(self.WORD_START, after)
        # Zero-width, for the word starts inside a match: the first group matching there, and its match.
        self.there, self.there_groups = compiled("(?=", f"{after})")
        self.word_start = re.compile(self.WORD_START)
        self.alone = {name: dispatched({name: pattern}, "", after)[0] for name, pattern in groups.items()}

    def matches(self, text: str) -> list[tuple[str, int, int]]:
        """(group, start, end) of each group's non-overlapping matches; a group's in order."""
        out: list[tuple[str, int, int]] = []
        ends: dict[str, int] = {}  # where a group's last match ended, once matches may overlap
        for m in self.first.finditer(text):
            start, end = m.span()
            name, later = self.first_groups[m.lastgroup or ""]
            # A group's own pass resumes where its last match ended, which may lie past this start.
            if own := not ends or ends.get(name, 0) <= start:
                out.append((name, start, end))
            inside = not text[start:end].isalnum()  # one word: no word starts inside it
            if later or inside:
                if own:
                    ends[name] = end
                self._also(text, start, later, ends, out)
            if inside:
                for word in self.word_start.finditer(text, start + 1, end):
                    if there := self.there.match(text, at := word.start()):
                        name, later = self.there_groups[there.lastgroup or ""]
                        if ends.get(name, 0) <= at:
                            ends[name] = there.end(there.lastgroup or "")
                            out.append((name, at, ends[name]))
                        self._also(text, at, later, ends, out)
        return out

    def _also(self, text: str, start: int, names: tuple[str, ...], ends: dict[str, int],
              out: list[tuple[str, int, int]]) -> None:
        """The own matches at `start` of the groups `names`, where their last match does not cover it."""
        for name in names:
            if ends.get(name, 0) <= start and (own := self.alone[name].match(text, start)):
                ends[name] = own.end()
                out.append((name, start, own.end()))
