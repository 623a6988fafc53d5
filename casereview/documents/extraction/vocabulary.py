"""Cue phrases for agencies (sectors) and themes; the theme tags follow domain.md's taxonomy as the gold
files write them. Indicative tags for a person to confirm, not scored.

Phrases are matched against the text lower-cased with punctuation turned to spaces, at a word start
("placement" also finds "placements"); a trailing space demands a whole word. UPPER-CASE entries are
acronyms, matched as whole upper-case words only ("SEND" is not "send"). Plain substring tests keep
tagging a long report to a few milliseconds, where dozens of regular expressions took tens."""

import re
from collections import Counter

AGENCY_CUES = [
    (
        "children's social care",
        ["children s social care", "childrens social care", "social worker", "social work ", "social services"],
    ),
    ("police", ["police", "constabulary"]),
    (
        "health",
        [
            "health visitor",
            "health services",
            "health professional",
            "NHS",
            "CCG",
            "GP",
            "GPs",
            "hospital",
            "nurse",
            "midwi",
            "health assessment",
        ],
    ),
    ("education", ["school", "education"]),
    ("probation", ["probation"]),
    ("fire", ["fire brigade", "fire service", "fire and rescue"]),
    ("CAFCASS", ["CAFCASS", "cafcass"]),
    ("voluntary", ["voluntary sector", "voluntary organisation"]),
    ("substance misuse services", ["substance misuse service", "drug service", "drug and alcohol service"]),
    ("housing", ["housing officer", "housing provider", "housing service"]),
]

THEME_CUES = [
    ("neglect", ["neglect"]),
    ("physical abuse", ["physical abuse", "non accidental injur"]),
    ("sexual abuse", ["sexual abuse", "rape ", "raped ", "sexual offence"]),
    ("emotional abuse", ["emotional abuse"]),
    ("child sexual exploitation", ["sexual exploitation", "CSE"]),
    ("criminal exploitation", ["criminal exploitation", "county lines", "CCE"]),
    ("trafficking/modern slavery", ["trafficking", "modern slavery", "modern day slavery"]),
    ("under-ones/babies", ["baby ", "babies", "infant", "under one", "months old", "aged 6 months"]),
    ("looked-after children", ["looked after", "in care ", "corporate parent"]),
    ("care leavers", ["care leaver"]),
    ("SEND/disability", ["SEND", "disabilit", "disabled child", "special educational needs"]),
    (
        "missing from care/home",
        ["missing from care", "missing from home", "go missing", "goes missing", "going missing"],
    ),
    ("social media/online", ["social media", "online "]),
    ("mental health/self-harm", ["self harm", "suicid"]),
    ("youth violence/knife crime", ["knife crime", "youth violence"]),
    ("domestic abuse", ["domestic abuse", "domestic violence"]),
    (
        "parental substance misuse",
        ["substance misuse", "methadone", "alcohol misuse", "alcohol dependency", "drug misuse"],
    ),
    ("parental mental health", ["parental mental health", "parent with a mental illness", "maternal mental health"]),
    ("private fostering", ["private fostering"]),
    ("special guardianship", ["special guardianship", "SGO", "SGOs"]),
    (
        "information sharing",
        ["information sharing", "sharing information", "sharing and transferring information", "share information"],
    ),
    ("multi-agency working", ["multi agency working", "inter agency working"]),
    ("escalation", ["escalation"]),
    ("assessment/history", ["psycho social history", "genogram", "chronolog"]),
    ("voice of the child", ["wishes and feelings", "voice of the child", "lived experience"]),
    ("workforce turnover/capacity", ["turnover", "sickness among", "caseload"]),
    ("placement", ["placement"]),
    ("education/school moves", ["moves schools", "school move", "missing from education"]),
    ("police", ["police and children s social care"]),
    ("supervision", ["supervision"]),
    ("thresholds", ["threshold"]),
]


class CueText:
    """A text prepared once for many cue look-ups."""

    def __init__(self, text):
        self.words = " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "
        self.acronyms = Counter(re.findall(r"\b[A-Z]{2,}s?\b", text))

    def has(self, phrase):
        if phrase.isupper():
            return phrase in self.acronyms
        return f" {phrase}" in self.words

    def count(self, phrase):
        if phrase.isupper():
            return self.acronyms[phrase]
        return self.words.count(f" {phrase}")


def tags_found(cue_text, table):
    return [tag for tag, phrases in table if any(cue_text.has(phrase) for phrase in phrases)]
