"""The rule book: every content rule and its message, for the build and `make check` alike.

`judge()` takes every file under content/ (from corpus) with the Sources of its
posts, pages and condition files (from source), and returns every Problem. The
build and `make check` both call it; they differ only in how they show a Problem.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Protocol

from .. import practice
from .. import vocabulary as vocab
from ..content.corpus import IMAGES, File, Kind
from ..content.problems import Problem, sort_key
from ..content.settings import Settings, site_today, today
from ..content.source import Source
from ..icd10 import CodeBook
from ..privacy.cache import LintCache
from .across import check_followups, check_redirects, check_slugs
from .characters import check_characters
from .clients import check_clients
from .conditions import (
    check_condition,
    check_placeholder,
    check_tags,
    check_today,
    known_terms,
    read_vocabulary,
    unreadable_conditions,
)
from .consent import check_approvals
from .files import check_file
from .markup.render import Rendered, Renderer
from .posts import Post, check_body, check_markup, check_post
from .privacy import (
    TEXT_FILES,
    check_file_text,
    check_path,
    check_photos,
    check_privacy,
    privacy_context,
    read_allow_list,
)


@dataclass
class Judged:
    """What the rule book found: every problem, and the decisions the build acts on."""

    problems: list[Problem]
    vocabulary: vocab.Vocabulary
    # path -> the slug the post is built at; missing: not built at its own URL.
    slugs: dict[str, str] = field(default_factory=dict)
    # (path, old address) of every `redirect_from` the build may answer.
    redirects: set[tuple[str, str]] = field(default_factory=set)


class Memo(Protocol):
    """Where a preview session keeps what the rules found in each file, by its text."""

    def get(self, key: Hashable) -> Any: ...

    def __setitem__(self, key: Hashable, value: Any) -> None: ...


def judge_file(
    source: Source, kind: Kind, settings: Settings, memo: Memo | None, html: Html
) -> tuple[Post, list[Problem]]:
    """The rules that read one post or page alone (none that compare files)."""
    if memo is None:
        return _file_rules(source, kind, settings, html)
    # The text and the day decide (a post dated tomorrow is published tomorrow); the HTML is
    # the text's, made with the session's settings.
    today = site_today(settings)
    key = (source.path, kind, source.text, today)
    found: tuple[Post, list[Problem]] | None = memo.get(key)
    if found is None:
        found = memo[key] = _file_rules(source, kind, settings, html)
    return found


def _file_rules(
    source: Source, kind: Kind, settings: Settings, html: Html
) -> tuple[Post, list[Problem]]:
    post, problems = check_post(source, kind, settings)
    return post, [
        *problems,
        *check_body(source, post.status),
        *check_characters(source),
        *check_markup(source, html(source), settings),
    ]


class Html:
    """The HTML each file became: the build's own conversion when it has one, else made here."""

    def __init__(self, settings: Settings, made: Mapping[str, Rendered] | None) -> None:
        self.made = made or {}
        self.renderer = Renderer(settings)

    def __call__(self, source: Source) -> Rendered:
        return self.made.get(source.path) or self.renderer(source)


def _unread(problem: Problem, source: Source) -> bool:
    return bool(problem.key) and str(problem.key).split(".")[0] in source.unread


def _in_case(problem: Problem) -> bool:
    return bool(problem.key and problem.key.startswith("case."))


def judge(
    found: Sequence[File],
    sources: dict[str, Source],
    settings: Settings,
    codes: CodeBook | None = None,
    cache: LintCache | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    memo: Memo | None = None,
    vocabulary_read: tuple[vocab.Vocabulary, list[Problem]] | None = None,
    rendered: Mapping[str, Rendered] | None = None,
) -> Judged:
    """Every problem in the content folder, sorted by path and line, and the build's decisions.

    `found` is every file under the content folder (corpus.files); `sources` maps the
    path (relative to the content folder) of every post, page and condition file to its
    Source; `progress`, if given, is told (done, total, "checked") as the privacy lint goes
    through the files; `memo`, if given, remembers the rules of one file by its text, for
    the next call; `vocabulary_read`, if given, is what read_vocabulary already made of the
    condition files (the build reads it before its posts are grouped); `rendered`, if given,
    the HTML the build made of each file (by path), judged instead of converting it again.
    """
    html = Html(settings, rendered)
    problems: list[Problem] = []
    for source in sources.values():
        problems += source.problems
    for file in found:
        problems += check_file(file, settings)
    conditions = [
        sources[f.relpath] for f in found if f.kind == Kind.CONDITION and f.relpath in sources
    ]
    vocabulary, found_problems = vocabulary_read or read_vocabulary(conditions, codes, settings)
    problems += found_problems
    day = today(settings)[0]
    # A condition file YAML cannot read: tags naming it are told that, not that it is unknown.
    unreadable = unreadable_conditions(conditions)
    for source in conditions:
        if source.readable or source.partial:
            # A condition's explanation is shown as HTML.
            problems += check_characters(source) + check_markup(source, html(source), settings)
        if source.readable:
            entry = vocabulary.by_slug(PurePosixPath(source.path).stem)
            if entry is not None and entry.source_path == source.label:
                problems += check_condition(source, entry, settings, day)
        problems += check_placeholder(source)
    problems += practice.problems(settings) + check_today(settings)

    posts: list[Post] = []
    unread_posts: dict[str, str] = {}  # slug -> the file whose front matter YAML cannot read
    for file in found:
        if file.kind not in (Kind.ARTICLE, Kind.PAGE) or file.relpath not in sources:
            continue
        source = sources[file.relpath]
        if not (source.readable or source.partial):
            continue
        post, own = judge_file(source, file.kind, settings, memo, html)
        # A key YAML could not read is reported once, by its reading; what else would be
        # said of it (missing, empty) follows from that and is left out.
        problems += [p for p in own if not _unread(p, source)]
        if file.kind == Kind.ARTICLE and "tags" not in source.unread:
            problems += check_tags(source, vocabulary, unreadable)
        if source.readable:
            posts.append(post)
        elif post.slug:
            unread_posts[post.slug] = source.label
    slugs, found_problems = check_slugs(posts)
    problems += found_problems
    redirects, found_problems = check_redirects(posts, vocabulary, settings, set(slugs.values()))
    problems += found_problems
    problems += check_followups([p for p in posts if p.kind == Kind.ARTICLE], unread_posts)
    # A published case's text against the one its client approved (consents/, beside content/).
    problems += check_approvals(posts, found, vocabulary, settings, memo)
    found_problems, refused = check_clients(posts)  # one case per client and series
    problems += found_problems
    if refused:  # a refused `case:` block's fields are not worth filling in
        problems = [p for p in problems if p.path not in refused or not _in_case(p)]

    site_allowed, found_problems = read_allow_list(found)
    problems += found_problems
    # The practice's own name, address and numbers (PRACTICE in the settings) name no client.
    lint = privacy_context(settings, site_allowed, known_terms(vocabulary))
    for done, file in enumerate(found, start=1):
        if progress:
            progress(done, len(found), "checked")
        read = sources.get(file.relpath)
        if read is not None and (read.readable or read.partial):
            problems += check_privacy(read, lint, cache)
        elif (
            file.kind == Kind.IMAGE
            or (file.kind == Kind.UNUSED and file.suffix in IMAGES)
            or (file.kind == Kind.STATIC and file.suffix in TEXT_FILES)
        ):
            problems += check_file_text(file, lint, cache)  # published as it is, text and all
        if file.kind in (Kind.IMAGE, Kind.STATIC, Kind.CONDITION):
            problems += check_path(file, lint, cache)  # its name is part of an address
    problems += check_photos(found, sources, cache)  # a face needs the post's recorded consent
    # A file that cannot be read is the first thing to fix: its own message comes first.
    first = {p for source in sources.values() if not source.readable for p in source.problems}
    unique = sorted(set(problems), key=lambda p: (p not in first, sort_key(p)))
    built = {path: slug for slug, path in slugs.items()}
    return Judged(unique, vocabulary, built, redirects)
