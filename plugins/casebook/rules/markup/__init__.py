"""Raw HTML and URLs in a Markdown body that would run, call another host, or break the page; pure.

`raw_html_problems(body, first_line)` is the rule a rule book calls for every post, page and
condition file: a list of (line in the file, message) pairs. What it accepts builds, with the
project's Markdown settings (Python-Markdown with `extra` and `toc`), into HTML the Nu validator
passes (tests/fixtures/raw_html_ok proves it).

The allow-list is ammonia's default (`nh3.ALLOWED_TAGS`, `nh3.ALLOWED_ATTRIBUTES`; generic
attributes `title` and `lang`) less what does not fit a post on this site:
- elements obsolete in HTML5, which the Nu validator rejects: acronym, center, strike, tt;
  and rtc, which HTML never kept;
- the page's own landmarks and sections, which belong to the theme: article, aside, footer,
  header, hgroup, nav;
- elements the validator holds to an attribute or a value format this rule does not check:
  area, map (image maps), bdo (needs dir), data (needs value), time (a date format);
- presentational attributes obsolete in HTML5: align, char, charoff, summary, and size and
  width on <hr>.
Added: `open` on <details> and md_in_html's `markdown` attribute (Markdown removes it).

Code spans, fenced and indented code blocks are blanked out first, the way Python-Markdown
reads them, so a <script> shown as code is fine. Tags are read with html5lib's tokenizer,
which is linear in the input; Python-Markdown itself is not (a body of 10 000 `<a b="` takes
it seconds), so the body is never rendered here.
"""

from __future__ import annotations

import re

from .code import blank_code
from .tags import tags
from .urls import attribute_lists, autolinks, markdown_urls

# Most bodies hold none of these, and are done at once: plain substring tests first (a
# scan of one regex of alternatives over every position costs ~40 times more).
QUICK_SIGNS = ("<", "&#", "![")


RISKY_SCHEME = re.compile(r"(?i:javascript|vbscript|data)\s*:")


ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*=")


def raw_html_problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line in the file, message) for each raw-HTML or URL problem in a Markdown body."""
    if not _worth_a_look(body):
        return []
    try:
        return _problems(body.replace("\r\n", "\n").replace("\r", "\n"), first_line)
    except Exception as error:  # noqa: BLE001 - a rule never stops a build or a check
        return [(first_line, f"raw HTML: this body could not be checked ({error!r}); report it")]


def _worth_a_look(body: str) -> bool:
    """Whether the body holds anything the rule reads: a tag, an entity, an image, a scheme."""
    if any(sign in body for sign in QUICK_SIGNS):
        return True
    if "{" in body and ATTRIBUTE_LIST.search(body):
        return True
    if ":" in body:
        lower = body.lower()
        return ("script" in lower or "data" in lower) and bool(RISKY_SCHEME.search(body))
    return False


def _problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """Every problem, in line order, each once."""
    lines = body.split("\n")
    masked, raw_lines, paragraph = blank_code(lines)
    text = "\n".join(masked)
    found = []

    def report(line_index, message):
        found.append((first_line + line_index, message))

    text = autolinks(text, report)
    markdown_urls(text, report)
    attribute_lists(text, report)
    tags(text, raw_lines, paragraph, report)
    return sorted(set(found))
