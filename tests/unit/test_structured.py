"""structured.plain: the text search engines get, the same as markupsafe's striptags gives."""

import pytest
from markupsafe import Markup

from casebook.structured import plain

FRAGMENTS = [
    "<p>Ten sessions over <em>six</em> weeks.</p>",
    "<p>Piriformis &amp; RLS: &quot;Ann&quot; &lt;case&gt;</p>",
    "<p>a\n\n  b\t c</p>",
    "no markup at all",
    "",
    "x <b> y < z",  # an unclosed `<` after a tag: kept
    "a <b c",  # unclosed from the start
    '<a title="x>y">link</a>',  # markupsafe ends a tag at its first `>` too
    "<!-- a > b --><p>after a comment</p>",
    "<p>before</p><!-- unclosed comment",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&nbsp;&amp;nbsp; &#x41;&#66;",
    "<p>$(touch /tmp/pwn) `id` ../../etc/passwd</p>",
    "<<p>>double<</p>>",
    "<" * 50 + "deep" + ">" * 50,
    "<p>" + "word " * 20_000 + "</p>",
]


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_plain_is_what_markupsafe_strips(fragment):
    assert plain(fragment) == Markup(fragment).striptags()  # noqa: S704 - the reference


def test_plain_of_nothing_is_empty():
    assert plain(None) == ""
    assert plain(Markup("<p></p>")) == ""
