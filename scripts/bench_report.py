"""`make bench`'s report: one table per corpus, the publishing table, targets with pass or miss."""

import datetime
import os

from bench_conf import verdict

TIME_TARGET = 0.7  # cold build with every core, over stock Pelican
ONE_CORE_TARGET = 1.0  # cold build in one process, over stock Pelican
MEMORY_TARGET = 1.3  # the whole process tree's memory, over stock Pelican's
EDIT_TARGET = 0.15  # publish after one edit, over a cold publish build
NAMES = {
    "cases": "case write-ups (YAML, `case:` blocks)",
    "plain": "a migrated blog (`Key: value`)",
}

# Work that is not the plugin's own, in the plugin's phase times: rendering (condition pages
# replace core's tag pages), the rule book (what `make check` does), reading (Pelican's own,
# done ahead in the workers), URL formatting moved from Pelican, and the pages Casebook adds.
RENDERING = {
    "write condition pages and feeds (templates)",
    "render and write pages (workers)",
}
RULEBOOK = {"rule book (the same as make check)"}
READING = {"read, judge and lint every file (workers)"}
MOVED = {"pin post and page URLs"}
TABLE = {"write the case table (templates)"}
REFERRALS = {"write referral summaries (templates)"}
# One approval copy per case, in a preview build only: pages Casebook adds, like the summaries.
APPROVALS = {"write approval copies (templates)"}
NOT_OWN = RENDERING | RULEBOOK | READING | MOVED | TABLE | REFERRALS | APPROVALS


def _ratio(a, b):
    return a / b if b else float("inf")


def build_table(rows, hugo):
    lines = [
        "| posts | stock Pelican (s) | Casebook, every core (s) | Casebook, one core (s) "
        + ("| Hugo (s) " if hugo else "")
        + "| every core/stock | one core/stock | one core/every core | stock PSS (MiB) "
        "| Casebook PSS (MiB) | PSS ratio | stock RSS (MiB) | Casebook RSS (MiB) | RSS ratio |",
        "|---|---|---|---|" + ("---|" if hugo else "") + "---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        s = r["seconds"]
        stock_rss, stock_pss = r["memory"]["stock"]
        rss, pss = r["memory"]["casebook"]
        lines.append(
            f"| {r['size']} | {s['stock']:.2f} | {s['casebook']:.2f} | {s['casebook1']:.2f} | "
            + (f"{s['hugo']:.2f} | " if hugo else "")
            + f"{_ratio(s['casebook'], s['stock']):.2f} | {_ratio(s['casebook1'], s['stock']):.2f}"
            f" | {_ratio(s['casebook1'], s['casebook']):.2f} | {stock_pss:.0f} | {pss:.0f} | "
            f"{_ratio(pss, stock_pss):.2f} | {stock_rss:.0f} | {rss:.0f} | "
            f"{_ratio(rss, stock_rss):.2f} |"
        )
    return lines


def publish_table(publishes, hugo):
    lines = [
        "| corpus | posts | what | cold (s) | after one edit (s) | edit/cold "
        + ("| Hugo's full build (s) |" if hugo else "|"),
        "|---|---|---|---|---|---|" + ("---|" if hugo else ""),
    ]
    for p in publishes:
        for what, cold, edit in (
            ("Pelican, publishconf.py", p["cold_s"], p["edit_s"]),
            ("the whole make publish", p["whole_cold_s"], p["whole_edit_s"]),
        ):
            lines.append(
                f"| {p['corpus']} | {p['size']} | {what} | {cold:.2f} | {edit:.2f} | "
                f"{_ratio(edit, cold):.3f} |" + (f" {p['hugo_s']:.2f} |" if hugo else "")
            )
    return lines


def targets(results, publishes, checked, hugo, hugo_said):
    lines = []
    for r in results:
        s, where = r["seconds"], f"{r['corpus']}, {r['size']} posts"
        every, one = _ratio(s["casebook"], s["stock"]), _ratio(s["casebook1"], s["stock"])
        lines.append(
            f"- cold build, {where}, every core: Casebook/stock {every:.2f} "
            f"(target ≤ {TIME_TARGET}): {verdict(every <= TIME_TARGET)}"
        )
        lines.append(
            f"- cold build, {where}, one core: Casebook/stock {one:.2f} "
            f"(target ≤ {ONE_CORE_TARGET}): {verdict(one <= ONE_CORE_TARGET)}"
        )
        pss = _ratio(r["memory"]["casebook"][1], r["memory"]["stock"][1])
        rss = _ratio(r["memory"]["casebook"][0], r["memory"]["stock"][0])
        lines.append(
            f"- memory, {where}, the whole process tree (PSS): Casebook/stock {pss:.2f} "
            f"(target ≤ {MEMORY_TARGET}): {verdict(pss <= MEMORY_TARGET)}"
        )
        lines.append(f"  - counting every shared page in every process (RSS): {rss:.2f}")
    cases = [r for r in results if r["corpus"] == results[0]["corpus"]]
    if len(cases) >= 2:
        small, large = cases[0], cases[-1]
        growth = _ratio(large["seconds"]["casebook"], small["seconds"]["casebook"])
        limit = 5.2 * (large["size"] / small["size"]) / 5
        lines.append(
            f"- growth {small['size']}→{large['size']} posts ({small['corpus']}, every core): "
            f"{growth:.2f}× (target ≤ {limit:.2f}×): {verdict(growth <= limit)}"
        )
    for p in publishes:
        where = f"{p['corpus']}, {p['size']} posts"
        ratio = _ratio(p["edit_s"], p["cold_s"])
        lines.append(
            f"- publish after one edit, {where}: over a cold publish build {ratio:.3f} "
            f"(target ≤ {EDIT_TARGET}): {verdict(ratio <= EDIT_TARGET)}"
        )
        if hugo:
            lines.append(
                f"- publish after one edit, {where}: {p['edit_s']:.2f} s against Hugo's full "
                f"build {p['hugo_s']:.2f} s (target: faster): {verdict(p['edit_s'] < p['hugo_s'])}"
            )
        else:
            lines.append(f"- publish after one edit, {where}, against Hugo: {hugo_said}")
        whole = _ratio(p["whole_edit_s"], p["whole_cold_s"])
        lines.append(
            f"  - the whole make publish (a fresh folder, the search index, the checks): "
            f"{p['whole_edit_s']:.2f} s after one edit, {whole:.3f} of its cold run"
        )
    largest = cases[-1]
    lines += own_work(largest)
    ratio = _ratio(checked["check_s"], checked["build_s"])
    lines.append(
        f"- `make check` at {checked['size']} posts, nothing remembered: "
        f"{checked['check_s']:.2f} s against a cold build of the same posts, "
        f"{checked['build_s']:.2f} s: {ratio:.2f} (target ≤ 1.0): {verdict(ratio <= 1.0)}"
    )
    lines.append(f"  - run again, with the findings remembered: {checked['check_warm_s']:.2f} s")
    return lines


def parallel_part(speedup, cores):
    """The share of a build done in parallel, from its speed-up on `cores` (Amdahl's law)."""
    if cores <= 1 or speedup <= 1:
        return 0.0
    return min(1.0, (1 - 1 / speedup) / (1 - 1 / cores))


def amdahl(part, cores):
    """The speed-up on `cores` of a build whose share `part` is done in parallel."""
    return 1 / ((1 - part) + part / cores)


def more_cores(results, cores):
    """The speed-up measured on this machine's cores, and what it would be on more."""
    lines = []
    for r in results:
        s = r["seconds"]
        speedup = _ratio(s["casebook1"], s["casebook"])
        part = parallel_part(speedup, cores)
        ahead = ", ".join(f"{n} cores {amdahl(part, n):.2f}×" for n in (4, 8, 16))
        limit = f"{1 / (1 - part):.2f}×" if part < 1 else "no limit"
        lines.append(
            f"- {r['corpus']}, {r['size']} posts: {speedup:.2f}× on {cores} cores over one; done "
            f"in parallel (Amdahl's law, from that): {part:.0%}; so {ahead}; at most {limit}"
        )
    return lines


def own_work(largest):
    phases = largest["phases"]
    own = sum(v for k, v in phases.items() if k not in NOT_OWN)

    def total(names):
        return sum(v for k, v in phases.items() if k in names)

    where = f"{largest['size']} posts ({largest['corpus']})"
    return [
        f"- plugin's own work at {where}: {own:.3f} s (target < 0.3 s): {verdict(own < 0.3)}",
        f"  - with the work moved from Pelican ({', '.join(sorted(MOVED))}) counted too: "
        f"{own + total(MOVED):.3f} s",
        "  - beside it, reading every file, judging it by the rule book's per-file rules and "
        f"linting it, in the workers: {total(READING):.3f} s; the rule book's rules across "
        f"files: {total(RULEBOOK):.3f} s",
        f"  - beside it, rendering and writing every page in the workers: {total(RENDERING):.3f} s",
    ]


def report(results, publishes, previews, checked, rounds, about, hugo_said):
    """The Markdown report."""
    hugo = all(p["hugo_s"] is not None for p in publishes) and publishes
    cores = os.cpu_count()
    lines = [
        "# Benchmarks",
        "",
        f"`make bench` on {datetime.date.today().isoformat()}: {about}. Hugo: {hugo_said}.",
        f"Median of {rounds} alternating rounds per size, each build a fresh process and cold "
        "(nothing remembered but the theme's compiled templates); "
        f"Casebook with every core (here {cores}) and with one (`CASEBOOK_WORKERS = 1`). "
        "Memory is the largest sum over the build's whole process tree, in a run of its own: "
        "PSS (a page shared after a fork counted once, split between the processes sharing "
        "it) and RSS (counted in each).",
    ]
    corpora = list(dict.fromkeys(r["corpus"] for r in results))
    for corpus in corpora:
        lines += ["", f"## Cold builds: {NAMES.get(corpus, corpus)}", ""]
        lines += build_table([r for r in results if r["corpus"] == corpus], hugo)
    lines += ["", "## Publishing after one edit", ""]
    lines += [
        f"Publishing after one sentence is added to one post (every core, the build cache in "
        f"cache/), median of {len(publishes) and 3} edits, against a cold run of the same "
        "posts" + (" and Hugo's full build" if hugo else "") + ": Pelican with publishconf.py "
        "into the folder it wrote last (what the targets judge), and the whole `make publish` "
        "(python -m casebook.cli.publish build: Pelican with --fatal warnings into a fresh "
        "folder, Pagefind's index of the whole site, the checks, the swap).",
        "",
    ]
    lines += publish_table(publishes, hugo)
    lines += ["", "## Targets", ""]
    lines += targets(results, publishes, checked, hugo, hugo_said)
    cores = os.cpu_count() or 1
    lines += ["", "## More cores", ""]
    lines += [
        "The speed-up of every core over one, and what it would be on more: the share done in "
        "parallel follows from the measured speed-up by Amdahl's law (serial work, the rest "
        "split evenly); the phases below say which parts those are.",
        "",
    ]
    lines += more_cores(results, cores)
    largest = [r for r in results if r["corpus"] == corpora[0]][-1]
    lines += [
        "",
        f"## Plugin phases at {largest['size']} posts ({largest['corpus']}, cold, every core, "
        "median, seconds)",
        "",
        "| phase | seconds |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v:.3f} |" for k, v in largest["phases"].items()]
    return "\n".join(lines) + "\n"
