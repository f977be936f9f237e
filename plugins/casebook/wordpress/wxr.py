"""Read a WordPress export (WXR): every item, whatever its type, with no entity expanded."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

# WordPress files every post without a category here: it says nothing about the post.
DEFAULT_CATEGORY = "uncategorized"
NO_DATE = "0000-00-00"
TERM_DOMAINS = ("category", "post_tag", "tag", None)
WXR_NAMESPACE = re.compile(r"^http://wordpress\.org/export/1\.\d+/?$")


@dataclass(frozen=True)
class Item:
    """One `<item>` of the export, as WordPress describes it."""

    line: int
    post_id: str
    post_name: str  # as exported: percent-encoded, and anything a crafted export puts there
    title: str
    post_type: str
    status: str
    date: str | None  # "YYYY-MM-DD HH:MM", or None for a draft never dated
    link: str
    html: str  # content:encoded
    excerpt: str
    menu_order: int
    parent: str
    attachment_url: str
    terms: tuple[str, ...]  # category and tag names, each whole: commas stay inside
    comments: int
    password: bool = False  # password-protected on the old site: never public


@dataclass(frozen=True)
class Export:
    """The export's items and the addresses of the site it came from."""

    items: tuple[Item, ...]
    base_url: str  # the old site's address, to resolve links like /wp-content/...
    hosts: frozenset[str]  # host[:port] of the old site, lower case


class ExportError(Exception):
    """The file is not a WordPress export that can be read."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element) -> dict[str, str]:
    """The text of each child element by local name (the first one of each name)."""
    found: dict[str, str] = {}
    for child in element:
        name = _local(child)
        if name and name != "category":
            namespace = etree.QName(child).namespace or ""
            key = f"excerpt:{name}" if "excerpt" in namespace else name
            found.setdefault(key, _text(child))
    return found


def _text(element: etree._Element) -> str:
    """An element's text; an entity reference left unexpanded is left out, not what follows."""
    return (element.text or "") + "".join(sub.tail or "" for sub in element)


def _terms(element: etree._Element) -> tuple[str, ...]:
    names = []
    for child in element:
        # WXR 1.0 says "tag" where later versions say "post_tag"; its plain <category>
        # elements repeat the categories for RSS readers.
        if _local(child) != "category" or child.get("domain") not in TERM_DOMAINS:
            continue
        if child.get("nicename") == DEFAULT_CATEGORY:
            continue
        name = " ".join(html.unescape(_text(child)).split())
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _date(raw: str) -> str | None:
    raw = raw.strip()
    if not raw or raw.startswith(NO_DATE) or not re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d", raw):
        return None
    return raw[:16]


def _item(element: etree._Element) -> Item:
    text = _children(element)
    order = text.get("menu_order", "").strip()
    comments = sum(1 for child in element if _local(child) == "comment")
    return Item(
        line=element.sourceline or 0,
        post_id=text.get("post_id", "").strip(),
        post_name=text.get("post_name", "").strip(),
        title=" ".join(html.unescape(text.get("title", "")).split()),
        post_type=text.get("post_type", "").strip() or "post",
        status=text.get("status", "").strip(),
        date=_date(text.get("post_date", "")),
        link=text.get("link", "").strip(),
        html=text.get("encoded", ""),
        excerpt=" ".join(text.get("excerpt:encoded", "").split()),
        menu_order=int(order) if order.isdigit() and len(order) < 9 else 0,
        parent=text.get("post_parent", "").strip(),
        attachment_url=text.get("attachment_url", "").strip(),
        terms=_terms(element),
        comments=comments,
        password=bool(text.get("post_password", "").strip()),
    )


def _host(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return parts.netloc.lower() if parts.scheme in ("http", "https") else ""


def site_hosts(urls: list[str]) -> frozenset[str]:
    """The old site's hosts, with and without `www.`: WordPress answers on either."""
    hosts = set()
    for url in urls:
        host = _host(url)
        if host:
            hosts |= {host, host.removeprefix("www."), "www." + host.removeprefix("www.")}
    return frozenset(hosts)


def read(path: Path) -> Export:
    """Every item of the export; raises ExportError for a file that is not one."""
    # No entities, no network, no DTD: an export must not make us fetch or expand anything.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as err:
        raise ExportError(f"not a readable XML file ({err.msg})", err.lineno) from err
    channel = next((c for c in root if _local(c) == "channel"), None)
    if _local(root) != "rss" or channel is None:
        raise ExportError("not a WordPress export: no <rss><channel>", root.sourceline)
    own = _children(channel)
    if not any(WXR_NAMESPACE.match(etree.QName(c).namespace or "") for c in channel.iter()):
        raise ExportError("an RSS feed, not a WordPress export (no wp: elements)", 1)
    bases = [own.get("base_site_url", ""), own.get("base_blog_url", ""), own.get("link", "")]
    base = next((u.strip() for u in bases if _host(u)), "")
    items = tuple(_item(e) for e in channel if _local(e) == "item")
    return Export(items=items, base_url=base, hosts=site_hosts(bases))
