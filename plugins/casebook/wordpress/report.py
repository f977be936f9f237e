"""What the practitioner reads after an import: every item accounted for, and what to do next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .images import Brought
from .links import Missing
from .plan import HELD_STATUSES, Planned, group
from .wxr import Item

# What happened to an item that was planned: a new file, a filled empty one, the same file as
# last time, or nothing written (with the reason).
WRITTEN = ("written", "filled")


@dataclass(frozen=True)
class Outcome:
    """What became of one item of the export."""

    item: Item
    what: str  # "written", "filled", "unchanged", "skipped" or "left"
    planned: Planned | None = None
    why: str = ""


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _items_line(label: str, outcomes: Sequence[Outcome]) -> str | None:
    if not outcomes:
        return None
    counts = Counter(o.what for o in outcomes)
    cases = sum(1 for o in outcomes if o.planned and o.planned.kind == "case" and o.what in WRITTEN)
    parts = []
    written = counts["written"] + counts["filled"]
    if written:
        parts.append(
            f"{written} imported" + (f" ({_n(cases, 'case')}, held back)" if cases else "")
        )
    if counts["unchanged"]:
        parts.append(f"{counts['unchanged']} already in content/ (left as they are)")
    if counts["skipped"]:
        parts.append(f"{counts['skipped']} skipped (the reason is above)")
    left = Counter(o.why for o in outcomes if o.what == "left")
    parts += [f"{count} not imported: {why}" for why, count in left.items()]
    return f"  {label}: {len(outcomes)}: " + "; ".join(parts)


def accounting(
    items: Sequence[Item],
    outcomes: Sequence[Outcome],
    brought: dict[str, Brought],
    attachment_paths: dict[str, str],
) -> list[str]:
    """One line per kind of item in the export, saying what became of each."""
    by_group: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_group.setdefault(group(outcome.item), []).append(outcome)
    lines = ["What the export held, and what became of it:"]
    for key, label in (("post", "posts"), ("page", "pages")):
        line = _items_line(label, by_group.get(key, []))
        if line:
            lines.append(line)
    imported = [o for o in outcomes if o.planned and o.what != "skipped"]
    held = Counter(o.item.status for o in imported if o.item.status in HELD_STATUSES)
    drafts = sum(count for status, count in held.items() if status != "private")
    if drafts:
        lines.append(
            f"  drafts: {drafts} (drafts, pending or scheduled in WordPress): kept as "
            "`status: draft`, never published until you change it"
        )
    if held["private"]:
        lines.append(
            f"  private: {held['private']}: kept as `status: draft`; they were never public"
        )
    protected = [o for o in imported if o.item.password]
    if protected:
        lines.append(
            f"  password-protected: {len(protected)}: kept as `status: draft`; only those "
            "with the password could read them: "
            + ", ".join(o.planned.relpath for o in protected if o.planned)
        )
    other = by_group.get("other", [])
    if other:
        types = Counter(o.item.post_type[:40] for o in other)
        named = ", ".join(f"'{t}': {n}" for t, n in sorted(types.items()))
        lines.append(
            (_items_line("other post types", other) or "")
            + f" ({named}), as draft posts: publish or delete each"
        )
    lines += _attachments(by_group.get("attachment", []), brought, attachment_paths)
    comments = sum(i.comments for i in items)
    if comments:
        lines.append(f"  comments: {comments}: not imported, by design: a case site publishes none")
    for key, label in (("menu", "menu items"), ("internal", "revisions and other records")):
        found = by_group.get(key, [])
        if found:
            lines.append(f"  {label}: {len(found)}: not imported, by design: {found[0].why}")
    return lines


def _attachments(
    outcomes: Sequence[Outcome], brought: dict[str, Brought], paths: dict[str, str]
) -> list[str]:
    lines = []
    if outcomes:
        used = [
            brought[paths[o.item.post_id]] for o in outcomes if paths.get(o.item.post_id) in brought
        ]
        home = sum(1 for b in used if b.how != "missing")
        missing = len(used) - home
        unused = len(outcomes) - len(used)
        parts = [f"{home} shown in imported posts, now in content/images/"] if home else []
        if missing:
            parts.append(f"{missing} shown in imported posts but missing (listed above)")
        if unused:
            parts.append(f"{unused} not shown in any imported post: not copied")
        lines.append(f"  attachments: {len(outcomes)}: " + "; ".join(parts))
    if brought:
        how = Counter(b.how for b in brought.values())
        parts = [f"{n} {how_}" for how_, n in sorted(how.items())]
        lines.append(f"  images and files the posts show: {len(brought)}: " + ", ".join(parts))
    return lines


def missing_lines(missing: Sequence[Missing], content: str) -> list[str]:
    """Every image that could not be brought home, by post and old address."""
    if not missing:
        return []
    lines = [
        "Missing images: each post below now links to the name after the arrow; save the "
        "image there (from a backup of the old site), or remove it from the post:"
    ]
    seen = set()
    for m in missing:
        if (m.post, m.url) not in seen:
            seen.add((m.post, m.url))
            lines.append(
                f"  {content}/{m.post}: {m.url} -> {content}/images/{m.brought.name} "
                f"({m.brought.why})"
            )
    return lines


def next_steps(content: str, cases: Sequence[Planned], unmapped: Sequence[str]) -> list[str]:
    """What the practitioner does next, in plain words."""
    lines = []
    if cases:
        lines.append(
            f"Held back: {_n(len(cases), 'case')} from the old blog, each a draft with "
            "`consent: false`, so none is published:"
        )
        for planned in cases:
            client = (planned.case or {}).get("client")
            lines.append(
                f"  {content}/{planned.relpath}" + (f" (client: {client})" if client else "")
            )
        lines.append(
            "  For each: once the client's written consent is on file, set `consent: true`, "
            "fill in the case block and the summary, check that nothing in the text names or "
            "places the client, then remove `status: draft`."
        )
    if unmapped:
        lines.append(
            "Not a known condition, kept as a tag: "
            + ", ".join(f"'{t}'" for t in unmapped[:30])
            + (f" and {len(unmapped) - 30} more" if len(unmapped) > 30 else "")
            + "; change the tag, add it as an alias in content/conditions/, or start a new "
            "condition with make condition (make check prints the command for each)"
        )
    lines.append(
        "Next: run `make check`. It reads every imported file like any other: the privacy "
        "lint (names, places, dates), the images' EXIF data, unknown conditions, and what each "
        "case still needs; fix what it lists before `make publish`."
    )
    return lines
