"""The JSON reader's fast path for entries (issue 9, item 7) against its full reader.

Well-formed entries are read by table lookups; only the others go through the reader that
explains every problem. Both must agree on every input, or a file would parse differently
depending on which path an entry took.
"""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.engine.jsonio import _parse_entry, _well_formed_entry, decode
from compliance.engine.jsonvalues import TIMES, ValueReader, valid_date
from compliance.engine.model import Entry, Kind

# Near misses next to valid values: each invalid one fails only the full reader's check.
TEXTS = st.sampled_from(
    [
        "08:00",
        "23:59",
        "00:00",
        "24:00",
        "12:60",
        "8:00",
        "08:00:00",
        "0８:00",
        "2026-02-02",
        "2024-02-29",
        "2025-02-29",
        "2026-13-01",
        "20260202",
        "2026-W06-1",
        "２026-02-02",
        "internship",
        "school",
        "Internship",
        "",
    ]
)
SCALARS = st.one_of(TEXTS, st.none(), st.booleans(), st.integers(-1, 2), st.floats(0, 1))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
KEYS = st.sampled_from(["kind", "date", "start", "end", "breaks", "force_majeure", "colour"])
TIME = st.sampled_from(["08:00", "23:59", "00:00", "12:30"])
WELL_FORMED = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["internship", "school"]),
        "date": st.sampled_from(["2026-02-02", "2024-02-29"]),
        "start": TIME,
        "end": TIME,
    },
    optional={
        "breaks": st.lists(st.lists(TIME, min_size=2, max_size=2), max_size=3),
        "force_majeure": st.booleans(),
    },
)
# Lists of times in lists of every length, of which only pairs are breaks.
NEAR_BREAKS = st.lists(st.lists(TIME, min_size=1, max_size=3), min_size=1, max_size=2)
# A well-formed entry with some keys dropped or given another value, or anything at all.
ENTRY_LIKE = st.one_of(
    st.builds(
        lambda entry, dropped, changed: {
            **{key: value for key, value in entry.items() if key not in dropped},
            **changed,
        },
        WELL_FORMED,
        st.sets(KEYS, max_size=1),
        st.dictionaries(KEYS, st.one_of(VALUES, NEAR_BREAKS), max_size=2),
    ),
    VALUES,
)


def full_reader(data: object) -> Entry | None:
    """The entry the full reader makes of ``data``, ``None`` when it reports a problem."""
    errors: list[str] = []
    entry = _parse_entry(ValueReader(errors), data, "entries[0]")
    return None if errors else entry


# Cheap examples, and the near misses need many of them to turn up. Generating them is what the
# test does, so a busy machine must not fail it for being slow.
@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
@given(ENTRY_LIKE)
def test_the_fast_path_accepts_exactly_what_the_full_reader_accepts(data: object) -> None:
    assert _well_formed_entry(data) == full_reader(data)


def test_a_decoded_entry_reads_the_same_on_both_paths() -> None:
    text = (
        '{"kind": "internship", "date": "2026-02-02", "start": "22:00", "end": "06:00", '
        '"breaks": [["01:00", "01:30"]], "force_majeure": true}'
    )
    data = decode(text)
    entry = Entry(
        Kind.INTERNSHIP,
        dt.date(2026, 2, 2),
        dt.time(22),
        dt.time(6),
        ((dt.time(1), dt.time(1, 30)),),
        force_majeure=True,
    )
    assert _well_formed_entry(data) == full_reader(data) == entry


def test_the_tables_hold_every_clock_time_and_only_valid_dates() -> None:
    assert len(TIMES) == 24 * 60
    assert all(TIMES[f"{t.hour:02d}:{t.minute:02d}"] == t for t in TIMES.values())
    assert valid_date("2024-02-29") == dt.date(2024, 2, 29)
    assert valid_date("2025-02-29") is None
    assert valid_date(20260202) is None
