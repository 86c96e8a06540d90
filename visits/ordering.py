"""The order of a day's stops: a round trip from the school that is as short as it can be.

Node 0 is the school, nodes 1..n the stops; ``distance[i][j]`` is the distance from node i to
node j. A stop with an agreed time keeps its place among the other stops with a time (a visit
at 9:00 comes before one at 14:00); stops without a time go wherever the trip is shortest.

Up to :data:`EXACT_LIMIT` stops the order is exact (Held–Karp: dynamic programming over the
sets of visited stops); beyond it, the nearest stop that may come next is taken each time.
Plain Python, no Django.
"""

import datetime
import itertools
from collections.abc import Sequence

EXACT_LIMIT = 8


def predecessors(times: Sequence[datetime.time | None]) -> list[int]:
    """For each stop (0-based), the bit mask of the stops with an earlier time."""
    masks = []
    for own in times:
        mask = 0
        if own is not None:
            for other, time in enumerate(times):
                if time is not None and time < own:
                    mask |= 1 << other
        masks.append(mask)
    return masks


def visiting_order(
    distance: Sequence[Sequence[float]], times: Sequence[datetime.time | None]
) -> list[int]:
    """The stops (1..n) in the order to drive them, starting and ending at node 0."""
    count = len(times)
    if count == 0:
        return []
    before = predecessors(times)
    if count <= EXACT_LIMIT:
        return _exact(distance, before)
    return _nearest_neighbour(distance, before)


def _exact(distance: Sequence[Sequence[float]], before: list[int]) -> list[int]:
    count = len(before)
    full = (1 << count) - 1
    # best[mask][last] = (length, previous stop) of the shortest trip from the school through
    # the stops in mask, ending at stop `last` (0-based).
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for stop in range(count):
        if before[stop] == 0:
            best[(1 << stop, stop)] = (distance[0][stop + 1], -1)
    for mask in range(1, full + 1):
        for last in range(count):
            entry = best.get((mask, last))
            if entry is None:
                continue
            for following in range(count):
                bit = 1 << following
                if mask & bit or before[following] & ~mask:
                    continue
                length = entry[0] + distance[last + 1][following + 1]
                key = (mask | bit, following)
                if key not in best or length < best[key][0]:
                    best[key] = (length, last)
    end = min(
        (best[(full, last)][0] + distance[last + 1][0], last)
        for last in range(count)
        if (full, last) in best
    )[1]
    order, mask, last = [], full, end
    while last != -1:
        order.append(last + 1)
        previous = best[(mask, last)][1]
        mask &= ~(1 << last)
        last = previous
    return order[::-1]


def _nearest_neighbour(distance: Sequence[Sequence[float]], before: list[int]) -> list[int]:
    count = len(before)
    order: list[int] = []
    visited, here = 0, 0
    while len(order) < count:
        candidates = [
            stop
            for stop in range(count)
            if not visited & (1 << stop) and not before[stop] & ~visited
        ]
        following = min(candidates, key=lambda stop: (distance[here][stop + 1], stop))
        order.append(following + 1)
        visited |= 1 << following
        here = following + 1
    return order


def trip_length(distance: Sequence[Sequence[float]], order: Sequence[int]) -> float:
    """The length of the round trip 0 → order… → 0."""
    nodes = [0, *order, 0]
    return sum(distance[a][b] for a, b in itertools.pairwise(nodes))
