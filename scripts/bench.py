"""make bench: Casebook against stock Pelican and Hugo on the same synthetic posts, as ratios.

Two corpora (bench_corpus.py): case write-ups with YAML front matter, and a migrated blog of
plain `Key: value` posts. For each size every builder gets the same posts; rounds alternate
the builders, every build a fresh process and a cold one (nothing remembered but the
theme's compiled templates, as on a machine that has built before).
Casebook is timed with every core and with one (CASEBOOK_WORKERS = 1); memory is the whole
process tree's, sampled in runs of its own (bench_run.py). Then `make publish` after one edited
post, against a cold publish build and Hugo's full build; `make check` against a build; and
`make devserver`.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import bench_corpus
import bench_report
import bench_run
from bench_conf import ROOT, write_confs
from bench_preview import preview, preview_report

PUBLISH_EDITS = 3  # edits timed per corpus; the median is reported
BUILDERS = ("stock", "casebook", "casebook1")


def phases(output):
    """The casebook plugin's own phase times from the build's timing file."""
    path = output / "casebook-timings.json"
    return json.loads(path.read_text()) if path.exists() else {}


def cold(confs, folder, name):
    """One cold build of `name` (a builder): fresh output, nothing remembered."""
    output = folder / f"out-{name}"
    shutil.rmtree(output, ignore_errors=True)
    bench_run.cold_cache(folder / "casebook-cache")
    bench_run.cold_cache(folder / "stock-cache")
    return bench_run.build(confs[name], output), output


def bench_size(work, corpus, size, rounds, hugo):
    """Alternate the builders over `rounds`; medians, per-phase times, the tree's memory."""
    folder = work / f"{corpus}-{size}"
    roots = bench_corpus.write_corpus(folder, size, corpus)
    confs = write_confs(folder, roots)
    bench_run.build(confs["casebook"], folder / "out-casebook")  # the templates
    builders = [*BUILDERS, *(["hugo"] if hugo else [])]
    times = {name: [] for name in builders}
    cpu = {name: [] for name in builders}
    plugin = []
    for number in range(rounds):
        for name in builders if number % 2 == 0 else reversed(builders):
            if name == "hugo":
                done = bench_run.hugo(hugo, confs["hugo"], folder / "out-hugo")
            else:
                done, output = cold(confs, folder, name)
                if name == "casebook":
                    plugin.append(phases(output))
            times[name].append(done.seconds)
            cpu[name].append(done.cpu)
    memory = {}
    for name in builders:  # sampling costs CPU: runs of their own, never timed
        if name == "hugo":
            done = bench_run.hugo(hugo, confs["hugo"], folder / "out-hugo", memory=True)
        else:
            bench_run.cold_cache(folder / "casebook-cache")
            done = bench_run.build(confs[name], folder / f"out-{name}", memory=True)
        memory[name] = (done.rss_mib, done.pss_mib)
    return {
        "corpus": corpus,
        "size": size,
        "seconds": {name: statistics.median(found) for name, found in times.items()},
        "cpu": {name: statistics.median(found) for name, found in cpu.items()},
        "memory": memory,
        "phases": {p: statistics.median(x.get(p, 0.0) for x in plugin) for p in plugin[0]},
    }


def edit(post, number):
    """Add a sentence to a post, as the practitioner would; the sentence."""
    sentence = f"One more sentence, number {number}."
    post.write_text(post.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    return sentence


def publish_after_edit(work, corpus, size, hugo):
    """`make publish` after one edited post, against a cold publish build and Hugo's."""
    folder = work / f"publish-{corpus}-{size}"
    roots = bench_corpus.write_corpus(folder, size, corpus)
    confs = write_confs(folder, roots)
    output = folder / "out-publish"
    bench_run.build(confs["publish"], output)  # the templates
    found = cold(confs, folder, "publish")[0]
    coldest = found.seconds
    post = sorted(p for p in roots["casebook"].rglob("*.md") if "conditions" not in p.parts)[7]
    slug = post.stem
    times = []
    for number in range(PUBLISH_EDITS):
        sentence = edit(post, number)
        times.append(bench_run.build(confs["publish"], output).seconds)
        page = (output / slug / "index.html").read_text(encoding="utf-8")
        if sentence not in page:
            raise SystemExit("the published page does not show the edited sentence")
    whole_cold, whole = make_publish(confs, folder, roots["casebook"], post, slug)
    hugo_s = bench_run.hugo(hugo, confs["hugo"], folder / "out-hugo").seconds if hugo else None
    return {
        "corpus": corpus,
        "size": size,
        "cold_s": coldest,
        "edit_s": statistics.median(times),
        "whole_cold_s": whole_cold,
        "whole_edit_s": whole,
        "hugo_s": hugo_s,
    }


def make_publish(confs, folder, content, post, slug):
    """The whole of `make publish` (casebook.cli.publish: Pelican into a fresh folder with
    --fatal warnings, the search index, the checks, the swap): cold, then after each edit."""
    site = folder / "publish-folder"
    command = [
        sys.executable, "-m", "casebook.cli.publish", "build", "--folder", str(site),
        "--settings", str(confs["publish"]), "--", str(content),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    bench_run.cold_cache(folder / "casebook-cache")
    coldest = bench_run.run(command, env=env).seconds
    times = []
    for number in range(PUBLISH_EDITS, 2 * PUBLISH_EDITS):
        sentence = edit(post, number)
        times.append(bench_run.run(command, env=env).seconds)
        page = (site / slug / "index.html").read_text(encoding="utf-8")
        if sentence not in page:
            raise SystemExit("the published site does not show the edited sentence")
    return coldest, statistics.median(times)


def check_against_build(work, size):
    """`make check` against a cold build of the same posts, nothing remembered by either."""
    folder = work / "check"
    roots = bench_corpus.write_corpus(folder, size, "cases")
    confs = write_confs(folder, roots)
    bench_run.build(confs["casebook"], folder / "out-check")  # the templates
    build = cold(confs, folder, "casebook")[0].seconds

    def check():
        return bench_run.run(
            [sys.executable, "-m", "casebook.cli.check", str(roots["casebook"]), "-s",
             str(confs["casebook"])],
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        ).seconds  # fmt: skip

    bench_run.cold_cache(folder / "casebook-cache")
    coldest = check()
    warm = check()
    return {"size": size, "build_s": build, "check_s": coldest, "check_warm_s": warm}


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

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores, {int(mem) // 1024 // 1024} GiB RAM; "
        f"Python {platform.python_version()}, Pelican {pelican.__version__}; "
        f"{platform.system()} {platform.release()}; load average at the start {load}"
    )


def hugo_binary(given):
    """Hugo's path and version, or (None, why not)."""
    found = shutil.which(given) if given else None
    if not found:
        return None, f"`{given}` is not installed here: no Hugo column and no Hugo verdict"
    done = subprocess.run([found, "version"], capture_output=True, text=True, check=False)
    return found, done.stdout.strip().split(" BuildDate")[0] or found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpora", nargs="+", default=list(bench_corpus.CORPORA))
    parser.add_argument("--out", default="docs/benchmarks.md")
    parser.add_argument("--notes", help="a Markdown file appended to the report (analysis)")
    parser.add_argument("--hugo", default="hugo", help="Hugo's command (absent: no Hugo column)")
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
    hugo, hugo_said = hugo_binary(args.hugo)
    about = machine()
    results, publishes = [], []
    with tempfile.TemporaryDirectory(prefix="casebook-bench-") as work:
        for corpus in args.corpora:
            for size in args.sizes:
                print(f"bench: {corpus}, {size} posts, {args.rounds} rounds", flush=True)
                results.append(bench_size(Path(work), corpus, size, args.rounds, hugo))
            print(f"bench: {corpus}, publish after one edit", flush=True)
            publishes.append(publish_after_edit(Path(work), corpus, args.sizes[0], hugo))
        rebuild = [preview(Path(work) / f"preview-{n}", n) for n in args.preview_sizes]
        checked = check_against_build(Path(work), args.sizes[0])
    text = bench_report.report(results, publishes, rebuild, checked, args.rounds, about, hugo_said)
    text += "\n".join(preview_report(rebuild))
    if args.notes and Path(args.notes).exists():
        text += "\n" + Path(args.notes).read_text(encoding="utf-8")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
