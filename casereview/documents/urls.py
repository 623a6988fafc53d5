from django.urls import path

from . import publication_views as publishing
from . import views

app_name = "documents"

urlpatterns = [
    path("partnerships/<slug:slug>/documents/", views.document_list, name="list"),
    path("document-imports/<uuid:pk>/", views.batch_progress, name="batch"),
    path("documents/<uuid:pk>/", views.document_check, name="check"),
    path("reviews/<uuid:pk>/publication/", publishing.overview, name="publication"),
    path("reviews/<uuid:pk>/report/", publishing.report_upload, name="report_upload"),
    path("reviews/<uuid:pk>/anonymise/", publishing.anonymise, name="anonymise"),
    path("reviews/<uuid:pk>/anonymise/terms/", publishing.term_add, name="term_add"),
    path("reviews/<uuid:pk>/anonymise/compare/", publishing.diff, name="diff"),
    path("reviews/<uuid:pk>/sign-offs/", publishing.sign_off, name="sign_off"),
    path("reviews/<uuid:pk>/holds/", publishing.hold, name="hold"),
    path("reviews/<uuid:pk>/report-sent/", publishing.sent, name="report_sent"),
    path("publication-holds/<uuid:pk>/lift/", publishing.hold_lift, name="hold_lift"),
    path("publications/<uuid:pk>/report.pdf", publishing.download_pdf, name="download_pdf"),
    path("publications/<uuid:pk>/report.docx", publishing.download_docx, name="download_docx"),
]
