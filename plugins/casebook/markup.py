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

import bisect
import html
import re
from urllib.parse import urlsplit

# html5lib keeps its tokenizer in a private module; the version is pinned (requirements.txt).
from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import tokenTypes
from markdown.inlinepatterns import HTML_RE
from markdown.util import BLOCK_LEVEL_ELEMENTS

ELEMENTS = frozenset(
    """
    a abbr b bdi blockquote br caption cite code col colgroup dd del details dfn div dl dt em
    figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp
    small span strong sub summary sup table tbody td th thead tr u ul var wbr
    """.split()
)
GENERIC_ATTRIBUTES = frozenset({"title", "lang", "markdown"})
ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "blockquote": {"cite"},
    "col": {"span"},
    "colgroup": {"span"},
    "del": {"cite", "datetime"},
    "details": {"open"},
    "img": {"alt", "height", "src", "width"},
    "ins": {"cite", "datetime"},
    "ol": {"start"},
    "q": {"cite"},
    "td": {"colspan", "headers", "rowspan"},
    "th": {"colspan", "headers", "rowspan", "scope"},
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
BAD_SCHEMES = {
    "javascript": "runs script; link to a page of this site or an https:// address instead",
    "vbscript": "runs script; link to a page of this site or an https:// address instead",
    "data": "hides a file inside the page; save the file in content/images/ and link to it",
}
# Every element of the HTML standard (and its obsolete ones), to tell tags from tag-like text.
HTML_ELEMENTS = ELEMENTS | frozenset(
    """
    address area article aside audio base bdo body button canvas data datalist dialog embed
    fieldset footer form head header hgroup html iframe input label legend link main map menu
    meta meter nav noscript object optgroup option output picture progress script search
    section select slot source style template textarea tfoot time title track video svg math
    acronym applet basefont bgsound big blink center dir font frame frameset image isindex
    keygen listing marquee menuitem multicol nextid nobr noembed noframes param plaintext rb
    rtc spacer strike tt xmp
    """.split()
)
EMBEDS = frozenset({"iframe", "object", "embed", "applet", "frame", "frameset", "portal"})
FORMS = frozenset(
    """form input button select option optgroup textarea label fieldset legend output
    datalist meter progress""".split()
)
HEAD = frozenset({"html", "head", "body", "base", "link", "meta", "title"})
VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr param keygen".split()
)
OPTIONAL_END = frozenset("p li dt dd rt rp tr td th thead tbody tfoot colgroup".split())
# Allowed elements that cannot sit inside a paragraph: Markdown wraps inline HTML in <p>.
FLOW_ONLY = ELEMENTS & frozenset(BLOCK_LEVEL_ELEMENTS) | frozenset({"caption", "col"})
# The tokenizer reads these elements' contents as text, as a browser does.
TEXT_CONTENT = {"script": "scriptDataState", "style": "rawtextState", "xmp": "rawtextState"}
TEXT_CONTENT |= dict.fromkeys(("iframe", "noembed", "noframes"), "rawtextState")
TEXT_CONTENT |= dict.fromkeys(("title", "textarea"), "rcdataState")

MALFORMED = {
    "duplicate-attribute": "an attribute appears twice in one tag; keep one",
    "invalid-character-in-attribute-name": 'an attribute is malformed; write name="value"',
    "unexpected-character-in-unquoted-attribute-value": (
        'an attribute value needs quotes; write name="value"'
    ),
    "equals-in-unquoted-attribute-value": 'an attribute value needs quotes; write name="value"',
    "unexpected-character-after-attribute-value": (
        "attributes run together; put a space between them"
    ),
    "attributes-in-end-tag": "a closing tag carries attributes; remove them",
}
UNFINISHED = frozenset(
    """eof-in-tag-name expected-attribute-name-but-got-eof eof-in-attribute-name
    expected-end-of-tag-name-but-got-eof expected-attribute-value-but-got-eof
    eof-in-attribute-value-double-quote eof-in-attribute-value-single-quote
    eof-in-attribute-value-no-quotes eof-after-attribute-value""".split()
)

# Most bodies hold none of these, and are done at once: plain substring tests first (a
# scan of one regex of alternatives over every position costs ~40 times more).
QUICK_SIGNS = ("<", "&#", "![")
RISKY_SCHEME = re.compile(r"(?i:javascript|vbscript|data)\s*:")
ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*=")
FENCE = re.compile(r"(~{3,}|`{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=.*)?)$")
LIST_ITEM = re.compile(r"[ ]{0,3}(?:[*+-]|\d+\.)[ ]+\S")
BLOCK_START = re.compile(r"[ ]{0,3}<([A-Za-z][A-Za-z0-9-]*)")
BACKTICKS = re.compile(r"`+")
# Python-Markdown's own pattern for inline raw HTML: a `<` that starts none is text to it.
INLINE_TAG = re.compile(HTML_RE, re.DOTALL)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>!@]+@[^\s<>@]+)>")
LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\([ \t]*<?([^\s)>]*)")
REF_IMAGE = re.compile(r"!\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\](?:[ ]?\[([^\[\]\n]*)\])?(?![(\[])")
REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
ATTR_LIST = re.compile(r"\{:?[ ]*([^{}\n]*)\}")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
URL_NOISE = re.compile(r"[\t\n\r]")


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


def _problems(body, first_line):
    """Every problem, in line order, each once."""
    lines = body.split("\n")
    masked, raw_lines, paragraph = _blank_code(lines)
    text = "\n".join(masked)
    found = []

    def report(line_index, message):
        found.append((first_line + line_index, message))

    text = _autolinks(text, report)
    _markdown_urls(text, report)
    _attribute_lists(text, report)
    _tags(text, raw_lines, paragraph, report)
    return sorted(set(found))


def _line_of(text, offset):
    """0-based line index of a character offset."""
    return text.count("\n", 0, offset)


def _blank_code(lines):
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
    closers = {}
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
    by_length = {}
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


def _scheme(url):
    """The scheme a browser would read in a URL (entities decoded, tabs and newlines dropped)."""
    text = URL_NOISE.sub("", html.unescape(url)).lstrip("".join(map(chr, range(33))))
    match = SCHEME.match(text)
    return match.group(1).lower() if match else None


def _other_host(url):
    """The host of a URL that points to another site, or None for a local one."""
    text = URL_NOISE.sub("", html.unescape(url)).strip()
    if _scheme(text) not in (None, "http", "https") and not text.startswith("//"):
        return None
    host = urlsplit(text).netloc
    return host or None


def _url_problem(url, where):
    """The message for a dangerous URL scheme, or None."""
    scheme = _scheme(url)
    if scheme in BAD_SCHEMES:
        return f"{where}: a {scheme}: URL {BAD_SCHEMES[scheme]}"
    return None


def _remote_image(host, where):
    """The message for an image another host would serve."""
    return (
        f"{where}: an image from another host ({host}) is a third-party request on every "
        "page view; save it in content/images/ and use {static}/images/<name>"
    )


def _autolinks(text, report):
    """Check <scheme:...> autolinks; blank every autolink so the tag reader skips it."""

    def blank(match):
        message = _url_problem(match.group(1), "autolink")
        if message:
            report(_line_of(text, match.start()), message)
        return " " * len(match.group(0))

    return AUTOLINK.sub(blank, text)


def _markdown_urls(text, report):
    """Markdown links, images and reference definitions: schemes, and images from elsewhere."""
    references = {}
    for match in REF_DEF.finditer(text):
        line = _line_of(text, match.start())
        references[_ref_key(match.group(1))] = (match.group(2), line)
        message = _url_problem(match.group(2), "Markdown reference")
        if message:
            report(line, message)
    for match in LINK.finditer(text):
        line = _line_of(text, match.start())
        image, url = match.group(1), match.group(3)
        kind = "Markdown image" if image else "Markdown link"
        message = _url_problem(url, kind)
        if message:
            report(line, message)
        host = _other_host(url) if image else None
        if host:
            report(line, _remote_image(host, kind))
    for match in REF_IMAGE.finditer(text):
        key = _ref_key(match.group(2) or match.group(1))
        url = references.get(key, ("", 0))[0]
        host = _other_host(url)
        if host:
            report(_line_of(text, match.start()), _remote_image(host, "Markdown image"))


def _ref_key(label):
    """A reference label as Markdown matches it: case and spacing ignored."""
    return " ".join(label.lower().split())


def _attribute_lists(text, report):
    """attr_list's {: key=value } sets attributes too: the same allow-list applies."""
    allowed = GENERIC_ATTRIBUTES.union(*ATTRIBUTES.values())
    for match in ATTR_LIST.finditer(text):
        line = _line_of(text, match.start())
        keys = [word.split("=", 1)[0] for word in match.group(1).split() if "=" in word]
        for name in (key.lower() for key in keys if key):
            if name.startswith("on"):
                report(line, f"attribute list: {name}= runs script; remove it")
            elif name not in allowed:
                report(line, f"attribute list: {name}= is not an allowed attribute; remove it")


class _Tokenizer(HTMLTokenizer):
    """html5lib's tokenizer, noting the line where each tag starts."""

    tag_line = 1

    def tagOpenState(self):  # noqa: N802 - html5lib's name
        self.tag_line = self.stream.position()[0]
        return super().tagOpenState()

    def emitCurrentToken(self):  # noqa: N802 - html5lib's name
        self.currentToken["line"] = self.tag_line
        super().emitCurrentToken()


def _tags(text, raw_lines, paragraph, report):
    """Every tag left once code and autolinks are blanked: elements, attributes, nesting."""
    tokenizer = _Tokenizer(text)
    open_tags = []  # (name, line index)
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
        else:
            _close(name, line, open_tags, paragraph, report)
    for name, line in open_tags:
        if name in ELEMENTS and name not in OPTIONAL_END:
            report(line, f"raw HTML: <{name}> is never closed; add </{name}>")


def _close(name, line, open_tags, paragraph, report):
    """Match an end tag with the tag it closes; report what it leaves open or closes wrongly."""
    names = [n for n, _ in open_tags]
    if name not in names:
        if name in ELEMENTS:
            report(line, f"raw HTML: </{name}> closes nothing that is open; remove it")
        return
    while open_tags:
        inner, opened = open_tags.pop()
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
    if name not in HTML_ELEMENTS:
        return [
            f"raw HTML: {tag} is no HTML element, so the page would be invalid; to show it "
            f"as text, put it in backticks (`{tag}`) or write &lt;{name}>"
        ]
    if name == "script":
        return [f"raw HTML: {tag} never runs on this site; remove it"]
    if name == "style":
        return [
            f"raw HTML: {tag} is not allowed: the theme's stylesheet styles every page; remove it"
        ]
    if name in EMBEDS:
        return [
            f"raw HTML: {tag} would load another page into this one (a third-party request); "
            "link to it instead"
        ]
    if name in FORMS:
        return [
            f"raw HTML: {tag} is not allowed: a static site cannot receive a form; link to the "
            "contact page instead"
        ]
    if name in HEAD:
        return [f"raw HTML: {tag} belongs to the page's frame, which the theme writes; remove it"]
    if name not in ELEMENTS:
        return [
            f"raw HTML: {tag} is not among the elements allowed in a post "
            "(plugins/casebook/markup.py lists them); use Markdown or remove it"
        ]
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
            message = _url_problem(value, f"raw HTML {tag}")
            if message:
                problems.append(message)
            elif name == "img" and attribute == "src" and _other_host(value):
                problems.append(_remote_image(_other_host(value), f"raw HTML {tag}"))
    if name == "img" and "alt" not in attributes:
        problems.append(
            'raw HTML: <img> has no alt text; add alt="what the image shows" (alt="" if it '
            "is only decoration)"
        )
    return problems
