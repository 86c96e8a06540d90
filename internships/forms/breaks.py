"""Break fields of the forms that plan a day: up to three breaks, and for a new period the
legal break proposed for its hours and the pupil's age (5.2.1, 5.2.2)."""

import datetime
import itertools

from crispy_forms.layout import Div, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from compliance.engine.breaks import full_day_breaks, is_minor, proposed_breaks
from core.forms import TimeInput

BREAK_SLOTS = 3
# The hidden field that remembers the break the page proposed, and its value for "no break".
PROPOSED_BREAKS = "breaks_proposed"
NO_BREAKS = "geen"


class BreaksMixin(forms.Form):
    """Up to three breaks as pairs of time fields, cleaned into ``[["HH:MM", "HH:MM"], ...]``."""

    def add_break_fields(self, breaks: list[list[str]]) -> None:
        for index in range(BREAK_SLOTS):
            start, end = breaks[index] if index < len(breaks) else (None, None)
            self.fields[f"break_{index}_start"] = forms.TimeField(
                label=_("Pauze %(number)s van") % {"number": index + 1},
                required=False,
                widget=TimeInput(),
                initial=start,
            )
            self.fields[f"break_{index}_end"] = forms.TimeField(
                label=_("tot"), required=False, widget=TimeInput(), initial=end
            )

    def clean_breaks(self, start: datetime.time | None, end: datetime.time | None) -> list:
        breaks = []
        for index in range(BREAK_SLOTS):
            break_start = self.cleaned_data.get(f"break_{index}_start")
            break_end = self.cleaned_data.get(f"break_{index}_end")
            if break_start is None and break_end is None:
                continue
            if break_start is None or break_end is None:
                self.add_error(f"break_{index}_end", _("Geef van een pauze begin en einde."))
                continue
            if break_end <= break_start:
                self.add_error(f"break_{index}_end", _("Een pauze eindigt na haar begin."))
                continue
            if start and end and end > start and (break_start < start or break_end > end):
                self.add_error(f"break_{index}_start", _("Een pauze valt binnen de werktijd."))
                continue
            breaks.append([break_start.strftime("%H:%M"), break_end.strftime("%H:%M")])
        breaks.sort()
        for previous, following in itertools.pairwise(breaks):
            if following[0] < previous[1]:
                self.add_error(None, _("Pauzes mogen elkaar niet overlappen."))
        return breaks


def legal_breaks(
    start: datetime.time | None,
    end: datetime.time | None,
    *,
    birth_date: datetime.date | None,
    day: datetime.date | None,
) -> list[list[str]]:
    """The break to propose for a day from ``start`` to ``end`` of a pupil born on
    ``birth_date``, as form values (5.2.1, 5.2.2).

    The pupil counts as a minor on ``day`` (the first day of the period), and when the birth
    date or the day is unknown: a minor's break is legal for an adult too. Without hours, the
    lunch break of a full day.
    """
    minor = birth_date is None or day is None or is_minor(birth_date, day)
    if start and end and start != end:
        breaks = proposed_breaks(start, end, minor=minor)
    else:
        breaks = full_day_breaks(minor=minor)
    return [[begin.strftime("%H:%M"), until.strftime("%H:%M")] for begin, until in breaks]


def encode_breaks(breaks: list[list[str]]) -> str:
    return ";".join(f"{start}-{end}" for start, end in breaks) or NO_BREAKS


def decode_breaks(text: str | None) -> list[list[str]] | None:
    """The breaks :func:`encode_breaks` wrote, or ``None`` for no or a garbled value."""
    if not text:
        return None
    if text == NO_BREAKS:
        return []
    try:
        pairs = [part.split("-") for part in text.split(";")]
        return [
            [
                datetime.time.fromisoformat(start).strftime("%H:%M"),
                datetime.time.fromisoformat(end).strftime("%H:%M"),
            ]
            for start, end in pairs
        ]
    except ValueError:
        return None


class ProposedBreaksMixin(BreaksMixin):
    """Break fields that start as the legal break for the day's hours and the pupil's age
    (5.2.1, 5.2.2), for forms that create a period.

    A hidden field remembers the proposal the page shows. While the breaks still equal it, new
    hours bring a new proposal: htmx sends the form's values when the hours change
    (``refresh``) and swaps in the break fields again; breaks the user changed are kept. A
    form sent with an untouched proposal that does not fit its hours is refused with the
    fitting break filled in, so a default never saves an illegal break, with or without
    JavaScript.
    """

    def add_proposed_break_fields(self, *, birth_date: datetime.date | None, refresh=None) -> None:
        values = refresh if refresh is not None else {}
        start, end = self._value("start_time", values), self._value("end_time", values)
        proposal = legal_breaks(
            start, end, birth_date=birth_date, day=self._value("start_date", values)
        )
        shown_before = decode_breaks(values.get(PROPOSED_BREAKS))
        breaks = proposal
        if shown_before is not None and self._breaks_in(values) != shown_before:
            # The user's own breaks stay, and the old proposal stays what they differ from.
            breaks, proposal = self._breaks_in(values), shown_before
        self.add_break_fields(breaks)
        self.fields["break_0_start"].help_text = _(
            "Voorgesteld volgens de uren en de leeftijd van de leerling (5.2); pas gerust aan."
        )
        self.fields[PROPOSED_BREAKS] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=encode_breaks(proposal)
        )

    def refresh_breaks_on_change(self, url: str, *field_names: str) -> None:
        """Changing one of these fields asks ``url`` (the form's page) for the break again."""
        names = [name for name in self.fields if name.startswith("break_")]
        self.helper.layout = Layout(
            *[name for name in self.fields if name not in names and name != PROPOSED_BREAKS],
            Div(*names, PROPOSED_BREAKS, css_id="breaks"),
        )
        for name in field_names:
            self.fields[name].widget.attrs.update(
                {
                    "hx-get": url,
                    "hx-trigger": "change",
                    # One answer counts, to the latest hours: an older one must not land later.
                    "hx-sync": "closest form:replace",
                    "hx-include": "closest form",
                    "hx-target": "#breaks",
                    "hx-select": "#breaks",
                    "hx-swap": "outerHTML",
                }
            )

    def clean_proposed_breaks(
        self,
        start: datetime.time | None,
        end: datetime.time | None,
        *,
        birth_date: datetime.date | None,
        day: datetime.date | None,
    ) -> list:
        """:meth:`clean_breaks`, refusing an untouched proposal that does not fit the hours."""
        shown = decode_breaks(self.data.get(self.add_prefix(PROPOSED_BREAKS)))
        if shown is None or not (start and end) or self._breaks_in(self.data) != shown:
            return self.clean_breaks(start, end)
        fitting = legal_breaks(start, end, birth_date=birth_date, day=day)
        if fitting == shown:
            return self.clean_breaks(start, end)
        self._show_breaks(fitting)
        described = ", ".join(f"{begin}–{until}" for begin, until in fitting)
        self.add_error(
            "break_0_start",
            _(
                "De voorgestelde pauze past niet bij deze uren en de leeftijd van de leerling "
                "(5.2); nu voorgesteld: %(breaks)s. Controleer de pauzes en bewaar opnieuw."
            )
            % {"breaks": described or _("geen pauze")},
        )
        return fitting

    def _value(self, name: str, values):
        """The field's value in ``values`` if sent there, else its initial value."""
        field = self.fields.get(name)
        if field is None:
            return None
        if name in values:
            try:
                return field.to_python(values.get(name))
            except ValidationError:
                return None
        value = self.initial.get(name, field.initial)
        return field.to_python(value) if isinstance(value, str) else value

    def _breaks_in(self, values) -> list[list[str]]:
        """The complete break pairs in submitted ``values``, normalised and sorted."""
        breaks = []
        for index in range(BREAK_SLOTS):
            start = values.get(self.add_prefix(f"break_{index}_start"))
            end = values.get(self.add_prefix(f"break_{index}_end"))
            try:
                pair = [datetime.time.fromisoformat(start), datetime.time.fromisoformat(end)]
            except (TypeError, ValueError):
                continue
            breaks.append([moment.strftime("%H:%M") for moment in pair])
        return sorted(breaks)

    def _show_breaks(self, breaks: list[list[str]]) -> None:
        """Puts ``breaks`` into the submitted data, so the form shown again holds them."""
        data = self.data.copy()
        for index in range(BREAK_SLOTS):
            start, end = breaks[index] if index < len(breaks) else ("", "")
            data[self.add_prefix(f"break_{index}_start")] = start
            data[self.add_prefix(f"break_{index}_end")] = end
        data[self.add_prefix(PROPOSED_BREAKS)] = encode_breaks(breaks)
        self.data = data
