"""A helper process of the inspection export: renders individual dossiers on request.

Started by :class:`documents.builders.dossier_renderers.HelperProcessRenderer` as
``python -m documents.export_helper``, with the parent's settings module and database in its
environment. It reads one JSON request per line on stdin, ``{"pks": [...], "directory": ...,
"school_id": ...}``, renders in that school's scope the dossier of each placement into
``<directory>/<pk>.pdf`` and answers one JSON line
on stdout: ``{"done": n}``, or ``{"error": "..."}`` (the traceback goes to stderr, the
worker's log). It stops at the end of its input.

Several helpers let an export use every core even inside a Celery prefork worker, whose
daemonic processes may not use ``multiprocessing``.
"""

import json
import sys
import traceback
from pathlib import Path


def main() -> None:
    import django

    django.setup()

    from django.conf import settings
    from django.db import connections
    from django.utils import translation

    from attendance.selectors import dossier_attendance_for
    from core.tenancy import school_scope
    from documents.builders.individual_dossier import dossier_placements, render_dossier

    image_cache: dict = {}
    with translation.override(settings.LANGUAGE_CODE):
        for line in sys.stdin:
            request = json.loads(line)
            try:
                pks = request["pks"]
                directory = Path(request["directory"])
                with school_scope(request["school_id"]):
                    placements = dossier_placements().in_bulk(pks)
                    attendance = dossier_attendance_for(list(placements.values()))
                    for pk in pks:
                        with (directory / f"{pk}.pdf").open("wb") as output:
                            render_dossier(
                                placements[pk],
                                output=output,
                                image_cache=image_cache,
                                attendance=attendance[pk],
                            )
                reply = {"done": len(pks)}
            except Exception as error:
                traceback.print_exc(file=sys.stderr)
                reply = {"error": f"{type(error).__name__}: {error}"}
            sys.stdout.write(json.dumps(reply) + "\n")
            sys.stdout.flush()
    connections.close_all()


if __name__ == "__main__":
    main()
