"""The signal receivers that keep the partnership's entries in step with its findings. They run inside
the saving service's transaction, so an entry never disagrees with what was committed."""

from . import search, services


def finding_saved(kind):
    def receiver(sender, instance, raw=False, **kwargs):
        if not raw:
            services.entry_sync_finding(instance, kind)

    return receiver


def finding_themes_changed(kind):
    def receiver(sender, instance, action, **kwargs):
        if action in ("post_add", "post_remove", "post_clear") and hasattr(instance, "review_id"):
            services.entry_sync_finding(instance, kind)

    return receiver


def finding_deleted(sender, instance, **kwargs):
    services.entry_remove_finding(instance.pk)


def review_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        services.entries_sync_review(instance)


def entry_themes_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    """Whoever changes an entry's themes (a service, the admin, a test), its theme bits follow."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        search.refresh_facets([instance.pk])
    elif pk_set:
        search.refresh_facets(pk_set)
    elif action == "post_clear":  # a theme lost all its entries: which they were is no longer known here
        search.refresh_facets(
            instance.library_entries.model.objects.filter(theme_bits__gt=0).values_list("pk", flat=True)
        )
