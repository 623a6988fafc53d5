from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("partnerships/<slug:slug>/deadlines/", views.deadlines, name="deadlines"),
    path("partnerships/<slug:slug>/executive-report/", views.executive_report, name="executive_report"),
    path("partnerships/<slug:slug>/executive-report.docx", views.executive_report_docx, name="executive_report_docx"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
