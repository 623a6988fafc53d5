from django.urls import path

from . import views

app_name = "decisions"

urlpatterns = [
    path("incidents/<uuid:pk>/rapid-review/open/", views.rapid_review_open, name="rapid_review_open"),
    path("rapid-reviews/<uuid:pk>/", views.rapid_review_detail, name="rapid_review"),
    path("rapid-reviews/<uuid:pk>/edit/", views.rapid_review_edit, name="rapid_review_edit"),
    path("information-requests/<uuid:pk>/", views.request_answer, name="request_answer"),
    path("information-requests/<uuid:pk>/documents/", views.request_attach, name="request_attach"),
    path("information-documents/<uuid:pk>/", views.information_attachment_download, name="information_attachment"),
    path(
        "information-documents/<uuid:pk>/withdraw/",
        views.information_attachment_withdraw,
        name="information_attachment_withdraw",
    ),
    path("incidents/<uuid:pk>/recommendation/", views.recommend, name="recommend"),
    path("incidents/<uuid:pk>/decision/", views.decide, name="decide"),
    path("chair-decisions/<uuid:pk>/", views.decision_detail, name="decision"),
    path("chair-decisions/<uuid:pk>/correct/", views.decision_correct, name="decision_correct"),
    path("subgroup-recommendations/<uuid:pk>/", views.recommendation_detail, name="recommendation"),
    path("subgroup-recommendations/<uuid:pk>/correct/", views.recommendation_correct, name="recommendation_correct"),
    path("incidents/<uuid:pk>/panel-response/", views.panel_response, name="panel_response"),
    path("incidents/<uuid:pk>/family/", views.family_communication, name="family_communication"),
]
