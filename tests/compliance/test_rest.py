"""Rest for minors, seed section 5.2.1 (and 5.3 after Sunday work); adults: test_rest_adults."""

from compliance.engine import Rule, check
from tests.compliance.builders import dates_of, found, internship, schedule, school, week_of_school

ADULT = "2000-01-01"
TURNS_18_ON_4_FEB_2026 = "2008-02-04"


class TestUninterruptedWork:
    def test_5_2_1_exactly_4_h_30_without_break_is_allowed(self) -> None:
        assert dates_of(Rule.UNINTERRUPTED_WORK, internship("2026-02-02", "08:00", "12:30")) == []

    def test_5_2_1_4_h_31_without_break_is_too_long(self) -> None:
        result = check(schedule(internship("2026-02-02", "08:00", "12:31")))
        [violation] = [v for v in result.violations if v.rule is Rule.UNINTERRUPTED_WORK]
        assert violation.date.isoformat() == "2026-02-02"
        assert violation.source == "5.2.1"
        assert violation.message == (
            "4 u 31 min arbeid zonder pauze (08:00–12:31); een minderjarige mag hoogstens "
            "4 u 30 min ononderbroken werken."
        )

    def test_5_2_1_lessons_right_before_the_internship_are_part_of_the_stretch(self) -> None:
        entries = [
            school("2026-02-02", "08:00", "10:00"),
            internship("2026-02-02", "10:00", "12:31"),
        ]
        assert dates_of(Rule.UNINTERRUPTED_WORK, *entries) == ["2026-02-02"]

    def test_5_2_1_a_break_inside_the_entry_interrupts_the_work(self) -> None:
        entry = internship("2026-02-02", "08:00", "16:00", ("12:00", "12:01"))
        assert dates_of(Rule.UNINTERRUPTED_WORK, entry) == []

    def test_5_2_1_a_stretch_split_at_midnight_is_one_shift_on_the_day_it_starts(self) -> None:
        entries = [
            internship("2026-02-06", "22:00", "00:00"),
            internship("2026-02-07", "00:00", "02:31"),
        ]
        assert dates_of(Rule.UNINTERRUPTED_WORK, *entries, night_work=True) == ["2026-02-06"]

    def test_5_2_1_one_entry_across_midnight_is_reported_on_its_date(self) -> None:
        entry = internship("2026-02-06", "21:00", "01:31")
        assert dates_of(Rule.UNINTERRUPTED_WORK, entry, night_work=True) == ["2026-02-06"]

    def test_5_2_1_the_rule_stops_on_the_18th_birthday(self) -> None:
        entries = [
            internship("2026-02-03", "08:00", "12:31"),
            internship("2026-02-04", "08:00", "12:31"),
        ]
        assert dates_of(Rule.UNINTERRUPTED_WORK, *entries, birth=TURNS_18_ON_4_FEB_2026) == [
            "2026-02-03"
        ]

    def test_5_2_1_adults_and_school_days_are_not_checked(self) -> None:
        assert (
            dates_of(
                Rule.UNINTERRUPTED_WORK, internship("2026-02-02", "08:00", "14:00"), birth=ADULT
            )
            == []
        )
        assert dates_of(Rule.UNINTERRUPTED_WORK, school("2026-02-02", "08:00", "14:00")) == []


class TestBreakTooShort:
    def test_5_2_1_4_h_30_of_work_needs_no_break(self) -> None:
        assert dates_of(Rule.BREAK_TOO_SHORT, internship("2026-02-02", "08:00", "12:30")) == []

    def test_5_2_1_more_than_4_h_30_needs_30_minutes(self) -> None:
        short = internship("2026-02-02", "08:00", "13:00", ("10:00", "10:29"))  # 4 h 31
        enough = internship("2026-02-02", "08:00", "13:01", ("10:00", "10:30"))  # 4 h 31
        assert dates_of(Rule.BREAK_TOO_SHORT, short) == ["2026-02-02"]
        assert dates_of(Rule.BREAK_TOO_SHORT, enough) == []

    def test_5_2_1_exactly_6_hours_needs_only_30_minutes(self) -> None:
        entry = internship("2026-02-02", "08:00", "14:30", ("11:00", "11:30"))
        assert dates_of(Rule.BREAK_TOO_SHORT, entry) == []

    def test_5_2_1_more_than_6_hours_needs_an_hour(self) -> None:
        entry = internship("2026-02-02", "08:00", "14:31", ("11:00", "11:30"))  # 6 h 01
        result = check(schedule(entry))
        [violation] = [v for v in result.violations if v.rule is Rule.BREAK_TOO_SHORT]
        assert violation.message == (
            "6 u 1 min arbeid met 30 min pauze; bij meer dan 6 u arbeid heeft een minderjarige "
            "recht op minstens 1 u pauze."
        )

    def test_5_2_1_the_hour_needs_one_break_of_half_an_hour_at_once(self) -> None:
        quarters = internship(
            "2026-02-02",
            "08:00",
            "15:01",
            ("09:30", "09:45"),
            ("11:00", "11:15"),
            ("12:30", "12:45"),
            ("13:30", "13:45"),
        )
        result = check(schedule(quarters))
        [violation] = [v for v in result.violations if v.rule is Rule.BREAK_TOO_SHORT]
        assert "langste pauze: 15 min" in violation.message

    def test_5_2_1_half_an_hour_lunch_and_two_quarters_is_the_seed_example(self) -> None:
        entry = internship(
            "2026-02-02",
            "08:00",
            "17:00",
            ("10:00", "10:15"),
            ("12:00", "12:30"),
            ("15:00", "15:15"),
        )
        assert dates_of(Rule.BREAK_TOO_SHORT, entry) == []

    def test_5_2_1_the_time_between_school_and_internship_is_a_break(self) -> None:
        entries = [
            school("2026-02-02", "08:00", "12:00"),
            internship("2026-02-02", "13:00", "17:00"),
        ]
        assert dates_of(Rule.BREAK_TOO_SHORT, *entries) == []

    def test_5_2_1_school_days_are_not_checked(self) -> None:
        assert dates_of(Rule.BREAK_TOO_SHORT, school("2026-02-02", "08:00", "16:00")) == []

    def test_5_2_1_a_break_at_midnight_between_two_entries_of_one_shift_counts(self) -> None:
        entries = [
            internship("2026-02-06", "20:00", "23:50"),
            internship("2026-02-07", "00:20", "02:00"),
        ]
        # 20:00–02:00 is one shift only if the second part continues without a pause; with a
        # pause it is a day of its own, which breaks the daily rest instead.
        assert dates_of(Rule.BREAK_TOO_SHORT, *entries, night_work=True) == []
        assert dates_of(Rule.DAILY_REST, *entries, night_work=True) == ["2026-02-07"]


class TestDailyRest:
    def test_5_2_1_twelve_hours_between_days_is_enough(self) -> None:
        """The seed's example: work ending at 19:00 may start again at 07:00."""
        entries = [
            internship("2026-02-02", "10:00", "19:00", ("12:00", "13:00")),
            internship("2026-02-03", "07:00", "15:00", ("11:00", "12:00")),
        ]
        assert dates_of(Rule.DAILY_REST, *entries) == []

    def test_5_2_1_less_than_twelve_hours_is_dated_the_later_day(self) -> None:
        entries = [
            internship("2026-02-02", "10:00", "19:00", ("12:00", "13:00")),
            internship("2026-02-03", "06:59", "15:00", ("11:00", "12:00")),
        ]
        result = check(schedule(*entries))
        assert found(result, Rule.DAILY_REST) == [("daily_rest", "2026-02-03")]
        [violation] = [v for v in result.violations if v.rule is Rule.DAILY_REST]
        assert "(19:00)" in violation.message and "(06:59)" in violation.message
        assert "11 u 59 min rust" in violation.message

    def test_5_2_1_also_between_an_internship_day_and_a_school_day(self) -> None:
        after_internship = [
            internship("2026-02-02", "12:00", "20:00", ("16:00", "17:00")),
            school("2026-02-03", "07:59", "12:00"),
        ]
        before_internship = [
            school("2026-02-02", "17:00", "21:00"),
            internship("2026-02-03", "08:59", "12:00"),
        ]
        assert dates_of(Rule.DAILY_REST, *after_internship) == ["2026-02-03"]
        assert dates_of(Rule.DAILY_REST, *before_internship) == ["2026-02-03"]

    def test_5_2_1_two_school_days_are_not_checked(self) -> None:
        entries = [school("2026-02-02", "12:00", "21:00"), school("2026-02-03", "07:00", "12:00")]
        assert dates_of(Rule.DAILY_REST, *entries) == []

    def test_5_2_1_an_entry_across_midnight_shortens_the_rest(self) -> None:
        entries = [
            internship("2026-02-02", "17:00", "01:00", ("20:00", "20:30"), ("23:00", "23:30")),
            school("2026-02-03", "08:25", "15:45", ("10:05", "10:20"), ("12:00", "12:50")),
        ]
        assert dates_of(Rule.DAILY_REST, *entries, night_work=True) == ["2026-02-03"]

    def test_5_2_1_a_shift_split_at_midnight_is_one_day_without_rest_inside(self) -> None:
        entries = [
            internship("2026-02-06", "18:00", "00:00", ("21:00", "22:00")),
            internship("2026-02-07", "00:00", "02:00"),
        ]
        assert dates_of(Rule.DAILY_REST, *entries, night_work=True) == []
        assert dates_of(Rule.DAILY_MAX, *entries, night_work=True) == []

    def test_5_2_1_the_rest_after_a_night_shift_counts_from_its_end(self) -> None:
        """Saturday's morning hours continue Friday's night; Saturday's own shift in the
        afternoon must keep 12 h after them."""
        night = [
            internship("2026-02-06", "22:00", "00:00"),
            internship("2026-02-07", "00:00", "04:00"),
        ]
        too_soon = internship("2026-02-07", "15:59", "18:00")
        in_time = internship("2026-02-07", "16:00", "18:00")
        rules = {"night_work": True}
        assert dates_of(Rule.DAILY_REST, *night, too_soon, **rules) == ["2026-02-07"]
        assert dates_of(Rule.DAILY_REST, *night, in_time, **rules) == []


class TestWeeklyRest:
    def test_5_2_1_saturday_internship_with_school_on_monday_breaks_the_rule(self) -> None:
        entries = [
            *week_of_school("2026-02-02"),
            internship("2026-02-07", "09:00", "13:00"),
            *week_of_school("2026-02-09"),
        ]
        result = check(schedule(*entries))
        assert found(result, Rule.WEEKLY_REST) == [("weekly_rest", "2026-02-08")]
        [violation] = [v for v in result.violations if v.rule is Rule.WEEKLY_REST]
        assert violation.source == "5.2.1"

    def test_5_2_1_saturday_internship_with_a_free_monday_is_allowed(self) -> None:
        entries = [
            *week_of_school("2026-02-02"),
            internship("2026-02-07", "09:00", "13:00"),
            *week_of_school("2026-02-09", skip=(0,)),
        ]
        assert dates_of(Rule.WEEKLY_REST, *entries) == []

    def test_5_2_1_a_night_entry_from_sunday_into_monday_takes_the_monday(self) -> None:
        entries = [
            internship("2026-02-07", "09:00", "13:00"),
            internship("2026-02-08", "23:00", "00:30"),
        ]
        result = dates_of(Rule.WEEKLY_REST, *entries, sunday_work=True, night_work=True)
        # Sunday is worked (by the clock), so the 36-hour rule of 5.3 applies instead.
        assert result == []

    def test_5_2_1_the_age_on_the_sunday_counts(self) -> None:
        entries = [
            internship("2026-02-07", "09:00", "13:00"),
            school("2026-02-09", "08:00", "12:00"),
        ]
        assert dates_of(Rule.WEEKLY_REST, *entries, birth="2008-02-09") == ["2026-02-08"]
        assert dates_of(Rule.WEEKLY_REST, *entries, birth="2008-02-08") == []

    def test_5_2_1_a_week_without_internship_is_not_checked(self) -> None:
        entries = [school("2026-02-07", "09:00", "13:00"), school("2026-02-09", "08:00", "12:00")]
        assert dates_of(Rule.WEEKLY_REST, *entries) == []

    def test_5_3_sunday_work_with_36_hours_of_rest_in_the_week_is_allowed(self) -> None:
        # School ends Friday 15:45, Sunday starts 08:00: 40 h 15 of rest.
        entries = [*week_of_school("2026-02-02"), internship("2026-02-08", "08:00", "12:00")]
        assert dates_of(Rule.WEEKLY_REST, *entries, sunday_work=True) == []

    def test_5_3_sunday_work_without_36_hours_of_rest_in_the_six_days_after(self) -> None:
        entries = [
            internship("2026-02-08", "08:00", "12:00"),
            *week_of_school("2026-02-09"),
            internship("2026-02-14", "08:00", "12:00"),
        ]
        result = check(schedule(*entries, sunday_work=True))
        [violation] = [v for v in result.violations if v.rule is Rule.WEEKLY_REST]
        assert (violation.date.isoformat(), violation.source) == ("2026-02-08", "5.3")
        assert violation.message == (
            "Er wordt op zondag gewerkt, maar geen van de zes dagen erna (maandag tot en met "
            "zaterdag) is volledig vrij van stage en lessen; de inhaalrust is een vrije dag met "
            "een rust van minstens 36 opeenvolgende uren."
        )

    def test_5_3_the_36_hours_must_lie_around_a_free_day(self) -> None:
        """Thursday 00:01 to Friday 12:01 is 36 h of rest, but no whole day is free in it."""
        entries = [
            internship("2026-02-08", "08:00", "12:00"),
            *week_of_school("2026-02-09", skip=(3, 4)),
            school("2026-02-11", "23:00", "00:01"),
            school("2026-02-13", "12:01", "16:00"),
            internship("2026-02-14", "12:00", "16:00"),
        ]
        assert dates_of(Rule.WEEKLY_REST, *entries, sunday_work=True) == ["2026-02-08"]

    def test_5_3_rest_in_the_week_before_the_sunday_does_not_compensate(self) -> None:
        """The whole week before is free, but the rest after Sunday work must follow it."""
        entries = [
            internship("2026-02-08", "08:00", "12:00"),
            *week_of_school("2026-02-09"),
            internship("2026-02-14", "08:00", "12:00"),
        ]
        assert dates_of(Rule.WEEKLY_REST, *entries, sunday_work=True) == ["2026-02-08"]
        busy_week_before = [
            *week_of_school("2026-02-02"),
            internship("2026-02-08", "08:00", "12:00"),
        ]
        assert dates_of(Rule.WEEKLY_REST, *busy_week_before, sunday_work=True) == []

    def test_5_3_a_free_saturday_may_rest_into_the_next_sunday(self) -> None:
        """Friday 20:00 to the next Sunday 08:00 is 36 h around the free Saturday."""
        sunday = internship("2026-02-08", "08:00", "12:00")
        lessons = week_of_school("2026-02-09", skip=(4,))
        friday = internship("2026-02-13", "12:00", "20:00", ("16:00", "17:00"))
        next_sunday = [internship("2026-02-15", "08:00", "12:00")]
        earlier = [internship("2026-02-15", "07:59", "12:00")]
        rules = {"sunday_work": True}
        assert dates_of(Rule.WEEKLY_REST, sunday, *lessons, friday, *next_sunday, **rules) == []
        assert dates_of(Rule.WEEKLY_REST, sunday, *lessons, friday, *earlier, **rules) == [
            "2026-02-08"
        ]

    def test_5_3_a_free_monday_may_rest_from_the_end_of_the_sunday_work(self) -> None:
        """Sunday until 20:00, Monday free, Tuesday from 08:00: 36 h around the Monday."""
        sunday = internship("2026-02-08", "12:00", "20:00", ("16:00", "17:00"))
        in_time = week_of_school("2026-02-09", skip=(0,))
        tuesday_earlier = [
            school("2026-02-10", "07:59", "08:25"),
            *week_of_school("2026-02-09", skip=(0,)),
        ]
        saturday = internship("2026-02-14", "08:00", "12:00")
        rules = {"sunday_work": True}
        assert dates_of(Rule.WEEKLY_REST, sunday, *in_time, saturday, **rules) == []
        assert dates_of(Rule.WEEKLY_REST, sunday, *tuesday_earlier, saturday, **rules) == [
            "2026-02-08"
        ]

    def test_5_3_exactly_36_hours_is_enough(self) -> None:
        entries = [
            internship("2026-02-08", "09:00", "13:00"),
            internship("2026-02-09", "08:00", "20:00", ("12:00", "13:00")),
            internship("2026-02-10", "20:00", "21:00"),
            internship("2026-02-12", "09:00", "21:00", ("12:00", "13:00")),
            internship("2026-02-13", "09:00", "12:00"),
            internship("2026-02-14", "09:00", "21:00", ("12:00", "13:00")),
        ]
        # Longest rest: Tuesday 21:00 to Thursday 09:00, exactly 36 h.
        assert dates_of(Rule.WEEKLY_REST, *entries, sunday_work=True, night_work=True) == []
        shorter = [*entries, internship("2026-02-12", "08:59", "09:00")]
        assert dates_of(Rule.WEEKLY_REST, *shorter, sunday_work=True, night_work=True) == [
            "2026-02-08"
        ]

    def test_5_2_1_adults_are_not_checked(self) -> None:
        entries = [
            internship("2026-02-07", "09:00", "13:00"),
            school("2026-02-09", "08:00", "12:00"),
        ]
        assert dates_of(Rule.WEEKLY_REST, *entries, birth=ADULT) == []


class TestRulesThatLessWorkCanBreak:
    """The two rules for which removing an entry can add an error (see test_properties)."""

    def test_5_2_1_the_gap_before_the_first_entry_of_a_day_was_a_break(self) -> None:
        lessons = school("2026-02-02", "08:00", "09:00")
        placement = internship("2026-02-02", "09:30", "14:30", ("12:00", "12:15"))
        # 5 h 45 of work with 45 minutes of breaks; without the lesson 4 h 45 with 15 minutes.
        assert dates_of(Rule.BREAK_TOO_SHORT, lessons, placement) == []
        assert dates_of(Rule.BREAK_TOO_SHORT, placement) == ["2026-02-02"]

    def test_5_3_without_sunday_work_saturday_or_monday_must_be_free_again(self) -> None:
        monday = internship("2026-02-02", "08:00", "12:00")
        saturday = internship("2026-02-07", "08:00", "12:00")
        sunday = internship("2026-02-08", "08:00", "12:00")
        next_monday = school("2026-02-09", "08:00", "12:00")
        # With Sunday work only 36 hours of rest in the six days after it are needed.
        assert (
            dates_of(Rule.WEEKLY_REST, monday, saturday, sunday, next_monday, sunday_work=True)
            == []
        )
        assert dates_of(Rule.WEEKLY_REST, monday, saturday, next_monday, sunday_work=True) == [
            "2026-02-08"
        ]
