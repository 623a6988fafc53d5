from django.urls import path

from . import views

app_name = "incidents"

urlpatterns = [
    path("partnerships/<slug:slug>/incidents/", views.incident_list, name="list"),
    path("partnerships/<slug:slug>/incidents/new/", views.incident_create, name="create"),
    path("incidents/<uuid:pk>/", views.incident_detail, name="detail"),
    path("incidents/<uuid:pk>/edit/", views.incident_edit, name="edit"),
    path("incidents/<uuid:pk>/identity/", views.identity_detail, name="identity"),
    path("incidents/<uuid:pk>/identity/edit/", views.identity_edit, name="identity_edit"),
    path("incidents/<uuid:pk>/refer-locally/", views.refer_locally, name="refer_locally"),
    path("notification-duties/<uuid:pk>/sent/", views.duty_sent, name="duty_sent"),
    path("notification-duties/<uuid:pk>/correct/", views.duty_correct, name="duty_correct"),
    path("notification-duties/<uuid:pk>/history/", views.duty_history, name="duty_history"),
]
