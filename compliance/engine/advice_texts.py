"""The Dutch texts of :mod:`compliance.engine.advice`: rule titles and suggestions (5).

Every text is its own msgid, wrapped in :func:`gettext_noop` so ``makemessages`` finds it.
Keys are rule codes; a suggestion also names its variant (what the params allowed to say).
"""

from collections.abc import Mapping

from compliance.engine.i18n import gettext_noop

TITLES: Mapping[str, str] = {
    "daily_max": gettext_noop("Meer dan 8 u arbeid op een dag"),
    "weekly_max": gettext_noop("Meer dan 38 u arbeid in een week"),
    "yearly_max": gettext_noop("Meer dan 1200 u stage in het schooljaar"),
    "overtime_notice": gettext_noop("Overwerk door overmacht melden"),
    "compensatory_rest": gettext_noop("Inhaalrust na overwerk"),
    "uninterrupted_work": gettext_noop("Te lang zonder pauze"),
    "break_too_short": gettext_noop("Te weinig pauze"),
    "daily_rest": gettext_noop("Te weinig rust tussen twee dagen"),
    "weekly_rest": gettext_noop("Te weinig wekelijkse rust"),
    "sunday_work": gettext_noop("Stage op zondag"),
    "sunday_frequency": gettext_noop("Meer dan één zondag op twee"),
    "public_holiday": gettext_noop("Stage op een wettelijke feestdag"),
    "night_work": gettext_noop("Nachtarbeid"),
    "min_age": gettext_noop("Jonger dan 15 jaar"),
    "outside_school_year": gettext_noop("Buiten het schooljaar"),
    "summer_holiday": gettext_noop("Geen vier weken vrij in de zomer"),
    "minimum_volume": gettext_noop("Te weinig halve dagen stage"),
    "sunday_compensatory_rest": gettext_noop("Inhaalrust na zondagsarbeid"),
    "holiday_compensatory_rest": gettext_noop("Vervangende rustdag na een feestdag"),
    "half_day_minimum": gettext_noop("Korter dan een halve dag"),
}

# What to do when the params say too little for a precise suggestion.
GENERAL: Mapping[str, str] = {
    "daily_max": gettext_noop(
        "Kort de dag in tot hoogstens 8 u arbeid (stage en lessen samen): laat de leerling "
        "later beginnen of vroeger naar huis gaan."
    ),
    "weekly_max": gettext_noop(
        "Laat de leerling één dag per week vroeger naar huis gaan, zodat de week hoogstens "
        "38 u arbeid telt (stage en lessen samen), zoals 5.1 aanraadt."
    ),
    "yearly_max": gettext_noop(
        "Plan minder stage in dit schooljaar (minder of kortere stagedagen), zodat het "
        "totaal hoogstens 1200 u blijft."
    ),
    "overtime_notice": gettext_noop(
        "Laat de stagegever het overwerk binnen 3 dagen schriftelijk melden aan de inspecteur "
        "van Toezicht op de Sociale Wetten, en geef de leerling evenveel inhaalrust vóór het "
        "einde van de volgende week."
    ),
    "compensatory_rest": gettext_noop(
        "Geef de leerling evenveel inhaalrust als het overwerk, vóór het einde van de week "
        "die volgt op het overwerk: plan in die week minder arbeid."
    ),
    "uninterrupted_work": gettext_noop(
        "Las een pauze in, zodat een minderjarige nooit langer dan 4 u 30 min aan één stuk werkt."
    ),
    "break_too_short": gettext_noop(
        "Plan langere pauzes: een minderjarige heeft bij meer dan 4 u 30 min arbeid recht op "
        "30 min pauze en bij meer dan 6 u op 1 u (waarvan 30 min ineens); een meerderjarige "
        "bij meer dan 6 u op 15 min."
    ),
    "daily_rest": gettext_noop(
        "Laat de leerling later beginnen of de dag ervoor vroeger stoppen: tussen twee dagen "
        "ligt voor een minderjarige minstens 12 u rust, voor een meerderjarige 11 u."
    ),
    "weekly_rest": gettext_noop(
        "Geef de leerling elke week naast de zondag een tweede volledige rustdag (de zaterdag "
        "of de maandag), of na arbeid op zondag een rust van minstens 36 opeenvolgende uren."
    ),
    "sunday_work": gettext_noop(
        "Verplaats deze stage naar een weekdag, of registreer de afwijking voor zondagsarbeid "
        "met haar grond."
    ),
    "sunday_frequency": gettext_noop(
        "Laat de leerling hoogstens één zondag op twee werken: verplaats de stage van deze "
        "zondag naar een weekdag, of registreer de voorafgaande toelating van de inspecteur "
        "als afwijking."
    ),
    "public_holiday": gettext_noop(
        "Verplaats de stage van de feestdag naar een andere dag, of registreer de afwijking "
        "voor feestdagarbeid met haar grond."
    ),
    "night_work": gettext_noop(
        "Laat de stage tussen 06:00 en 20:00 vallen, of registreer de afwijking voor "
        "nachtarbeid met haar grond."
    ),
    "min_age": gettext_noop("Laat de stage pas beginnen vanaf de 15de verjaardag van de leerling."),
    "outside_school_year": gettext_noop(
        "Plan de stage binnen het schooljaar (1 september tot en met 31 augustus); wat erna "
        "komt, is een stage in het volgende schooljaar, met een eigen overeenkomst."
    ),
    "summer_holiday": gettext_noop(
        "Schrap of verplaats stagedagen in de zomer, zodat de leerling tussen 1 juni en "
        "31 augustus vier weken (28 dagen) aan één stuk vrij heeft van stage en lessen."
    ),
    "minimum_volume": gettext_noop(
        "Plan meer stage in het schooljaar, tot minstens 18 halve dagen (een volle stagedag "
        "telt als twee halve dagen)."
    ),
    "sunday_compensatory_rest": gettext_noop(
        "Geef de leerling binnen de zes dagen na elke gewerkte zondag een volledige "
        "inhaalrustdag, of verplaats de stage van zondag naar een weekdag."
    ),
    "holiday_compensatory_rest": gettext_noop(
        "Geef de leerling binnen zes weken na elke gewerkte feestdag een vervangende rustdag, "
        "of verplaats de stage van de feestdag naar een andere dag."
    ),
    "half_day_minimum": gettext_noop(
        "Maak elke stagedag minstens 3 u 20 min lang (vier lesuren van 50 min), of voeg korte "
        "dagen samen: een kortere stagedag telt niet als halve dag."
    ),
}

TEXTS: Mapping[tuple[str, str], str] = {
    ("daily_max", "excess"): gettext_noop(
        "Kort de dag %(excess)s in, tot hoogstens 8 u arbeid (stage en lessen samen): laat de "
        "leerling later beginnen of vroeger naar huis gaan."
    ),
    ("weekly_max", "one_day"): gettext_noop(
        "Laat de leerling één dag per week %(excess)s vroeger naar huis gaan, zodat de week "
        "hoogstens 38 u arbeid telt (stage en lessen samen), zoals 5.1 aanraadt."
    ),
    ("weekly_max", "more"): gettext_noop(
        "Plan %(excess)s minder arbeid in deze week, bv. een halve stagedag minder, zodat de "
        "week hoogstens 38 u arbeid telt (stage en lessen samen)."
    ),
    ("yearly_max", "excess"): gettext_noop(
        "Plan %(excess)s minder stage in dit schooljaar (minder of kortere stagedagen), zodat "
        "het totaal hoogstens 1200 u blijft."
    ),
    ("overtime_notice", "deadline"): gettext_noop(
        "Laat de stagegever het overwerk uiterlijk op %(deadline)s schriftelijk melden aan de "
        "inspecteur van Toezicht op de Sociale Wetten, en geef de leerling %(overtime)s "
        "inhaalrust vóór het einde van de volgende week."
    ),
    ("overtime_notice", "overtime"): gettext_noop(
        "Laat de stagegever het overwerk binnen 3 dagen schriftelijk melden aan de inspecteur "
        "van Toezicht op de Sociale Wetten, en geef de leerling %(overtime)s inhaalrust vóór "
        "het einde van de volgende week."
    ),
    ("compensatory_rest", "excess"): gettext_noop(
        "Geef de leerling de %(overtime)s overwerk terug als inhaalrust vóór het einde van de "
        "volgende week: plan in die twee weken samen %(excess)s minder arbeid."
    ),
    ("uninterrupted_work", "latest"): gettext_noop(
        "Las uiterlijk om %(latest)s een pauze in (4 u 30 min na het begin om %(start)s), "
        "zodat de leerling nooit langer dan 4 u 30 min aan één stuk werkt."
    ),
    ("break_too_short", "single"): gettext_noop(
        "Maak één pauze minstens 30 min lang aan één stuk (nu duurt de langste %(longest)s), "
        "bv. een middagpauze van 30 min en twee korte pauzes van 15 min."
    ),
    ("break_too_short", "hour"): gettext_noop(
        "Verleng de middagpauze met %(missing)s, tot 1 u pauze in totaal, bv. van 12:00 tot "
        "13:00 (of een half uur middagpauze en twee pauzes van 15 min)."
    ),
    ("break_too_short", "half_hour"): gettext_noop(
        "Verleng de pauze met %(missing)s, tot minstens 30 min, bv. van 12:00 tot 12:30."
    ),
    ("break_too_short", "adult"): gettext_noop(
        "Plan een pauze van minstens 15 min (nu %(breaks)s), bv. een middagpauze van een half uur."
    ),
    ("daily_rest", "shift"): gettext_noop(
        "Laat de leerling %(missing)s later beginnen (ten vroegste om %(earliest)s) of de dag "
        "ervoor %(missing)s vroeger stoppen (uiterlijk om %(latest)s), zodat er %(needed)s "
        "rust tussen de twee dagen ligt."
    ),
    ("weekly_rest", "saturday_or_monday"): gettext_noop(
        "Geef de leerling naast de zondag ook de zaterdag ervoor of de maandag erna volledig "
        "vrij, zonder stage en zonder lessen: verplaats bv. de stage van zaterdag naar een "
        "weekdag."
    ),
    ("weekly_rest", "after_sunday"): gettext_noop(
        "Geef de leerling een rust van minstens 36 opeenvolgende uren (nu hoogstens "
        "%(longest)s), bv. een volledig vrije dag, met de dag ervoor gedaan om 18:00 en de dag "
        "erna pas begonnen om 06:00; of verplaats de stage van zondag naar een weekdag."
    ),
    ("sunday_work", "minor"): gettext_noop(
        "Verplaats deze stage naar een weekdag, of registreer de afwijking voor zondagsarbeid "
        "met haar grond als de opleiding in de bijlage bij omzendbrief SO 74 staat."
    ),
    ("sunday_work", "adult"): gettext_noop(
        "Verplaats deze stage naar een weekdag, of registreer de afwijking voor zondagsarbeid "
        "met haar grond als gewone werknemers in deze sector op zondag mogen werken."
    ),
    ("sunday_frequency", "move"): gettext_noop(
        "Laat de leerling hoogstens één zondag op twee werken: verplaats de stage van deze "
        "zondag naar een weekdag, of registreer de voorafgaande toelating van de inspecteur "
        "als afwijking."
    ),
    ("public_holiday", "minor"): gettext_noop(
        "Verplaats de stage van %(holiday)s naar een andere dag, of registreer de afwijking "
        "voor feestdagarbeid met haar grond als de opleiding in de bijlage bij omzendbrief "
        "SO 74 staat."
    ),
    ("public_holiday", "adult"): gettext_noop(
        "Verplaats de stage van %(holiday)s naar een andere dag, of registreer de afwijking "
        "voor feestdagarbeid met haar grond als gewone werknemers in deze sector op "
        "feestdagen mogen werken."
    ),
    ("night_work", "minor"): gettext_noop(
        "Laat de stage tussen 06:00 en 20:00 vallen (nu %(start)s–%(end)s), of registreer de "
        "afwijking voor nachtarbeid met haar grond als de opleiding in de bijlage bij "
        "omzendbrief SO 74 staat."
    ),
    ("night_work", "minor_exempted"): gettext_noop(
        "Laat de stage tussen 06:00 en 20:00 vallen (nu %(start)s–%(end)s): een afwijking laat "
        "een minderjarige pas vanaf 16 jaar, in ploegenarbeid of arbeid die niet onderbroken "
        "mag worden, later werken, en dan nog met 22:00–06:00 of 23:00–07:00 vrij."
    ),
    ("night_work", "adult"): gettext_noop(
        "Laat de stage tussen 06:00 en 20:00 vallen (nu %(start)s–%(end)s), of registreer de "
        "afwijking voor nachtarbeid met haar grond als gewone werknemers in deze sector 's "
        "nachts mogen werken."
    ),
    ("night_work", "shift"): gettext_noop(
        "Houd elke nacht 22:00–06:00 of 23:00–07:00 vrij: laat de leerling uiterlijk om 22:00 "
        "stoppen en ten vroegste om 06:00 beginnen, of uiterlijk om 23:00 stoppen en ten "
        "vroegste om 07:00 beginnen."
    ),
    ("min_age", "birthday"): gettext_noop(
        "Laat de stage pas beginnen op de 15de verjaardag van de leerling (%(birthday)s) of later."
    ),
    ("outside_school_year", "move"): gettext_noop(
        "Plan deze stage binnen het schooljaar %(school_year)s (1 september tot en met "
        "31 augustus); wat erna komt, is een stage in het volgende schooljaar, met een eigen "
        "overeenkomst."
    ),
    ("summer_holiday", "free"): gettext_noop(
        "Schrap of verplaats stagedagen in de zomer, zodat de leerling tussen 1 juni en "
        "31 augustus %(year)s vier weken (28 dagen) aan één stuk vrij heeft van stage en "
        "lessen; nu telt de langste vrije periode %(longest)s dagen."
    ),
    ("minimum_volume", "missing"): gettext_noop(
        "Plan meer stage in het schooljaar %(school_year)s, tot minstens 18 halve dagen "
        "(tekort: %(missing)s; een volle stagedag telt als twee halve dagen)."
    ),
    ("sunday_compensatory_rest", "window"): gettext_noop(
        "Geef de leerling een volledige inhaalrustdag in de zes dagen na deze zondag (tussen "
        "%(first)s en %(last)s), of verplaats de stage van zondag naar een weekdag."
    ),
    ("holiday_compensatory_rest", "deadline"): gettext_noop(
        "Geef de leerling uiterlijk op %(deadline)s (zes weken na de feestdag) een vervangende "
        "rustdag, of verplaats de stage van de feestdag naar een andere dag."
    ),
    ("half_day_minimum", "missing"): gettext_noop(
        "Verleng deze stagedag met %(missing)s tot minstens 3 u 20 min (vier lesuren), of "
        "voeg hem samen met een andere stagedag: een kortere dag telt niet als halve dag."
    ),
}
