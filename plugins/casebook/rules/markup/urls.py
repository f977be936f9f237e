"""URLs in Markdown links, images, autolinks and attribute lists that would run or call out."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from .allowed import ATTRIBUTES, BAD_SCHEMES, GENERIC_ATTRIBUTES
from .code import line_of

AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>!@]+@[^\s<>@]+)>")


LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\([ \t]*<?([^\s)>]*)")


REF_IMAGE = re.compile(r"!\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\](?:[ ]?\[([^\[\]\n]*)\])?(?![(\[])")


REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)", re.MULTILINE)


ATTR_LIST = re.compile(r"\{:?[ ]*([^{}\n]*)\}")


SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


URL_NOISE = re.compile(r"[\t\n\r]")


def _scheme(url):
    """The scheme a browser would read in a URL (entities decoded, tabs and newlines dropped)."""
    text = URL_NOISE.sub("", html.unescape(url)).lstrip("".join(map(chr, range(33))))
    match = SCHEME.match(text)
    return match.group(1).lower() if match else None


def other_host(url):
    """The host of a URL that points to another site, or None for a local one."""
    text = URL_NOISE.sub("", html.unescape(url)).strip()
    if _scheme(text) not in (None, "http", "https") and not text.startswith("//"):
        return None
    host = urlsplit(text).netloc
    return host or None


def url_problem(url, where):
    """The message for a dangerous URL scheme, or None."""
    scheme = _scheme(url)
    if scheme in BAD_SCHEMES:
        return f"{where}: a {scheme}: URL {BAD_SCHEMES[scheme]}"
    return None


def remote_image(host, where):
    """The message for an image another host would serve."""
    return (
        f"{where}: an image from another host ({host}) is a third-party request on every "
        "page view; save it in content/images/ and use {static}/images/<name>"
    )


def autolinks(text, report):
    """Check <scheme:...> autolinks; blank every autolink so the tag reader skips it."""

    def blank(match):
        message = url_problem(match.group(1), "autolink")
        if message:
            report(line_of(text, match.start()), message)
        return " " * len(match.group(0))

    return AUTOLINK.sub(blank, text)


def markdown_urls(text, report):
    """Markdown links, images and reference definitions: schemes, and images from elsewhere."""
    references = {}
    for match in REF_DEF.finditer(text):
        line = line_of(text, match.start())
        references[_ref_key(match.group(1))] = (match.group(2), line)
        message = url_problem(match.group(2), "Markdown reference")
        if message:
            report(line, message)
    for match in LINK.finditer(text):
        line = line_of(text, match.start())
        image, url = match.group(1), match.group(3)
        kind = "Markdown image" if image else "Markdown link"
        message = url_problem(url, kind)
        if message:
            report(line, message)
        host = other_host(url) if image else None
        if host:
            report(line, remote_image(host, kind))
    for match in REF_IMAGE.finditer(text):
        key = _ref_key(match.group(2) or match.group(1))
        url = references.get(key, ("", 0))[0]
        host = other_host(url)
        if host:
            report(line_of(text, match.start()), remote_image(host, "Markdown image"))


def _ref_key(label):
    """A reference label as Markdown matches it: case and spacing ignored."""
    return " ".join(label.lower().split())


def attribute_lists(text, report):
    """attr_list's {: key=value } sets attributes too: the same allow-list applies."""
    allowed = GENERIC_ATTRIBUTES.union(*ATTRIBUTES.values())
    for match in ATTR_LIST.finditer(text):
        line = line_of(text, match.start())
        keys = [word.split("=", 1)[0] for word in match.group(1).split() if "=" in word]
        for name in (key.lower() for key in keys if key):
            if name.startswith("on"):
                report(line, f"attribute list: {name}= runs script; remove it")
            elif name not in allowed:
                report(line, f"attribute list: {name}= is not an allowed attribute; remove it")
