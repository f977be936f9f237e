"""scripts/import_bench.py on a small export, end to end, so it never rots (no time is asserted)."""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


def test_the_import_benchmark_reports_every_measure(tmp_path):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed: the benchmark compares against it")
    out = tmp_path / "import-benchmark.md"
    result = subprocess.run(
        [sys.executable, "scripts/import_bench.py", "--posts", "12", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# make import on 12 posts"
    assert lines[2].startswith("- `make import` end to end (markdownify): ")
    assert lines[2].endswith(" s (imported 12 new files and 12 images)")
    assert lines[3].endswith(": no file was written (every file it would write is there already))")
    for row, start in enumerate(
        (
            "- conversion alone, markdownify in-process: ",
            "- conversion alone, one pandoc run per post: ",
            "- conversion alone, one pandoc run for all posts: ",
        ),
        start=4,
    ):
        assert lines[row].startswith(start) and lines[row].endswith(" s")
    assert "| element | markdownify | pandoc (gfm) |" in lines
    assert any(
        line.startswith("Raw HTML tags left in pandoc's Markdown: about ")
        and line.endswith("; in markdownify's: none.")
        for line in lines
    )
    assert lines[-1].startswith(f"{os.cpu_count()} cores; load average ")
