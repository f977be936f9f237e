"""Tricky WordPress markup through the importer's conversion and back through Python-Markdown:
every word arrives, and no structure appears that the post did not have."""

import ast
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from casebook.wordpress import gallery
from casebook.wordpress.convert import to_markdown, wp_html
from casebook.wordpress.wxr import Item

ROOT = Path(__file__).resolve().parents[2]
TREE = ast.parse((ROOT / "pelicanconf.py").read_text(encoding="utf-8"))
MARKDOWN = next(
    ast.literal_eval(n.value)
    for n in TREE.body
    if isinstance(n, ast.Assign) and n.targets[0].id == "MARKDOWN"
)
STRUCTURE = ("h1", "h2", "h3", "h4", "ol", "ul", "li", "blockquote", "pre", "code", "table", "hr",
             "dl", "dt", "dd", "em", "strong", "sup", "abbr")  # fmt: skip
TRICKY = {
    "hash": "#1 priority is rest.",
    "year": "1986. It started then.",
    "year in a list": "<ul><li>1986. A year</li><li># a hash</li></ul>",
    "hash heading": "<h2>#1 heading</h2>",
    "backticks": "Use `ls` and ``double`` ticks.",
    "stars": "Price: $5 * 3 = $15, and *not emphasis* here.",
    "underscores": "snake_case_name and __dunder__ words.",
    "brackets": "[not a link](nope) and [ref][1] and [^1] and *[HTML]: abbr",
    "braces": "An attribute list {: #x .y onclick=alert(1) } is text.",
    "line starts": "<p>- not a list</p><p>+ not either</p><p>&gt; not a quote</p>",
    "rule": "<p>---</p><p>***</p><p>___</p>",
    "setext": "Heading<br>===<br>Sub<br>---",
    "definition": "Term<br>: not a definition",
    "fence": "<p>```</p><p>~~~</p><p>code?</p>",
    "table": "<p>|a|b|</p><p>|-|-|</p>",
    "entities": "a &amp; b &lt; c &gt; d &amp;amp; e &lt;tag&gt; &copy;",
    "tags as text": "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;",
    "backslashes": "C:\\path\\to\\file and \\*star",
    "indent": "<p>    four spaces before</p>",
    "more": "Teaser<!--more-->Page two",
    "more with text": "First part.<!--more Read the rest-->Second part.",
    "next page": "Page one<!--nextpage-->Page two",
    "numbered paragraph": "<p>2. Second point</p><p>10) tenth</p>",
    "email": "Write to a_b@example.org.",
    "times": "Ratio 3:1 at 10:30.",
    "quotes": "Smart “quotes” — dashes… and ‘single’.",
    "html list": "<ol><li>one *x*</li><li>two _y_</li></ol>",
    "nested emphasis": "<p><em>em with * star</em> and <strong>strong with _ under</strong></p>",
    "headings": "<h3>A # in a heading</h3><h4>1. numbered heading</h4>",
    "blockquote": "<blockquote><p># quoted hash</p></blockquote>",
    "caption text": "[caption]not a caption and [/caption] text",
    "link text": '<a href="https://example.org/">link with *star* and [bracket]</a>',
    "classic paragraphs": "Line one\nline two\n\nParagraph two\n\n\nParagraph three",
    "colon list": "<p>Note: 1. first 2. second</p>",
    "code": "<p><code>*literal* _code_ #1</code></p>",
    "pre": "<pre># not a heading\n1986. not a list\n*</pre>",
}


def words(html: str) -> list[str]:
    return BeautifulSoup(html, "lxml").get_text(" ").split()


def structure(html: str) -> Counter:
    """The structure a reader sees (a <pre> is one block, with or without <code> inside)."""
    soup = BeautifulSoup(html, "lxml")
    found = soup.find_all(STRUCTURE)
    return Counter(t.name for t in found if not (t.name == "code" and t.parent.name == "pre"))


def round_trip(raw: str) -> str:
    converted = to_markdown(raw)
    text = converted.resolve(lambda ref: ref.url, lambda ref: ref.url)
    # An imported post has YAML front matter: read as yaml_metadata reads it, without `meta`.
    names = [e for e in MARKDOWN["extension_configs"] if e != "markdown.extensions.meta"]
    return Markdown(**{**MARKDOWN, "extensions": names}).convert(text)


@pytest.mark.parametrize("name", TRICKY)
def test_every_word_arrives_and_no_structure_is_made_up(name):
    raw = TRICKY[name]
    shown = wp_html(raw.replace("<!--more-->", "\n\n").replace("<!--nextpage-->", "\n\n"))
    back = round_trip(raw)
    assert words(back) == words(shown.replace("<!--more Read the rest-->", "\n\n")), back
    assert structure(back) == structure(shown), back


def test_the_summary_break_becomes_the_summary():
    converted = to_markdown("<p>Teaser words.<!--more--></p><p>The rest.</p>")
    assert converted.teaser == "Teaser words."
    assert "Teaser words." in converted.markdown and "The rest." in converted.markdown


def test_a_gallery_becomes_figures_of_the_posts_images():
    def attachment(pid, parent, order, name):
        return Item(
            line=1, post_id=pid, post_name="", title=f"Photo {name}", post_type="attachment",
            status="inherit", date=None, link="", html="", excerpt=f"Caption {name}",
            menu_order=order, parent=parent, attachment_url=f"https://old.example/{name}.jpg",
            terms=(), comments=0,
        )  # fmt: skip

    known = gallery.attachments(
        [attachment("7", "1", 2, "b"), attachment("8", "1", 1, "a"), attachment("9", "2", 0, "c")]
    )
    html, notes = gallery.expand("Before [gallery] after", "1", known)
    back = round_trip(html)
    soup = BeautifulSoup(back, "lxml")
    assert [i["src"] for i in soup.find_all("img")] == [
        "https://old.example/a.jpg",
        "https://old.example/b.jpg",
    ]
    assert "Caption a" in soup.get_text() and notes == []
    html, notes = gallery.expand('[gallery ids="9,99"]', "1", known)
    assert "c.jpg" in html and notes and "99" in notes[0]
    html, notes = gallery.expand("[gallery]", "5", known)
    assert html == "" and "no image the export knows of" in notes[0]
