"""A web address with a NUL character or an enormous page number in its query, on every page a member may
open: answered with a page (or the clear 400 for the NUL), never a 500. Probe 15 found five pages that
passed either to the database (PostgreSQL cannot store NUL; OFFSET is a bigint)."""

import pytest

from casereview.core.access import ObjectRule

from .test_authorisation_matrix import insider, project_routes, url_for  # noqa: F401 - insider is a fixture

HUGE = "99999999999999999999"


def readable_routes():
    return [pytest.param(r, id=r.name) for r in project_routes() if not r.kwarg_names or isinstance(r.rule, ObjectRule)]


@pytest.mark.django_db
@pytest.mark.parametrize("route", readable_routes())
def test_a_nul_or_a_huge_page_number_in_the_query_is_never_a_500(client, route, partnership_a, insider):  # noqa: F811
    url = url_for(route, partnership_a)
    client.force_login(insider)
    if client.get(url).status_code != 200:
        pytest.skip("not a page the insider reads")
    for query in ({"q": "\x00"}, {"review": "\x00", "status": "open"}):
        response = client.get(url, query)
        assert response.status_code == 400, f"{url} {query!r}"
        assert "There is a problem with the web address" in response.content.decode()
    response = client.get(url, {"page": HUGE})
    assert response.status_code in (200, 302), f"{url}?page={HUGE}"
