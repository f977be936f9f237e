"""`make write`'s own process for the tests: a copy of the project, the desk on a free port."""

import http.client
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from printed import CasebookProcess

ROOT = Path(__file__).resolve().parent.parent
OLD = 946684800  # 2000-01-01: requirements older than the venv, so make installs nothing


def make_project(work: Path, content: Path | None = None) -> Path:
    """A project folder as the practitioner has one: Makefile, settings, theme, content."""
    project = work / "project"
    project.mkdir()
    for name in ("Makefile", "pelicanconf.py", "publishconf.py"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("requirements.txt", "requirements-dev.txt", "requirements-build.txt"):
        shutil.copy2(ROOT / name, project / name)
        os.utime(project / name, (OLD, OLD))
    for name in ("theme", "plugins", ".venv"):
        (project / name).symlink_to(ROOT / name)
    shutil.copytree(content or ROOT / "content", project / "content")
    return project


class DeskServer(CasebookProcess):
    """The desk (and its preview) running over a project; what it printed."""

    def __init__(self, project: Path):
        self.project = project
        command = ["casebook.desk", "--no-browser", "--port", "0"]
        command += ["--preview-port", "0", "--", "content"]
        self.start(command, project)
        found = self.wait_for(r"The desk is open at (http://127\.0\.0\.1:\d+/)", 120)
        self.url, self.preview = re.findall(r"http://127\.0\.0\.1:\d+/", found)
        self.port = int(self.url.rstrip("/").rsplit(":", 1)[1])
        self.token = self.token_of(self.get("/")[2])

    @staticmethod
    def token_of(html: str) -> str:
        return BeautifulSoup(html, "lxml").find("meta", attrs={"name": "desk-token"})["content"]

    def request(self, method, path, body=b"", headers=None, host=None):
        """(status, headers, text) of one request, with the desk's own Host unless given."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        sent = {"Host": host or f"127.0.0.1:{self.port}", **(headers or {})}
        connection.request(method, path, body=body, headers=sent)
        answer = connection.getresponse()
        text = answer.read().decode("utf-8", "replace")
        connection.close()
        return answer.status, dict(answer.getheaders()), text

    def get(self, path, **options):
        return self.request("GET", path, **options)

    def post(self, path, fields, token=True, origin=True, headers=None, **options):
        """A form post as the desk's own page sends it (token and Origin unless told not)."""
        from urllib.parse import urlencode

        pairs = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if token:
            pairs.append(("token", self.token))
        sent = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
        if origin:
            sent.setdefault("Origin", self.url.rstrip("/"))
        return self.request("POST", path, urlencode(pairs).encode(), sent, **options)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def desk_fixture(name: str):
    """A module's desk: one server on a copy of the project, stopped after the module."""

    @pytest.fixture(scope="module")
    def desk(tmp_path_factory):
        server = DeskServer(make_project(tmp_path_factory.mktemp(name)))
        yield server
        server.stop()

    return desk


def form_fields(html: str, form_id: str = "edit-form") -> list[tuple[str, str]]:
    """The name/value pairs a browser would send for a form, as the page has it filled."""
    form = BeautifulSoup(html, "lxml").find("form", id=form_id)
    pairs = []
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.get("type") in ("submit", "file"):
            continue
        if element.get("type") in ("checkbox", "radio") and not element.has_attr("checked"):
            continue
        if element.name == "textarea":
            value = element.text
            value = value[1:] if value.startswith("\n") else value  # HTML drops a first newline
        elif element.name == "select":
            chosen = element.find("option", selected=True) or element.find("option")
            value = chosen.get("value", chosen.text) if chosen else ""
        else:
            value = element.get("value", "")
        pairs.append((name, value))
    return pairs
