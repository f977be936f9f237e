"""The raw-HTML rule: what it reports, at which line, what it leaves alone, and how fast."""

import ast
from pathlib import Path

import nh3
import pytest
from growth import growth
from pelican.settings import DEFAULT_CONFIG

from casebook.content import source as source_module
from casebook.rules.markup import raw_html_problems
from casebook.rules.markup.allowed import ATTRIBUTES, ELEMENTS, GENERIC_ATTRIBUTES
from casebook.rules.markup.render import Renderer
from casebook.rules.posts import check_markup

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def _site_markdown():
    tree = ast.parse((ROOT / "pelicanconf.py").read_text(encoding="utf-8"))
    return next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "MARKDOWN"
    )


# Pelican's defaults with the site's Markdown settings: what the rule book renders with.
SETTINGS = {**DEFAULT_CONFIG, "MARKDOWN": _site_markdown()}


def markup_problems(text, path="posts/a.md"):
    """(line, message) of the rule book's markup rule over a whole file, rendered as built."""
    read = source_module.parse(path, text)
    return [(p.line, p.message) for p in check_markup(read, Renderer(SETTINGS)(read), SETTINGS)]


def body_problems(body):
    """markup_problems of a post with this body (its first line is the file's line 6)."""
    return markup_problems(f"---\ntitle: A\ndate: 2024-01-01\nslug: a\n---\n{body}\n")


def split(path):
    """(body after the front matter, file line of its first line) of a content file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)
    return "\n".join(lines[closing + 1 :]), closing + 2


def words_in(message, words):
    """Whether every word is in the message, ignoring case."""
    return all(word.lower() in message.lower() for word in words.split())


# (file, line, words the message must hold), written by hand from the fixture files.
EXPECTED_BAD = [
    ("script.md", 8, "<script> never runs remove"),
    ("style.md", 8, "<style> not allowed stylesheet remove"),
    ("iframe.md", 8, "<iframe> another page third-party link"),
    ("object.md", 8, "<object> another page third-party link"),
    ("embed.md", 8, "<embed> another page third-party link"),
    ("form.md", 8, "<form> static site contact page"),
    ("form.md", 8, "<input> static site contact page"),
    ("event-handler.md", 8, "onerror attribute <img> runs script remove"),
    ("javascript-link.md", 8, "as built <a href> javascript: runs script"),
    ("javascript-href.md", 8, "<a> javascript: runs script"),
    ("vbscript-reference.md", 10, "as built <a href> vbscript: runs script"),
    ("data-image.md", 8, "as built <img src> data: content"),
    ("javascript-autolink.md", 8, "autolink javascript: runs script"),
    ("tag-like-text.md", 8, "<thumb> no HTML element backticks &lt;thumb>"),
    ("remote-image-markdown.md", 8, "as built image another host other.example content/images/"),
    ("remote-image-html.md", 8, "<img> another host other.example content/images/"),
    ("image-without-alt.md", 8, "<img> no alt add alt="),
    ("style-attribute.md", 8, "style attribute not allowed <span> remove"),
    ("duplicate-attribute.md", 8, "attribute twice keep one"),
    ("unclosed-div.md", 8, "<div> never closed add </div>"),
    ("div-in-paragraph.md", 8, "<div> inside a paragraph line of its own"),
    ("attribute-list.md", 9, "as built onclick attribute runs script"),
]


def test_each_bad_construct_is_reported_at_its_line_with_what_to_do():
    bad = FIXTURES / "raw_html_bad" / "posts"
    found = {
        path.name: markup_problems(path.read_text(encoding="utf-8"), f"posts/{path.name}")
        for path in sorted(bad.glob("*.md"))
    }
    for name, line, words in EXPECTED_BAD:
        lines = [(at, message) for at, message in found[name] if words_in(message, words)]
        assert [at for at, _ in lines] == [line], (name, words, found[name])
    # Nothing else: every problem found is one the table expects.
    expected_count = {}
    for name, _, _ in EXPECTED_BAD:
        expected_count[name] = expected_count.get(name, 0) + 1
    assert {name: len(problems) for name, problems in found.items()} == expected_count


def test_every_allowed_construct_passes():
    good = sorted((FIXTURES / "raw_html_ok" / "posts").glob("*.md"))
    assert len(good) == 4
    for path in good:
        assert raw_html_problems(*split(path)) == [], path.name
        assert markup_problems(path.read_text(encoding="utf-8")) == [], path.name


@pytest.mark.parametrize(
    "body",
    [
        "Shown as code: `<script>alert(1)</script>` and ``<b onclick=`x`>``.",
        "```\n<script>alert(1)</script>\n```",
        "~~~ html\n<iframe src='https://x.example/'></iframe>\n~~~",
        "A paragraph.\n\n    <form><input></form>\n    <img src=https://x.example/a.png>",
        "\tA tab-indented block: <style>p{}</style>",
        "Text with a comparison: 3 < 5, 7 > 2, and <3.",
        "A half tag at the end: x <b",
        "An escaped tag: &lt;script&gt; and &lt;thumb>.",
        "The data: three sessions, then javascript: never mind.",
    ],
)
def test_code_and_plain_text_are_left_alone(body):
    assert raw_html_problems(body, 1) == []


@pytest.mark.parametrize(
    "body, line",
    [
        # A list item's indented paragraph is not code: Markdown passes its HTML through.
        ("- an item\n\n    <script>alert(1)</script>", 3),
        # Inside a raw HTML block, indentation and backticks mean nothing to Markdown.
        ("<div>\n    <script>alert(1)</script>\n</div>", 2),
        ("<div>\n`<script>alert(1)</script>`\n</div>", 2),
        # An unclosed fence is no code block.
        ("```\n<script>alert(1)</script>", 2),
        # A code span ends at a run of its own length only.
        ("``code ` still code`` then <script>x</script>", 1),
    ],
)
def test_html_that_markdown_passes_through_is_checked(body, line):
    problems = raw_html_problems(body, 1)
    assert [at for at, message in problems if "<script>" in message] == [line]


def test_lines_are_file_lines_and_a_tag_is_placed_where_it_starts():
    body = "One.\n\nTwo <img\n  src='{static}/a.jpg'\n  onerror='x()'> three."
    assert raw_html_problems(body, 20) == [
        (
            22,
            'raw HTML: <img> has no alt text; add alt="what the image shows" '
            '(alt="" if it is only decoration)',
        ),
        (22, "raw HTML: the onerror attribute on <img> runs script; remove it"),
    ]


def test_obfuscated_schemes_are_seen_as_a_browser_sees_them():
    for url in ["JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)", " java&#x09;script:x()"]:
        messages = [m for _, m in raw_html_problems(f'<a href="{url}">x</a>', 1)]
        assert messages and "javascript:" in messages[0], url
    for link in ["[x](&#x6A;avascript:alert(1))", "[x](java\nscript:alert(1))"]:
        [(line, message)] = body_problems(f"Text.\n\n{link}")
        assert line == 8 and "javascript:" in message, link


def test_an_attribute_list_is_judged_by_what_it_sets():
    [(line, message)] = body_problems('Text.\n\n[x](/ok/){: href="javascript:alert(1)" }')
    assert line == 8 and message.startswith("as built, <a href>: a javascript: URL")


def test_a_comment_closed_with_bang_hides_nothing():
    # Python-Markdown ends the comment at `--!>` as a browser does: the script is seen.
    problems = body_problems("One.\n\nTwo <!-- x --!> <script>alert(1)</script> -->")
    assert problems == [(8, "as built, <script> never runs on this site; remove it")]
    # A comment a browser would end elsewhere than it seems to is refused as such.
    [(line, message)] = body_problems("One.\n\n<!-- a -- > b -->")
    assert line == 8 and "comment" in message


def test_a_reference_image_from_another_host_is_reported_at_the_image():
    body = "![chart][c]\n\nText.\n\n[c]: https://cdn.example/c.png"
    [(line, message)] = body_problems(body)
    assert line == 10 and "cdn.example" in message  # the line that names the host


def test_local_images_and_links_are_fine():
    body = (
        "![a](/images/a.jpg) ![b]({static}/images/b.jpg) [c](https://www.example.org/) "
        '<img src="images/d.jpg" alt="d"> <a href="mailto:office@example.org">mail</a> '
        "<office@example.org> [e](tel:+15085550100)\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        "Text[^1].\n\n[^1]: A note."
    )
    assert raw_html_problems(body, 1) == []
    assert body_problems(body) == []


def test_a_body_with_nothing_to_look_at_costs_in_proportion_to_its_length():
    line = "Plain prose about piriformis syndrome, *emphasis* and [a link](/x/).\n"
    assert raw_html_problems(line * 20_000, 1) == []
    # Four times the text, at most about four times the time (a regex scan, no tokenizer).
    assert growth(lambda body: raw_html_problems(body, 1), lambda n: line * n, 5_000) < 8


# Each body made of n pieces: the rule must cost in proportion to n. Each ends in a tag
# (TAIL), or the rule's first step (no `<`, nothing to parse) would be all that is timed.
TAIL = "\n\n<b>y</b>\n"
HOSTILE = {
    "long line": lambda n: "x" * 10 * n + " <b>y</b>",
    "<": lambda n: "<" * n,
    "<a": lambda n: "<a" * n,
    '<a b="': lambda n: '<a b="' * n,
    "<!--": lambda n: "<!--" * n,
    "[ and ](": lambda n: "[" * n + "](" * n,
    "backtick runs": lambda n: "".join("`" * (i % 50 + 1) + "x" for i in range(n)),
    "fences": lambda n: "```\n" * n,
    "attribute lists": lambda n: "{: a=b " * n,
    "= in one attribute list": lambda n: "{" + "a=" * n,
    "attribute name": lambda n: "{: " + "a" * 10 * n + " }",
    "list items": lambda n: "- <b>x\n\n    y\n" * n,
    "real tags": lambda n: '<i onclick="x">a</i> <thumb> ' * n,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_bodies_are_checked_in_linear_time(name, record_property):
    def body(n):
        return HOSTILE[name](n) + TAIL

    assert isinstance(raw_html_problems(body(10_000), 1), list)
    # Python-Markdown is quadratic or worse on some of these; this rule must stay linear:
    # four times the input costs about four times the time; 16 would be quadratic.
    ratio = growth(lambda text: raw_html_problems(text, 1), body, 2_500)
    record_property(f"raw_html_problems {name}: 4x input", f"{ratio:.1f}x time")
    assert ratio < 8, ratio


@pytest.mark.parametrize("body", ["<", "&#", "\x00<b\x00>", "\ud800<b>", "<\r\n>", "<a\x0c>"])
def test_it_never_raises(body):
    assert isinstance(raw_html_problems(body, 1), list)


def test_the_allow_list_is_a_part_of_ammonias():
    assert ELEMENTS <= nh3.ALLOWED_TAGS
    # ammonia's generic attributes are title and lang; `open` and md_in_html's `markdown`
    # are this project's documented additions.
    assert GENERIC_ATTRIBUTES - {"markdown"} == {"title", "lang"}
    for element, attributes in ATTRIBUTES.items():
        extra = attributes - nh3.ALLOWED_ATTRIBUTES.get(element, set())
        assert extra <= {"open"}, element
    for obsolete in ("center", "tt", "strike", "acronym"):
        assert obsolete not in ELEMENTS


def test_the_rule_reads_markdown_as_the_build_does():
    # markup.py mirrors Python-Markdown with extra (fenced code, attr_list, md_in_html) and
    # toc; another extension would need a look at the rule first.
    tree = ast.parse((ROOT / "pelicanconf.py").read_text(encoding="utf-8"))
    markdown = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "MARKDOWN"
    )
    settings = ast.literal_eval(markdown)
    assert set(settings["extension_configs"]) == {
        "markdown.extensions.extra",
        "markdown.extensions.meta",
        "markdown.extensions.toc",
    }


@pytest.mark.parametrize(
    "image",
    [
        "![x](//evil.example/a.png)",
        "![x](https:evil.example/a.png)",  # a page served over http reads the host
        "![x](HTTPS://EVIL.EXAMPLE/a.png)",
        "![x](https://evil&#46;example/a.png)",
        "![x][r]\n\n[r]: //evil.example/a.png",
        '<img src="\\\\evil.example\\a.png" alt="x">',
    ],
)
def test_an_image_from_another_host_is_seen_however_it_is_written(image):
    problems = body_problems(image)
    assert problems and "another host" in problems[0][1], problems
