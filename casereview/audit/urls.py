from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("partnerships/<slug:slug>/audit/", views.event_list, name="event_list"),
    path("partnerships/<slug:slug>/audit/export.csv", views.event_export, name="event_export"),
]
