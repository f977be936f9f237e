"""`make bench`, the preview part: `make devserver` on a corpus, a post saved again and again.

The time from writing the file to the page's new text fetched, once the server announced the
build (what an open tab does), against a cold build of the same posts.
"""

import http.client
import os
import shutil
import statistics
import subprocess
import sys
import time
from urllib.parse import urlsplit

import bench_corpus
import bench_run
from bench_conf import ROOT, verdict, write_confs

PREVIEW_EDITS = 5  # saves timed per size; the median is reported
SAVE_TARGET_S = 0.3  # save to reloaded page, at the smallest preview size
REBUILD_TARGET = 0.15  # save to reloaded page over a cold build, at the largest


class DevServer:
    """`make devserver` on a corpus: its printed lines, its event stream, its pages."""

    def __init__(self, conf, content, output):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "casebook.preview.devserver", "-s", str(conf), "-o", str(output)]
            + ["--port", "0", "--", str(content)],
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.first = self.wait_for("Build 1: ")
        self.url = self.wait_for("Serving the preview on ").split()[-4]

    def wait_for(self, start):
        """The next printed line that starts with `start`."""
        for line in self.process.stdout:
            if line.startswith(start):
                return line.strip()
        raise SystemExit(f"make devserver stopped before printing {start!r}")

    def connect(self):
        address = urlsplit(self.url)
        return http.client.HTTPConnection(address.hostname, address.port, timeout=600)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


def next_build(events):
    """Read the event stream up to the next build announced."""
    while True:
        line = events.readline()
        if not line:
            raise SystemExit("the dev server's event stream closed")
        if line.startswith(b"event: build"):
            events.readline()  # its data line
            return


def preview(folder, size):
    """`make devserver` on `size` posts: save to reloaded page, against a cold build."""
    roots = bench_corpus.write_corpus(folder, size, "cases")
    confs = write_confs(folder, roots)
    conf, casebook = confs["casebook"], roots["casebook"]
    bench_run.build(conf, folder / "out-cold")  # the templates, as on a machine that built
    shutil.rmtree(folder / "out-cold")
    bench_run.cold_cache(folder / "casebook-cache")  # the privacy findings, the build cache: gone
    cold = bench_run.build(conf, folder / "out-cold").seconds
    server = DevServer(conf, casebook, folder / "out-live")
    try:
        first = float(server.first.split(" in ")[1].split(" s")[0])
        server.wait_for("Search index updated")  # nothing else runs while a save is timed
        events = server.connect()
        events.request("GET", "/.casebook/events")
        stream = events.getresponse()
        next_build(stream)  # the build the page was served from
        post = casebook / "cases" / "case-00007.md"
        saves, builds, pages = [], [], []
        for number in range(PREVIEW_EDITS):
            sentence = f"One more sentence, number {number}."
            text = post.read_text(encoding="utf-8") + f"\n{sentence}\n"
            saved = time.perf_counter()
            post.write_text(text, encoding="utf-8")
            next_build(stream)
            page = server.connect()
            page.request("GET", "/case-00007/")
            if sentence not in page.getresponse().read().decode("utf-8"):
                raise SystemExit("the reloaded page does not show the saved sentence")
            saves.append(time.perf_counter() - saved)
            line = server.wait_for("Build ")
            builds.append(float(line.split(" in ")[1].split(" s")[0]))
            pages.append(int(line.split(": ")[1].split(" page")[0]))
            server.wait_for("Search index updated")
    finally:
        server.stop()
    return {
        "size": size,
        "cold_s": cold,
        "first_s": first,
        "save_s": statistics.median(saves),
        "rebuild_s": statistics.median(builds),
        "pages": max(pages),
    }


def preview_report(previews):
    """The `make devserver` table and its two targets."""
    lines = [
        "",
        "## Preview (`make devserver`)",
        "",
        f"One post edited {PREVIEW_EDITS} times (a sentence added, then saved); medians. "
        "Save to reloaded page: from writing the file to the page's new text fetched, "
        "after the server announced the build (what an open tab does). Cold build: a "
        "fresh `pelican` process with nothing cached but the theme's compiled templates.",
        "",
        "| posts | cold build (s) | server's first build (s) | server's rebuild (s) "
        "| pages written | save to reloaded page (s) | reloaded page / cold build |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in previews:
        lines.append(
            f"| {p['size']} | {p['cold_s']:.2f} | {p['first_s']:.2f} | {p['rebuild_s']:.3f} "
            f"| {p['pages']} | {p['save_s']:.3f} | {p['save_s'] / p['cold_s']:.3f} |"
        )
    small, large = previews[0], previews[-1]
    ratio = large["save_s"] / large["cold_s"]
    lines += [
        "",
        f"- save to reloaded page at {small['size']} posts: {small['save_s']:.3f} s "
        f"(target ≤ {SAVE_TARGET_S} s): {verdict(small['save_s'] <= SAVE_TARGET_S)}",
        f"- save to reloaded page at {large['size']} posts over a cold build: {ratio:.3f} "
        f"(target ≤ {REBUILD_TARGET}): {verdict(ratio <= REBUILD_TARGET)}",
        "",
    ]
    return lines
