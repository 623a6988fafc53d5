from django.urls import path

from . import views

app_name = "actionplans"

urlpatterns = [
    path("partnerships/<slug:slug>/actions/", views.monitoring, name="monitoring"),
    path("partnerships/<slug:slug>/actions/by-review/", views.monitoring_reviews, name="monitoring_reviews"),
    path("partnerships/<slug:slug>/actions/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("partnerships/<slug:slug>/actions/export.docx", views.export_docx, name="export_docx"),
    path("partnerships/<slug:slug>/actions/changes/", views.changes, name="changes"),
    path("partnerships/<slug:slug>/actions/escalated/", views.escalated, name="escalated"),
    path("reviews/<uuid:pk>/action-plan/", views.review_plan, name="review_plan"),
    path("reviews/<uuid:pk>/action-plan/add/", views.action_add, name="action_add"),
    path("actions/<uuid:pk>/", views.action_detail, name="action"),
    path("actions/<uuid:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<uuid:pk>/update/", views.action_update, name="action_update"),
    path("actions/<uuid:pk>/close/", views.action_close, name="action_close"),
    path("actions/<uuid:pk>/reopen/", views.action_reopen, name="action_reopen"),
    path("evidence/<uuid:pk>/", views.evidence_download, name="evidence"),
    path("partnerships/<slug:slug>/dissemination/", views.dissemination, name="dissemination"),
    path("partnerships/<slug:slug>/dissemination/add/", views.dissemination_add, name="dissemination_add"),
    path("partnerships/<slug:slug>/training/", views.training, name="training"),
    path("partnerships/<slug:slug>/training/add/", views.training_add, name="training_add"),
    path(
        "dissemination-events/<uuid:pk>/withdraw/",
        views.dissemination_event_withdraw,
        name="dissemination_event_withdraw",
    ),
    path(
        "dissemination-events/<uuid:pk>/history/", views.dissemination_event_history, name="dissemination_event_history"
    ),
    path("training-years/<uuid:pk>/withdraw/", views.training_year_withdraw, name="training_year_withdraw"),
    path("training-years/<uuid:pk>/history/", views.training_year_history, name="training_year_history"),
    path("partnerships/<slug:slug>/risks/", views.risk_register, name="risk_register"),
    path("partnerships/<slug:slug>/risks/add/", views.risk_add, name="risk_add"),
    path("risks/<uuid:pk>/edit/", views.risk_edit, name="risk_edit"),
]
