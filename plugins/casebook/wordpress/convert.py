"""A WordPress post's HTML as Markdown the rule book accepts: links rewritten, nothing raw left.

WordPress stores "classic" posts without paragraphs (it adds them when it shows a post);
Pelican's importer has the port of that (`decode_wp_content`), used here as it is. The HTML
becomes Markdown through markdownify, in this process: one pandoc run per post was the slow
part of `pelican-import` (see scripts/import_bench.py). Raw HTML never survives: text that
looks like a tag is escaped, embeds and scripts are left out and reported.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup, Tag
from markdownify import ATX, MarkdownConverter
from pelican.tools.pelican_import import decode_wp_content

# Elements that would run, frame another site, or ask for input: never brought over.
DROPPED = ("script", "style", "iframe", "object", "embed", "applet", "form", "noscript")
# [gallery] becomes figures before the conversion (gallery.py); these are left as text.
SHORTCODES = re.compile(
    r"\[(embed|video|audio|playlist|youtube|vimeo|contact-form[\w-]*|soundcloud)\b"
)
# The classic editor's summary break (`<!--more-->`, or `<!--more Read on-->`) and page break.
MORE = re.compile(r"<!--\s*more\b.*?-->", re.IGNORECASE | re.DOTALL)
NEXT_PAGE = re.compile(r"<!--\s*nextpage\s*-->", re.IGNORECASE)
KEPT_SCHEMES = ("", "http", "https", "mailto", "tel")
CAPTION_ATTRIBUTE = re.compile(r'caption="([^"]*)"')
MAX_CAPTION_OPENING = 2000
# Characters that would end or confuse a Markdown link target.
URL_SAFE = "/:?#@!$&'*+,;=%~._-"
PLACEHOLDERS = ("{static}", "{filename}")  # Pelican's links to the site's own files


@dataclass(frozen=True)
class Ref:
    """A link or image address of a converted post, held by a token until it is resolved."""

    url: str
    is_image: bool


@dataclass
class Converted:
    """A body in Markdown with its addresses as tokens, and what the conversion left out."""

    markdown: str
    notes: list[str] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    nonce: str = ""
    teaser: str = ""  # the text before `<!--more-->`: the summary WordPress showed in lists

    def resolve(self, address: Callable[[Ref], str], text: Callable[[Ref], str]) -> str:
        """The Markdown with each address (and each address written as text) filled in."""
        values = {"u": lambda r: link_target(address(r)), "t": lambda r: _escape(text(r))}

        def fill(found: re.Match[str]) -> str:
            return values[found[1]](self.refs[int(found[2])])

        return re.sub(rf"cbref{self.nonce}([ut])(\d+)x", fill, self.markdown)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("_", "\\_").replace("*", "\\*")


class _Markdown(MarkdownConverter):
    """markdownify with the site's Markdown: ATX headings, `-` bullets, no raw HTML."""

    def escape(self, text, parent_tags):
        if "_noformat" in parent_tags:  # code: shown as it is
            return text
        return markdown_text(text)

    def convert_img(self, el, text, parent_tags):
        if "_inline" in parent_tags and el.parent.name not in ("a",):
            return _one_line(str(el.attrs.get("alt") or ""))
        return _image(el)


# Python-Markdown reads these as syntax wherever they are; a backslash makes each plain text
# (its ESCAPED_CHARS). `<` and `&` become entities, which it passes through as they are.
INLINE_SYNTAX = re.compile(r"([\\`*_\[\]{}])")
# ...and these at the start of a line only: a heading (`#1 priority`), a numbered list
# (`1986. It started`), a bullet or a rule, a quote, a heading's underline, a definition, a
# fence, a table row. Written as character references there, which never start syntax.
LINE_START = re.compile(r"(^|\n)([ \t]*)(#|\d+(?=\.)|[-+*=:~|>])", re.MULTILINE)


def markdown_text(text: str) -> str:
    """Text as Markdown that Python-Markdown shows as exactly that text, nothing made of it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = INLINE_SYNTAX.sub(r"\\\1", text)
    return LINE_START.sub(_escape_line_start, text)


def _escape_line_start(found: re.Match[str]) -> str:
    start, mark = found.group(1), found.group(3)
    # Leading spaces go: four of them would make the line code.
    if mark[0].isdigit():
        return f"{start}{mark}\\"  # the dot that follows is escaped: 1986\.
    return f"{start}&#{ord(mark)};"


def _one_line(text: str) -> str:
    return " ".join(str(text).split()).replace("[", "\\[").replace("]", "\\]")


def _image(el: Tag) -> str:
    alt = _one_line(str(el.attrs.get("alt") or ""))
    src = str(el.attrs.get("src") or "")
    return f"![{alt}]({src})" if src else alt


def link_target(url: str) -> str:
    """A URL as a Markdown link target: spaces, brackets, braces and quotes percent-encoded.

    Only a leading `{static}` or `{filename}`, which the import itself writes, stays as it is.
    """
    url = url.strip()
    prefix = next((p for p in PLACEHOLDERS if url.startswith(p)), "")
    rest = quote(url.removeprefix(prefix), safe=URL_SAFE)
    return prefix + rest.replace("(", "%28").replace(")", "%29")


def captions(raw: str) -> str:
    """`[caption …]<img …> text[/caption]` as a <figure>, in one pass over the text.

    Pelican's decode_wp_content does this with a regular expression that takes minutes on a
    post of many unclosed `[caption` (it is quadratic), so none is left for it: an unclosed
    one is written as the text it is.
    """
    out, position = [], 0
    while (start := raw.find("[caption", position)) != -1:
        close = raw.find("]", start)
        end = raw.find("[/caption]", close) if close != -1 else -1
        if end == -1:
            break
        opening, inner = raw[start:close], raw[close + 1 : end]
        named = CAPTION_ATTRIBUTE.search(opening[:MAX_CAPTION_OPENING])
        media, tag_end, after = inner.rpartition(">")
        text = named[1] if named else after.strip()
        figure = f"<figure>{media}{tag_end}<figcaption>{text}</figcaption></figure>"
        out += [raw[position:start], figure]
        position = end + len("[/caption]")
    out.append(raw[position:])
    return "".join(out).replace("[caption", "&#91;caption")


def wp_html(raw: str) -> str:
    """A post's HTML with WordPress's paragraphs (block-editor posts have their own)."""
    raw = captions(raw)
    return raw if "<!-- wp:" in raw else decode_wp_content(raw)


def plain_text(raw: str) -> str:
    """The text of a post, without markup (for a title made from it)."""
    soup = BeautifulSoup(raw, "lxml")
    for tag in soup.find_all(DROPPED):
        tag.extract()
    return " ".join(soup.get_text(" ").split())


def _scheme(url: str) -> str | None:
    """The URL's scheme, lower case ('' for a relative one), or None if it is no URL."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return None


def _tokenize(tag: Tag, refs: list[Ref], nonce: str, notes: list[str]) -> None:
    """Put a token in place of a link's or image's address; leave out a script address."""
    is_image = tag.name == "img"
    attribute = "src" if is_image else "href"
    url = str(tag.get(attribute) or "").strip()
    tag.attrs = {k: v for k, v in tag.attrs.items() if k in ("src", "href", "alt", "title")}
    if not url:
        return
    if _scheme(url) not in KEPT_SCHEMES:  # javascript:, data:, file: and the like
        notes.append(f"left out the {'image' if is_image else 'link'} to {url[:80]!r}")
        if is_image:
            tag.replace_with(str(tag.get("alt") or ""))
        else:
            tag.unwrap()
        return
    refs.append(Ref(url, is_image))
    number = len(refs) - 1
    if not is_image and tag.get_text() == url:
        tag.string = f"cbref{nonce}t{number}x"  # an address written out as its own text
    tag[attribute] = f"cbref{nonce}u{number}x"


def to_markdown(raw: str, nonce: str = "") -> Converted:
    """A post's HTML as Markdown; its addresses are tokens until `Converted.resolve`.

    `nonce` makes the tokens unguessable by the post's own text (one per import).
    """
    nonce = nonce or secrets.token_hex(6)
    notes: list[str] = []
    refs: list[Ref] = []
    teaser = ""
    more = MORE.search(raw)
    if more:
        # WordPress showed the text before the break in its lists: it becomes the summary.
        # A paragraph break stands in the body where the break was, so no words run together.
        teaser = plain_text(wp_html(raw[: more.start()]))
        raw = raw[: more.start()] + "\n\n" + raw[more.end() :]
    raw = NEXT_PAGE.sub("\n\n", raw)
    soup = BeautifulSoup(wp_html(raw), "lxml")
    for tag in soup.find_all(DROPPED):
        notes.append(f"left out an embedded <{tag.name}> (the site shows none)")
        tag.extract()  # not decompose(): an embed inside another is still in this list
    for tag in soup.find_all(["a", "img"]):
        _tokenize(tag, refs, nonce, notes)
    for found in SHORTCODES.finditer(soup.get_text()):
        notes.append(f"a WordPress shortcode [{found[1]}] is left as text; replace it")
    converter = _Markdown(heading_style=ATX, bullets="-", table_infer_header=True)
    try:
        markdown = converter.convert_soup(soup)
    except RecursionError:
        notes.append("its HTML is nested too deeply to convert: brought over as plain text")
        markdown = converter.escape(soup.get_text("\n"), set())
    # Blank lines collapse; two spaces at a line's end are a line break and stay.
    markdown = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", markdown).strip()
    return Converted(markdown, list(dict.fromkeys(notes)), refs, nonce, teaser)
