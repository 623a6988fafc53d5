from django.urls import path

from . import views

app_name = "decisions"

urlpatterns = [
    path("incidents/<uuid:pk>/rapid-review/open/", views.rapid_review_open, name="rapid_review_open"),
    path("rapid-reviews/<uuid:pk>/", views.rapid_review_detail, name="rapid_review"),
    path("rapid-reviews/<uuid:pk>/edit/", views.rapid_review_edit, name="rapid_review_edit"),
    path("information-requests/<uuid:pk>/", views.request_answer, name="request_answer"),
    path("incidents/<uuid:pk>/recommendation/", views.recommend, name="recommend"),
    path("incidents/<uuid:pk>/decision/", views.decide, name="decide"),
    path("incidents/<uuid:pk>/panel-response/", views.panel_response, name="panel_response"),
    path("incidents/<uuid:pk>/family/", views.family_communication, name="family_communication"),
]
