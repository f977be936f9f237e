"""`make write`: the preview server, the desk beside it on 127.0.0.1, and the browser opened.

    python -m casebook.desk [-s pelicanconf.py] [-o output] [--port 8001] [--preview-port 8000]
                            [--no-browser] content

The preview is `make devserver`'s own (casebook.preview.devserver), run as a child process;
the desk serves its forms, checks as the practitioner types, and publishes through the
Makefile. Ctrl-C stops both.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import webbrowser
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from ..content.problems import shown
from ..content.settings import load
from ..icd10 import CodeBook
from .app import make_app
from .checking import Checker
from .publishing import Publisher
from .state import Desk


def bound(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0: a free one); OSError if the port is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", port))
    sock.listen(64)
    return sock


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_preview(
    content: str, settings: str | None, output: str, port: int
) -> subprocess.Popen[bytes]:
    """`make devserver`'s preview as a child process, printing to this terminal."""
    command = [
        sys.executable,
        "-m",
        "casebook.preview.devserver",
        "--output",
        output,
        "--port",
        str(port),
    ]
    if settings:
        command += ["--settings", settings]
    plugins = str(Path(__file__).resolve().parents[2])
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")])),
    }
    # A list of arguments, no shell: the folders are the ones `make write` was given.
    return subprocess.Popen([*command, "--", content], env=environment)  # noqa: S603


def warm(checker: Checker) -> None:
    """Judge every file once in the background, so the first check while typing is quick."""
    threading.Thread(target=checker.judge, name="desk-warm", daemon=True).start()


def _stopped(number: int, frame: object) -> None:
    raise SystemExit(0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="casebook.desk", description=__doc__)
    parser.add_argument("content", help="the content folder")
    parser.add_argument("-s", "--settings", help="settings file (default: ./pelicanconf.py)")
    parser.add_argument("-o", "--output", default="output", help="the preview's output folder")
    parser.add_argument("--port", type=int, default=8001, help="the desk's port (0: any free one)")
    parser.add_argument("--preview-port", type=int, default=8000, help="the preview's port")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    args = parser.parse_args(argv)
    for name in ("port", "preview_port"):
        if not 0 <= getattr(args, name) <= 65535:
            parser.error(f"--{name.replace('_', '-')}: give a number from 1 to 65535")
    content = Path(args.content)
    if not content.is_dir():
        print(f"write: {args.content}: no such folder; give the content folder, e.g. content")
        return 2
    settings_file = args.settings or (
        "pelicanconf.py" if os.path.exists("pelicanconf.py") else None
    )
    settings = load(settings_file)
    try:
        sock = bound(args.port)
    except OSError as error:
        print(
            f"write: port {args.port} is in use ({error.strerror}); stop what uses it, or give "
            f"another, e.g. make write DESK_PORT={args.port + 1 if args.port < 65535 else 8002}",
            file=sys.stderr,
        )
        return 1
    port = sock.getsockname()[1]
    preview_port = args.preview_port or free_port()
    codes = CodeBook()
    checker = Checker(content, settings, codes)
    cache = Path(settings.get("CACHE_PATH") or "cache")
    desk = Desk(
        root=Path.cwd(),
        content=content,
        content_given=args.content,
        settings=settings,
        checker=checker,
        publisher=Publisher(Path.cwd(), args.content, cache),
        preview_url=f"http://127.0.0.1:{preview_port}/",
    )
    preview = start_preview(args.content, settings_file, args.output, preview_port)
    warm(checker)
    url = f"http://127.0.0.1:{port}/"
    print(
        f"The desk is open at {url} (Ctrl-C stops it; the preview is at {desk.preview_url})",
        flush=True,
    )
    if not args.no_browser:
        webbrowser.open(url)
    server = uvicorn.Server(
        uvicorn.Config(make_app(desk, port), log_level="warning", lifespan="off")
    )
    # uvicorn stops on SIGTERM and then raises it again: let that end here, so the preview
    # below is stopped too and never outlives the desk.
    signal.signal(signal.SIGTERM, _stopped)
    try:
        server.run(sockets=[sock])
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        preview.terminate()
        try:
            preview.wait(timeout=10)
        except subprocess.TimeoutExpired:
            preview.kill()
        checker.close()
        print(f"write: stopped; everything saved is in {shown(content)}", file=sys.stderr)
    return 0
