"""A leaner build (issue 24): what a build of posts without images or PDFs never loads or keeps.

Each build runs in a fresh `python` of its own, as `pelican` does, so what it imported is its
own sys.modules and not what other tests loaded. The build forks no worker (CASEBOOK_WORKERS
= 1): what is held is the one process's. It is cold, on a machine that has built before, as
`make bench` measures it: the ICD-10-CM titles are remembered (a new code loads the package).
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
# letters, the ICD-10-CM titles (about 185 MiB once imported).
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
    assert "simple_icd_10_cm" in _build(content, tmp_path)["heavy"]  # new codes: titles looked up
    bench_run.cold_cache(tmp_path / "cache")
    assert _build(content, tmp_path) == {"sources": 0, "places": 0, "heavy": []}
    assert (tmp_path / "output" / "case-00007" / "index.html").exists()


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
