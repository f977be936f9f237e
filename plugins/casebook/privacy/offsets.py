"""Offset maps of the lint's reading: a parsed value led back to the file, two maps composed."""

from __future__ import annotations

from .seen import OffsetMap


def align(value: str, text: str, start: int, end: int) -> OffsetMap:
    """Each character of a parsed value led back to where it stands in text[start:end].

    Folding, indentation, quotes and escapes make the two differ; a character that is
    not found a little ahead stays with the last one found.
    """
    if text.startswith(value, start):
        return OffsetMap([(0, start)])  # a plain value on its line: written as it is read
    anchors: list[tuple[int, int]] = [(0, start)]
    j = start
    for i, char in enumerate(value):
        found = text.find(char, j, min(end, j + 16)) if not char.isspace() else -1
        if char.isspace():
            ahead = j
            while ahead < end and ahead < j + 16 and not text[ahead].isspace():
                ahead += 1
            found = ahead if ahead < end and text[ahead].isspace() else -1
        if found < 0:
            anchors.append((i, j))
            continue
        if found != anchors[-1][1] + (i - anchors[-1][0]):
            anchors.append((i, found))
        j = found + 1
    return OffsetMap(anchors)


class _Composed(OffsetMap):
    """Two maps one after the other: seen text to the parsed value, the value to the file."""

    def __init__(self, outer: OffsetMap, inner: OffsetMap):
        super().__init__()
        self.outer, self.inner = outer, inner

    def __call__(self, offset: int) -> int:
        return self.outer(self.inner(offset))


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    return _Composed(outer, inner)
