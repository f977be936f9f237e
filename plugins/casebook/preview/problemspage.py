"""Preview only: problems.html, every problem of the site, and the settings that switch it on."""

from __future__ import annotations

import os
from dataclasses import dataclass

from pelican.generators import Generator

from ..content.problems import Problem

# Preview features, all off unless the site turns them on; a strict (publish) build
# never shows any of them, whatever the settings file it inherits says.
PREVIEW_SETTINGS = {
    "CASEBOOK_PREVIEW": False,  # each page shows its file's problems; problems.html
    "CASEBOOK_PROBLEMS_SAVE_AS": "",  # where problems.html goes
    "CASEBOOK_LIVE_RELOAD": False,  # pages load the preview server's reload script
}
PREVIEW_STATIC = "preview"  # the theme's folder of preview-only static files


def preview_settings(pelican) -> None:
    """Fix the preview settings for this build: off in a strict build, whatever they say."""
    settings = pelican.settings
    for key, default in PREVIEW_SETTINGS.items():
        settings.setdefault(key, default)
    if settings.get("CASEBOOK_STRICT") or not settings["CASEBOOK_PREVIEW"]:
        settings.update(PREVIEW_SETTINGS)
    # The preview's stylesheet is copied into preview builds only: a published page never
    # loads it, and the case pages' byte budget is spent on what readers see.
    paths = [p for p in settings.get("THEME_STATIC_PATHS", ["static"]) if p != PREVIEW_STATIC]
    theme = settings.get("THEME", "")
    if settings["CASEBOOK_PREVIEW"] and os.path.isdir(os.path.join(theme, PREVIEW_STATIC)):
        paths.append(PREVIEW_STATIC)
    settings["THEME_STATIC_PATHS"] = paths


@dataclass(frozen=True)
class ProblemFile:
    """One file's problems, and the address of its page if it has one."""

    path: str
    url: str | None
    problems: list[Problem]


def pages_by_path(context, paths) -> dict[str, str]:
    """The URL of the page of each file in `paths` (relative to the content folder) that has one."""
    found = {}
    for kind in ("articles", "drafts", "hidden_articles", "pages", "draft_pages", "hidden_pages"):
        for content in context.get(kind, ()):
            path = content.relative_source_path.replace(os.sep, "/")
            if path in paths:
                found[path] = content.url
    for condition in context.get("conditions", ()):
        if condition.relpath in paths:
            found[condition.relpath] = condition.url
    return found


def problem_files(problems: list[Problem], urls: dict[str, str]) -> list[ProblemFile]:
    """Problems by file, in `make check`'s order, each file named as `make check` names it."""
    files: dict[str, list[Problem]] = {}
    for problem in problems:
        files.setdefault(problem.path, []).append(problem)
    return [
        ProblemFile(found[0].shown or path, urls.get(path), found) for path, found in files.items()
    ]


class ProblemsGenerator(Generator):
    """Writes problems.html in a preview build."""

    def generate_output(self, writer):
        save_as = self.settings.get("CASEBOOK_PROBLEMS_SAVE_AS")
        judged = getattr(self.context.get("casebook"), "judged", None)
        if not self.settings.get("CASEBOOK_PREVIEW") or not save_as or judged is None:
            return
        problems = judged.problems
        writer.write_file(
            save_as,
            self.get_template("problems"),
            self.context,
            problem_files=problem_files(
                problems, pages_by_path(self.context, {p.path for p in problems})
            ),
            problem_count=len(problems),
            problem_errors=sum(p.is_error for p in problems),
            template_name="problems",
            url=save_as,
            page_name=os.path.splitext(save_as)[0],
            relative_urls=self.settings["RELATIVE_URLS"],
        )


def add_generator(pelican):
    """problems.html is written by a generator of its own, once the rule book has judged."""
    return ProblemsGenerator
