from django.urls import path

from . import views

app_name = "publication"

urlpatterns = [
    path("reviews/<uuid:pk>/publication/", views.overview, name="overview"),
    path("reviews/<uuid:pk>/report/", views.report_upload, name="report_upload"),
    path("reviews/<uuid:pk>/anonymise/", views.anonymise, name="anonymise"),
    path("reviews/<uuid:pk>/anonymise/terms/", views.term_add, name="term_add"),
    path("reviews/<uuid:pk>/anonymise/compare/", views.diff, name="diff"),
    path("reviews/<uuid:pk>/anonymise/draft.pdf", views.draft_download, {"file_format": "pdf"}, name="draft_pdf"),
    path("reviews/<uuid:pk>/anonymise/draft.docx", views.draft_download, {"file_format": "docx"}, name="draft_docx"),
    path("reviews/<uuid:pk>/sign-offs/", views.sign_off, name="sign_off"),
    path("reviews/<uuid:pk>/holds/", views.hold, name="hold"),
    path("reviews/<uuid:pk>/report-sent/", views.sent, name="report_sent"),
    path("publication-holds/<uuid:pk>/", views.hold_detail, name="hold_detail"),
    path("publication-holds/<uuid:pk>/lift/", views.hold_lift, name="hold_lift"),
    path("publications/<uuid:pk>/report.pdf", views.download_pdf, name="download_pdf"),
    path("publications/<uuid:pk>/report.docx", views.download_docx, name="download_docx"),
]
