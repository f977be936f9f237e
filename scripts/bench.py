"""make bench: Casebook against stock Pelican on the same synthetic posts, as ratios.

For each size, a fixed-seed corpus is written twice: YAML front matter for
Casebook, and Pelican's plain `Key: value` header for stock Pelican (which
cannot read YAML), with the same tags, spellings and bodies. Every build runs
in a fresh process; wall time and that process's peak memory are recorded.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PELICAN = str(Path(sys.executable).with_name("pelican"))
SEED = 20090618

WORDS = (
    "muscle tension trigger point pressure stretch session client pain relief hip "
    "thigh calf lumbar sacrum ligament nerve posture release tissue gentle deep "
    "symptom pattern improve week home care range motion breath tender spasm weight "
    "stand walk sit sleep night morning work desk drive run cycle return treat"
).split()
AREAS = ["Head and neck", "Shoulders and arms", "Back", "Hips and buttocks", "Legs", "Feet"]
CODES = ["M54.50", "G25.81", "M41.9", "M54.2", "G57.00", "M79.18", "G89.29", "M72.2"]
PARTS = [
    "Neck",
    "Shoulder",
    "Elbow",
    "Wrist",
    "Hip",
    "Knee",
    "Ankle",
    "Jaw",
    "Rib",
    "Heel",
    "Calf",
    "Thigh",
]
KINDS = ["pain", "strain", "stiffness", "tendinopathy", "entrapment"]
# Outcome statuses in turn (not drawn from the generator: the corpus stays what it was).
OUTCOMES = ["resolved", "much improved", "improved", "managed with maintenance visits",
            "no change", "referred on"]  # fmt: skip

STOCK_CONF = """
PATH = {path!r}
TIMEZONE = "America/New_York"
PLUGINS = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
CACHE_PATH = {cache!r}
"""

CASEBOOK_CONF = """
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *
PATH = {path!r}
THEME = {root!r} + "/theme"
PLUGIN_PATHS = [{root!r} + "/plugins"]
CACHE_PATH = {cache!r}
# Full builds compare like with like: no content cache on either side.
CACHE_CONTENT = {load_cache!r}
LOAD_CONTENT_CACHE = {load_cache!r}
CASEBOOK_TIMINGS = True
"""


def vocabulary(rng):
    """60 conditions, each with one or two aliases."""
    names = [f"{part} {kind}" for part in PARTS for kind in KINDS][:60]
    return [
        {
            "slug": name.lower().replace(" ", "-"),
            "name": name,
            "aliases": [f"{name} syndrome", f"{name.split()[0][:3].upper()}{i}"],
            "codes": [CODES[i % len(CODES)]],
            "area": AREAS[i % len(AREAS)],
        }
        for i, name in enumerate(names)
    ]


def posts(rng, size, conditions):
    """`size` posts: tags (some as aliases), follow-ups on 10%, a case block on most."""
    made = []
    start = datetime.date(2009, 1, 1)
    for i in range(size):
        chosen = rng.sample(conditions, rng.randint(3, 5))
        tags = [c["aliases"][0] if rng.random() < 0.2 else c["name"] for c in chosen]
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(300, 600)))
        made.append(
            {
                "slug": f"case-{i:05d}",
                "title": f"Case {i}: {chosen[0]['name']}",
                "date": (start + datetime.timedelta(days=i)).isoformat(),
                "tags": tags,
                "follows": f"case-{i - 1:05d}" if i and rng.random() < 0.1 else None,
                "case": rng.random() < 0.8,
                "sessions": rng.randint(1, 12),
                "outcome_status": OUTCOMES[i % len(OUTCOMES)],
                "body": "\n\n".join(body[j : j + 600] for j in range(0, len(body), 600)),
            }
        )
    return made


def write_corpus(folder, size, seed=SEED):
    """Write the Casebook (YAML) and stock (Key: value) copies of one corpus."""
    rng = random.Random(seed + size)
    conditions = vocabulary(rng)
    casebook, stock = folder / "casebook" / "content", folder / "stock" / "content"
    for path in (casebook / "cases", casebook / "conditions", stock / "cases"):
        path.mkdir(parents=True, exist_ok=True)
    for c in conditions:
        (casebook / "conditions" / f"{c['slug']}.md").write_text(
            f"---\nname: {c['name']}\naliases: [{', '.join(c['aliases'])}]\n"
            f"codes: [{', '.join(c['codes'])}]\nbody_areas: [{c['area']}]\nreviewed: 2026-11-01\n"
            "red_flags: [weakness in a leg]\nsee_a_doctor: [the pain lasts more than a week]\n"
            f"---\nWhat {c['name'].lower()} is, and how neuromuscular therapy approaches it.\n",
            encoding="utf-8",
        )
    for p in posts(rng, size, conditions):
        yaml = [
            f'title: "{p["title"]}"',
            f"date: {p['date']}",
            f"slug: {p['slug']}",
            f"tags: [{', '.join(p['tags'])}]",
            "summary: A synthetic case for the benchmark.",
        ]
        plain = [
            f"Title: {p['title']}",
            f"Date: {p['date']}",
            f"Slug: {p['slug']}",
            f"Tags: {', '.join(p['tags'])}",
            "Summary: A synthetic case for the benchmark.",
        ]
        if p["follows"]:
            yaml.append(f"follows: {p['follows']}")
            plain.append(f"Follows: {p['follows']}")
        if p["case"]:
            yaml += [
                "case:",
                "  client: Sam T.",
                "  consent: true",
                "  presenting_complaint: Pain.",
                "  findings: Trigger points.",
                "  interventions: Neuromuscular therapy and stretches.",
                f"  sessions: {p['sessions']}",
                "  outcome: Better.",
                f"  outcome_status: {p['outcome_status']}",
                "  follow_up: None needed.",
            ]
        (casebook / "cases" / f"{p['slug']}.md").write_text(
            "---\n" + "\n".join(yaml) + "\n---\n" + p["body"] + "\n", encoding="utf-8"
        )
        (stock / "cases" / f"{p['slug']}.md").write_text(
            "\n".join(plain) + "\n\n" + p["body"] + "\n", encoding="utf-8"
        )
    return casebook, stock


def write_confs(folder, casebook, stock, load_cache=False):
    """Settings files for both builds (not named after the plugin: Pelican imports them by name)."""
    (folder / "conf_stock.py").write_text(
        STOCK_CONF.format(path=str(stock), cache=str(folder / "stock-cache")), encoding="utf-8"
    )
    (folder / "conf_casebook.py").write_text(
        CASEBOOK_CONF.format(
            root=str(ROOT),
            path=str(casebook),
            cache=str(folder / "casebook-cache"),
            load_cache=load_cache,
        ),
        encoding="utf-8",
    )


def run_build(conf, output):
    """One build in a fresh process: (seconds, peak MiB of that process)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [PELICAN, "-s", str(conf), "-o", str(output), "--quiet", "--fatal", "errors"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors = proc.stderr.read().decode()
    proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"build with {conf} failed:\n{errors}")
    return seconds, usage.ru_maxrss / 1024


def run_check(conf, content):
    """`make check` in a fresh process on the same posts and settings: seconds."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "casebook.cli.check", str(content), "-s", str(conf)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"make check found problems in the corpus:\n{done.stdout[-2000:]}")
    return seconds


def forget_findings(folder):
    """Remove the remembered privacy findings, so the rule book lints every file again."""
    (folder / "casebook-cache" / "casebook-privacy.json").unlink(missing_ok=True)


def check_against_build(folder, size):
    """`make check` against a cold build of the same posts, nothing remembered by either."""
    casebook, stock = write_corpus(folder, size)
    write_confs(folder, casebook, stock)
    conf, output = folder / "conf_casebook.py", folder / "out-check"
    run_build(conf, output)  # the ICD-10-CM titles, as on a machine that has built before
    forget_findings(folder)
    build, _ = run_build(conf, output)
    forget_findings(folder)
    cold = run_check(conf, casebook)
    warm = run_check(conf, casebook)
    return {"size": size, "build_s": build, "check_s": cold, "check_warm_s": warm}


def plugin_phases(output):
    """The casebook plugin's own phase times from the build's timing file."""
    path = output / "casebook-timings.json"
    return json.loads(path.read_text()) if path.exists() else {}


def bench_size(folder, size, rounds):
    """Alternate stock and Casebook builds; medians and per-phase times."""
    casebook, stock = write_corpus(folder, size)
    write_confs(folder, casebook, stock)
    # One untimed build each: the ICD-10-CM titles are cached as on a real machine.
    run_build(folder / "conf_stock.py", folder / "out-stock")
    run_build(folder / "conf_casebook.py", folder / "out-casebook")
    times = {"stock": [], "casebook": []}
    memory = {"stock": [], "casebook": []}
    phases = []
    for i in range(rounds):
        order = ("stock", "casebook") if i % 2 == 0 else ("casebook", "stock")
        for name in order:
            seconds, mib = run_build(folder / f"conf_{name}.py", folder / f"out-{name}")
            times[name].append(seconds)
            memory[name].append(mib)
            if name == "casebook":
                phases.append(plugin_phases(folder / "out-casebook"))
    # One more build with the privacy findings forgotten: the rule book's cold cost.
    forget_findings(folder)
    run_build(folder / "conf_casebook.py", folder / "out-casebook")
    rulebook_cold = sum(
        v for k, v in plugin_phases(folder / "out-casebook").items() if k in RULEBOOK
    )
    median_phases = (
        {phase: statistics.median(p.get(phase, 0.0) for p in phases) for phase in phases[0]}
        if phases and phases[0]
        else {}
    )
    return {
        "size": size,
        "stock_s": statistics.median(times["stock"]),
        "casebook_s": statistics.median(times["casebook"]),
        "stock_mib": max(memory["stock"]),
        "casebook_mib": max(memory["casebook"]),
        "phases": median_phases,
        "rulebook_cold_s": rulebook_cold,
    }


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
    casebook, stock = write_corpus(folder, size)
    write_confs(folder, casebook, stock, load_cache=True)
    conf = folder / "conf_casebook.py"
    run_build(conf, folder / "out-cold")  # the ICD-10-CM titles, as on a machine that has built
    shutil.rmtree(folder / "out-cold")
    for cached in (folder / "casebook-cache").iterdir():
        if cached.name != "casebook-icd10.json":
            cached.unlink()  # Pelican's content cache, the privacy findings: all read afresh
    cold, _ = run_build(conf, folder / "out-cold")
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


def verdict(ok):
    return "pass" if ok else "miss"


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    mem = next(
        (
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        "0",
    )
    import pelican

    return (
        f"{cpu}, {os.cpu_count()} cores, {int(mem) // 1024 // 1024} GiB RAM; "
        f"Python {platform.python_version()}, Pelican {pelican.__version__}; "
        f"{platform.system()} {platform.release()}"
    )


# Rendering condition pages replaces core's tag pages: it is compared with them
# in the total build time, not counted as the plugin's own work.
RENDERING = {"write condition pages and feeds (templates)"}
# The rule book is the work `make check` does, over the same files: reported on its
# own line beside the plugin's own work, with and without remembered findings.
RULEBOOK = {"rule book (the same as make check)"}
# Formatting each URL once replaces the same formatting in Pelican's article
# writer (and ~15 more per post in lists, feeds and the sitemap): work moved,
# not added. It is reported beside the own work, never hidden.
MOVED = {"pin post and page URLs"}
# The case table is three new pages listing every case (templates, like condition pages):
# reported on its own line, beside the own work.
TABLE = {"write the case table (templates)"}
# A referral summary is one new page per case (a template, like a post's own page), which
# stock Pelican has no counterpart for: reported on its own line, beside the own work.
REFERRALS = {"write referral summaries (templates)"}
# An approval copy is one more page per case, in a preview only (the bench builds one): reported
# on its own line, beside the own work, as the referral summaries are.
APPROVALS = {"write approval copies (templates)"}


def report(results, rebuild, checked, rounds):
    """The Markdown report: a table per size, targets with pass or miss."""
    lines = [
        "# Benchmarks",
        "",
        f"`make bench` on {datetime.date.today().isoformat()}: {machine()}.",
        f"Median of {rounds} alternating rounds per size, each build a fresh process; "
        "peak memory is the largest resident size of a build process.",
        "",
        "| posts | stock Pelican (s) | Casebook (s) | Casebook/stock | stock peak (MiB) "
        "| Casebook peak (MiB) | memory ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['size']} | {r['stock_s']:.2f} | {r['casebook_s']:.2f} | "
            f"{r['casebook_s'] / r['stock_s']:.2f} | {r['stock_mib']:.0f} | "
            f"{r['casebook_mib']:.0f} | {r['casebook_mib'] / r['stock_mib']:.2f} |"
        )
    lines += ["", "## Targets", ""]
    for r in results:
        ratio = r["casebook_s"] / r["stock_s"]
        lines.append(
            f"- time at {r['size']} posts: Casebook/stock {ratio:.2f} (target ≤ 1.0): "
            f"{verdict(ratio <= 1.0)}"
        )
        mem = r["casebook_mib"] / r["stock_mib"]
        lines.append(
            f"- memory at {r['size']} posts: Casebook/stock {mem:.2f} (target ≤ 1.2): "
            f"{verdict(mem <= 1.2)}"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        growth = large["casebook_s"] / small["casebook_s"]
        factor = large["size"] / small["size"]
        limit = 5.2 * factor / 5
        lines.append(
            f"- growth {small['size']}→{large['size']} posts: {growth:.2f}× "
            f"(target ≤ {limit:.2f}×): {verdict(growth <= limit)}"
        )
    largest = results[-1]
    phases = largest["phases"]
    beside = RENDERING | MOVED | RULEBOOK | TABLE | REFERRALS | APPROVALS
    own = sum(v for k, v in phases.items() if k not in beside)
    rulebook = sum(v for k, v in phases.items() if k in RULEBOOK)
    moved = sum(v for k, v in phases.items() if k in MOVED)
    lines.append(
        f"- plugin's own work at {largest['size']} posts: {own:.3f} s "
        f"(target < 0.3 s): {verdict(own < 0.3)}"
    )
    lines.append(
        f"  - with the work moved from Pelican ({', '.join(sorted(MOVED))}) "
        f"counted too: {own + moved:.3f} s"
    )
    table = sum(v for k, v in phases.items() if k in TABLE)
    lines.append(
        f"  - beside it, writing the case table (three pages listing every case): {table:.3f} s"
    )
    referrals = sum(v for k, v in phases.items() if k in REFERRALS)
    lines.append(
        f"  - beside it, writing the referral summaries (one page per case): {referrals:.3f} s"
    )
    approvals = sum(v for k, v in phases.items() if k in APPROVALS)
    lines.append(
        "  - beside it, writing the approval copies (one page per case, in a preview only): "
        f"{approvals:.3f} s"
    )
    lines.append(
        f"  - beside it, the rule book (every file judged as `make check` judges it, the "
        f"privacy findings of unchanged files remembered in the cache): {rulebook:.3f} s; "
        f"with nothing remembered, in one more build: {largest['rulebook_cold_s']:.3f} s"
    )
    ratio = checked["check_s"] / checked["build_s"]
    lines.append(
        f"- `make check` at {checked['size']} posts, nothing remembered: "
        f"{checked['check_s']:.2f} s against a cold build of the same posts, "
        f"{checked['build_s']:.2f} s: {ratio:.2f} (target ≤ 1.0): {verdict(ratio <= 1.0)}"
    )
    lines.append(f"  - run again, with the findings remembered: {checked['check_warm_s']:.2f} s")
    lines += [
        "",
        f"## Plugin phases at {largest['size']} posts (median, seconds)",
        "",
        "| phase | seconds |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v:.3f} |" for k, v in largest["phases"].items()]
    lines += preview_report(rebuild)
    return "\n".join(lines)


def preview_report(previews):
    """The `make devserver` table and its two targets."""
    lines = [
        "",
        "## Preview (`make devserver`)",
        "",
        f"One post edited {PREVIEW_EDITS} times (a sentence added, then saved); medians. "
        "Save to reloaded page: from writing the file to the page's new text fetched, "
        "after the server announced the build (what an open tab does). Cold build: a "
        "fresh `pelican` process with nothing cached but the ICD-10-CM titles.",
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", default="docs/benchmarks.md")
    parser.add_argument("--notes", help="a Markdown file appended to the report (analysis)")
    parser.add_argument(
        "--preview-sizes", type=int, nargs="+", default=[100, 1000], help="posts for devserver"
    )
    parser.add_argument(
        "--preview-only", action="store_true", help="time `make devserver` alone, print it"
    )
    args = parser.parse_args(argv)
    if args.preview_only:
        with tempfile.TemporaryDirectory(prefix="casebook-bench-") as work:
            previews = [preview(Path(work) / f"preview-{n}", n) for n in args.preview_sizes]
        print(f"`make devserver` on {datetime.date.today().isoformat()}: {machine()}.")
        print("\n".join(preview_report(previews)))
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as work:
        for size in args.sizes:
            print(f"bench: {size} posts, {args.rounds} rounds", flush=True)
            results.append(bench_size(Path(work) / str(size), size, args.rounds))
        rebuild = [preview(Path(work) / f"preview-{n}", n) for n in args.preview_sizes]
        checked = check_against_build(Path(work) / "check", args.sizes[0])
    text = report(results, rebuild, checked, args.rounds)
    if args.notes and Path(args.notes).exists():
        text += "\n" + Path(args.notes).read_text(encoding="utf-8")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
