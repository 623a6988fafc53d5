from django.contrib import messages
from django.shortcuts import redirect, render

from casereview.core.access import signed_in_view
from casereview.core.forms import submitted
from casereview.core.pagination import paginate

from . import selectors, services
from .forms import DeliveryForm


@signed_in_view
def notification_settings(request):
    form = DeliveryForm(request.POST or None, initial={"delivery": services.delivery_of(request.user)})
    if submitted(request, form, lambda data: services.delivery_choose(actor=request.user, **data)):
        messages.success(request, "Your choice has been saved.")
        return redirect("notifications:settings")
    return render(
        request,
        "notifications/settings.html",
        {"form": form, "page": paginate(request, selectors.notification_list(user=request.user))},
    )
