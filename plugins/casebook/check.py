"""`make check`: read every content file and report its problems, without building the site."""

from __future__ import annotations

import argparse
import datetime
import difflib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE
from pelican.readers import ensure_metadata_list
from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.utils import get_date, slugify

from . import followups, privacy
from . import vocabulary as vocab
from .cases import CASE_FIELDS
from .fastyaml import yaml_problem
from .icd10 import CodeBook, unknown_code
from .problems import shown
from .redirects import target as redirect_target
from .settings import casebook_settings

MARKDOWN = (".md", ".markdown", ".mkd", ".mdown")  # what Pelican's MarkdownReader reads
IMAGES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".heic")
STATUSES = ("published", "draft", "hidden")
CASE_KEYS = ("client", "consent", *(key for key, _ in CASE_FIELDS if key != "client"))
ALLOW_FILE = "privacy-allow.txt"
SETTINGS_FILE = "pelicanconf.py"

# Python-Markdown's meta extension, which reads Pelican's plain `Key: value` header.
META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
META_BEGIN = re.compile(r"^-{3}(\s.*)?")
META_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")


@dataclass(frozen=True, order=True)
class Message:
    """One line of the report: an error, or a note that does not fail the check."""

    path: str
    line: int
    text: str
    note: bool = False

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {'note: ' if self.note else ''}{self.text}"


@dataclass(frozen=True)
class Source:
    """One Markdown file's front matter: values, the line of every key, and its text."""

    path: str  # as messages show it: relative to the working directory
    text: str
    meta: dict  # top-level keys lower-cased, as Pelican's readers do
    lines: dict  # (key, subkey, ...) -> line number
    is_yaml: bool
    start: int  # first line of the front matter

    def line(self, *keys: str) -> int:
        """The line of a key, else of its nearest parent, else where the front matter starts."""
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return self.start

    def error(self, message: str, *keys: str) -> Message:
        """A problem reported at the line of `keys` (see `line`)."""
        return Message(self.path, self.line(*keys), message)


@dataclass(frozen=True)
class Post:
    """What the checks across files need to know of one article or page."""

    source: Source
    kind: str  # "article" or "page"
    slug: str | None
    status: str
    date: datetime.datetime | None


def load_settings(path: str | None = None) -> dict:
    """The site's settings from pelicanconf.py (if there is one here), else Pelican's defaults."""
    path = path or (SETTINGS_FILE if os.path.exists(SETTINGS_FILE) else None)
    settings = read_settings(path) if path else dict(DEFAULT_CONFIG)
    return {**settings, **casebook_settings(settings)}


# --- reading ------------------------------------------------------------------------


def decode(path: str, raw: bytes) -> tuple[str | None, Message | None]:
    """The text of a file, or a message saying where it stops being UTF-8."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return None, Message(
            path,
            line,
            f"not UTF-8 text (byte 0x{raw[err.start]:02x}); re-save the file as UTF-8 "
            "in your editor",
        )


def read_front_matter(path: str, text: str) -> tuple[Source | None, list[Message]]:
    """The front matter as the site's readers see it: YAML between `---`, else `Key: value`."""
    match = HEADER_RE.fullmatch(text)
    if match:
        return _yaml_front_matter(path, text, match)
    problems = []
    if text.lstrip().startswith("---\n"):
        problems.append(
            Message(
                path,
                text[: len(text) - len(text.lstrip())].count("\n") + 1,
                "front matter starts with `---` but has no closing `---` line; add one after "
                "the last key",
            )
        )
    return _header_front_matter(path, text), problems


def _yaml_front_matter(path, text, match):
    first = text.count("\n", 0, match.start("metadata")) + 1  # the opening `---`
    header = match.group("metadata")
    try:
        node = yaml.compose(header, Loader=yaml.SafeLoader)
        data = yaml.safe_load(header)
    except yaml.MarkedYAMLError as err:
        line, message = yaml_problem(err)
        return None, [Message(path, first + line if line is not None else first, message)]
    except yaml.YAMLError as err:
        return None, [Message(path, first, f"front matter is not valid YAML ({err}); fix it")]
    except ValueError as err:
        # YAML read `2012-13-01` as a date and Python refused it.
        line = _bad_scalar_line(node) if node is not None else None
        return None, [
            Message(
                path,
                first + line if line is not None else first,
                f"front matter holds a value that is not a real date ({err}); write dates "
                "as YYYY-MM-DD with a real month and day",
            )
        ]
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        return None, [
            Message(
                path,
                first,
                "front matter is not a list of `key: value` lines; write one key per line, "
                "e.g. `title: Neck pain at the desk`",
            )
        ]
    lines, problems = {}, []
    if node is not None:
        _key_lines(node, first, (), lines, problems, path)
    meta = {str(k).lower(): v for k, v in data.items() if v is not None}
    return Source(path, text, meta, lines, True, first), problems


def _bad_scalar_line(node):
    """Line (0-based, in the header) of the first scalar YAML cannot construct, if any."""
    loader = yaml.SafeLoader("")
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            try:
                loader.construct_object(current)
            except ValueError:
                return current.start_mark.line
        elif isinstance(current, yaml.MappingNode):
            stack.extend(v for pair in reversed(current.value) for v in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
    return None


def _key_lines(node, first, parent, lines, problems, path):
    """Record the line of every key in a mapping node; a key given twice is a problem."""
    for key_node, value_node in node.value:
        key = str(key_node.value)
        keys = (*parent, key.lower() if not parent else key)
        line = first + key_node.start_mark.line
        if keys in lines:
            problems.append(
                Message(
                    path,
                    line,
                    f"{'.'.join(keys)}: given twice (also on line {lines[keys]}); keep one",
                )
            )
            continue
        lines[keys] = line
        if isinstance(value_node, yaml.MappingNode):
            _key_lines(value_node, first, keys, lines, problems, path)


def _header_front_matter(path, text) -> Source:
    """Pelican's plain Markdown header: `Key: value` lines up to the first blank line."""
    meta, lines, key = {}, {}, None
    rows = text.splitlines()
    begin = 1 if rows and META_BEGIN.match(rows[0]) else 0
    for number, row in enumerate(rows[begin:], start=begin + 1):
        if not row.strip() or META_END.match(row):
            break
        found = META.match(row)
        if found:
            key = found.group("key").lower()
            meta.setdefault(key, []).append(found.group("value").strip())
            lines.setdefault((key,), number)
        elif key and META_MORE.match(row):
            meta[key].append(META_MORE.match(row).group("value").strip())
        else:
            break
    meta = {k: v[0] if len(v) == 1 else v for k, v in meta.items()}
    return Source(path, text, meta, lines, False, begin + 1)


def content_files(content: Path) -> list[Path]:
    """Every file under the content folder, hidden ones skipped, in a stable order."""
    found = []
    for folder, dirs, files in os.walk(content):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, f) for f in sorted(files) if not f.startswith("."))
    return found


def _under(relpath: str, folders: Iterable[str]) -> bool:
    return any(not f or relpath.startswith(f.strip("/") + "/") for f in folders)


def kind_of(relpath: str, settings: dict) -> str | None:
    """'condition', 'page' or 'article' for a Markdown file, by the site's folders; else None."""
    if _under(relpath, [settings["CONDITIONS_PATH"]]):
        return "condition"
    if _under(relpath, settings["PAGE_PATHS"]):
        return "page"
    if _under(relpath, settings["ARTICLE_PATHS"]):
        return "article"
    return None


@dataclass(frozen=True)
class Content:
    """Everything read from a content folder, before any cross-file check."""

    sources: dict  # kind -> [Source]
    images: list
    problems: list
    files: int


def read_content(content: Path, settings: dict) -> Content:
    """Read every Markdown file's front matter; note images; report unreadable files."""
    sources = {"condition": [], "page": [], "article": []}
    images, problems, files = [], [], 0
    for path in content_files(content):
        suffix = path.suffix.lower()
        if suffix in IMAGES:
            images.append(path)
            files += 1
            continue
        if suffix not in MARKDOWN:
            continue
        files += 1
        text, problem = decode(shown(path), path.read_bytes())
        kind = kind_of(path.relative_to(content).as_posix(), settings)
        if problem:
            problems.append(problem)
            continue
        if kind is None:
            continue  # outside every folder the site reads
        source, found = read_front_matter(shown(path), text)
        problems.extend(found)
        if source is not None:
            sources[kind].append(source)
    return Content(sources, images, problems, files)


# --- one file at a time ---------------------------------------------------------------


def as_datetime(value) -> datetime.datetime | None:
    """A front-matter date as a datetime, or None if it is not one (as Pelican reads it)."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    try:
        return get_date(str(value).replace("_", " "))
    except (ValueError, TypeError, OverflowError):
        return None


def text_list(source: Source, key: str) -> tuple[list[str], list[Message]]:
    """A list-of-text key: a YAML list, or in a `Key: value` header a comma-separated line."""
    value = source.meta.get(key)
    if value is None:
        return [], []
    if not source.is_yaml:
        return ensure_metadata_list(value), []
    if not isinstance(value, list):
        return [], [
            source.error(
                f"{key}: write a YAML list, e.g. `{key}: [Neck pain, Tension headache]`; "
                f"plain text is read as one item, commas and all",
                key,
            )
        ]
    items, problems = [], []
    for position, item in enumerate(value, start=1):
        if isinstance(item, str) and item.strip():
            items.append(item.strip())
        elif item is not None:
            problems.append(
                source.error(
                    f"{key}: item {position} ({item!r}) is not text; put it in quotes or remove it",
                    key,
                )
            )
    return items, problems


def slug_hint(source: Source, settings: dict) -> str:
    """The slug a post would get from its title, to suggest when `slug:` is missing."""
    title = source.meta.get("title")
    slug = slugify(str(title), regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"]) if title else ""
    return slug or "a-short-name"


def page_order_key(settings: dict) -> str | None:
    """The key pages must carry when the site orders them by one (PAGE_ORDER_BY)."""
    order_by = settings.get("PAGE_ORDER_BY")
    if not isinstance(order_by, str):
        return None
    key = order_by.removeprefix("reversed-")
    # Pelican sorts by file name for 'basename'; every page has a slug and a title.
    return None if key in ("basename", "slug", "title", "") else key


def check_post(source: Source, kind: str, settings: dict) -> tuple[Post, list[Message]]:
    """Types and required keys of one article or page."""
    meta, problems = source.meta, []
    if not str(meta.get("title", "")).strip():
        problems.append(source.error("title: missing; add `title: <the post's title>`"))
    slug = meta.get("slug")
    if slug is None or not str(slug).strip():
        problems.append(
            source.error(
                f"slug: missing; add `slug: {slug_hint(source, settings)}`; it becomes the "
                "permanent URL",
                "slug",
            )
        )
        slug = None
    elif not isinstance(slug, str | int):
        problems.append(source.error(f"slug: {slug!r} is not text; write it in quotes", "slug"))
        slug = None
    else:
        slug = str(slug).strip()

    status = str(meta.get("status", "published")).strip() or "published"
    if status not in STATUSES:
        problems.append(
            source.error(
                f"status: '{status}' is not one of {', '.join(STATUSES)}; Pelican skips the post",
                "status",
            )
        )

    date = None
    if "date" in meta:
        date = as_datetime(meta["date"])
        if date is None:
            problems.append(
                source.error(
                    f"date: {meta['date']!r} is not a date; write it as YYYY-MM-DD, "
                    "e.g. 2009-06-18",
                    "date",
                )
            )
    elif kind == "article" and status != "draft":
        problems.append(
            source.error("date: missing; add `date: YYYY-MM-DD`, the day the post was written")
        )
    if "modified" in meta and as_datetime(meta["modified"]) is None:
        problems.append(
            source.error(
                f"modified: {meta['modified']!r} is not a date; write it as YYYY-MM-DD",
                "modified",
            )
        )

    order_key = page_order_key(settings)
    if kind == "page" and order_key and order_key not in meta:
        problems.append(
            source.error(
                f"{order_key}: missing; add `{order_key}: N`, the page's place in the menu "
                f"(the site orders pages by it)"
            )
        )
    _tags, found = text_list(source, "tags")
    problems += found
    _allowed, found = text_list(source, "privacy_ok")
    problems += found
    if "follows" in meta and not isinstance(meta["follows"], str):
        problems.append(
            source.error(
                f"follows: {meta['follows']!r} is not text; set it to the slug of the earlier post",
                "follows",
            )
        )
    problems += _redirect_problems(source)
    if "case" in meta:
        problems += check_case(source)

    if status == "published" and date and not settings.get("WITH_FUTURE_DATES", True):
        today = datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()
        if date.date() > today:
            status = "draft"  # Pelican holds it back until its day
    return Post(source, kind, slug, status, date), problems


def _redirect_problems(source: Source) -> list[Message]:
    old, problems = text_list(source, "redirect_from")
    return problems + [
        source.error(
            f"redirect_from: '{path}' cannot be answered by a static site; write it as a "
            "path on this site, like /2009/06/18/old-slug/ or /?p=123",
            "redirect_from",
        )
        for path in old
        if redirect_target(path) is None
    ]


def check_case(source: Source) -> list[Message]:
    """The `case:` block: a mapping of known fields, a whole number of sessions, consent."""
    case = source.meta["case"]
    if not isinstance(case, dict):
        return [
            source.error(
                "case: must be a block of `key: value` lines indented under `case:`; "
                "start from `make newcase`",
                "case",
            )
        ]
    problems = []
    for key in case:
        if key not in CASE_KEYS:
            close = difflib.get_close_matches(str(key), CASE_KEYS, n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            problems.append(
                source.error(
                    f"case.{key}: not a case field, so it is never shown; {hint}"
                    f"the fields are {', '.join(CASE_KEYS)}",
                    "case",
                    str(key),
                )
            )
    sessions = case.get("sessions")
    if sessions is not None and (
        isinstance(sessions, bool) or not isinstance(sessions, int) or sessions < 0
    ):
        problems.append(
            source.error(
                f"case.sessions: {sessions!r} is not a whole number; write it in digits, "
                "e.g. `sessions: 10`",
                "case",
                "sessions",
            )
        )
    consent = case.get("consent")
    if consent is not None and not isinstance(consent, bool):
        problems.append(
            source.error(
                f"case.consent: {consent!r} is not true or false; write `consent: true` "
                "(no quotes) once written consent is on file",
                "case",
                "consent",
            )
        )
    elif consent is not True:
        problems.append(
            source.error(
                "case.consent: no consent: a case without `consent: true` never publishes; "
                "set it once the client's written consent is on file",
                "case",
                "consent",
            )
        )
    client = case.get("client")
    if client is None or (isinstance(client, str) and not client.strip()):
        problems.append(
            source.error(
                "case.client: missing; add a pseudonym, a first name and an initial, "
                "e.g. `client: Ana R.`",
                "case",
                "client",
            )
        )
    elif not isinstance(client, str):
        problems.append(
            source.error(
                f"case.client: {client!r} is not text; write a pseudonym like `client: Ana R.`",
                "case",
                "client",
            )
        )
    return problems


# --- conditions -------------------------------------------------------------------------


def _problem_key(message: str) -> str:
    """The front-matter key a vocabulary message is about ('alias ...' is about `aliases`)."""
    word = re.match(r"[a-z_]+", message)
    word = word.group() if word else ""
    return {"alias": "aliases"}.get(word, word)


def read_vocabulary(
    conditions: Sequence[Source], codes: CodeBook | None = None
) -> tuple[vocab.Vocabulary, list[Message]]:
    """The condition vocabulary, and every problem in its files (codes too, given a CodeBook)."""
    by_path = {s.path: s for s in conditions}
    entries, problems = [], []
    for source in conditions:
        slug = Path(source.path).stem  # the file name is the slug and the URL
        entry, found = vocab.entry_from_metadata(slug, source.meta, source.path)
        problems += found
        if entry is not None:
            entries.append(entry)
            if codes is not None:
                problems += [
                    vocab.Problem(source.path, unknown_code(code))
                    for code in entry.codes
                    if codes.title(code) is None
                ]
    vocabulary = vocab.Vocabulary(entries)
    messages = [
        by_path[p.source_path].error(p.message, _problem_key(p.message))
        for p in [*problems, *vocabulary.problems]
    ]
    return vocabulary, messages


def known_terms(vocabulary: vocab.Vocabulary) -> list[str]:
    """Every condition name and alias: capitalised words the privacy lint must not flag."""
    return [term for entry in vocabulary for term in (entry.name, *entry.aliases)]


def check_tags(source: Source, vocabulary: vocab.Vocabulary) -> list[Message]:
    """Every tag of a post must be a condition's name or alias."""
    tags, _problems = text_list(source, "tags")
    problems = []
    for tag in tags:
        if vocabulary.lookup(tag) is None:
            problems.append(source.error(vocabulary.unknown_tag(tag), "tags"))
    return problems


# --- across files -----------------------------------------------------------------------


def check_slugs(posts: Sequence[Post]) -> tuple[list[Post], list[Message]]:
    """Posts with a slug no earlier file uses (by path), and a problem for each repeat."""
    first, unique, problems = {}, [], []
    for post in sorted(posts, key=lambda p: p.source.path):
        if post.slug is None:
            continue
        if post.slug in first:
            other = first[post.slug].source.path
            problems.append(
                post.source.error(
                    f"slug: '{post.slug}' is also the slug of {other}; give one of them another "
                    f"slug (a slug is the permanent URL, /{post.slug}/)",
                    "slug",
                )
            )
            continue
        first[post.slug] = post
        unique.append(post)
    return unique, problems


def check_redirect_targets(posts: Sequence[Post]) -> list[Message]:
    """An old address must not be the address of a post, nor claimed by two posts."""
    urls = {f"/{p.slug}/": p for p in posts if p.slug}
    claimed, problems = {}, []
    for post in posts:
        old, _problems = text_list(post.source, "redirect_from")
        for path in old:
            owner = urls.get(path if path.endswith("/") else path + "/")
            other = claimed.setdefault(path, post)
            if owner is not None:
                problems.append(
                    post.source.error(
                        f"redirect_from: '{path}' is the address of {owner.source.path}; "
                        "remove it from redirect_from",
                        "redirect_from",
                    )
                )
            elif other is not post:
                problems.append(
                    post.source.error(
                        f"redirect_from: '{path}' is also claimed by {other.source.path}; "
                        "keep it on one post",
                        "redirect_from",
                    )
                )
    return problems


def check_followups(articles: Sequence[Post]) -> list[Message]:
    """`follows:` must name an earlier published post, and never come round in a circle."""
    published, unpublished, by_path = [], {}, {}
    for post in articles:
        by_path[post.source.path] = post.source
        follows = post.source.meta.get("follows")
        if post.status != "published":
            unpublished[post.slug] = (post.status, post.source.path)
            continue
        published.append(
            followups.PostRef(
                slug=post.slug,
                source_path=post.source.path,
                date=post.date or datetime.datetime.min,
                follows=follows.strip() if isinstance(follows, str) and follows.strip() else None,
            )
        )
    graph = followups.build_followups(published, unpublished)
    return [
        by_path[p.source_path].error(p.message, _problem_key(p.message)) for p in graph.problems
    ]


def read_allow_list(content: Path) -> tuple[list[str], list[Message]]:
    """The site-wide privacy allow-list: one phrase a line, `#` starts a comment."""
    path = content / ALLOW_FILE
    if not path.exists():
        return [], []
    text, problem = decode(shown(path), path.read_bytes())
    if problem:
        return [], [problem]
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")], []


def _lint(text: str, allowed: list[str], terms: list[str]) -> list[privacy.Finding]:
    found = privacy.lint_case(text, allowed=allowed, known_terms=terms)
    # An empty `client:` is reported once, as missing, by check_case.
    return [f for f in found if f.kind != "pseudonym" or f.text.strip()]


def check_privacy(source: Source, site_allowed: list[str], terms: list[str]) -> list[Message]:
    """The privacy lint on a case post; what its `privacy_ok` silences comes back as notes."""
    own, _problems = text_list(source, "privacy_ok")
    everything = _lint(source.text, site_allowed, terms)
    kept = _lint(source.text, [*site_allowed, *own], terms)
    reported = {(f.line, f.message) for f in kept}
    messages = [Message(source.path, f.line, f.message) for f in kept]
    client = source.meta["case"].get("client")
    if isinstance(client, str) and client.strip():
        found = privacy.pseudonym(client, source.line("case", "client"))
        if found and (found.line, found.message) not in reported:
            messages.append(Message(source.path, found.line, found.message))
    silenced = [f for f in everything if (f.line, f.message) not in reported]
    messages += [
        Message(source.path, f.line, f"privacy_ok silences '{f.text}'", note=True) for f in silenced
    ]
    used = {f.text.lower() for f in silenced}
    messages += [
        Message(
            source.path,
            source.line("privacy_ok"),
            f"privacy_ok: '{phrase}' silences nothing in this post; remove it",
            note=True,
        )
        for phrase in own
        if not any(phrase.lower() in text or text in phrase.lower() for text in used)
    ]
    return messages


def check_image(path: Path) -> list[Message]:
    """Camera, place and time metadata left in an image."""
    try:
        findings = privacy.image_findings(path)
    except OSError as err:
        return [Message(shown(path), 0, f"cannot read the image ({err}); re-save it or remove it")]
    return [Message(shown(path), f.line, f.message) for f in findings]


def check_content(
    content: Path, settings: dict, codes: CodeBook | None = None
) -> tuple[list[Message], int]:
    """Every problem in a content folder, sorted by path and line; and how many files were read."""
    read = read_content(content, settings)
    messages = list(read.problems)
    vocabulary, found = read_vocabulary(read.sources["condition"], codes)
    messages += found

    posts = []
    for kind in ("article", "page"):
        for source in read.sources[kind]:
            post, found = check_post(source, kind, settings)
            messages += found
            posts.append(post)
    unique, found = check_slugs(posts)
    messages += found
    messages += check_redirect_targets(unique)
    articles = [p for p in unique if p.kind == "article"]
    messages += check_followups(articles)

    site_allowed, found = read_allow_list(content)
    messages += found
    terms = known_terms(vocabulary)
    for post in posts:
        if post.kind == "article":
            messages += check_tags(post.source, vocabulary)
        if isinstance(post.source.meta.get("case"), dict):
            messages += check_privacy(post.source, site_allowed, terms)
    for image in read.images:
        messages += check_image(image)
    return sorted(set(messages)), read.files


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(messages: Sequence[Message], files: int, content) -> str:
    """The last line of the report."""
    errors = sum(not m.note for m in messages)
    notes = len(messages) - errors
    found = [_plural(errors, "problem")] if errors else ["no problems"]
    if notes:
        found.append(_plural(notes, "note"))
    return f"checked {_plural(files, 'file')} in {shown(content)}: {', '.join(found)}"


def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per problem, then a summary; exit 1 if there is any problem."""
    parser = argparse.ArgumentParser(
        prog="casebook.check", description="Check every content file without building the site."
    )
    parser.add_argument("content", help="the content folder, e.g. content")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    args = parser.parse_args(argv)
    content = Path(args.content)
    if not content.is_dir():
        print(f"{args.content}: no such folder; give the content folder, e.g. content")
        return 2
    settings = load_settings(args.settings)
    codes = CodeBook(cache_dir=settings.get("CACHE_PATH"))
    messages, files = check_content(content, settings, codes)
    codes.save()
    for message in messages:
        print(message)
    print(summary(messages, files, content))
    return 1 if any(not m.note for m in messages) else 0


if __name__ == "__main__":
    sys.exit(main())
