"""An approval copy as one file: the built page with its stylesheets and images inside it.

The copy kept in consents/ must open and print the same in ten years, offline, without the
site: each stylesheet the page loads becomes a <style> element and each image a data: URL,
read from the build's own output folder (never from anywhere else); nothing else changes.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

MAX_ASSET = 25_000_000  # bytes; a photograph, not a video
UNWANTED = ("icon", "alternate", "preload", "prefetch", "manifest")


def _local(output: Path, page: str, siteurl: str, address: str) -> Path | None:
    """The file in `output` an address of the page at `page` (a path in output) points to."""
    if siteurl and address.startswith(siteurl + "/"):
        address = address[len(siteurl) :]
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    joined = (
        path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page), path)
    )
    found = (output / posixpath.normpath(joined)).resolve()
    root = output.resolve()
    if not str(found).startswith(str(root) + os.sep) or not found.is_file():
        return None
    if found.stat().st_size > MAX_ASSET:
        return None
    return found


def _data_url(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def self_contained(html: str, page: str, output: Path, siteurl: str = "") -> str:
    """The page `page` (its path in `output`) with its stylesheets and images inside it."""
    root = lxml_html.document_fromstring(html)
    for link in list(root.iter("link")):
        rel = (link.get("rel") or "").lower().split()
        if "stylesheet" in rel:
            found = _local(output, page, siteurl, link.get("href") or "")
            style = etree.Element("style")
            style.text = found.read_text(encoding="utf-8") if found else ""
            link.addnext(style)
        if "stylesheet" in rel or any(r in rel for r in UNWANTED):
            link.drop_tree()
    for script in list(root.iter("script")):
        if script.get("type") != "application/ld+json":
            script.drop_tree()
    for image in root.iter("img"):
        found = _local(output, page, siteurl, image.get("src") or "")
        if found is not None:
            image.set("src", _data_url(found))
        image.attrib.pop("srcset", None)
    text: str = lxml_html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode")
    return text
