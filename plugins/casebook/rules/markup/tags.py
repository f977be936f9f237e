"""Raw HTML tags read with html5lib's tokenizer: elements, attributes, nesting."""

from __future__ import annotations

from collections import Counter

# html5lib keeps its tokenizer in a private module; the version is pinned (requirements.txt).
from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import tokenTypes

from .allowed import (
    ATTRIBUTES,
    ELEMENTS,
    FLOW_ONLY,
    GENERIC_ATTRIBUTES,
    MALFORMED,
    OPTIONAL_END,
    TEXT_CONTENT,
    UNFINISHED,
    URL_ATTRIBUTES,
    VOID,
)
from .messages import NO_ALT, element_problem
from .urls import other_host, remote_image, url_problem


class _Tokenizer(HTMLTokenizer):  # type: ignore[misc]  # html5lib ships no types
    """html5lib's tokenizer, noting the line where each tag starts."""

    tag_line = 1

    def tagOpenState(self):  # noqa: N802 - html5lib's name
        self.tag_line = self.stream.position()[0]
        return super().tagOpenState()

    def emitCurrentToken(self):  # noqa: N802 - html5lib's name
        self.currentToken["line"] = self.tag_line
        super().emitCurrentToken()


def tags(text, raw_lines, paragraph, report):
    """Every tag left once code and autolinks are blanked: elements, attributes, nesting."""
    tokenizer = _Tokenizer(text)
    open_tags = []  # (name, line index)
    open_names: Counter[str] = Counter()  # how many of each are open: a close is O(1) to test
    for token in tokenizer:
        kind = token["type"]
        if kind == tokenTypes["ParseError"]:
            code = token["data"]
            line = tokenizer.stream.position()[0] - 1
            if code.startswith("eof-in-comment"):
                report(line, "raw HTML: a comment <!-- is never closed; end it with -->")
            elif code in MALFORMED:
                report(line, f"raw HTML: {MALFORMED[code]}")
            elif code in UNFINISHED:
                report(line, "raw HTML: a tag is not finished before the end; end it with >")
            continue
        if kind not in (tokenTypes["StartTag"], tokenTypes["EndTag"]):
            continue
        name, line = token["name"], token["line"] - 1
        if kind == tokenTypes["StartTag"]:
            for message in _start_tag_problems(name, token["data"], raw_lines[line]):
                report(line, message)
            if name in TEXT_CONTENT:
                tokenizer.state = getattr(tokenizer, TEXT_CONTENT[name])
            if name not in VOID and not token["selfClosing"]:
                open_tags.append((name, line))
                open_names[name] += 1
        else:
            _close(name, line, open_tags, open_names, paragraph, report)
    for name, line in open_tags:
        if name in ELEMENTS and name not in OPTIONAL_END:
            report(line, f"raw HTML: <{name}> is never closed; add </{name}>")


def _close(name, line, open_tags, open_names, paragraph, report):
    """Match an end tag with the tag it closes; report what it leaves open or closes wrongly."""
    if not open_names[name]:
        if name in ELEMENTS:
            report(line, f"raw HTML: </{name}> closes nothing that is open; remove it")
        return
    while open_tags:
        inner, opened = open_tags.pop()
        open_names[inner] -= 1
        if inner == name:
            if name in ELEMENTS and name not in FLOW_ONLY and paragraph[opened] != paragraph[line]:
                report(
                    opened,
                    f"raw HTML: <{name}> is closed after a blank line, and Markdown makes two "
                    f"paragraphs of it; close it before the blank line",
                )
            return
        if inner in ELEMENTS and inner not in OPTIONAL_END:
            report(opened, f"raw HTML: <{inner}> is never closed; add </{inner}>")


def _start_tag_problems(name, attributes, in_raw_block):
    """Messages for one start tag: its element, then its attributes."""
    tag = f"<{name}>"
    refused = element_problem(name)
    if refused:
        return [f"raw HTML: {refused}"]
    problems = []
    if name in FLOW_ONLY and not in_raw_block:
        problems.append(
            f"raw HTML: {tag} inside a paragraph makes invalid HTML; start it on a line of its "
            "own, after a blank line"
        )
    allowed = GENERIC_ATTRIBUTES | ATTRIBUTES.get(name, set())
    for attribute, value in attributes.items():
        if attribute.startswith("on"):
            problems.append(f"raw HTML: the {attribute} attribute on {tag} runs script; remove it")
        elif attribute not in allowed:
            can = ", ".join(sorted(allowed - {"markdown"}))
            problems.append(
                f"raw HTML: the {attribute} attribute is not allowed on {tag} "
                f"(allowed: {can}); remove it"
            )
        elif attribute in URL_ATTRIBUTES:
            message = url_problem(value, f"raw HTML {tag}")
            host = other_host(value) if name == "img" and attribute == "src" else None
            if message:
                problems.append(message)
            elif host:
                problems.append(remote_image(host, f"raw HTML {tag}"))
    if name == "img" and "alt" not in attributes:
        problems.append(f"raw HTML: {NO_ALT}")
    return problems
