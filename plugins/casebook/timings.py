"""Opt-in timing of the plugin's phases, for `make bench` (CASEBOOK_TIMINGS = True)."""

import json
import os
import time
from contextlib import contextmanager

FILE = "casebook-timings.json"


@contextmanager
def timed(context, phase):
    """Add the time spent in the block to `phase`, when the site asks for timings."""
    if not context.get("CASEBOOK_TIMINGS"):
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        spent = context.setdefault("casebook_timings", {})
        spent[phase] = spent.get(phase, 0.0) + time.perf_counter() - start


def write(context, output_path):
    """Write this build's phase times into the output folder, for the benchmark to read."""
    spent = context.get("casebook_timings")
    if not context.get("CASEBOOK_TIMINGS") or spent is None:
        return
    with open(os.path.join(output_path, FILE), "w", encoding="utf-8") as file:
        json.dump(spent, file, indent=1)
