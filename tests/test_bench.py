"""`make bench` on a tiny corpus, end to end, so the benchmark never rots (no time is asserted)."""

import os
import re
import subprocess

from conftest import ROOT


def test_make_bench_reports_both_sizes_with_ratios_and_verdicts(tmp_path):
    out = tmp_path / "benchmarks.md"
    done = subprocess.run(
        [
            "make",
            "-o",
            ".venv/.installed",
            "bench",
            "BENCH_ARGS=--sizes 20 40 --rounds 1 --preview-sizes 20 40",
            f"BENCH_OUT={out}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text(encoding="utf-8")
    builds = text.split("## Targets")[0]  # the first table; the preview's has its own below
    rows = re.findall(r"^\| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", builds, re.MULTILINE)
    assert [r[0] for r in rows] == ["20", "40"]
    for _, stock, casebook, ratio in rows:
        # Every number is printed to two places: the ratio must fit their rounding.
        s, c, r = float(stock), float(casebook), float(ratio)
        assert (c - 0.005) / (s + 0.005) - 0.005 <= r <= (c + 0.005) / (s - 0.005) + 0.005
    verdicts = re.findall(r": (pass|miss)$", text, re.MULTILINE)
    # time and memory per size, growth, plugin work, make check against a build, and the
    # dev server: save to reloaded page, and that over a cold build
    assert len(verdicts) == 9
    assert "Plugin phases at 40 posts" in text
    preview = re.findall(
        r"^\| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \|$",
        text.split("## Preview")[1],  # the builds table above has seven columns too
        re.MULTILINE,
    )
    assert [row[0] for row in preview] == ["20", "40"]
    for _, cold, _first, _rebuild, pages, save, ratio in preview:
        assert int(pages) == 2  # one post edited: its page and its approval copy are written
        assert abs(float(save) / float(cold) - float(ratio)) <= 0.002
