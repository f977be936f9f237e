"""How the cost of a function grows with its input: linear or worse, never a wall-clock limit."""

import time


def best_time(call, rounds=3):
    """The fastest of a few runs of `call()`, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def growth(run, make_input, size, factor=4):
    """How many times longer `run` takes on `factor` times the input (1 is flat)."""
    small, large = make_input(size), make_input(size * factor)
    run(small)  # warm up: word lists, compiled patterns, caches
    # A floor of a millisecond keeps a run too quick to time from reading as a huge ratio.
    return max(best_time(lambda: run(large)), 1e-3) / max(best_time(lambda: run(small)), 1e-3)
