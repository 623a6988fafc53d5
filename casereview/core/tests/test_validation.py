from datetime import date

import pytest
from django.core.exceptions import ValidationError

from casereview.core.validation import dated_step_problem, require_not_before


def test_a_date_before_the_step_it_follows_is_refused_naming_the_step_and_its_date():
    with pytest.raises(ValidationError) as refused:
        require_not_before(
            date(2020, 1, 1), "sent_on", "The date sent", step="the report was uploaded", step_on=date(2026, 12, 4)
        )
    assert refused.value.message_dict == {
        "sent_on": ["The date sent cannot be before the report was uploaded (4 December 2026)"]
    }


def test_the_same_day_or_later_and_no_date_pass():
    for day in (date(2026, 12, 4), date(2026, 12, 5), None):
        require_not_before(day, "f", "The date", step="x", step_on=date(2026, 12, 4))
    assert dated_step_problem(date(2026, 12, 4), "Sent", step="x", step_on=date(2026, 12, 4)) == ""
    assert "before x (4 December 2026)" in dated_step_problem(
        date(2026, 1, 1), "Sent", step="x", step_on=date(2026, 12, 4)
    )
