from django.contrib import admin
from django.urls import include, path

from casereview.reporting.views import home

admin.site.site_header = "casereview administration"
admin.site.site_title = "casereview administration"

urlpatterns = [
    # The first page after signing in: what each of the person's roles needs first (reporting reads every app).
    path("", home, name="home"),
    path("", include("casereview.accounts.urls")),
    path("", include("casereview.audit.urls")),
    path("", include("casereview.incidents.urls")),
    path("", include("casereview.decisions.urls")),
    path("", include("casereview.reviews.urls")),
    path("", include("casereview.actionplans.urls")),
    path("", include("casereview.reporting.urls")),
    path("", include("casereview.documents.urls")),
    path("", include("casereview.publication.urls")),
    path("", include("casereview.library.urls")),
    path("", include("casereview.notifications.urls")),
    path("", include("casereview.core.urls")),
    path("admin/", admin.site.urls),
]
