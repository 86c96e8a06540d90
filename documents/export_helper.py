"""A helper process of the inspection export: runs the export's jobs on request.

Started by :class:`documents.builders.dossier_renderers.HelperProcessRenderer` as
``python -m documents.export_helper``, with the parent's settings module, database and
MEDIA_ROOT in its environment. It reads one JSON request per line on stdin: a job of
:mod:`documents.builders.export_jobs` with ``"directory"`` and ``"school_id"`` added. It runs
the job in that school's scope into the directory and answers one JSON line on stdout: the
job's answer with the helper's peak memory (``"peak_mb"``), or ``{"error": "..."}`` (the
traceback goes to stderr, the worker's log). It stops at the end of its input.

Several helpers let an export use every core even inside a Celery prefork worker, whose
daemonic processes may not use ``multiprocessing``.
"""

import json
import os
import resource
import sys
import traceback
from pathlib import Path


def main() -> None:
    import django
    from django.conf import settings

    # The parent's MEDIA_ROOT, before the apps build their storages: the stored dossiers and
    # the logos are where the parent finds them, whatever the settings module decides.
    settings.MEDIA_ROOT = os.environ["MEDIA_ROOT"]
    django.setup()

    from django.db import connections
    from django.utils import translation

    from core.tenancy import school_scope
    from documents.builders.export_jobs import run_job

    image_cache: dict = {}
    with translation.override(settings.LANGUAGE_CODE):
        for line in sys.stdin:
            request = json.loads(line)
            try:
                school_id = request["school_id"]
                with school_scope(school_id):
                    reply = run_job(
                        request,
                        Path(request["directory"]),
                        school_id=school_id,
                        image_cache=image_cache,
                    )
                reply["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            except Exception as error:
                traceback.print_exc(file=sys.stderr)
                reply = {"error": f"{type(error).__name__}: {error}"}
            sys.stdout.write(json.dumps(reply) + "\n")
            sys.stdout.flush()
    connections.close_all()


if __name__ == "__main__":
    main()
