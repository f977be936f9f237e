"""Raw HTML and URLs in a Markdown text that would run, call another host, or break the page; pure.

Two rules, both (line in the file, message) pairs, called by the rule book for every post,
page and condition file:
- `rendered_problems(html, text, first_line)` judges what the browser will parse: the HTML
  Markdown made of the text (rendered.py), with the allow-list below. It is the rule that
  decides; what it accepts builds into HTML the Nu validator passes (tests/fixtures/raw_html_ok
  proves it). A finding has no line in the HTML's source, so it is placed at the first line
  of the Markdown that holds what it is about (the address, the attribute, the tag, the
  comment; in that order), else at the text's first line.
- `raw_html_problems(body, first_line)` reads the raw HTML in the Markdown itself, before it
  is rendered: it says exactly where a tag is malformed, never closed or breaks a paragraph,
  and a body it refuses is never rendered (where Python-Markdown is slowest). What only
  the rendered HTML shows (Markdown links, attribute lists, comments, split or encoded
  schemes) is left to the first rule.

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
it seconds), so a body this rule refuses is never rendered.
"""

from __future__ import annotations

from .code import blank_code
from .rendered import html_findings
from .tags import tags
from .urls import autolinks

MADE_TOLERATES = frozenset({"unexpected-end-tag"})


def rendered_problems(
    html: str, text: str, first_line: int, made: bool = False
) -> list[tuple[int, str]]:
    """(line in the file, message) for each thing the HTML made of `text` may not hold.

    `made`: the HTML is Pelican's cut of a longer one (a summary made from the body), whose
    closing tags Pelican writes itself, a stray `</wbr>` among them: only what would run,
    load or hide something counts there.
    """
    try:
        findings = html_findings(html, MADE_TOLERATES if made else frozenset())
    except Exception as error:  # noqa: BLE001 - a rule never stops a build or a check
        return [(first_line, f"as built, this text could not be checked ({error!r}); report it")]
    if not findings:
        return []
    lower = text.lower()
    found = []
    for finding in findings:
        at = next((lower.find(n.lower()) for n in finding.needles if n.lower() in lower), 0)
        found.append((first_line + text.count("\n", 0, at), finding.message))
    return list(dict.fromkeys(found))


def raw_html_problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line in the file, message) for each raw-HTML or URL problem in a Markdown body."""
    if "<" not in body:
        return []  # no tag, no autolink: most bodies are done at once
    try:
        return _problems(body.replace("\r\n", "\n").replace("\r", "\n"), first_line)
    except Exception as error:  # noqa: BLE001 - a rule never stops a build or a check
        return [(first_line, f"raw HTML: this body could not be checked ({error!r}); report it")]


def _problems(body: str, first_line: int) -> list[tuple[int, str]]:
    """Every problem, in line order, each once."""
    lines = body.split("\n")
    masked, raw_lines, paragraph = blank_code(lines)
    text = "\n".join(masked)
    found = []

    def report(line_index, message):
        found.append((first_line + line_index, message))

    text = autolinks(text, report)
    tags(text, raw_lines, paragraph, report)
    return sorted(set(found))
