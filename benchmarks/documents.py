"""Benchmark of the documents app: the agreement PDF, the individual dossier and the inspection
export of a school year, rendered twice.

Run from the repository root: ``DEBUG=1 .venv/bin/python benchmarks/documents.py [--scale N]``
(the default scale, 16, gives 544 placements in school A's 2025–2026). It configures Django
itself, on a fresh temporary SQLite database (or ``DATABASE_URL`` when set) and a temporary
MEDIA_ROOT, loads ``seed_demo --scale N``, then reports:

- seconds per agreement PDF and per individual dossier: the median of ``--runs`` renderings
  (the first, cold rendering is reported apart), with the CPU time beside the wall time because
  on a shared machine the wall time also measures the neighbours' load, and the PDF's pages
  (WeasyPrint's time grows with them);
- the inspection export (ZIP) of the school year with the most placements, twice: wall time
  and peak memory (``ru_maxrss``) of the export process and of its helper processes (one per
  core, see ``documents.builders.dossier_renderers``), how many PDFs were laid out and how many
  pages all of them have, for how many pupils. The
  first export starts without stored dossiers; the second reuses every dossier the first one
  stored (``documents.services.stored_dossiers``) and must list the same files with the same
  checksums. Each export runs in a fresh process, so its peak memory is its own and not the
  seeding's.

Seeding scale 16 takes minutes, so ``--seeded`` reuses a database seeded before: seed it once
(``DATABASE_URL=sqlite:////tmp/bench.sqlite3 DEBUG=1 .venv/bin/python manage.py migrate`` and
``... manage.py seed_demo --scale 16``), then run
``DATABASE_URL=sqlite:////tmp/bench.sqlite3 DEBUG=1 .venv/bin/python benchmarks/documents.py
--seeded`` as often as needed. The PDFs are timed inside a transaction that is rolled back, so
the seeded data stays as it was; only the export records are added.

Targets on the 2-core development machine: agreement PDF < 0.5 s, individual dossier < 0.4 s;
500-pupil export < 90 s with peak memory < 300 MB; the second export in seconds.
"""

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def configure(media_root: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stagebeheer.settings")
    os.environ.setdefault("MEDIA_ROOT", media_root)
    os.environ["CELERY_BROKER_URL"] = ""  # the benchmark calls the services directly
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def prepare(scale: int, *, seeded: bool) -> None:
    """Migrates (and seeds) the database, then gathers its statistics for the query planner,
    as PostgreSQL's autovacuum does by itself in production: without them SQLite reads the
    logbook activities of a chunk of dossiers through every placement of the school, and the
    chunk's queries take ten times as long."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if not seeded:
        call_command("seed_demo", scale=str(scale), stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def largest_school_year():
    """The school and school year with the most placements, and that number (a benchmark
    looks across schools before it knows which one to measure)."""
    from django.db.models import Count

    from core.tenancy import all_schools
    from internships.models import Placement, School, SchoolYear

    with all_schools():
        row = (
            Placement.objects.active()
            .values("school", "school_year")
            .annotate(count=Count("pk"))
            .order_by("-count")
            .first()
        )
        school = School.objects.get(pk=row["school"])
        return school, SchoolYear.objects.get(pk=row["school_year"]), row["count"]


def signed_version(placement):
    """A signed agreement version of ``placement``, frozen from its data like the services do."""
    from django.utils import timezone

    from internships.models import (
        Agreement,
        AgreementVersion,
        Party,
        Signature,
        SignatureMethod,
    )
    from internships.selectors.agreement_content import content_hash
    from internships.services.agreements import version_content

    agreement, _created = Agreement.objects.get_or_create(
        placement=placement, defaults={"status": Agreement.Status.SIGNED}
    )
    number = agreement.versions.count() + 1
    content = version_content(agreement, number=number, reason="")
    version = AgreementVersion.objects.create(
        agreement=agreement,
        number=number,
        status=AgreementVersion.Status.SIGNED,
        content=content,
        content_hash=content_hash(content),
        ready_at=timezone.now(),
        signed_at=timezone.now(),
    )
    signers = [(Party.STUDENT, "Ouder"), (Party.SCHOOL, "Directeur"), (Party.HOST, "Zaakvoerder")]
    for party, name in signers:
        Signature.objects.create(
            version=version,
            party=party,
            signer_name=f"{name} Benchmark",
            signer_role=name.lower(),
            method=SignatureMethod.ELECTRONIC,
            signed_at=timezone.now(),
            ip_address="192.0.2.1",
            user_agent="Mozilla/5.0 (benchmark)",
            content_hash=version.content_hash,
        )
    return version


def new_document(*, school, **subject):
    from documents.models import Document

    key = Document.subject_key_for(**subject)
    series = Document.objects.filter(school=school, kind=subject["kind"], subject_key=key)
    return Document.objects.create(
        school=school, subject_key=key, version=series.count() + 1, **subject
    )


def pages_of(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def time_builder(document, runs: int) -> tuple[float, list[float], list[float], int]:
    """Seconds of the first rendering, then wall and CPU seconds of the next ``runs`` ones, and
    the pages of the PDF."""
    from django.utils import translation

    from documents.builders import BUILDERS

    build = BUILDERS[document.kind]
    wall, cpu = [], []
    with translation.override("nl-be"):
        for _ in range(runs + 1):
            output = io.BytesIO()
            started, started_cpu = time.perf_counter(), time.process_time()
            build(document, output=output, progress=lambda percent: None)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    return wall[0], wall[1:], cpu[1:], pages_of(output.getvalue())


def pdf_benchmarks(runs: int, school, school_year) -> None:
    """Times both PDFs of one placement, in a transaction rolled back afterwards."""
    from django.db import transaction

    from documents.models import Document
    from internships.models import Placement

    with transaction.atomic():
        placement = (
            Placement.objects.active()
            .filter(school=school, school_year=school_year, mentor__isnull=False)
            .select_related("school")
            .first()
        )
        version = signed_version(placement)
        for kind, subject in [
            (Document.Kind.AGREEMENT, {"placement": placement, "agreement_version": version}),
            (Document.Kind.INDIVIDUAL_DOSSIER, {"placement": placement}),
        ]:
            document = new_document(school=school, kind=kind, **subject)
            cold, wall, cpu, pages = time_builder(document, runs)
            median_cpu = statistics.median(cpu)
            print(
                f"{document.get_kind_display()}, {pages} pages: "
                f"median {statistics.median(wall):.3f} s (CPU {median_cpu:.3f} s, "
                f"{median_cpu / pages * 1000:.0f} ms a page; min {min(wall):.3f}, "
                f"max {max(wall):.3f}, {runs} runs; first rendering {cold:.3f} s)",
                flush=True,
            )
        transaction.set_rollback(True)


def forget_stored_dossiers() -> None:
    """The first export starts cold: no dossier kept by an earlier run (whose files went with
    its temporary MEDIA_ROOT) is reused."""
    from documents.models import StoredDossier

    StoredDossier.objects.all().delete()


def pupils_of(school, school_year) -> int:
    from documents.builders.general_dossier import school_year_placements

    placements = school_year_placements(school=school, school_year=school_year)
    return placements.values("student").distinct().count()


def export_in_fresh_process(label: str, school, school_year, count: int) -> dict:
    from documents.models import Document

    document = new_document(
        school=school, kind=Document.Kind.INSPECTION_EXPORT, school_year=school_year
    )
    print(
        f"{label} of {school.name}, {school_year}: {count} placements of "
        f"{pupils_of(school, school_year)} pupils …",
        flush=True,
    )
    result = subprocess.run(
        [sys.executable, __file__, "--export", str(document.pk), "--school", str(school.pk)],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"The export failed:\n{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    pdfs = len(figures["names"]) - 1  # all but index.csv
    print(
        f"{label}: {figures['seconds']:.1f} s "
        f"({figures['seconds'] / count * 1000:.0f} ms per pupil), ZIP {figures['zip_mb']:.1f} MB, "
        f"{len(figures['names'])} files; {figures['laid_out']} PDFs laid out, "
        f"{pdfs - figures['laid_out']} reused; {figures['pages']} pages"
    )
    print(
        f"  export process: CPU {figures['cpu_seconds']:.1f} s, peak memory "
        f"{figures['peak_mb']:.0f} MB; {figures['helpers']} helper processes: CPU "
        f"{figures['helper_cpu_seconds']:.1f} s, peak memory {figures['helper_peak_mb']:.0f} MB "
        "each at most",
        flush=True,
    )
    return figures


def export(document_pk: int, school_id: int) -> None:
    """Runs in the child process: renders the export and prints its figures as JSON."""
    import zipfile

    from django.utils import timezone

    from core.tenancy import school_scope
    from documents.builders.dossier_renderers import helper_processes
    from documents.models import StoredDossier
    from documents.services.render_jobs import document_render

    with school_scope(school_id):
        started_at = timezone.now()
        started = time.perf_counter()
        document = document_render(document_pk=document_pk, task_id="benchmark")
        seconds = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_SELF)  # the export's, not the counting's
        helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
        with document.file.open("rb") as file, zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            index = archive.read("index.csv").decode("utf-8-sig")
            pages = sum(pages_of(archive.read(name)) for name in names if name.endswith(".pdf"))
        laid_out = StoredDossier.objects.filter(created_at__gte=started_at).count()
    figures = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "helpers": helper_processes(),
        "helper_cpu_seconds": helpers.ru_utime + helpers.ru_stime,
        "helper_peak_mb": helpers.ru_maxrss / 1024,
        "peak_mb": usage.ru_maxrss / 1024,
        "zip_mb": document.size / 1024 / 1024,
        "names": names,
        "index": index,
        "laid_out": laid_out,
        "pages": pages,
    }
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", type=int, default=16, help="seed_demo --scale (default 16: 544 placements)"
    )
    parser.add_argument(
        "--seeded",
        action="store_true",
        help="DATABASE_URL is seeded already: migrate it, do not seed it again",
    )
    parser.add_argument("--runs", type=int, default=20, help="PDF renderings to time")
    parser.add_argument("--skip-export", action="store_true", help="only time the PDFs")
    parser.add_argument("--export", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--school", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()

    if arguments.export:
        configure(os.environ["MEDIA_ROOT"])
        export(arguments.export, arguments.school)
        return
    if arguments.seeded and not os.environ.get("DATABASE_URL"):
        parser.error("--seeded needs DATABASE_URL: the database seeded before.")

    with tempfile.TemporaryDirectory(prefix="stagebeheer-benchmark-") as scratch:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/benchmark.sqlite3")
        configure(str(Path(scratch) / "media"))
        started = time.perf_counter()
        prepare(arguments.scale, seeded=arguments.seeded)
        school, school_year, count = largest_school_year()
        if not arguments.seeded:
            print(f"seed_demo --scale {arguments.scale}: {time.perf_counter() - started:.0f} s")
        from core.tenancy import school_scope

        with school_scope(school.pk):
            pdf_benchmarks(arguments.runs, school, school_year)
            if arguments.skip_export:
                return
            if count < 500:
                print(f"Only {count} placements in one school year: raise --scale for 500.")
            forget_stored_dossiers()
            first = export_in_fresh_process("First export", school, school_year, count)
            second = export_in_fresh_process("Second export", school, school_year, count)
        same = first["names"] == second["names"] and first["index"] == second["index"]
        print(f"Second export: {'the same' if same else 'NOT the same'} files and checksums")


if __name__ == "__main__":
    main()
