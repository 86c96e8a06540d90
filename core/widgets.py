"""Form widgets shared across the apps."""

from collections.abc import Iterator

from django import forms
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.timezone import template_localtime


def _text(value) -> str:
    """``value`` as ``{{ value }}`` prints it in a template: localised, then escaped."""
    return conditional_escape(localize(template_localtime(value)))


def _attribute_value(value) -> str:
    """``value`` as Django's widget templates print it: ``{{ value|stringformat:'s' }}``."""
    return conditional_escape(value if isinstance(value, SafeData) else str(value))


def _attributes(attrs: dict) -> str:
    """The attributes as Django's ``attrs.html`` writes them: ``True`` alone, ``False`` left
    out, every name and value escaped."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {_text(name)}")
        elif value is not False:
            parts.append(f' {_text(name)}="{_attribute_value(value)}"')
    return "".join(parts)


class Select(forms.Select):
    """Django's ``Select``, with the same markup to the byte, written out in Python.

    Django renders every ``<option>`` through two included templates, which costs a page with
    a few hundred pupils to choose from more than everything else on it. The attributes
    (``id``, ``required``, ``aria-*``, ``class``), the selected value and the optgroups come
    out exactly as ``django/forms/widgets/select.html`` writes them, so a field's label,
    help text and errors stay tied to it. It keeps Django's class name: crispy-forms gives a
    widget a CSS class after it (``select``).
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        html = [f'<select name="{_text(name)}"{_attributes(widget["attrs"])}>']
        html.extend(self._options(widget["value"]))
        html.append("\n</select>")
        return mark_safe("".join(html))

    def _options(self, values: list[str]) -> Iterator[str]:
        """The options and optgroups, choosing as ``ChoiceWidget.optgroups`` does: the first
        option whose value is among ``values``."""
        has_selected = False
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            is_group = isinstance(option_label, (list, tuple))
            choices = option_label if is_group else [(option_value, option_label)]
            if is_group and option_value:
                yield f'\n  <optgroup label="{_text(option_value)}">'
            for value, label in choices:
                selected = not has_selected and str(value) in values
                has_selected |= selected
                yield (
                    f'\n  <option value="{_attribute_value(value)}"'
                    f"{' selected' if selected else ''}>{_text(label)}</option>\n"
                )
            if is_group and option_value:
                yield "\n  </optgroup>"
