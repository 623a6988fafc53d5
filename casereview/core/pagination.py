from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, queryset, per_page=None):
    """A page of `queryset` for ?page=N; a missing or nonsense page number gives the nearest real page
    rather than an error."""
    paginator = Paginator(queryset, per_page or settings.CASEREVIEW_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))
