"""The case summary box a referring clinician reads, from a post's `case:` block."""


def case_fields(case):
    """The case summary's fields present in `case`, in the fixed reading order."""
    if not isinstance(case, dict):
        return []
    return [
        (key, label, case[key]) for key, label in CASE_FIELDS if case.get(key) not in (None, "", [])
    ]


# Labels a referring clinician reads; the order follows the CARE case-report checklist.
CASE_FIELDS = (
    ("client", "Client"),
    ("presenting_complaint", "Presenting complaint"),
    ("findings", "Findings"),
    ("interventions", "Treatment"),
    ("sessions", "Sessions"),
    ("outcome", "Outcome"),
    ("follow_up", "Follow-up"),
    ("patient_perspective", "In the client's words"),
)
