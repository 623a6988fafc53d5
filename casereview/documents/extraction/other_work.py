"""Pages whose subject is not a child's case review though they speak of children, harm and reviews: an
inspection of services (a JTAI, Ofsted, HMICFRS, the Care Inspectorate, HIQA), and the reviews of other
kinds (safeguarding adult reviews, domestic homicide reviews, LeDeR, health safety investigations). The
metadata rules ask these questions before they count a child's kind of review."""

import functools
import re

from . import page_title

# An inspection named as the page's subject in its title: an inspection or re-inspection, what was inspected,
# its inspectors, a JTAI or ILACS, Ofsted rating or judging ("Ofsted inspection of …", "Inspectors find …",
# "An Ofsted probe after … finds services inadequate").
INSPECTION = re.compile(
    r"\b(?:re-?)?inspections?\b|\binspect(?:ed|ors?)\b|\b(?:JTAIs?|ILACS)\b"
    r"|\bOfsted\b[^.\n]{0,60}\b(?:rated|rates|judged|judges|inadequate|requires improvement|probe)\b",
    re.I,
)
# A child's case review named in the page's opening ("Ofsted inspection evidence: learning lessons from serious
# case reviews", "the inspection found that the learning from this SCR …").
CHILD_REVIEW_IN_TITLE = re.compile(
    r"\b(?:serious case|significant case|(?:child )?safeguarding practice|child practice|case management|learning)"
    r"\s+reviews?\b|\b(?:L?CSPRs?|SCRs?|CMRs?|CPRs?|ICRs?)\b|\bnational review\b(?! panel)",
    re.I,
)
# A review or its brief named in a title, or the child it is about ("Rapid Review: Child K", "Learning Review –
# Child C", "7 minute briefing: Baby R"): the page is that review's, though it speaks of an inspection.
A_REVIEW_IN_TITLE = re.compile(
    CHILD_REVIEW_IN_TITLE.pattern
    + r"|\b(?:rapid|thematic|multi-?agency|multi agency)\s+reviews?\b|\blearning (?:brief|briefing|summary)\b"
    r"|\b\d{1,2}[- ]minute brief|(?-i:\b(?:Child|Baby|Young Person|Sibling|Family) [A-Z]{1,3}\d?\b)",
    re.I,
)
OPENING = 300  # characters: a page's own title and first lines


def about_an_inspection(text):
    """The page is about an inspection of services (its findings, its judgement, a notice after it): its
    title says so and names no review of a child's case, though the page may name the child whose death led
    to the inspection, or a review."""
    title = page_title.heading(text)
    return bool(INSPECTION.search(title)) and not A_REVIEW_IN_TITLE.search(title)


# Reviews of other kinds than a child's case: of an adult's (England's SARs, Wales's adult practice reviews),
# of a domestic homicide, of the deaths of people with a learning disability (LeDeR).
OTHER_KINDS = re.compile(
    r"\bsafeguarding adults? reviews?\b|(?-i:\bSARs?\b)|\badult (?:practice|case) reviews?\b"
    r"|\bdomestic (?:homicide|abuse related death) reviews?\b|(?-i:\bDHRs?\b)|\bmental health homicide reviews?\b"
    r"|(?-i:\bLeDeR\b)|\bsafeguarding adults boards?\b|(?-i:\bSABs?\b)",
    re.I,
)
# A child's case review, by any of its names here or in the other nations.
CHILD_CASE_REVIEW = re.compile(
    r"\b(?:serious case|significant case|(?:child )?safeguarding practice|child practice|case management)"
    r"\s+reviews?\b|(?-i:\b(?:L?CSPRs?|SCRs?|CMRs?)\b)",
    re.I,
)
# A study across reviews of another kind: "Analysis of Safeguarding Adult Reviews April 2017 – March 2019",
# "The study analysed the findings of 231 SARs", "a thematic review of domestic homicide reviews".
ACROSS_OTHER_REVIEWS = re.compile(
    r"\b(?:analys(?:is|es|ed|ing)|stud(?:y|ies)|review|evaluation|synthesis)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:findings\s+of\s+)?(?:(?:\d+|[a-z]+ty|[a-z]+teen|several|many|national|local)\s+){0,2}"
    r"(?:safeguarding adults? reviews|SARs|domestic homicide reviews|DHRs|adult practice reviews)\b",
    re.I,
)


OTHER_KINDS_WORDS = ("adult", "homicide", "abuse related death")  # one of them is in every OTHER_KINDS name
OTHER_KINDS_ABBREVIATIONS = ("SAR", "DHR", "LeDeR", "SAB")


@functools.lru_cache(maxsize=4)
def only_other_kinds(text):
    """The page is about reviews of other kinds than a child's case review (adults', homicides', LeDeR): its
    opening names one, its title names no child's review or the child ("Learning brief: Child T", whose
    mother's death had a domestic homicide review alongside), and it names no child's case review anywhere.
    The patterns run only where their words occur (over a long text a pattern of many alternatives is slow),
    and the answer is kept for the text, which the metadata rules ask about more than once."""
    opening = text[:OPENING]
    if not any(word in opening for word in OTHER_KINDS_ABBREVIATIONS):
        lowered = opening.lower()
        if not any(word in lowered for word in OTHER_KINDS_WORDS):
            return False
    if not OTHER_KINDS.search(opening) or A_REVIEW_IN_TITLE.search(page_title.heading(text)):
        return False
    return not CHILD_CASE_REVIEW.search(text)


def across_other_kinds(text):
    """A study of many reviews of another kind: learning across reviews (`thematic`), as for children's."""
    return only_other_kinds(text) and bool(ACROSS_OTHER_REVIEWS.search(text))


# A public or independent inquiry's own report or a page about one ("The Report of the Independent Jersey
# Care Inquiry", "Lord Laming's inquiry into the death of Victoria Climbié"), named in the page's title: not
# an inquiry spoken of in a review's opening ("the coroner's inquiry into Baby R's death heard …").
INQUIRY = re.compile(r"\binquiry\b", re.I)


def not_a_case_review(text):
    """The page is an inspection's, an inquiry's or another kind of review's: its report or executive summary
    is not a child's case review's overview report, executive summary or learning brief."""
    if CHILD_REVIEW_IN_TITLE.search(text[:OPENING]):
        return False
    return about_an_inspection(text) or bool(INQUIRY.search(page_title.heading(text))) or only_other_kinds(text)


# A paper to a meeting or legislature, by its framing: minutes of a meeting, a body asked to decide or note
# ("The States are asked to decide", "The Board is requested to note the report"), a member's question to a
# minister ("Will the Cabinet Secretary ensure …"), a States committee's policy letter ("Committee for Health
# & Social Care - P.2022/74").
MEETING_PAPER = re.compile(
    r"\bminutes (?:of|from) (?:the |a )?(?:[\w&()-]+ ){0,6}(?:meeting|board|committee|panel|council|forum)\b"
    r"|\b(?:states|assembly|council|board|committee|cabinet|members|panel|partnership|executive) (?:is|are)"
    r" (?:being )?(?:asked|requested|invited|recommended) to (?:decide|note|agree|approve|endorse|consider|receive)\b"
    r"|\b(?:is|are) asked to decide\b"
    r"|^[ \t]*(?:will|what|how|does|can|when|has|is) the (?:cabinet secretary|minister|first minister"
    r"|secretary of state|deputy minister)\b"
    r"|(?-i:\bCommittee for [A-Z])",
    re.I | re.M,
)
# one of these is in every MEETING_PAPER cue: the pattern runs only where one occurs
MEETING_WORDS = ("minutes", "asked to", "requested to", "invited to", "recommended to", "minister", "secretary")
MEETING_WORDS += ("committee",)
# A legislature's or council's committee heading the page with its report ("The Review of Elective Home
# Education - Children, Schools and Families Committee Contents").
COMMITTEE_HEADING = re.compile(r"(?-i:\b[A-Z][a-z]+ Committee)(?:\s+Contents)?\s*$")
# ... not a body that publishes case reviews and is called a committee (Scotland's and the Channel Islands'
# child protection committees, Scotland's adult protection committees): "Learning Review – Child C –
# Renfrewshire Child Protection Committee" is the review, published by the committee.
PROTECTION_COMMITTEE = re.compile(r"\b(?:child|adult|public) protection committee\b", re.I)


def a_meeting_paper(title):
    """The page is a paper to a meeting or a legislature (`committee_report`), by how it is framed: not a
    document that a body called a committee publishes, such as its case review."""
    first_line = next((line for line in title.splitlines() if line.strip()), "")
    lowered = title.lower()
    framed = any(word in lowered for word in MEETING_WORDS) and MEETING_PAPER.search(title)
    headed = (
        COMMITTEE_HEADING.search(first_line)
        and not PROTECTION_COMMITTEE.search(first_line)
        and not A_REVIEW_IN_TITLE.search(first_line)
    )
    return bool(framed or headed)


# A research paper's page (a journal abstract, a paper of a series), near its opening: "## Abstract",
# "a systematic review and qualitative metasynthesis", "In a Series of three papers".
RESEARCH_PAPER = re.compile(
    r"^[#* \t]*abstract\b|\babstract=|\*\*background\*\*"
    r"|\bsystematic (?:literature )?review\b|\bmeta-?(?:synthesis|analysis)\b|\bscoping review\b"
    r"|\b(?:this|in this|a series of (?:\w+ )?)papers?\b(?: (?:outlines|reports|describes|discusses|we))?",
    re.I | re.M,
)
# A structured abstract's headings ("OBJECTIVE: … METHODS: … RESULTS:"): two of them make a paper's abstract;
# one alone is any page's heading ("3. Conclusion: agencies must …" in a 7 minute briefing).
ABSTRACT_HEADING = re.compile(r"\b(objective|method|result|conclusion)(?:s)?\s*:\s", re.I)
ABSTRACT_HEADINGS = 2
RESEARCH_OPENING = 1000
# one of these is in every RESEARCH_PAPER or ABSTRACT_HEADING cue: the patterns run only where one occurs
RESEARCH_WORDS = ("abstract", "objective", "method", "result", "conclusion", "background", "systematic", "meta")
RESEARCH_WORDS += ("scoping", "paper")


def a_research_paper(text):
    """The page is a research paper's (its abstract, its opening): about its topic, not about one review."""
    opening = text[:RESEARCH_OPENING]
    lowered = opening.lower()
    if not any(word in lowered for word in RESEARCH_WORDS):
        return False
    headings = {match.group(1).lower() for match in ABSTRACT_HEADING.finditer(opening)}
    return len(headings) >= ABSTRACT_HEADINGS or bool(RESEARCH_PAPER.search(opening))
