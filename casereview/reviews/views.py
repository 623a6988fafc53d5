from django.shortcuts import render

from casereview.accounts.access import object_view

from .models import Review


@object_view(Review)
def review_detail(request, review):
    return render(request, "reviews/review_detail.html", {"review": review})
