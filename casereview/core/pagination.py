import heapq
import operator
from functools import reduce
from operator import attrgetter

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q


def paginate(request, queryset, per_page=None, count=None):
    """A page of `queryset` for ?page=N; a missing or nonsense page number gives the nearest real page
    rather than an error. `count`: the number of rows when the caller has already worked it out, saving
    the paginator's COUNT."""
    paginator = Paginator(queryset, per_page or settings.CASEREVIEW_PAGE_SIZE)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: this is its cached value
    page = paginator.get_page(request.GET.get("page"))
    if paginator.count == 0:
        page.object_list = []  # not the queryset's empty slice, which Django compiles to find it is empty
    return page


# No list runs to this many pages; a larger number (?page=99999999999999999999) would make an OFFSET past
# PostgreSQL's bigint, a 500. Clamped, it is past the end, which gives the first page like any other.
LAST_PAGE_NUMBER = 1_000_000


def page_number(request):
    """?page=N as a number from 1 to LAST_PAGE_NUMBER; a missing or nonsense one is 1."""
    try:
        return min(max(1, int(request.GET.get("page", 1))), LAST_PAGE_NUMBER)
    except (TypeError, ValueError):
        return 1


class UncountedPage:
    """A page that knows whether there is a next one by fetching one row more, never counting the whole
    list: for lists that grow without end (the audit trail) a COUNT would cost more than the page."""

    paginator = None

    def __init__(self, rows, number, per_page):
        self.number = number
        self.has_next = len(rows) > per_page
        self.object_list = rows[:per_page]
        self.has_previous = number > 1

    def has_other_pages(self):
        return self.has_next or self.has_previous

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def paginate_uncounted(request, queryset, per_page=None):
    per_page = per_page or settings.CASEREVIEW_PAGE_SIZE
    number = page_number(request)
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    if not rows and number > 1:  # past the end: the first page rather than an empty one
        return paginate_uncounted_first(queryset, per_page)
    return UncountedPage(rows, number, per_page)


def paginate_uncounted_first(queryset, per_page):
    return UncountedPage(list(queryset[: per_page + 1]), 1, per_page)


class KeysetPage(UncountedPage):
    """An UncountedPage whose links say where it ends (or begins), so the next page is read from there
    through an index instead of by skipping every row before it."""

    keyset = True  # the pagination partial links with next_query and previous_query

    def __init__(self, rows, number, per_page, *, has_next, next_query, previous_query):
        super().__init__(rows, number, per_page)
        self.has_next = has_next
        self.next_query = next_query
        self.previous_query = previous_query


_PAGING = ("after", "before", "page")


def paginate_keyset(request, parts, per_page=None, *, cursor):
    """A page of the rows of `parts`, merged newest first. `parts`: querysets of one model that between them
    hold the whole list without overlap, each ordered by the same two fields descending, the second unique
    (("-at", "-id")): read as a union, each part through its own index, because one query with an OR
    between them walked the whole country's rows. `cursor`: (row -> text, text -> (first, second) or None).

    ?after=<cursor> gives the page after a row and ?before=<cursor> the page before one; a page number with
    no cursor (an old link) is found by skipping, as before."""
    per_page = per_page or settings.CASEREVIEW_PAGE_SIZE
    write_cursor, read_cursor = cursor
    first, second = (f.lstrip("-") for f in parts[0].query.order_by)
    key = attrgetter(first, second)
    number = page_number(request)
    after, before = read_cursor(request.GET.get("after", "")), read_cursor(request.GET.get("before", ""))

    def merged(querysets, limit, newest_first=True):
        return list(heapq.merge(*(list(q[:limit]) for q in querysets), key=key, reverse=newest_first))[:limit]

    def beyond(value, older):
        """Rows past a cursor: the first field's bound is what the index can seek to."""
        at, pk = value
        if older:
            return Q(**{f"{first}__lte": at}) & (Q(**{f"{first}__lt": at}) | Q(**{first: at, f"{second}__lt": pk}))
        return Q(**{f"{first}__gte": at}) & (Q(**{f"{first}__gt": at}) | Q(**{first: at, f"{second}__gt": pk}))

    if after:
        rows = merged([p.filter(beyond(after, older=True)) for p in parts], per_page + 1)
        number, has_next, rows = max(number, 2), len(rows) > per_page, rows[:per_page]
    elif before:
        newer = merged(
            [p.filter(beyond(before, older=False)).order_by(first, second) for p in parts], per_page + 1, False
        )
        if len(newer) <= per_page:
            number = 1  # nothing newer than this page: it is the first
        rows, has_next = list(reversed(newer[:per_page])), True  # the row `before` names is on the next page
    elif number > 1:
        # As the list was paged before: the parts as one query, skipping to the page.
        start = (number - 1) * per_page
        rows = list(reduce(operator.or_, parts)[start : start + per_page + 1])
        if not rows:  # past the end: the first page rather than an empty one
            number, rows = 1, merged(parts, per_page + 1)
        has_next, rows = len(rows) > per_page, rows[:per_page]
    else:
        rows = merged(parts, per_page + 1)
        has_next, rows = len(rows) > per_page, rows[:per_page]

    query = request.GET.copy()
    for name in _PAGING:
        query.pop(name, None)
    following, preceding = query.copy(), query.copy()
    if rows:
        following.update({"page": number + 1, "after": write_cursor(rows[-1])})
        if number > 2:  # page 1 is the list's start, with no cursor
            preceding.update({"page": number - 1, "before": write_cursor(rows[0])})
    return KeysetPage(
        rows,
        number,
        per_page,
        has_next=has_next,
        next_query=following.urlencode(),
        previous_query=preceding.urlencode(),
    )
