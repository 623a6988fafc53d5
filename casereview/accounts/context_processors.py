from django.urls import reverse

from . import selectors


def navigation(request):
    """The service navigation: only areas that exist and that this user's roles open."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    path = request.path
    items = [{"text": "Home", "href": reverse("home")}]
    for item in selectors.navigation_for(user):
        items.append(item)
    for item in items:
        item["current"] = path == item["href"] or (
            item["href"] != "/" and path.startswith(item["href"]) and item.get("prefix", True)
        )
    # Only the longest match is current, so "Partnership" and "Audit" are not both highlighted.
    current = [i for i in items if i["current"]]
    if len(current) > 1:
        keep = max(current, key=lambda i: len(i["href"]))
        for item in current:
            item["current"] = item is keep
    return {"navigation": items}
