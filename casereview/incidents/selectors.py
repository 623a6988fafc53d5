from django.db.models import Q

from casereview.core.scoping import of_partnerships

from .models import Incident, NotificationDuty


def incident_list(*, user, partnership, query=""):
    incidents = (
        Incident.objects.visible_to(user)
        .filter(partnership=partnership)
        .select_related("rapid_review", "decision", "recommendation")
    )
    if query:
        incidents = incidents.filter(
            Q(child_pseudonym__icontains=query) | Q(reference__icontains=query) | Q(summary__icontains=query)
        )
    return incidents


def open_duties(*, user, partnership):
    """Notifications owed and not yet sent."""
    return (
        NotificationDuty.objects.visible_to(user)
        .filter(
            sent_on__isnull=True, withdrawn_on__isnull=True, **of_partnerships("incident__partnership", partnership)
        )
        .select_related("incident")
    )


def duties_for(*, user, incident):
    return NotificationDuty.objects.visible_to(user).filter(incident=incident).select_related("sent_by")
