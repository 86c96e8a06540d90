"""Entries expanded into work segments; what makes a schedule impossible to check."""

import datetime as dt

import pytest

from compliance.engine import Entry, Kind, ScheduleInputError, check
from compliance.engine.timeline import build_timeline, entry_errors
from tests.compliance.builders import internship, schedule, school

DAY = 1440


def at(date: str, clock: str) -> int:
    """An absolute minute, as the timeline counts them."""
    hours, minutes = map(int, clock.split(":"))
    return dt.date.fromisoformat(date).toordinal() * DAY + hours * 60 + minutes


class TestSegments:
    def test_breaks_are_left_out(self) -> None:
        timeline = build_timeline([internship("2026-02-02", "08:00", "16:30", ("12:00", "12:30"))])
        assert [(s.start, s.end) for s in timeline.segments] == [
            (at("2026-02-02", "08:00"), at("2026-02-02", "12:00")),
            (at("2026-02-02", "12:30"), at("2026-02-02", "16:30")),
        ]
        assert timeline.days[0].work == 8 * 60

    def test_an_entry_ending_before_it_starts_ends_the_next_day(self) -> None:
        timeline = build_timeline([internship("2026-02-06", "22:00", "06:00")])
        [segment] = timeline.segments
        assert (segment.start, segment.end) == (
            at("2026-02-06", "22:00"),
            at("2026-02-07", "06:00"),
        )
        assert segment.day == dt.date(2026, 2, 6).toordinal()

    def test_breaks_after_midnight_belong_to_the_night(self) -> None:
        entry = internship("2026-02-06", "22:00", "06:00", ("23:50", "00:10"), ("03:00", "03:30"))
        timeline = build_timeline([entry])
        assert [(s.start, s.end) for s in timeline.segments] == [
            (at("2026-02-06", "22:00"), at("2026-02-06", "23:50")),
            (at("2026-02-07", "00:10"), at("2026-02-07", "03:00")),
            (at("2026-02-07", "03:30"), at("2026-02-07", "06:00")),
        ]
        assert timeline.days[0].work == 8 * 60 - 50

    def test_days_group_by_entry_date_and_separate_internship_from_school(self) -> None:
        timeline = build_timeline(
            [
                school("2026-02-02", "13:00", "15:00"),
                internship("2026-02-02", "08:00", "12:00", force_majeure=True),
            ]
        )
        [day] = timeline.days
        assert (day.work, day.internship, day.regular_work) == (360, 240, 120)
        assert [s.internship for s in day.segments] == [True, False]
        assert (timeline.internship_minutes, timeline.school_minutes) == (240, 120)

    def test_busy_and_overlapping_treat_ends_as_exclusive(self) -> None:
        timeline = build_timeline([internship("2026-02-02", "08:00", "12:00")])
        assert not timeline.is_busy(at("2026-02-02", "12:00"), at("2026-02-02", "13:00"))
        assert not timeline.is_busy(at("2026-02-02", "07:00"), at("2026-02-02", "08:00"))
        assert timeline.is_busy(at("2026-02-02", "11:59"), at("2026-02-02", "13:00"))
        assert len(timeline.overlapping(at("2026-02-02", "07:00"), at("2026-02-02", "08:01"))) == 1


class TestShiftsAcrossMidnight:
    """Work that continues across midnight is one shift and counts for the day it starts."""

    def test_5_1_two_contiguous_entries_are_one_day_and_one_segment(self) -> None:
        split = build_timeline(
            [internship("2026-02-06", "22:00", "00:00"), internship("2026-02-07", "00:00", "06:00")]
        )
        whole = build_timeline([internship("2026-02-06", "22:00", "06:00")])
        assert split.segments == whole.segments
        [day] = split.days
        assert (day.ordinal, day.work) == (dt.date(2026, 2, 6).toordinal(), 8 * 60)
        assert list(split.day_by_ordinal) == [day.ordinal]

    def test_5_1_a_chain_of_contiguous_entries_stays_on_the_first_day(self) -> None:
        timeline = build_timeline(
            [
                internship("2026-02-06", "22:00", "00:00"),
                internship("2026-02-07", "00:00", "03:00"),
                school("2026-02-07", "03:00", "04:00"),
            ]
        )
        [day] = timeline.days
        assert (day.work, day.internship) == (6 * 60, 5 * 60)
        assert {segment.day for segment in timeline.segments} == {day.ordinal}

    def test_5_1_a_break_at_the_end_of_the_first_entry_still_joins(self) -> None:
        timeline = build_timeline(
            [
                internship("2026-02-06", "22:00", "00:00", ("23:30", "00:00")),
                internship("2026-02-07", "00:00", "02:00"),
            ]
        )
        assert len(timeline.days) == 1
        assert timeline.days[0].work == 3 * 60 + 30

    def test_5_1_a_pause_between_the_entries_starts_a_new_day(self) -> None:
        timeline = build_timeline(
            [internship("2026-02-06", "22:00", "00:00"), internship("2026-02-07", "00:01", "06:00")]
        )
        assert [day.ordinal for day in timeline.days] == [
            dt.date(2026, 2, 6).toordinal(),
            dt.date(2026, 2, 7).toordinal(),
        ]

    def test_5_1_the_continuation_shares_the_date_with_a_later_shift(self) -> None:
        timeline = build_timeline(
            [
                internship("2026-02-06", "22:00", "00:00"),
                internship("2026-02-07", "00:00", "02:00"),
                internship("2026-02-07", "14:00", "18:00"),
            ]
        )
        assert [(day.ordinal, day.work) for day in timeline.days] == [
            (dt.date(2026, 2, 6).toordinal(), 4 * 60),
            (dt.date(2026, 2, 7).toordinal(), 4 * 60),
        ]

    def test_5_1_splitting_at_00_00_does_not_escape_the_8_hour_limit(self) -> None:
        entries = [
            internship("2026-02-06", "18:00", "00:00", ("21:00", "22:00")),
            internship("2026-02-07", "00:00", "03:01"),
        ]
        result = check(schedule(*entries, birth="2000-01-01", night_work=True))
        assert [(v.rule.value, v.date.isoformat()) for v in result.violations] == [
            ("daily_max", "2026-02-06")
        ]

    def test_contiguous_entries_of_different_kinds_keep_their_segments(self) -> None:
        timeline = build_timeline(
            [entry("08:00", "12:00"), entry("12:00", "13:00", kind=Kind.SCHOOL)]
        )
        assert [s.internship for s in timeline.segments] == [True, False]


def entry(start: str, end: str, *breaks: tuple[str, str], kind: Kind = Kind.INTERNSHIP) -> Entry:
    maker = internship if kind is Kind.INTERNSHIP else school
    return maker("2026-02-02", start, end, *breaks)


class TestInvalidEntries:
    @pytest.mark.parametrize(
        ("entries", "message"),
        [
            (
                [entry("08:00", "08:00")],
                "entries[0]: begin en einde vallen samen (08:00); een periode duurt minstens "
                "1 minuut",
            ),
            (
                [entry("08:00", "16:30", ("07:00", "07:30"))],
                "entries[0].breaks[0]: pauze 07:00–07:30 valt niet binnen 08:00–16:30",
            ),
            (
                [entry("08:00", "16:30", ("12:30", "12:00"))],
                "entries[0].breaks[0]: pauze 12:30–12:00 valt niet binnen 08:00–16:30",
            ),
            (
                [entry("08:00", "16:30", ("12:00", "12:00"))],
                "entries[0].breaks[0]: pauze 12:00–12:00 duurt 0 minuten",
            ),
            (
                [entry("08:00", "16:30", ("12:00", "12:30"), ("12:15", "12:45"))],
                "entries[0].breaks[1]: pauze 12:15–12:45 overlapt met breaks[0] (12:00–12:30)",
            ),
            (
                [entry("08:00", "16:00", ("08:00", "12:00"), ("12:00", "16:00"))],
                "entries[0].breaks: de pauzes beslaan de hele periode; er blijft geen werk over",
            ),
            (
                [entry("08:00", "12:00"), entry("13:00", "17:00"), entry("11:00", "12:30")],
                "entries[2]: overlapt met entries[0] (2026-02-02 08:00–12:00)",
            ),
            (
                [internship("2026-02-01", "22:00", "06:00"), entry("05:00", "07:00")],
                "entries[1]: overlapt met entries[0] (2026-02-01 22:00–06:00)",
            ),
            (
                [Entry(Kind.SCHOOL, dt.date(2026, 2, 2), dt.time(8), dt.time(9), (), True)],
                "entries[0].force_majeure: overmacht kan alleen bij stage, niet bij les",
            ),
            (
                [Entry(Kind.SCHOOL, dt.date(2026, 2, 2), dt.time(8, 0, 30), dt.time(9))],
                "entries[0].start: tijdstippen gaan tot op de minuut, niet de seconde",
            ),
            (
                [internship("1949-02-02", "08:00", "09:00")],
                "entries[0].date: 1949-02-02 valt buiten de ondersteunde jaren 1950–2100",
            ),
        ],
    )
    def test_the_message_names_the_entry(self, entries: list[Entry], message: str) -> None:
        assert entry_errors(entries) == [message]
        with pytest.raises(ScheduleInputError) as raised:
            check(schedule(*entries))
        assert raised.value.errors == [message]

    def test_touching_entries_are_fine(self) -> None:
        assert (
            entry_errors([entry("08:00", "12:00"), entry("12:00", "16:00", kind=Kind.SCHOOL)]) == []
        )

    def test_the_school_year_and_birth_date_must_be_supported(self) -> None:
        with pytest.raises(ScheduleInputError) as raised:
            check(schedule(birth="1899-12-31", year=2100))
        assert raised.value.errors == [
            "school_year: 2100-2101 valt buiten de ondersteunde jaren 1950–2100",
            "student.birth_date: 1899-12-31 valt buiten de jaren 1900–2100",
        ]
