"""Cue words for agencies (sectors) and themes; the theme tags follow domain.md's taxonomy as the gold files
write them. Indicative tags for a person to confirm, not scored."""

import re


def _cues(table):
    return [(tag, re.compile(pattern, re.I)) for tag, pattern in table]


AGENCY_CUES = _cues([
    ("children's social care", r"\bchildren['’]?s social care\b|\bsocial work(?:er)?s?\b|\bsocial services\b"),
    ("police", r"\bpolice\b|\bconstabulary\b"),
    ("health", r"\bhealth (?:visitor|services?|professionals?)\b|\bNHS\b|\bCCG\b|\bGPs?\b|\bhospital\b|\bnurse\b|\bmidwi"),
    ("education", r"\bschools?\b|\beducation\b"),
    ("probation", r"\bprobation\b"),
    ("fire", r"\bfire brigade\b|\bfire (?:and rescue )?service\b"),
    ("CAFCASS", r"\bCAFCASS\b"),
    ("voluntary", r"\bvoluntary (?:sector|organisations?)\b"),
    ("substance misuse services", r"\bsubstance misuse services?\b|\bdrug (?:and alcohol )?services?\b"),
    ("housing", r"\bhousing (?:officer|provider|services?)\b"),
])

THEME_CUES = _cues([
    ("neglect", r"\bneglect"),
    ("physical abuse", r"\bphysical abuse\b|\bnon-accidental injur"),
    ("sexual abuse", r"\bsexual abuse\b|\brape\b|\bsexual offence"),
    ("emotional abuse", r"\bemotional abuse\b"),
    ("child sexual exploitation", r"\bsexual exploitation\b|\bCSE\b"),
    ("criminal exploitation", r"\bcriminal exploitation\b|\bcounty lines\b|\bCCE\b"),
    ("trafficking/modern slavery", r"\btrafficking\b|\bmodern (?:day )?slavery\b"),
    ("under-ones/babies", r"\bbaby\b|\binfant\b|\bunder[- ]ones?\b|\baged \d+ months\b"),
    ("looked-after children", r"\blooked[- ]after\b|\bin care\b|\bcorporate parent"),
    ("care leavers", r"\bcare leavers?\b"),
    ("SEND/disability", r"\bSEND\b|\bdisabilit|\bspecial educational needs\b"),
    ("missing from care/home", r"\bmissing from (?:care|home)\b|\bgo(?:es|ing)? missing\b|\bchildren who go missing\b"),
    ("social media/online", r"\bsocial media\b|\bonline\b"),
    ("mental health/self-harm", r"\bself[- ]harm\b|\bmental health\b"),
    ("youth violence/knife crime", r"\bknife crime\b|\byouth violence\b"),
    ("domestic abuse", r"\bdomestic (?:abuse|violence)\b"),
    ("parental substance misuse", r"\bsubstance misuse\b|\bmethadone\b|\balcohol (?:misuse|dependency)\b|\bdrug (?:use|misuse)\b"),
    ("parental mental health", r"\bparent(?:al)? (?:with a )?mental (?:health|illness)\b"),
    ("private fostering", r"\bprivate fostering\b"),
    ("special guardianship", r"\bspecial guardianship\b|\bSGOs?\b"),
    ("information sharing", r"\b(?:sharing|transfer\w*) (?:of )?information\b|\binformation sharing\b"),
    ("multi-agency working", r"\bmulti[- ]agency working\b|\binter[- ]agency working\b"),
    ("escalation", r"\bescalation\b"),
    ("assessment/history", r"\bpsycho-social history\b|\bgenogram\b|\bchronolog"),
    ("voice of the child", r"\bwishes and feelings\b|\bvoice of the child\b|\blived experience\b"),
    ("workforce turnover/capacity", r"\bturnover\b|\bsickness among\b|\bcaseloads?\b"),
    ("placement", r"\bplacements?\b"),
    ("education/school moves", r"\bmoves? schools\b|\bschool moves?\b|\bmissing from education\b"),
    ("police", r"\bpolice and children['’]?s social care\b"),
    ("supervision", r"\bsupervision\b"),
    ("thresholds", r"\bthresholds?\b"),
])
