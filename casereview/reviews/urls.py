from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("partnerships/<slug:slug>/reviews/", views.review_list, name="list"),
    path("partnerships/<slug:slug>/reviews/new/", views.review_create, name="create"),
    path("reviews/<uuid:pk>/", views.review_detail, name="detail"),
    path("reviews/<uuid:pk>/stage/", views.stage_change, name="stage"),
    path("reviews/<uuid:pk>/terms/", views.terms_edit, name="terms"),
    path("reviews/<uuid:pk>/panel/new/", views.panel_add, name="panel_add"),
    path("panel-members/<uuid:pk>/remove/", views.panel_remove, name="panel_remove"),
    path("reviews/<uuid:pk>/reviewers/new/", views.reviewer_appoint, name="reviewer_appoint"),
    path("reviews/<uuid:pk>/contributions/new/", views.contributions_request, name="contributions_request"),
    path("contributions/<uuid:pk>/", views.contribution_detail, name="contribution"),
    path("contributions/<uuid:pk>/upload/", views.chronology_upload, name="chronology_upload"),
    path("contributions/<uuid:pk>/events/new/", views.chronology_row_add, name="chronology_row_add"),
    path("contributions/<uuid:pk>/report/", views.report_submit, name="report_submit"),
    path("contributions/<uuid:pk>/quality-assured/", views.quality_assure, name="quality_assure"),
    path("chronology-imports/<uuid:pk>/", views.import_progress, name="import_progress"),
    path("chronology-template.xlsx", views.chronology_template, {"fmt": "xlsx"}, name="chronology_template_xlsx"),
    path("chronology-template.csv", views.chronology_template, {"fmt": "csv"}, name="chronology_template_csv"),
    path("reviews/<uuid:pk>/chronology/", views.merged_chronology, name="chronology"),
    path("reviews/<uuid:pk>/chronology.xlsx", views.chronology_export, {"fmt": "xlsx"}, name="chronology_xlsx"),
    path("reviews/<uuid:pk>/chronology.docx", views.chronology_export, {"fmt": "docx"}, name="chronology_docx"),
    path("duplicates/<int:pk>/", views.duplicate_judge, name="duplicate_judge"),
    path("reviews/<uuid:pk>/learning-events/new/", views.learning_event_add, name="learning_event_add"),
    path("reviews/<uuid:pk>/monitoring/new/", views.monitoring_check_add, name="monitoring_check_add"),
    path("learning-events/<uuid:pk>/withdraw/", views.learning_event_withdraw, name="learning_event_withdraw"),
    path("reviews/<uuid:pk>/family/", views.family_edit, name="family"),
    path("reviews/<uuid:pk>/findings/", views.findings, name="findings"),
    path("reviews/<uuid:pk>/learning-points/new/", views.learning_point_add, name="learning_point_add"),
    path("reviews/<uuid:pk>/recommendations/new/", views.recommendation_add, name="recommendation_add"),
    path("learning-points/<uuid:pk>/", views.learning_point_edit, name="learning_point_edit"),
    path("learning-points/<uuid:pk>/move/", views.learning_point_move, name="learning_point_move"),
    path("learning-points/<uuid:pk>/history/", views.learning_point_history, name="learning_point_history"),
    path("recommendations/<uuid:pk>/", views.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<uuid:pk>/move/", views.recommendation_move, name="recommendation_move"),
    path("recommendations/<uuid:pk>/history/", views.recommendation_history, name="recommendation_history"),
    path("recommendations/<uuid:pk>/withdraw/", views.recommendation_withdraw, name="recommendation_withdraw"),
    path("learning-points/<uuid:pk>/withdraw/", views.learning_point_withdraw, name="learning_point_withdraw"),
]
