"""Message titles over their explanation: news articles and blogs that relay a review's findings set each
finding as a short sub-heading with bullets or a paragraph under it that explain it ("Here, we highlight
some of the main messages from the report:" / "Cases are closed too soon" / • … • …). The titles are the
items; what is under them is explanation.

The lead-in decides, as for any list (items.classify_cue): it ends in ":" or offers a number of findings
("… has pulled out a number of key findings raised in the review."), and the block after it is a heading; a
lead-in that stops on a word the items would finish ("… must be able to:") lost its list, and has none.
A title says something (a word such as "are", "of", "about" among three or more): a short name over some
items ("Health visitors", "Children's social care") names whose findings follow and is not one."""

from .blocks import CONNECTIVES, HEADING, ITEM, PROSE, Block
from .lists import OFFERS_ITEMS, RUNS_INTO_LIST
from .markers import normalise_space

# "and" / "or" join names ("Police and health"); the other connectives make a phrase that says something.
NAMING_WORDS = frozenset({"and", "or"})
MIN_TITLE_WORDS = 3


def message_titles(blocks, source, classify, ends_section):
    """(kind, Block) for each title after a learning lead-in; `classify(text)` is items.classify_cue and
    `ends_section(text)` says a heading starts another section ("Background", "Next steps")."""
    for n, block in enumerate(blocks[:-2]):
        if block.kind != PROSE or blocks[n + 1].kind != HEADING:
            continue
        text = block.text(source)
        if not (text.endswith(":") or OFFERS_ITEMS.search(text[-300:])):
            continue
        if RUNS_INTO_LIST.search(text.rstrip(":").rstrip()):
            continue  # "… must be able to:" waits for words that finish its sentence, not for titles
        kind = classify(text)
        if kind is None:
            continue
        yield from ((kind, title) for title in _titles_after(blocks, n + 1, source, classify, ends_section))


def _titles_after(blocks, n, source, classify, ends_section):
    titles = []
    while n < len(blocks) and blocks[n].kind == HEADING:
        title = normalise_space(blocks[n].text(source))
        if ends_section(title) or not _says_something(title) or classify(title) is not None:
            break
        explained = n + 1 < len(blocks) and blocks[n + 1].kind in (ITEM, PROSE)
        if not explained:
            break
        titles.append(Block(PROSE, blocks[n].start, blocks[n].end, blocks[n].body_start))
        n += 1
        while n < len(blocks) and blocks[n].kind in (ITEM, PROSE):
            n += 1  # the title's explanation
    return titles


def _says_something(title):
    words = title.lower().split()
    return len(words) >= MIN_TITLE_WORDS and any(w in CONNECTIVES and w not in NAMING_WORDS for w in words)
