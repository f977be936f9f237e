"""How the cost of a function grows with its input: linear or worse, never a wall-clock limit."""

import functools
import time

# Runs shorter than this are mostly timer and scheduler noise: the input is grown until the
# smaller run takes at least this long.
LONG_ENOUGH = 0.01


def best_time(call, rounds=5):
    """The fastest of a few runs of `call()`, in seconds of this process's CPU time."""
    # CPU time, not wall time: other programs on a busy machine do not count against it.
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        call()
        best = min(best, time.process_time() - started)
    return best


def growth(run, make_input, size, factor=4):
    """How many times longer `run` takes on `factor` times the input (1 is flat, 4 linear)."""
    run(make_input(size))  # warm up: word lists, compiled patterns, caches
    took = best_time(functools.partial(run, make_input(size)))
    while took < LONG_ENOUGH and size < 10_000_000:
        size *= 2
        took = best_time(functools.partial(run, make_input(size)))
    small, large = make_input(size), make_input(size * factor)
    # The two sizes take turns, so a burst of load on a shared machine falls on both, not on
    # the larger alone (a CI run once read 8.9 for a function that grows 4 to 4.7 here).
    best_small = best_large = float("inf")
    for _ in range(3):
        best_small = min(best_small, best_time(functools.partial(run, small), rounds=2))
        best_large = min(best_large, best_time(functools.partial(run, large), rounds=2))
    return best_large / max(best_small, 1e-6)
