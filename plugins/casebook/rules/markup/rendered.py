"""The HTML Markdown made of a text, judged as a browser will parse it; pure.

`html_findings(html)` parses the HTML a post's body, summary or explanation became, the way
a browser parses a fragment of a page, and holds it to the allow-list (allowed.py): elements
of HTML only (no SVG or MathML), the attributes each may carry, addresses read as a browser
reads them (entities decoded, tabs and newlines dropped, controls and spaces at the ends
cut) with a scheme from URL_SCHEMES, no image from another host, and no markup an HTML5
parser reads differently from how it looks (a comment ended by `--!>`, a stray `</p>`).

Two parsers judge, so neither's quirks decide alone:
- ammonia (nh3, html5ever underneath) first: when its clean copy of the HTML under the same
  allow-list is the very same text, the browser reads exactly what the sanitizer wrote and
  nothing is outside the list. Markdown's output of plain prose is such text, so nearly
  every post is done in microseconds.
- Anything else is parsed again with html5lib, which says what is outside the list and
  why; when html5lib finds nothing, the tree it reads from the HTML must be the one it reads
  from ammonia's clean copy, or the markup is one the two parsers disagree on.
"""

from __future__ import annotations

import html as entities
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import html5lib
import nh3

from .allowed import (
    ALIGN_STYLES,
    ALIGNED,
    ATTRIBUTES,
    CLASS_VALUE,
    ELEMENTS,
    FOREIGN,
    GENERIC_ATTRIBUTES,
    ID_VALUE,
    MARKDOWN_GENERIC,
    URL_ATTRIBUTES,
    URL_SCHEMES,
)
from .messages import NO_ALT, element_problem, remote_image
from .urls import browser_url, other_host, url_problem

XHTML = "http://www.w3.org/1999/xhtml"
# Parse errors another rule reports at their own line: control characters (characters.py).
REPORTED_ELSEWHERE = frozenset({"invalid-codepoint"})
PREFIX = "as built"  # what every message of the rendered page starts with


@dataclass(frozen=True)
class Finding:
    """Something in a rendered page that the allow-list refuses, and where to look for it."""

    message: str
    # Text to look for in the Markdown the HTML came from, the most telling first.
    needles: tuple[str, ...] = ()


def _attributes_of(name: str) -> set[str]:
    return set(GENERIC_ATTRIBUTES - {"markdown"} | MARKDOWN_GENERIC | ATTRIBUTES.get(name, set()))


_NH3_ATTRIBUTES = {
    "*": set(GENERIC_ATTRIBUTES - {"markdown"} | MARKDOWN_GENERIC),
    **{name: set(found) for name, found in ATTRIBUTES.items()},
    **{name: {*ATTRIBUTES.get(name, ()), "style"} for name in ALIGNED},
}


def value_problem(element: str, attribute: str, value: str) -> str | None:
    """What is wrong with an allowed attribute's value (without a prefix), or None."""
    if attribute == "id" and not ID_VALUE.fullmatch(value):
        return f"an id on <{element}> holds more than letters, digits and -_:.; shorten it"
    if attribute == "class" and not CLASS_VALUE.fullmatch(value):
        return (
            f"a class on <{element}> holds more than up to ten names of letters, digits, - "
            "and _; shorten it"
        )
    if attribute == "style":
        if element in ALIGNED and value in ALIGN_STYLES:
            return None
        return f"the style attribute on <{element}> is not allowed; remove it"
    if attribute in URL_ATTRIBUTES:
        where = f"<{element} {attribute}>"
        problem = url_problem(value, where)
        if problem:
            return problem
        host = other_host(value) if element == "img" and attribute == "src" else None
        if host:
            return remote_image(host, where)
    return None


def html_findings(html: str, tolerate: frozenset[str] = frozenset()) -> list[Finding]:
    """What a rendered text holds outside the allow-list, in the order it comes; [] if nothing.

    `tolerate`: parse errors (html5lib's codes) that are no finding, for HTML no author wrote.
    """
    if not html or _as_ammonia_writes_it(html):
        return []
    findings = list(dict.fromkeys(_judged(html, tolerate)))
    if findings:
        return findings
    if _tree(html) != _tree(_clean(html, keep_all=True)):
        return [
            Finding(
                f"{PREFIX}, this markup is read one way by one HTML parser and another way by "
                "another (browsers may differ too); simplify the raw HTML here"
            )
        ]
    return []


def _clean(html: str, keep_all: bool = False, counts: list[int] | None = None) -> str:
    """ammonia's copy of the HTML under the allow-list (values judged too, unless keep_all)."""

    def keep(element: str, attribute: str, value: str) -> str | None:
        if counts is not None and element == "img" and attribute in ("src", "alt"):
            counts[attribute == "alt"] += 1
        if keep_all:
            return value
        return None if value_problem(element, attribute, value) else value

    return str(
        nh3.clean(
            html,
            tags=set(ELEMENTS),
            attributes=_NH3_ATTRIBUTES,
            attribute_filter=keep,
            url_schemes=set(URL_SCHEMES),
            strip_comments=False,
            link_rel=None,
        )
    )


def _as_ammonia_writes_it(html: str) -> bool:
    """Whether the HTML is, to the character, ammonia's clean copy of itself (every image with
    an alt text, no comment: those go to html5lib, which also reads them as a browser does)."""
    if "<!--" in html:
        return False
    images = [0, 0]  # src, alt
    return _clean(html, counts=images) == html and images[0] == images[1]


def _parse(html: str) -> tuple[Any, list[tuple[tuple[int, int], str, dict[str, Any]]]]:
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"))
    fragment = parser.parseFragment(html, container="div")
    return fragment, parser.errors


def _judged(html: str, tolerate: frozenset[str]) -> Iterator[Finding]:
    fragment, errors = _parse(html)
    lines = html.split("\n")
    for (line, column), code, data in errors:
        if code in tolerate or code in REPORTED_ELSEWHERE:
            continue
        yield _parse_error(code, data, lines[line - 1][: column + 1] if line <= len(lines) else "")
    for element in _elements(fragment):
        yield from _element_findings(element)


def _elements(fragment: Any) -> Iterator[Any]:
    """Every element, but not the insides of one in another language (it is refused whole)."""
    stack = list(reversed(list(fragment)))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue  # a comment: read by the parser already
        yield element
        if _namespace(element.tag) == XHTML:
            stack.extend(reversed(list(element)))


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else XHTML


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _element_findings(element: Any) -> Iterator[Finding]:
    namespace, name = _namespace(element.tag), _local(element.tag)
    if namespace != XHTML:
        yield Finding(f"{PREFIX}, {FOREIGN.get(namespace, 'foreign markup')}", (f"<{name}",))
        return
    refused = element_problem(name)
    if refused:
        yield Finding(f"{PREFIX}, {refused}", (f"<{name}",))
        return
    allowed = _attributes_of(name) | ({"style"} if name in ALIGNED else set())
    for raw, value in element.attrib.items():
        attribute = _local(raw) if isinstance(raw, str) else str(raw)
        needles = _needles(name, attribute, value)
        if attribute.startswith("on"):
            yield Finding(
                f"{PREFIX}, the {attribute} attribute on <{name}> runs script; remove it", needles
            )
        elif attribute not in allowed:
            can = ", ".join(sorted(_attributes_of(name)))
            yield Finding(
                f"{PREFIX}, the {attribute} attribute is not allowed on <{name}> "
                f"(allowed: {can}); remove it",
                needles,
            )
        else:
            problem = value_problem(name, attribute, value)
            if problem:
                yield Finding(f"{PREFIX}, {problem}", needles)
    if name == "img" and "alt" not in element.attrib:
        yield Finding(f"{PREFIX}, {NO_ALT}", (element.get("src") or "<img",))


def _needles(name: str, attribute: str, value: str) -> tuple[str, ...]:
    """What of an attribute may be found in the Markdown: its value, its tail, its name."""
    found = [value, browser_url(value)]
    if ":" in value:
        found.append(value.split(":", 1)[1][:40])
    return (*[f for f in found if len(f) > 2], f"{attribute}=", f"<{name}")


PARSE_ERRORS = {
    "comment": (
        "a comment is written in a way browsers read differently from how it looks (`--!>`, "
        "`--` inside it, or never closed); write it as <!-- text --> or remove it",
        ("<!--",),
    ),
    "expected-dashes-or-doctype": (
        "`<!` starts no comment here (a CDATA section or a declaration), so browsers hide "
        "what follows up to the next `>`; remove it",
        ("<!",),
    ),
    "named-entity-without-semicolon": (
        "an `&name` entity without its `;` is read differently in text and in attributes; "
        "write &amp; for a plain &",
        ("&",),
    ),
}


def _parse_error(code: str, data: dict[str, Any], before: str) -> Finding:
    """A parse error of the rendered HTML, in words; where the line before it ends."""
    key = "comment" if "comment" in code else code
    if key in PARSE_ERRORS:
        message, needles = PARSE_ERRORS[key]
        return Finding(f"{PREFIX}, {message}", needles)
    name = str(data.get("name", ""))
    tail = entities.unescape(before.rsplit(">", 2)[-1]).strip()[-30:]
    if code == "unexpected-end-tag" and name:
        return Finding(
            f"{PREFIX}, </{name}> closes nothing that is open; remove it",
            (f"</{name}", *([tail] if tail else ())),
        )
    return Finding(
        f"{PREFIX}, the HTML is not valid here ({code}): a tag is misplaced or left open; "
        "check the raw HTML near this line",
        (tail,) if len(tail) > 2 else (),
    )


def _tree(html: str) -> list[tuple[str, tuple[tuple[str, str], ...], str]]:
    """What html5lib reads: each element with its attributes, and the text after its start."""
    fragment, _errors = _parse(html)
    found: list[tuple[str, tuple[tuple[str, str], ...], str]] = [("", (), fragment.text or "")]
    for element in fragment.iter():
        if element is fragment:
            continue
        tag = element.tag if isinstance(element.tag, str) else "!--"
        attributes = tuple(sorted((str(k), str(v)) for k, v in element.attrib.items()))
        found.append((tag, attributes, (element.text or "") + "\x00" + (element.tail or "")))
    return found
