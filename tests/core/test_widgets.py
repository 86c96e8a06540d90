"""``core.widgets.Select`` writes exactly what Django's ``Select`` writes, without its templates."""

import pytest
from django import forms
from django.template import Context, Template
from django.utils.safestring import mark_safe

from core import widgets
from internships.models import SchoolClass
from tests.factories import SchoolClassFactory

CHOICES = [
    ("", "---------"),
    ("1", "Tom & Jerry"),
    ("2", '<script>alert("x")</script>'),
    ("a\"b'c<d>", "quotes"),
]


def form_with(field_class, widget_class, **options) -> type[forms.Form]:
    return type("TestForm", (forms.Form,), {"choice": field_class(widget=widget_class, **options)})


def both(field_class, data=None, initial=None, **options) -> tuple[str, str]:
    """The field rendered with Django's Select and with ours."""
    rendered = []
    for widget_class in (forms.Select, widgets.Select):
        form = form_with(field_class, widget_class, **options)(data=data, initial=initial)
        rendered.append(str(form["choice"]))
    return rendered[0], rendered[1]


@pytest.mark.parametrize(
    ("data", "initial"),
    [(None, None), ({"choice": "1"}, None), (None, {"choice": "2"}), ({"choice": "nee"}, None)],
)
def test_it_writes_the_markup_of_djangos_select(data, initial):
    django, fast = both(forms.ChoiceField, data=data, initial=initial, choices=CHOICES)

    assert fast == django


def test_it_escapes_labels_and_values():
    _, fast = both(forms.ChoiceField, choices=CHOICES)

    assert "Tom &amp; Jerry" in fast
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in fast
    assert 'value="a&quot;b&#x27;c&lt;d&gt;"' in fast
    assert "<script>" not in fast


def test_it_leaves_a_label_marked_safe_as_it_is():
    choices = [("1", mark_safe("<b>vet</b>")), ("2", "<b>niet</b>")]
    django, fast = both(forms.ChoiceField, choices=choices)

    assert fast == django
    assert "<b>vet</b>" in fast
    assert "&lt;b&gt;niet&lt;/b&gt;" in fast


def test_it_marks_the_selected_option():
    _, fast = both(forms.ChoiceField, data={"choice": "1"}, choices=CHOICES)

    assert '<option value="1" selected>Tom &amp; Jerry</option>' in fast
    assert fast.count(" selected") == 1


def test_it_selects_only_the_first_of_equal_values_as_django_does():
    choices = [("1", "een"), ("1", "nog eens een")]
    django, fast = both(forms.ChoiceField, initial={"choice": "1"}, choices=choices)

    assert fast == django
    assert fast.count(" selected") == 1


def test_it_is_required_only_with_an_empty_first_option():
    with_empty, fast_with_empty = both(forms.ChoiceField, choices=CHOICES)
    without, fast_without = both(forms.ChoiceField, choices=CHOICES[1:])
    optional, fast_optional = both(forms.ChoiceField, required=False, choices=CHOICES)

    assert (fast_with_empty, fast_without, fast_optional) == (with_empty, without, optional)
    assert fast_with_empty.startswith('<select name="choice" required id="id_choice">')
    assert " required" not in fast_without
    assert " required" not in fast_optional


def test_it_keeps_the_label_and_help_text_tied_to_the_field():
    form_class = form_with(
        forms.ChoiceField,
        widgets.Select,
        label="Leerling",
        help_text="Kies er één.",
        choices=CHOICES,
    )
    form = form_class(data={"choice": "nee"})
    form.is_valid()
    bound = form["choice"]
    html = str(bound)

    assert bound.label_tag() == '<label for="id_choice">Leerling:</label>'
    assert 'id="id_choice"' in html
    assert 'aria-describedby="id_choice_helptext id_choice_error"' in html
    assert 'aria-invalid="true"' in html


def test_it_keeps_the_attributes_it_is_given():
    own = {"class": "form-select", "data-x": 'a"b', "disabled": True}
    given = {"id": "id_kind", "hidden": False}
    django = forms.Select(attrs=own, choices=CHOICES).render("kind", "2", attrs=given)
    fast = widgets.Select(attrs=own, choices=CHOICES).render("kind", "2", attrs=given)

    assert fast == django
    assert fast.startswith(
        '<select name="kind" class="form-select" data-x="a&quot;b" disabled id="id_kind">'
    )
    assert '<option value="2" selected>' in fast


def test_it_writes_optgroups_as_django_does():
    choices = [
        ("", "Kies"),
        ("Dag & nacht", [("d", "dag"), ("n", "nacht")]),
        ("x", "los"),
        ("", [("z", "zonder groepsnaam")]),
    ]
    django, fast = both(forms.ChoiceField, data={"choice": "n"}, choices=choices)

    assert fast == django
    assert '<optgroup label="Dag &amp; nacht">' in fast


def test_it_keeps_none_as_the_empty_value():
    django, fast = both(forms.TypedChoiceField, choices=[(None, "geen"), (1, "een")], coerce=int)

    assert fast == django
    assert '<option value="" selected>geen</option>' in fast


@pytest.mark.django_db
def test_it_lists_a_model_choice_fields_objects():
    first = SchoolClassFactory(name="6VZ <a>")
    SchoolClassFactory(name="5VZ", school=first.school, school_year=first.school_year)
    queryset = SchoolClass.objects.order_by("name")
    django, fast = both(forms.ModelChoiceField, initial={"choice": first.pk}, queryset=queryset)

    assert fast == django
    assert f'<option value="{first.pk}" selected>6VZ &lt;a&gt;</option>' in fast


def test_crispy_forms_renders_its_field_as_djangos():
    template = Template("{% load crispy_forms_filters %}{{ form.choice|as_crispy_field }}")
    rendered = [
        template.render(Context({"form": form_with(forms.ChoiceField, widget, choices=CHOICES)()}))
        for widget in (forms.Select, widgets.Select)
    ]

    assert rendered[1] == rendered[0]
    assert 'class="select form-select"' in rendered[1]
