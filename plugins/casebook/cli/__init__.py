"""The command-line tools: check, newcase, import. Each reads with corpus, judges with rules."""

import functools
import os
import sys
from collections.abc import Callable
from typing import ParamSpec
from urllib.parse import quote

from ..content.problems import shown
from ..content.settings import Settings

P = ParamSpec("P")


def guarded(name: str) -> Callable[[Callable[P, int]], Callable[P, int]]:
    """Turn a file-system failure or an interrupt into one line of advice, never a traceback."""

    def wrap(main: Callable[P, int]) -> Callable[P, int]:
        @functools.wraps(main)
        def run(*args: P.args, **kwargs: P.kwargs) -> int:
            try:
                return main(*args, **kwargs)
            except KeyboardInterrupt:
                print(f"{name}: stopped; nothing half-written was left behind", file=sys.stderr)
                return 130
            except OSError as err:
                where = f"{shown(err.filename)}: " if err.filename else ""
                print(
                    f"{where}{err.strerror or err}; {name} could not go on. Check that the folder "
                    "exists and that you may read and write it; if a cache is damaged, "
                    "`make clean` removes it",
                    file=sys.stderr,
                )
                return 1

        return run

    return wrap


PREVIEW_HOST = "http://127.0.0.1"
PREVIEW_PORT = 8000  # make devserver's own default


def preview_address(settings: Settings, slug: str, draft: bool) -> str:
    """Where `make devserver` shows a post: its draft address, or its own (PORT from make)."""
    port = os.environ.get("PORT", "")
    number = int(port) if port.isdigit() and 0 < int(port) < 65536 else PREVIEW_PORT
    pattern = settings.get("DRAFT_URL" if draft else "ARTICLE_URL") or "{slug}/"
    return f"{PREVIEW_HOST}:{number}/{quote(pattern.format(slug=slug))}"


def written(path: object, address: str, draft: bool) -> list[str]:
    """What a command that wrote a post prints: the file, then where the preview shows it."""
    kind = "the draft" if draft else "the post"
    return [
        str(path),
        f"see {kind} at {address} while `make devserver` runs (start it in another window)",
    ]
