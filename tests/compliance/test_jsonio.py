"""The JSON format of issue 3: parsing schedules, writing results."""

import copy
import datetime as dt
import json
from typing import Any

import pytest

from compliance.engine import (
    Entry,
    Exemptions,
    Kind,
    Schedule,
    ScheduleInputError,
    Student,
    check,
    parse_schedule,
    result_to_dict,
)
from compliance.engine.jsonio import decode

ISSUE_EXAMPLE = {
    "student": {"birth_date": "2008-05-01"},
    "school_year": "2025-2026",
    "exemptions": {
        "sunday_work": False,
        "holiday_work": False,
        "night_work": False,
        "shift_work": False,
        "inspector_sunday_permission": False,
    },
    "requires_minimum_volume": False,
    "entries": [
        {
            "kind": "internship",
            "date": "2026-02-02",
            "start": "08:00",
            "end": "16:30",
            "breaks": [["12:00", "12:30"]],
            "force_majeure": False,
        },
        {
            "kind": "school",
            "date": "2026-02-03",
            "start": "08:25",
            "end": "15:45",
            "breaks": [["10:05", "10:20"], ["12:00", "12:50"]],
        },
    ],
}

MINIMAL = {
    "student": {"birth_date": "2009-03-15"},
    "entries": [{"kind": "internship", "date": "2025-09-01", "start": "08:00", "end": "12:00"}],
}


def errors_for(data: object) -> list[str]:
    with pytest.raises(ScheduleInputError) as raised:
        parse_schedule(data)
    return raised.value.errors


def changed(**entry_changes: object) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data["entries"][0].update(entry_changes)
    return data


class TestParse:
    def test_the_issue_example(self) -> None:
        schedule = parse_schedule(ISSUE_EXAMPLE)
        assert schedule == Schedule(
            student=Student(dt.date(2008, 5, 1)),
            school_year_start=2025,
            exemptions=Exemptions(),
            requires_minimum_volume=False,
            entries=(
                Entry(
                    Kind.INTERNSHIP,
                    dt.date(2026, 2, 2),
                    dt.time(8),
                    dt.time(16, 30),
                    ((dt.time(12), dt.time(12, 30)),),
                ),
                Entry(
                    Kind.SCHOOL,
                    dt.date(2026, 2, 3),
                    dt.time(8, 25),
                    dt.time(15, 45),
                    ((dt.time(10, 5), dt.time(10, 20)), (dt.time(12), dt.time(12, 50))),
                ),
            ),
        )

    def test_optional_keys_default_to_no_exemptions_no_breaks_no_force_majeure(self) -> None:
        schedule = parse_schedule(MINIMAL)
        assert schedule.exemptions == Exemptions()
        assert schedule.requires_minimum_volume is False
        assert schedule.entries[0].breaks == ()
        assert schedule.entries[0].force_majeure is False

    def test_the_school_year_defaults_to_the_one_of_the_earliest_entry(self) -> None:
        data = copy.deepcopy(MINIMAL)
        data["entries"].insert(
            0, {"kind": "school", "date": "2025-09-02", "start": "08:00", "end": "12:00"}
        )
        data["entries"].append(
            {"kind": "school", "date": "2025-08-29", "start": "08:00", "end": "12:00"}
        )
        assert parse_schedule(data).school_year_start == 2024

    def test_exemptions_may_be_given_in_part(self) -> None:
        data = {**MINIMAL, "exemptions": {"night_work": True}}
        assert parse_schedule(data).exemptions == Exemptions(night_work=True)


class TestInvalidInput:
    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (changed(start="25:00"), 'entries[0].start: ongeldig tijdstip "25:00", verwacht UU:MM'),
            (changed(end="8:00"), 'entries[0].end: ongeldig tijdstip "8:00", verwacht UU:MM'),
            (
                changed(date="2026-02-30"),
                'entries[0].date: ongeldige datum "2026-02-30", verwacht JJJJ-MM-DD',
            ),
            (
                changed(date="20260202"),
                'entries[0].date: ongeldige datum "20260202", verwacht JJJJ-MM-DD',
            ),
            (
                changed(kind="stage"),
                'entries[0].kind: onbekende soort "stage", verwacht "internship" of "school"',
            ),
            (
                changed(force_majeure="ja"),
                'entries[0].force_majeure: verwacht true of false, kreeg de tekst "ja"',
            ),
            (
                changed(force_majeure=1),
                "entries[0].force_majeure: verwacht true of false, kreeg een getal",
            ),
            (changed(start=800), "entries[0].start: verwacht een tekst UU:MM, kreeg een getal"),
            (
                changed(colour="red"),
                "entries[0].colour: onbekende sleutel; toegestaan zijn kind, date, start, end, "
                "breaks, force_majeure",
            ),
            (
                changed(breaks=[["12:00"]]),
                'entries[0].breaks[0]: verwacht een paar tijdstippen ["UU:MM", "UU:MM"], '
                "kreeg een lijst",
            ),
            (
                changed(breaks="12:00-12:30"),
                'entries[0].breaks: verwacht een lijst, kreeg de tekst "12:00-12:30"',
            ),
            (
                changed(breaks=[["07:00", "07:30"]]),
                "entries[0].breaks[0]: pauze 07:00–07:30 valt niet binnen 08:00–12:00",
            ),
            (
                {**MINIMAL, "school_year": "2025-2027"},
                'school_year: ongeldig schooljaar "2025-2027", verwacht bv. "2025-2026"',
            ),
            (
                {**MINIMAL, "school_year": 2025},
                'school_year: verwacht een tekst bv. "2025-2026", kreeg een getal',
            ),
            ({**MINIMAL, "student": {}}, "student.birth_date: ontbreekt"),
            ({**MINIMAL, "student": None}, "student: verwacht een object, kreeg null"),
            (
                {**MINIMAL, "exemptions": {"night": True}},
                "exemptions.night: onbekende sleutel; toegestaan zijn sunday_work, holiday_work, "
                "night_work, shift_work, inspector_sunday_permission",
            ),
            (
                {**MINIMAL, "requires_minimum_volume": "true"},
                'requires_minimum_volume: verwacht true of false, kreeg de tekst "true"',
            ),
            ({"student": MINIMAL["student"]}, "entries: ontbreekt"),
            ({**MINIMAL, "entries": {}}, "entries: verwacht een lijst, kreeg een object"),
            (
                {**MINIMAL, "entries": []},
                "school_year: ontbreekt, en zonder entries valt het schooljaar niet af te leiden",
            ),
            ([], "invoer: verwacht een object, kreeg een lijst"),
        ],
    )
    def test_one_message_naming_the_path(self, data: object, message: str) -> None:
        assert errors_for(data) == [message]

    def test_missing_entry_keys_are_each_reported(self) -> None:
        data = {**MINIMAL, "entries": [{"date": "2026-02-02"}]}
        assert errors_for(data) == [
            "entries[0].kind: ontbreekt",
            "entries[0].start: ontbreekt",
            "entries[0].end: ontbreekt",
        ]

    def test_every_problem_is_reported_at_once(self) -> None:
        data = {
            "student": {"birth_date": "2009-02-29"},
            "school_year": "2025",
            "entries": [
                {"kind": "internship", "date": "2026-02-02", "start": "08:00", "end": "12:00"},
                {"kind": "school", "date": "2026-02-02", "start": "11:00", "end": "11:00"},
            ],
        }
        assert errors_for(data) == [
            'student.birth_date: ongeldige datum "2009-02-29", verwacht JJJJ-MM-DD',
            'school_year: ongeldig schooljaar "2025", verwacht bv. "2025-2026"',
            "entries[1]: begin en einde vallen samen (11:00); een periode duurt minstens 1 minuut",
        ]

    def test_a_path_prefixes_every_message(self) -> None:
        with pytest.raises(ScheduleInputError) as raised:
            parse_schedule(changed(start="25:00", breaks=[["12:00", "12:00"]]), path="[3]")
        assert raised.value.errors == [
            '[3].entries[0].start: ongeldig tijdstip "25:00", verwacht UU:MM'
        ]
        data = copy.deepcopy(MINIMAL)
        data["entries"].append(data["entries"][0])
        with pytest.raises(ScheduleInputError) as raised:
            parse_schedule(data, path="[3]")
        assert raised.value.errors == [
            "[3].entries[1]: overlapt met entries[0] (2025-09-01 08:00–12:00)"
        ]


class TestDecode:
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('{"a": ', "ongeldige JSON op regel 1, kolom 7"),
            ("", "ongeldige JSON op regel 1, kolom 1"),
            (
                '{"a": 1, "a": 2}',
                'ongeldige JSON: de sleutel "a" komt twee keer voor in één object',
            ),
            ("[" * 100_000, "ongeldige JSON: te diep genest"),
        ],
    )
    def test_invalid_json_gets_a_dutch_message(self, text: str, message: str) -> None:
        with pytest.raises(ScheduleInputError) as raised:
            decode(text)
        assert raised.value.errors == [message]

    def test_a_byte_order_mark_is_ignored(self) -> None:
        assert decode('\ufeff{"a": 1}') == {"a": 1}


class TestResultToDict:
    def test_the_output_format_of_the_issue(self) -> None:
        output = result_to_dict(check(parse_schedule(ISSUE_EXAMPLE)))
        assert output == {
            "violations": [
                {
                    "rule": "break_too_short",
                    "date": "2026-02-02",
                    "severity": "error",
                    "message": "8 u arbeid met 30 min pauze; bij meer dan 6 u arbeid heeft een "
                    "minderjarige recht op minstens 1 u pauze.",
                    "source": "5.2.1",
                }
            ],
            "totals": {"internship_hours": 8.0, "school_hours": 6.25, "half_days": 2},
        }
        assert list(output["violations"][0]) == ["rule", "date", "severity", "message", "source"]
        assert json.loads(json.dumps(output)) == output
