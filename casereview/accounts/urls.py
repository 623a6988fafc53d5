from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("sign-in/two-factor/", views.two_factor_verify, name="two_factor_verify"),
    path("sign-in/two-factor/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("password-reset/complete/", views.password_reset_complete, name="password_reset_complete"),
    path("password-change/", views.password_change, name="password_change"),
    path("password-change/done/", views.password_change_done, name="password_change_done"),
    path("partnerships/<slug:slug>/", views.partnership_detail, name="partnership_detail"),
    path("partnerships/<slug:slug>/people/", views.people, name="people"),
    path("partnerships/<slug:slug>/people/invite/", views.person_invite, name="person_invite"),
    path("roles/<uuid:pk>/", views.membership_detail, name="membership"),
    path("roles/<uuid:pk>/end/", views.membership_end, name="membership_end"),
    path("roles/<uuid:pk>/unlock/", views.account_unlock, name="account_unlock"),
    path("roles/<uuid:pk>/invite-again/", views.invitation_resend, name="invitation_resend"),
    path("invitation/<uidb64>/<token>/", views.invitation_accept, name="invitation_accept"),
    path("set-up-a-partnership/", views.partnership_create, name="partnership_create"),
    path("partnerships/<slug:slug>/agencies/new/", views.agency_create, name="agency_create"),
    path("agencies/<uuid:pk>/", views.agency_detail, name="agency_detail"),
]
