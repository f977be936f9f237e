"""Characters no text of the site may hold: controls, invisible in an editor, broken on a page."""

from __future__ import annotations

import re

from ..content.problems import Problem
from ..content.source import Source

# C0 controls but tab and newline (carriage returns are read as newlines), DEL, and C1.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MAX_REPORTED = 5  # lines named one by one; the rest counted
NAMES = {
    "\x00": "NUL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "VERTICAL TAB",
    "\x0c": "FORM FEED", "\x1b": "ESCAPE", "\x7f": "DELETE",
}  # fmt: skip


def check_characters(source: Source) -> list[Problem]:
    """An error at each line (the first few) holding a control character, saying which."""
    text = source.text
    if not CONTROL.search(text):
        return []
    problems: list[Problem] = []
    lines = [(n, row) for n, row in enumerate(text.split("\n"), start=1) if CONTROL.search(row)]
    for number, row in lines[:MAX_REPORTED]:
        found = CONTROL.search(row)
        if found is None:
            continue
        char = found.group(0)
        name = NAMES.get(char, "a control character")
        problems.append(
            source.at(
                f"a control character (U+{ord(char):04X}, {name}) is in this line, at "
                f"column {found.start() + 1}: invisible in an editor, it breaks the page and "
                "the feeds; delete it (retype the line if it cannot be seen)",
                number,
            )
        )
    if len(lines) > MAX_REPORTED:
        problems.append(
            source.at(
                f"{len(lines) - MAX_REPORTED} more lines hold control characters; re-save the "
                "file as plain UTF-8 text",
                lines[MAX_REPORTED][0],
            )
        )
    return problems
