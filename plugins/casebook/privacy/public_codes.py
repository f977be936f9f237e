"""Numbers that name a paper, a book or a billed service, never a person: blanked first."""

from __future__ import annotations

import re

from .labels import LABEL
from .spans import Span

DOI = re.compile(r"(?i:\bdoi:[^\S\n]*|\bhttps?://(?:dx\.)?doi\.org/)?\b10\.\d{4,9}/[^\s\"<>]+")
# A labelled number of a publication (PubMed, an ISBN, an ISSN): it names a paper or a book.
BIBLIO = re.compile(
    r"\b(?:PMID|PMCID|ISBN(?:-1[03])?|ISSN)(?::|[^\S\n])[^\S\n]*(?:PMC)?\d[\dX-]*(?<=[\dX])"
)


# A procedure's billing code (CPT, HCPCS: five digits) names the service, not the person:
# "CPT code 97140", "the procedure codes (97124 for massage, 97530 for exercise)".
PROCEDURE_LABEL = re.compile(
    r"(?<![\w-])(?:(?:CPT|HCPCS)(?:[^\S\n]+codes?)?|(?i:procedure|billing|service)[^\S\n]+codes?)\b"
)
PROCEDURE_CODE = re.compile(r"(?<![\w-])\d{5}(?![\w-])")
CLAUSE_END = re.compile(r"[.;](?:\s|$)|\n\n")
PROCEDURE_REACH = 80  # characters after the label its codes stand in, within one sentence


def procedure_codes(text: str) -> list[Span]:
    """Spans of the five-digit procedure codes written after a CPT or procedure-code label."""
    spans: list[Span] = []
    for label in PROCEDURE_LABEL.finditer(text):
        stop = label.end() + PROCEDURE_REACH
        end = CLAUSE_END.search(text, label.end(), stop)
        stop = end.start() if end else min(stop, len(text))
        spans += [m.span() for m in PROCEDURE_CODE.finditer(text, label.end(), stop)]
    return spans


# A product's model, labelled as one: "model number MG-2800", "Model: TX-4410". Its code is
# a model wherever else the file gives it ("the budget MG-2800 is the best value").
MODEL = re.compile(
    r"(?i:\bmodel(?:[^\S\n]+(?:number|no\.?|\#))?[^\S\n]*[:#]?[^\S\n]*)"
    # A letter and a digit in it: "model 2019" would make a year a model's everywhere.
    r"(?P<code>(?=[\w-]*[A-Za-z])(?=[A-Za-z-]*\d)[A-Za-z0-9]+(?:[-./][A-Za-z0-9]+)*)"
)


CODE = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:[-./][A-Za-z0-9]+)*(?![\w-])")


def model_codes(text: str) -> list[Span]:
    """Spans of every code the file calls a product's model, wherever it stands."""
    named = list(MODEL.finditer(text))
    models = {m.group("code") for m in named}
    where = {m.start("code") for m in named}  # the code right after "model" is one always
    # One pass over the file's codes, each looked up: linear however many models it names.
    # A code after an identifier's label is that identifier, whatever else the file calls it:
    # "model 4471-AB" elsewhere never hides "serial 4471-AB".
    return (
        [
            m.span()
            for m in CODE.finditer(text)
            if m.group() in models and (m.start() in where or not _after_label(text, m.start()))
        ]
        if models
        else []
    )


LABEL_GAP = re.compile(r"[^\w\n]{0,4}")


def _after_label(text: str, at: int) -> bool:
    """Whether an identifier's label (the lint's one list of them) ends just before `at`."""
    window = text[max(0, at - 32) : at]
    return any(LABEL_GAP.fullmatch(window, m.end()) for m in LABEL.finditer(window))


def spans(text: str) -> list[Span]:
    """Every DOI, labelled publication number, procedure code and model in `text`."""
    found = [m.span() for m in DOI.finditer(text)] if "10." in text else []
    found += model_codes(text) if "model" in text.lower() else []
    if "PMID" in text or "PMC" in text or "ISBN" in text or "ISSN" in text:
        found += [m.span() for m in BIBLIO.finditer(text)]
    found += procedure_codes(text) if "CPT" in text or " code" in text else []
    return found
