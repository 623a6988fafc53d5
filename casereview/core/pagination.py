from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, queryset, per_page=None, count=None):
    """A page of `queryset` for ?page=N; a missing or nonsense page number gives the nearest real page
    rather than an error. `count`: the number of rows when the caller has already worked it out, saving
    the paginator's COUNT."""
    paginator = Paginator(queryset, per_page or settings.CASEREVIEW_PAGE_SIZE)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: this is its cached value
    return paginator.get_page(request.GET.get("page"))


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
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    if not rows and number > 1:  # past the end: the first page rather than an empty one
        return paginate_uncounted_first(queryset, per_page)
    return UncountedPage(rows, number, per_page)


def paginate_uncounted_first(queryset, per_page):
    return UncountedPage(list(queryset[: per_page + 1]), 1, per_page)
