"""The link set is constant between two switch days, so caching it per epoch is exact."""

from __future__ import annotations

import bisect
import datetime as dt
import random

from exwatch.kb import link_epochs, links_at


def test_links_on_any_day_equal_the_links_at_the_start_of_its_epoch() -> None:
    epochs = link_epochs()
    rng = random.Random(20261129)  # fixed seed: the same days every run
    days = [dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(0, 31 * 365)) for _ in range(25)]
    days += [dt.date(2023, 12, 29), dt.date(2023, 12, 30), dt.date(2022, 9, 16)]
    for day in days:
        start = epochs[bisect.bisect_right(epochs, day) - 1]
        assert links_at(day) == links_at(start), day
