"""Markdown source with its code blanked out, the way Python-Markdown reads it."""

from __future__ import annotations

import bisect
import re

from markdown.inlinepatterns import HTML_RE
from markdown.util import BLOCK_LEVEL_ELEMENTS

from .allowed import VOID

FENCE = re.compile(r"(~{3,}|`{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=.*)?)$")


LIST_ITEM = re.compile(r"[ ]{0,3}(?:[*+-]|\d+\.)[ ]+\S")


BLOCK_START = re.compile(r"[ ]{0,3}<([A-Za-z][A-Za-z0-9-]*)")


BACKTICKS = re.compile(r"`+")


# Python-Markdown's own pattern for inline raw HTML: a `<` that starts none is text to it.
INLINE_TAG = re.compile(HTML_RE, re.DOTALL)


def line_of(text, offset):
    """0-based line index of a character offset."""
    return text.count("\n", 0, offset)


def blank_code(lines):
    """Lines with code blanked out; which lines are raw HTML blocks; a paragraph id per line."""
    masked = list(lines)
    code = [False] * len(lines)
    _blank_fences(lines, masked, code)
    raw = [False] * len(lines)
    _find_raw_blocks(masked, code, raw)
    _blank_indented_code(masked, code, raw)
    paragraph, current = [], 0
    for i, line in enumerate(masked):
        if not raw[i] and not line.strip():
            current += 1
        paragraph.append(current)
    _blank_inline(masked, code, raw, paragraph)
    return masked, raw, paragraph


def _blank(line):
    """A line of spaces as long as `line`."""
    return " " * len(line)


def _blank_fences(lines, masked, code):
    """Fenced code blocks (``` or ~~~ at the start of a line, closed by the same fence)."""
    closers: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line[:1] in "`~" and FENCE.match(line):
            closers.setdefault(line.rstrip(" "), []).append(i)
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i]) if lines[i][:1] in "`~" else None
        if match:
            ends = closers.get(match.group(1), [])
            at = bisect.bisect_right(ends, i)
            if at < len(ends):
                for j in range(i, ends[at] + 1):
                    masked[j], code[j] = _blank(lines[j]), True
                i = ends[at] + 1
                continue
        i += 1


def _find_raw_blocks(masked, code, raw):
    """Lines in a raw HTML block: a block-level tag at a line's start, to its closing tag."""
    i = 0
    while i < len(masked):
        start = None if code[i] else BLOCK_START.match(masked[i])
        name = start.group(1).lower() if start else ""
        if name not in BLOCK_LEVEL_ELEMENTS:
            i += 1
            continue
        opening = re.compile(rf"<{name}(?=[\s/>])", re.IGNORECASE)
        closing = re.compile(rf"</{name}\s*>", re.IGNORECASE)
        depth = 0
        while i < len(masked):
            raw[i] = True
            depth += len(opening.findall(masked[i])) - len(closing.findall(masked[i]))
            i += 1
            if depth <= 0 or name in VOID:
                break


def _indent(line):
    """Width of a line's leading whitespace, a tab counting four."""
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].expandtabs(4))


def _blank_indented_code(masked, code, raw):
    """Indented code blocks: 4 spaces after a blank line, 8 inside a list."""
    previous_blank, in_list, in_code = True, False, False
    for i, line in enumerate(masked):
        if code[i] or raw[i]:
            previous_blank, in_code = code[i], False
            continue
        if not line.strip():
            previous_blank = True
            continue
        indent = _indent(line)
        if in_code and indent >= 4 or previous_blank and indent >= (8 if in_list else 4):
            masked[i], code[i], in_code = _blank(line), True, True
            previous_blank = False
            continue
        in_code = False
        if LIST_ITEM.match(line):
            in_list = True
        elif previous_blank and indent < 4:
            in_list = False
        previous_blank = False


def _blank_inline(masked, code, raw, paragraph):
    """In each paragraph: code spans, and every `<` that Markdown would show as text."""
    i = 0
    while i < len(masked):
        if code[i] or raw[i] or not masked[i].strip():
            i += 1
            continue
        j = i
        while j < len(masked) and not (code[j] or raw[j]) and paragraph[j] == paragraph[i]:
            j += 1
        block = "\n".join(masked[i:j])
        if "`" in block:
            block = _without_code_spans(block)
        if "<" in block:
            block = _without_stray_brackets(block)
        masked[i:j] = block.split("\n")
        i = j


def _without_stray_brackets(block):
    """A paragraph with each `<` that begins no inline tag (as Markdown reads them) blanked."""
    starts = {m.start() for m in INLINE_TAG.finditer(block)}
    return "".join(" " if c == "<" and i not in starts else c for i, c in enumerate(block))


def _without_code_spans(block):
    """A paragraph with each code span blanked: a backtick run closes at one of its length."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(block)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        escaped = start > 0 and block[start - 1] == "\\"
        same = by_length[end - start]
        after = bisect.bisect_right(same, index)
        if escaped or after == len(same):
            index += 1
            continue
        closer = same[after]
        spans.append((start, runs[closer][1]))
        index = closer + 1
    if not spans:
        return block
    parts, last = [], 0
    for start, end in spans:
        parts.append(block[last:start])
        parts.append(re.sub(r"[^\n]", " ", block[start:end]))
        last = end
    parts.append(block[last:])
    return "".join(parts)
