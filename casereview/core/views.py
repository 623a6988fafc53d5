from django.shortcuts import redirect, render

from casereview.accounts import selectors
from casereview.accounts.access import signed_in_view


@signed_in_view
def home(request):
    """Straight to the partnership for the usual one-partnership user; a choice for the rest."""
    partnerships = list(selectors.partnership_list(user=request.user))
    if len(partnerships) == 1:
        return redirect("accounts:partnership_detail", slug=partnerships[0].slug)
    return render(request, "core/home.html", {"partnerships": partnerships})
