"""Feeds whose titles keep every character: a title is text, never HTML to strip."""

from __future__ import annotations

from markupsafe import escape
from pelican.writers import Writer


class _TitledAsText:
    """A post as the feed writer reads it, its title escaped so Pelican's striptags gives it back.

    Pelican's writer takes a title for HTML and strips tags from it (`Markup(title).striptags()`),
    which drops all after a `<` ("Ages 5 < 7" becomes "Ages 5"); striptags of the escaped text
    is the text itself, whitespace collapsed as before.
    """

    def __init__(self, item):
        self._item = item
        self.title = escape(str(item.title))

    def __getattr__(self, name):
        return getattr(self._item, name)


class FeedWriter(Writer):
    """Pelican's writer, with feed titles (site, condition, post) written as the text they are.

    A post is in the site's feed and in the feed of each of its conditions (four or five
    feeds): its entry (its content, summary, link and dates, made by Pelican's
    `_add_item_to_the_feed`) is made once per kind of feed and site URL, and copied into the
    others, as it is the same entry.
    """

    _entries: dict[tuple[int, type, str], tuple[object, dict]] | None = None

    def _create_new_feed(self, feed_type, feed_title, context):
        escaped = {**context, "SITENAME": escape(str(context["SITENAME"]))}
        title = escape(str(feed_title)) if feed_title else feed_title
        return super()._create_new_feed(feed_type, title, escaped)

    def _add_item_to_the_feed(self, feed, item):
        if self._entries is None:
            self._entries = {}
        key = (id(item), type(feed), str(self.site_url))
        found = self._entries.get(key)
        if found is not None and found[0] is item:
            feed.items.append(_copy(found[1]))
            return None
        made = super()._add_item_to_the_feed(feed, _TitledAsText(item))
        entry = feed.items[-1]
        # The post is held with its entry: its id names no other post while the writer lives.
        self._entries[key] = (item, _copy(entry))
        return made


def _copy(entry: dict) -> dict:
    """An entry for one more feed: its own dict and list of categories."""
    categories = entry.get("categories")
    return {**entry, "categories": type(categories)(categories)} if categories else {**entry}
