"""Time the privacy lint per post: the bench corpus of scripts/bench.py, and the Krystal S. case.

Run from the project root: `.venv/bin/python tests/privacy_corpus/measure.py`.
Not a test (pytest collects only test_*.py): timings vary by machine, so they are reported,
not asserted.
"""

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "scripts")]

import bench  # noqa: E402
import yaml  # noqa: E402

from casebook import privacy  # noqa: E402

SIZE = 1000


def bench_texts():
    """The bench corpus's posts as `write_corpus` writes them, with the vocabulary's terms."""
    rng = random.Random(bench.SEED + SIZE)
    conditions = bench.vocabulary(rng)
    terms = [t for c in conditions for t in (c["name"], *c["aliases"])]
    texts = []
    for p in bench.posts(rng, SIZE, conditions):
        meta = [
            f'title: "{p["title"]}"',
            f"date: {p['date']}",
            f"slug: {p['slug']}",
            f"tags: [{', '.join(p['tags'])}]",
            "summary: A synthetic case for the benchmark.",
        ]
        if p["follows"]:
            meta.append(f"follows: {p['follows']}")
        if p["case"]:
            meta += [
                "case:",
                "  client: Sam T.",
                "  consent: true",
                "  presenting_complaint: Pain.",
                f"  sessions: {p['sessions']}",
                "  outcome: Better.",
            ]
        texts.append("---\n" + "\n".join(meta) + "\n---\n" + p["body"] + "\n")
    return texts, terms


def per_call_ms(texts, terms, lint, rounds=5):
    """Best of `rounds` of the mean milliseconds per text."""
    lint(texts[0], known_terms=terms)  # load word lists and the gazetteer once
    best = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            lint(text, known_terms=terms)
        best.append((time.perf_counter() - start) * 1000 / len(texts))
    return min(best), statistics.mean(best)


def main():
    lint = getattr(privacy, "lint_source", None) or privacy.lint_case
    texts, terms = bench_texts()
    start = time.perf_counter()
    lint("---\ntitle: Warm-up in Natick\n---\nBody.\n")
    print(f"first call (word lists, gazetteer): {(time.perf_counter() - start) * 1000:.0f} ms")
    best, mean = per_call_ms(texts, terms, lint)
    print(f"bench corpus: {len(texts)} posts, {best:.2f} ms/post (mean of rounds {mean:.2f})")
    content = ROOT / "content"
    site_terms = []
    for path in (content / "conditions").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        site_terms += [meta["name"], *meta.get("aliases", [])]
    krystal = (
        content / "cases" / "restless-leg-syndrome-pain-treatment-of-krystal-s.md"
    ).read_text(encoding="utf-8")
    best, mean = per_call_ms([krystal] * 200, site_terms, lint)
    print(f"Krystal S. case: {best:.2f} ms (mean of rounds {mean:.2f})")


if __name__ == "__main__":
    main()
