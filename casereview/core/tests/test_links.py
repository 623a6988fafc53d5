import uuid

from django.urls import reverse

from casereview.core.links import paths_to


def test_paths_reversed_once_are_the_paths_reverse_gives():
    path = paths_to("actionplans:action")
    keys = [uuid.uuid4() for _ in range(3)]
    assert [path(k) for k in keys] == [reverse("actionplans:action", args=[k]) for k in keys]
    assert path(str(keys[0])) == reverse("actionplans:action", args=[keys[0]])
