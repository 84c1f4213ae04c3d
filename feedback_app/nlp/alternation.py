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
from collections.abc import Iterator

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


def _trie(branches: list[tuple[str, str]], names: dict[str, str] | None) -> str:
    """An alternation of (group, branch) pairs, with shared first characters moved out in front.

    `names` (if given) gets a named group per run of a group's neighbouring branches, mapped to the
    group; without it the branches carry no group.
    """
    expanded = [(name, b) for name, branch in branches for b in _literal_start(branch) or [""]]
    if len(branches) > 1 and all(b for _, b in expanded):
        by_first: dict[str, list[tuple[str, str]]] = {}
        for name, b in expanded:
            by_first.setdefault(b[0], []).append((name, b[1:]))
        if len(by_first) < len(expanded):
            return "|".join(f"{re.escape(first)}(?:{_trie(tails, names)})"
                            for first, tails in by_first.items())
    if names is None:
        return "|".join(branch for _, branch in branches)
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


def _branches(groups: dict[str, str]) -> list[tuple[str, str]]:
    """(group, branch) for every top-level branch of every group's pattern, in order."""
    return [(name, b) for name, pattern in groups.items() for b in split_branches(pattern)]


def dispatched(groups: dict[str, str], before: str = "",
               after: str = "") -> tuple[re.Pattern[str], dict[str, str]]:
    """`before(?:(?P<name>pattern)|...)after`, compiled as a character trie of the patterns' branches.

    Returns the pattern and a map from its inner group names to the keys of `groups` (read a match with
    `names[m.lastgroup]`). A branch that does not start plainly is left as it is, with its neighbours.
    """
    names: dict[str, str] = {}
    return re.compile(f"{before}(?:{_trie(_branches(groups), names)}){after}"), names


def _plain_starts(pattern: str) -> set[str]:
    """The plain text each branch of `pattern` starts with: a match of the branch begins with one of them."""
    return {_plain_prefix(b) for branch in split_branches(pattern) for b in _literal_start(branch) or [branch]}


# A match: its group, start and end, and the later groups that may match at its start too.
Found = tuple[str, int, int, tuple[str, ...]]


class Dispatched:
    """The matches of `dispatched(groups, before, after)`, each with its group, from a trie without groups.

    Inside a repeated group (a run of words) Python's engine saves the capture marks at each step it may
    backtrack to, copying them up to the highest-numbered group entered: with a named group per branch
    (hundreds), two thirds of a search went into that copying.
    The trie without them finds the same spans, its branches tried in the same order; a match's group is
    then the first one whose own pattern matches at its start, since an earlier one matching there would
    have won the alternation. Only the groups with a plain start that begins the matched text (or that it
    begins) can match there, and most matched texts have one: its group is known without a search.
    `before` and `after` must be zero-width (a word boundary, a lookahead): the matched text is the branch's.
    """

    _MAX_CACHED = 4096  # matched texts whose candidate groups are kept (555 after 13,416 NHS comments)

    def __init__(self, groups: dict[str, str], before: str = "", after: str = "") -> None:
        self.pattern = re.compile(f"{before}(?:{_trie(_branches(groups), None)}){after}")
        self.alone = {name: re.compile(f"(?:{_trie(_branches({name: pattern}), None)}){after}")
                      for name, pattern in groups.items()}
        self._starts = {name: _plain_starts(pattern) for name, pattern in groups.items()}
        self._candidates: dict[str, tuple[str, ...]] = {}

    def finditer(self, text: str) -> Iterator[Found]:
        """Every match in `text`, as the alternation finds them."""
        for m in self.pattern.finditer(text):
            yield self._found(text, m)

    def match(self, text: str, pos: int) -> Found | None:
        """The alternation's match at `pos`, if any."""
        m = self.pattern.match(text, pos)
        return self._found(text, m) if m else None

    def _found(self, text: str, m: re.Match[str]) -> Found:
        """`m` with its group: the first candidate whose own pattern matches there (the last needs no test)."""
        start = m.start()
        candidates = self._candidates.get(matched := m.group()) or self._groups_starting(matched)
        last = len(candidates) - 1
        for i, name in enumerate(candidates):
            if i == last or self.alone[name].match(text, start):
                return name, start, m.end(), candidates[i + 1:]
        raise AssertionError("a match has a group")

    def _groups_starting(self, matched: str) -> tuple[str, ...]:
        """The groups, in order, with a plain start that begins `matched` or that `matched` begins."""
        found = tuple(name for name, starts in self._starts.items()
                      if any(matched.startswith(p) or p.startswith(matched) for p in starts))
        if len(self._candidates) < self._MAX_CACHED:
            self._candidates[matched] = found
        return found


class EachGroup:
    """Every group's own matches at word starts in one pass: what one `finditer` per group would find.

    A single alternation gives each position to its first matching group, so a word in two groups' lists
    (or one group's cue inside another's longer cue) counted for one. Here the single alternation still
    finds the first matching group's match (its branches come first). Only the later groups with a plain
    start that begins the matched text, or that it begins, are then tried on their own at its start (most
    cue words belong to one theme: none is), and likewise at the word starts inside a match of several words.
    """

    # (?=\w) rejects word ends before the long alternation is tried: a third faster.
    WORD_START = r"\b(?=\w)"

    def __init__(self, groups: dict[str, str], after: str = "") -> None:
        self.dispatched = Dispatched(groups, self.WORD_START, after)
        self.alone = self.dispatched.alone
        self.word_start = re.compile(self.WORD_START)

    def matches(self, text: str) -> list[tuple[str, int, int]]:
        """(group, start, end) of each group's non-overlapping matches; a group's in order."""
        out: list[tuple[str, int, int]] = []
        ends: dict[str, int] = {}  # where a group's last match ended, once matches may overlap
        for name, start, end, later in self.dispatched.finditer(text):
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
                    if there := self.dispatched.match(text, at := word.start()):
                        name, _, there_end, later = there
                        if ends.get(name, 0) <= at:
                            ends[name] = there_end
                            out.append((name, at, there_end))
                        self._also(text, at, later, ends, out)
        return out

    def _also(self, text: str, start: int, names: tuple[str, ...], ends: dict[str, int],
              out: list[tuple[str, int, int]]) -> None:
        """The own matches at `start` of the groups `names`, where their last match does not cover it."""
        for name in names:
            if ends.get(name, 0) <= start and (own := self.alone[name].match(text, start)):
                ends[name] = own.end()
                out.append((name, start, own.end()))
