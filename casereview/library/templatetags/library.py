"""The library's part of other apps' pages, so those apps never import the library: a rapid review shows
the past learning beside criteria 1 and 2, and the similar past reviews, through these tags."""

from django import template

from casereview.accounts import permissions
from casereview.actionplans.selectors import open_actions_by_theme

from .. import selectors

register = template.Library()


def _past_learning(context, rapid_review):
    cache = context.render_context
    key = ("library-past-learning", rapid_review.pk)
    if key not in cache:
        user = context["request"].user
        partnership = rapid_review.incident.partnership
        may_view = permissions.may_in_partnership(user, "view_library", partnership)
        text = selectors.case_text(rapid_review) if may_view else ""
        cache[key] = (
            {
                "themes": selectors.past_learning(
                    user=user,
                    partnership=partnership,
                    text=text,
                    open_actions_by_theme=open_actions_by_theme(user=user, partnership=partnership),
                ),
                "similar": selectors.similar_reviews(user=user, partnership=partnership, text=text),
                "partnership": partnership,
            }
            if text
            else {"themes": [], "similar": [], "partnership": partnership}
        )
    return cache[key]


@register.inclusion_tag("library/partials/past_learning.html", takes_context=True)
def past_learning(context, rapid_review, criterion):
    """Beside criterion 1 (improvements, including those previously identified): the matching past
    learning; beside criterion 2 (recurrent themes): how often each theme recurred and what is still open."""
    found = _past_learning(context, rapid_review)
    return {"criterion": criterion, **found}


# Fewer words of facts than this and the similar reviews rest on the incident's few details, and say so.
FEW_FACTS_WORDS = 30


@register.inclusion_tag("library/partials/similar_reviews.html", takes_context=True)
def similar_reviews(context, rapid_review):
    facts = len((rapid_review.facts_gathered or "").split())
    return {**_past_learning(context, rapid_review), "facts_words": facts, "few_facts": facts < FEW_FACTS_WORDS}


@register.filter
def cut_at_word(text, length):
    """A title cut at the last whole word that fits, with an ellipsis: "… and Child 3 an…" read as a typo."""
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut and not text[length - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—(") + "…"


@register.filter
def year_beside(entries, title):
    """The review's year, from the first of its entries that knows it, unless its title already says it
    ("Multi-agency learning review 1 (2018-19) (2018)")."""
    year = next((entry.year for entry in entries if getattr(entry, "year", None)), None)
    if year is None or str(year) in str(title):
        return ""
    return f" ({year})"


@register.inclusion_tag("library/partials/latest_briefings.html", takes_context=True)
def latest_briefings(context, partnership):
    """The newest published seven-minute briefings: what a viewer sees first on their home page."""
    user = context["request"].user
    return {
        "briefings": list(selectors.briefing_list(user=user, partnership=partnership, published_only=True)[:3]),
        "partnership": partnership,
        "is_viewer": permissions.has_role(user, partnership, permissions.VIEWER),
    }
