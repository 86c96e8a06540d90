"""Realistic Flemish demo data for Stagebeheer (``manage.py seed_demo``).

``names``, ``specs`` and ``schools`` hold the data; ``calendar`` the school calendars the
schedules respect; ``identifiers`` the Belgian numbers. ``builders`` and ``hosts`` create a
school's structure, people and hosts; ``schedules`` plans the placements' dates and hours and
``placements`` creates them through the same services the UI uses. ``lifecycle`` then takes
each placement as far as the demo's reference date says: the risk documents (``risks``), the
activity list (``activities``), the agreement and its signatures (``agreements``), the start
through the gate, the supervisor's visits (``visits``) and the end. ``documents`` writes the
small PDFs they upload. ``seed`` ties it together.
"""
