"""How fast `make import` is on a large export, and how its Markdown compares with pandoc's.

    .venv/bin/python scripts/import_bench.py --posts 2000 --out docs/import-benchmark.md

Writes a WordPress export of N posts (fixed seed: paragraphs, headings, lists, links,
images, emphasis, quotes, tables, two categories each, comments, attachments) with a copy
of its uploads, then times:
  1. `casebook.cli.wpimport` end to end, in a fresh process (what `make import` runs);
  2. the conversion alone with markdownify, in this process;
  3. the conversion with one pandoc process per post (how pelican-import converts);
  4. the conversion with one pandoc process for all posts.
Then converts every post of Pelican's own test export and of the two practice exports in
markdownify and with pandoc, renders both with the site's Markdown, and counts headings,
list items, links, images, emphasis, quotes and tables in each. No time is asserted anywhere:
the numbers are for a person to read.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from bs4 import BeautifulSoup  # noqa: E402
from markdown import Markdown  # noqa: E402

from casebook.wordpress import convert, wxr  # noqa: E402

SEED = 20090618
HOST = "http://practice.example"
WORDS = (
    "muscle tension trigger point pressure stretch session client pain relief hip thigh "
    "calf lumbar sacrum ligament nerve posture release tissue gentle deep symptom pattern "
    "improve week home care range motion breath tender spasm weight stand walk sit sleep"
).split()
CATEGORIES = ["Neck pain", "Low back pain", "Sciatica", "Hips, knees and ankles", "Headaches"]
# A 1x1 GIF: every generated image is a real, tiny image file.
GIF = bytes.fromhex("47494638396101000100800000000000ffffff2c00000000010001000002024401003b")
ELEMENTS = ("h1", "h2", "h3", "li", "a", "img", "em", "strong", "blockquote", "table", "td")


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."


def post_html(rng: random.Random, number: int) -> str:
    """A classic-editor post body: WordPress stores paragraphs as blank lines."""
    parts = [" ".join(_sentence(rng) for _ in range(3)) for _ in range(3)]
    parts.insert(1, f"<h2>Session {number}</h2>")
    parts.append(
        "<ul>\n<li>Stretch the <em>calf</em> twice a day</li>\n"
        "<li>Heat, <strong>not ice</strong></li>\n</ul>"
    )
    parts.append(
        f'See <a href="{HOST}/?p={max(number - 1, 1)}">the last post</a> and '
        '<a href="https://www.nih.gov/">the NIH</a>.'
    )
    parts.append(
        f'<img class="size-medium" src="{HOST}/wp-content/uploads/2009/06/stretch-{number % 50}'
        f'.gif" alt="A stretch" width="300" height="200" />'
    )
    parts.append(f"<blockquote>{_sentence(rng)}</blockquote>")
    if number % 5 == 0:
        parts.append(
            "<table><tr><th>Week</th><th>Pain</th></tr><tr><td>1</td><td>7</td></tr>"
            "<tr><td>4</td><td>2</td></tr></table>"
        )
    return "\n\n".join(parts)


def write_export(path: Path, uploads: Path, posts: int) -> None:
    """An export of `posts` posts, and the images it shows under `uploads`."""
    rng = random.Random(SEED)
    items = []
    for number in range(1, posts + 1):
        title = " ".join(rng.choice(WORDS) for _ in range(5)).capitalize() + f" {number}"
        categories = "".join(
            f'<category domain="category" nicename="c{i}"><![CDATA[{name}]]></category>'
            for i, name in enumerate(rng.sample(CATEGORIES, 2))
        )
        comment = (
            "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content><![CDATA[Thanks]]>"
            "</wp:comment_content></wp:comment>"
        )
        items.append(
            f"<item><title>{escape(title)}</title><link>{HOST}/?p={number}</link>"
            f"<content:encoded><![CDATA[{post_html(rng, number)}]]></content:encoded>"
            f"<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
            f"<wp:post_id>{number}</wp:post_id>"
            f"<wp:post_date>2010-01-{number % 28 + 1:02d} 10:00:00</wp:post_date>"
            f"<wp:post_name>post-{number}</wp:post_name><wp:status>publish</wp:status>"
            f"<wp:post_type>post</wp:post_type>{categories}{comment * (number % 3)}</item>"
        )
    for number in range(50):
        items.append(
            f"<item><title>stretch-{number}</title><wp:post_id>{100000 + number}</wp:post_id>"
            f"<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
            f"<wp:post_parent>{number + 1}</wp:post_parent><wp:attachment_url>{HOST}"
            f"/wp-content/uploads/2009/06/stretch-{number}.gif</wp:attachment_url></item>"
        )
    folder = uploads / "2009" / "06"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(50):
        (folder / f"stretch-{number}.gif").write_bytes(GIF)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Practice</title>'
        f"<link>{HOST}</link><wp:wxr_version>1.2</wp:wxr_version>"
        f"<wp:base_site_url>{HOST}</wp:base_site_url>" + "".join(items) + "</channel></rss>\n",
        encoding="utf-8",
    )


def timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def import_once(export: Path, uploads: Path, content: Path) -> str:
    """`make import`'s command in a fresh process; its last summary line."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "casebook.cli.wpimport",
            "--content",
            str(content),
            "--uploads",
            str(uploads),
            str(export),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        check=True,
    )
    return next(
        line for line in result.stdout.splitlines() if line.startswith(("imported", "nothing"))
    )


def with_markdownify(bodies: list[str]) -> list[str]:
    return [
        convert.to_markdown(body).resolve(lambda ref: ref.url, lambda ref: ref.url)
        for body in bodies
    ]


def pandoc_each(bodies: list[str]) -> list[str]:
    """pelican-import's way: WordPress's paragraphs, then one pandoc run per post."""
    out = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.html")
        for body in bodies:
            source.write_text(convert.wp_html(body), encoding="utf-8")
            out.append(
                subprocess.run(
                    ["pandoc", "-f", "html+raw_html", "--to=gfm-smart", "--wrap=none", source],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
    return out


def pandoc_once(bodies: list[str]) -> list[str]:
    """Every post through one pandoc process, parted by a marker no post can know."""
    marker = f"CASEBOOKPART{secrets.token_hex(8)}"
    joined = "".join(f"<p>{marker}</p>\n{convert.wp_html(body)}\n" for body in bodies)
    text = subprocess.run(
        ["pandoc", "-f", "html+raw_html", "--to=gfm-smart", "--wrap=none"],
        input=joined,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [part.strip() for part in text.split(marker)[1:]]


def elements(markdown: str) -> Counter:
    html = Markdown(extensions=["extra"]).convert(markdown)
    soup = BeautifulSoup(html, "html.parser")
    return Counter({name: len(soup.find_all(name)) for name in ELEMENTS})


def quality(exports: list[Path]) -> list[str]:
    """Elements each converter keeps, over every post and page of the given exports."""
    mine, theirs, raw = Counter(), Counter(), 0
    posts = 0
    for path in exports:
        bodies = [i.html for i in wxr.read(path).items if i.post_type not in ("attachment",)]
        bodies = [b for b in bodies if b.strip()]
        posts += len(bodies)
        for a, b in zip(with_markdownify(bodies), pandoc_each(bodies), strict=True):
            mine += elements(a)
            theirs += elements(b)
            raw += b.count("<") - b.count("&lt;")
    lines = [
        f"Elements after rendering with the site's Markdown, {posts} posts of "
        + ", ".join(p.name for p in exports)
        + ":",
        "",
        "| element | markdownify | pandoc (gfm) |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {mine[name]} | {theirs[name]} |" for name in ELEMENTS]
    lines += ["", f"Raw HTML tags left in pandoc's Markdown: about {raw}; in markdownify's: none."]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--out", help="also write the report to this Markdown file")
    parser.add_argument("--skip-pandoc-each", action="store_true", help="it takes a minute")
    args = parser.parse_args(argv)
    lines = [f"# make import on {args.posts} posts", ""]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    with tempfile.TemporaryDirectory(prefix="import-bench-") as folder:
        work = Path(folder)
        export, uploads = work / "export.xml", work / "uploads"
        write_export(export, uploads, args.posts)
        bodies = [i.html for i in wxr.read(export).items if i.post_type == "post"]
        seconds, summary = timed(lambda: import_once(export, uploads, work / "content"))
        lines.append(f"- `make import` end to end (markdownify): {seconds:.1f} s ({summary})")
        again, summary = timed(lambda: import_once(export, uploads, work / "content"))
        lines.append(f"- the same export again: {again:.1f} s ({summary})")
        seconds, _ = timed(lambda: with_markdownify(bodies))
        lines.append(f"- conversion alone, markdownify in-process: {seconds:.1f} s")
        if shutil.which("pandoc"):
            if not args.skip_pandoc_each:
                seconds, _ = timed(lambda: pandoc_each(bodies))
                lines.append(f"- conversion alone, one pandoc run per post: {seconds:.1f} s")
            seconds, _ = timed(lambda: pandoc_once(bodies))
            lines.append(f"- conversion alone, one pandoc run for all posts: {seconds:.1f} s")
            import pelican  # noqa: PLC0415

            pelican_export = Path(pelican.__file__).parent / "tests/content/wordpressexport.xml"
            fixtures = [
                ROOT / "tests/fixtures/wxr" / n for n in ("export.xml", "practice-blog.xml")
            ]
            lines += ["", *quality([pelican_export, *fixtures])]
        else:
            lines.append("- pandoc is not installed: no comparison")
    cores = os.cpu_count() or 1
    end = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines += ["", f"{cores} cores; load average {load:.1f} at the start, {end:.1f} at the end."]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
