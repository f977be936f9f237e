"""The desk's check while typing at 1000 posts: keystroke to problems shown, over real HTTP.

Writes the bench corpus of scripts/bench.py (same seed), starts the real desk over it
(`python -m casebook.desk`, its preview too), waits until it has judged every file once,
then sends the edit form of one case to /check again and again, each time with another
phone number planted in the body, and times each answer. The time a practitioner waits is
the script's pause after the last keystroke (desk.js WAIT_MS) plus that answer.
"""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WAIT_MS = 150  # plugins/casebook/desk/static/desk.js
TARGET_S = 0.5


def request(port, method, path, body=b"", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.request(method, path, body, {"Host": f"127.0.0.1:{port}", **(headers or {})})
    answer = connection.getresponse()
    text = answer.read().decode()
    connection.close()
    return answer.status, text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--out", help="a Markdown file to write the result to")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="casebook-desk-bench-") as work:
        folder = Path(work)
        content, _stock = bench.write_corpus(folder, args.size)
        bench.write_confs(folder, content, _stock)
        command = [sys.executable, "-m", "casebook.desk", "--no-browser", "--port", "0"]
        command += [
            "--preview-port",
            "0",
            "-s",
            str(folder / "conf_casebook.py"),
            "--",
            str(content),
        ]
        desk = subprocess.Popen(
            command,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            line = ""
            while "The desk is open" not in line:
                line = desk.stdout.readline()
                if not line:
                    raise SystemExit("the desk did not start")
            port = int(re.search(r"127\.0\.0\.1:(\d+)/", line).group(1))
            # The preview's first build and search index take both cores for a while: time
            # the typing once they are done, as a practitioner would start writing.
            while "Search index updated" not in line:
                line = desk.stdout.readline()
                if not line:
                    raise SystemExit("the preview did not start")
            started = time.perf_counter()
            status, html = request(port, "GET", "/")  # every file judged once: the warm-up
            warm = time.perf_counter() - started
            relpath = "cases/case-00500.md"
            status, html = request(port, "GET", f"/edit/{relpath}")
            page = BeautifulSoup(html, "lxml")
            token = page.find("meta", attrs={"name": "desk-token"})["content"]
            form = page.find("form", id="edit-form")
            pairs = []
            for element in form.find_all(["input", "textarea", "select"]):
                if element.get("name") and element.get("type") != "submit":
                    value = (
                        element.text.lstrip("\n")
                        if element.name == "textarea"
                        else element.get("value", "")
                    )
                    if element.name == "select":
                        chosen = element.find("option", selected=True)
                        value = chosen["value"] if chosen else ""
                    pairs.append((element["name"], value))
            times, found = [], 0
            for number in range(args.edits):
                edited = [
                    (k, v + f"\nCall 617-555-{number:04d}.\n" if k == "body" else v)
                    for k, v in pairs
                ]
                body = urlencode(edited).encode()
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": f"http://127.0.0.1:{port}",
                    "X-Desk-Token": token,
                }
                started = time.perf_counter()
                status, text = request(port, "POST", f"/check/{relpath}", body, headers)
                times.append(time.perf_counter() - started)
                found += f"617-555-{number:04d}" in text
        finally:
            desk.terminate()
            desk.wait(timeout=60)
    median, worst = statistics.median(times), max(times)
    shown = WAIT_MS / 1000 + median
    lines = [
        f"# The desk's check while typing, {time.strftime('%Y-%m-%d')}",
        "",
        f"{bench.machine()}; `python scripts/desk_bench.py --size {args.size}`.",
        "",
        f"- posts: {args.size}; edits timed: {args.edits}; planted numbers flagged: "
        f"{found} of {args.edits}",
        f"- the list of everything written (every file judged, warm): {warm:.2f} s",
        f"- /check answer: median {median * 1000:.0f} ms, slowest {worst * 1000:.0f} ms",
        f"- last keystroke to problems shown (pause {WAIT_MS} ms + median answer): "
        f"{shown * 1000:.0f} ms (target ≤ {TARGET_S * 1000:.0f} ms): "
        f"{'pass' if WAIT_MS / 1000 + worst <= TARGET_S else 'MISS'} even for the slowest",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
