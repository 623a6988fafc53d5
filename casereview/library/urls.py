from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("partnerships/<slug:slug>/library/", views.library_search, name="search"),
    path("partnerships/<slug:slug>/library/themes/", views.themes_over_time, name="themes"),
    path("partnerships/<slug:slug>/briefings/", views.briefing_list, name="briefings"),
    path("partnerships/<slug:slug>/briefings/new/", views.briefing_create, name="briefing_create"),
    path("library/entries/<int:pk>/", views.entry_detail, name="entry"),
    path("briefings/<uuid:pk>/", views.briefing_detail, name="briefing"),
    path("briefings/<uuid:pk>/edit/", views.briefing_edit, name="briefing_edit"),
    path("briefings/<uuid:pk>/publish/", views.briefing_publish, name="briefing_publish"),
    path("briefings/<uuid:pk>/briefing.docx", views.briefing_download, {"fmt": "docx"}, name="briefing_docx"),
    path("briefings/<uuid:pk>/briefing.pdf", views.briefing_download, {"fmt": "pdf"}, name="briefing_pdf"),
]
