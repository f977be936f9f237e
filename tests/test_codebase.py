"""The codebase's habits: lint, format and types pass, and the Makefile runs no user value."""

import ast
import os
import subprocess
import sys
import tomllib

import pytest
from conftest import ROOT


def tool(*args):
    """Run a Python tool from the venv at the project root; its exit code and all it printed."""
    result = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "."),
        ("ruff", "format", "--check", "."),
        ("mypy",),  # the files and settings are in pyproject.toml [tool.mypy]
    ],
    ids=" ".join,
)
def test_the_codebase_passes(command):
    code, output = tool(*command)
    assert code == 0, output


def imports_of(path):
    """The top-level names of every module a Python file imports (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level}
    return {name.split(".")[0] for name in names if name}


def test_mypy_checks_every_module_that_does_not_import_pelican():
    plugin = ROOT / "plugins" / "casebook"
    listed = [
        ROOT / f
        for f in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]["files"]
    ]
    pure = [p for p in sorted(plugin.rglob("*.py")) if "pelican" not in imports_of(p)]
    unchecked = [
        str(p.relative_to(ROOT)) for p in pure if not any(p == f or f in p.parents for f in listed)
    ]
    assert len(pure) > 30  # the rule book, the lint, the commands and the domain modules
    assert unchecked == []


def test_mypy_settings_reject_half_typed_code(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def half(count: int, label):\n"
        "    return label * count\n\n\n"
        "def bare(items: list) -> int:\n"
        "    return len(items)\n\n\n"
        "def maybe(count: int = None) -> int:\n"
        "    return count\n",
        encoding="utf-8",
    )
    code, output = tool("mypy", "--config-file", "pyproject.toml", str(sample))
    assert code == 1
    assert "sample.py:1: error: Function is missing a type annotation for one or more" in output
    assert 'sample.py:5: error: Missing type arguments for generic type "list"' in output
    assert "sample.py:9: error: Incompatible default for parameter" in output


def make(*args, env=None):
    """Real make at the project root; -o: the venv set-up step never runs pip here."""
    return subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def marker():
    """A file a hostile value would create in make's working folder; never left behind."""
    path = ROOT / "casebook-injected"
    path.unlink(missing_ok=True)
    yield path
    path.unlink(missing_ok=True)


def hostile(marker):
    """A value that runs `touch marker` if make or a shell ever reads it as code."""
    return f"a`touch {marker}`$(shell touch {marker})$$(touch {marker}) \"';\\ b"


def test_a_command_line_value_no_target_uses_is_never_expanded(tmp_path):
    # GNU make expands every exported command-line value for each recipe, used or not.
    marker = tmp_path / "injected"
    result = make("help", f"UNUSED={hostile(marker)}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()


def test_help_prints_a_command_line_port_verbatim(tmp_path):
    marker = tmp_path / "injected"
    result = make("help", f"PORT={hostile(marker)}")
    assert f"http://127.0.0.1:{hostile(marker)}\n" in result.stdout
    assert not marker.exists()


def test_help_prints_a_port_from_the_environment_verbatim(tmp_path):
    marker = tmp_path / "injected"
    result = make("help", env={"PORT": hostile(marker)})
    assert f"http://127.0.0.1:{hostile(marker)}\n" in result.stdout
    assert not marker.exists()


def test_rsync_upload_copies_to_a_hostile_target_by_its_literal_name(tmp_path, marker):
    # A stand-in publish folder as make publish leaves it: a link to a complete build.
    build = tmp_path / "published.builds" / "1"
    (build / "site").mkdir(parents=True)
    (build / "site" / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (build / "casebook-complete").write_text("built\n", encoding="utf-8")
    (tmp_path / "published").symlink_to("published.builds/1/site")
    target = tmp_path / hostile(marker.name)  # a folder name: no "/" in it
    # -o publish: the copy step alone.
    result = make(
        "-o", "publish", "rsync_upload", f"PUBLISHDIR={tmp_path / 'published'}",
        f"SSH_TARGET={target}",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "index.html").read_text(encoding="utf-8") == "<p>home</p>"
    assert not marker.exists()


@pytest.mark.parametrize("variable", ["GITHUB_REMOTE", "GITHUB_PAGES_BRANCH"])
def test_github_refuses_a_remote_or_branch_git_would_read_as_an_option(tmp_path, variable):
    marker = tmp_path / "injected"
    # A folder that is not there: were the value let through, ghp-import would stop at once.
    absent = tmp_path / "absent"
    result = make(
        "-o",
        "publish",
        "github",
        f"PUBLISHDIR={absent}",
        f"{variable}=--receive-pack=touch {marker}",
    )
    assert result.returncode == 2
    assert result.stdout == (
        "make github: GITHUB_REMOTE and GITHUB_PAGES_BRANCH must be given and not start with "
        '"-"; nothing was built\n'
    )
    assert not marker.exists()
