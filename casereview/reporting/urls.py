from django.urls import path

from . import annual_views, board_views, subgroup_views, views

app_name = "reporting"

urlpatterns = [
    path("partnerships/<slug:slug>/deadlines/", views.deadlines, name="deadlines"),
    path("partnerships/<slug:slug>/executive-report/", views.executive_report, name="executive_report"),
    path("partnerships/<slug:slug>/executive-report.docx", views.executive_report_docx, name="executive_report_docx"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    # the yearly report
    path("partnerships/<slug:slug>/annual-reports/", annual_views.report_list, name="annual_reports"),
    path("partnerships/<slug:slug>/annual-reports/start/", annual_views.report_start, name="annual_report_start"),
    path("annual-reports/<uuid:pk>/", annual_views.report_detail, name="annual_report"),
    path("annual-reports/<uuid:pk>/figures/", annual_views.figures_edit, name="annual_figures"),
    path("annual-reports/<uuid:pk>/contributions/", annual_views.contributions_edit, name="annual_contributions"),
    path("annual-reports/<uuid:pk>/section/", annual_views.section_edit, name="annual_section"),
    path("annual-reports/<uuid:pk>/sign-off/", annual_views.section_sign_off, name="annual_sign_off"),
    path("annual-reports/<uuid:pk>/preview/", annual_views.report_preview, name="annual_preview"),
    path("annual-reports/<uuid:pk>/report.docx", annual_views.report_docx, name="annual_docx"),
    path("annual-reports/<uuid:pk>/report.pdf", annual_views.report_pdf, name="annual_pdf"),
    # the executive dashboard, the national picture, committee papers
    path("partnerships/<slug:slug>/dashboard/", board_views.dashboard, name="dashboard"),
    path("partnerships/<slug:slug>/national-picture/", board_views.national_picture, name="national_picture"),
    path("partnerships/<slug:slug>/committee-papers/", board_views.paper_list, name="committee_papers"),
    path("partnerships/<slug:slug>/committee-papers/new/", board_views.paper_new, name="committee_paper_new"),
    path("committee-papers/<uuid:pk>/", board_views.paper_detail, name="committee_paper"),
    path("committee-papers/<uuid:pk>/edit/", board_views.paper_edit, name="committee_paper_edit"),
    path("committee-papers/<uuid:pk>/paper.docx", board_views.paper_docx, name="committee_paper_docx"),
    # subgroups' members, meetings and work programmes
    path("partnerships/<slug:slug>/subgroups/", subgroup_views.subgroup_list, name="subgroups"),
    path("subgroups/<uuid:pk>/", subgroup_views.subgroup_detail, name="subgroup"),
    path("subgroups/<uuid:pk>/members/", subgroup_views.member_add, name="subgroup_member_add"),
    path("subgroups/<uuid:pk>/meetings/", subgroup_views.meeting_add, name="subgroup_meeting_add"),
    path("subgroups/<uuid:pk>/work-programme/", subgroup_views.item_add, name="subgroup_item_add"),
    path("work-programme/<uuid:pk>/status/", subgroup_views.item_status, name="work_item_status"),
]
