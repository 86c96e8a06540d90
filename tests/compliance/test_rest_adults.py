"""Rest for adults, seed section 5.2.2: the rest rules of regular workers in the Arbeidswet
of 16 March 1971 (art. 38ter, 38quater)."""

from compliance.engine import Rule, check
from tests.compliance.builders import dates_of, internship, schedule, school

ADULT = "2000-01-01"
TURNS_18_ON_4_FEB_2026 = "2008-02-04"


class TestAdultBreak:
    """5.2.2, Arbeidswet art. 38quater: more than 6 h of work needs a break of 15 minutes."""

    def test_5_2_2_exactly_6_hours_needs_no_break(self) -> None:
        entry = internship("2026-02-02", "08:00", "14:00")
        assert dates_of(Rule.BREAK_TOO_SHORT, entry, birth=ADULT) == []

    def test_5_2_2_6_h_1_min_without_break_is_too_long(self) -> None:
        result = check(schedule(internship("2026-02-02", "08:00", "14:01"), birth=ADULT))
        [violation] = [v for v in result.violations if v.rule is Rule.BREAK_TOO_SHORT]
        assert (violation.date.isoformat(), violation.source) == ("2026-02-02", "5.2.2")
        assert violation.message == (
            "6 u 1 min arbeid zonder een pauze van minstens 15 min aan één stuk (langste pauze: "
            "0 min); bij meer dan 6 u arbeid heeft een meerderjarige recht op een pauze van "
            "minstens een kwartier (Arbeidswet, art. 38quater)."
        )

    def test_5_2_2_a_break_of_15_minutes_is_enough_14_is_not(self) -> None:
        enough = internship("2026-02-02", "08:00", "16:00", ("12:00", "12:15"))
        short = internship("2026-02-02", "08:00", "16:00", ("12:00", "12:14"))
        assert dates_of(Rule.BREAK_TOO_SHORT, enough, birth=ADULT) == []
        assert dates_of(Rule.BREAK_TOO_SHORT, short, birth=ADULT) == ["2026-02-02"]

    def test_5_2_2_the_quarter_of_an_hour_is_one_break_not_a_sum(self) -> None:
        entry = internship("2026-02-02", "08:00", "16:00", ("10:00", "10:10"), ("12:00", "12:10"))
        assert dates_of(Rule.BREAK_TOO_SHORT, entry, birth=ADULT) == ["2026-02-02"]

    def test_5_2_2_the_adult_rule_starts_on_the_18th_birthday(self) -> None:
        entries = [
            internship("2026-02-03", "08:00", "15:00", ("12:00", "12:15")),
            internship("2026-02-04", "08:00", "15:00", ("12:00", "12:15")),
        ]
        # 6 h 45 with 15 minutes: too little for a minor (5.2.1), enough for an adult.
        assert dates_of(Rule.BREAK_TOO_SHORT, *entries, birth=TURNS_18_ON_4_FEB_2026) == [
            "2026-02-03"
        ]


class TestAdultDailyRest:
    """5.2.2, Arbeidswet art. 38ter: 11 consecutive hours between two working days."""

    def test_5_2_2_eleven_hours_is_enough(self) -> None:
        entries = [
            internship("2026-02-02", "12:00", "20:00", ("16:00", "16:30")),
            internship("2026-02-03", "07:00", "15:00", ("11:00", "11:30")),
        ]
        assert dates_of(Rule.DAILY_REST, *entries, birth=ADULT) == []

    def test_5_2_2_ten_hours_59_is_dated_the_later_day(self) -> None:
        entries = [
            internship("2026-02-02", "12:00", "20:00", ("16:00", "16:30")),
            school("2026-02-03", "06:59", "12:00"),
        ]
        result = check(schedule(*entries, birth=ADULT))
        [violation] = [v for v in result.violations if v.rule is Rule.DAILY_REST]
        assert (violation.date.isoformat(), violation.source) == ("2026-02-03", "5.2.2")
        assert violation.message == (
            "Tussen het einde van het werk van de vorige dag (20:00) en het begin op deze dag "
            "(06:59) ligt slechts 10 u 59 min rust; een meerderjarige heeft recht op minstens "
            "11 opeenvolgende uren rust (Arbeidswet, art. 38ter)."
        )

    def test_5_2_2_the_age_on_the_later_day_counts(self) -> None:
        entries = [
            internship("2026-02-03", "12:00", "20:00", ("16:00", "16:30")),
            internship("2026-02-04", "07:30", "12:00"),
        ]
        # 11 h 30 of rest: too little for a minor, enough from the 18th birthday on.
        assert dates_of(Rule.DAILY_REST, *entries, birth=TURNS_18_ON_4_FEB_2026) == []
        assert dates_of(Rule.DAILY_REST, *entries) == ["2026-02-04"]
