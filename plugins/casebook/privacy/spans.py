"""Small helpers on (start, end) spans of a text: blanking, trimming, where a word starts."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

Span = tuple[int, int]


class Taken:
    """Spans already taken, merged where they overlap: whether a span overlaps any is a bisect."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        """Take one more span, merged with those it overlaps."""
        start, end = span
        if end <= start:
            return
        first = bisect_right(self._ends, start)  # the first whose end is past this start
        last = bisect_left(self._starts, end)  # the first whose start is at or past this end
        if first < last:
            start = min(start, self._starts[first])
            end = max(end, self._ends[last - 1])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]

    def overlaps(self, span: Span) -> bool:
        """Whether `span` overlaps any taken span."""
        at = bisect_left(self._starts, span[1]) - 1
        return at >= 0 and self._ends[at] > span[0]


def blank(text: str, spans: Iterable[Span], fill: str = " ") -> str:
    """`text` with every span replaced by `fill`, keeping the offsets of everything else."""
    pieces, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            start = last
        if end <= start:
            continue
        pieces += [text[last:start], fill * (end - start)]
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def match_spans(pattern: re.Pattern[str], text: str, trim: str = " .,;:") -> list[Span]:
    """Spans of all matches of `pattern`, trailing `trim` characters left out."""
    spans = []
    for m in pattern.finditer(text):
        end = m.start() + len(m.group().rstrip(trim))
        if end > m.start():
            spans.append((m.start(), end))
    return spans


def texts(text: str, spans: Iterable[Span]) -> list[str]:
    """The text of each span."""
    return [text[start:end] for start, end in spans]


def word_starts(lower: str, needle: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Where `needle` starts a word in lower[start:end], found by a plain search."""
    # A pattern is then matched only there, not tried at every position of the text.
    end = len(lower) if end is None else end
    i = lower.find(needle, start, end)
    while i >= 0:
        if i == 0 or not (lower[i - 1].isalnum() or lower[i - 1] in "._"):
            yield i
        i = lower.find(needle, i + 1, end)
