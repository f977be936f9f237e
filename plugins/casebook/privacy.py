"""A privacy lint for case posts, after the HIPAA Safe Harbor identifiers."""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import phonenumbers
from PIL import ExifTags, Image, UnidentifiedImageError


@dataclass(frozen=True)
class Finding:
    """One thing in a post that may identify a client, and what to do about it."""

    line: int
    kind: str
    text: str
    message: str


@dataclass(frozen=True)
class _Line:
    """One source line, with what the front matter says about it."""

    number: int
    text: str
    key: str | None  # top-level front-matter key governing the line; None in the body
    field: str | None  # the nearest key on or above the line, for `client:`
    heading: bool  # a heading or title in Title Case, where capitals carry no signal
    continuation: str  # next line of the same paragraph, to catch wrapped names


# Front-matter keys that hold no prose about the client: slugs, vocabulary,
# publication dates, the allow-list itself and the test corpus's answer key.
SKIP_KEYS = frozenset(
    "slug tags category date modified reviewed privacy_ok planted follows "
    "template status lang translation save_as url author authors".split()
)

MESSAGES = {
    "pseudonym": (
        "client {text!r} is not a pseudonym; write a first name and an initial, like 'Krystal S.'"
    ),
    "name": (
        "looks like a full name {text!r}; use a first name and initial, "
        "or list it in privacy_ok if it is not a person"
    ),
    "phone": "looks like a phone or fax number {text!r}; remove it",
    "email": "email address {text!r}; remove it",
    "address": "looks like a street address or postal box {text!r}; remove it (a state is fine)",
    "date": (
        "date {text!r} has a day or month; keep only the year, "
        "or say it relatively ('a few months later')"
    ),
    "age": "age over 89 {text!r}; write '90 or older' or leave the age out",
    "record-number": "looks like a record, account or licence number {text!r}; remove it",
    "url": "URL {text!r} carries an identifier; link to a page without it",
}


def _finding(line: int, kind: str, text: str) -> Finding:
    """A Finding with the standard advice for its kind."""
    return Finding(line, kind, text, MESSAGES[kind].format(text=text))


# --- 1. pseudonyms -----------------------------------------------------------

PSEUDONYM = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)? [A-ZÀ-Þ]\.")


def pseudonym(client: str, line: int = 0) -> Finding | None:
    """A finding unless `client` is a pseudonym like 'Krystal S.' or 'Mary-Ann K.'."""
    if PSEUDONYM.fullmatch(client.strip()):
        return None
    return _finding(line, "pseudonym", client.strip())


# --- small helpers -------------------------------------------------------------


def _matches(pattern: re.Pattern, text: str) -> list[str]:
    """The texts of all matches of `pattern`, trailing punctuation trimmed."""
    return [m.group().rstrip(" .,;:") for m in pattern.finditer(text)]


def _mask(pattern: re.Pattern, text: str, fill: str = " ") -> str:
    """`text` with every match of `pattern` blanked, keeping the columns."""
    return pattern.sub(lambda m: fill * len(m.group()), text)


# --- 3. phones, 4. emails -----------------------------------------------------

# Google's libphonenumber rules (phonenumbers), US numbering: "(508) 555-0100",
# "+1 508 555 0100", a dialled "5085550100" and a local "555-0199" are found;
# counts, years, ranges and codes like C5-C6 or M79.604 are not numbers.
PHONE_REGION = "US"


def _phone_spans(text: str) -> list[tuple[int, int]]:
    matcher = phonenumbers.PhoneNumberMatcher(
        text, PHONE_REGION, leniency=phonenumbers.Leniency.POSSIBLE
    )
    return [(m.start, m.end) for m in matcher]


def _mask_phones(text: str) -> str:
    for start, end in _phone_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def phones(text: str) -> list[str]:
    """US phone and fax numbers."""
    return [text[start:end] for start, end in _phone_spans(text)]


def emails(text: str) -> list[str]:
    """Email addresses."""
    return _matches(EMAIL, text)


# --- 5. addresses -------------------------------------------------------------

STREET_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|"
    r"Way|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Turnpike|Tpke"
)
STATES = (
    "AL AK AZ AR CA CO CT DC DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT "
    "NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).replace(" ", "|")
ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][a-z]+\.?\s+){{1,3}}(?:{STREET_TYPES})\b\.?"
    r"|\b(?:Apt|Apartment|Unit|Suite|Ste|Flat)\.?\s*#?\s*\d+[A-Za-z]?\b"
    r"|\b(?:[Pp]\.?\s?[Oo]\.?|[Pp]ost [Oo]ffice)\s*[Bb]ox\s+\d+\b"
    rf"|\b(?:{STATES})\s+\d{{5}}(?:-\d{{4}})?\b"
    r"|\b(?:ZIP|[Zz]ip)(?:\s+[Cc]ode)?\s*:?\s*\d{5}(?:-\d{4})?\b"
)


def addresses(text: str) -> list[str]:
    """Street addresses, flat numbers, postal boxes and ZIP codes."""
    return _matches(ADDRESS, text)


# --- 6. dates -------------------------------------------------------------------

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
DATE_WORDS = re.compile(
    rf"\b{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?"  # June 18, June 18th, 2009
    rf"|\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR}\b)?"  # 18 June, 18th of June
    rf"|\b{MONTH},?\s+(?:of\s+)?{YEAR}\b"  # June 2009: Safe Harbor keeps the year only
)
DATE_NUMBERS = re.compile(
    r"(?<![\w/.-])(?:(?:19|20)\d\d([-/.])\d{1,2}\1\d{1,2}"  # 2009-06-18
    r"|\d{1,2}([-/])\d{1,2}\2(?:\d{4}|\d\d)|\d{1,2}\.\d{1,2}\.\d{4}"  # 6/18/2009, 18.06.2009
    r"|\d{1,2}/\d{1,2})(?![\w/-]|\.\d)"  # 06/18
)
# Without a year, n/d is usually a pain score (7/10), a strength grade (4/5)
# or a fraction of an inch (1/4, 3/8), not a date.
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 100})


def _is_numeric_date(text: str) -> bool:
    """Whether digits split by / - . read as a real day and month."""
    parts = [int(p) for p in re.split(r"[-/.]", text)]
    if len(parts) == 3 and parts[0] > 31:
        parts = parts[1:]  # year first
    elif len(parts) == 2 and parts[1] in FRACTION_DENOMINATORS:
        return False
    first, second = parts[:2]
    month_first = 1 <= first <= 12 and 1 <= second <= 31
    # Day first (18.06.2009) only with a year: "24/7" is a figure of speech.
    day_first = len(parts) == 3 and 1 <= first <= 31 and 1 <= second <= 12
    return month_first or day_first


def dates(text: str) -> list[str]:
    """Dates that carry a day or a month, not just a year."""
    found = _matches(DATE_WORDS, text)
    found += [t for t in _matches(DATE_NUMBERS, text) if _is_numeric_date(t)]
    return found


# --- 7. ages ---------------------------------------------------------------------

OVER_89 = r"(?:9\d|1[0-4]\d)"
# "was 90 degrees" is a range of motion, not an age.
UNITS = (
    r"percent|degrees?|pounds?|lbs?|kg|kilos?|minutes?|mins?|seconds?|secs?|hours?|days?|"
    r"weeks?|months?|miles?|km|mm|cm|mg|times|reps?|repetitions|sessions?|bpm|beats"
)
AGE = re.compile(
    rf"\b{OVER_89}[- ]?(?:years?|yrs?)[- ]?old\b"
    rf"|\b{OVER_89}[- ]?y/?o\b"
    rf"|\b(?:[Aa]ged?|[Aa]ges)\s*:?\s*{OVER_89}\b"
    rf"|\b(?:is|was|turned|turns|turning)\s+{OVER_89}\b(?!\s*(?:%|°|/|{UNITS}))"
    rf"|(?<=[a-z.]), {OVER_89}(?=,)"  # "Frank, 95, could ..."
    r"|\b(?:his|her|their|early|mid|late)[- ](?:9|10)0'?s\b"
    r"|\b(?:his|her|their|early|mid|late)[- ]nineties\b"
    r"|\bninety(?:[- ]\w+)?[- ]years?[- ]old\b"
    r"|\b(?:non|cent)agenarian\b"
)
# Safe Harbor's own category for the very old: saying it is fine.
AGGREGATED = re.compile(r"\s*(?:\+|or (?:older|over|more)|and (?:older|over))")


def ages(text: str) -> list[str]:
    """Ages of 90 and over, which Safe Harbor folds into '90 or older'."""
    return [
        m.group().strip(" ,") for m in AGE.finditer(text) if not AGGREGATED.match(text, m.end())
    ]


# --- 8. record numbers -------------------------------------------------------------

RECORD = re.compile(
    # Identifiers that are numbers by definition: any number after them counts.
    r"(?i:\b(?:MRN|SSN|NPI|DEA|VIN|medical record|social security)"
    r"(?:\s+(?:number|no\.?|num\.?|#))?\s*[:#]?\s*[A-Z]{0,3}-?\d[\d-]{2,}[A-Z\d]*)"
    # Words that also occur in prose: only with a marker or a number too long to be a year.
    r"|(?i:\b(?:record|chart|account|acct|licen[cs]e|member|policy|insurance|claim|patient"
    r"|beneficiary|certificate|serial|subscriber|plate|ID)"
    r"(?:\s+(?:number|no\.?|num\.?|ID|#)\s*[:#]?\s*#?|\s*[:#]\s*#?)"
    r"[A-Z]{0,3}-?\d[\d-]{2,}[A-Z\d]*"
    r"|\b(?:record|chart|account|acct|licen[cs]e|member|policy|claim|serial)\s+\d{5,}\b)"
    r"|(?<![\d-])\d{3}-\d\d-\d{4}(?![\d-])"  # a bare SSN
)


def record_numbers(text: str) -> list[str]:
    """Record, chart, account, licence, member and social security numbers."""
    return _matches(RECORD, text)


# --- 9. URLs ----------------------------------------------------------------------

URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]+")
LINK_TARGET = re.compile(r"(?<=\]\()[^)\s]*|(?<=src=\")[^\"]*|(?<=href=\")[^\"]*")
ID_PARAMS = frozenset(
    "id uid pid patient patientid name firstname lastname fullname user username "
    "email mail mrn dob birthdate client clientid account member ssn phone record chart".split()
)
# Public references cite numbered documents (PubMed IDs, NCBI Bookshelf, DOIs):
# their digits name a publication, not a person.
REFERENCE_HOSTS = ("ncbi.nlm.nih.gov", "doi.org", "clinicaltrials.gov", "who.int", "cdc.gov")
LONG_DIGITS = re.compile(r"\d{5,}")
# A link to someone's profile names them, whatever the path looks like.
PROFILE_HOSTS = (
    "facebook.com",
    "instagram.com",
    "twitter.com",
    "x.com",
    "linkedin.com",
    "tiktok.com",
)


def _url_identifier(url: str) -> str | None:
    """What in `url` looks like an identifier, or None if it is a plain link."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        # user_id, patientId and client-name all name a person.
        words = [w.lower() for w in re.split(r"[-_]|(?<=[a-z])(?=[A-Z])", key)]
        if "".join(words) in ID_PARAMS or any(w in ID_PARAMS for w in words):
            return f"parameter {key}="
        if "@" in value:
            return "an email address"
    if "@" in parts.path or "%40" in (parts.path + parts.query).lower():
        return "an email address"
    host = (parts.hostname or "").lower()
    if host.endswith(PROFILE_HOSTS) and parts.path.strip("/"):
        return "a social media profile"
    if not host.endswith(REFERENCE_HOSTS) and LONG_DIGITS.search(parts.path + parts.query):
        return "a long number"
    return None


def urls(text: str) -> list[str]:
    """URLs whose path or query carries an id, a name, an email or a long number."""
    return [u for u in _matches(URL, text) if _url_identifier(u)]


# --- 2. full names -------------------------------------------------------------------

# Therapy techniques and anatomy that writers capitalise, as phrases.
TERMS = (
    "Active Isolated Stretching",
    "Active Isolated Stretches",
    "Neuromuscular Therapy",
    "Neuromuscular Technique",
    "Trigger Point Therapy",
    "Trigger Points",
    "Myofascial Release",
    "Muscle Energy Technique",
    "Positional Release",
    "Strain Counterstrain",
    "Proprioceptive Neuromuscular Facilitation",
    "Sciatic Nerve",
    "Femoral Nerve",
    "Gluteus Maximus",
    "Gluteus Medius",
    "Gluteus Minimus",
    "Piriformis",
    "Quadratus Lumborum",
    "Tensor Fasciae Latae",
    "Iliotibial Band",
    "Rectus Femoris",
    "Vastus Lateralis",
    "Vastus Medialis",
    "Biceps Femoris",
    "Adductor Magnus",
    "Adductor Longus",
    "Tibialis Anterior",
    "Tibialis Posterior",
    "Upper Trapezius",
    "Levator Scapulae",
    "Pectoralis Major",
    "Pectoralis Minor",
    "Latissimus Dorsi",
    "Serratus Anterior",
    "Erector Spinae",
    "Teres Major",
    "Teres Minor",
    "Splenius Capitis",
    "Splenius Cervicis",
    "Obturator Internus",
    "Flexor Digitorum Longus",
    "Pronator Teres",
    "Lateral Pterygoid",
    "Medial Pterygoid",
    "Sacroiliac Joint",
    "Lumbar Spine",
    "Thoracic Outlet",
    "Carpal Tunnel",
    "Achilles Tendon",
    "Plantar Fascia",
    "Rotator Cuff",
)
# Authors every NMT therapist cites; public figures, not clients.
AUTHORITIES = (
    "Janet G. Travell",
    "Janet Travell",
    "David G. Simons",
    "David Simons",
    "Travell",
    "Simons",
    "Aaron Mattes",
    "Mattes",
    "Paul St. John",
    "St. John",
    "Judith DeLany",
    "DeLany",
    "Leon Chaitow",
    "Chaitow",
)
ANATOMY = frozenset(
    " ".join(TERMS).lower().split()
    + """
    psoas iliopsoas iliacus gastrocnemius soleus sartorius gracilis pectineus popliteus
    plantaris peroneus peroneal fibularis hamstring quadriceps quads adductor abductor
    scalene scalenus sternocleidomastoid masseter temporalis pterygoid suboccipital
    subscapularis infraspinatus supraspinatus rhomboid trapezius deltoid biceps triceps
    brachialis brachioradialis forearm flexor extensor wrist thumb multifidus paraspinal
    paraspinals lumbar thoracic cervical sacral sacrum coccyx pelvis pelvic hip knee ankle
    foot feet heel calf calves thigh groin buttock gluteal gluteals shoulder neck jaw
    spine spinal vertebra vertebrae rib sciatic femoral obturator externus brevis
    abdominis obliquus oblique transversus hallucis plantae coracoid subclavius
    iliotibial sacroiliac fascia fascial myofascial tendon ligament joint disc plexus
    brachial inguinal carpal tarsal metatarsal patella patellar achilles anterior
    middle posterior lateral medial superior inferior deep superficial longus magnus
    major minor maximus medius minimus fasciae latae internus digitorum capitis cervicis
    scapulae dorsi spinae quadratus lumborum rectus vastus tibialis serratus latissimus
    pectoralis teres levator splenius gluteus femoris lateralis medialis pronator
    supinator coracobrachialis omohyoid digastric platysma diaphragm intercostal
    carpi radialis ulnaris pollicis digiti indicis profundus superficialis communis
    proprius quinti opponens palmaris lumbricals interossei hypothenar thenar
    epicondyle epicondylar olecranon supinator anconeus teres pronator quadratus
    hallucis digitorum peroneus tertius fibularis extensor flexor abductor adductor
    capitis cervicis thoracis lumborum longissimus iliocostalis spinalis semispinalis
    rotatores intertransversarii levatores costarum scalenus anticus medius posticus
    sternohyoid sternothyroid thyrohyoid mylohyoid geniohyoid stylohyoid buccinator
    orbicularis oris oculi zygomaticus frontalis occipitalis occipitofrontalis
    galea aponeurotica nuchae ligamentum gemellus gemelli quadratus femoris
    semitendinosus semimembranosus vastus intermedius articularis genus tensor
    piriformis coccygeus levator ani pubococcygeus iliococcygeus obturator
    nmt ais pnf tfl itb scm rls tmj
    """.split()
)
# A run of capitalised words ending in one of these names a condition, test,
# method or institution, even when it starts with an eponym (Willis-Ekbom Disease).
HEAD_NOUNS = frozenset(
    """syndrome disease disorder palsy sign test maneuver manoeuvre method technique
    therapy release stretch stretches stretching nerve muscle muscles ligament tendon
    band fascia fasciitis tendinitis tendonitis bursitis neuralgia neuropathy arthritis
    foundation association society institute hospital clinic center centre university
    college school academy journal programme program scale index questionnaire
    protocol approach version""".split()
)
MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Words capitalised at the start of a sentence or in a Title Case heading.
COMMON = frozenset(
    """a about above across after again against ago ahead all almost along already also
    although always am among an and another any anyone anything are around as at away
    back be because been before began begin being below best better between both but by
    came can cannot could did do does doing done down during each early either else
    enough even ever every everything few first for four five from further get gets
    getting go goes going good got great had half has have having he her here hers
    herself him himself his home how however i if in into is it its itself just keep
    kept last late later least less let like little long made make many may me might
    more most much must my myself near need needed never new next no none nor not
    nothing now of off often old on once one only or other our ours out over own part
    per perhaps quite rather really right same see seen seven she should since six so
    some something sometimes soon still such take taken ten than that the their them
    themselves then there these they thing things third this those though three through
    thus to today together too took toward towards two under until up upon us very was
    we well went were what when where whether which while who whom whose why will with
    within without would yet you your yours eight nine eleven twelve twenty thirty forty
    fifty hundred second fourth fifth sixth seventh eighth ninth tenth twelfth final
    finally mr mrs ms dr also
    added agreed asked began believe called came changed check checked continued
    decided felt find found gave give given helped hold learned learnt left looked
    moved noticed noted reported returned said saw seemed showed started stopped
    suggested taught tell told tried turned used walked want wanted worked works
    working write wrote means matters helps works begins ends
    ache aches aching active acute advice appointment appointments approach assessment
    background balance body care case cases chronic client clients clinic clinician
    clinicians comfort comfortable condition conditions course daily diagnosis doctor
    doctors education evening exercise exercises factor factors finding findings focus
    follow followup further gentle goal goals health healing help history improvement
    initial intake light lower maintenance manual massage medical method methods
    monthly morning night nights note notes nurse outcome outcomes overview pain pains
    patient patients perpetuating physical plan point points posture pressure primary
    programme program progress referral referred referring relief release result
    results review routine self series session sessions severe shift side sleep slow
    soft source stage stiff stiffness strength stretch stretches stretching structural
    study summary support symptom symptoms technique techniques tension therapist
    therapists therapy tissue tissues treatment treatments trigger upper visit visits
    week weekly weeks work year years month months day days time times hour hours
    minute minutes return race player worker desk office table chair home factor
    trial question questions answer answers update thanks welcome contact about
    reading references further resources related tips why key takeaways lessons
    learned case study studies clinical note warning caution disclaimer privacy
    consent practice team our new old today tomorrow yesterday spring summer autumn
    fall winter season holiday weekend
    """.split()
)
# Given names that are also common words ("Will", "Grace"); and a compact list
# of frequent given names, which is all a Title Case heading has to go on.
FIRST_NAMES = frozenset(
    """aaron abigail adam alan albert alex alexander alice alicia allison amanda amber
    amy andrea andrew angela ann anna anne anthony april arthur ashley audrey barbara
    benjamin beth betty beverly bill billy bobby brandon brenda brian brittany bruce
    bryan carl carol caroline catherine charles charlotte cheryl chris christina
    christine christopher cynthia daniel danielle david deborah debra dennis diana
    diane donald donna doris dorothy douglas dylan edward elizabeth emily emma eric
    ethan eugene evelyn frances frank gary george gerald gloria grace gregory hannah
    harold heather helen henry isabella jack jacob james janet janice jason jean
    jeffrey jennifer jeremy jerry jesse jessica joan joe john johnny jonathan jordan
    jose joseph joshua joyce juan judith judy julia julie june justin karen katherine
    kathleen kathryn kayla keith kelly kenneth kevin kimberly kyle larry laura lauren
    lawrence linda lisa logan louis madison margaret maria marie marilyn mark martha
    mary matthew megan melissa michael michelle nancy natalie nathan nicholas nicole
    noah olivia pamela patricia patrick paul peter philip rachel ralph randy raymond
    rebecca richard robert roger ronald rose russell ruth ryan samantha samuel sandra
    sara sarah scott sean sharon shirley sophia stephanie stephen steven susan teresa
    terry theresa thomas timothy tyler victoria vincent virginia walter wayne william
    will hope faith joy may pat art sue gene dawn eve ray don guy max bob
    """.split()
)
TITLES = frozenset("dr mr mrs ms mx prof professor doctor".split())

TOKEN = re.compile(r"[^\W\d_][\w'’-]*\.?")
CAPITALISED = re.compile(r"(?:[A-Z][a-z]*)(?:[A-Z][a-z]+)*(?:[-'’][A-Za-z][a-z]*)*\.?")
INITIAL = re.compile(r"[A-Z]\.")


def _base(word: str) -> str:
    """A word as looked up in the lists: no dot, no possessive, lower case."""
    return re.sub(r"['’]s$", "", word.rstrip(".")).lower()


def _in(words: frozenset, word: str) -> bool:
    """Whether `word`, or each part of it when hyphenated, or its singular is listed."""
    return all(
        part in words or part.removesuffix("s") in words or part.removesuffix("es") in words
        for part in _base(word).split("-")
    )


def _label(token: str) -> str:
    """T title, I initial, C common word, E exempt term, W other capitalised word, O other."""
    if _base(token) in TITLES and (token.endswith(".") or token[0].isupper()):
        return "T"
    if INITIAL.fullmatch(token):
        return "I"
    if not CAPITALISED.fullmatch(token):
        return "O"
    if _in(ANATOMY, token) or _in(MONTHS_AND_DAYS, token) or _in(HEAD_NOUNS, token):
        return "E"
    if _in(COMMON, token):
        return "C"
    return "W"


def _runs(text: str) -> Iterator[list[re.Match]]:
    """Runs of capitalised words, titles and initials joined by single spaces."""
    run: list[re.Match] = []
    for m in TOKEN.finditer(text):
        capitalised = _label(m.group()) != "O"
        # A full stop ends the run unless it belongs to a title or an initial.
        joined = (
            run
            and text[run[-1].end() : m.start()] in (" ", "\u00a0")
            and (not run[-1].group().endswith(".") or _label(run[-1].group()) in "TI")
        )
        if capitalised and joined:
            run.append(m)
            continue
        if len(run) > 1:
            yield run
        run = [m] if capitalised else []
    if len(run) > 1:
        yield run


def _labels(run: list[re.Match]) -> list[str]:
    """The label of each token of a run, in the light of its neighbours."""
    labels = [_label(m.group()) for m in run]
    for i, m in enumerate(run):
        if labels[i] in "CEW" and _in(HEAD_NOUNS, m.group()):
            labels[: i + 1] = ["E"] * (i + 1)
    for i in range(len(run) - 1):
        # A common word that is a given name, before an unknown word: "Will Price".
        given, next_given = (_base(m.group()) in FIRST_NAMES for m in run[i : i + 2])
        if labels[i : i + 2] == ["C", "W"] and given and not next_given:
            labels[i] = "W"
    return labels


def _is_name_shape(shape: str) -> bool:
    """Two unknown capitalised words, or an initial before one: not 'Krystal S.' or 'K. S.'."""
    return shape.count("W") >= 2 or "IW" in shape


def _name_start(
    run: list[re.Match], labels: list[str], i: int, j: int, heading: bool
) -> int | None:
    """Where a full name starts in run[i:j], a stretch of W and I tokens, if it holds one."""
    if not _is_name_shape("".join(labels[i:j])):
        return None
    for k in range(i, j):
        if labels[k] == "I" or _base(run[k].group()) in FIRST_NAMES:
            return k
        rest = "".join(labels[k + 1 : j])
        # In a Title Case heading every word is capitalised: only an initial or
        # a known given name says "person". In prose, keep the given name of
        # "Dana M. Henderson" but drop the verb of "Treating Mary Smith".
        if heading and not _is_name_shape(rest):
            return None
        if not heading and rest.count("W") < 2:
            return k
    return None


def _name_spans(run: list[re.Match], heading: bool) -> Iterator[tuple[int, int]]:
    """(start, end) of each full name in one run of capitalised tokens."""
    labels = _labels(run)
    i = 0
    while i < len(run):
        if labels[i] == "T" and i + 1 < len(run) and labels[i + 1] in "CWI":
            j = i + 2  # a title makes a name of whatever follows: Dr. Long, Dr. J. Smith
        elif labels[i] in "WI":
            j = i
        else:
            i += 1
            continue
        while j < len(run) and labels[j] in "WI":
            j += 1
        start = i if labels[i] == "T" else _name_start(run, labels, i, j, heading)
        if start is not None:
            last = run[j - 1]
            full_stop = labels[j - 1] != "I" and last.group().endswith(".")
            yield run[start].start(), last.end() - full_stop
        i = j


def _phrases(phrases: Iterable[str]) -> re.Pattern | None:
    """One case-insensitive pattern for all `phrases`, tolerant of plurals and line breaks."""
    words = []
    for phrase in phrases:
        parts = re.sub(r"\([^)]*\)", " ", phrase).split()
        if parts:
            words.append(r"\s+".join(re.escape(p) + r"(?:['’]?s|es)?" for p in parts))
    if not words:
        return None
    words.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


BUILT_IN_PHRASES = _phrases(TERMS + AUTHORITIES)


def names(
    text: str, *, heading: bool = False, known: re.Pattern | None = None, limit: int | None = None
) -> list[str]:
    """Full names: capitalised word runs that are not terms, common words or pseudonyms.

    `known` masks condition names and allowed phrases; names starting at or
    after `limit` belong to the next line and are left to it.
    """
    for pattern in (known, BUILT_IN_PHRASES):
        if pattern is not None:
            text = _mask(pattern, text, "x")
    limit = len(text) if limit is None else limit
    found = []
    for run in _runs(text):
        for start, end in _name_spans(run, heading):
            if start < limit:
                found.append(text[start:end])
    return found


# --- 10. images ------------------------------------------------------------------------

IMAGE_REFERENCE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)|<img\b[^>]*\bsrc=[\"']([^\"']+)")


def image_references(text: str) -> list[tuple[int, str]]:
    """(line, target) of each image a post shows, for `image_findings` by the caller."""
    return [
        (number, m.group(1) or m.group(2))
        for number, line in enumerate(text.splitlines(), start=1)
        for m in IMAGE_REFERENCE.finditer(line)
    ]


def image_findings(path) -> list[Finding]:
    """Camera, place and time metadata in an image file, as findings on line 0."""
    try:
        with Image.open(path) as image:
            exif = image.getexif()
    except UnidentifiedImageError:
        return []  # SVG and other non-raster files carry no EXIF
    found = []
    if exif.get_ifd(ExifTags.IFD.GPSInfo):
        found.append("GPS position")
    camera = " ".join(
        str(exif[tag]).strip() for tag in (ExifTags.Base.Make, ExifTags.Base.Model) if exif.get(tag)
    )
    if camera:
        found.append(f"camera {camera}")
    taken = exif.get_ifd(ExifTags.IFD.Exif).get(ExifTags.Base.DateTimeOriginal)
    if taken:
        found.append(f"time taken {taken}")
    name = Path(path).name
    return [
        Finding(
            0,
            "image-exif",
            what,
            f"{name} carries its {what} in EXIF; strip the metadata "
            f"(exiftool -all= {name}) or re-save the image without EXIF",
        )
        for what in found
    ]


# --- the whole post ------------------------------------------------------------------

KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:(?:\s|$)")
NESTED_KEY = re.compile(r"^\s+(?:-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
BLOCK_START = re.compile(r"^\s*(?:$|#|[-*+>|]\s|\d+[.)]\s|```|~~~|<)")


def _title_case(text: str) -> bool:
    """Whether nearly every longer word is capitalised, as in 'Groin Pain In A Hockey Player'."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _front_matter_end(lines: list[str]) -> int:
    """How many leading lines are front matter: YAML between ---, or Pelican's Key: value header."""
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return i + 1
        return len(lines)
    if lines and KEY.match(lines[0]):
        return next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    return 0


def _lines(text: str) -> Iterator[_Line]:
    """Every line worth linting, with its front-matter key and heading status."""
    lines = text.splitlines()
    end = _front_matter_end(lines)
    key = field = None
    for i, line in enumerate(lines):
        if i < end:
            if line.strip() in ("---", "..."):
                continue
            top = KEY.match(line)
            if top:
                key = field = top.group(1).lower()
                line = line[top.end() :]
            else:
                nested = NESTED_KEY.match(line)
                if nested:
                    field = nested.group(1).lower()
                    line = line[nested.end() :]
            yield _Line(i + 1, line, key, field, key == "title" and _title_case(line), "")
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        continuation = "" if BLOCK_START.match(following) else following.strip()
        heading = bool(HEADING.match(line)) and _title_case(line)
        yield _Line(i + 1, line, None, None, heading, continuation)


# Run in this order, each masking what it found, so an SSN is not also a
# phone number and a phone number is not also a date.
CHECKS: tuple[tuple[str, Callable[[str], list[str]], Callable[[str], str] | None], ...] = (
    ("record-number", record_numbers, lambda text: _mask(RECORD, text)),
    ("phone", phones, _mask_phones),
    ("address", addresses, lambda text: _mask(ADDRESS, text)),
    ("date", dates, None),
    ("age", ages, None),
)


def _lint_line(line: _Line, known: re.Pattern | None) -> Iterator[Finding]:
    """Findings on one line, each identifier reported under one kind only."""
    text = line.text
    for url in urls(text):
        yield _finding(line.number, "url", url)
    text = _mask(LINK_TARGET, _mask(URL, text))
    for email in emails(text):
        yield _finding(line.number, "email", email)
    text = _mask(EMAIL, text)
    for kind, check, mask in CHECKS:
        for match in check(text):
            yield _finding(line.number, kind, match)
        if mask is not None:
            text = mask(text)
    if line.field == "client":
        value = re.sub(r"\s+#.*$", "", line.text).strip().strip("\"'")
        found = pseudonym(value, line.number)
        if found:
            yield found
        return
    joined = f"{text} {line.continuation}" if line.continuation else text
    for name in names(joined, heading=line.heading, known=known, limit=len(text)):
        yield _finding(line.number, "name", name)


def lint_case(
    text: str, *, allowed: Iterable[str] = (), known_terms: Iterable[str] = ()
) -> list[Finding]:
    """Everything in a case post's source that may identify the client, by line."""
    allowed = [a.strip().lower() for a in allowed if a.strip()]
    known = _phrases([*known_terms, *allowed])
    findings = [
        finding
        for line in _lines(text)
        if line.key not in SKIP_KEYS
        for finding in _lint_line(line, known)
        if not any(finding.text.lower() in phrase for phrase in allowed)
    ]
    return sorted(findings, key=lambda f: f.line)


__all__ = [
    "Finding",
    "lint_case",
    "pseudonym",
    "image_findings",
    "image_references",
    "names",
    "phones",
    "emails",
    "addresses",
    "dates",
    "ages",
    "record_numbers",
    "urls",
]
