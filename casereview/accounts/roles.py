"""The roles a person holds in a partnership. What each may do is decided in permissions.py."""

from django.db import models


class Role(models.TextChoices):
    BUSINESS_MANAGER = "business_manager", "Business manager"
    CHAIR = "chair", "Independent chair"
    EXECUTIVE = "executive", "Executive member"
    PANEL_MEMBER = "panel_member", "Panel member"
    AGENCY_LEAD = "agency_lead", "Agency safeguarding lead"
    REVIEWER = "reviewer", "Independent reviewer"
    VIEWER = "viewer", "Viewer"
