import datetime as dt

import pytest

from briefing.timeexpr import resolve

A = "2024-03-06"  # a Wednesday


@pytest.mark.parametrize("text,start,end,prec", [
    ("said last week", "2024-02-26", "2024-03-03", "week"),
    ("said on Monday", "2024-03-04", "2024-03-04", "day"),
    ("said yesterday", "2024-03-05", "2024-03-05", "day"),
    ("in early February", "2024-02-01", "2024-02-10", "range"),
    ("in December", "2023-12-01", "2023-12-31", "month"),
    ("since May 2022", "2022-05-01", "2024-03-06", "range"),
    ("by June", "2024-03-06", "2024-06-30", "range"),
    ("expected by the start of June", "2024-03-06", "2024-06-30", "range"),    # a deadline to come
    ("could follow by mid-June", "2024-03-06", "2024-06-30", "range"),
    ("last month", "2024-02-01", "2024-02-29", "month"),
    ("three weeks ago", "2024-02-12", "2024-02-18", "week"),
    ("on 2 March", "2024-03-02", "2024-03-02", "day"),
    ("last year", "2023-01-01", "2023-12-31", "year"),
])
def test_resolve(text, start, end, prec):
    r = resolve(text, A)
    assert (r.start.isoformat(), r.end.isoformat(), r.precision) == (start, end, prec)


def test_no_anchor_or_phrase():
    assert resolve("last week", "") is None and resolve("no time here", A) is None
    assert resolve("last week", dt.date(2024, 3, 6)).precision == "week"
