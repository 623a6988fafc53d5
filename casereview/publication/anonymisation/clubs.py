"""A sports club, a youth group or a uniformed group named by its own name is a place (issue 16, helper anon11):
recall. Reviews name the club where a child was coached or groomed ("plays for Dudley Town Youth", "Moxley Rovers
JFC", "head coach at Wednesbury ABC", "3rd Tipton Scout Group", "Cable Street Boxing, Tower Hamlets"); the model
reads such a name as a person or an organisation, or not at all. The kind is told by the name's last words, a
club's suffix ("JFC", "FC", "ABC" for an amateur boxing club, "ASC" for a swimming club, "Juniors", "Rovers",
"Harriers"), a uniformed group ("Scout Group", "Guides", "Cadets"), or a sport and a word for a club ("Boxing
Club", "Netball Squad"); a sport alone ends one where a place name comes first ("Riverside Gymnastics"). At least
one word of the name must be its own, not a sport or a club word: "Swimming Club" alone, as a heading, names no
club, and a nation and a sport ("England Boxing", "British Gymnastics") is the sport's governing body, no
place. A leading word of a heading ("Safeguarding", "Welfare", "Report") is left out.
"""

import re

from .patterns import prefilter_patterns

SPORTS = (
    r"(?:Sports|Football|Soccer|Cricket|Rugby|Boxing|Swimming|Gymnastics|Athletics|Judo|Karate|Taekwondo|Netball|"
    r"Hockey|Basketball|Dance|Cheer|Cheerleading|Golf|Tennis|Squash|Cycling|Rowing|Sailing|Kickboxing|Wrestling|"
    r"Martial[ \t]+Arts|Running|Climbing|Badminton|Volleyball|Angling|Darts|Snooker)"
)
CLUB_WORDS = r"(?:Club|Gym|Squad|Academy|Team|Juniors|Youth)"
SUFFIXES = (
    rf"(?:{SPORTS}[ \t]+{CLUB_WORDS}|J?A?FC|YFC|RFC|A?RLFC|ABC|ASC|JFC|Juniors|Rovers|Wanderers|Harriers|"
    r"(?:Town|City|United|Athletic)[ \t]+(?:Youth|Juniors|Ladies|Girls)|Scout[ \t]+Group|Explorer[ \t]+Scouts|"
    r"Scouts|Guides|Brownies|Cubs|Beavers|Rainbows|Air[ \t]+Cadets|Sea[ \t]+Cadets|Army[ \t]+Cadets|Cadets|"
    r"Gymnastics|Boxing)"
)
CLUB_RE = re.compile(
    r"(?<![\w'’&-])((?:\d{1,3}(?:st|nd|rd|th)[ \t]+)?"
    r"(?:[A-Z][\w'’.-]*[ \t]+(?:(?:and|&|of|upon|on)[ \t]+)?){1,4}?"
    rf"{SUFFIXES})(?![\w'’-])"
)
OWN_WORD_RE = re.compile(r"[A-Z][\w'’.-]*")
NOT_OWN_WORDS = frozenset(
    """Club Gym Squad Academy Team Juniors Youth Junior Town City United Athletic Scout Scouts Group Explorer Guides
    Brownies Cubs Beavers Rainbows Air Sea Army Cadets Sports Football Soccer Cricket Rugby Boxing Swimming
    Gymnastics Athletics Judo Karate Taekwondo Netball Hockey Basketball Dance Cheer Cheerleading Golf Tennis Squash
    Cycling Rowing Sailing Kickboxing Wrestling Martial Arts Running Climbing Badminton Volleyball Angling Darts
    Snooker FC AFC JFC YFC RFC RLFC ARLFC ABC ASC Rovers Wanderers Harriers Ladies Girls Amateur""".split()
)
NATIONS = frozenset("England English Britain British Scotland Scottish Wales Welsh Ireland Irish Northern UK".split())
# words that open a heading or a sentence before a club's name, not part of it
LEAD_WORDS = frozenset(
    """The A An Safeguarding Welfare Incident Report Concern Log Record Note Notes Form Officer Referral From To At
    In For With By Club Our His Her Their Local Attends Attended Plays Played Joined Coach Manager Volunteer
    Yesterday Today Tonight Sunday Saturday Monday Tuesday Wednesday Thursday Friday""".split()
)


def club_finds(text):
    for m in CLUB_RE.finditer(text):
        start, end = m.span(1)
        words = list(OWN_WORD_RE.finditer(text, start, end))
        while words and words[0].group() in LEAD_WORDS:
            words.pop(0)
        if not words:
            continue
        if words[0].start() > start and not text[start].isdigit():
            start = words[0].start()
        own = [w.group() for w in words if w.group() not in NOT_OWN_WORDS]
        if not own or all(w in NATIONS for w in own):
            continue  # "Swimming Club": a heading's words, no club named; "England Boxing": a sport's national body
        yield start, end, "PLACE", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
