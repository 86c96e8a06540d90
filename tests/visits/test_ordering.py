"""The order of a day's stops (``visits.ordering``): exact up to eight, nearest neighbour beyond,
visits with a time in the order of their times."""

import datetime
import itertools
import random

import pytest

from visits.ordering import EXACT_LIMIT, trip_length, visiting_order


def random_matrix(rng: random.Random, count: int) -> list[list[float]]:
    points = [(rng.uniform(0, 50), rng.uniform(0, 50)) for _ in range(count + 1)]
    return [[abs(ax - bx) + abs(ay - by) for bx, by in points] for ax, ay in points]


def best_by_brute_force(distance, times) -> float:
    count = len(times)
    allowed = []
    for order in itertools.permutations(range(1, count + 1)):
        timed = [times[stop - 1] for stop in order if times[stop - 1] is not None]
        if timed == sorted(timed):
            allowed.append(trip_length(distance, order))
    return min(allowed)


@pytest.mark.parametrize("seed", range(12))
def test_up_to_eight_stops_the_order_is_the_shortest_round_trip(seed):
    rng = random.Random(seed)
    count = rng.randint(1, 7)
    distance = random_matrix(rng, count)
    times = [None] * count

    order = visiting_order(distance, times)

    assert sorted(order) == list(range(1, count + 1))
    assert trip_length(distance, order) == pytest.approx(best_by_brute_force(distance, times))


@pytest.mark.parametrize("seed", range(8))
def test_visits_with_a_time_keep_the_order_of_their_times(seed):
    rng = random.Random(100 + seed)
    count = 6
    distance = random_matrix(rng, count)
    times = [
        datetime.time(rng.randint(8, 15), 0) if rng.random() < 0.5 else None for _ in range(count)
    ]

    order = visiting_order(distance, times)

    timed = [times[stop - 1] for stop in order if times[stop - 1] is not None]
    assert timed == sorted(timed)
    assert trip_length(distance, order) == pytest.approx(best_by_brute_force(distance, times))


def test_eight_stops_are_still_exact():
    rng = random.Random(7)
    distance = random_matrix(rng, EXACT_LIMIT)

    order = visiting_order(distance, [None] * EXACT_LIMIT)

    assert trip_length(distance, order) == pytest.approx(
        best_by_brute_force(distance, [None] * EXACT_LIMIT)
    )


def test_beyond_eight_stops_the_nearest_stop_comes_next():
    # Ten stops on a road leading away from the school, given in a shuffled order.
    positions = [0, 7, 3, 9, 1, 10, 5, 2, 8, 4, 6]
    distance = [[abs(a - b) for b in positions] for a in positions]

    order = visiting_order(distance, [None] * 10)

    assert [positions[stop] for stop in order] == list(range(1, 11))


def test_nearest_neighbour_respects_times_too():
    positions = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    distance = [[abs(a - b) for b in positions] for a in positions]
    times = [None] * 9
    times[0] = datetime.time(14, 0)  # the stop next door is only expected in the afternoon
    times[8] = datetime.time(9, 0)  # the farthest stop first thing in the morning

    order = visiting_order(distance, times)

    assert order.index(9) < order.index(1)


def test_no_stops_no_order():
    assert visiting_order([[0.0]], []) == []
