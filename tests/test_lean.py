"""A leaner build (issue 24): what a build of posts without images or PDFs never loads or keeps.

Each build runs in a fresh `python` of its own, as `pelican` does, so what it imported is its
own sys.modules and not what other tests loaded. The build forks no worker (CASEBOOK_WORKERS
= 1): what is held is the one process's. The ICD-10-CM titles come from the shipped table
(casebook.icd10_table), on a fresh machine as on one that has built before.
"""

import json
import os
import shutil
import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench_corpus  # noqa: E402
import bench_run  # noqa: E402

# Loaded only for what needs them: a face search (an image), a PDF's fields, look-alike
# letters, the ICD-10-CM titles (about 185 MiB once imported: only if the table is stale).
HEAVY = ("cv2", "numpy", "pypdf", "confusable_homoglyphs", "simple_icd_10_cm")

BUILD = """
import json, sys
from pelican import Pelican, signals
from pelican.settings import read_settings

held = {}

def written(generator, writer):
    # Every post was judged long before its page is written: its text need not be held.
    held["sources"] = sum(
        hasattr(a, "casebook_source") or "casebook_source" in a.metadata
        for a in generator.context["articles"]
    )

signals.article_writer_finalized.connect(written)
settings = read_settings(sys.argv[1], override={
    "PATH": sys.argv[2], "OUTPUT_PATH": sys.argv[3], "CACHE_PATH": sys.argv[4],
    "CASEBOOK_WORKERS": 1,
})
Pelican(settings).run()
from casebook.privacy import gazetteer
held["places"] = gazetteer.places.cache_info().currsize
held["heavy"] = sorted(m for m in HEAVY if m in sys.modules)
print(json.dumps(held))
"""


def test_a_build_without_images_loads_no_heavy_module_and_lets_go(tmp_path):
    """No heavy module imported; no post's source nor the place names held while pages are
    written, though every file was read and linted."""
    content = bench_corpus.write_corpus(tmp_path / "corpus", 20)["casebook"]
    assert _build(content, tmp_path)["heavy"] == []  # a fresh machine: new codes, from the table
    bench_run.cold_cache(tmp_path / "cache")
    assert _build(content, tmp_path) == {"sources": 0, "places": 0, "heavy": []}
    assert (tmp_path / "output" / "case-00007" / "index.html").exists()


LOOKUP = """
import json, sys, tracemalloc
tracemalloc.start()
from casebook.icd10 import CodeBook
tracemalloc.reset_peak()
imported = tracemalloc.get_traced_memory()[0]
book = CodeBook()
titles = [book.title(code) for code in ("G25.81", "g2581 ", "M79.18", "Z99.999", "G50-G59")]
print(json.dumps({
    "titles": titles,
    "peak": tracemalloc.get_traced_memory()[1] - imported,
    "loaded": sorted(m for m in sys.modules if m.startswith("simple_icd")),
}))
"""


def test_a_fresh_process_looks_codes_up_without_the_package_in_a_few_mib():
    """The preview and the desk live long: what a lookup loads stays (the package held 185 MiB)."""
    done = subprocess.run(
        [sys.executable, "-c", LOOKUP],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["titles"] == [
        "Restless legs syndrome", "Restless legs syndrome", "Myalgia, other site", None, None
    ]  # fmt: skip
    assert found["loaded"] == []
    assert found["peak"] < 4 * 2**20  # about 1.4 MiB: the table's 0.7 MB and one member's text


def _build(content, tmp_path):
    """One build in a fresh process, into a fresh output folder: what it held."""
    shutil.rmtree(tmp_path / "output", ignore_errors=True)
    done = subprocess.run(
        [
            sys.executable, "-c", BUILD.replace("HEAVY", repr(HEAVY)), str(ROOT / "pelicanconf.py"),
            str(content), str(tmp_path / "output"), str(tmp_path / "cache"),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])
