from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("partnerships/<slug:slug>/documents/", views.document_list, name="list"),
    path("document-imports/<uuid:pk>/", views.batch_progress, name="batch"),
    path("documents/<uuid:pk>/", views.document_check, name="check"),
    path("documents/<uuid:pk>/withdraw/", views.document_withdraw, name="withdraw"),
]
