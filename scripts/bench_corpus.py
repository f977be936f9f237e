"""The synthetic sites `make bench` builds: the same posts for Casebook, stock Pelican and Hugo.

Two corpora, fixed seeds:
- "cases": case write-ups with YAML front matter and a `case:` block on most (what the
  practice writes); stock Pelican gets the same posts with a `Key: value` header;
- "plain": a migrated blog: Pelican's `Key: value` headers, no case block, no summary,
  headings, lists and links to other posts; every builder reads the same files (Hugo a copy
  with YAML front matter, which is all it reads).
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

SEED = 20090618
PLAIN_SEED = 20120412

WORDS = (
    "muscle tension trigger point pressure stretch session client pain relief hip "
    "thigh calf lumbar sacrum ligament nerve posture release tissue gentle deep "
    "symptom pattern improve week home care range motion breath tender spasm weight "
    "stand walk sit sleep night morning work desk drive run cycle return treat"
).split()
AREAS = ["Head and neck", "Shoulders and arms", "Back", "Hips and buttocks", "Legs", "Feet"]
CODES = ["M54.50", "G25.81", "M41.9", "M54.2", "G57.00", "M79.18", "G89.29", "M72.2"]
PARTS = "Neck Shoulder Elbow Wrist Hip Knee Ankle Jaw Rib Heel Calf Thigh".split()
KINDS = ["pain", "strain", "stiffness", "tendinopathy", "entrapment"]
# Outcome statuses in turn (not drawn from the generator: the corpus stays what it was).
OUTCOMES = ["resolved", "much improved", "improved", "managed with maintenance visits",
            "no change", "referred on"]  # fmt: skip
HEADINGS = ["How it started", "What we found", "What helped", "At home", "Looking back"]
CORPORA = ("cases", "plain")


def vocabulary(rng: random.Random) -> list[dict]:
    """60 conditions, each with one or two aliases."""
    del rng  # the names are fixed; the generator is drawn from by the posts alone
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


def case_posts(rng: random.Random, size: int, conditions: list[dict]) -> list[dict]:
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


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def plain_body(rng: random.Random, i: int) -> str:
    """A migrated post's body: sections, paragraphs, a list, emphasis and links to others."""
    parts = []
    for heading in rng.sample(HEADINGS, rng.randint(2, 4)):
        parts.append(f"## {heading}")
        for _ in range(rng.randint(1, 3)):
            parts.append(" ".join(_sentence(rng, 8, 20) for _ in range(rng.randint(3, 6))))
        if rng.random() < 0.5:
            parts.append("\n".join(f"- {_sentence(rng, 3, 8)}" for _ in range(rng.randint(2, 5))))
    if i:
        earlier = rng.randrange(i)
        parts.append(
            f"See *also* [an earlier post]({{filename}}/posts/post-{earlier:05d}.md) "
            f"and **keep** moving."
        )
    return "\n\n".join(parts)


def plain_posts(rng: random.Random, size: int, conditions: list[dict]) -> list[dict]:
    """`size` blog posts with 1–3 condition tags each and no summary."""
    start = datetime.date(2010, 3, 1)
    return [
        {
            "slug": f"post-{i:05d}",
            "title": f"Notes {i}: {rng.choice(conditions)['name'].lower()}",
            "date": (start + datetime.timedelta(days=i)).isoformat(),
            "tags": [c["name"] for c in rng.sample(conditions, rng.randint(1, 3))],
            "body": plain_body(rng, i),
        }
        for i in range(size)
    ]


def _write_conditions(folder: Path, conditions: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for c in conditions:
        (folder / f"{c['slug']}.md").write_text(
            f"---\nname: {c['name']}\naliases: [{', '.join(c['aliases'])}]\n"
            f"codes: [{', '.join(c['codes'])}]\nbody_areas: [{c['area']}]\nreviewed: 2026-11-01\n"
            "red_flags: [weakness in a leg]\nsee_a_doctor: [the pain lasts more than a week]\n"
            f"---\nWhat {c['name'].lower()} is, and how neuromuscular therapy approaches it.\n",
            encoding="utf-8",
        )


def _yaml_header(p: dict) -> list[str]:
    return [
        f'title: "{p["title"]}"',
        f"date: {p['date']}",
        f"slug: {p['slug']}",
        f"tags: [{', '.join(p['tags'])}]",
    ]


def _write_cases(roots: dict[str, Path], size: int, seed: int) -> None:
    rng = random.Random(seed + size)
    conditions = vocabulary(rng)
    _write_conditions(roots["casebook"] / "conditions", conditions)
    for root in roots.values():
        (root / "cases").mkdir(parents=True, exist_ok=True)
    summary = "A synthetic case for the benchmark."
    for p in case_posts(rng, size, conditions):
        yaml = [*_yaml_header(p), f"summary: {summary}"]
        plain = [
            f"Title: {p['title']}",
            f"Date: {p['date']}",
            f"Slug: {p['slug']}",
            f"Tags: {', '.join(p['tags'])}",
            f"Summary: {summary}",
        ]
        if p["follows"]:
            yaml.append(f"follows: {p['follows']}")
            plain.append(f"Follows: {p['follows']}")
        if p["case"]:
            yaml += [
                "case:",
                f"  client: {client_of(p)}",
                "  consent: true",
                "  presenting_complaint: Pain.",
                "  findings: Trigger points.",
                "  interventions: Neuromuscular therapy and stretches.",
                f"  sessions: {p['sessions']}",
                "  outcome: Better.",
                f"  outcome_status: {p['outcome_status']}",
                "  follow_up: None needed.",
            ]
        name, body = f"{p['slug']}.md", p["body"] + "\n"
        framed = "---\n" + "\n".join(yaml) + "\n---\n" + body
        (roots["casebook"] / "cases" / name).write_text(framed, encoding="utf-8")
        (roots["hugo"] / "cases" / name).write_text(framed, encoding="utf-8")
        plain_text = "\n".join(plain) + "\n\n" + body
        (roots["stock"] / "cases" / name).write_text(plain_text, encoding="utf-8")


def _write_plain(roots: dict[str, Path], size: int, seed: int) -> None:
    rng = random.Random(seed + size)
    conditions = vocabulary(rng)
    _write_conditions(roots["casebook"] / "conditions", conditions)
    for root in roots.values():
        (root / "posts").mkdir(parents=True, exist_ok=True)
    for p in plain_posts(rng, size, conditions):
        header = [
            f"Title: {p['title']}",
            f"Date: {p['date']} 09:30",
            "Category: Blog",
            f"Tags: {', '.join(p['tags'])}",
            f"Slug: {p['slug']}",
            "Author: Metro-West Neuromuscular Therapy",
        ]
        text = "\n".join(header) + "\n\n" + p["body"] + "\n"
        for side in ("casebook", "stock"):
            (roots[side] / "posts" / f"{p['slug']}.md").write_text(text, encoding="utf-8")
        # Hugo reads YAML front matter only, and links by its own paths.
        body = p["body"].replace("({filename}/posts/", "(/posts/").replace(".md)", "/)")
        framed = "---\n" + "\n".join(_yaml_header(p)) + "\n---\n" + body + "\n"
        (roots["hugo"] / "posts" / f"{p['slug']}.md").write_text(framed, encoding="utf-8")


# One client per post: a series (posts linked by `follows:`, consecutive here) may hold one
# case per client, so neighbours never share one.
CLIENTS = ("Sam", "Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo")


def client_of(post):
    """A pseudonym like the practice's own ("Sam T."), different for neighbouring posts."""
    number = int(post["slug"].rsplit("-", 1)[1])
    return f"{CLIENTS[number % len(CLIENTS)]} {chr(ord('A') + number // len(CLIENTS) % 26)}."


def write_corpus(folder: Path, size: int, corpus: str = "cases", seed: int | None = None):
    """Write one corpus for every builder; the content folder of each, by builder."""
    roots = {side: folder / side / "content" for side in ("casebook", "stock", "hugo")}
    if corpus == "cases":
        _write_cases(roots, size, SEED if seed is None else seed)
    elif corpus == "plain":
        _write_plain(roots, size, PLAIN_SEED if seed is None else seed)
    else:
        raise ValueError(f"no corpus {corpus!r}; one of {', '.join(CORPORA)}")
    return roots
