"""A concrete fix for every violation, derived from its rule and params (seed section 5)."""

import datetime as dt

import pytest

from compliance.engine import Rule, Severity, Violation, check
from compliance.engine.advice import (
    Advice,
    parse_clock,
    parse_duration,
    rule_code,
    rule_title,
    suggestion,
    suggestion_for,
)
from compliance.engine.advice_texts import GENERAL, TEXTS
from compliance.engine.rules.duration import OVERTIME_DAY, OVERTIME_WEEK
from tests.compliance.builders import internship, schedule

MINOR = dt.date(2009, 3, 15)
ADULT = dt.date(2000, 1, 1)
MONDAY = dt.date(2026, 2, 2)
SUNDAY = dt.date(2026, 2, 8)


def made(rule: Rule, day: dt.date = MONDAY, **params: str) -> Violation:
    return Violation(rule, day, rule.severity, rule.source, "", params)


def advice(rule: Rule, *, birth: dt.date = MINOR, **params: str) -> str:
    found = suggestion_for(made(rule, **params), birth_date=birth)
    assert found is not None
    return found.message


def advice_from_check(rule: Rule, *entries, birth: str = "2009-03-15", **exemptions) -> str:
    """The suggestion for the first violation of ``rule`` the engine finds."""
    result = check(schedule(*entries, birth=birth, **exemptions))
    violation = next(v for v in result.violations if v.rule is rule)
    found = suggestion_for(violation, birth_date=dt.date.fromisoformat(birth))
    assert found is not None
    return found.message


class TestWorkingTime:
    def test_5_1_a_day_over_8_h_is_shortened_by_the_excess(self) -> None:
        entry = internship("2026-02-02", "07:00", "17:00", ("12:00", "13:00"))
        assert advice_from_check(Rule.DAILY_MAX, entry).startswith("Kort de dag 1 u in")

    def test_5_1_a_week_over_38_h_lets_the_pupil_leave_earlier_one_day(self) -> None:
        days = [
            internship(f"2026-02-0{day}", "08:00", "17:00", ("12:00", "13:00"))
            for day in range(2, 7)
        ]
        message = advice_from_check(Rule.WEEKLY_MAX, *days)
        assert message.startswith("Laat de leerling één dag per week 2 u vroeger naar huis")
        assert "zoals 5.1 aanraadt" in message

    def test_5_1_a_week_far_over_38_h_plans_the_excess_away(self) -> None:
        assert advice(Rule.WEEKLY_MAX, worked="48 u").startswith(
            "Plan 10 u minder arbeid in deze week"
        )

    def test_5_1_the_year_over_1200_h_is_cut_by_the_excess(self) -> None:
        assert advice(Rule.YEARLY_MAX, total="1250 u 30 min").startswith(
            "Plan 50 u 30 min minder stage"
        )

    def test_5_1_overtime_of_one_day_is_notified_within_three_days(self) -> None:
        violation = Violation(
            Rule.OVERTIME_NOTICE,
            MONDAY,
            Severity.WARNING,
            "5.1",
            OVERTIME_DAY,
            {"worked": "9 u 30 min", "overtime": "1 u 30 min"},
        )
        found = suggestion_for(violation, birth_date=MINOR)
        assert found is not None
        assert "uiterlijk op 5/02/2026 schriftelijk melden aan de inspecteur" in found.message
        assert "1 u 30 min inhaalrust" in found.message

    def test_5_1_overtime_of_a_week_names_no_date_it_cannot_know(self) -> None:
        violation = Violation(
            Rule.OVERTIME_NOTICE,
            MONDAY,
            Severity.WARNING,
            "5.1",
            OVERTIME_WEEK,
            {"worked": "40 u", "overtime": "2 u"},
        )
        found = suggestion_for(violation, birth_date=MINOR)
        assert found is not None
        assert "binnen 3 dagen" in found.message
        assert "uiterlijk op" not in found.message

    def test_5_1_compensatory_rest_names_the_work_to_plan_away(self) -> None:
        message = advice(
            Rule.COMPENSATORY_REST, overtime="2 u", allowed="74 u", worked="76 u 30 min"
        )
        assert "de 2 u overwerk terug als inhaalrust" in message
        assert "2 u 30 min minder arbeid" in message


class TestRest:
    def test_5_2_1_a_short_lunch_on_a_long_day_is_lengthened_to_an_hour(self) -> None:
        entry = internship("2026-02-02", "08:30", "16:30", ("12:00", "12:30"))
        message = advice_from_check(Rule.BREAK_TOO_SHORT, entry)
        assert message.startswith("Verleng de middagpauze met 30 min, tot 1 u pauze in totaal")

    def test_5_2_1_a_short_day_needs_half_an_hour(self) -> None:
        entry = internship("2026-02-02", "08:00", "13:30", ("10:00", "10:15"))
        message = advice_from_check(Rule.BREAK_TOO_SHORT, entry)
        assert message.startswith("Verleng de pauze met 15 min, tot minstens 30 min")

    def test_5_2_1_an_hour_in_small_breaks_needs_one_half_hour_at_once(self) -> None:
        breaks = [("10:00", "10:20"), ("12:00", "12:20"), ("14:00", "14:20")]
        entry = internship("2026-02-02", "08:00", "16:00", *breaks)
        message = advice_from_check(Rule.BREAK_TOO_SHORT, entry)
        assert message.startswith("Maak één pauze minstens 30 min lang aan één stuk")
        assert "de langste 20 min" in message

    def test_5_2_2_an_adult_gets_a_quarter_of_an_hour(self) -> None:
        message = advice(Rule.BREAK_TOO_SHORT, birth=ADULT, worked="7 u", breaks="0 min")
        assert message.startswith("Plan een pauze van minstens 15 min (nu 0 min)")

    def test_5_2_1_work_without_a_break_gets_one_within_4_h_30(self) -> None:
        entry = internship("2026-02-02", "08:00", "13:00")
        message = advice_from_check(Rule.UNINTERRUPTED_WORK, entry)
        assert message.startswith("Las uiterlijk om 12:30 een pauze in")

    def test_5_2_1_ending_at_19_h_the_next_day_starts_at_7_h_at_the_earliest(self) -> None:
        # The seed's own example: work until 19:00, start again at 07:00 at the earliest.
        entries = [
            internship("2026-02-02", "11:00", "19:00", ("14:00", "15:00")),
            internship("2026-02-03", "06:00", "14:00", ("10:00", "11:00")),
        ]
        message = advice_from_check(Rule.DAILY_REST, *entries)
        assert message.startswith("Laat de leerling 1 u later beginnen (ten vroegste om 07:00)")
        assert "(uiterlijk om 18:00)" in message
        assert "12 u rust" in message

    def test_5_2_2_an_adult_needs_11_h_between_two_days(self) -> None:
        message = advice(Rule.DAILY_REST, birth=ADULT, end="22:00", start="07:00", rest="9 u")
        assert message.startswith("Laat de leerling 2 u later beginnen (ten vroegste om 09:00)")
        assert "11 u rust" in message

    def test_5_2_1_the_week_without_a_second_rest_day_frees_the_saturday(self) -> None:
        message = advice(Rule.WEEKLY_REST)
        assert message.startswith("Geef de leerling naast de zondag ook de zaterdag ervoor")

    def test_5_3_the_week_with_sunday_work_gets_36_h_of_rest(self) -> None:
        message = advice(Rule.WEEKLY_REST, longest="30 u")
        assert "minstens 36 opeenvolgende uren (nu hoogstens 30 u)" in message


class TestSundaysHolidaysNights:
    def test_5_3_sunday_work_of_a_minor_points_to_the_so_74_exemption(self) -> None:
        assert "bijlage bij omzendbrief SO 74" in advice(Rule.SUNDAY_WORK)

    def test_5_3_sunday_work_of_an_adult_points_to_the_rules_of_regular_workers(self) -> None:
        message = advice(Rule.SUNDAY_WORK, birth=ADULT)
        assert "gewone werknemers in deze sector op zondag" in message
        assert "SO 74" not in message

    def test_5_3_a_second_sunday_in_a_row_is_moved_or_permitted(self) -> None:
        assert "toelating van de inspecteur" in advice(Rule.SUNDAY_FREQUENCY)

    def test_5_3_a_holiday_is_named_in_the_advice(self) -> None:
        entry = internship("2026-04-06", "08:00", "12:00")  # Easter Monday
        message = advice_from_check(Rule.PUBLIC_HOLIDAY, entry)
        assert message.startswith("Verplaats de stage van Paasmaandag naar een andere dag")

    def test_5_4_night_work_of_a_minor_moves_the_day_between_6_and_20_h(self) -> None:
        entry = internship("2026-02-02", "14:00", "21:00", ("17:00", "18:00"))
        message = advice_from_check(Rule.NIGHT_WORK, entry)
        assert message.startswith("Laat de stage tussen 06:00 en 20:00 vallen (nu ")
        assert "SO 74" in message

    def test_5_4_a_minor_with_the_exemption_is_not_told_to_record_it_again(self) -> None:
        found = suggestion(
            "night_work",
            {"start": "20:00", "end": "21:00"},
            dates=(MONDAY,),
            birth_date=MINOR,
            exemptions=frozenset({"night_work"}),
        )
        assert found is not None
        assert "vanaf 16 jaar" in found.message
        assert "registreer" not in found.message

    def test_5_4_shift_work_keeps_22_to_6_or_23_to_7_free(self) -> None:
        message = advice(Rule.NIGHT_WORK, times="21:00–23:30, 06:00–07:00")
        assert message.startswith("Houd elke nacht 22:00–06:00 of 23:00–07:00 vrij")

    def test_5_4_an_adult_may_work_at_night_where_regular_workers_may(self) -> None:
        message = advice(Rule.NIGHT_WORK, birth=ADULT, start="20:00", end="22:00")
        assert "'s nachts mogen werken" in message


class TestSchoolYear:
    def test_4_an_internship_before_15_starts_on_the_15th_birthday(self) -> None:
        found = suggestion_for(made(Rule.MIN_AGE), birth_date=dt.date(2011, 5, 3))
        assert found is not None
        assert "(3/05/2026)" in found.message

    def test_4_outside_the_school_year_names_it(self) -> None:
        message = advice(Rule.OUTSIDE_SCHOOL_YEAR, school_year="2025-2026")
        assert message.startswith("Plan deze stage binnen het schooljaar 2025-2026")

    def test_4_the_summer_needs_four_free_weeks(self) -> None:
        message = advice(Rule.SUMMER_HOLIDAY, year="2026", longest="20")
        assert "31 augustus 2026 vier weken (28 dagen)" in message
        assert "20 dagen" in message

    def test_3_the_volume_names_the_missing_half_days(self) -> None:
        message = advice(Rule.MINIMUM_VOLUME, half_days="12", school_year="2025-2026")
        assert "tot minstens 18 halve dagen (tekort: 6;" in message


class TestNewRuleCodes:
    """Codes another part of the engine adds; their suggestions are looked up by string."""

    def test_5_3_rest_after_a_worked_sunday_falls_in_the_six_days_after_it(self) -> None:
        found = suggestion("sunday_compensatory_rest", {}, dates=(SUNDAY,), birth_date=MINOR)
        assert found is not None
        assert "(tussen 9/02/2026 en 14/02/2026)" in found.message

    def test_5_3_a_worked_holiday_gets_a_rest_day_within_six_weeks(self) -> None:
        easter_monday = dt.date(2026, 4, 6)
        found = suggestion("holiday_compensatory_rest", {}, dates=(easter_monday,))
        assert found is not None
        assert found.message.startswith("Geef de leerling uiterlijk op 18/05/2026")

    def test_4_1_1_a_day_short_of_four_lesson_hours_is_lengthened(self) -> None:
        found = suggestion("half_day_minimum", {"worked": "3 u"}, dates=(MONDAY,))
        assert found is not None
        assert found.message.startswith("Verleng deze stagedag met 20 min tot minstens 3 u 20 min")

    @pytest.mark.parametrize(
        "code", ["sunday_compensatory_rest", "holiday_compensatory_rest", "half_day_minimum"]
    )
    def test_several_dates_or_unknown_params_give_the_general_advice(self, code: str) -> None:
        found = suggestion(code, {}, dates=(SUNDAY, SUNDAY + dt.timedelta(days=7)))
        assert found == Advice(GENERAL[code])
        assert rule_title(code)


class TestLookup:
    @pytest.mark.parametrize("rule", list(Rule))
    def test_every_rule_has_a_title_and_a_suggestion(self, rule: Rule) -> None:
        assert rule_title(rule.value)
        assert suggestion_for(made(rule)) is not None

    @pytest.mark.parametrize("rule", list(Rule))
    def test_params_too_poor_for_a_number_give_the_rules_general_advice(self, rule: Rule) -> None:
        found = suggestion_for(made(rule, worked="onleesbaar"), birth_date=MINOR)
        assert found is not None
        assert found.message

    def test_an_unknown_code_has_no_suggestion(self) -> None:
        assert suggestion("no_such_rule", {}, dates=(MONDAY,)) is None
        assert rule_title("no_such_rule") is None

    def test_the_code_of_a_rule_member_or_a_plain_string(self) -> None:
        assert rule_code(Rule.DAILY_MAX) == "daily_max"
        assert rule_code("half_day_minimum") == "half_day_minimum"

    def test_every_text_is_a_dutch_sentence(self) -> None:
        for text in [*GENERAL.values(), *TEXTS.values()]:
            assert text[0].isupper() and text.endswith("."), text

    @pytest.mark.parametrize(
        ("text", "minutes"),
        [("8 u 30 min", 510), ("8 u", 480), ("45 min", 45), ("0 min", 0), ("8 h 5 min", 485)],
    )
    def test_durations_are_read_as_the_engine_writes_them(self, text: str, minutes: int) -> None:
        assert parse_duration(text) == minutes

    @pytest.mark.parametrize("text", [None, "", "acht uur", "8 uur", "8 u 30"])
    def test_unreadable_durations_are_none(self, text: str | None) -> None:
        assert parse_duration(text) is None

    def test_clock_times(self) -> None:
        assert parse_clock("07:30") == 450
        assert parse_clock("7u30") is None
        assert parse_clock(None) is None
