"""WordPress's `[gallery]` shortcode as figures, one per image, from the export's attachments."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .wxr import Item

GALLERY = re.compile(r"\[gallery\b([^\]]{0,2000})\]", re.IGNORECASE)
IDS = re.compile(r"""\bids\s*=\s*["']?([\d,\s]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Attachment:
    """An image the old site kept: where it was, its title and caption, and its post."""

    url: str
    title: str
    caption: str
    parent: str
    order: int


def attachments(items: Iterable[Item]) -> dict[str, Attachment]:
    """Every attachment of the export with a file, by its id."""
    return {
        item.post_id: Attachment(
            item.attachment_url, item.title, item.excerpt, item.parent, item.menu_order
        )
        for item in items
        if item.post_type == "attachment" and item.attachment_url
    }


def expand(raw: str, post_id: str, known: dict[str, Attachment]) -> tuple[str, list[str]]:
    """The post's HTML with each `[gallery]` as figures; what could not be shown, in words.

    `ids="1,2"` names the images; without it WordPress shows the images attached to the
    post, in their menu order, as here.
    """
    notes: list[str] = []

    def figures(found: re.Match[str]) -> str:
        named = IDS.search(found.group(1))
        if named:
            ids = [i for i in re.split(r"[,\s]+", named.group(1)) if i]
            images = [known[i] for i in ids if i in known]
            missing = [i for i in ids if i not in known]
            if missing:
                ids_text = ", ".join(missing[:10])
                notes.append(
                    f"a [gallery] names images the export does not hold (ids {ids_text}); "
                    "add them by hand"
                )
        else:
            images = sorted(
                (a for a in known.values() if a.parent == post_id), key=lambda a: (a.order, a.url)
            )
        if not images:
            notes.append("a [gallery] with no image the export knows of: add its images by hand")
            return ""
        return "\n\n" + "\n\n".join(_figure(a) for a in images) + "\n\n"

    return GALLERY.sub(figures, raw), notes


def _figure(image: Attachment) -> str:
    caption = f"<figcaption>{html.escape(image.caption)}</figcaption>" if image.caption else ""
    alt = html.escape(image.title, quote=True)
    return f'<figure><img src="{html.escape(image.url, quote=True)}" alt="{alt}">{caption}</figure>'
