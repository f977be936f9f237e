"""make bench: Casebook against stock Pelican on the same synthetic posts, as ratios.

For each size, a fixed-seed corpus is written twice: YAML front matter for
Casebook, and Pelican's plain `Key: value` header for stock Pelican (which
cannot read YAML), with the same tags, spellings and bodies. Every build runs
in a fresh process; wall time and that process's peak memory are recorded.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def preview(folder, size):
    """A rebuild after editing one post, with the content cache on, against a cold build."""
    casebook, stock = write_corpus(folder, size)
    write_confs(folder, casebook, stock, load_cache=True)
    conf, output = folder / "conf_casebook.py", folder / "out-preview"
    cold, _ = run_build(conf, output)
    post = casebook / "cases" / "case-00007.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    warm, _ = run_build(conf, output)
    return {"size": size, "cold_s": cold, "rebuild_s": warm}


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
    own = sum(
        v
        for k, v in phases.items()
        if k not in RENDERING and k not in MOVED and k not in RULEBOOK and k not in TABLE
    )
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
    ratio = rebuild["rebuild_s"] / rebuild["cold_s"]
    lines += [
        "",
        "## Preview",
        "",
        f"Content cache on, {rebuild['size']} posts: cold build {rebuild['cold_s']:.2f} s, "
        f"rebuild after editing one post {rebuild['rebuild_s']:.2f} s, "
        f"ratio {ratio:.2f} (target ≤ 0.5): {verdict(ratio <= 0.5)}",
        "",
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", default="docs/benchmarks.md")
    parser.add_argument("--notes", help="a Markdown file appended to the report (analysis)")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as work:
        for size in args.sizes:
            print(f"bench: {size} posts, {args.rounds} rounds", flush=True)
            results.append(bench_size(Path(work) / str(size), size, args.rounds))
        rebuild = preview(Path(work) / "preview", args.sizes[0])
        checked = check_against_build(Path(work) / "check", args.sizes[0])
    text = report(results, rebuild, checked, args.rounds)
    if args.notes and Path(args.notes).exists():
        text += "\n" + Path(args.notes).read_text(encoding="utf-8")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
