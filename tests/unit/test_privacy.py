"""The privacy lint: each Safe Harbor check, then recall and false alarms over a corpus."""

import runpy
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from PIL import ExifTags, Image

from casebook import practice
from casebook.privacy import (
    addresses,
    ages,
    dates,
    emails,
    image_findings,
    image_references,
    lint_case,
    lint_path,
    lint_slug,
    lint_source,
    names,
    phones,
    places,
    pseudonym,
    record_numbers,
    urls,
)

CORPUS = Path(__file__).resolve().parents[1] / "privacy_corpus"
KINDS = (
    "pseudonym",
    "name",
    "place",
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
        elif inside and not line.startswith(" "):
            inside = False
        if inside:
            lines[i] = ""
    return "\n".join(lines)


# The corpus's own site-wide allow-list: the practice's area, phone and email.
SITE_ALLOWED = [
    line.strip()
    for line in (CORPUS / "privacy-allow.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def lint_post(path):
    """What the site would report for one file: its text, then the images it shows."""
    text = path.read_text(encoding="utf-8")
    meta = front_matter(text)
    allowed = [*SITE_ALLOWED, *meta.get("privacy_ok", [])]
    findings = lint_source(without_answer_key(text), allowed=allowed, known_terms=KNOWN_TERMS)
    for line, target in image_references(text):
        findings += [replace(f, line=line) for f in image_findings(path.parent / target)]
    return findings


def corpus(kind):
    """The posts of one corpus folder, 'planted' or 'clean'."""
    return sorted((CORPUS / kind).glob("*.md"))


# --- the corpus itself ------------------------------------------------------


def test_the_corpus_is_large_enough_and_covers_every_kind_twice():
    planted = [p for path in corpus("planted") for p in front_matter(path.read_text())["planted"]]
    assert len(corpus("planted")) >= 27
    assert len(corpus("clean")) >= 27
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
    reported = [(path.name, f) for path in clean_files for f in lint_post(path)]
    # A warning is what the context left open (a month alone: "in April"); this corpus
    # was written when such a month was no identifier, so only errors are false alarms.
    alarms = [(name, f) for name, f in reported if not f.warning]
    warnings = [(name, f) for name, f in reported if f.warning]
    recall = found / total
    print(
        f"\nprivacy lint recall {found}/{total} = {recall:.2f}; "
        f"false alarms {len(alarms)} over {len(clean_files)} clean files "
        f"(and {len(warnings)} warnings); unplanted findings in planted files {len(extra)}"
    )
    for name, item in missed + alarms + warnings + extra:
        print(f"  {name}: {item}")
    record_property("privacy_recall", f"{found}/{total}")
    record_property("privacy_false_alarms", len(alarms))
    record_property("privacy_warnings_on_clean_files", len(warnings))
    assert missed == []
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
        "Before Boston Marathon, Restless Legs Agony.\n"
    )
    assert lint_case(text, known_terms=["Restless legs agony"], allowed=["Boston Marathon"]) == []
    assert [(f.line, f.kind) for f in lint_case(text)] == [(5, "name"), (5, "name")]


def test_a_name_wrapped_over_two_lines_is_found_on_its_first_line():
    text = "She was referred by Mary\nSmith, who treats runners.\n"
    assert [(f.line, f.text) for f in lint_case(text)] == [(1, "Mary Smith")]


def test_the_title_is_linted_but_its_pseudonym_is_fine():
    text = '---\ntitle: "Restless leg syndrome pain: Treatment of Krystal S."\n---\nBody.\n'
    assert lint_case(text) == []
    sentence_case = '---\ntitle: "Restless legs: treatment of Krystal Smith"\n---\n'
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
        (dates, "In 2009, week three, a few months later, session 4, Sessions 4-5.", []),
        (dates, "It flared again in June.", ["June"]),  # a warning in a post: see below
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
            # A label longer than twice its code is left out of the quote: '5521' is the point.
            ["SSN 123-45-6789", "5521", "member ID W77412390", "078-05-1120"],
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


# --- every text a reader sees ---------------------------------------------------------------


def found(text, **kwargs):
    """(line, kind, text) of each finding of lint_source."""
    return [(f.line, f.kind, f.text) for f in lint_source(text, **kwargs)]


def test_every_front_matter_value_a_reader_sees_is_linted():
    text = (
        "---\n"  # 1
        "title: Neck pain at the desk\n"  # 2
        "summary: Seen every week since June 18.\n"  # 3
        "menu_label: Call 508-555-0142\n"  # 4
        "followup_announced: how Mary Smith got back to work\n"  # 5
        "case:\n"  # 6
        "  presenting_complaint: >\n"  # 7
        "    Aching neck after a move to\n"  # 8
        "    Framingham last year.\n"  # 9
        "  outcome: Back at work; email jo@example.com\n"  # 10
        "aliases: [Desk neck, Dr. Okafor's neck]\n"  # 11
        "name: Desk neck\n"  # 12
        "---\n"
        "Body.\n"
    )
    assert found(text) == [
        (3, "date", "June 18"),
        (4, "phone", "508-555-0142"),
        (5, "name", "Mary Smith"),
        (9, "place", "Framingham"),
        (10, "email", "jo@example.com"),
        (11, "name", "Dr. Okafor"),
    ]


def test_the_body_headings_lists_tables_and_code_are_linted():
    text = (
        "## Treating J. Okafor\n"
        "\n"
        "- She lives in Natick\n"
        "- and her fax is 508-555-0177\n"
        "\n"
        "| session | note |\n"
        "|---|---|\n"
        "| 1 | seen 6/18/2009 |\n"
        "\n"
        "```\n"
        "MRN 123456\n"
        "```\n"
    )
    assert found(text) == [
        (1, "name", "J. Okafor"),
        (3, "place", "Natick"),
        (4, "phone", "508-555-0177"),
        (8, "date", "6/18/2009"),
        (11, "record-number", "MRN 123456"),
    ]


def test_link_targets_alt_text_and_reference_definitions_are_linted():
    text = (
        "Write to [the office](mailto:jo@x.com) or [call](tel:+15085550100).\n"
        "![Jane Doe at the clinic](a.jpg)\n"
        "See [her results][r] and [the portal](https://portal.example/v?patient=20931).\n"
        "\n"
        "[r]: mailto:mary.smith@example.org 'Mary Smith'\n"
    )
    assert found(text) == [
        (1, "email", "jo@x.com"),
        (1, "phone", "+15085550100"),
        (2, "name", "Jane Doe"),
        (3, "url", "https://portal.example/v?patient=20931"),
        (5, "email", "mary.smith@example.org"),
        (5, "name", "Mary Smith"),
    ]


def test_raw_html_text_and_attributes_are_linted():
    text = (
        "<p>Seen in <b>Natick</b>.</p>\n"
        '<img src="/images/jane-doe-xray.jpg" alt="Dana Morrison stretching" title="x">\n'
        '<a href="mailto:dana@example.com" title="Call 508-555-0144">write</a>\n'
        "<!-- Mary Smith asked for this -->\n"
    )
    assert found(text) == [
        (1, "place", "Natick"),
        (2, "name", "Dana Morrison"),
        (2, "name", "jane-doe"),
        (3, "email", "dana@example.com"),
        (3, "phone", "508-555-0144"),
        (4, "name", "Mary Smith"),
    ]


def test_a_pelican_header_and_a_file_without_header_are_read_too():
    header = (
        "Title: Knee pain of Mary Smith\nDate: 2009-06-18\nSlug: knee-pain\n\nBody in Natick.\n"
    )
    assert found(header) == [(1, "name", "Mary Smith"), (5, "place", "Natick")]
    assert found("Plain text from Framingham.\n") == [(1, "place", "Framingham")]


def test_slug_and_redirect_addresses_in_front_matter():
    text = (
        "---\ntitle: A case\nslug: john-smith-neck-pain\n"
        "redirect_from:\n  - /2009/06/18/mary-jones-knee/\n  - /?p=123\n---\n"
    )
    assert found(text) == [(3, "name", "john-smith"), (5, "name", "mary-jones")]


# --- slugs and file names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "slug, expected",
    [
        ("john-smith-neck-pain", [("name", "john-smith")]),
        ("treating-jane-doe", [("name", "jane-doe")]),
        ("knee-pain-in-natick", [("place", "natick")]),
        ("back-pain-in-reading", [("place", "reading")]),
        ("reading-after-back-pain", []),
        ("a-note-from-helen-w", []),
        ("call-508-555-0100-today", [("phone", "508-555-0100")]),
        ("seen-2009-06-18", [("date", "2009-06-18")]),
        ("seen-june-18", [("date", "june-18")]),
        ("krystal-s", []),
        ("sciatica-and-low-back-pain-dana-m", []),
        ("restless-leg-syndrome-pain-treatment-of-krystal-s", []),
        ("will-power-and-back-pain", []),
        ("frank-talk-about-neck-pain", []),
        ("reading-your-posture", []),
        ("travell-and-simons-on-trigger-points", []),
        ("janet-travell-trigger-point-manual", []),
        ("case-00012", []),
    ],
)
def test_slugs(slug, expected):
    findings = lint_slug(slug, 4)
    assert [(f.kind, f.text) for f in findings] == expected
    assert all(f.line == 4 for f in findings)


def test_a_slug_finding_says_to_rename_it():
    (finding,) = lint_slug("john-smith-neck-pain", 3)
    assert "slug 'john-smith-neck-pain'" in finding.message
    assert "rename it with a pseudonym" in finding.message


@pytest.mark.parametrize(
    "path, expected",
    [
        ("images/jane-doe-xray.jpg", [(0, "name", "jane-doe")]),
        ("cases/knee-pain-in-natick.md", [(0, "place", "natick")]),
        ("conditions/restless-legs-syndrome.md", []),
        ("cases/restless-leg-syndrome-pain-treatment-of-krystal-s.md", []),
        ("images/heel-lift.jpg", []),
        ("../../etc/passwd", []),
    ],
)
def test_file_names(path, expected):
    assert [(f.line, f.kind, f.text) for f in lint_path(path)] == expected


# --- places ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She drives in from Framingham every week.", ["Framingham"]),
        ("A Natick teacher with neck pain.", ["Natick"]),
        ("She works in Jamaica Plain.", ["Jamaica Plain"]),
        ("She lives in Reading and works near Normal.", ["Reading", "Normal"]),
        ("She came over from Mobile.", ["Mobile"]),
        ("She grew up in Reading, MA and in Hope, Arkansas.", ["Reading", "Hope"]),
        ("Her family is in Middlesex County.", ["Middlesex County"]),
        ("Framingham's rail trail.", ["Framingham"]),
        ("Reading the chart, Hope was not a plan.", []),
        ("Mobile phones and Normal range of motion.", []),
        ("A note from Helen, and in Helen's case a referral from Dana M.", []),
        ("She moved from Texas to Massachusetts, then to Peru.", []),
        ("Lyme disease, Bell's palsy and Copenhagen adductor exercises.", []),
        ("In Spring the symptoms eased; by May they were gone.", []),
        ("She speaks English and was better by Christmas.", []),
        ("She lives in Christmas, FL.", ["Christmas"]),
    ],
)
def test_places(text, expected):
    assert places(text) == expected


def test_a_title_case_heading_needs_a_state_for_an_everyday_word():
    assert places("## Back To Reading After Sciatica", heading=True) == []
    assert places("## Back To Natick After Sciatica", heading=True) == ["Natick"]
    assert places("## Moving To Reading, MA", heading=True) == ["Reading"]


def test_an_allowed_phrase_silences_only_where_it_stands():
    text = "We serve Metro-West Boston.\nShe lives in Boston.\n"
    assert found(text, allowed=["Metro-West Boston"]) == [(2, "place", "Boston")]


# --- hostile input: each finishes at once, or the test hangs where everyone sees it ------------

NOISE = "1/2, 3-4. (5) +6; "  # digits and punctuation that make no identifier


def test_a_200_kb_word_is_read_once():
    word = "a" * 200_000
    assert found(word) == []
    assert found(word + "@") == []  # the email pattern is anchored at the word's start
    assert emails("x." * 100_000 + "@") == []
    assert found("Ab" * 100_000) == []  # one capitalised word, not a run of them
    assert found(word + " Mary Smith") == [(1, "name", "Mary Smith")]


def test_a_100_kb_line_of_digits_and_punctuation():
    line = NOISE * (100_000 // len(NOISE))
    assert found(line + "call 508-555-0100\n") == [(1, "phone", "508-555-0100")]


def test_a_1_mb_file():
    paragraph = (
        "Neuromuscular therapy eased the trigger points in her low back over 10 sessions,\n"
        "and the Piriformis stretch closed each visit.\n\n"
    )
    body = paragraph * (1_000_000 // len(paragraph))
    lines = body.count("\n")
    text = "---\ntitle: A long case\n---\n" + body + "Signed off by Mary Smith.\n"
    assert found(text) == [(lines + 4, "name", "Mary Smith")]


def test_deeply_nested_lists_and_front_matter():
    depth = 500
    items = "".join("  " * i + f"- level {i}\n" for i in range(depth))
    nested = "".join("  " * i + f"k{i}:\n" for i in range(1, depth))
    text = f"---\ntitle: Nested\ncase:\n{nested}{'  ' * depth}client: Jo Smith\n---\n{items}"
    # The reader refuses front matter this deep (the file is never built, and says why);
    # its body is still read, in one pass.
    assert found(text + "- seen in Natick\n") == [(2 * depth + 5, "place", "Natick")]
    shallow = f"---\ntitle: Nested\ncase:\n  client: Jo Smith\n---\n{items}- seen in Natick\n"
    assert found(shallow) == [(4, "pseudonym", "Jo Smith"), (depth + 6, "place", "Natick")]


SPACES = " " * 100_000


@pytest.mark.parametrize(
    "text, expected",
    [
        # Where two quantified parts could take the same characters, a failing match
        # must not retry every split of them (each line once took minutes).
        ("MRN" + SPACES + "x", []),
        ("Aged" + SPACES + "x", []),
        ("Apt" + SPACES + "x", []),
        ("<a" + "b" * 100_000, []),
        ('<img alt="' + "a" * 100_000, []),
        ("<p " + "x" * 100_000 + ">Seen in Natick</p>", [(1, "place", "Natick")]),
        ("Syndrome " * 7_000, []),
        # A run of 20,000 unknown capitalised words: only its last two can be a name.
        ("Xq " * 20_000, [(1, "name", "Xq Xq")]),
        ("[x](y" + SPACES + "z", []),
        ("[r]: " + "u" * 100_000 + " x", []),
    ],
)
def test_long_runs_that_once_made_patterns_retry_every_split(text, expected):
    assert found(text) == expected


def test_a_client_value_with_100_kb_of_spaces():
    (finding,) = lint_source("---\ncase:\n  client: a" + SPACES + "b\n---\n")
    assert (finding.line, finding.kind, len(finding.text)) == (3, "pseudonym", 100_002)


@pytest.mark.parametrize(
    "text",
    [
        "He said \"`$(rm -rf ~)`\" and '$(cat /etc/passwd)' then ran ../../etc/passwd.",
        "<script>alert('Mary Smith')</script> `; DROP TABLE posts; --` \\ \" ' ${HOME}",
        "[click](javascript:alert(1)) ![x](../../../../etc/passwd) <img src=x onerror=alert(1)>",
        "a\u0000b\u202ec\ufeff \U0001f600 ̈́ " * 1_000,
    ],
)
def test_quotes_backticks_commands_paths_and_markup_are_only_text(text):
    findings = lint_source(f"---\ntitle: {text[:200]!r}\nslug: x\n---\n{text}\n")
    # Only the name in the script's text (in the title and the body) is anything at all.
    expected = ["Mary Smith"] if "Mary Smith" in text else []
    assert sorted({(f.kind, f.text) for f in findings}) == [("name", t) for t in expected]
    assert {(f.kind, f.text) for f in lint_path(text[:300])} <= {("name", "Mary Smith")}


# --- images of every kind the site may publish -----------------------------------------------


def raster(path, fmt, *, gps=True, camera=True):
    """A tiny image in `fmt` with GPS and camera EXIF."""
    exif = Image.Exif()
    if camera:
        exif[ExifTags.Base.Make], exif[ExifTags.Base.Model] = "Canon", "EOS 5D"
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (42.0, 16.0, 45.0)
    Image.new("RGB", (8, 8), "white").save(path, fmt, exif=exif.tobytes())
    return path


@pytest.mark.parametrize(
    "fmt, name",
    [
        ("AVIF", "knee.avif"),
        ("WEBP", "knee.webp"),
        ("PNG", "knee.png"),
        ("TIFF", "knee.tif"),
        ("JPEG", "knee.jpg"),
    ],
)
def test_gps_and_camera_are_read_from_every_raster_kind(tmp_path, fmt, name):
    findings = image_findings(raster(tmp_path / name, fmt))
    assert [(f.line, f.kind, f.text) for f in findings] == [
        (0, "image-exif", "GPS position"),
        (0, "image-exif", "camera Canon EOS 5D"),
    ]
    assert f"exiftool -all= {name}" in findings[0].message


def test_an_avif_without_metadata_is_clean(tmp_path):
    assert image_findings(raster(tmp_path / "clean.avif", "AVIF", gps=False, camera=False)) == []


XMP_PACKET = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'exif:GPSLatitude="42,16.75N" tiff:Make="Canon" '
    b'exif:DateTimeOriginal="2009-06-18T10:00:00"/></rdf:RDF></x:xmpmeta>'
)


def test_gps_camera_and_time_in_the_xmp_block_of_a_gif(tmp_path):
    path = tmp_path / "knee.gif"
    Image.new("P", (8, 8)).save(path)
    data = path.read_bytes()
    # A GIF application extension: XMP DataXMP, the packet, and the magic trailer.
    block = b"\x21\xff\x0bXMP DataXMP" + XMP_PACKET + bytes(range(255, -1, -1)) + b"\x00"
    path.write_bytes(data[:-1] + block + data[-1:])
    assert [f.text for f in image_findings(path)] == [
        "GPS position",
        "camera Canon",
        "time taken 2009-06-18T10:00:00",
    ]
    assert "in XMP" in image_findings(path)[0].message


def test_xmp_in_a_png_is_read_too(tmp_path):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP_PACKET.decode())
    path = tmp_path / "knee.png"
    Image.new("RGB", (8, 8)).save(path, pnginfo=info)
    assert [f.text for f in image_findings(path)] == [
        "GPS position",
        "camera Canon",
        "time taken 2009-06-18T10:00:00",
    ]


# --- the site's own content ---------------------------------------------------------------------

CONTENT = Path(__file__).resolve().parents[2] / "content"
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif", ".avif")


def practice_phrases():
    """The practice's own name, address and numbers (PRACTICE in pelicanconf.py)."""
    settings = runpy.run_path(str(CONTENT.parent / "pelicanconf.py"))
    return practice.allowed_phrases(settings)


def site_terms():
    """The allow-list, the practice's identity and the condition names, as make check has them."""
    lines = (CONTENT / "privacy-allow.txt").read_text(encoding="utf-8").splitlines()
    allowed = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    allowed += practice_phrases()
    terms = []
    for path in sorted((CONTENT / "conditions").glob("*.md")):
        meta = front_matter(path.read_text(encoding="utf-8"))
        terms += [meta["name"], *meta.get("aliases", [])]
    return allowed, terms


def test_the_site_content_identifies_no_one():
    allowed, terms = site_terms()
    files = sorted(p for p in CONTENT.rglob("*") if p.is_file())
    findings = []
    for path in files:
        relpath = path.relative_to(CONTENT).as_posix()
        findings += [(relpath, f.line, f.kind, f.text) for f in lint_path(relpath)]
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            own = front_matter(text).get("privacy_ok", [])
            found = lint_source(text, allowed=[*allowed, *own], known_terms=terms)
            findings += [(relpath, f.line, f.kind, f.text) for f in found]
        if path.suffix.lower() in RASTER:
            findings += [(relpath, f.line, f.kind, f.text) for f in image_findings(path)]
    assert len([p for p in files if p.suffix == ".md"]) >= 30
    assert findings == []


def test_the_practice_contact_details_are_allowed_by_the_settings_not_by_code():
    text = (
        "Call Jordan Avery on (508) 555-0100, write to office@metrowest-nmt.example, or come "
        "to 100 Example Street, Suite 2, Framingham, MA 01702 in Metro-West Boston."
    )
    allowed, terms = site_terms()
    assert lint_source(text, allowed=allowed, known_terms=terms) == []
    # Without the list and the settings, the practice's details would be reported.
    found = {(f.kind, f.text) for f in lint_source(text, known_terms=terms)}
    assert {("phone", "(508) 555-0100"), ("email", "office@metrowest-nmt.example")} <= found
    assert {kind for kind, _ in found} >= {"phone", "email", "name"}
