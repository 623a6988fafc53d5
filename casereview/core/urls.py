from django.urls import path

from . import views

app_name = "exports"

urlpatterns = [
    path("exports/<uuid:pk>/", views.export_progress, name="progress"),
    path("exports/<uuid:pk>/download", views.export_download, name="download"),
]
