"""What raw HTML a post may hold: ammonia's allow-list less what does not fit this site."""

from __future__ import annotations

import re

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


# What Python-Markdown itself writes into a page besides the raw HTML it passes through:
# ids (toc's headings, footnotes, `{: #name }`), classes (footnotes, `language-…` on fenced
# code, `{: .name }`) and the tables extension's column alignment. The rendered page is held
# to the raw allow-list plus these, each value in the form Markdown writes it.
MARKDOWN_GENERIC = frozenset({"id", "class"})
ID_VALUE = re.compile(r"[A-Za-z0-9_:.-]{1,200}")
CLASS_VALUE = re.compile(r"[A-Za-z0-9_-]{1,100}(?: [A-Za-z0-9_-]{1,100}){0,9}")
ALIGNED = frozenset({"th", "td"})
ALIGN_STYLES = frozenset(f"text-align: {side};" for side in ("left", "right", "center"))


# The schemes a link or image may have on a page (an address without one is this site's).
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


# Where the markup of another language would start inside a page: never in a post.
FOREIGN = {
    "http://www.w3.org/2000/svg": (
        "an inline SVG drawing (<svg>) can hold script and links the rules do not read; save "
        "it as a file in content/images/ and show it with ![what it shows]({static}/images/…)"
    ),
    "http://www.w3.org/1998/Math/MathML": (
        "MathML (<math>) is not among the markup allowed in a post; write the formula in "
        "words or as an image"
    ),
}


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
