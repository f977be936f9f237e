"""The quick reading of the usual front-matter dates gives what Pelican's get_date gives."""

import pytest
from pelican.utils import SafeDatetime, get_date

from casebook.content.values import as_datetime, iso_datetime

SAME = [
    "2009-06-18", "2010-03-04 09:30", "2010-03-04T09:30", "2010-03-04 09:30:15",
    "2010-03-04T23:59:59", "1999-12-31", "2024-02-29", "2026-01-01 00:00",
]  # fmt: skip
OTHERS = ["2010-3-4", "04/03/2010", "2010-03-04 9:30", "March 4, 2010", "2010-03-04 09:30+02:00",
          "2010-03-04 09:30:15.5", "20100304", " 2010-03-04", "2010-03-04  09:30"]  # fmt: skip


@pytest.mark.parametrize("text", SAME)
def test_the_usual_dates_read_as_get_date_reads_them(text):
    quick = iso_datetime(text)
    slow = get_date(text)
    assert quick == slow
    assert type(quick) is type(slow) is SafeDatetime
    assert quick.tzinfo is slow.tzinfo is None


@pytest.mark.parametrize("text", OTHERS)
def test_any_other_text_is_left_to_get_date(text):
    assert iso_datetime(text) is None


@pytest.mark.parametrize("text", ["2012-14-45", "2011-02-29", "2010-03-04 25:00"])
def test_a_day_that_does_not_exist_is_no_date_either_way(text):
    assert iso_datetime(text) is None
    with pytest.raises((ValueError, OverflowError)):
        get_date(text)
    assert as_datetime(text) is None
