"""What a reader of a long post needs: its outline and how long it takes to read; pure."""

from __future__ import annotations

import math

from lxml import etree, html

# Adults read running prose at about 200–250 words a minute; the lower figure suits
# clinical text, and rounding up never promises a shorter read than it is.
WORDS_PER_MINUTE = 200


def _tree(fragment: str) -> html.HtmlElement | None:
    if not fragment or not fragment.strip():
        return None
    try:
        tree: html.HtmlElement = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    return tree


def outline(fragment: str, level: int = 2) -> list[tuple[str, str]]:
    """(id, text) of every heading of `level` in an HTML fragment that has an id, in order."""
    tree = _tree(fragment)
    if tree is None:
        return []
    found = []
    for heading in tree.iter(f"h{level}"):
        anchor = heading.get("id")
        text = " ".join(heading.text_content().split())
        if anchor and text:
            found.append((anchor, text))
    return found


def words(fragment: str) -> int:
    """How many words an HTML fragment shows."""
    tree = _tree(fragment)
    # Text node by text node: two paragraphs' words never run together into one.
    return sum(len(text.split()) for text in tree.itertext()) if tree is not None else 0


def reading_minutes(fragment: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Minutes to read an HTML fragment, rounded up; at least 1."""
    return max(1, math.ceil(words(fragment) / words_per_minute))
