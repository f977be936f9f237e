"""Publishing from the desk: the target checked, refused on problems, built, shown, shipped."""

import json
import time

from bs4 import BeautifulSoup
from desk_server import desk_fixture

POST = "posts/home-care-for-heel-pain-greg-h.md"


desk = desk_fixture("publish")


def wait_until(desk, steps, timeout=300):
    """The publish job once its step is one of `steps`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = json.loads(desk.get("/publish/progress")[2])
        if job["step"] in steps:
            return job
        time.sleep(0.5)
    raise AssertionError(f"the publish never reached {steps}: {job}")


def publish_page(desk):
    status, _h, html = desk.get("/publish")
    assert status == 200
    return BeautifulSoup(html, "lxml")


def test_publishing_from_the_desk(desk, tmp_path):
    project, online = desk.project, tmp_path / "online"
    # No target yet: nothing is built.
    assert desk.post("/publish", {})[0] == 303
    assert "Choose where the site goes first" in publish_page(desk).get_text()
    # A target that cannot be used is refused and not kept.
    status, _h, html = desk.post("/target", {"how": "rsync", "rsync": str(online)})
    assert status == 422 and "no such folder" in html
    assert not (project / "deploy.json").exists()
    online.mkdir()
    assert desk.post("/target", {"how": "rsync", "rsync": str(online)})[0] == 303
    assert json.loads((project / "deploy.json").read_text())["rsync"] == str(online)

    # A problem anywhere refuses the publish, with the problem listed in make check's words.
    path = project / "content" / POST
    clean = path.read_text(encoding="utf-8")
    path.write_text(clean + "\nCall Greg on 617-555-0123.\n", encoding="utf-8")
    assert desk.post("/publish", {})[0] == 303
    page = publish_page(desk)
    listed = [li.get_text() for li in page.select(".problems li")]
    assert any("home-care-for-heel-pain-greg-h.md" in t and "617-555-0123" in t for t in listed)
    assert "fix these problems first" in page.get_text()
    assert not (project / "output-publish").exists()

    # Fixed: the site is built into its own folder and every page is shown as new.
    path.write_text(clean, encoding="utf-8")
    assert desk.post("/publish", {})[0] == 303
    job = wait_until(desk, {"built", "failed", "refused"})
    assert job["step"] == "built", "\n".join(job["lines"])
    page = publish_page(desk)
    new = [li.get_text() for li in page.select(".changes .addresses li")]
    assert "/" in new and "/heel-pain-in-a-runner-greg-h/" in new
    assert not list(online.iterdir())  # nothing online before the practitioner agrees
    assert (project / "output").is_dir() and (project / "output-publish" / "index.html").is_file()

    assert desk.post("/publish/ship", {})[0] == 303
    job = wait_until(desk, {"done", "failed"})
    assert job["step"] == "done", "\n".join(job["lines"])
    assert (online / "heel-pain-in-a-runner-greg-h" / "index.html").is_file()
    assert not (online / "drafts").exists() and not (online / "problems.html").exists()
    shipped = " ".join(
        p.read_text(encoding="utf-8", errors="replace") for p in online.rglob("*.html")
    )
    assert "desk-token" not in shipped and "Writing desk" not in shipped
    assert "Published: the site is now on" in publish_page(desk).get_text()

    # Publishing again shows only what changed since.
    path.write_text(clean.replace("## ", "## Again: ", 1), encoding="utf-8")
    assert desk.post("/publish", {})[0] == 303
    assert wait_until(desk, {"built", "failed"})["step"] == "built"
    changes = publish_page(desk).select_one(".changes")
    headings = [h.get_text() for h in changes.find_all("h3")]
    assert "New pages" not in " ".join(headings)
    changed = [li.get_text() for li in changes.select(".addresses li")]
    assert "/home-care-for-heel-pain-greg-h/" in changed
    assert len(changed) < 10
