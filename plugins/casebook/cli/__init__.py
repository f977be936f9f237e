"""The command-line tools: check, newcase, import. Each reads with corpus, judges with rules."""

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec

from ..content.problems import shown

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
