"""Which runs and paragraphs are learning points and which are recommendations.

Two signals, both about how a document introduces a list rather than about any document's wording:
- the lead-in: the sentence ending in ":" just before a list, or the item a list is nested in
  ("The learning points are highlighted below:", "The board is requested to:");
- the section: a heading such as "Recommendations" or "Key learning", whose items (and, for
  recommendations, whose plain sentences — committee papers put them in prose) run to the next heading."""

import bisect
import re
from collections import Counter

from .blocks import HEADING, ITEM, PROSE, Block
from .inline import LINES_AFTER_LEAD_IN, inline_items, lines_follow, split_parts
from .markers import (
    DASH_STYLES,
    UNNAMED_KEYWORDS,
    ends_sentence,
    is_heading_text,
    is_question_heading,
    item_text,
    normalise_space,
)
from .result import Item
from .runon import is_run_on, run_on_clauses
from .tables import table_rows
from .titles import message_titles

LEARNING, RECOMMENDATIONS = "learning_points", "recommendations"
# The domain's words for what a review learned: learning (points, themes, messages), lessons, findings,
# key issues, themes, messages, what a review found or highlighted, what a briefing asks "what did we find?".
LEARNING_CUE = re.compile(
    r"\b(?:learning points?|points? of learning|key learning|learning(?: (?:themes?|messages?"
    r"|includ(?:e[sd]?|ing)|focus(?:es|ed)? on|identified|arising"
    # learning from a review or a case, not "learning from good practice, and it promotes a culture that:"
    # ("Learning from CSCP Reviews": a partnership's abbreviation before its reviews)
    r"|from (?:(?:the|this|these|both|our|local|national|recent|published|serious|case|child|practice|rapid|such"
    r"|(?-i:[A-Z]{2,6}))\s+){0,3}(?:reviews?|SCRs?|CSPRs?|LCSPRs?|cases?|incidents?|deaths?|child [A-Z]\w*)"
    r"|for (?:practice|practitioners|the partnership|(?:all |other |partner )?(?:agencies|services|professionals"
    r"|organisations|partners|schools)|the (?:workforce|system)))\b)"
    # what was learned, said of the whole: "What we learned", "Emerging learning", a heading "The learning"
    r"|\bwhat (?:we|the reviews?|the panel|practitioners) (?:have )?learn(?:ed|t)\b|^the learning$"
    r"|\b(?:emerging|practice|wider|shared|system|systemic|multi-agency) learning\b(?! (?:event|session|day|week|hub"
    r"|programme|opportunit))|\b(?:key|main) conclusions?\b"
    r"|^learning:?$|lessons?(?: (?:to be )?learn[te]d)?|(?:key |main )?findings|(?:key|main) finding"
    r"|(?:key |main )?issues (?:identified|raised"
    r"|highlighted|found|includ(?:e[sd]?|ing))|key issues|(?:practice |learning )themes?"
    r"|(?:^|\b(?:key|practice|main) (?:practitioner |practice |learning )?)messages?\b|\bkey points\b"
    # a blog quoting a review: "One of the points made in the Review is:"
    r"|\bpoints? (?:made|raised) (?:in|by) (?:the|this) (?:review|report|SCR|CSPR)\b"
    r"|what (?:else |good practice )?(?:did|do|does) (?:we|the reviews?|this review|the panel)"
    r" (?:find|learn|identify|show|tell us)"
    r"|what (?:can|should|could) we learn|good practice (?:identified|found|highlighted)"
    # "What could have been done differently?", "So what more could have been done to protect Logan?"
    r"|what (?:more |else )?could (?:have been|be) done\b"
    r"|the review found|^the (?:review|findings)$|areas? (?:of|for) (?:learning|improvement|development)"
    r"|areas? (?:requiring|needing|that (?:require|need)) (?:attention|improvement)"
    # "The Committee's conclusions are as follows:", "a number of conclusions:"
    r"|\bconclusions (?:(?:are|were)(?: as follows)?\s*)?:$"
    r"|\b(?:problems|failings|weaknesses|shortcomings) (?:that )?(?:were |have been )?(?:identified|found)\b"
    r"|\b(?:major|key|main|particular|significant) areas? of concern\b"
    # A learning brief's sections on what the review found that went well and what it means for practice:
    # the review's own findings, though worded to practitioners.
    r"|^(?:examples? of |areas? of |evidence of )?good practice(?: (?:was |were )?(?:identified|found|noted|seen"
    r"|observed|highlighted))?:?$|^what (?:went|worked) well\b|messages? (?:for|to) (?:practice|practitioners"
    r"|professionals|managers|staff|the workforce)|what (?:does )?(?:this|it|the review) means? for (?:practice"
    r"|practitioners|professionals|you|your practice)|implications for (?:practice|practitioners)"
    r"|^(?:areas? of |examples? of )?(?:strengths?|positive practice)(?: (?:in practice|identified|found))?:?$"
    r"|practice points|points for practice|practice messages"
    r"|what (?:needs to|must|should) change|what could (?:have been done|we do|be done) (?:differently|better)"
    r"|what (?:did not|didn[’']t) go well"
    # Analyses of many reviews name what they found "practice issues" or "practice implications"; a report
    # announces its learning by number ("three important messages", "five key lessons").
    r"|practice (?:issues|implications)\b|implications for (?:the )?(?:partnership|agencies|services)"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d{1,2}) (?:(?:important|key|main|core|clear"
    r"|central|overarching) )?(?:messages|lessons)\b)",
    re.I,
)
# What reviews, their learning or an analysis of them is said to have found, in any tense: "the case reviews
# highlighted that …", "the learning highlights the importance of:", "the Panel found that:", or what its
# authors concluded: "They concluded that:". Weaker than the cues above: "The review has highlighted a number
# of recommendations" introduces recommendations.
FOUND_CUE = re.compile(
    r"\b(?:(?:case|serious case|practice|local|national|rapid|child practice|learning) )?(?:reviews?|SCRs?|CSPRs?"
    r"|LCSPRs?|learning|analysis|panel|evidence|report|briefing|study)\s+"
    r"(?:(?:also|has|have|had|consistently|repeatedly)\s+)?"
    r"(?:highlight(?:s|ed)?|identif(?:y|ies|ied)|found|show(?:s|ed)?|suggest(?:s|ed)?|conclude[sd]?"
    r"|reveal(?:s|ed)?|illustrate[sd]?|emphasi[sz]e[sd]?|underline[sd]?|point(?:s|ed)? to|demonstrate[sd]?"
    r"|uncover(?:s|ed)?)\b"
    r"|\b(?:they|it|we|the (?:independent )?(?:reviewers?|authors?|lead reviewers?))\s+(?:also\s+)?(?:concluded|found"
    r"|identified|highlighted)\s+that\b"
    # the passive: "the issues identified in the case reviews were", "themes highlighted by local reviews"
    r"|\b(?:identified|highlighted|found|raised)\s+(?:in|by|from|across)\s+(?:the\s+|these\s+|both\s+|all\s+)?"
    r"(?:(?:case|serious case|practice|local|national|rapid|child practice|learning)\s+)?(?:reviews?|SCRs?|CSPRs?"
    r"|report|inquiry)\b",
    re.I,
)
# Themes are what a review found only when the sentence says a review (or reviews) found them: a
# workshop's or a board's themes are not learning from a review.
THEME_CUE = re.compile(
    r"\b(?:(?:key|main|emerging|common|recurring|recurrent|cross\W?cutting) themes?"
    r"|themes? (?:(?:were|have been) )?(?:identified|emerged|emerging|highlighted|includ(?:e[sd]?|ing))"
    r"|identified (?:the following )?themes)\b",
    re.I,
)
# Themes a study was framed by are its scope, not what it found: "The analysis examined the reports across
# three key themes:", "grouped under four themes" (but "the main themes were:" is what it found).
SCOPE_OF_THEMES = re.compile(
    r"\b(?:across|under|against|around|into|by|within)\s+(?:(?:the|these|its|our|\w+)\s+){0,2}"
    r"(?:(?:key|main|broad|overarching)\s+)?themes\b",
    re.I,
)


# "The findings are organised under five themes that emerged:", "Its key findings are summarised under the
# following areas:" list the headings the findings are arranged under (the report's structure), not them.
ARRANGED_UNDER_THEMES = re.compile(
    r"\b(?:organi[sz]ed|grouped|arranged|structured|presented|set out|summari[sz]ed)\s+(?:under|around|into|by|in)"
    r"\s+(?:(?:the|these|its|\w+)\s+){0,3}(?:(?:key|main|broad|overarching)\s+)?(?:themes|headings|sections|areas"
    r"|domains|categories)\b",
    re.I,
)


REVIEW_WORD = re.compile(r"\b(?:reviews?|SCRs?|CSPRs?|LCSPRs?|case|cases)\b", re.I)
RECOMMENDATION_CUE = re.compile(
    r"\brecommend(?:ations?|s|ed)?\b|\bcalls? for\b|\b(?:is|are) (?:requested|asked|invited) to\b"
    # "New proposals from the review include:": what a review proposes is what it recommends
    r"|\bproposals (?:from|of|in|made by) (?:the|this) (?:review|report|inquiry)\b",
    re.I,
)
# A lead-in about something else, though it uses one of the words above: a future review's scope, the
# criteria for a review, a board's priorities, a content list, questions asked of the meeting.
NOT_A_LEAD_IN = re.compile(
    r"\b(?:priorit(?:y|ies)|criteria|terms of reference|scope|will (?:consider|look at|examine|cover|explore)"
    r"|may include but|must include"
    r"|should include|contents?|questions?|asked (?:about|whether|how)|on whether to|whether to undertake"
    # statutory rules and bodies ("the three statutory partners:"), not "statutory and voluntary services"
    r"|statutory (?:partners?|duty|duties|criteria|guidance|requirements?|functions?|responsibilit\w+|members?"
    r"|content|framework|obligations?|notifications?|basis)"
    r"|what (?:did|do) we do|responsib(?:le|ilit(?:y|ies)) (?:for|of|to)|(?:duties|functions) of|agenda"
    r"|resolved|learning outcomes?|(?:aims|objectives|purposes?) of|(?:session|training|course) (?:aims|objectives)"
    # risk factors from research, and whom a briefing is for, are not what a review learned
    r"|risk factors?|who (?:should|need to|must|will) (?:read|understand|know|use)|(?:is|are) (?:aimed at|written for)"
    r"|audiences?"
    # what a meeting's discussion raised is the meeting's, not a review's
    r"|raised (?:in|during|at) (?:the )?(?:discussion|meeting|debate)"
    # how the children in the reviews died or were harmed is the cases' circumstances, not the learning
    r"|died,? (?:or|and) (?:were |was )?(?:seriously )?(?:injured|harmed)|died or suffered serious harm"
    r"|harmed in a number of (?:different )?ways"
    # what a government or board plans or proposes to do is not what a review found
    r"|plans? to|intends? to|proposes? to|(?:is|are) planning to)\b",
    re.I,
)
# Headings that start a section of another kind: what happened, how the review was done, what to do next.
OTHER_SECTION = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:background|introduction|(?:the )?incident|(?:safeguarding )?concerns|method(?:ology)?"
    r"|next steps|actions?\b|what happens next|resources|further (?:reading|information)|contact|useful links"
    r"|references|appendix|glossary|about|training|support|purpose|priorit|case summary|summary of the case"
    r"|family|chronology|downloads?|related|share|help|navigation|menu|search|home"
    r"|(?:how (?:can|do) (?:i|you|we) )?find out more|where (?:can|do) (?:i|you) find)",
    re.I,
)
# Unbulleted learning: at least this many lines, none longer than a short sentence.
MIN_UNMARKED_LINES, MAX_UNMARKED_WORDS = 3, 30
CONFIDENCE = {"lead_in": 0.9, "inline": 0.85, "section_item": 0.8, "section_prose": 0.65}
SHORT_OF_COUNT = 0.15  # fewer paragraphs after a lead-in than the number it states
# A contents entry: a heading followed by its page number ("7.1 Summary of SCR Recommendations Page 47").
# (or its paragraph number: "Legislation  13.14")
CONTENTS_ENTRY = re.compile(r"(?:\.{3,}|…|\bpage|\s)\s*\d{1,3}(?:\.\d{1,3})?$", re.I)


# What a committee paper asks of its own meeting ("Note the report at appendix 1", "The board is requested
# to comment on …", "Report to be presented to the Board", "The Board to receive the reports"): an
# instruction to the meeting, not a recommendation of the review the paper is about.
MEETING_REQUEST = re.compile(
    r"^(?:that\s+)?(?:(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){0,5}(?:board|committee|cabinet|panel|members|meeting|forum)"
    r"\s+(?:is\s+|are\s+)?(?:requested\s+|asked\s+|invited\s+|recommended\s+)?to\s+"
    r"|(?:the\s+)?(?:report|paper)\s+(?:is\s+)?to\s+be\s+)?"
    r"(?:note|notes|noted|comment\s+on|agree|approve|endorse|receive|consider|discuss|be\s+presented|be\s+noted"
    r"|presented)\b",
    re.I,
)


# A report of what was done with recommendations, not one: "The Committee considered draft recommendations",
# "A verbal update will be given on any recommendations".
ABOUT_RECOMMENDATIONS = re.compile(
    r"\b(?:considered|discussed|debated|update|updates|reported on|received)\b[^.]{0,40}\brecommendations\b", re.I
)
# A meeting's resolution on the list, not one of its items: "That the draft recommendations … be noted."
RESOLUTION = re.compile(r"\bbe (?:noted|agreed|approved|received|endorsed|adopted)\W*$", re.I)


def _is_resolution(entry, source):
    _, start, end, _ = entry
    return bool(RESOLUTION.search(source[start:end]))


def is_request_to_meeting(text):
    return bool(MEETING_REQUEST.match(normalise_space(text)))


# A web address ends the sentence before it: "… drawn from an analysis by the NSPCC: https://… In these
# case reviews children died through:" is two sentences.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\s*\bhttps?://\S+\s+(?=[A-Z])")


# A quotation, opened by a double quotation mark and closed by the next (blogs close a quotation with
# either mark): its full stops are the quoted text's, not the end of the sentence that quotes it ("The report
# highlights “… media coverage.”; and goes on to point out that").
QUOTATION = re.compile(r"[“\"][^“”\"]{1,1500}[”“\"]")


def _last_sentence(text):
    text = normalise_space(text)
    quoted = [m.span() for m in QUOTATION.finditer(text)] if "“" in text or '"' in text else []
    starts = [a for a, _ in quoted]  # in order and not overlapping: one look-up per sentence end
    start = 0
    for end in SENTENCE_END.finditer(text):
        inside = bisect.bisect_left(starts, end.start()) - 1
        if inside < 0 or not quoted[inside][0] < end.start() < quoted[inside][1]:
            start = end.end()
    return text[start:]


# A lead-in whose own verb is what a review found, straight before its colon: the list is what it found,
# whatever an earlier clause mentions ("In a 90-page report containing 12 recommendations, the serious case
# review panel found that:").
FOUND_THAT_AT_END = re.compile(
    r"\b(?:reviews?|SCRs?|CSPRs?|LCSPRs?|inquiry|investigation|report|panel|inspections?|inspectors|audits?)\b"
    r"(?:\s+[\w-]+){0,2}?\s+"
    r"(?:also\s+)?(?:found|concluded|identified|highlighted)(?:\s+that)?\s*:$",
    re.I,
)

# "From our analysis of these case reviews, two groups of parents emerged:": what emerged from reviews.
EMERGED_AT_END = re.compile(r"\b(?:emerged|emerge|became (?:clear|apparent))\s*:$", re.I)

# "In serious case reviews carried out since 2018, we often see …": what a partnership sees in its reviews.
SEEN_IN_REVIEWS = re.compile(
    r"\bin (?:(?:our|the|these|local|recent)\s+){0,2}(?:serious case|case|practice|local"
    r"|child safeguarding practice)\s+reviews\b[^.]{0,60}\bwe (?:often |frequently |repeatedly |commonly "
    r"|consistently )?(?:see|find|saw|found)\b",
    re.I,
)


# "Makes no recommendations, but reflects on three main issues:", "no new lessons": a kind denied is not the
# list's kind.
DENIED = re.compile(
    r"\b(?:no|not\s+(?:make|made|making|contain|include)\s+any|without(?:\s+any)?)\s+(?:\w+\s+)?$",
    re.I,
)


def _first_not_denied(cue, text):
    for match in cue.finditer(text):
        if not DENIED.search(text, max(0, match.start() - 40), match.start()):
            return match
    return None


def classify_cue(text):
    """LEARNING, RECOMMENDATIONS or None, by whichever cue comes first in the text's last sentence."""
    last_sentence = _last_sentence(text)
    own_words = QUOTATION.sub(" ", last_sentence) if "“" in last_sentence or '"' in last_sentence else last_sentence
    if NOT_A_LEAD_IN.search(own_words) or ARRANGED_UNDER_THEMES.search(own_words):
        return None  # (a word such as "content" inside a quotation is the quoted text's, not the lead-in's)
    if (
        FOUND_THAT_AT_END.search(own_words)
        or (EMERGED_AT_END.search(own_words) and REVIEW_WORD.search(own_words))
        or SEEN_IN_REVIEWS.search(own_words)
    ):
        return LEARNING  # "In a report containing 18 recommendations, the review found that:"
    found = [
        (m.start(), kind)
        for kind, cue in ((LEARNING, LEARNING_CUE), (RECOMMENDATIONS, RECOMMENDATION_CUE))
        if (m := _first_not_denied(cue, last_sentence))
    ]
    theme = THEME_CUE.search(last_sentence)
    if theme and REVIEW_WORD.search(last_sentence) and not SCOPE_OF_THEMES.search(last_sentence):
        found.append((theme.start(), LEARNING))
    if not found and FOUND_CUE.search(last_sentence):
        return LEARNING
    return min(found)[1] if found else None


def find_items(blocks, runs, doc):
    """{LEARNING: [Item…], RECOMMENDATIONS: [Item…]} in document order; `doc` is the SourceText."""
    source = doc.text
    chosen = {}  # start offset -> (kind, start, end, confidence)
    inline, covered = inline_items(
        blocks, source, classify_cue, lambda label, offset: _theme_after_reviews(label, offset, source)
    )
    for item in inline:
        chosen.setdefault(item.start, (item.kind, item.start, item.end, CONFIDENCE["inline"]))
    position = {id(block): n for n, block in enumerate(blocks)}
    run_of = {id(block): run for run in runs for block in run.items}
    # a run led in by a bullet at its own level speaks first for its items: the list above it is of another kind
    for run in sorted(runs, key=lambda run: not run.same_level):
        if run.parent is not None and _absorbs_sub_bullets(run.parent, source):
            continue  # part of the item above it
        if _inside_list_of_another_kind(run, run_of, source):
            continue
        kind = (
            _lead_in_kind(run, source)
            or _shared_lead_in_kind(run, blocks, position, source)
            or _labelled_parts_kind(run, blocks, position, source)
        )
        if kind and not _is_contents(run.items, source):
            for block in _leaf_items(run.items, source):
                if id(block) not in covered:
                    if run.style.startswith("kw:"):
                        end = _paragraphs_end(block, blocks, position, source)
                    else:
                        end = _item_end(block, source)
                    _choose(chosen, kind, block, _confidence("lead_in", block, run, source), source, end)
    for kind, block in _unmarked_lines(blocks, source):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"], source)
    for kind, block in _lines_after_inner_lead_in(blocks, covered, source):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"], source)
    for kind, block, short in _paragraphs_after_lead_in(blocks, covered, source):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"] - (SHORT_OF_COUNT if short else 0), source)
    for kind, block in _ordinal_paragraphs(blocks, covered, source):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"], source)
    inline_starts = sorted(item.start for item in inline)
    for kind, block in _paragraphs_under_learning_heading(blocks, inline_starts, source):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"], source)
    for kind, block in _counted_paragraphs(blocks, source):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"], source)
    for kind, block in _lines_that_lost_their_bullets(blocks, covered, source):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"], source)
    for kind, block in message_titles(blocks, source, classify_cue, END_OF_FINDINGS.match):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"], source)
    for kind, block in table_rows(source, _table_lead_in_kind(source)):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"], source)
    for kind, block in _run_on_after_lead_in(blocks, covered, source):
        _choose(chosen, kind, block, CONFIDENCE["section_prose"] - 0.15, source)  # its edges are a guess
    for kind, block, basis, run in _section_items(blocks, runs, source):
        if id(block) not in covered:
            _choose(chosen, kind, block, _confidence(basis, block, run, source), source, _item_end(block, source))
    ordered = sorted(
        (entry for entry in chosen.values() if not (entry[0] == RECOMMENDATIONS and _is_resolution(entry, source))),
        key=lambda entry: entry[1],
    )
    ordered = _split_by_wording(ordered, blocks, source)
    return {
        kind: [_to_item(start, end, conf, doc) for k, start, end, conf in ordered if k == kind]
        for kind in (LEARNING, RECOMMENDATIONS)
    }


# One lead-in for both lists ("The review's findings and recommendations are:", a heading "Key findings and
# recommendations"): each item is whichever its own wording says.
MIXED_LEAD_IN = re.compile(
    r"\b(?:findings|learning|lessons(?: learn[te]d)?|key issues|conclusions)\s+and\s+(?:(?:the|its|their)\s+)?"
    r"recommendations\b|\brecommendations\s+and\s+(?:(?:the|its|their)\s+)?(?:findings|learning|lessons)\b",
    re.I,
)
MIXED_LEAD_IN_REACH = 200  # the end of a lead-in
RECOMMENDATION_WORDING = re.compile(
    r"\b(?:should|must|needs? to|ought to|recommend(?:s|ed)?|is asked to|are asked to)\b"
    # "For the LSCP to seek assurance that …": what the partnership is to do
    r"|^for (?:the |all )?(?:[\w-]+ ){1,4}to (?:seek|ensure|consider|review|develop|provide|establish|undertake)\b"
    r"|^(?:to|that)\s"
    # an action's verb first, as an order ("Develop a shared plan", "Make sure every agency …"); the same word
    # as a noun opening a finding ("Support for the mother was not coordinated", "Review of the records showed
    # …", "Support from the health visitor was limited") is not one
    r"|^(?:ensure|develop|establish|introduce|strengthen|improve|consider|provide|create|support|increase|reduce"
    r"|review|expand|extend|invest|set up|replace|require|make|give|put|raise|embed|publish|appoint|implement"
    r"|adopt|promote|undertake|commission|build|remove|prioriti[sz]e|clarify|agree)\s+"
    r"(?!(?:for|of|was|were|is|are|has|had|have|by|from|and|or|showed|shows|found|finds)\b)",
    re.I,
)
# A sub-heading inside a section ("Report findings and recommendations" / "A revolution in family help" /
# bullets) names a topic: the section's heading is the introducer.
MAX_TOPIC_HEADINGS = 3


def _introducer(n, blocks, taken, source):
    while n >= 0 and (blocks[n].kind == ITEM or blocks[n].body_start in taken):
        n -= 1
    m, topics = n, 0
    while m > 0 and blocks[m].kind == HEADING and classify_cue(blocks[m].text(source)) is None:
        m, topics = m - 1, topics + 1
        while m >= 0 and blocks[m].kind == ITEM:
            m -= 1
        if topics > MAX_TOPIC_HEADINGS or m < 0 or blocks[m].kind != HEADING:
            return n
        if classify_cue(blocks[m].text(source)) is not None:
            return m
    return n


def _split_by_wording(entries, blocks, source):
    """The introducer of an item is the nearest block before it that is neither a list item nor an item.
    Under one that leads in to both lists, each item is what its wording says; a list most of whose items
    are worded as actions is all recommendations (one item stating what will happen is among them)."""
    starts = [block.start for block in blocks]
    taken = {start for _, start, _, _ in entries}
    mixed = {}  # block number -> whether it leads in to both lists, read once (a 2 MB line has 16,000 items)
    split, groups = [], {}
    for kind, start, end, confidence in entries:
        n = _introducer(bisect.bisect_right(starts, start) - 1, blocks, taken, source)
        if n >= 0 and n not in mixed:
            block = blocks[n]
            mixed[n] = bool(
                MIXED_LEAD_IN.search(source, max(block.body_start, block.end - MIXED_LEAD_IN_REACH), block.end)
            )
        if n >= 0 and mixed[n]:
            text = normalise_space(source[start:end])
            kind = RECOMMENDATIONS if RECOMMENDATION_WORDING.search(text) else LEARNING
            groups.setdefault(n, []).append(len(split))
        split.append((kind, start, end, confidence))
    for members in groups.values():
        actions = sum(split[i][0] == RECOMMENDATIONS for i in members)
        if actions * 4 >= len(members) * 3:
            for i in members:
                split[i] = (RECOMMENDATIONS, *split[i][1:])
    return split


def _table_lead_in_kind(source):
    """How a table's lead-in is read: as any lead-in, or as themes when the text before it is about reviews."""
    return lambda text, offset: classify_cue(text) or _theme_after_reviews(text, offset, source)


def _choose(chosen, kind, block, confidence, source, end=None):
    text = block.text(source)
    title = is_heading_text(text) and classify_cue(" ".join(text.split()[:3])) == kind
    if (_is_contents_entry(text) or title) and end in (None, block.end):
        return  # a contents line, or a title ("Recommendations to the Board") rather than an item
    chosen.setdefault(block.body_start, (kind, block.body_start, end or block.end, confidence))


def _paragraphs_end(block, blocks, position, source):
    """'Finding 1: title' and the paragraphs under it, up to the next item or heading: the whole finding. The
    last labelled item that ends its own sentence is whole: the paragraphs after it are the page's own."""
    end, next_label = block.end, False
    for following in blocks[position[id(block)] + 1 :]:
        if following.kind != PROSE:
            next_label = following.kind == ITEM and following.marker.styles[0][0] == block.marker.styles[0][0]
            break
        if following.ends_with_colon(source):
            break  # "For further details, please visit:" leads in to something else
        end = following.end
    return end if next_label or not ends_sentence(block.text(source)) else block.end


def _unmarked_lines(blocks, source):
    """Short lines with no bullet or number, one after another, straight after a learning heading or a
    learning lead-in: each line (with any line it wraps onto) is one item. The lines may be one paragraph or
    each its own (a blank line between them, so each looks like a heading)."""
    for n, block in enumerate(blocks):
        titled = _titled_lines(block, source)
        if titled:
            yield from ((kind, Block(PROSE, start, end, start)) for kind, (start, end) in titled)
            continue
        before = blocks[n - 1] if n else None
        introduced = before is not None and (
            before.kind == HEADING or (before.kind == PROSE and before.ends_with_colon(source))
        )
        if block.kind not in (PROSE, HEADING) or not introduced:
            continue
        if before.kind == HEADING and (
            LEARNING_PRODUCT_TITLE.match(before.text(source))
            or (LEARNING_FROM_REVIEWS.match(before.text(source)) and DESCRIBES_REVIEWS.match(block.text(source)))
        ):
            continue  # the page's title names a document about learning, or it lists reviews and describes them
        kind = _introducer_kind(blocks, n - 1, source)
        if kind not in (LEARNING, RECOMMENDATIONS):
            kind = _under_sub_heading(blocks, n, source)
        if kind not in (LEARNING, RECOMMENDATIONS) or (
            kind == RECOMMENDATIONS and block.line_count < MIN_UNMARKED_LINES
        ):
            continue  # recommendations a paragraph each are the section's paragraphs (numbered ones first)
        if n >= 1 + INDEX_HEADINGS and all(b.kind == HEADING for b in blocks[n - 1 - INDEX_HEADINGS : n - 1]):
            continue  # one title in an index of titles (briefings, pages), not a section heading
        if block.line_count >= MIN_UNMARKED_LINES:
            lines = _until_long_paragraph(_wrapped_lines(source, block), source)
        else:
            lines = _separate_short_lines(blocks, n, source)
        if _enough_lines(lines, source):
            for start, end in lines:
                yield kind, Block(PROSE, start, end, start)


def _paragraphs_after_lead_in(blocks, covered, source):
    """'Summary of main findings:' then paragraphs, not a list: each paragraph, up to the next heading, list
    or lead-in, is one item. A paragraph that does not end its sentence is a link or a caption, and ends them
    (unless it is the last text there is: a page cut off mid-item)."""
    for n, block in enumerate(blocks[:-1]):
        if block.kind != PROSE or id(block) in covered or not block.ends_with_colon(source):
            continue
        if blocks[n + 1].kind != PROSE or classify_cue(block.text(source)) is None:
            continue
        kind = classify_cue(block.text(source))
        limit = _stated_count(block.text(source), kind)
        paragraphs = []
        for taken, following in enumerate(blocks[n + 1 :]):
            text = following.text(source)
            if taken == limit or following.kind != PROSE or text.endswith(":") or _another_sections_line(text):
                break
            if not _ends_cited_sentence(text) and following is not blocks[-1]:
                break
            paragraphs.append(following)
        # "The review makes three recommendations:" and two paragraphs: the two are its recommendations still,
        # less surely (the third may be in a table or a picture the text lost, or on another page). A
        # paragraph not worded as one ("Read the full report on our website.") is then not taken for one.
        short = bool(limit) and len(paragraphs) < limit
        if short and kind == RECOMMENDATIONS:
            paragraphs = [p for p in paragraphs if RECOMMENDATION_WORDING.search(p.text(source))]
        for following in paragraphs:
            for part in _packed_parts(kind, following, source):
                yield (*part, short)


# A paragraph that opens with an ordinal: "Firstly, …", "Secondly …", "Our second core message …", "The
# third lesson …", "Finally, …", "Our final message is …".
FIRST_PARAGRAPH = re.compile(r"^[\"“‘']?(?:first(?:ly)?|in the first place)\b", re.I)
LATER_PARAGRAPH = re.compile(
    r"^[\"“‘']?(?:(?:second|third|fourth|fifth|sixth)(?:ly)?\b|finally\b|lastly\b"
    r"|(?:our|the|a|my|its|their)\s+(?:[\w-]+\s+)?(?:second|third|fourth|fifth|sixth|final|last|next)\b)",
    re.I,
)


def _ordinal_paragraphs(blocks, covered, source):
    """A list written as paragraphs, each opened by an ordinal ("Firstly, …" / "Our second core message …" /
    "Our final message …"), announced just before by a cue ("This report has three important messages."):
    each paragraph is one item. The last may be cut off."""
    for n, block in enumerate(blocks):
        if block.kind != PROSE or id(block) in covered or not FIRST_PARAGRAPH.match(block.text(source)):
            continue
        later = []
        for following in blocks[n + 1 :]:
            if following.kind not in (PROSE, HEADING) or not LATER_PARAGRAPH.match(following.text(source)):
                break
            later.append(following)
        if not later:
            continue
        kind = next(
            (classify_cue(b.text(source)) for b in reversed(blocks[max(0, n - 2) : n]) if classify_cue(b.text(source))),
            None,
        )
        if kind:
            yield kind, block
            yield from ((kind, following) for following in later)


# A learning section written as paragraphs ("Lessons learnt", "Key findings" and its sub-headings) ends at
# a heading of another section: what to do next, where to read more, how the work was done.
END_OF_FINDINGS = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:background|introduction|method(?:ology)?|how we|next steps|actions?\b|what happens next"
    r"|resources|further (?:reading|information)|contact|useful links|references|appendix|glossary|about"
    r"|downloads?|related|share|help|navigation|menu|search|home|recommend|conclusion|summary|questions?"
    r"|reflective|training|support|case summary|the case|family|(?:policy |national |local )?context\b)",
    re.I,
)
MIN_FINDING_WORDS = 12
# A title that names a document or page about learning ("Learning from Reviews Report", "Lessons from case
# reviews newsletter"), not a section of learning.
LEARNING_PRODUCT_TITLE = re.compile(
    r"^(?:learning|lessons?) from (?:[\w-]+ ){0,3}(?:reviews?|SCRs|CSPRs) (?:annual )?(?:report|newsletter|bulletin"
    r"|library|hub|archive|repository|page|catalogue)s?$",
    re.I,
)
# A partnership's page listing its reviews ("Learning from Reviews", "Learning from Rapid Reviews") says in
# its paragraphs what reviews are, what they are for and what the partnership does with them; a paragraph
# there saying what a review found is learning still.
LEARNING_FROM_REVIEWS = re.compile(
    r"^(?:learning|lessons?) from (?:(?:local|national|rapid|case|practice|safeguarding|child|serious|our) ){0,3}"
    r"(?:reviews?|SCRs|CSPRs)$",
    re.I,
)
DESCRIBES_REVIEWS = re.compile(
    # "The purpose of case reviews … is", "A serious case review (SCR) is a local enquiry", "Child Safeguarding
    # Practice Reviews are about …", "The ISCP conduct case reviews …", "SCSP has a Quality Assurance
    # Framework", "Our series of thematic briefings …", "A Brief Guide to Statutory Reviews: …", "We've
    # compiled a list of published research reports …"
    r"(?i:^(?:the (?:purpose|aim|role)s? of)\b"
    r"|^(?:an? |the )?(?:[\w-]+ ){0,4}(?:reviews?|SCRs?|CSPRs?)(?: \([A-Z]+\))? (?:is|are|take place|takes place)\b"
    r"|^(?:our|this|these|an?) (?:[\w-]+ ){0,3}(?:series|guides?|briefings?|page|resources?|reports?)\b"
    r"|^we(?:'ve|’ve| have)? (?:compiled|created|published|produced|put together|gathered|collected)\b)"
    # the partnership (by name or its acronym, in capitals) and what it does
    r"|^(?:(?i:the (?:partnership|board|panel))|(?:[Tt]he )?[A-Z]{3,7})"
    r" (?i:has|have|conducts?|publish(?:es)?|carr(?:y|ies) out|undertakes?|will)\b",
)
MAX_SECTION_UNITS = 200  # paragraphs and sub-headings read after one heading
# A text with no blank line and long lines writes one paragraph a line.
PARAGRAPH_LINE_CHARACTERS = 100
SENTENCE_INSIDE = re.compile(r"[.!?][\"'’”)]?\s+[A-Z]")


def _paragraphs_under_learning_heading(blocks, inline_starts, source):
    """Unbulleted paragraphs under a short learning heading ("Lessons Learnt", "Key Findings"), with no list
    in the section: each paragraph (of a sentence or more) is one item; sub-headings inside the section
    ("Priorities and impact") are not items and keep it going. The last paragraph of a page cut off
    mid-sentence is kept as it stands."""
    units = _paragraph_units(blocks, source)
    for n, (kind, start, end, first_line_heading) in enumerate(units):
        if kind != HEADING and not first_line_heading:
            continue
        title = source[start:end] if kind == HEADING else source[start : source.find("\n", start, end)]
        if classify_cue(title) != LEARNING or not _short_enough(
            title, lambda: all(unit[0] == HEADING for unit in units[:n])
        ):
            continue
        if LEARNING_PRODUCT_TITLE.match(normalise_space(title)):
            continue  # "Learning from Reviews Report": the page's title names a document, its text describes it
        listing = bool(LEARNING_FROM_REVIEWS.match(normalise_space(title)))
        if first_line_heading:
            body_start = source.find("\n", start, end) + 1
            section = [(PROSE, body_start, end)]
        else:
            section = []
        for unit_kind, a, b, heads in units[n + 1 : n + 1 + MAX_SECTION_UNITS]:
            text = normalise_space(source[a:b])
            if unit_kind == ITEM or text.endswith(":"):
                section = None  # the section has a list: the list rules read it
                break
            if heads:
                break  # the next section
            if unit_kind == HEADING:
                if classify_cue(text) or END_OF_FINDINGS.match(text) or LINK_LINE.match(text) or text.endswith("?"):
                    break  # another section; a question that is not about the learning starts one too
                continue  # a sub-heading of the findings
            section.append((unit_kind, a, b))
        if not section:
            continue
        last_of_page, taken = units[-1][2], []
        for _, a, b in section:
            text = normalise_space(source[a:b])
            if _has_inline_item(inline_starts, a, b) or LINK_LINE.match(text):
                break
            if _is_pull_quote(text, taken):
                continue
            taken.append(text)
            if len(text.split()) < MIN_FINDING_WORDS and b != last_of_page:
                break
            if not ends_sentence(text) and b != last_of_page:
                break
            if listing and DESCRIBES_REVIEWS.match(text):
                continue  # what reviews are and what the partnership does with them
            yield from _packed_parts(LEARNING, Block(PROSE, a, b, a), source)


# "This briefing summarises the learning from case reviews …": a briefing that says its body is learning.
BRIEFING_OF_LEARNING = re.compile(
    r"\bthis (?:[\w-]+ ){0,5}brief(?:ing)? (?:summarises|sets out|draws (?:out|together)|shares|highlights"
    r"|pulls together|brings together)(?: and highlights)? (?:\w+ ){0,3}(?:learning|lessons|findings|key messages)\b",
    re.I,
)
BRIEFING_OPENING = 1500
MIN_LOST_BULLET_WORDS = 8


def _lines_that_lost_their_bullets(blocks, covered, source):
    """A briefing that says it summarises learning, read from a PDF whose bullets were lost: its sections are
    paragraphs of wrapped lines with no full stop anywhere, each item starting a line in capitals and its
    wrap in lower case. Each item of eight words or more is a learning point; shorter lines are the
    sections' sub-headings ("Barriers to communication") or page numbers. A list that its own lead-in says
    is something else ("children died or were harmed through:") is not read."""
    opening = BRIEFING_OF_LEARNING.search(source[:BRIEFING_OPENING])
    if opening is None:
        return
    found = []
    for n, block in enumerate(blocks):
        if block.kind != PROSE or block.start < opening.end() or id(block) in covered or block.line_count < 2:
            continue
        before = blocks[n - 1] if n else None
        if before is not None and before.kind == PROSE and before.ends_with_colon(source):
            continue  # the list of a lead-in, which the lead-in rules read
        lines = _wrapped_lines(source, block)
        if any(ends_sentence(source[a:b]) or source[a:b].rstrip().endswith(":") for a, b in lines):
            continue  # a paragraph of sentences, or a lead-in
        if not any("\n" in source[a:b] for a, b in lines):
            continue  # short lines with no wrap: a list of phrases, which the other rules read
        for a, b in lines:
            line = normalise_space(source[a:b])
            if len(line.split()) >= MIN_LOST_BULLET_WORDS and line[0].isupper() and not NOT_AN_ITEM_LINE.match(line):
                found.append((LEARNING, Block(PROSE, a, b, a)))
    if len(found) >= MIN_UNMARKED_LINES:  # a list, not a footer or a caption
        yield from found


MAX_RUN_ON_CHARACTERS = 20_000


def _run_on_after_lead_in(blocks, covered, source):
    """A lead-in ending its line ("The report's key recommendations are:") followed by text with no sentence
    punctuation at all, the rest of its paragraph or the paragraph after it: a list that lost its bullets,
    line breaks and stops, cut into its clauses (runon.py)."""
    for n, block in enumerate(blocks):
        if block.kind != PROSE or id(block) in covered:
            continue
        text = source[block.start : block.end]
        colons = [block.start + m.start() for m in re.finditer(r":[ \t]*\n", text)]
        if block.ends_with_colon(source) and n + 1 < len(blocks) and blocks[n + 1].kind == PROSE:
            colons.append(block.end - 1)
        for colon in colons:
            kind = classify_cue(source[max(block.start, colon - POINT_BACK_REACH) : colon + 1])
            if kind is None:
                continue
            end = block.end if colon < block.end - 1 else blocks[n + 1].end
            start = colon + 1
            body = source[start : min(end, start + MAX_RUN_ON_CHARACTERS)]
            if not is_run_on(body):
                continue
            offset = start
            for a, b in run_on_clauses(body):
                yield kind, Block(PROSE, offset + a, offset + b, offset + a)


MAX_COUNTED_PARAGRAPHS = 12


# "One of the points made in the Review is:": a lead-in to a single item.
ONE_OF = re.compile(r"\b(?:one|another) of (?:the|its|their) [^:]{0,80}\b(?:is|was)\s*:$", re.I)
# A page reference after a quoted item: "… of child protection concerns. (p 16)".
PAGE_REFERENCE = re.compile(r"\s*\((?:pp?\.?|pages?|para(?:graph)?s?\.?)\s*\d[\d\s,–-]*\)$", re.I)


SELECTION = re.compile(
    r"\b(?:some|several|a few|many|most|(?:one|two|three|four|five|six) or more) of (?:the|its|their)\b"
    r"|\bamong (?:the|its|their)\b|\bincluding\s*:$|\binclud(?:e|es|ed)\s*:$",
    re.I,
)


def _stated_count(text, kind):
    """The one number of items of this kind the lead-in states ("makes three recommendations:", "one of the
    points made in the review is:"), or None."""
    from .checks import stated_counts  # checks reads this module's kinds

    if ONE_OF.search(_last_sentence(text)):
        return 1
    if SELECTION.search(_last_sentence(text)):
        return None  # "Some of the 17 recommendations in the review include:": a few of the number stated
    counts = {number for counted_kind, number, _ in stated_counts(text) if counted_kind == kind}
    return counts.pop() if len(counts) == 1 else None


def _ends_cited_sentence(text):
    """A sentence's end, though a page reference follows it."""
    return ends_sentence(PAGE_REFERENCE.sub("", normalise_space(text)))


def _counted_paragraphs(blocks, source):
    """'The report makes three recommendations:' then plain paragraphs, no bullets: the lead-in's own count
    says where the list ends, which nothing else in such a text does (the paragraph after it is prose of the
    same look). Each of the next N paragraphs is an item when every one of them is a sentence or more and
    none is a heading, a list or another lead-in; otherwise nothing is taken. The count elsewhere is only a
    check (checks.py); here it is the list's end because plain paragraphs have no other. A paragraph the
    inline rules took first keeps their reading (items are chosen by where they start)."""

    units = _paragraph_units(blocks, source)
    for n, (unit_kind, start, end, _) in enumerate(units):
        text = normalise_space(source[start:end])
        if unit_kind != PROSE or not text.endswith(":"):
            continue
        kind = classify_cue(text)
        count = _stated_count(text, kind)
        if kind is None or count is None or count > MAX_COUNTED_PARAGRAPHS:
            continue
        following = units[n + 1 : n + 1 + count]
        if len(following) != count:
            continue
        if all(
            k == PROSE
            and not heads
            and ends_sentence(source[a:b])
            and not normalise_space(source[a:b]).endswith(":")
            and len(source[a:b].split()) >= MIN_FINDING_WORDS
            for k, a, b, heads in following
        ):
            yield from ((kind, Block(PROSE, a, b, a)) for _, a, b, _ in following)


def _has_inline_item(inline_starts, start, end):
    """Whether a list written in sentences starts in source[start:end]: a paragraph, or one line of a text
    that writes a paragraph a line (its other lines are not covered by that list)."""
    following = bisect.bisect_left(inline_starts, start)
    return following < len(inline_starts) and inline_starts[following] < end


def _paragraph_units(blocks, source):
    """(kind, start, end, first line is a heading) for each paragraph: a block, or each line of a block where
    the text writes one paragraph a line (no blank line anywhere, long lines)."""
    one_a_line = "\n\n" not in source.strip() and _mean_line_length(source) > PARAGRAPH_LINE_CHARACTERS
    units = []
    for block in blocks:
        if block.kind == PROSE and block.line_count > 1 and one_a_line:
            for a, b in _line_spans(source, block):
                line = source[a:b]
                heading = (is_heading_text(line) and not SENTENCE_INSIDE.search(line)) or is_question_heading(line)
                units.append((HEADING if heading else PROSE, a, b, False))
            continue
        first_heads = False
        if block.kind == PROSE and block.line_count > 1:
            first_end = source.find("\n", block.start, block.end)
            title = source[block.start : first_end]
            first_heads = (
                (is_heading_text(title) or is_question_heading(title))
                and len(title.split()) <= MAX_INTRODUCER_WORDS
                and not is_heading_text(source[first_end + 1 : block.end])
            )
        units.append((block.kind, block.start, block.end, first_heads))
    return units


def _mean_line_length(source):
    lines = [line for line in source.splitlines() if line.strip()]
    return sum(len(line) for line in lines) / len(lines) if lines else 0


def _line_spans(source, block):
    spans, offset = [], block.start
    for raw in source[block.start : block.end].split("\n"):
        a = offset + len(raw) - len(raw.lstrip())
        b = offset + len(raw.rstrip())
        offset += len(raw) + 1
        if b > a:
            spans.append((a, b))
    return spans


def _titled_lines(block, source):
    """A paragraph whose first line is a learning heading ("Key themes") and whose other lines are short,
    with no blank line between: the heading's lines, each (with its wrap) one item."""
    if block.kind != PROSE or block.line_count < 3:
        return []
    first_end = source.find("\n", block.start, block.end)
    title = source[block.start : first_end]
    if not is_heading_text(title):
        return []
    heading = Block(HEADING, block.start, first_end, block.start)
    kind = _introducer_kind([heading], 0, source)
    if kind not in (LEARNING, RECOMMENDATIONS):
        return []
    rest = Block(PROSE, first_end + 1, block.end, first_end + 1, line_count=block.line_count - 1)
    lines = _wrapped_lines(source, rest)
    return [(kind, line) for line in lines] if _enough_lines(lines, source) else []


# Three headings in a row before a learning title: the title is one entry of an index of titles.
INDEX_HEADINGS = 3
# A line that is only a date ("September 2011", "12 March 2019"): short lines with one are a title page
# (author, role, date), not a list.
DATE_LINE = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+\d{4}$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$",
    re.I,
)


MAX_SUB_SECTIONS = 12  # blocks looked back over, from a sub-heading to the lead-in above its section


def _under_sub_heading(blocks, n, source):
    """The kind of the lead-in above a sub-heading ("Key findings:" / "School" / lines / "Health visitors" /
    lines): the sub-headings name whose findings follow, and the lead-in says what they are."""
    if not n or blocks[n - 1].kind != HEADING or not _is_sub_heading(blocks[n - 1].text(source)):
        return None
    if END_OF_FINDINGS.match(blocks[n - 1].text(source)):
        return None  # "Policy context", "Background": the next section, after a lead-in that lost its list
    for before in reversed(blocks[max(0, n - 1 - MAX_SUB_SECTIONS) : n - 1]):
        text = before.text(source)
        if before.kind == PROSE and before.ends_with_colon(source):
            return classify_cue(text) or _referred_to(before, source)
        if before.kind == HEADING and not _is_sub_heading(text):
            return None
        if before.kind == ITEM:
            return None
    return None


def _lines_after_inner_lead_in(blocks, covered, source):
    """In text with no blank lines (a web page copied as lines), a line that ends with a learning lead-in
    ("Key findings:", "… In too many cases:") and the short lines after it in the same paragraph: each line
    is an item, except the short sub-headings among them ("School", "Health visitors") that name whose
    findings follow, up to a long paragraph or the next lead-in."""
    for block in blocks:
        if block.kind != PROSE or block.line_count <= LINES_AFTER_LEAD_IN:
            continue
        text = source[block.start : block.end]
        for match in re.finditer(r":[ \t]*\n", text):  # every lead-in of the paragraph
            colon = block.start + match.start()
            if not lines_follow(source[: block.end], colon):
                continue
            # the lead-in's own line and the text just before it; the lines after it up to a bound: a long
            # paragraph of many lead-ins is read in time proportional to its length
            lead_start = max(block.start, source.rfind("\n", block.start, max(block.start, colon - POINT_BACK_REACH)))
            lead_in = Block(PROSE, lead_start, colon + 1, lead_start)
            kind = classify_cue(lead_in.text(source)) or _referred_to(lead_in, source)
            if kind is None:  # "… rapid reviews and LCSPRs. … Key themes identified include:" in one line
                last = _last_sentence(lead_in.text(source))
                kind = _theme_after_reviews(last, max(lead_start, colon + 1 - len(last)), source)
            if kind is None:
                continue
            rest_start = block.start + match.end()
            rest_end = _after_lines(source, rest_start, block.end, MAX_LINES_AFTER_LEAD_IN)
            rest = Block(PROSE, rest_start, rest_end, rest_start)
            limit = _stated_count(lead_in.text(source), kind)
            if limit:  # "The report makes three recommendations:" then three lines, one paragraph each
                counted = _wrapped_lines(source, rest)[:limit]
                if len(counted) == limit and all(_ends_cited_sentence(source[a:b]) for a, b in counted):
                    yield from ((kind, Block(PROSE, a, b, a)) for a, b in counted)
                continue
            labelled = _labelled_paragraph_lines(source, rest)
            if labelled:  # "Information sharing:" / a paragraph under it / the next label …
                yield from ((kind, Block(PROSE, a, b, a)) for a, b in labelled)
                continue
            lines = []
            for a, b in _until_long_paragraph(_wrapped_lines(source, rest), source):
                line = normalise_space(source[a:b])
                if line.endswith(":") or NOT_AN_ITEM_LINE.match(line):
                    break
                lines.append((a, b))
            items, after_heading = [], False
            for a, b in lines:  # a short line straight after a sub-heading is the first of its items
                heading = not after_heading and _is_sub_heading(source[a:b])
                if not heading:
                    items.append((a, b))
                after_heading = heading
            if (len(items) >= MIN_UNMARKED_LINES and _enough_lines(items, source)) or _two_clauses(items, source):
                yield from ((kind, Block(PROSE, a, b, a)) for a, b in items)
            elif ANNOUNCES_FOLLOWING.search(lead_in.text(source)):
                mixed = MIXED_LEAD_IN.search(lead_in.text(source))
                for a, b in _announced_paragraph_lines(source, rest):
                    if mixed:  # "… the following findings and recommendations:": each line by its wording
                        action = RECOMMENDATION_WORDING.search(normalise_space(source[a:b]))
                        kind = RECOMMENDATIONS if action else LEARNING
                    yield kind, Block(PROSE, a, b, a)


MAX_LINES_AFTER_LEAD_IN = 200
# "The review resulted in the following findings and recommendations:", "… are as follows:": the lead-in says a
# list follows, so in text with no blank lines each line after it is one item, however long (a paragraph each).
ANNOUNCES_FOLLOWING = re.compile(r"\b(?:the following\b[^.:]{0,60}|as follows)\s*:$", re.I)
MAX_ANNOUNCED_LINE_WORDS = 120


def _announced_paragraph_lines(source, rest):
    """The lines after an announcing lead-in, each a sentence or more ending in '.' or ';' (the last may be
    cut off), up to a line that does not; none when fewer than two."""
    lines = []
    spans = _line_spans(source, rest)  # a line each: a wrapped line would not end its sentence
    for n, (a, b) in enumerate(spans):
        line = normalise_space(source[a:b])
        if line.endswith(":") or _another_sections_line(line) or len(line.split()) > MAX_ANNOUNCED_LINE_WORDS:
            break
        if not (ends_sentence(line) or line.endswith(";")) and n + 1 < len(spans):
            break
        lines.append((a, b))
    return lines if len(lines) >= 2 else []


MAX_LABEL_WORDS = 8


def _labelled_paragraph_lines(source, rest):
    """Under a lead-in in text with no blank lines: short label lines ending in ":", each over a paragraph
    line of sentences; each label with its paragraph is one item (two or more), up to a line that is
    neither. Nothing when the first line is not such a label."""
    items, label = [], None
    offset = rest.start
    for raw in source[rest.start : rest.end].split("\n"):
        start = offset + len(raw) - len(raw.lstrip())
        end = offset + len(raw.rstrip())
        offset += len(raw) + 1
        if end <= start:
            break
        line = source[start:end]
        if line.endswith(":") and len(line.split()) <= MAX_LABEL_WORDS and label is None:
            label = start
        elif label is not None and not line.endswith(":") and ends_sentence(line) and len(line.split()) > 6:
            items.append((label, end))
            label = None
        else:
            break
    return items if len(items) >= 2 else []


def _two_clauses(items, source):
    """Two lines that complete the lead-in as clauses (each in lower case, of some length), the last ending
    the sentence: "Recommendations include: / the government should fund … / the engagement of … ."."""
    if len(items) != 2 or not ends_sentence(source[slice(*items[-1])]):
        return False
    return all(source[a].islower() and CLAUSE_WORDS <= len(source[a:b].split()) <= MAX_UNMARKED_WORDS for a, b in items)


def _after_lines(source, start, end, count):
    """Where the `count`-th line from `start` ends (or `end`)."""
    position = start
    for _ in range(count):
        position = source.find("\n", position, end)
        if position == -1:
            return end
        position += 1
    return position - 1


def _is_sub_heading(line):
    """A short name over some of the lines ("School", "Children’s social care"): a heading, no sentence."""
    line = normalise_space(line)
    return len(line.split()) <= 3 and is_heading_text(line)


def _until_long_paragraph(lines, source):
    """The short lines up to a long paragraph after them, when the last short line ends the list with a full
    stop ("… the fragility of the baby." then "A notable feature of the cases …"): text with no blank lines
    runs the list and the next paragraph together."""
    long = next((n for n, (a, b) in enumerate(lines) if len(source[a:b].split()) > MAX_UNMARKED_WORDS), None)
    if long is None or long < MIN_UNMARKED_LINES:
        return lines
    if ends_sentence(source[slice(*lines[long - 1])]):
        return lines[:long]
    # or a list of phrases, none ending its sentence, then a paragraph that starts one ("the SPBs should
    # continue to be independently chaired" / … / "Steve Appleton, who carried out the review, said: …")
    if not any(ends_sentence(source[a:b]) for a, b in lines[:long]) and source[lines[long][0]].isupper():
        return lines[:long]
    return lines


def _enough_lines(lines, source):
    """Short lines make a list when there are three or more, or two that are each a sentence; never when one
    of them is only a date (a title page)."""
    if any(len(source[a:b].split()) > MAX_UNMARKED_WORDS for a, b in lines):
        return False
    if any(DATE_LINE.match(normalise_space(source[a:b])) for a, b in lines):
        return False
    return len(lines) >= MIN_UNMARKED_LINES or (len(lines) == 2 and all(ends_sentence(source[a:b]) for a, b in lines))


def _packed_parts(kind, block, source):
    """A paragraph that packs a list into one sentence ("a; b; and c.") gives each part; else itself."""
    parts = split_parts(source, block.body_start, block.end) if source.count(";", block.body_start, block.end) else []
    if len(parts) < 2 or not _packs_a_list(parts, source):
        yield kind, block
        return
    for start, end in parts:
        yield kind, Block(PROSE, start, end, start)


def _packs_a_list(parts, source):
    """Parts of a list packed in one sentence: three or more, or two whose second is joined by "and" / "or"
    ("a; and b."). "Practice is relational; so too is reviewing it." is one sentence with a semicolon."""
    second = source[parts[1][0] : parts[1][1]].lstrip("\"“‘'").lower()
    return len(parts) >= 3 or second.startswith(("and ", "or ", "and/or "))


def _is_pull_quote(text, taken):
    """A paragraph wholly in quotation marks that repeats words of an item already taken: a pull quote."""
    if len(text) < 3 or text[0] not in "\"“‘'" or text[-1] not in "\"”’'":
        return False
    quoted = normalise_space(text[1:-1]).lower()
    return any(quoted in normalise_space(earlier).lower() for earlier in taken)


def _separate_short_lines(blocks, n, source):
    """(start, end) of the short lines from blocks[n] on, a paragraph of one or two lines each (a PDF sets
    some lines of such a list together and some apart), up to the first paragraph that is longer, a list,
    a lead-in, the page's furniture, or punctuated unlike the first line (a sentence after a list of
    phrases)."""
    lines, stops = [], None
    for block in blocks[n:]:
        text = block.text(source)
        if block.kind == ITEM or text.endswith(":") or NOT_AN_ITEM_LINE.match(text):
            break
        if block.kind == HEADING and (classify_cue(text) or is_question_heading(text)):
            break  # the next section (a question heads the section that answers it)
        wrapped = _wrapped_lines(source, block)
        if len(wrapped) > 2 or any(len(source[a:b].split()) > MAX_UNMARKED_WORDS for a, b in wrapped):
            break
        if stops is None:
            stops = ends_sentence(text)
        elif ends_sentence(text) != stops:
            break
        lines += wrapped
    return lines


# A line of a page's furniture rather than of its list: the next section, a link, a call to act.
LINK_LINE_PATTERN = (
    r"(?:read|view|click|sign up|subscribe|back to|find out|download|print|follow|more)\b"
    r"|[>»←→]|(?:posted|source|date|published|updated|author|by|tags?|category|filed under)\s*:"
)
NOT_AN_ITEM_LINE = re.compile(OTHER_SECTION.pattern + "|" + LINK_LINE_PATTERN, re.I)
LINK_LINE = re.compile(LINK_LINE_PATTERN, re.I)


def _another_sections_line(text):
    """A link, or another section's heading ("Background", "Support"); a sentence that opens with such a word
    ("support for young people who are bereaved; …") is not one."""
    return bool(LINK_LINE.match(text) or (OTHER_SECTION.match(text) and is_heading_text(text)))


# A section heading that introduces plain lines is short ("Key themes", "What we found"); a long title that
# mentions learning ("Summary of the key learning from the Panel's report") is the page's title.
MAX_INTRODUCER_WORDS = 8
# ... unless the heading starts with the cue and only says whose it is ("Key issues for the health sector in
# case reviews", "Lessons for practitioners working with families"): then it is the section's name. A
# heading with no text before it (the document's title, or the title after a running header) is the title,
# whatever it starts with.
MAX_CUE_FIRST_HEADING_WORDS = 12


def _short_enough(title, is_title):
    """`is_title()` is asked only of a long heading (it looks back over the document)."""
    words = len(title.split())
    if words <= MAX_INTRODUCER_WORDS:
        return True
    cue = LEARNING_CUE.search(title)
    return words <= MAX_CUE_FIRST_HEADING_WORDS and cue is not None and cue.start() == 0 and not is_title()


# A theme heading ("Key themes", "Emerging themes") is a review's learning when the text just before it is
# about reviews, and not about a board's plans, an event or a survey.
THEME_CONTEXT = 600
NOT_A_REVIEWS_THEME = re.compile(
    r"\b(?:priorit(?:y|ies)|plans?|year ahead|coming year|workshops?|conference|events?|surveys?|consultation"
    r"|campaigns?|audits?|strateg(?:y|ies)|agenda|criteria)\b",
    re.I,
)


def _introducer_kind(blocks, n, source):
    """What blocks[n] (a short heading or a lead-in) introduces."""
    text = blocks[n].text(source)
    if blocks[n].kind == HEADING and not _short_enough(text, lambda: all(b.kind == HEADING for b in blocks[:n])):
        return None
    kind = classify_cue(text) or (_referred_to(blocks[n], source) if blocks[n].kind == PROSE else None)
    if kind is None and blocks[n].kind == HEADING and THEME_CUE.search(text):
        before = source[max(0, blocks[n].start - THEME_CONTEXT) : blocks[n].start]
        if REVIEW_WORD.search(before) and not NOT_A_REVIEWS_THEME.search(before + " " + text):
            return LEARNING
    return kind


def _wrapped_lines(source, block):
    """(start, end) of each line of the block, a line that runs on (lower case next, or ending on a comma or
    a connective) joined to the next."""
    lines, offset = [], block.start
    # a block whose first line starts in lower case is a list of clauses completing its lead-in ("In too many
    # cases: / there were … / the role of …"): its lines start in lower case without running on
    clauses = source[block.start : block.start + 1].islower()
    for raw in source[block.start : block.end].split("\n"):
        start = offset + len(raw) - len(raw.lstrip())
        end = offset + len(raw.rstrip())
        offset += len(raw) + 1
        if end <= start:
            continue
        text = source[start:end]
        if lines and ((text[:1].islower() and not clauses) or _runs_on_at_end(source, lines[-1], text, clauses)):
            lines[-1] = (lines[-1][0], end)
        else:
            lines.append((start, end))
    return lines


CLAUSE_WORDS = 5


def _runs_on_at_end(source, line, next_text, clauses):
    """A line ending on a comma, a semicolon or a dash runs on; but among clauses completing a lead-in ("Findings
    include: / a range of risks were common in the cases, / a lack of …,") a clause and the next, each of some
    length, are two items."""
    if source[line[1] - 1] not in ",;–-":
        return False
    if clauses and source[line[1] - 1] in ",;":
        own_words = len(source[line[0] : line[1]].split())
        return not (own_words >= CLAUSE_WORDS and len(next_text.split()) >= CLAUSE_WORDS)
    return True


# Section numbers run together on one line ("4.1 Good practice 4.2 Lessons to be learnt 4.3 …"): contents.
RUN_TOGETHER_SECTIONS = re.compile(r"(?:^|\s)\d{1,2}\.\d{1,2}\s+[A-Z]")


def _is_contents_entry(text):
    if len(RUN_TOGETHER_SECTIONS.findall(text)) >= 2 and not ends_sentence(text):
        return True
    return len(text.split()) <= 15 and not ends_sentence(text) and bool(CONTENTS_ENTRY.search(text))


MIN_CONTENTS_ENTRIES = 4
MAX_CONTENTS_WORDS = 8


def _is_contents(items, source):
    """A run most of whose items end in a page number is a table of contents; so is one of four or more short
    titles, two of them a report's parts ("1. Context", "3. Introduction", … "9. Recommendation")."""
    texts = [block.text(source) for block in items]
    if sum(_is_contents_entry(text) for text in texts) * 2 > len(items):
        return True
    return (
        len(texts) >= MIN_CONTENTS_ENTRIES
        and all(len(text.split()) <= MAX_CONTENTS_WORDS and not ends_sentence(text) for text in texts)
        and sum(bool(END_OF_FINDINGS.match(text)) for text in texts) >= 2
    )


def _lead_in_kind(run, source):
    if run.style.startswith("kw:") and not _unnamed_label(run):
        # "Finding 3", "Learning point 2", "Recommendation 2" say what they are
        return RECOMMENDATIONS if "recommendation" in run.style else LEARNING
    introducer = run.parent or run.lead_in
    if introducer is None:
        return None
    return (
        classify_cue(introducer.text(source)) or _reviews_theme(introducer, source) or _referred_to(introducer, source)
    )


# A lead-in that only points back ("These include:", "They are:", "Some of these were:") speaks for the
# sentence before it: "The review has highlighted a number of recommendations. / These include:".
POINTS_BACK = re.compile(
    r"^[\"“‘']?(?:these|they|those|this|which|some of (?:these|them|which)|the main ones|examples"
    # "… recurring messages from the reviews. In too many cases:", "In particular:"
    r"|in (?:too |so )?(?:many|most|some|all|several) (?:of the |of these )?cases|in particular|specifically"
    r"|such (?:cases|reviews|children|families)"
    r"|for example)"
    r"\b[^.:]{0,40}:$",
    re.I,
)
POINT_BACK_REACH = 400


# "It also found:", "Published on Friday, it said:": what a report, review, inquiry or inspection named just
# before found, with only a pronoun for it.
IT_FOUND = re.compile(
    r"^(?:[^.:]{0,40},\s*)?(?:it|they)\s+(?:also\s+)?(?:found|said|concluded|identified|highlighted|stated)"
    r"(?:\s+that)?\s*:$",
    re.I,
)
FINDING_WORK = re.compile(r"\b(?:review|report|inquiry|inspection|audit|investigation|SCR|CSPR)s?\b", re.I)


def _referred_to(block, source):
    """The kind of the text before a lead-in that only points back to it: the paragraph before "These
    include:", or the sentence before "In too many cases:" in the same paragraph."""
    text = normalise_space(block.text(source))
    last = _last_sentence(text)
    own = text[: len(text) - len(last)].strip()  # the sentences before it in its own paragraph speak first
    before = own or source[max(0, block.start - POINT_BACK_REACH) : block.start]
    if IT_FOUND.match(last):
        return LEARNING if FINDING_WORK.search(before) else None
    if not POINTS_BACK.match(last):
        return None
    return classify_cue(before.strip()) if before.strip() else None


def _reviews_theme(block, source):
    """'The 4 main cross cutting themes are:' is a review's learning when the text just before it is about
    reviews (as for a theme heading), and not about a board's plans, an event or a survey."""
    return _theme_after_reviews(block.text(source), block.start, source)


def _theme_after_reviews(label, offset, source):
    """LEARNING when `label` (at source[offset]) names themes and the text just before it is about reviews:
    a lead-in of its own ("The 4 main cross cutting themes are:") or inside a paragraph ("… an analysis of
    20 reviews. The presentation identifies these cross-cutting themes: a; b; and c.")."""
    text = _last_sentence(label)
    if not THEME_CUE.search(text) or SCOPE_OF_THEMES.search(text) or NOT_A_LEAD_IN.search(text):
        return None
    before = source[max(0, offset - THEME_CONTEXT) : offset] + " " + text
    # the sentence naming reviews nearest the label, and what follows it, decide: a strategy named five
    # sentences up does not make a review's "Key themes:" a board's
    reviews = [m.start() for m in REVIEWED_WORK.finditer(before)]
    if not reviews:
        return None
    sentence_start = max((m.end() for m in CONTEXT_SENTENCE_END.finditer(before, 0, reviews[-1])), default=0)
    return None if NOT_A_REVIEWS_THEME.search(before, sentence_start) else LEARNING


# What themes are drawn from: a review, or an inquiry's or a report's findings on the system ("The final
# report … made 15 recommendations. Key themes to come through for health include:").
REVIEWED_WORK = re.compile(
    r"\b(?:reviews?|SCRs?|CSPRs?|LCSPRs?|case|cases|inquiry|inquiries|(?:final|overview|the|this|her|his) report)\b",
    re.I,
)
CONTEXT_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


def _theme_heading_after_learning(text, blocks, n, source):
    """A heading that names themes ("Cross-cutting themes") over a list, straight after a paragraph about
    reviews or one whose last sentence leads in to learning ("The following findings have been drawn from
    a series of local briefings …")."""
    if not THEME_CUE.search(text) or n == 0 or blocks[n - 1].kind != PROSE:
        return None
    if found := _theme_after_reviews(text, blocks[n].start, source):
        return found
    return LEARNING if classify_cue(blocks[n - 1].text(source)) == LEARNING else None


def _unnamed_label(run):
    return run.style.startswith("kw:") and run.style.split()[-1].removeprefix("kw:") in UNNAMED_KEYWORDS


# Where the text before labelled parts says they come from reviews: an analysis or study of reviews.
PARTS_OF_AN_ANALYSIS = re.compile(
    r"\b(?:analys[ie]s|research|stud(?:y|ies)|evaluation|review|overview|examination)\s+(?:of|into|across)\s+"
    r"(?:(?:the|all|\d+|[a-z]+ty|[a-z]+teen|several|many|local|national|published|recent)\s+){0,2}"
    r"(?:(?:serious|significant|child|local|safeguarding|practice)\s+){0,3}(?:case reviews|practice reviews"
    r"|reviews|(?-i:SCRs|L?CSPRs|CPRs))\b",
    re.I,
)


def _labelled_parts_kind(run, blocks, position, source):
    """Parts numbered by a label that does not say what they are ("Study 1: …", "Study 2: …", "Theme 3: …"):
    they are learning when the text before them leads in to learning or says they come from an analysis of
    reviews ("… national analysis of serious case reviews. The report includes five studies …"); two or more
    parts, as one is a heading."""
    if not _unnamed_label(run) or len(run.items) < 2:
        return None
    first = run.items[0]
    before = [b for b in blocks[max(0, position[id(first)] - 3) : position[id(first)]] if b.kind != ITEM]
    if not before:
        return None
    text = source[before[0].start : first.start][-THEME_CONTEXT:]
    if NOT_A_LEAD_IN.search(_last_sentence(text)):
        return None
    kind = classify_cue(text)
    if kind is None and (PARTS_OF_AN_ANALYSIS.search(text) or FOUND_CUE.search(text)):
        kind = LEARNING
    return kind


def _is_label(block, source):
    """'Child LB:' — a short name ending in ':' that heads one group of a list introduced above it."""
    text = block.text(source)
    return block.kind == PROSE and text.endswith(":") and len(text.split()) <= 6


def _shared_lead_in_kind(run, blocks, position, source):
    """Groups under labels ('Child LB:' bullets, 'Child LD:' bullets) share the lead-in above the first."""
    if run.lead_in is None or run.parent is not None or not _is_label(run.lead_in, source):
        return None
    for block in reversed(blocks[: position[id(run.lead_in)]]):
        if block.kind == ITEM or _is_label(block, source):
            continue
        return classify_cue(block.text(source)) if block.kind == PROSE and block.ends_with_colon(source) else None
    return None


def _inside_list_of_another_kind(run, run_of, source):
    """A list nested in an item of a list that its own lead-in says is something else (a group's
    responsibilities, a review's scope): "The group is responsible for this process including:" / "•
    Recommendations … as to:" / "◦ whether a review should be carried out" gives no recommendations."""
    outer = run_of.get(id(run.parent)) if run.parent is not None else None
    lead_in = outer.lead_in if outer is not None else None
    return lead_in is not None and bool(NOT_A_LEAD_IN.search(lead_in.text(source)))


def _absorbs_sub_bullets(block, source):
    """Sub-bullets under an item that does not introduce them (it ends in neither ':' nor '?') say more
    about that item: '• Neglect – cumulative harm was missed – chronologies were not used' is one item, and so
    is a Word list's level-1 bullet with its level-2 bullets under it (another glyph: '\uf0b7' over '\uf0a7',
    '•' over '◦'). A bullet that is a title ('4. The Findings' over bullets) stands for its list instead."""
    if not block.children:
        return False
    text = block.text(source)
    if text.endswith((":", "?")):
        return False
    if all(run.style in DASH_STYLES for run in block.children):
        return True
    return all(run.style.startswith("bullet:") for run in block.children) and not is_heading_text(text)


def _item_end(block, source):
    """Where an item ends: after the dash sub-bullets it absorbs and anything nested in them."""
    if not _absorbs_sub_bullets(block, source):
        return block.end
    while block.children:
        block = block.children[-1].items[-1]
    return block.end


def _leaf_items(items, source):
    """An item that introduces a list under it (it ends in ':' or '?', or is a heading) stands for that list;
    but a numbered title over bullets that explain it is the item ("2. Drift in planning" over how the drift
    showed), as a numbered title over paragraphs is."""
    for block in items:
        text = block.text(source)
        if _absorbs_sub_bullets(block, source) or _numbered_title_over_bullets(block, text):
            yield block
        elif block.children and (text.endswith((":", "?")) or is_heading_text(text)):
            for child in block.children:
                yield from _leaf_items(child.items, source)
        else:
            yield block


MAX_NUMBERED_TITLE_WORDS = 8


def _numbered_title_over_bullets(block, text):
    return (
        bool(block.children)
        and block.marker is not None
        and block.marker.styles[0][0].startswith("decimal")
        and all(run.style.startswith("bullet") for run in block.children)
        and len(text.split()) <= MAX_NUMBERED_TITLE_WORDS
        and not text.endswith((":", "?"))
        and is_heading_text(text)
    )


def _section_items(blocks, runs, source):
    pending = []  # a recommendations section's paragraphs, settled when the section ends
    listed = False  # the section has had its list: the paragraphs after it are the page's own
    for entry in _section_entries(blocks, runs, source):
        if entry is None or entry[2] != "section_prose":
            yield from _numbered_if_any(pending, source)
            pending = []
            listed = entry is not None and _is_list(entry[3])
            if entry is not None:
                yield entry
        elif not listed:
            pending.append(entry)
    yield from _numbered_if_any(pending, source)


def _is_list(run):
    """Bullets, labels or numbers from 1: a list, not a report's numbered paragraphs ("108.", "109.")."""
    return run is not None and run.items[0].marker.is_first()


# "1: To review …", "2. Develop …": paragraphs numbered in sequence from 1.
NUMBERED_PARAGRAPH_START = re.compile(r"^(\d{1,2})[:.)][ \t]+(?=\S)")


def _numbered_if_any(entries, source):
    """A recommendations section whose paragraphs include two or more numbered 1, 2, … in order: those are
    its recommendations (without their numbers); the sentence before them and the prose after them are not."""
    numbered = []
    for entry in entries:
        block = entry[1]
        match = NUMBERED_PARAGRAPH_START.match(source[block.start : block.end])
        if match and int(match.group(1)) == len(numbered) + 1:
            body = block.start + match.end()
            numbered.append((entry[0], Block(PROSE, body, block.end, body), entry[2], entry[3]))
    yield from numbered if len(numbered) >= 2 else entries


def _section_entries(blocks, runs, source):
    """What _section_items reads, and None where a section ends."""
    run_of = {id(block): run for run in runs for block in run.items}
    lines = Counter(" ".join(line.split()) for line in source.splitlines())
    position = {id(block): n for n, block in enumerate(blocks)}
    kind = heading = None
    settled = {}  # a run's fit is read once, not for each of its items

    def fits(run, kind, heading):
        key = (id(run), kind, heading)
        if key not in settled:
            settled[key] = _run_fits_section(run, kind, source, (blocks, position, heading))
        return settled[key]

    for n, block in enumerate(blocks):
        if block.kind == HEADING:
            yield None
            text = block.text(source)
            cue = classify_cue(text) if lines[text] < 3 else None  # a title repeated on every slide or page
            if cue == RECOMMENDATIONS and not _names_recommendations(text):
                cue = None  # a news headline about them ("Review calls for …"), not their section
            followed_by_list = n + 1 < len(blocks) and blocks[n + 1].kind == ITEM
            if cue is None and followed_by_list:
                cue = _theme_heading_after_learning(text, blocks, n, source)
            if cue or not followed_by_list or OTHER_SECTION.match(text) or NOT_A_LEAD_IN.search(text):
                kind, heading = cue, n
            # else: a sub-heading naming one review or topic inside a learning section keeps the section
            continue
        if kind is None and _leads_in_sub_sections(blocks, n, source):
            kind, heading = classify_cue(block.text(source)), n  # "The Committee's conclusions are as follows:" / a
            continue  # heading / numbered paragraphs / the next topic …: the lead-in opens the section
        if kind is None:
            continue
        run = run_of.get(id(block))
        if block.kind == PROSE:
            if not block.ends_with_colon(source) and not ends_sentence(block.text(source)):
                kind = None  # a table or caption: the section's list is over
                yield None
            elif kind == RECOMMENDATIONS and ends_sentence(block.text(source)):
                if not ABOUT_RECOMMENDATIONS.search(block.text(source)):  # "The Committee considered draft
                    yield kind, block, "section_prose", None  # recommendations …" is about them, not one
        elif block.kind == ITEM and run.parent is None and fits(run, kind, heading):
            for leaf in _leaf_items([block], source):
                yield kind, leaf, "section_item", run_of.get(id(leaf))


# A heading that names a section of recommendations has the noun at its start or its end ("Recommendations
# to Cabinet", "The recommendations and proposals", "Care Inquiry: 8 recommendations", "2. RECOMMENDATIONS");
# a headline says something about them ("Review calls for better support", "Review recommends new units",
# "Chair urges minister to adopt recommendations", "Implementation of recommendations").
SECTION_OF_RECOMMENDATIONS = re.compile(
    r"^(?:[\d.]+\s*)?(?:(?:the|our|its|their|key|main|\d{1,3}|[\w’'-]+[’']s?)\s+){0,2}recommendations?\b"
    r"|(?<!\bof )(?<!\bon )(?<!\bto )(?<!\badopt )(?<!\bimplement )(?<!\baccept )(?<!\breject )"
    r"\brecommendations?\W*$",
    re.I,
)


def _leads_in_sub_sections(blocks, n, source):
    """A paragraph ending in ':' with a topic heading and numbered paragraphs straight after it (a committee's or
    an inquiry's numbered conclusions under topic headings). Bullets under such headings explain the headings,
    which are the messages (message_titles reads them)."""
    block = blocks[n]
    return (
        block.kind == PROSE
        and block.ends_with_colon(source)
        and n + 2 < len(blocks)
        and blocks[n + 1].kind == HEADING
        and blocks[n + 2].kind == ITEM
        and not blocks[n + 2].marker.is_bullet
    )


def _names_recommendations(heading):
    return bool(SECTION_OF_RECOMMENDATIONS.search(normalise_space(heading)))


# Far from 1 ("108."): the numbers may be a report's own, when they run on over unnumbered paragraphs.
FIRST_PARAGRAPH_NUMBER = 10
MAX_BLOCKS_BACK = 200  # how far back a report's last numbered paragraph before the heading is looked for


def _decimal(block):
    """An item's (style, number) when it is numbered "10." or "(10)", else None."""
    if block.kind != ITEM or block.marker is None:
        return None
    style, value = block.marker.styles[0]
    return (style, value) if style.startswith(("decimal", "(decimal)")) and value else None


def _numbered_paragraphs(run, blocks, position, heading, source):
    """A report that numbers all its paragraphs: from 10 on, the section's numbers carry on from the report's
    paragraph before its heading ("107." under "Analysis", then "Recommendations" / "108."), or run on over the
    section's unnumbered paragraphs ("109. … the review recommends that:" / a quotation / "110."). Those numbers
    are the report's, not a list of the section's items. A list that starts at 10 ("Recommendations for health" /
    "10." "11." "12.", after social care's list under its own heading) is a list."""
    first = _decimal(run.items[0])
    if first is None or first[1] < FIRST_PARAGRAPH_NUMBER:
        return False
    style, number = first
    start = position[id(run.items[0])]
    unnumbered = 0
    for n in range(start - 1, max(-1, start - 1 - MAX_BLOCKS_BACK), -1):
        block, numbered = blocks[n], _decimal(blocks[n])
        if numbered is None:
            unnumbered += block.kind == PROSE
            continue
        if numbered[0] != style:
            continue
        if numbered[1] != number - 1:
            break
        if heading is None or n > heading:  # "110." after "109." and a quotation in the same section
            return unnumbered > 0
        # the report's paragraph before the heading, not the last of a list of the same kind under another one
        return classify_cue(block.text(source)) is None and not _in_list_section(block, blocks, position, source)
    previous, unnumbered = number, 0
    for block in blocks[start + 1 :]:
        numbered = _decimal(block)
        if block.kind == HEADING or (block.kind == ITEM and numbered is None):
            return False  # the section's end, or bullets under an item: its sub-points
        if numbered is None:
            unnumbered += 1
        elif numbered != (style, previous + 1):
            return False
        elif unnumbered:
            return True  # "109. … the review recommends that:" / a quotation / "110.": the report's numbers
        else:
            previous = numbered[1]
    return False


def _in_list_section(block, blocks, position, source):
    """Whether the nearest heading above a block names a section of learning or recommendations."""
    for above in reversed(blocks[: position[id(block)]]):
        if above.kind == HEADING:
            return classify_cue(above.text(source)) is not None
    return False


def _run_fits_section(run, kind, source, section=None):
    """A list in a section is the section's unless its own lead-in says it is something else: "Our
    priorities for the year are:" under "Learning from reviews" introduces priorities."""
    for introducer in (run.lead_in, run.parent):
        if introducer is not None and NOT_A_LEAD_IN.search(introducer.text(source)):
            return False
    if _is_contents(run.items, source):
        return False
    if section is not None and _numbered_paragraphs(run, *section, source):
        return False
    own = _lead_in_kind(run, source)
    return own in (None, kind)


def _confidence(basis, block, run, source):
    confidence = CONFIDENCE[basis]
    text = block.text(source)
    if not ends_sentence(text) and len(text.split()) >= 10:
        confidence -= 0.2  # a long item that stops mid-sentence may have lost its end
    if run is not None and id(block) in run.gaps:
        confidence -= 0.15  # the number before it is missing
    return round(confidence, 2)


def _to_item(start, end, confidence, doc):
    return Item(
        text=item_text(doc.text[start:end]),
        page=doc.page_of(start),
        start=start,
        end=end,
        confidence=confidence,
    )
