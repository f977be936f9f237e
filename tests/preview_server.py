"""`make devserver`'s own process, for the tests: on a free port of 127.0.0.1, stopped after."""

import http.client
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from printed import CasebookProcess

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
CACHE_PATH = {cache!r}
"""


class DevServer(CasebookProcess):
    """The real dev server over a copy of some content; its output lines, as it prints them."""

    def __init__(self, content: Path, work: Path, theme: Path | None = None):
        self.content = content
        self.output = work / "output"
        settings = work / "preview_settings.py"
        settings.write_text(
            SETTINGS.format(
                root=str(ROOT),
                theme=str(theme or ROOT / "theme"),
                plugins=str(ROOT / "plugins"),
                cache=str(work / "cache"),
            ),
            encoding="utf-8",
        )
        command = ["casebook.preview.devserver", "--settings", str(settings)]
        command += ["--output", str(self.output), "--port", "0", "--", str(content)]
        self.start(command, ROOT)
        started = self.wait_for(r"Serving the preview on (http://127\.0\.0\.1:\d+/)", 180)
        self.url = re.search(r"http://\S+/", started).group()

    def get(self, path: str) -> http.client.HTTPResponse:
        address = urlsplit(self.url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        connection.request("GET", path)
        return connection.getresponse()

    def events(self) -> "Events":
        return Events(self)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)


class Events:
    """The server's build event stream, read as a browser's EventSource reads it."""

    def __init__(self, server: DevServer):
        self.response = server.get("/.casebook/events")
        self.response.fp.raw._sock.settimeout(120)

    def next_build(self) -> str:
        """The name of the next build announced."""
        event = data = None
        while True:
            line = self.response.readline().decode("utf-8")
            if not line:
                raise AssertionError("the event stream closed")
            line = line.rstrip("\n")
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: "):
                data = line.removeprefix("data: ")
            elif line == "" and event == "build":
                return data


def copy_content(source: Path, work: Path) -> Path:
    content = work / "content"
    shutil.copytree(source, content)
    return content
