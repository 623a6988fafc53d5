"""The one-time link in an invitation. Django's password-reset tokens already have the two properties an
invitation needs: they expire (PASSWORD_RESET_TIMEOUT) and they stop working once the password is set
(the hash is part of the token). A separate salt keeps an invitation link and a reset link apart."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "casereview.accounts.tokens.InvitationTokenGenerator"


invitation_token = InvitationTokenGenerator()
