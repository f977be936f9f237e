"""Score `make check`'s privacy findings on one half of the privacy corpus.

A half is a folder with `content/` (a site's content folder: cases/, posts/, pages/,
conditions/, images/) and `answers.yaml`:

    planted:                      # every identifier a reader could see, where it stands
      - {file: cases/x.md, line: 12, category: names, text: "Dana Whitfield"}
      - {file: images/y.jpg, category: photos}          # no line: anywhere in the file
    clean: [posts/a.md, ...]     # files that name, place or number nobody

The half is judged by the real command (`python -m casebook.cli.check`, the rule book
the build calls), so the score is what the practitioner gets. A plant is caught when a
privacy problem of its file, on its line or the one before (a phrase may start there; any
line for a plant without one), quotes the plant's identifying part (`points_at`). Texts are
compared as a reader reads them (entities decoded, NFKC, invisible characters gone, case
folded, letters and digits only). The core of a number's or code's plant is its words that
carry a digit (the digits of "SSN ending 3346", the code of "transmitter ID 8KQ41T"); of a
name, place, date, age, email or URL, all of it. A quote points at the plant when it holds
the whole core with at most a label's worth (LABEL characters) of other text, or when it is
a part of the plant holding a third of the core ("Hudson" of "Hudson post office", "March
3" of "March 3, 2021"; never "SSN ending" of "SSN ending 3346"). In an image, PDF or SVG,
whose findings need not quote, a finding of the plant's category catches it; a photograph
only by a finding that says it shows a face. A privacy problem that catches no plant is a
false alarm on a clean file, an "unplanted finding" on a planted one.

    python tests/privacy_eval/score.py tests/privacy_eval/tuning [--show]
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = Path(__file__).resolve().parent / "pelicanconf.py"
# The 18 Safe Harbor identifiers, with ages over 89 reported apart from other dates.
CATEGORIES = (
    "names",
    "geography",
    "dates",
    "ages",
    "phone",
    "fax",
    "email",
    "ssn",
    "medical-record",
    "health-plan",
    "account",
    "licence",
    "vehicle",
    "device",
    "url",
    "ip",
    "biometric",
    "photos",
    "other-code",
)
# What each privacy message says it found, as `make check` words it today. A message
# the table does not know is not counted as a privacy finding: --show lists them, so a
# new wording is added here rather than silently dropped.
MESSAGE_CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"is not a pseudonym", ("names",)),
    (r"looks like a full name", ("names",)),
    (r"which looks like a full name", ("names",)),
    (r"names a town or place smaller than a state", ("geography",)),
    (r"which looks like a town or place", ("geography",)),
    (r"looks like a street address or postal box", ("geography",)),
    (r"looks like a phone or fax number", ("phone", "fax")),
    (r"which looks like a phone number", ("phone", "fax")),
    (r"^email address|which looks like a email address", ("email",)),
    (r"has a day or month|which looks like a day-level date", ("dates",)),
    (r"age over 89", ("ages",)),
    (
        r"looks like a record, account or licence number",
        ("medical-record", "health-plan", "account", "licence", "ssn", "other-code"),
    ),
    (r"carries an identifier", ("url",)),
    (r"carries its GPS", ("geography",)),
    (r"carries its (date|time|DateTime)", ("dates",)),
    (r"carries its (camera|serial|lens)", ("device",)),
    (r"carries its (artist|author|owner|copyright|creator)", ("names",)),
    (r"shows a (full )?face", ("photos",)),
)
# A message may also name its category itself: "[category] message".
TAGGED = re.compile(r"^\[(?P<category>[a-z-]+)\] ")
QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


@dataclass(frozen=True)
class Reported:
    """One privacy problem as `make check` printed it."""

    file: str  # relative to the half's content/
    line: int | None
    level: str
    message: str
    categories: tuple[str, ...]

    def quotes(self) -> list[str]:
        """The texts the message quotes."""
        return [a or b for a, b in QUOTED.findall(self.message)]


def normal(text: str) -> str:
    """Text compared as a reader reads it: entities decoded, NFKC, invisible characters gone,
    case-folded, letters and digits only."""
    text = html.unescape(str(text))
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


# Text a quote may hold beside the plant and still point at it: a label of a few words
# ("medical record number", "transmitter ID"); a longer quote points at a passage.
LABEL = 24
# Where a number or code is the identifier and the words around it only say what it is
# ("SSN ending 3346", "Member 4NX-22817-03"): its words that carry a digit are its core.
CODED = frozenset(CATEGORIES) - {"names", "geography", "dates", "ages", "email", "url"}
# Where a day or an age is written in digits, a quote without one dates or ages nobody
# ("Wednesday" of "on Wednesday, 8 July").
NUMBERED = frozenset({"dates", "ages"})


def core(plant: str, category: str) -> str:
    """The plant's identifying part, normalised: a code's words that carry a digit, else all."""
    words = unicodedata.normalize("NFKC", html.unescape(str(plant))).split()
    coded = [w for w in words if any(c.isdigit() for c in w)]
    return normal(" ".join(coded)) if coded and category in CODED else normal(plant)


def _holds(found: str, part: str) -> bool:
    """Whether `part` stands in `found` without a digit running on into it on either side."""
    start = found.find(part)
    while start >= 0:
        end = start + len(part)
        # "94" in "1994" is another number, not the plant's.
        before = start > 0 and found[start - 1].isdigit() and part[0].isdigit()
        after = end < len(found) and found[end].isdigit() and part[-1].isdigit()
        if not (before or after):
            return True
        start = found.find(part, start + 1)
    return False


def points_at(quote: str, plant: str, category: str = "names") -> bool:
    """Whether a finding's quote shows the reader this plant (both raw, as written)."""
    # Either the quote holds the plant's whole core, with at most a label's worth of other
    # text; or it is a part of the plant holding a third of the core (four characters at
    # least, or all of a shorter core), and a digit of a date or age written with digits.
    # A third, as the scorer always asked of a short quote: a place's plant carries words no
    # finding needs ("the", "truck stop", "post office"); a name's first name alone is less.
    found, whole, key = normal(quote), normal(plant), core(plant, category)
    if not found or not key:
        return False
    if _holds(found, key):
        shared = difflib.SequenceMatcher(None, found, whole, autojunk=False).find_longest_match()
        return len(found) - shared.size <= LABEL
    if found not in whole:
        return False
    digits = any(c.isdigit() for c in whole)
    if category in NUMBERED and digits and not any(c.isdigit() for c in found):
        return False
    shared = difflib.SequenceMatcher(None, found, key, autojunk=False).find_longest_match()
    return shared.size >= min(4, len(key)) and 3 * shared.size >= len(key)


def categories_of(message: str) -> tuple[str, ...]:
    """The categories a privacy message reports, or () for any other problem."""
    tagged = TAGGED.match(message)
    if tagged and tagged.group("category") in CATEGORIES:
        return (tagged.group("category"),)
    for pattern, categories in MESSAGE_CATEGORIES:
        if re.search(pattern, message):
            return categories
    return ()


def run_check(content: Path) -> tuple[list[Reported], list[str]]:
    """The privacy problems `make check` reports on `content`, and every other problem.

    The command is asked for `--format json`: a problem's own `category` says what it is
    about; one without a category is matched against MESSAGE_CATEGORIES.
    """
    content = content.resolve()
    with tempfile.TemporaryDirectory() as cache:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "plugins"),
            "CASEBOOK_CORPUS_CACHE": cache,
            "CASEBOOK_TODAY": "2026-12-01",
        }
        command = [sys.executable, "-m", "casebook.cli.check", "-s", str(SETTINGS)]
        done = subprocess.run(
            [*command, "--format", "json", "--", str(content)],
            cwd=content,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
    if done.returncode not in (0, 1) or "Traceback (most recent call last)" in done.stderr:
        raise SystemExit(f"make check failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return read_problems(json.loads(done.stdout))


def read_problems(rows: list[dict]) -> tuple[list[Reported], list[str]]:
    """The privacy problems among `check --format json`'s rows, and every other row as text."""
    reported, other = [], []
    for row in rows:
        where = f"{row['path']}:{row['line']}" if row.get("line") else row["path"]
        if row["level"] == "note":
            other.append(f"{where}: note: {row['message']}")
            continue
        category = row.get("category")
        categories = (category,) if category in CATEGORIES else categories_of(row["message"])
        if not categories:
            other.append(f"{where}: {row['level']}: {row['message']}")
            continue
        reported.append(
            Reported(row["path"], row.get("line"), row["level"], row["message"], categories)
        )
    return reported, other


TEXT_FILES = (".md", ".markdown", ".mkd", ".mdown")


def catches(problem: Reported, plant: dict) -> bool:
    """Whether a reported problem is about a planted identifier."""
    if problem.file != plant["file"]:
        return False
    line = plant.get("line")
    if line is not None and problem.line not in (line, line - 1, None):
        return False
    if not plant["file"].lower().endswith(TEXT_FILES):
        # An image's or document's findings name what they found, not always its text.
        return plant["category"] in problem.categories
    text = plant.get("text") or ""
    if not normal(text):
        return plant["category"] in problem.categories
    return any(points_at(q.removesuffix("…"), text, plant["category"]) for q in problem.quotes())


def score(half: Path) -> dict:
    """Recall per category, category accuracy, false alarms: the whole report as a dict."""
    answers = yaml.safe_load((half / "answers.yaml").read_text(encoding="utf-8"))
    plants, clean = answers["planted"], set(answers.get("clean") or ())
    reported, other = run_check(half / "content")
    caught: Counter[str] = Counter()
    right: Counter[str] = Counter()
    planted: Counter[str] = Counter(p["category"] for p in plants)
    used: set[Reported] = set()
    missed = []
    for plant in plants:
        hits = [p for p in reported if catches(p, plant)]
        used.update(hits)
        if hits:
            caught[plant["category"]] += 1
            if any(plant["category"] in p.categories for p in hits):
                right[plant["category"]] += 1
        else:
            missed.append(plant)
    alarms = [p for p in reported if p not in used and p.file in clean]
    unplanted = [p for p in reported if p not in used and p.file not in clean]
    return {
        "half": half.name,
        "planted": sum(planted.values()),
        "caught": sum(caught.values()),
        "right_category": sum(right.values()),
        "clean_files": len(clean),
        "false_alarms": len(alarms),
        "false_alarm_warnings": sum(p.level == "warning" for p in alarms),
        "unplanted": len(unplanted),
        "by_category": {
            c: {"planted": planted[c], "caught": caught[c], "right": right[c]} for c in CATEGORIES
        },
        "missed": missed,
        "alarms": [(p.file, p.line, p.level, p.message) for p in alarms],
        "unplanted_findings": [(p.file, p.line, p.level, p.message) for p in unplanted],
        "other_problems": other,
    }


def table(result: dict) -> str:
    """The score as a Markdown table and two lines of totals."""
    rows = ["| category | caught / planted | recall | right category |", "|---|---|---|---|"]
    for category, row in result["by_category"].items():
        share = f"{row['caught'] / row['planted']:.0%}" if row["planted"] else "–"
        rows.append(f"| {category} | {row['caught']}/{row['planted']} | {share} | {row['right']} |")
    total = result["planted"] or 1
    rows += [
        "",
        f"recall {result['caught']}/{result['planted']} ({result['caught'] / total:.1%}), "
        f"right category {result['right_category']}; false alarms {result['false_alarms']} "
        f"({result['false_alarm_warnings']} of them warnings) on {result['clean_files']} clean "
        f"files; unplanted findings in planted files {result['unplanted']}",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the score of one half; --show adds what was missed and every false alarm."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("half", type=Path)
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    parser.add_argument(
        "--other", action="store_true", help="list the problems that are not privacy findings"
    )
    args = parser.parse_args(argv)
    # Without case: on macOS and Windows `SEALED4` is sealed4 itself.
    if args.half.resolve().name.casefold().startswith("sealed") and (args.show or args.json):
        # What a sealed half misses, once read, is what the next rule is written for.
        print(
            f"{args.half}: a sealed half prints its table alone; --other lists the problems "
            "that are not privacy findings (to mend the corpus before its score)",
            file=sys.stderr,
        )
        return 2
    result = score(args.half.resolve())
    if args.json:
        print(json.dumps(result, indent=1, default=str))
        return 0
    if args.other and not args.show:
        # The corpus mended before its score: the score itself is not shown.
        for row in result["other_problems"]:
            print("other:", row)
        return 0
    print(table(result))
    shown = ("missed", "alarms", "unplanted_findings") if args.show else ()
    for key, label in (
        ("missed", "missed"),
        ("alarms", "false alarm"),
        ("unplanted_findings", "unplanted"),
        ("other_problems", "other"),
    ):
        if key in shown or (key == "other_problems" and (args.show or args.other)):
            for row in result[key]:
                print(f"{label}:", row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
