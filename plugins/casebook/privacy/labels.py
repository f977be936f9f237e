"""The labels of the eight code categories (LABELS), in one alternation (LABEL): "MRN",
"member ID", "card ending in", "plate", "S/N", "voiceprint", "badge", and the generic ones."""

from __future__ import annotations

import re

from .findings import (
    ACCOUNT,
    BIOMETRIC,
    DEVICE,
    HEALTH_PLAN,
    LICENCE,
    MEDICAL_RECORD,
    OTHER_CODE,
    VEHICLE,
)

S = r"[^\S\n]"  # a space within a line
NUM = rf"(?:{S}*(?:number|num\.?|no\.?|\#|id|i\.d\.|code))"  # "number", "no.", "#", "ID"

# The labels of each category, as regular expressions (case-insensitive, whole words).
LABELS: dict[str, tuple[str, ...]] = {
    MEDICAL_RECORD: (
        r"mrn",
        r"hrn",  # a hospital record number
        r"(?:emr|ehr)" + NUM,
        r"mr\#",
        r"mr\.?" + S + r"?no\.?",
        r"medical" + S + r"+record" + NUM + "?",
        r"(?:hospital|clinic|patient|chart|record|case|accession|encounter)" + NUM,
        r"chart",
        r"record" + S + r"+(?:number|no\.?)",
    ),
    HEALTH_PLAN: (
        r"member(?:ship)?" + NUM,
        r"subscriber" + NUM + "?",
        r"policy" + NUM + "?",
        r"group" + NUM,
        r"(?:health" + S + r"+)?plan" + NUM,
        r"insurance" + NUM,
        r"beneficiary" + NUM + "?",
        r"(?:medicare|medicaid|masshealth|medi-cal)" + NUM + "?",
        r"mbi",
        r"hicn",
        # A plan's member number with no "ID": "Tufts Health member 440018827".
        r"member(?=" + S + r"+\d{5})",
        r"(?:insurance|medicare|medicaid)" + S + "+card",
    ),
    ACCOUNT: (
        r"account" + NUM + "?",
        r"acct\.?" + NUM + "?",
        r"card" + S + r"+ending(?:" + S + "+in)?",
        r"(?:credit|debit|bank|hsa|fsa)" + S + r"+card" + NUM + "?",
        r"routing" + NUM + "?",
        r"iban",
        r"invoices?" + NUM + "?",
        r"receipt" + NUM,
        r"ending" + S + r"+in",
        # A card's brand before its last digits: "the Amex ending 1009", "Visa no. 4417".
        r"(?:visa|amex|american"
        + S
        + r"+express|mastercard|discover|maestro)(?:"
        + S
        + r"+card)?(?:"
        + S
        + r"+(?:ending(?:"
        + S
        + r"+in)?|ends"
        + S
        + r"+in))",
        r"last" + S + r"+(?:four|4)(?:" + S + r"+digits)?",
    ),
    LICENCE: (
        r"licen[cs]e(?!" + S + r"+plate)" + NUM + "?",
        r"certificate" + NUM + "?",
        r"certification" + NUM,
        r"cdl",
        r"dl\#?",  # a driver's licence: "Utah DL 154229931", "DL#154229932"
        r"lic\.?" + NUM + "?",  # "PR PT Lic. 4471", "PT Lic 4471"
        r"npi",
        r"dea" + NUM + "?",
        r"permit" + NUM + "?",
    ),
    VEHICLE: (
        r"(?:licen[cs]e|number|vanity|car|registration)" + S + r"+plates?",
        r"plates?",
        # Spanish for a plate, as Puerto Rico ("tablilla") and Latin America ("placa") write it.
        r"tablillas?",
        r"placas?",
        r"vin",
        r"vehicle" + S + r"+(?:identification" + S + r"+)?number",
        # An aircraft's or a boat's registration: "N-number N4471K", "tail number", "hull ID".
        r"n-(?:number|no\.?)",
        r"(?:tail|hull)-?" + NUM,
        r"hin",  # a boat's hull identification number
        # A registration written short: "MA reg. 2KL 448", "rego 1ABC234".
        # Letters and a digit in the code: "reg. 164.514" cites a regulation.
        r"(?:reg|regn|rego)\.?(?=" + S + r"+(?=[A-Z0-9]*[A-Z])[A-Z0-9]*\d)",
    ),
    DEVICE: (
        r"serial" + NUM + "?",
        r"s/n",
        r"sn\#?",
        r"imei",
        r"meid",
        r"esn",  # a phone's or a satellite tracker's electronic serial number
        r"mac" + S + r"+address",
        r"device" + NUM,
        r"unit" + NUM,
        r"transmitter" + NUM + "?",
        r"udi",
    ),
    BIOMETRIC: (
        r"fingerprint(?:" + S + r"+(?:transaction|template|record))?" + NUM + "?",
        r"tcn",
        r"voiceprint" + NUM + "?",
        r"voice" + S + r"+print" + NUM + "?",
        # "retina scan ID", "retinal scan record", "iris scan template": an eye read by a machine.
        r"(?:retina|retinal|iris)(?:-|"
        + S
        + r")+scan(?:"
        + S
        + r"+(?:record|template))?"
        + NUM
        + "?",
        r"iris(?:-scan)?" + NUM,
        r"gait" + NUM,
        r"(?:gait|biometric|hand|palm|face)" + S + r"*template",
        # "palm-vein scan ID", "face print", "facial recognition ID": a body read by a machine.
        r"(?:palm|palm-vein|vein|face|facial|hand)(?:-|"
        + S
        + r")+(?:scan|print|recognition)"
        + NUM
        + "?",
        r"faceprint" + NUM + "?",
        r"retina(?:l|-scan)?" + NUM + "?",
        r"template",
        r"(?:dna|genetic)(?:" + S + r"+(?:test|kit|sample))?" + NUM,
        # A heart's rhythm read as a signature: "ECG signature hash 5c19e0aa71".
        r"(?:ecg|ekg|heartbeat|cardiac)"
        + S
        + r"+(?:signature|template|print)(?:"
        + S
        + r"+hash)?"
        + NUM
        + "?",
        r"(?:kit|sample)" + NUM,
    ),
    OTHER_CODE: (
        r"(?:employee" + S + r"+)?badge" + NUM + "?",
        # A building's key fob: "fob 55-0921", "key-fob 44817", "keyfob 44817".
        r"(?:key(?:" + S + r"+|-)?)?fob" + NUM + "?",
        r"locker" + NUM + "?",
        r"employee" + NUM,
        r"staff" + NUM,
        r"student" + NUM,
        r"bib" + NUM + "?",
        r"race" + S + r"+number",
        r"meeting" + NUM,
        r"booking(?:" + S + r"+(?:reference|ref\.?))?" + NUM + "?",
        r"confirmation" + NUM + "?",
        r"reservation" + NUM + "?",
        # An airline booking's code: "PNR K7XQ2M", "record locator QX4T7B".
        r"pnr",
        r"(?:record|booking)" + S + r"+locator",
        r"ticket" + NUM + "?",
        r"order" + NUM,
        r"reference" + NUM,
        r"ref\.?" + NUM + "?",
        r"claim" + NUM + "?",
        r"gift" + S + r"+(?:certificate|card)" + NUM + "?",
        r"voucher" + NUM + "?",
        r"(?:gym|library|loyalty|membership)" + S + r"+card" + NUM + "?",
        r"customer" + NUM,
        r"user" + S + r"*id",
        r"passport" + NUM + "?",
        r"tracking" + NUM,
        r"case" + S + r"+(?:number|no\.?)",
        r"frame" + NUM,  # a bicycle's frame number: "frame no. WTU 218 C 44810"
        # National identity numbers of the countries clients come from.
        r"cpf",  # Brazil
        r"curp",  # Mexico
        r"dni",  # Spain, Argentina, Peru
        r"pesel",  # Poland
        r"aadhaar" + NUM + "?",  # India
        r"nhs" + NUM,  # the UK's health service
        r"national" + S + r"+(?:id|identity|insurance)" + NUM + "?",
    ),
}
# A label that says "a number" but not of what: the words around it tell.
GENERIC = (r"id", r"i\.d\.", r"number", r"no\.", r"\#", r"code", r"card", r"identifier")

# Words that tell a generic label's category (the nearest wins).
CONTEXT: dict[str, str] = {
    **dict.fromkeys(
        "hospital clinic chart record records patient physician doctor neurologist cardiology "
        "oncology podiatry podiatrist mri x-ray ultrasound study".split(),
        MEDICAL_RECORD,
    ),
    **dict.fromkeys(
        "insurance insurer medicare medicaid masshealth plan member subscriber policy cigna "
        "aetna humana tufts pilgrim cross shield beneficiary".split(),
        HEALTH_PLAN,
    ),
    **dict.fromkeys(
        "account bank card hsa fsa credit debit invoice billing payment pays paid receipt "
        "cheque".split(),
        ACCOUNT,
    ),
    **dict.fromkeys("licence license certificate permit cdl dl".split(), LICENCE),
    **dict.fromkeys("car truck van vehicle plate plates vin".split(), VEHICLE),
    **dict.fromkeys(
        "serial device pendant pacemaker defibrillator cgm transmitter pump implant monitor "
        "sensor cpap tens watch tracker hearing aid imei phone's wheelchair".split(),
        DEVICE,
    ),
    **dict.fromkeys(
        "fingerprint fingerprinted print retina retinal iris voiceprint voice gait template dna "
        "genetic biometric biometrics hand-geometry vein palm-vein faceprint facial enrolment "
        "enrollment keystroke".split(),
        BIOMETRIC,
    ),
    **dict.fromkeys(
        "badge student bib meeting booking ticket order gift gym library claim voucher "
        "passport fob locker".split(),
        OTHER_CODE,
    ),
}


def _alternation() -> re.Pattern[str]:
    parts = [f"(?P<c{i}>{'|'.join(p)})" for i, p in enumerate(LABELS.values())]
    parts.append(f"(?P<generic>{'|'.join(GENERIC)})")
    return re.compile(r"(?i:(?<![\w/-])(?:" + "|".join(parts) + r")(?![\w/]|-\w))")


LABEL = _alternation()
# The first word of every label: a line with none of them holds no label (a quick test
# before the long alternation above, which is tried at every position).
LABEL_STARTS = frozenset(
    re.sub(r"[^a-z#/]+", " ", p.split("(")[0].split("\\")[0].lower()).split()[0]
    for patterns in (*LABELS.values(), GENERIC)
    for p in patterns
    if re.sub(r"[^a-z#/]+", " ", p.split("(")[0].split("\\")[0].lower()).split()
) | frozenset(
    "hospital clinic patient chart record case accession encounter member membership health "
    "medicare medicaid masshealth medi insurance credit debit bank hsa fsa licence license "
    "car number vanity registration gait biometric hand palm face dna genetic kit sample "
    "gym library loyalty employee booking gift user id ss ssn mr s sn i # no plan plate invoice "
    "acct receipt template voiceprint fingerprint retinal visa amex american mastercard discover "
    "maestro tablilla tablillas placa placas pnr lic ecg ekg heartbeat cardiac key fob "
    "keyfob locker n-number n tail hull esn hin reg regn rego".split()
)
WORDS = re.compile(r"[a-z#/]+")
LABEL_CATEGORIES = list(LABELS)
