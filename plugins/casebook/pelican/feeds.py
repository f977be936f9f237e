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
    """Pelican's writer, with feed titles (site, condition, post) written as the text they are."""

    def _create_new_feed(self, feed_type, feed_title, context):
        escaped = {**context, "SITENAME": escape(str(context["SITENAME"]))}
        title = escape(str(feed_title)) if feed_title else feed_title
        return super()._create_new_feed(feed_type, title, escaped)

    def _add_item_to_the_feed(self, feed, item):
        return super()._add_item_to_the_feed(feed, _TitledAsText(item))
