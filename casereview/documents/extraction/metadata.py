"""The document-level fields: kind of document, kind of review, children, partnership, dates, agencies,
themes, methodology. Each reads cues any report of that kind uses, not any one report's wording."""

import re
from collections import Counter

from . import other_work, page_title, pseudonym_forms
from .page_title import title_paragraph as _title_paragraph
from .result import DATE_KEYS
from .vocabulary import AGENCY_CUES, THEME_CUES, CueText, tags_found

TITLE_REGION = 1500  # characters: covers a committee report's cover table or a report's title page

# A council or committee paper, or its minutes: the cover table of a report to a meeting, or the
# framing of a minuted item (other_work.a_meeting_paper reads the other framings of a paper to a meeting).
# "Report of"/"Report to" alone also open overview reports, so they count only when no report title says what
# else the document is.
COMMITTEE_CUES = re.compile(
    r"\b(?:meeting (?:name|date)|agenda item|item no\b|classification:|wards? affected|decision maker|key decision"
    r"|originating officer|minutes:|resolved\b|issue - meetings|(?:scrutiny|select|sub[- ]?)\s*committee"
    r"|committee \(item|cabinet member|^[ \t]*decision:|members (?:asked|noted|considered)|the committee (?:considered"
    r"|received|asked|noted|discussed))",
    re.I | re.M,
)
# A cue of the cover table: at the start of a line ("Report of: Director of Children's Services", "Report to
# Cabinet"), not in a sentence ("a thematic report of Ofsted's evaluation", "evidence of report authors").
WEAK_COMMITTEE_CUES = re.compile(
    r"^[ \t|]*(?:report of\b|report to\b|committee:|report author|(?:lead )?officer:)", re.I | re.M
)
DOC_TYPE_TITLE_CUES = (
    ("overview_report", re.compile(r"\boverview report\b", re.I)),
    (
        "learning_brief",
        re.compile(
            r"\blearning (?:brief|briefing|summary)\b"
            r"|\b(?:\d{1,2}|one|five|six|seven|ten)[- ](?:minute|step) brief(?:ing)?\b(?!s)"
            # a briefing titled by its topic: "Neglect: learning from case reviews"
            # (not "Report: Learning from …": a word before the colon naming the kind of document)
            r"|^(?!(?:report|news|blog|article|press release|update)\b)[^\n:]{3,60}:\s*learning from (?:\w+ ){0,2}"
            r"case reviews\b",
            re.I | re.M,
        ),
    ),
    ("annual_report", re.compile(r"\bannual report\b", re.I)),
    ("executive_summary", re.compile(r"\bexecutive summary\b", re.I)),
)
# The opening of a news item, newsletter, blog or listing page (or a press release: "Minister welcomes launch
# of …"): about reports, not one of them.
NEWS_CUES = re.compile(
    r"\b(?:newsletter|news\b|blog|last updated|posted:|view this email|published (?:today|three|four|two|new)"
    r"|have published|has published|has now been published|today we publish|case reviews published in"
    r"|recently published|\bwelcome[sd]? (?:the )?(?:launch|publication)\b"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s+\w+\s+\d{1,2},\s+\d{4})",
    re.I,
)
# The title page of a review's own report: the review named, then its author, contents or date.
REPORT_TITLE = re.compile(
    r"\b(?:serious case review|safeguarding practice review|practice review)\b.{0,1000}?"
    r"\b(?:lead reviewer|independent author|author:|table of contents|contents)\b",
    re.I | re.S,
)
# A review's own report opens with numbered paragraphs ("1.1 Working Together 2018 requires …") that say
# the partnership decided to hold the review: the report itself, though its title page was not kept.
NUMBERED_PARAGRAPH = re.compile(r"(?:^|\s)1\.[01]\s+[A-Z]", re.M)
DECIDED_TO_REVIEW = re.compile(
    r"\b(?:decided|agreed)\s+to\s+(?:conduct|undertake|commission|carry out)\s+(?:a|an|this)\s+(?:[\w-]+\s+){0,4}"
    r"(?:review|CSPR|SCR|LCSPR)\b",
    re.I,
)
TITLE_START = 300  # characters: a page's own title, before its navigation and body
WELSH_REVIEW = "welsh_child_practice_review"
REVIEW_TYPE_CUES = {
    # A trailing space asks for the whole word: the singular, one review; plurals are reviews in general.
    "SCR": ["serious case review ", "significant case review ", "SCR", "s c r "],
    "CSPR": ["child safeguarding practice review ", "CSPR", "LCSPR", "practice review "],
    "multi_agency_learning_review": ["multi agency learning review ", "multi agency practice review "],
    "thematic": ["thematic review ", "thematic learning review "],
    # Wales's child practice review (concise or extended, since 2013) is none of the English kinds; its
    # name ends like a CSPR's, so its mentions are taken off the CSPR's count. Its full name ("an Extended
    # Child Practice Review") outweighs a comparison with England's ("similar to a Serious Case Review").
    WELSH_REVIEW: [
        "child practice review ",
        "CPR",
        "concise child practice review ",
        "extended child practice review ",
    ],
}
PLURAL_REVIEW_CUES = ["serious case reviews", "SCRs", "child safeguarding practice reviews", "CSPRs", "LCSPRs"]
PLURAL_KIND_CUES = {
    "SCR": ["serious case reviews", "SCRs"],
    "CSPR": ["child safeguarding practice reviews", "CSPRs", "LCSPRs"],
    "multi_agency_learning_review": ["multi agency learning reviews"],
    "thematic": ["thematic reviews"],
}
# Reviews that are not of a child's case: a domestic homicide review, a safeguarding adult review. They are
# left out of the count, and a document about one of them alone is about no child's case review.
OTHER_REVIEWS = re.compile(
    r"\b(?:domestic (?:homicide|abuse related death) reviews?|(?-i:DHRs?)|safeguarding adults? reviews?|(?-i:SARs?)"
    r"|adult (?:practice|case) reviews?|mental health homicide reviews?|offensive weapons homicide reviews?)\b",
    re.I,
)
OTHER_REVIEW_WORDS = (
    "homicide",
    "adult review",
    "adults review",
    "adult practice",
    "adult case",
    "abuse related death",
)
# "Serious Case Reviews (SCR’s)": the abbreviation in brackets repeats the name before it (here a plural).
REPEATED_ABBREVIATION = re.compile(r"(?<=[Rr]eviews)\s*\((?:L?CSPR|SCR)[’']?s?\)")
FORMER_NAME_WORDS = ("formerly", "previously", "replac", "in place of")
CHILD_REVIEW_WORDS = re.compile(
    r"\b(?:serious case|(?:child )?safeguarding practice|child practice|multi-agency learning|thematic)\s+reviews?\b"
    r"|\b(?:L?CSPRs?|SCRs?)\b",
    re.I,
)
# A rapid review (the 15-day first look at a notified case since June 2018); "the Panel's rapid review
# guidance" or a list of reviews is not one.
RAPID_REVIEW = re.compile(r"\b(?:a|the|this)\s+rapid\s+review\b(?!\s+(?:guidance|process|template|meetings?))", re.I)
# "(formerly Serious Case Reviews)", "which replaced serious case reviews": a former name, not the review.
FORMER_NAME = re.compile(
    r"\(?\b(?:formerly(?:\s+(?:called|known\s+as))?|previously\s+(?:called|known\s+as)|(?:which|that)\s+replaced"
    r"|replacing|in\s+place\s+of|what\s+(?:was|were)\s+(?:previously\s+)?(?:called|known\s+as))\s+(?:the\s+|an?\s+)?"
    r"(?:serious\s+case\s+reviews?|SCRs?)\)?",
    re.I,
)
# "serious case reviews, significant case reviews or multi-agency child practice reviews": the kinds a
# listing covers, not the kind of any one review.
KINDS_OF_REVIEW = re.compile(
    r"(?:[\w-]+\s+){1,3}reviews?(?:\s*,\s*(?:[\w-]+\s+){1,3}reviews?)*\s*,?\s+or\s+(?:[\w-]+\s+){1,4}reviews?",
    re.I,
)
# An analysis across many reviews (the national Panel's annual review, a triennial analysis, research).
ACROSS_REVIEWS = re.compile(
    r"\b(?:triennial|biennial) (?:analysis|review)|analys(?:is|es|ing) (?:of )?(?:the )?"
    r"(?:details and recommendations from )?(?:(?:serious )?case reviews|(?:local )?(?:child )?safeguarding practice"
    r" reviews|L?CSPRs|SCRs|rapid reviews)|research reports? on case reviews"
    r"|(?:briefing|analysis|summary) is based on (?:\w+ ){0,3}case reviews"
    r"|evaluat(?:ion|ions|ed|ing) (?:of )?(?:\w+ ){0,2}(?:serious case reviews|SCRs|L?CSPRs|case reviews)"
    r"|(?:review|sample|analysis) of (?:\d+|[a-z]+ty|[a-z]+teen|several|many) (?:serious case reviews|SCRs|L?CSPRs"
    r"|local (?:child safeguarding practice )?reviews|case reviews|rapid reviews)"
    r"|(?:practice review panel|the panel)['’]?s? (?:first |second |third |fourth |\w+ )?annual (?:report|review)"
    r"|annual (?:report|review) (?:of|from) the (?:child safeguarding practice review )?panel"
    r"|national (?:child safeguarding practice )?review panel['’]s"
    # "a re-analysis of neglect in serious case reviews", "a study of recommendations arising from SCRs"
    r"|\b(?:re-?)?analys(?:is|es) of (?:[\w-]+ ){1,3}in (?:serious case reviews|SCRs|L?CSPRs|case reviews)"
    r"|\bstud(?:y|ies) of (?:[\w-]+ ){0,2}(?:arising |drawn )?from (?:serious case reviews|SCRs|L?CSPRs|case reviews)"
    # a report or an inspectorate counting the reviews it read: "a report on 25 significant case reviews", "the
    # watchdog looked at 147 SCRs", "key findings from analysis of 50 ICRs"
    r"|\b(?:report|study|analys(?:is|es|ed)|look(?:s|ed)? at|examin(?:es|ed)|evaluat(?:es|ed)|assess(?:es|ed)|read)"
    r" (?:on |of )?(?:the )?(?:\d{2,}|\d+ (?=\w+ \w+ reviews)|[a-z]+ty(?:-[a-z]+)?|[a-z]+teen)"
    r" (?:[\w-]+ ){0,3}(?:reviews|SCRs|ICRs|L?CSPRs|CMRs|CPRs)\b",
    re.I,
)
# Learning drawn from reviews in the plural, on a page that names no one child: "Neglect: learning from case
# reviews", "lessons from serious case reviews", "Published case reviews highlight that …", "The reviews
# suggest …", "a sample of case reviews", "an analysis of 20 Child Practice Reviews", "a thematic report".
# With a child named, such words are the setting of that child's review ("Lessons from recent SCRs: Child I").
LEARNING_ACROSS_REVIEWS = re.compile(
    # a topic's learning ("Neglect: learning from case reviews", "learning from case reviews involving parental
    # substance misuse", "the learning from these reviews"), not a board's page of its reviews ("Learning from
    # case reviews")
    r":\s*(?:learning|lessons?)(?: lessons| learn[te]d)? from (?:(?:the|local|published|recent|national)\s+)?"
    r"(?:(?:serious|significant|child|local|safeguarding|practice)\s+){0,3}(?:case|practice) reviews"
    r"|\b(?:learning|lessons?) from (?:(?:the|local|published|recent|\w+[- ]related|national)\s+)?"
    r"(?:(?:serious|significant|child|local|safeguarding|practice)\s+){0,3}(?:case|practice) reviews"
    r" (?:involving|into|about|on|where|in which|with|of children|published)\b"
    r"|\b(?:learning|lessons?) from these (?:case |practice )?reviews"
    r"|\b(?:(?:published|local|these|the|many|serious|child|safeguarding|practice)\s+){0,3}"
    r"(?:case reviews|(?-i:SCRs|CPRs))\s+(?:also\s+|consistently\s+|repeatedly\s+|often\s+)?"
    r"(?:highlight|suggest|show|reveal|illustrate|indicate)"
    r"|\bthe reviews (?:also\s+)?(?:highlight|suggest|show|reveal|illustrate|indicate)"
    r"|\ba sample of (?:\w+ ){0,2}(?:case|practice) reviews|\bthematic (?:report|analysis|reviews)\b"
    # "Analysis of Safeguarding Adults Reviews April 2017 - March 2019": the national analysis of adults' reviews
    r"|\banalys(?:is|es) of (?:the )?(?:safeguarding adults? reviews|SARs)\b"
    r"|analysis of (?:\d+|[a-z]+ty|[a-z]+teen|several|many) (?:child practice reviews|CPRs)"
    # "key learning from 24 case management reviews", "findings from two rapid reviews", "learning from
    # parental substance misuse related local case reviews", Northern Ireland's case management reviews
    r"|\b(?:learning|lessons?|findings) from (?:\d+|two|three|four|five|six|[a-z]+ty|several|many|a series of"
    r"|a number of|a range of)\s+"
    r"(?:[\w-]+\s+){0,3}(?:reviews|SCRs|CSPRs|CMRs)\b"
    r"|\b(?:learning|lessons?|findings) from (?:[\w-]+\s+){0,4}\w+[- ]related (?:local\s+)?(?:case|practice) reviews"
    r"|\b(?:learning|lessons?|findings) from (?:the )?(?:case management reviews|CMRs)\b"
    # "recommendations from case reviews undertaken locally", "key themes from published child and adult
    # practice reviews" (but "Learning from Local Child Safeguarding Practice Reviews" heads a board's page of
    # its own reviews)
    r"|\b(?:recommendations|(?:key )?themes|findings) from (?:the )?(?:published|local|recent)\s+"
    r"(?:[\w-]+\s+){0,4}reviews\b"
    r"|\b(?:recommendations|(?:key )?themes|findings) from (?:the )?(?:[\w-]+\s+){0,3}reviews"
    r" (?:undertaken|carried out|completed|published)\b"
    # "In Serious Case Reviews carried out since 2018, we often see …"
    r"|\bin (?:(?:our|the|these|local|recent)\s+){0,2}(?:serious case|case|practice) reviews\b[^.]{0,60}\bwe"
    r" (?:often |frequently |repeatedly |commonly |consistently )?(?:see|find|saw|found)\b",
    re.I,
)
# A page about the review system rather than a review: reviews' purpose, process, framework, guidance or
# reform ("barriers to learning from serious case reviews", "a shift needed in child safeguarding reviews",
# "the Wood review of safeguarding arrangements for LSCBs", "the publication of serious case reviews", "a new
# systems approach for conducting case reviews"), near its opening.
REVIEW_SYSTEM = re.compile(
    r"\b(?:reform\w*|arrangements|systems?|publication|consultation|process|framework|implementation"
    r"|effective\w*|purpose of|barriers|shift|guidance)\b[^.\n]{0,60}"
    r"\b(?:reviews|SCRs|CSPRs|CPRs|review process|LSCBs|partnerships)\b"
    r"|\b(?:reviews|SCRs|CSPRs|CPRs|LSCBs)\b[^.\n]{0,30}\b(?:reform\w*|arrangements|system|process|framework"
    r"|implementation|effective\w*|more useful)\b",
    re.I,
)
SYSTEM_OPENING = 600
# The bodies that decide on reviews are named after them ("Child Safeguarding Practice Review Panel",
# "Safeguarding Practice Review Board", "Child Serious Practice Review Group (CSPR)"): not a review.
REVIEW_BODIES = re.compile(
    r"\b(?:[\w-]+\s+){0,3}(?:practice|case)\s+review\s+(?:panel|board|group|sub-?group)\b(?:\s*\([A-Z]+\))?", re.I
)
REVIEW_BODY_TITLE = re.compile(
    r"^(?:the )?(?:[\w-]+\s+){0,3}(?:practice|case|management)\s+review\s+(?:panel|board|group|sub-?group)"
    r"(?:\s*\([A-Z]+\))?\s*$",
    re.I,
)
# "What is a practice review?", "A child safeguarding practice review is undertaken when …": the kind of
# review explained, on a page about no one review.
DEFINES_A_REVIEW = re.compile(
    r"\bwhat is an? [a-z -]{0,40}review\?|\ban? (?:serious case|significant case|(?:local )?child safeguarding"
    r" practice|practice|child practice|rapid|learning) review (?:\((?:SCR|L?CSPR|CPR)\) )?(?:is|are|will be|may be"
    r"|should be|must be|takes place|should take place|is held|finds|looks at|happens) ",
    re.I,
)
# A review of a kind, done thematically: the word before the kind says which.
THEMATIC_KIND = re.compile(
    r"\bthematic (?:local )?(?:child safeguarding practice|safeguarding practice|practice|serious case|learning"
    r"|safeguarding) review\b"
    # a paper on a partnership's thematic reviews ("Thematic reviews of adolescent suicide"): each one thematic
    r"|\bthematic reviews (?:of|into|on)\b",
    re.I,
)
BRIEFINGS = re.compile(r"\bbriefings\b", re.I)
# (also by its short name, "the government's Child Safeguarding Panel")
NATIONAL_PANEL = re.compile(
    r"\b(?:child safeguarding practice review panel|national panel|child safeguarding panel)\b", re.I
)
# One of the Panel's national reviews: "the national review", "the phase two report", "a report into the deaths
# of …", "the review into safeguarding children with disabilities …".
NATIONAL_REVIEW = re.compile(
    r"\bnational (?:child safeguarding practice )?review\b(?! panel)|\bphase (?:one|two|1|2) report\b"
    r"|\b(?:review|report) into (?:the )?(?:deaths?|murders?|abuse|safeguarding|serious abuse)\b"
    r"|\bthe (?:panel['’]s )?(?:review|report) (?:states|reveals|found|finds|recommends|highlights|calls|makes|draws)\b"
    r"|\b(?:in-depth|hard-hitting) (?:and \S+ )?report\b"
    r"|\b(?:this|the) (?:review|report) was commissioned by the (?:child safeguarding practice review )?panel\b"
    # "The Panel has published a review of the circumstances …": one review of its own, in the singular
    r"|\bpanel (?:has |have )?(?:published|publishes|undertook|undertaken|carried out|launched) (?:a|an|its|the)"
    r" (?:[\w-]+ ){0,3}(?:review|report) (?:of|into)\b",
    re.I,
)
# "The Child Safeguarding Practice Review Panel: Annual Report 2019", "the fifth annual report from the independent
# Child Safeguarding Practice Review Panel": the Panel's report of its year, unlike a local partnership's (and
# unlike the 2014-18 national panel of experts on serious case reviews, whose reports were about the system).
PANEL_ANNUAL_REPORT = re.compile(
    r"\bchild safeguarding practice review panel\b[^.\n]{0,12}\bannual (?:report|review)\b"
    r"|\bannual (?:report|review)\b[^.\n]{0,40}\bchild safeguarding practice review panel\b",
    re.I,
)
# "National review into child sexual abuse within the family environment": the Panel's review, by its title.
NATIONAL_REVIEW_INTO = re.compile(r"\bnational review into\b", re.I)
TITLE_WEIGHT = 5
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Anchored on the month or season word, which a scan finds quickly; the day or "early" before it is
# picked up afterwards (a pattern that starts with optional parts is tried at every character: slow).
DATE_CORE = re.compile(
    rf"\b(?:{MONTH}|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,)?\s+\d{{4}}\b"
)
DATE_PREFIX = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+|\b(?:early|late|mid)[- ])$", re.I)
# Working Together 2018: reviews of incidents notified from 29 June 2018 are child safeguarding practice
# reviews; serious case reviews were the kind before.
FIRST_CSPR_YEAR = 2019
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def guess_doc_type(text, entries=(), pseudonyms=(), found=None):
    """`found` is {"learning_points": [...], "recommendations": [...]} as extracted."""
    title = text[:TITLE_REGION]
    if entries:
        return "other"  # a page listing reviews' entries
    if _committee_cue(title):
        return "committee_report"
    news = NEWS_CUES.search(title)
    if news and not (news.start() >= TITLE_START and DOC_TYPE_TITLE_CUES[1][1].search(text[:TITLE_START])):
        # news, a newsletter or a listing: about reports, not one of them; but a briefing's own title beats
        # the site's furniture further down ("Sign up to our newsletter")
        return "other"
    if _reviews_named(pseudonyms) >= MANY_CHILDREN and not DOC_TYPE_TITLE_CUES[2][1].search(text[:TITLE_START]):
        return "other"  # a table or page of many reviews; an annual report names many children too
    # an inspection's, an inquiry's, an adult's or a homicide review's report: not a child's case review's
    other_kinds = other_work.not_a_case_review(text)
    for doc_type, cue in DOC_TYPE_TITLE_CUES:
        if doc_type != "annual_report" and other_kinds:
            continue
        if cue.search(text[:TITLE_START] if doc_type in ("annual_report", "learning_brief") else title):
            if doc_type == "annual_report" and not REPORT_OPENING.search(title):
                continue  # a page about an annual report (news, a post, a list of them), not the report
            if doc_type == "overview_report" and len(_children_on_report_lines(title)) >= 2:
                return "other"  # a page listing several reviews' reports
            if doc_type in ("executive_summary", "overview_report") and not _names_itself(cue, text):
                # "action plans should be included in every executive summary", "the board has published the
                # overview report": a page about such reports, not one of them
                continue
            return doc_type
    if not other_kinds and (
        REPORT_TITLE.search(title) or (NUMBERED_PARAGRAPH.search(title) and DECIDED_TO_REVIEW.search(title))
    ):
        return "overview_report"
    if THIS_BRIEFING.search(title) and not BRIEFINGS.search(text[:TITLE_START]) and not other_kinds:
        return "learning_brief"  # a page that says it is a briefing, and gives learning (not a list of briefings)
    if WEAK_COMMITTEE_CUES.search(title):
        return "committee_report"
    if found and not other_kinds and _reads_as_learning_brief(text, pseudonyms, found):
        return "learning_brief"
    return "other"


# A page that tells one review's learning to practitioners under a heading of its own ("Learning from the
# review", "Key learning", "Good practice"), with no recommendations of its own and no other kind named:
# a learning brief, though its title was not kept. A response or a reply to a review is not one.
MANY_CHILDREN = 6
RESPONSE = re.compile(r"\b(?:this|our|the board['’]s|the partnership['’]s) response\b|\bresponds? to\b", re.I)


# Children of one family are numbered ("Child 1", "Child 2") or named with it ("Family R", "Sibling 2").
ONE_FAMILY = re.compile(r"^(?:Family|Sibling|Half[- ]Sibling)\b|^(?:Child|Baby|Infant)\s+\d")
PLURAL_REVIEWS = re.compile(r"\breviews\b|\b(?:L?CSPR|SCR)s\b", re.I)


# "a children's scrutiny committee with powers … is needed": a committee proposed, not the paper's own.
A_COMMITTEE = re.compile(r"\ban?\s+(?:[\w’'-]+\s+){0,2}$", re.I)


def _committee_cue(title):
    """A cue of a committee's paper, not a committee spoken of as one of a kind ("a scrutiny committee")."""
    for match in COMMITTEE_CUES.finditer(title):
        if match.group().lower().endswith("committee") and A_COMMITTEE.search(title, 0, match.start()):
            continue
        return True
    return other_work.a_meeting_paper(title)


def _names_itself(cue, text):
    """The kind named in the page's title or on a heading line of its own, not only inside a sentence."""
    if cue.search(_title_paragraph(text)):
        return True
    from .markers import is_heading_text  # (as _reads_as_learning_brief does)

    title = text[:TITLE_REGION]
    contents = CONTENTS_LINE.search(title)
    for line in re.finditer(r"^.*\S.*$", title, re.M):
        if contents and line.start() > contents.start():
            break  # "Executive Summary" under "Contents" is a part of the report, not its kind
        if is_heading_text(line.group()) and cue.search(line.group()):
            return True
    return False


# A contents list's heading on a line of its own.
CONTENTS_LINE = re.compile(r"^[ \t]*(?:table of )?contents[ \t]*:?[ \t]*$", re.I | re.M)


def _reviews_named(pseudonyms):
    """How many reviews the children named suggest: one family's numbered children are one review."""
    return sum(not ONE_FAMILY.match(name) for name in pseudonyms)


# A report's own opening: its contents or foreword.
REPORT_OPENING = re.compile(r"\b(?:contents|foreword)\b", re.I)
# A line naming an overview report ("Child K Overview Report", "Overview Report Child L"): two or more are a
# list of reports.
OVERVIEW_LINE = re.compile(r"^[^\n.]{0,60}\boverview report\b[^\n.]{0,60}$", re.I | re.M)


def _children_on_report_lines(title):
    """The children named on lines that each name an overview report: two or more is a list of reports."""
    return {m.group() for line in OVERVIEW_LINE.findall(title) if (m := KNOWN_BY_LETTER.search(line))}


# "This briefing summarises the learning …": a page that calls itself a briefing on learning.
THIS_BRIEFING = re.compile(
    r"\bthis (?:[\w-]+ ){0,5}brief(?:ing)? (?:summarises|sets out|draws|shares|highlights|looks at|focuses on"
    r"|is based on|pulls together|brings together|covers)\b",
    re.I,
)
# "This SCR is about …", "this review found": the page is about one review, though it mentions reviews.
ANNUAL_REPORTS = re.compile(r"\bannual reports?\b", re.I)
ONE_REVIEW = re.compile(
    r"\b(?:[Tt]his|[Tt]he) (?:SCR|CSPR|LCSPR|serious case review|(?:child )?safeguarding practice review)\b"
)


def _reads_as_learning_brief(text, pseudonyms, found):
    if found["recommendations"] or not found["learning_points"]:
        return False
    if THIS_BRIEFING.search(text[:TITLE_REGION]):
        return True
    if not 1 <= len(pseudonyms) <= 2:
        return False
    if RESPONSE.search(text):
        return False  # a response to a review
    if PLURAL_REVIEWS.search(text[:TITLE_REGION]) and not (len(pseudonyms) == 1 and ONE_REVIEW.search(text)):
        return False  # a page about several reviews
    from .items import LEARNING, classify_cue  # items builds on this module's neighbours; import when needed
    from .markers import is_heading_text

    return any(is_heading_text(line) and classify_cue(line) == LEARNING for line in text.splitlines() if line.strip())


def guess_review_type(text, doc_type, entries=(), dates=None, pseudonyms=None):
    """`pseudonyms`: the children found in the text (None: not looked for)."""
    if other_work.about_an_inspection(text) and not entries:
        return "none"  # an inspection of services and what it found: no child's case review is the subject
    if other_work.across_other_kinds(text[:TITLE_REGION]):
        return "thematic"  # an analysis of many adults' or homicide reviews: learning across reviews
    if PANEL_ANNUAL_REPORT.search(text[:TITLE_REGION]) and not CHILD_NAMED.search(text):
        return "thematic"  # the national Panel's annual report draws on the year's reviews across England
    if (
        doc_type == "annual_report"
        or (doc_type != "committee_report" and ANNUAL_REPORTS.search(_title_paragraph(text)))
        or (doc_type == "committee_report" and ANNUAL_REPORTS.search(text[:TITLE_START]))
    ):
        return "none"  # a year's work, or a page about one: many reviews, none of them the subject
    opening = text[:SYSTEM_OPENING]
    if (
        REVIEW_SYSTEM.search(opening)
        and not ACROSS_REVIEWS.search(opening)
        and not LEARNING_ACROSS_REVIEWS.search(opening)  # a topic's learning from reviews, not the system
        and not ANNUAL_REPORTS.search(opening)  # a year's report on the system draws on many reviews
        and not _names_a_child(text)
    ):
        return "none"  # about how reviews are done (their purpose, process, reform), not about one review
    if _explains_reviews_then_cites(text, pseudonyms):
        return "none"  # a page on when reviews are held, citing analyses of them further on
    if other_work.a_research_paper(text) and not pseudonyms:
        # a research paper: learning across the reviews it analysed, or about its own topic, not about one review
        across = ACROSS_REVIEWS.search(text) or LEARNING_ACROSS_REVIEWS.search(text)
        return "thematic" if across else "none"
    if _panel_review_near_opening(text):
        return "CSPR"  # the Panel's national review, named near the opening, beats an analysis cited further down
    if REVIEW_BODY_TITLE.match(_title_paragraph(text)) and not _names_a_child(text):
        return "none"  # a page about the panel or group that decides on reviews ("Case Management Review Panel")
    if ACROSS_REVIEWS.search(text) and doc_type != "committee_report":
        return "thematic"
    if THEMATIC_KIND.search(text[:TITLE_REGION]):
        return "thematic"  # "a Thematic Child Safeguarding Practice Review": the kind is the thematic one
    if BRIEFINGS.search(text[:TITLE_START]):
        return "none"  # a list of briefings on many reviews
    if NATIONAL_REVIEW_INTO.search(text[:TITLE_REGION]) and not CHILD_NAMED.search(text):
        return "CSPR"  # a page about one of the Panel’s national reviews, named near its opening
    if NATIONAL_PANEL.search(text[:TITLE_REGION]) and not CHILD_NAMED.search(text):
        return "CSPR" if NATIONAL_REVIEW.search(text) else "thematic"  # a national review, or its work across reviews
    if LEARNING_ACROSS_REVIEWS.search(text) and doc_type != "committee_report" and not _names_a_child(text):
        return "thematic"
    if entries:
        return _review_type_by_date(entries, text)
    counted = _without_kinds_and_bodies(text)
    whole, title = CueText(counted), CueText(counted[:TITLE_REGION])
    scores = Counter()
    for review_type, phrases in REVIEW_TYPE_CUES.items():
        scores[review_type] = sum(whole.count(p) + TITLE_WEIGHT * title.count(p) for p in phrases)
    welsh_name = REVIEW_TYPE_CUES[WELSH_REVIEW][0]
    scores["CSPR"] -= whole.count(welsh_name) + TITLE_WEIGHT * title.count(welsh_name)
    if not whole.count(welsh_name):  # "CPR" alone is resuscitation ("paramedics gave CPR"), not the review
        scores[WELSH_REVIEW] -= whole.count("CPR") + TITLE_WEIGHT * title.count("CPR")
    if _reviews_in_general(text, doc_type, pseudonyms):
        return "none"  # an essay, blog or abstract on reviews of a kind in general, no one review its subject
    best, score = scores.most_common(1)[0]
    if score:
        return "unknown" if best == WELSH_REVIEW else best  # the gold kinds have no Welsh one
    if any(whole.count(p) for p in PLURAL_REVIEW_CUES):
        return _plural_kind_in_title(counted) or "none"  # reviews in general, no single review
    if (
        len(counted) < len(text)
        and OTHER_REVIEWS.search(text)
        and not CHILD_REVIEW_WORDS.search(counted)
        and not other_work.A_REVIEW_IN_TITLE.search(page_title.heading(text))
    ):
        return "none"  # a domestic homicide or adult review: not a child's case review (nor the child's brief)
    if "rapid review" in counted.lower() and RAPID_REVIEW.search(counted):
        if RAPID_REVIEWS_TITLE.search(_title_paragraph(text)):
            return "none"  # a guide to rapid reviews in general, about no one review
        return "CSPR"  # a rapid review is the first step of the 2018 arrangements
    if _no_case_review_named(text, counted, pseudonyms):
        return "none"
    return _single_review_type_by_date(text, dates, pseudonyms)


# When a review is held, as a page explaining reviews says it: "where a child has died or been seriously
# harmed", "the child dies or is seriously harmed", "where abuse or neglect has led to the death of a child".
WHEN_REVIEWS_ARE_HELD = re.compile(
    r"\b(?:died|dies|death)\b[^.\n]{0,40}?\bseriously\s+(?:harmed|injured)\b|\bled\s+to\s+the\s+death\s+of\s+a\s+child\b"
    r"|\bwhen\s+a\s+child\s+(?:suffers|dies|has\s+died)\b",
    re.I,
)
EXPLAINING_OPENING = 1000
# A title about what many reviews teach: "Learning from serious case reviews", "Lessons from SCRs", "Findings
# from case reviews", "What learning from reviews tells us" (not a kind's name, "Learning Reviews"), "Safeguarding
# learning lessons across <area>".
LEARNING_TITLE = re.compile(
    r"\b(?:learning|lessons?|findings|themes|analysis)\s+(?:from|of|in|across)\b[^\n]{0,40}?\b(?:reviews|SCRs|L?CSPRs)\b"
    r"|\blearning lessons\b|\blessons (?:learned|learnt)\b",
    re.I,
)


def _explains_reviews_then_cites(text, pseudonyms):
    """A page that opens by explaining what a review is or when one is held (a board's page on case reviews,
    a blog, an essay or a guide for schools on reviews in general) and cites an analysis across reviews or the
    national Panel (its guidance, its reports) only after that: it is about reviews in general, not about what it
    cites. Not when its title (or anything before the explanation) speaks of what reviews teach, or a child or
    one national review is its subject."""
    opening = text[:EXPLAINING_OPENING]
    defined = DEFINES_A_REVIEW.search(text, 0, 2 * TITLE_START)
    explained = defined or WHEN_REVIEWS_ARE_HELD.search(opening)
    if not explained or pseudonyms or _names_a_child(text):
        return False
    if LEARNING_TITLE.search(text, 0, explained.start()) or _panel_review_near_opening(text):
        return False
    cited = [m.start() for cue in (ACROSS_REVIEWS, LEARNING_ACROSS_REVIEWS, NATIONAL_PANEL) if (m := cue.search(text))]
    if not cited:
        return bool(defined)  # a page that explains what such a review is, citing nothing
    return min(cited) > explained.start()


# A kind of review in the singular and in the plural; "the review", "this SCR" point at one review.
ONE_OF_A_KIND = re.compile(
    r"\b(?:serious case review|SCR|child safeguarding practice review|L?CSPR|practice review)\b(?![s’'])", re.I
)
MANY_OF_A_KIND = re.compile(
    r"\b(?:serious case reviews|SCRs|child safeguarding practice reviews|L?CSPRs|practice reviews)\b", re.I
)
THAT_REVIEW = re.compile(
    r"\b(?:the|this|that|our|its|their)\s+(?:[\w-]+\s+){0,2}(?:serious case review|SCR|child safeguarding practice"
    r" review|L?CSPR|practice review)\b(?![s’'])",
    re.I,
)


def _reviews_in_general(text, doc_type, pseudonyms):
    """Reviews of a kind written of in the plural more than twice as often as in the singular, and never one
    review pointed at ("the review", "this SCR"): an essay, blog or abstract about such reviews in general,
    whose "a serious case review is …" is an example of the kind. A committee's item is about its board's
    reviews, and a child named makes one review the subject."""
    if doc_type == "committee_report" or pseudonyms or _names_a_child(text):
        return False
    singular = len(ONE_OF_A_KIND.findall(text))
    return singular >= 1 and not THAT_REVIEW.search(text) and len(MANY_OF_A_KIND.findall(text)) > 2 * singular


def _panel_review_near_opening(text):
    """The Panel and one national review of its own both named near the opening, no analysis across reviews
    there, and no child known by letter."""
    opening = text[:TITLE_REGION]
    return bool(
        NATIONAL_PANEL.search(opening)
        and NATIONAL_REVIEW.search(opening)
        and not ACROSS_REVIEWS.search(opening)
        and not CHILD_NAMED.search(text)
    )


def _no_case_review_named(text, counted, pseudonyms):
    """No child and no child's case review named in any form, not even in the plural or as a rapid review:
    a review of services, of a policy, or a committee's own scrutiny review is about no child's case."""
    if pseudonyms is None or pseudonyms or _names_a_child(text):
        return False
    return not CHILD_REVIEW_WORDS.search(counted) and "rapid review" not in counted.lower()


def _names_a_child(text):
    """A child known by letter, number or case ("Child R", "Baby 2", "the case of"), or by a first name after
    "Child" ("Child Jody")."""
    if CHILD_NAMED_OR_CASE.search(text):
        return True
    return any(True for _ in _child_first_names(text))


def _child_first_names(text):
    """Each first name written after "Child" that is not a word of the domain ("Child Protection")."""
    for match in CHILD_FIRST_NAME.finditer(text):
        if match.group(1) not in NOT_NAMES and match.group(1) not in NOT_CHILD_FIRST_NAMES:
            yield match.group(1)


def _plural_kind_in_title(text):
    """A page whose title names one kind of review in the plural ('Serious Case Reviews (SCRs)') lists
    reviews of that kind."""
    title = CueText(_title_paragraph(text))
    kinds = {kind for kind, phrases in PLURAL_KIND_CUES.items() if any(title.count(p) for p in phrases)}
    return kinds.pop() if len(kinds) == 1 else None


def _single_review_type_by_date(text, dates=None, pseudonyms=None):
    """A review the text does not name by kind, dated against Working Together 2018: a document that
    mentions no year from 2019 on is about a serious case review; one about an incident from 2019 on is
    about a child safeguarding practice review; otherwise it cannot be told. The child may be known by a
    letter ("Child D", "the case of") or named in full ("the death of three-year-old Amir Shah")."""
    years = [int(y) for y in YEAR.findall(text)]
    if not years or not (CHILD_NAMED_OR_CASE.search(text) or pseudonyms):
        return "unknown"
    if max(years) < FIRST_CSPR_YEAR:
        return "SCR"
    incident = (dates or find_dates(text))["incident"]
    stated = YEAR.search(incident or "") or INCIDENT_YEAR.search(text)
    year = int(stated.group(stated.lastindex or 0)) if stated else None
    if year and year >= FIRST_CSPR_YEAR:
        return "CSPR"
    if year and year < WORKING_TOGETHER_2018_YEAR:
        return "SCR"  # an incident before the 2018 arrangements began was reviewed as an SCR
    return "unknown"


WORKING_TOGETHER_2018_YEAR = 2018
RAPID_REVIEWS_TITLE = re.compile(r"\brapid reviews\b", re.I)
# "died in 2017", "was injured in March 2021", "was admitted to hospital in early 2016": the incident's year.
INCIDENT_YEAR = re.compile(
    r"\b(?:died|death|killed|injur\w*|harmed|admitted|assault\w*)\b[^.]{0,60}?\bin\s+(?:(?:early|late|mid)[- ])?"
    rf"(?:(?:{MONTH}|spring|summer|autumn|winter)\s+)?((?:19|20)\d\d)\b",
    re.I,
)


def _without_kinds_and_bodies(text):
    """The text less lists of kinds of review and the names of review panels and boards. The patterns run
    only near the words they end on ("or … reviews", "panel", "board", "group"): over a whole report a
    pattern that starts with optional words is tried at every word, which is slow."""
    spans = []
    lowered = text.lower()
    # Each pattern runs only where its words occur: over a long text a pattern of many alternatives is
    # tried at every character, which is slow.
    if any(word in lowered for word in OTHER_REVIEW_WORDS) or "DHR" in text or "SAR" in text:
        spans += [m.span() for m in OTHER_REVIEWS.finditer(text)]
    spans += [m.span() for m in REPEATED_ABBREVIATION.finditer(text)] if "(" in text else []
    if any(word in lowered for word in FORMER_NAME_WORDS):
        spans += [m.span() for m in FORMER_NAME.finditer(text)]
    for anchor, pattern in ((r"\bor\b", KINDS_OF_REVIEW), (r"\b(?:[Pp]anel|[Bb]oard|[Gg]roup)\b", REVIEW_BODIES)):
        for hit in re.finditer(anchor, text):
            window_start = max(0, hit.start() - 120)
            match = pattern.search(text, window_start, min(len(text), hit.end() + 80))
            if match and match.start() <= hit.start() < match.end():
                spans.append((match.start(), match.end()))
    if not spans:
        return text
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        if start >= cursor:
            pieces.append(text[cursor:start])
            cursor = end
        else:
            cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return " ".join(pieces)


def _review_type_by_date(entries, text):
    """A listing's reviews: published before 2019, or about events before then, were serious case reviews;
    about events from 2019 on, child safeguarding practice reviews; otherwise it cannot be told."""
    kinds = set()
    for entry in entries:
        named = CueText(_without_kinds_and_bodies(entry.summary_paragraph))
        if any(named.count(p) for p in REVIEW_TYPE_CUES["CSPR"]):
            kinds.add("CSPR")
            continue
        if any(named.count(p) for p in REVIEW_TYPE_CUES["SCR"]):
            kinds.add("SCR")
            continue
        events = [int(y) for y in YEAR.findall(entry.summary_paragraph)]
        if int(entry.year) < FIRST_CSPR_YEAR or (events and max(events) < FIRST_CSPR_YEAR):
            kinds.add("SCR")
        elif events and max(events) >= FIRST_CSPR_YEAR:
            kinds.add("CSPR")
        else:
            kinds.add("unknown")
    known = kinds - {"unknown"}
    if len(known) == 1:
        return known.pop()
    return "unknown" if not known else Counter(known).most_common(1)[0][0]


CHILD_NAMED = re.compile(r"\b(Child|CHILD)\s+([A-Z]{1,2})(?![\w-])")
# "Child Jody (pseudonym)": a child given a first name after the word, as some partnerships name them.
# Not a name where the next word is capitalised too ("Child Safeguarding Practice Review") or the word is the
# domain's ("Child Death Overview Panel", "Child Sexual Exploitation", "Child Protection").
CHILD_FIRST_NAME = re.compile(r"\bChild ([A-Z][a-z]{2,14})\b(?![ \t]+[A-Z&])(?![’'-])")
NOT_CHILD_FIRST_NAMES = {
    "Safeguarding", "Protection", "Death", "Deaths", "Sexual", "Serious", "Practice", "Exploitation", "Health",
    "Care", "Abuse", "Poverty", "Neglect", "Criminal", "Mental", "Development", "Trafficking", "Welfare",
    "Services", "Minding", "Minder", "Minders", "Support", "Poverty", "Benefit", "Contact", "Arrangements",
    "Maintenance", "Friendly", "Centred", "Focused", "Led", "Guidance", "Review", "Reviews", "Victims", "Victim",
}  # fmt: skip
# A document about one child's case: a child named by letter or number, or "the case of".
CHILD_NAMED_OR_CASE = re.compile(
    r"\b(?:Child|Baby|Infant|Young Person|Sibling)\s+(?:[A-Z]{1,3}\d{0,2}|\d{1,2})(?![\w-])|\bthe case of\b"
)
# "Baby A", "Infant B", "Child 1", "Young Person A", "Half Sibling 2", "Family R": a child (or family) known by
# a letter or number.
KNOWN_BY_LETTER = re.compile(
    r"\b(Baby|Infant|Young\s+Person|(?:Half[- ])?Sibling|Family|Child|Case)\s+([A-Z]{1,2}|\d{1,2})(?![\w-])"
)
# Codes ("AB1 & AB2") where the text says whose they are.
CODE_NAMED = re.compile(
    r"\b(?:concerning|regarding|in respect of|relating to|(?:father|mother|grandmother|sibling|brother|sister) of"
    r"|children|child|and|&)\s+([A-Z]{1,3}\d{1,2})\b"
)
# A first name given as a child's: "Child ‘Elias’", "Ed, a 17-week old infant", "Georgina was 10 months old",
# "her 15 day old baby, Darryll,".
QUOTED_NAME = re.compile(r"\b(?:Child|Baby)\s+[‘'\"“]([A-Z][a-z]{1,14})[’'\"”]")
AGED_NAME = re.compile(
    r"(?<![\w.])([A-Z][a-z]{1,14})(?:,\s+an?\s+|\s+was\s+)(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve)[- ](?:days?|weeks?|months?|years?)[- ]old\b"
    r"|\b(?:baby|son|daughter|infant|boy|girl|sibling),\s+([A-Z][a-z]{1,14})[,.]"
    # "When Holly died, aged 8 months": the child's age at the death or injury
    r"|(?<![\w.])([A-Z][a-z]{1,14})\s+(?:died|was (?:born|injured|harmed|admitted))\b[^.,]{0,20},?\s+aged\s+"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ](?:days?|weeks?|months?|years?)\b"
)
# A child named in full in a review of their death or harm ("the murders of Arthur Labinjo-Hughes and Star
# Hobson", "the death of Hamzah Khan"); two or three capitalised words, none of them a word of the kind that
# follows "the death of" in other senses ("the deaths of Looked After Children").
NAME_WORD = r"[A-Z][a-z]+(?:[-’'][A-Z][a-z]+)?(?![a-z])"
FULL_NAME = rf"{NAME_WORD}(?: {NAME_WORD}){{1,2}}"
HARMED_IN_FULL = re.compile(
    rf"\b(?:murders?|deaths?|killing|manslaughter|abuse|neglect|case|life) of ({FULL_NAME})"
    rf"(?: and ({FULL_NAME}))?"
    # "Daniel Pelka, four, was …", "Star Hobson, aged 16 months,"
    rf"|\b({FULL_NAME}), (?:aged )?(?:1[0-7]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?: (?:days?|weeks?|months?|years?)(?: old)?)?,"
    # "five year old Logan Mwangi", "Logan Mwangi’s care", "Logan Mwangi's body"
    rf"|\b(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ](?:year|month)s?[- ]old"
    rf" ({FULL_NAME})|\b({FULL_NAME})[’'](?:s)? (?:case|death|murder|killing|care|body|life|injuries)\b"
    # "Daniel Pelka: Serious case review finds …", "Response regarding Logan Mwangi"
    rf"|^[ \t]*({FULL_NAME}):? (?:serious case review|(?:child )?(?:safeguarding )?practice review|review)\b"
    rf"|\b(?i:response|statement) (?:regarding|on|about|to the review of) ({FULL_NAME})\s*$",
    re.M,
)
NOT_NAME_WORDS = {
    "Child", "Children", "Baby", "Babies", "Young", "People", "Person", "Serious", "Case", "Review", "Reviews",
    "Black", "Looked", "After", "Disabled", "The", "This", "Our", "Family", "Families", "Infant", "Infants",
    "Safeguarding", "Practice", "Local", "National", "Children’s", "Mr", "Mrs", "Ms", "Miss", "Dr",
}  # fmt: skip
# Children named in brackets after the word ("two children (Annie and Beth)"), or by first name with their case
# ("Julia’s case", "Daniel’s death"), the name used again elsewhere.
CHILDREN_IN_BRACKETS = re.compile(
    r"\bchildren\s*\(([A-Z][a-z]{1,14})((?:,\s*[A-Z][a-z]{1,14})*)\s+and\s+([A-Z][a-z]{1,14})\)"
)
FIRST_NAME_CASE = re.compile(
    r"(?<!Lord )(?<!Lady )(?<!Sir )(?<!Dr )(?<!Mr )(?<!Ms )(?<![\w-])([A-Z][a-z]{1,14}(?:-[A-Z][a-z]{1,14})?)[’']s"
    r" (?:case|death|murder|killing|injuries|life)\b"
)


def _named_in_full_or_by_first_name(text, named):
    found = []
    for match in HARMED_IN_FULL.finditer(text):
        for name in filter(None, match.groups()):
            if not NOT_NAME_WORDS.intersection(name.split()) and name not in named + found:
                found.append(name)
    for match in CHILDREN_IN_BRACKETS.finditer(text):
        names = [match.group(1), *re.findall(r"[A-Z][a-z]{1,14}", match.group(2)), match.group(3)]
        found += [name for name in names if name not in named + found and name not in NOT_NAME_WORDS]
    headline = _child_in_headline(text)
    if headline and headline not in named + found:
        found.append(headline)
    first_names = {name.split()[0] for name in named + found}
    # "Daniel Pelka", then "Pelka's case": the surname of a child already named in full is that child
    surnames = {name.split()[-1] for name in named + found if len(name.split()) > 1 and name.split()[0] != "Child"}
    for match in FIRST_NAME_CASE.finditer(text):
        name = match.group(1)
        if name in first_names | surnames or name in NOT_NAME_WORDS or name in NOT_NAMES:
            continue
        if len(re.findall(rf"\b{name}\b", text)) >= 2:
            full = re.search(rf"\b{name} ({NAME_WORD})", text)  # the full name, where the text gives it
            surname = full.group(1) if full else None
            found.append(f"{name} {surname}" if surname and surname not in NOT_NAME_WORDS else name)
            first_names.add(name)
    return found


HEADLINE_NAME = re.compile(rf"^\s*({FULL_NAME}):\s")
HARMED_AFTER_NAME = r"[^.]{0,80}\b(?:died|death|killed|murdered|starved|injured|harmed|abused)\b"


def _child_in_headline(text):
    """A news headline that opens on a child's full name ("Amy Clarke: council failed to act"), the child's
    first name then said to have died or been harmed ("Amy, aged six, died …"): the name of the review."""
    match = HEADLINE_NAME.match(text)
    if not match or NOT_NAME_WORDS.intersection(match.group(1).split()):
        return None
    first = match.group(1).split()[0]
    return match.group(1) if re.search(rf"\b{first}\b(?![ \t]+[A-Z]){HARMED_AFTER_NAME}", text) else None


# AGED_NAME is tried only just before these words (an age, or "baby, Name,"): quick to find.
OLD_OR_COMMA = re.compile(
    r"[- ]old\b|(?:baby|son|daughter|infant|boy|girl|sibling), [A-Z][a-z]{1,14}[,.]"
    r"|\baged \w+[- ](?:day|week|month|year)s?\b"
)
NOT_NAMES = {"The", "This", "She", "He", "They", "It", "Mother", "Father", "Child", "Baby", "When", "Aged"}
# Anchored on the capital letter (rare in text, so the scan is fast), then the words before it are checked.
LONE_CAPITAL = re.compile(r"(?<=\s)[B-HJ-Z](?![\w*&-])")
INTRODUCES_CHILD = re.compile(
    r"\b(?:case of|baby|infant|toddler|sibling|young person,?|child,?|boy,?|girl,?|known as|referred to as)\s+$", re.I
)


# A table of reviews: a header line whose first column is the case ("Case   Overview report   Published"),
# then one row a review, its first cell the child's pseudonym.
# A PDF keeps one space between the cells, so the header is only capitalised words after "Case".
TABLE_HEADER = re.compile(
    r"^[ \t]*(?:Case|Child|Pseudonym|Review)(?:[ \t]+(?:[A-Z][\w'’-]*|of|and|or)){1,6}[ \t]*$", re.M
)
TABLE_CELL_PSEUDONYM = re.compile(r"^(?:[A-Z]{2,4}\d{0,3}|[A-Z]\d{1,3}|(?:Child|Baby|Infant)\s+[A-Z]{1,3}\d{0,2})$")
# A line that is only names: "Grace and Georgina", "Amy, Ben and Cara" (the title of one family's review).
NAMES_LINE = re.compile(r"^[ \t]*([A-Z][a-z]{1,14}(?:(?:,[ \t]*|[ \t]+and[ \t]+)[A-Z][a-z]{1,14})+)[ \t]*$", re.M)


MAX_TABLE_ROWS = 200
# A board's or a kind of review's abbreviation ("LSCB", "SCP", "DHR", "CSPR") is not a child's code.
# The domain's abbreviations, used again and again on a page, are not a child's code.
NOT_A_CHILD_CODE = re.compile(
    r"^(?:[A-Z]{0,2}SC[BP]|L?CSPRs?|SCRs?|DHRs?|SARs?|CDOP|MASH|NHS|GP|SUD[IC]|ICON|CSE|CCE|HSB|FGM|ACEs?|DASH"
    r"|MARAC|MAPPA|CAMHS|SEND|EHCP|NSPCC|UK|CPRs?|APRs?|MALRs?)$"
)


def _table_pseudonyms(text):
    names = []
    for header in TABLE_HEADER.finditer(text):
        for row in text[header.end() + 1 : header.end() + 1 + MAX_TABLE_ROWS * 200].split("\n")[:MAX_TABLE_ROWS]:
            if not row.strip():
                continue  # a PDF may set each row as its own paragraph
            if len(row.split()) > 12 or row.rstrip().endswith("."):
                break  # prose: the table is over
            cells = re.split(r"\s{2,}", row.strip())
            cell = cells[0] if len(cells) > 1 else row.split()[0]
            if TABLE_CELL_PSEUDONYM.match(cell) and not NOT_A_CHILD_CODE.match(cell) and cell not in names:
                names.append(cell)
    return names


def _names_beside_known(text, named):
    """The other names on a line of names one of which is already known as a child's."""
    found = []
    for line in NAMES_LINE.finditer(text):
        names = re.split(r",\s*|\s+and\s+", line.group(1))
        if any(name in named for name in names):
            found += [name for name in names if name not in named and name not in found and name not in NOT_NAMES]
    return found


def find_child_pseudonyms(text):
    """'Child R' as written; a bare letter where the text introduces a child by one ('the case of M')."""
    named = []
    for match in CHILD_NAMED.finditer(text):
        pseudonym = f"Child {match.group(2)}"
        if pseudonym not in named:
            named.append(pseudonym)
    for name in _child_first_names(text):
        pseudonym = f"Child {name}"
        if pseudonym not in named and len(re.findall(rf"\b{pseudonym}\b", text)) >= 2:
            named.append(pseudonym)
    for match in KNOWN_BY_LETTER.finditer(text):
        pseudonym = f"{' '.join(match.group(1).split())} {match.group(2)}"
        if match.group(1) == "Case" and text[max(0, match.start() - 9) : match.start()].lower().endswith("serious "):
            continue  # "Serious Case R…": the kind of review, broken, not a case's code
        if pseudonym not in named:
            named.append(pseudonym)
    for match in CODE_NAMED.finditer(text):
        if NOT_A_CHILD_CODE.match(match.group(1)):
            continue
        if match.group(1) not in named and len(re.findall(rf"\b{match.group(1)}\b", text)) >= 2:
            named.append(match.group(1))
    aged = (AGED_NAME.search(text, max(0, m.start() - 40), m.end()) for m in OLD_OR_COMMA.finditer(text))
    for match in [*QUOTED_NAME.finditer(text), *(m for m in aged if m)]:
        name = next(group for group in match.groups() if group)
        # "her baby, Name," says whose name it is; other forms must be used again to count
        said_once = match.re is AGED_NAME and match.group(2) == name
        if name not in named and name not in NOT_NAMES and (said_once or len(re.findall(rf"\b{name}\b", text)) >= 2):
            named.append(name)
    listed = _codes_listed_after_child(text)
    for name in listed:
        if name not in named:
            named.append(name)
    # "Child LC; LE; LH; and G", then "the brief for Child G": the child is named as the list wrote it, unless
    # a heading or label of its own gives the full name ("Child LD:" over its part of the page)
    headed = {name for name in named if name.startswith("Child ") and re.search(rf"^[ \t]*{name}\b", text, re.M)}
    named = [
        name
        for name in named
        if not (name.startswith("Child ") and name.split()[-1] in listed and name not in headed)
        and not (name in listed and f"Child {name}" in headed)
    ]
    named += _names_beside_known(text, named)
    named += [name for name in _table_pseudonyms(text) if name not in named]
    named += _named_in_full_or_by_first_name(text, named)
    named += [name for name in _first_names_of_cases(text) if name not in named]
    if not other_work.only_other_kinds(text):  # an adult's review names the adult
        named += [name for name in pseudonym_forms.known_as(text) if name not in named]
        named += [name for name in pseudonym_forms.quoted_names(text) if name not in named]
    named = [name for name in named if f"Child {name}" not in named]
    # "Rosa Hart was two years old" after "Rosa Hart's death": the surname alone is the child named in full
    surnames = {name.split()[-1] for name in named if len(name.split()) > 1 and name.split()[0] not in NOT_NAMES}
    named = [name for name in named if " " in name or name not in surnames]
    named_letters = {name.split()[-1] for name in named}
    for match in LONE_CAPITAL.finditer(text):
        letter = match.group()
        if letter not in named_letters and INTRODUCES_CHILD.search(text, max(0, match.start() - 30), match.start()):
            if _used_as_name(text, letter):
                named.append(letter)
                named_letters.add(letter)
    return _one_spelling_each(named)


# "findings from the cases of Carlos, Cassie, Emily & Jack": the children of several reviews, by first name.
CASES_OF_NAMES = re.compile(
    r"\bthe\s+cases\s+of\s+([A-Z][a-z]{1,14}(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|,[ \t]+and[ \t]+)[A-Z][a-z]{1,14})+)"
    r"\b(?![ \t]+[A-Z])"
)


def _first_names_of_cases(text):
    for match in CASES_OF_NAMES.finditer(text):
        names = re.findall(r"[A-Z][a-z]{1,14}", match.group(1))
        if not any(name in NOT_NAMES or name in NOT_NAME_WORDS for name in names):
            yield from names


def _one_spelling_each(named):
    """A name written with and without its hyphen ("Ann Smith-Jones", "Ann Smith Jones") is one child: the
    hyphenated spelling is kept."""
    spellings = {}
    for name in named:
        spellings.setdefault(name.replace("-", " "), []).append(name)
    kept = {key: next((n for n in forms if "-" in n), forms[0]) for key, forms in spellings.items()}
    return [name for name in named if kept[name.replace("-", " ")] == name]


# "Child LC; LE; LH; and G", "Child LF and LG", "Child X1/X2": one child named, then the other children's
# codes as the text writes them (without "Child").
CHILD_CODE_LIST = re.compile(
    r"\bChild\s+([A-Z]{1,3}\d{0,2})((?:\s*(?:[;,/]\s*(?:and\s+)?|and\s+)[A-Z]{1,3}\d{0,2}(?![\w-]))+)"
)


def _codes_listed_after_child(text):
    names = []
    for match in CHILD_CODE_LIST.finditer(text):
        names.append(f"Child {match.group(1)}")
        names += re.findall(r"(?<![\w-])[A-Z]{1,3}\d{0,2}(?![\w-])", match.group(2))
    return [name for name in names if not NOT_A_CHILD_CODE.match(name.split()[-1])]


def _used_as_name(text, letter):
    """A pseudonym is used again: 'M first became known', "E's father"."""
    return len(re.findall(rf"(?<![\w*&.-]){letter}(?:['’]s)?(?![\w*&-])", text)) >= 3


PARTNERSHIP = re.compile(
    r"((?:[A-Z][\w’'&-]*[ \t]+(?:(?:and|upon|of|&)[ \t]+)?){1,4}?)"
    r"(Local\s+)?(Safeguarding\s+Children(?:['’]s)?\s+(?:Assurance\s+)?(?:Board|Partnership)"
    r"|Children(?:['’]s)?\s+Safeguarding\s+(?:Assurance\s+)?(?:Board|Partnership)|Safeguarding\s+(?:People\s+)?(?:Partnership|Board))"
    r"\b(?!s)"
)
# National bodies that write about reviews, named when no local partnership is.
NATIONAL_BODY = re.compile(
    r"\b(Child Safeguarding Practice Review Panel|National [Pp]anel of [Ii]ndependent [Ee]xperts on [Ss]erious [Cc]ase"
    r" [Rr]eviews)"
)
WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
# An area's own abbreviation ("BSCB", "OSCB", "CHSCP"); "LSCB" and "LSCP" are any area's ("the Local …").
PARTNERSHIP_ABBREVIATION = re.compile(r"\b(?!L)[A-Z](?:[A-Z]{0,3}|[a-z][A-Z])SC[BP]\b")  # "IoWSCP" too
NOT_PLACES = {
    "the",
    "a",
    "an",
    "local",
    "new",
    "our",
    "each",
    "both",
    "report",
    "of",
    "chair",
    "interim",
    "vice-chair",
    "&",
    "and",
    "independent",
    "by",
    "from",
    "to",
    "for",
    "with",
    "this",
    "that",
    # "the National Independent Safeguarding Board", "the Regional Safeguarding Board", "every Local Safeguarding
    # Board": a nation's advisory board, or a region's or any area's board not named by its place
    "national",
    "regional",
    "every",
    "any",
    "your",
}


NATIONAL_TITLE_REGION = 600
# "Bournemouth & Poole LSCB" in a page's title: the generic abbreviation with the area's name before it.
PLACE_AND_LSCB = re.compile(
    r"\b(?!The\b|A\b|An\b|Our\b)[A-Z][a-z]+(?:[ \t]+(?:&|and|upon|on)[ \t]+[A-Z][a-z]+)*[ \t]+LSC[BP]\b"
)
SMALL_WORDS = {"Of", "And", "Upon", "The"}


def _title_case(match):
    return " ".join(w.lower() if w.title() in SMALL_WORDS else w.title() for w in match.group().split(" "))


def _partnership_mentions(text):
    """PARTNERSHIP matched only around the word "Safeguarding": scanning the whole text with a pattern that
    opens on capitalised words is slow. A title in capitals is read in title case."""
    if "SAFEGUARDING" in text:
        text = re.sub(
            r"\b[A-Z][A-Z’'&]*(?: [A-Z&][A-Z’'&]*)* SAFEGUARDING [A-Z ]*(?:BOARD|PARTNERSHIP)\b", _title_case, text
        )
    end_of_last = 0
    for anchor in re.finditer(r"Safeguarding", text):
        window_start = max(end_of_last, anchor.start() - 80)
        match = PARTNERSHIP.search(text, window_start, min(len(text), anchor.end() + 60))
        if match and match.end() > end_of_last:
            end_of_last = match.end()
            yield match


def find_partnership(text):
    """The most often named '<Place> Safeguarding Children Board/Partnership'; None if no place is named."""
    names = Counter()
    forms = {}
    for match in _partnership_mentions(text):
        place = _place(match.group(1))
        if not place:
            continue
        name = " ".join(f"{place} {match.group(2) or ''}{match.group(3)}".split())
        key = name.lower().replace("’", "'").replace("children's", "children")
        names[key] += 1
        forms.setdefault(key, Counter())[name] += 1
    national = NATIONAL_BODY.search(text, 0, NATIONAL_TITLE_REGION)
    if national and not any(m.start() < NATIONAL_TITLE_REGION for m in _partnership_mentions(text)):
        return " ".join(national.group(1).split())  # a Panel's own paper or a summary of one
    if not names and (national := _panel_as_author(text)):
        return national
    if not names and (own := OWN_NAME_PARTNERSHIP.search(text)):
        return " ".join(own.group().split())
    if not names and (body := _other_nations_body(text)):
        return body
    if not names:
        # an abbreviation in a web address ("www.chscb.org.uk/…/CHSCB-Review-X.pdf") names no one
        abbreviations = Counter(PARTNERSHIP_ABBREVIATION.findall(WEB_ADDRESS.sub(" ", text)))
        if abbreviations:
            (first, times), *others = abbreviations.most_common(2)
            if others and others[0][1] == times:
                return None  # several partnerships named as often ("ESSCP; WSSCP and BHSCP"): no one of them
            return first
        placed = PLACE_AND_LSCB.search(text, 0, TITLE_START)
        if placed and placed.group().split()[0].lower() not in NOT_PLACES | {"independent", "every", "any", "your"}:
            return " ".join(placed.group().split())
        return None
    key = names.most_common(1)[0][0]
    return forms[key].most_common(1)[0][0]


# The bodies that hold reviews in the other nations, where no English partnership is named: Northern Ireland's
# one board (its name puts the place last) and a Scottish area's child protection committee ("Fife Child
# Protection Committee", "Fife's child protection committee"; "child protection committees" in general are none).
# A partnership whose name is complete without a place ("the Children’s Safeguarding Assurance Partnership",
# which three areas share), perhaps broken over a line.
OWN_NAME_PARTNERSHIP = re.compile(r"\bChildren[’']s\s+Safeguarding\s+Assurance\s+Partnership\b")
NI_BOARD = re.compile(r"\bSafeguarding Board for Northern Ireland\b")
PROTECTION_COMMITTEE = re.compile(
    r"((?:[A-Z][\w’'&-]*[ \t]+(?:(?:and|&)[ \t]+(?:the[ \t]+)?)?){1,4}?)([Cc]hild [Pp]rotection [Cc]ommittee)\b(?!s)"
)


def _other_nations_body(text):
    if "Northern Ireland" in text and (board := NI_BOARD.search(text)):
        return board.group()
    names = Counter()
    for anchor in re.finditer(r"[Pp]rotection [Cc]ommittee\b(?!s)", text):
        match = PROTECTION_COMMITTEE.search(text, max(0, anchor.start() - 70), anchor.end())
        if match and (place := _place(match.group(1))):
            names[f"{place} {match.group(2)}"] += 1
    return names.most_common(1)[0][0] if names else None


# The Panel as the author of what a page is about: its national review in the page's title, or the review
# "published by" / "undertaken by" it (a report or research it published is not a review of a case).
NATIONAL_REVIEW_TITLE = re.compile(r"\bnational review\b(?! panel)", re.I)
PANEL_AS_AUTHOR = re.compile(
    r"\b[Rr]eview\b[^.]{0,80}?\b(?:published|commissioned|undertaken|carried out|conducted|led|written)\s+by\s+the\s+"
    r"(?:national\s+)?(?:independent\s+)?(Child Safeguarding Practice Review Panel)\b"
)


def _panel_as_author(text):
    """The national Panel, on a page about its national review that names no local partnership."""
    if NATIONAL_REVIEW_TITLE.search(text, 0, NATIONAL_TITLE_REGION) and (national := NATIONAL_BODY.search(text)):
        return " ".join(national.group(1).split())
    author = PANEL_AS_AUTHOR.search(text)
    return author.group(1) if author else None


def _place(words):
    words = [re.sub(r"['’]s$", "", word) for word in words.split()]
    while words and words[0].lower() in NOT_PLACES:
        words.pop(0)
    return " ".join(words) if words and words[-1].lower() not in ("and", "upon") else ""


# What the words just before a date say it is, tried on the 100 characters before every date; a cue may
# also ask for what follows ("In <date>," opens an account of the incident, "In <date> the board…" does not).
DATE_CUES = {
    "incident": [
        (r"(?:^|[.\n]\s*)(?:\d+\.\s+)?In\s+$", ","),
        (r"\b(?:died|death|injur\w*|harmed|assault\w*)\b[^.]*\bin\s+$", ""),
    ],
    "review_start": [
        (r"\b(?:review|SCR|CSPR)\b[^.]*\bbetween\s+$", ""),
        (r"\b(?:convened|commissioned|began|started|initiated)\b[^.]*\b(?:on|in)?\s*$", ""),
    ],
    "review_end": [
        (r"\b(?:review|SCR|CSPR)\b[^.]*\bbetween\s+\S[^.]*\band\s+$", ""),
        (r"\b(?:completed|signed off|endorsed|concluded|completion)\b[^.]*\b(?:on|in|is|by)\s+$", ""),
        (r"\b(?:received|reported)\b[^.]*\b(?:in|on|dated)\s+$", ""),
    ],
    "published": [(r"\bpublished\b[^.]*\b(?:on|in)\s+$", "")],
}
COMPILED_DATE_CUES = {key: [(re.compile(p, re.I), after) for p, after in cues] for key, cues in DATE_CUES.items()}
DATE_CONTEXT = 100


def find_dates(text):
    """The first date each cue introduces; only the text just around each date is searched."""
    found = dict.fromkeys(DATE_KEYS)
    for match in DATE_CORE.finditer(text):
        start = match.start()
        prefix = DATE_PREFIX.search(text, max(0, start - 12), start)
        if prefix:
            start = prefix.start()
        before = text[max(0, start - DATE_CONTEXT) : start]
        after = text[match.end() : match.end() + 1]
        for key in DATE_KEYS:
            if found[key] is None and any(
                cue.search(before) and after.startswith(follows) for cue, follows in COMPILED_DATE_CUES[key]
            ):
                found[key] = " ".join(text[start : match.end()].split())
    return found


def find_agencies(text):
    return tags_found(CueText(text), AGENCY_CUES)


def find_themes(text):
    return tags_found(CueText(text), THEME_CUES)


NAMED_METHOD = re.compile(
    r"\b(?:Learning Together|SCIE|SILP|systems? (?:model|approach|based)|child practice reviews?)\b"
)
METHODOLOGY_WORD = re.compile(r"\bmethodology\b", re.I)


def find_methodology(text):
    """The sentence naming the review's method (SCIE, SILP, Welsh child practice review, systems model)."""
    for cue in (NAMED_METHOD, METHODOLOGY_WORD):
        for match in cue.finditer(text):
            sentence = _sentence_around(text, match.start())
            if len(sentence.split()) >= 8:
                return sentence
    return None


def _sentence_around(text, offset):
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    end_dot, end_line = text.find(". ", offset), text.find("\n", offset)
    ends = [e for e in (end_dot + 1 if end_dot >= 0 else -1, end_line) if e >= 0]
    return " ".join(text[start : min(ends) if ends else len(text)].split())
