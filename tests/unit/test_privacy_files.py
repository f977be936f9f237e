"""The text inside published files (image metadata, SVG, PDF), and full-face photographs."""

from pathlib import Path

import pytest
from PIL import ExifTags, Image, PngImagePlugin

from casebook.privacy import faces, files
from casebook.privacy.images import image_findings, image_text

TUNING = Path(__file__).resolve().parents[1] / "privacy_eval" / "tuning" / "content" / "images"


def linted(path, **kwargs):
    """(category, text) of what the rule book finds in a file: metadata, then its texts."""
    kind, fields = files.file_fields(path)
    found = image_findings(path) if kind == "image" else []
    found += files.lint_fields(fields, path.name, kind, **kwargs)
    return [(f.category, f.text) for f in found]


def test_exif_text_fields_are_read_and_linted(tmp_path):
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Denise Okafor"
    exif[ExifTags.Base.ImageDescription] = "After her session in Natick, 12 May 2023"
    exif[ExifTags.Base.XPAuthor] = "Ruth Pinsky".encode("utf-16-le") + b"\0\0"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.UserComment] = (
        b"ASCII\0\0\0sent from my cell 508-555-0147"
    )
    path = tmp_path / "after.jpg"
    Image.new("RGB", (8, 8), "white").save(path, exif=exif.tobytes())
    names = {(f.where, f.name) for f in image_text(path)}
    assert {("EXIF", "Artist"), ("EXIF", "XPAuthor"), ("EXIF", "UserComment")} <= names
    found = linted(path)
    assert ("names", "Denise Okafor") in found and ("names", "Ruth Pinsky") in found
    assert {"geography", "dates", "phone"} <= {c for c, _ in found}


def test_png_text_and_the_practice_s_own_name(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Metro-West Neuromuscular Therapy")
    info.add_text("Comment", "Gait lab ID GAIT-4471-KD; visit 2024-02-19")
    path = tmp_path / "chart.png"
    Image.new("RGB", (8, 8)).save(path, pnginfo=info)
    found = linted(path, allowed=["Metro-West Neuromuscular Therapy"])
    assert found == [("biometric", "ID GAIT-4471-KD"), ("dates", "2024-02-19")]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("newsletter-headshot-gail.jpg", {"names", "geography", "other-code"}),  # IPTC
        ("sunita-finish-line.jpg", {"names", "geography", "dates"}),  # XMP
        ("older-client-smile.jpg", {"names", "ages"}),  # a JPEG comment
        ("stretch-demo-carol.gif", {"email"}),  # a GIF comment
        (
            "pain-diagram-walter.svg",
            {"names", "dates", "geography", "phone", "fax", "ssn", "medical-record"},
        ),  # fmt: skip
        (
            "intake-form-maureen-oshea.pdf",
            {
                "names",
                "dates",
                "geography",
                "phone",
                "fax",
                "email",
                "ssn",
                "licence",
                "vehicle",
                "health-plan",
                "medical-record",
                "account",
            },
        ),  # fmt: skip
        ("body-map-blank.svg", set()),
        ("home-stretches-handout.pdf", set()),
    ],
)
def test_the_corpus_files(name, expected):
    practice = [
        "Metro-West Neuromuscular Therapy", "(508) 555-0100", "office@metrowest-nmt.example",
        "100 Example Street, Suite 2, Framingham, MA 01702",
    ]  # fmt: skip
    assert {c for c, _ in linted(TUNING / name, allowed=practice)} == expected


def test_an_svg_is_read_with_entities_and_the_network_off(tmp_path):
    path = tmp_path / "bomb.svg"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "Mary Smith">'
        '<!ENTITY b SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&a; &b;</text>'
        "<text>Seen in Natick</text></svg>",
        encoding="utf-8",
    )
    values = [f.value for f in files.svg_text(path)]
    assert values[-1] == "Seen in Natick"
    assert not any("Mary Smith" in v or "root:" in v for v in values)  # never expanded


def test_a_damaged_pdf_is_an_error_to_report_not_a_crash(tmp_path):
    path = tmp_path / "form.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00" * 100)
    with pytest.raises(OSError):
        files.pdf_text(path)


# --- full-face photographs -------------------------------------------------------------------

PHOTOS = sorted(
    p.name
    for p in TUNING.iterdir()
    if p.suffix in (".jpg", ".png", ".gif") and "chart" not in p.name
)
NOT_FACES = ("gait-report-kendra.png", "trigger-points-upper-trapezius.png")


@pytest.mark.parametrize("name", [p for p in PHOTOS if p not in NOT_FACES])
def test_every_portrait_in_the_corpus_shows_a_face(name):
    assert faces.count_faces(TUNING / name) >= 1


@pytest.mark.parametrize("name", NOT_FACES)
def test_a_chart_or_a_diagram_shows_none(name):
    assert faces.count_faces(TUNING / name) == 0


def test_blank_striped_and_noisy_pictures_show_none(tmp_path):
    import random

    rng = random.Random(19)
    pictures = [Image.new("RGB", (300, 300), "white"), Image.new("L", (64, 64), 128)]
    stripes = Image.new("L", (400, 300))
    stripes.putdata([255 * ((x // 20) % 2) for y in range(300) for x in range(400)])
    noise = Image.new("L", (320, 240))
    noise.putdata([rng.randrange(256) for _ in range(320 * 240)])
    for i, picture in enumerate([*pictures, stripes, noise]):
        path = tmp_path / f"p{i}.png"
        picture.save(path)
        assert faces.count_faces(path) == 0
    svg = tmp_path / "x.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    assert faces.count_faces(svg) == 0
