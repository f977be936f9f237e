"""The privacy lint: each Safe Harbor check, then recall and false alarms over a corpus."""

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from PIL import ExifTags, Image

from casebook.privacy import (
    addresses,
    ages,
    dates,
    emails,
    image_findings,
    image_references,
    lint_case,
    lint_source,
    names,
    phones,
    pseudonym,
    record_numbers,
    urls,
)

CORPUS = Path(__file__).resolve().parents[1] / "privacy_corpus"
KINDS = (
    "pseudonym",
    "name",
    "phone",
    "email",
    "address",
    "date",
    "age",
    "record-number",
    "url",
    "image-exif",
)
# Condition names and aliases, as the site's vocabulary would supply them.
KNOWN_TERMS = (
    "Restless legs syndrome",
    "RLS",
    "Restless leg syndrome",
    "Willis-Ekbom disease",
    "Piriformis syndrome",
    "Scoliosis",
    "Sciatica",
    "sciatic nerve entrapment",
    "Low back pain",
    "lumbago",
    "Leg pain",
    "Buttock pain",
    "Femoral nerve entrapment",
    "Myofascial pain",
    "trigger points",
    "myofascial pain syndrome",
    "Chronic pain",
    "Structural asymmetry",
    "leg-length difference",
    "Thoracic outlet syndrome",
    "Carpal tunnel syndrome",
    "TMJ dysfunction",
    "Tension headache",
    "Frozen shoulder",
    "Plantar fasciitis",
    "Neck pain",
)


def front_matter(text):
    """The YAML front matter of a corpus post."""
    return yaml.safe_load(text.split("---")[1]) or {}


def without_answer_key(text):
    """The post with its `planted:` block blanked line for line, as a reader would see it."""
    lines, inside = text.split("\n"), False
    for i, line in enumerate(lines):
        if line.startswith("planted:"):
            inside = True
        elif inside and not line.startswith((" ", "-")):
            inside = False
        if inside:
            lines[i] = ""
    return "\n".join(lines)


def lint_post(path):
    """What the site would report for one post: its text, then the images it shows."""
    text = path.read_text(encoding="utf-8")
    meta = front_matter(text)
    findings = lint_source(
        without_answer_key(text), allowed=meta.get("privacy_ok", []), known_terms=KNOWN_TERMS
    )
    for line, target in image_references(text):
        findings += [replace(f, line=line) for f in image_findings(path.parent / target)]
    return findings


def corpus(kind):
    """The posts of one corpus folder, 'planted' or 'clean'."""
    return sorted((CORPUS / kind).glob("*.md"))


# --- the corpus itself ------------------------------------------------------


def test_the_corpus_is_large_enough_and_covers_every_kind_twice():
    planted = [p for path in corpus("planted") for p in front_matter(path.read_text())["planted"]]
    assert len(corpus("planted")) >= 12
    assert len(corpus("clean")) >= 12
    counts = Counter(p["kind"] for p in planted)
    assert {kind: counts[kind] for kind in KINDS if counts[kind] < 2} == {}


@pytest.mark.parametrize("path", corpus("planted"), ids=lambda p: p.name)
def test_each_planted_identifier_is_on_the_line_its_answer_key_says(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for plant in front_matter(path.read_text())["planted"]:
        assert str(plant["text"]) in lines[plant["line"] - 1], plant


# --- the measurement ------------------------------------------------------------


def test_recall_over_planted_posts_and_false_alarms_over_clean_posts(record_property):
    total = found = 0
    missed, extra = [], []
    for path in corpus("planted"):
        findings = lint_post(path)
        reported = {(f.line, f.kind) for f in findings}
        plants = front_matter(path.read_text())["planted"]
        for plant in plants:
            total += 1
            if (plant["line"], plant["kind"]) in reported:
                found += 1
            else:
                missed.append((path.name, plant))
        expected = {(p["line"], p["kind"]) for p in plants}
        extra += [(path.name, f) for f in findings if (f.line, f.kind) not in expected]
    clean_files = corpus("clean")
    alarms = [(path.name, f) for path in clean_files for f in lint_post(path)]
    recall = found / total
    print(
        f"\nprivacy lint recall {found}/{total} = {recall:.2f}; "
        f"false alarms {len(alarms)} over {len(clean_files)} clean files; "
        f"unplanted findings in planted files {len(extra)}"
    )
    for name, item in missed + alarms + extra:
        print(f"  {name}: {item}")
    record_property("privacy_recall", f"{found}/{total}")
    record_property("privacy_false_alarms", len(alarms))
    assert recall >= 0.95, missed
    assert alarms == []


# --- 1. pseudonyms ---------------------------------------------------------------------


@pytest.mark.parametrize("client", ["Krystal S.", "Dana M.", "Mary-Ann K.", "Zoë K."])
def test_a_first_name_and_initial_is_a_pseudonym(client):
    assert pseudonym(client) is None


@pytest.mark.parametrize(
    "client", ["Krystal Smith", "krystal s.", "K.S.", "Krystal", "Krystal S", "Mary Ann K."]
)
def test_anything_else_is_not(client):
    found = pseudonym(client, 8)
    assert (found.line, found.kind, found.text) == (8, "pseudonym", client)
    assert "write a first name and an initial, like 'Krystal S.'" in found.message


def test_the_client_line_of_the_case_block_is_checked():
    text = "---\ntitle: A case\ncase:\n  client: Krystal Smith  # first name + initial\n---\n"
    assert [(f.line, f.kind, f.text) for f in lint_case(text)] == [
        (4, "pseudonym", "Krystal Smith")
    ]


# --- 2. names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("She was referred by Mary Smith last spring.", ["Mary Smith"]),
        ("John Q. Public booked the appointment.", ["John Q. Public"]),
        ("Referred by Dr. Alan Grant.", ["Dr. Alan Grant"]),
        ("Her neurologist, Dr. Okafor, agreed.", ["Dr. Okafor"]),
        ("Her son, Michael O'Brien, drives her.", ["Michael O'Brien"]),
        ("Signed off by J. Smith.", ["J. Smith"]),
        ("Will Price came in on crutches.", ["Will Price"]),
        ("Krystal S. came back.", []),
        ("Krystal S. Then she stretched.", []),
        ("After Session one she slept.", []),
        ("She Was better by then.", []),
        ("## Sessions Two And Three", []),
        ("## Groin Pain In A Hockey Player", []),
        ("We used Active Isolated Stretching and Neuromuscular Therapy.", []),
        ("The Gluteus Maximus and Tensor Fasciae Latae were tender.", []),
        ("It was Piriformis Syndrome after all.", []),
        ("Thoracic Outlet Syndrome and Willis-Ekbom Disease.", []),
        ("Janet Travell's manual and Dr. Travell's charts.", []),
        ("Her doctor agreed on Monday.", []),
    ],
)
def test_names(text, found):
    assert names(text, heading=text.startswith("#")) == found


def test_known_conditions_and_allowed_phrases_are_not_names():
    text = (
        "---\ntitle: A case\nprivacy_ok: [Boston Marathon]\n---\n"
        "Before the Boston Marathon, Restless Legs Agony.\n"
    )
    assert lint_case(text, known_terms=["Restless legs agony"], allowed=["Boston Marathon"]) == []
    assert [(f.line, f.kind) for f in lint_case(text)] == [(5, "name"), (5, "name")]


def test_a_name_wrapped_over_two_lines_is_found_on_its_first_line():
    text = "She was referred by Mary\nSmith, who treats runners.\n"
    assert [(f.line, f.text) for f in lint_case(text)] == [(1, "Mary Smith")]


def test_the_title_is_linted_but_its_pseudonym_is_fine():
    text = '---\ntitle: "Restless leg syndrome pain: Treatment of Krystal S."\n---\nBody.\n'
    assert lint_case(text) == []
    sentence_case = "---\ntitle: Restless legs: treatment of Krystal Smith\n---\n"
    assert [f.text for f in lint_case(sentence_case)] == ["Krystal Smith"]


def test_a_title_case_heading_needs_a_known_given_name_or_an_initial():
    assert names("## Treating Mary Smith", heading=True) == ["Mary Smith"]
    assert names("## Treating J. Okafor", heading=True) == ["J. Okafor"]
    assert names("## Treating Krystal Smith", heading=True) == []  # a known limitation
    assert names("Treating Krystal Smith") == ["Krystal Smith"]


def test_keys_that_hold_no_prose_are_not_linted():
    text = (
        "---\ntitle: A case\ndate: 2009-06-18\nmodified: 2009-06-20\nslug: a-case\n"
        "tags: [Restless Legs Syndrome]\nprivacy_ok: [Mary Smith]\nstatus: draft\n"
        "template: case\nlang: en\ncodes: [G25.81]\nbody_areas: [Legs]\npage_order: 3\n"
        "author: Pat Jones\nfollows: mary-smith-knee\n---\nBody.\n"
    )
    assert lint_case(text) == []


# --- 3.-9. the pattern checks --------------------------------------------------------


@pytest.mark.parametrize(
    "check, text, found",
    [
        (
            phones,
            "Call (508) 555-0100, 508-555-0100, 508.555.0100 or +1 508 555 0100.",
            ["(508) 555-0100", "508-555-0100", "508.555.0100", "+1 508 555 0100"],
        ),
        (phones, "Fax 555-0199 today.", ["555-0199"]),
        (phones, "After 10 sessions in 2009, twice a week for 6 weeks, C5-C6, M79.604.", []),
        (emails, "Write to jane.doe+nmt@example.co.uk please.", ["jane.doe+nmt@example.co.uk"]),
        (emails, "She emailed us @ the front desk.", []),
        (
            addresses,
            "She lives at 12 Elm Street, near 450 Main St. in Apt 4B.",
            ["12 Elm Street", "450 Main St", "Apt 4B"],
        ),
        (
            addresses,
            "Send it to PO Box 212 or P.O. Box 9, Natick, MA 01760.",
            ["PO Box 212", "P.O. Box 9", "MA 01760"],
        ),
        (
            addresses,
            "ZIP 01760 was on the form; zip code: 02134.",
            ["ZIP 01760", "zip code: 02134"],
        ),
        (addresses, "After 12 Sessions she walked 3 miles a day.", []),
        (
            dates,
            "Seen June 18, 18 June, June 18th, 2009 and the 18th of June.",
            ["June 18", "18 June", "June 18th, 2009", "18th of June"],
        ),
        (
            dates,
            "Notes of 6/18/2009, 06/18, 2009-06-18, 18.06.2009 and 6-18-09.",
            ["6/18/2009", "06/18", "2009-06-18", "18.06.2009", "6-18-09"],
        ),
        (
            dates,
            "She started in June 2009 and again in March of 2010.",
            ["June 2009", "March of 2010"],
        ),
        (dates, "In 2009, week three, a few months later, session 4, Sessions 4-5, in June.", []),
        (dates, "Pain 7/10 down to 2/10, strength 4/5, a 1/4 inch heel lift, L4/L5, 24/7.", []),
        (
            ages,
            "A 92 years old man, aged 95, a 90-year-old, age 91, Frank, 93, came.",
            ["92 years old", "aged 95", "90-year-old", "age 91", "93"],
        ),
        (
            ages,
            "In her nineties and in his 90s; she was 101 when she stopped.",
            ["her nineties", "his 90s", "was 101"],
        ),
        (ages, "Age 45, an 89-year-old, aged 90 or older, 95% better, was 90 degrees.", []),
        (
            record_numbers,
            "MRN 123456, chart #4411, account no. 99812, license 12345.",
            ["MRN 123456", "chart #4411", "account no. 99812", "license 12345"],
        ),
        (
            record_numbers,
            "SSN 123-45-6789, record number 5521, member ID W77412390, 078-05-1120.",
            ["SSN 123-45-6789", "record number 5521", "member ID W77412390", "078-05-1120"],
        ),
        (record_numbers, "Her chart from 2009, a record 10 sessions, licensed in 2005.", []),
        (
            urls,
            "See https://portal.example.com/v?patient=20931, www.example.org/u/jd@example.com.",
            ["https://portal.example.com/v?patient=20931", "www.example.org/u/jd@example.com"],
        ),
        (
            urls,
            "Form at http://example.org/forms/intake/8834120 or https://x.example/a?user_id=7.",
            ["http://example.org/forms/intake/8834120", "https://x.example/a?user_id=7"],
        ),
        (
            urls,
            "And https://x.example/a?patientId=7 or https://x.example/a?client-name=jo.",
            ["https://x.example/a?patientId=7", "https://x.example/a?client-name=jo"],
        ),
        (
            urls,
            "Profile https://www.facebook.com/mary.smith.1931 but not https://facebook.com/.",
            ["https://www.facebook.com/mary.smith.1931"],
        ),
        (
            urls,
            "Read https://example.org/about, https://www.ncbi.nlm.nih.gov/books/NBK542196/ "
            "and https://example.org/2009/06/post?page=2.",
            [],
        ),
    ],
)
def test_pattern_checks(check, text, found):
    assert check(text) == found


def test_each_identifier_is_reported_once_under_one_kind():
    text = "SSN 123-45-6789; call 508-555-0100; https://example.org/r?name=jo; 2009-06-18.\n"
    assert [(f.kind, f.text) for f in lint_case(text)] == [
        ("url", "https://example.org/r?name=jo"),
        ("record-number", "SSN 123-45-6789"),
        ("phone", "508-555-0100"),
        ("date", "2009-06-18"),
    ]


def test_findings_come_sorted_by_line_with_advice():
    text = "---\ntitle: A case\n---\nSeen 6/18/2009.\n\nAged 95, she called 508-555-0100.\n"
    findings = lint_case(text)
    assert [(f.line, f.kind) for f in findings] == [(4, "date"), (6, "phone"), (6, "age")]
    assert "keep only the year" in findings[0].message
    assert "90 or older" in findings[2].message


def test_an_allowed_phrase_drops_any_finding_inside_it():
    text = "Our fax is 508-555-0100.\n"
    assert lint_case(text, allowed=["Our fax is 508-555-0100"]) == []


# --- 10. images ---------------------------------------------------------------------------------


def jpeg(path, *, camera=False, gps=False, taken=False):
    """A tiny JPEG with the chosen EXIF."""
    exif = Image.Exif()
    if camera:
        exif[ExifTags.Base.Make], exif[ExifTags.Base.Model] = "Canon", "PowerShot S95"
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (42.0, 16.0, 45.0)
    if taken:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2009:06:18 10:00:00"
    Image.new("RGB", (8, 8), "white").save(path, exif=exif.tobytes())
    return path


def test_an_image_with_camera_gps_and_time_gets_one_finding_each(tmp_path):
    findings = image_findings(jpeg(tmp_path / "knee.jpg", camera=True, gps=True, taken=True))
    assert [(f.line, f.kind, f.text) for f in findings] == [
        (0, "image-exif", "GPS position"),
        (0, "image-exif", "camera Canon PowerShot S95"),
        (0, "image-exif", "time taken 2009:06:18 10:00:00"),
    ]
    assert "exiftool -all= knee.jpg" in findings[0].message


def test_an_image_without_exif_is_clean(tmp_path):
    assert image_findings(jpeg(tmp_path / "clean.jpg")) == []


def test_a_file_that_is_not_a_raster_image_is_clean(tmp_path):
    svg = tmp_path / "diagram.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert image_findings(svg) == []


def test_image_references_give_the_line_of_each_image():
    text = "Intro\n![Piriformis stretch](images/a.jpg)\n<img alt='' src=\"{static}/b.png\">\n"
    assert image_references(text) == [(2, "images/a.jpg"), (3, "{static}/b.png")]
