"""Opt-in timing of the plugin's phases, for `make bench` (CASEBOOK_TIMINGS = True)."""

import json
import os
import time

FILE = "casebook-timings.json"


class timed:  # noqa: N801 (used like a function, as contextlib.suppress is)
    """Add the time spent in the block to `phase`, when the site asks for timings."""

    # A class, not @contextmanager: it runs once per post page, and a
    # generator-based context manager costs several times more per use.
    __slots__ = ("context", "phase", "start")

    def __init__(self, context, phase):
        self.context, self.phase, self.start = context, phase, None

    def __enter__(self):
        if self.context.get("CASEBOOK_TIMINGS"):
            self.start = time.perf_counter()

    def __exit__(self, *exc):
        if self.start is not None:
            spent = self.context.setdefault("casebook_timings", {})
            spent[self.phase] = spent.get(self.phase, 0.0) + time.perf_counter() - self.start
        return False


def write(context, output_path):
    """Write this build's phase times into the output folder, for the benchmark to read."""
    spent = context.get("casebook_timings")
    if not context.get("CASEBOOK_TIMINGS") or spent is None:
        return
    with open(os.path.join(output_path, FILE), "w", encoding="utf-8") as file:
        json.dump(spent, file, indent=1)
