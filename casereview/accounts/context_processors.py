from django.urls import reverse

from . import selectors


def _matches(path, href):
    return path == href or (href != "/" and path.startswith(href))


def navigation(request):
    """The service navigation: only areas that exist and that this user's roles open, in groups; the group
    holding the open page is current and its pages are shown beneath."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    if _two_factor_pending(user):
        # signed in with the password alone: every link would only lead back to the code page
        return {"two_factor_pending": True}
    path = request.path
    groups = [{"text": "Home", "href": reverse("home"), "pages": []}, *selectors.navigation_for(user)]
    # The longest matching page decides, so the partnership's page and its audit log are not both current.
    best, best_length = None, -1
    for group in groups:
        group["current"] = False
        for page in group["pages"] or [group]:
            page["current"] = False
            if _matches(path, page["href"]) and len(page["href"]) > best_length:
                best, best_length = (group, page), len(page["href"])
    sub_navigation = []
    if best:
        group, page = best
        group["current"] = page["current"] = True
        sub_navigation = group["pages"] if len(group["pages"]) > 1 else []
    return {
        "navigation": groups,
        "sub_navigation": sub_navigation,
        "reads_learning_only": _reads_learning_only(user),
    }


def _reads_learning_only(user):
    """Whether every role the person has is a viewer's: the refusal and not-found pages then say why a link
    to a review or a case leads nowhere, in the same words whether or not the record exists (and in
    whichever partnership it is)."""
    from . import permissions

    memberships = permissions.active_memberships(user)
    return bool(memberships) and all(m.role == permissions.VIEWER for m in memberships)


def _two_factor_pending(user):
    from . import permissions

    is_verified = getattr(user, "is_verified", None)
    return is_verified is not None and not is_verified() and permissions.must_use_two_factor(user)
