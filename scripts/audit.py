"""make audit: Lighthouse (mobile) on a built case and condition page; scores to docs/audit.md."""

import argparse
import datetime
import functools
import json
import os
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "case": "/restless-leg-syndrome-pain-treatment-of-krystal-s/",
    "condition": "/conditions/restless-legs-syndrome/",
    # A condition with enough cases for figures and their chart (outcomes.css), and the table.
    "condition with figures": "/conditions/piriformis-syndrome/",
    "case table": "/case-table/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-sync"
)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """Serve `folder` on 127.0.0.1 at a free port; return the server."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build(site, siteurl):
    """Build the site as `make publish` does, with SITEURL at the local server."""
    bin_dir = ROOT / ".venv" / "bin"
    subprocess.run(
        [
            str(bin_dir / "pelican"),
            "content",
            "-o",
            str(site),
            "-s",
            "publishconf.py",
            "--fatal",
            "warnings",
            "--quiet",
        ],
        check=True,
        cwd=ROOT,
        env={**os.environ, "SITEURL": siteurl},
    )
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pagefind", "--site", str(site), "--quiet"], check=True
    )


def lighthouse(url, report):
    """Run Lighthouse on one URL; its category scores out of 100, and failing audits."""
    subprocess.run(
        [
            str(ROOT / "node_modules/.bin/lighthouse"),
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={report}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    data = json.loads(Path(report).read_text())
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    # Only audits that count towards a score; insights and diagnostics weigh 0.
    weighted = {
        ref["id"] for c in CATEGORIES for ref in data["categories"][c]["auditRefs"] if ref["weight"]
    }
    failing = sorted(
        audit_id
        for audit_id, audit in data["audits"].items()
        if audit_id in weighted and audit.get("score") is not None and audit["score"] < 1
    )
    return scores, failing, data["lighthouseVersion"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/audit.md")
    parser.add_argument("--keep", help="keep the Lighthouse JSON reports in this folder")
    args = parser.parse_args()
    rows, notes, version = [], [], "?"
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "output"
        site.mkdir()
        server = serve(site)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        build(site, base)
        reports = Path(args.keep) if args.keep else Path(work)
        reports.mkdir(parents=True, exist_ok=True)
        for name, path in PAGES.items():
            scores, failing, version = lighthouse(base + path, reports / f"{name}.json")
            rows.append(
                f"| {name} `{path}` | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |"
            )
            notes.append(
                f"- {name}: scored audits below full marks: {', '.join(failing) or 'none'}"
            )
            print(name, scores)
    server.shutdown()
    today = datetime.date.today().isoformat()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(
        f"# Lighthouse audit\n\nRun by `make audit` on {today} with Lighthouse {version}, "
        "mobile settings (the default), Debian Chromium, the site served from 127.0.0.1.\n\n"
        "| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\n"
        + "\n".join(notes)
        + "\n"
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
