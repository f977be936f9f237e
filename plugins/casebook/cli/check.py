"""`make check`: every file under content/ judged by the rule book, without building the site."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import rules
from ..content import corpus
from ..content.problems import Problem, shown
from ..content.settings import Settings, load
from ..content.slugs import ALSO_RESERVED, reserved_names
from ..icd10 import CodeBook
from ..privacy.cache import LintCache
from . import guarded

PROGRESS_AFTER = 2.0  # seconds; a quick check prints nothing but its report


class Progress:
    """'read N of M files' on stderr, once a check has run for PROGRESS_AFTER seconds."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.last = None

    def __call__(self, done: int, total: int, what: str = "read") -> None:
        now = time.monotonic() - self.start
        if now >= PROGRESS_AFTER and (self.last is None or now - self.last >= 1.0):
            self.last = now
            self.stream.write(f"{what} {done} of {total} files…\n")
            self.stream.flush()


def check_content(
    content: Path,
    settings: Settings,
    codes: CodeBook | None = None,
    progress: Callable[..., None] | None = None,
) -> tuple[list[Problem], int]:
    """Every problem in a content folder, sorted by path and line; and how many files there are."""
    found = corpus.files(content, settings)
    sources = {}
    for done, (file, source) in enumerate(corpus.sources(found), start=1):
        sources[file.relpath] = source
        if progress:
            progress(done, len(found))
    cache = LintCache(settings.get("CACHE_PATH"))
    judged = rules.judge(found, sources, settings, codes, cache, progress)
    cache.save()
    return judged.problems, len(found)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(problems: Sequence[Problem], files: int, content: str | Path) -> str:
    """The last line of the report."""
    counts = {level: sum(p.level == level for p in problems) for level in ("error", "warning")}
    notes = len(problems) - counts["error"] - counts["warning"]
    found = [_plural(counts["error"], "problem")] if counts["error"] else ["no problems"]
    if counts["warning"]:
        found.append(_plural(counts["warning"], "warning"))
    if notes:
        found.append(_plural(notes, "note"))
    return f"checked {_plural(files, 'file')} in {shown(content)}: {', '.join(found)}"


def as_json(problem: Problem) -> dict[str, object]:
    """One problem as `--format json` writes it: every field, the level as its name."""
    return {
        "path": problem.path,
        "shown": problem.shown or problem.path,
        "line": problem.line,
        "key": problem.key,
        "level": str(problem.level),
        "category": problem.category,
        "message": problem.message,
    }


@guarded("check")
def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per problem, then a summary; exit 1 if there is any error."""
    parser = argparse.ArgumentParser(
        prog="casebook.check", description="Check every content file without building the site."
    )
    parser.add_argument("content", help="the content folder, e.g. content")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line per problem and a summary (default); json: one object per problem",
    )
    parser.add_argument(
        "--publish-settings",
        help="the publish settings (publishconf.py): addresses they reserve are refused too",
    )
    args = parser.parse_args(argv)
    content = Path(args.content)
    if not content.is_dir():
        print(f"{args.content}: no such folder; give the content folder, e.g. content")
        return 2
    settings = load(args.settings)
    if args.publish_settings and Path(args.publish_settings).is_file():
        # A slug or old address only the publish build writes to (its feeds) fails `make
        # publish`: check says so first.
        settings[ALSO_RESERVED] = reserved_names(load(args.publish_settings))
    codes = CodeBook()
    problems, files = check_content(content, settings, codes, Progress())
    if args.format == "json":
        print(json.dumps([as_json(p) for p in problems], ensure_ascii=False, indent=1))
    else:
        for problem in problems:
            print(problem)
        print(summary(problems, files, content))
    return 1 if any(p.is_error for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
