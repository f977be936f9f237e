"""Small helpers on (start, end) spans of a text: blanking, trimming, where a word starts."""

import re
from collections.abc import Iterable, Iterator

Span = tuple[int, int]


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
