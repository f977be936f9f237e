"""`make bench` on a tiny corpus, end to end, so the benchmark never rots (no time is asserted)."""

import os
import re
import shutil
import subprocess

from conftest import ROOT

HUGO = shutil.which("hugo") is not None


def bench(tmp_path, args):
    out = tmp_path / "benchmarks.md"
    done = subprocess.run(
        ["make", "-o", ".venv/.installed", "bench", f"BENCH_ARGS={args}", f"BENCH_OUT={out}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out.read_text(encoding="utf-8")


def close(ratio, over, under, half=0.005):
    """Whether a printed ratio (two places) fits the printed numbers it was made from, each
    rounded to within `half`."""
    r, a, b = float(ratio), float(over), float(under)
    return (a - half) / (b + half) - 0.005 <= r <= (a + half) / max(b - half, 1e-9) + 0.005


def section(text, title):
    return text.split(f"## {title}")[1].split("\n## ")[0]


def test_make_bench_reports_both_corpora_every_builder_and_every_target(tmp_path):
    text = bench(tmp_path, "--sizes 20 40 --rounds 1 --preview-sizes 20 40")
    for corpus in ("case write-ups", "a migrated blog"):
        table = section(text, f"Cold builds: {corpus}")
        rows = [line.split(" | ") for line in table.splitlines() if re.match(r"\| \d+ \|", line)]
        assert [r[0] for r in rows] == ["| 20", "| 40"]
        for row in rows:
            cells = [c.strip(" |") for c in row]
            stock, every, one = cells[1:4]
            ratios = cells[5:8] if HUGO else cells[4:7]
            assert close(ratios[0], every, stock) and close(ratios[1], one, stock)
            assert close(ratios[2], one, every)
            stock_pss, pss, pss_ratio = cells[-6:-3]
            assert close(pss_ratio, pss, stock_pss, half=0.5)  # MiB, printed whole
    publishing = section(text, "Publishing after one edit")
    rows = [
        line for line in publishing.splitlines() if re.match(r"\| (cases|plain) \| 20 \|", line)
    ]
    assert len(rows) == 4  # per corpus: Pelican's publish build, and the whole make publish
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert abs(float(cells[4]) / float(cells[3]) - float(cells[5])) <= 0.02
        assert len(cells) == (7 if HUGO else 6)
    assert [c.strip() for r in rows for c in r.strip("|").split("|")][2::7 if HUGO else 6] == [
        "Pelican, publishconf.py", "the whole make publish"
    ] * 2  # fmt: skip
    verdicts = re.findall(r": (pass|miss)$", text, re.MULTILINE)
    # per corpus and size: every core, one core, memory (12); growth; per corpus after one
    # edit: over a cold build, and over Hugo's full build when Hugo is here; the plugin's
    # own work; make check against a build; the dev server's two
    assert len(verdicts) == 12 + 1 + (4 if HUGO else 2) + 1 + 1 + 2
    assert "Plugin phases at 40 posts" in text
    grows = re.findall(
        r"^- (cases|plain), (\d+) posts: ([\d.]+)× on (\d+) cores over one; .*: (\d+)%; "
        r"so 4 cores ([\d.]+)×, 8 cores ([\d.]+)×, 16 cores ([\d.]+)×; at most (.*)$",
        section(text, "More cores"),
        re.MULTILINE,
    )
    assert len(grows) == 4  # per corpus and size
    for _c, _n, measured, cores, _part, four, eight, sixteen, limit in grows:
        # More cores never make it slower, nor faster than the serial part allows.
        ahead = [float(four), float(eight), float(sixteen)]
        assert ahead == sorted(ahead)
        if float(measured) > 1:
            assert ahead[0] >= float(measured) - 0.01 or int(cores) > 4
        if limit != "no limit":
            assert ahead[-1] <= float(limit.rstrip("×")) + 0.01
    preview = re.findall(
        r"^\| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \|$",
        section(text, "Preview (`make devserver`)"),
        re.MULTILINE,
    )
    assert [row[0] for row in preview] == ["20", "40"]
    for _, cold, _first, _rebuild, pages, save, ratio in preview:
        assert int(pages) == 2  # one post edited: its page and its approval copy are written
        assert abs(float(save) / float(cold) - float(ratio)) <= 0.002


def test_without_hugo_the_report_says_so_and_gives_no_hugo_verdict(tmp_path):
    # A command that is nowhere: what CI without Debian's hugo package sees.
    args = "--sizes 10 --rounds 1 --corpora plain --preview-sizes 10 --hugo no-hugo"
    text = bench(tmp_path, args)
    assert "`no-hugo` is not installed here: no Hugo column and no Hugo verdict" in text
    assert "Hugo (s)" not in text and "Hugo's full build (s)" not in text
    assert "against Hugo's full build" not in text
