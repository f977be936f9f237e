"""A front matter YAML cannot read whole, read one top-level key at a time.

One mistake (an unquoted colon in a title) then costs only its own key: the rule book still
judges the body and every other key in the same run, and the build still knows the file's
slug and conditions. Each piece is read with source.py's own scanner and its limits.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .problems import Problem
from .source import _not_a_date, yaml_problem
from .yamlscan import LOADER, _scan, _TooBigError

# A line that starts a top-level key: `title: …`, `case:`. Any other line not indented, not a
# list item and not a comment starts a piece of its own too (and is where YAML fails).
TOP_KEY = re.compile(r"^([A-Za-z0-9_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)")


def _pieces(header: str) -> list[tuple[int, str | None, str]]:
    """The header cut before each line at the margin: (first line, its key or None, text).

    Each piece is padded with the lines before it, so YAML reports the header's own lines.
    """
    rows = header.split("\n")
    starts = [
        i for i, row in enumerate(rows)
        if row.strip() and not row[0].isspace() and not row.startswith(("-", "#"))
    ]  # fmt: skip
    pieces = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(rows)
        found = TOP_KEY.match(rows[start])
        text = "\n" * start + "\n".join(rows[start:end]) + "\n"
        pieces.append((start, found.group(1).lower() if found else None, text))
    return pieces


def key_by_key(path: str, header: str, opening: int) -> tuple[Any, ...] | None:
    """What a front matter YAML cannot read whole still says, read one top-level key at a time.

    (meta, lines, values, problems, unread keys), with one problem for each piece that cannot be
    read; None if the pieces cannot be told apart (nothing but one broken piece), so the
    whole file's own message stands. The limits of _scan apply to every piece.
    """
    pieces = _pieces(header)
    if len(pieces) < 2:
        return None
    meta: dict[str, Any] = {}
    lines: dict[tuple[str, ...], int] = {}
    values: dict[Any, Any] = {}  # where each scalar stands, as _scan records it
    problems: list[Problem] = []
    unread: list[str] = []
    for start, key, text in pieces:
        try:
            found_lines, found_values, found_problems = _scan(path, text, opening)
            data = yaml.load(text, Loader=LOADER) if found_lines is not None else None  # noqa: S506
        except _TooBigError:
            return None  # an attack, not a typo: nothing of it is read
        except yaml.MarkedYAMLError as err:
            line, message = yaml_problem(err)
            problems.append(Problem(path, message, opening + (line if line is not None else start)))
            unread.append(key or "")
            continue
        except (yaml.YAMLError, ValueError) as err:
            message = _not_a_date(err) if isinstance(err, ValueError) else f"{err}"
            problems.append(Problem(path, message, opening + start))
            unread.append(key or "")
            continue
        if not isinstance(data, dict) or found_lines is None:
            continue
        for name, value in data.items():
            name = str(name).lower()
            if name in meta:
                continue  # given twice: _scan of the whole never got that far; one is enough
            if value is not None:
                meta[name] = value
        lines.update({k: v for k, v in found_lines.items() if k not in lines})
        values.update({k: v for k, v in found_values.items() if k not in values})
        problems += found_problems
    return meta, lines, values, problems, [k for k in unread if k]
