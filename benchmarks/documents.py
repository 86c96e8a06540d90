"""Benchmark of the documents app: one agreement PDF, and the inspection export of a school year.

Run from the repository root: ``DEBUG=1 .venv/bin/python benchmarks/documents.py [--scale N]``
(the default scale, 16, gives 544 placements in school A's 2025–2026).
It configures Django itself, on a fresh temporary SQLite database (or ``DATABASE_URL`` when
set) and a temporary MEDIA_ROOT, loads ``seed_demo --scale N``, then reports:

- seconds per agreement PDF: the median of ``--runs`` renderings of a signed agreement with its
  annexes and signature page (the first, cold rendering is reported apart);
- the inspection export (ZIP) of the school year with the most placements: wall time and peak
  memory (``ru_maxrss``) of the export process and of its helper processes (one per core,
  see ``documents.builders.dossier_renderers``). The export runs in a fresh process, so its
  peak memory is its own and not the seeding's.

Targets on the 2-core development machine: agreement PDF < 1 s; 500-pupil export < 3 min with
peak memory < 500 MB.
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


def seed(scale: int) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", scale=str(scale), stdout=io.StringIO())


def largest_school_year():
    """The school and school year with the most placements, and that number."""
    from django.db.models import Count

    from internships.models import Placement, School, SchoolYear

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
    from internships.services.agreement_content import content_hash
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
    version = Document.objects.filter(school=school, subject_key=key).count() + 1
    return Document.objects.create(school=school, subject_key=key, version=version, **subject)


def time_builder(document, runs: int) -> tuple[float, list[float], list[float]]:
    """Seconds of the first rendering, then wall and CPU seconds of the next ``runs`` ones.

    CPU time is reported too because on a shared machine the wall time also measures the
    neighbours' load.
    """
    from django.utils import translation

    from documents.builders import BUILDERS

    build = BUILDERS[document.kind]
    wall, cpu = [], []
    with translation.override("nl-be"):
        for _ in range(runs + 1):
            started, started_cpu = time.perf_counter(), time.process_time()
            build(document, output=io.BytesIO(), progress=lambda percent: None)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    return wall[0], wall[1:], cpu[1:]


def pdf_benchmarks(runs: int, school, school_year) -> None:
    from documents.models import Document
    from internships.models import Placement

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
        cold, wall, cpu = time_builder(document, runs)
        print(
            f"{document.get_kind_display()}: median {statistics.median(wall):.3f} s "
            f"(CPU {statistics.median(cpu):.3f} s; min {min(wall):.3f}, max {max(wall):.3f}, "
            f"{runs} runs; first rendering {cold:.3f} s)"
        )


def export_in_fresh_process(school, school_year, count: int) -> None:
    from documents.models import Document

    document = new_document(
        school=school, kind=Document.Kind.INSPECTION_EXPORT, school_year=school_year
    )
    print(f"Inspection export of {school.name}, {school_year}: {count} placements …", flush=True)
    result = subprocess.run(
        [sys.executable, __file__, "--export", str(document.pk)],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(
        f"Inspection export: {figures['seconds']:.1f} s "
        f"({figures['seconds'] / count * 1000:.0f} ms per pupil), ZIP {figures['zip_mb']:.1f} MB, "
        f"{figures['entries']} files"
    )
    print(
        f"  export process: CPU {figures['cpu_seconds']:.1f} s, peak memory "
        f"{figures['peak_mb']:.0f} MB; {figures['helpers']} helper processes: CPU "
        f"{figures['helper_cpu_seconds']:.1f} s, peak memory {figures['helper_peak_mb']:.0f} MB "
        "each at most"
    )


def export(document_pk: int) -> None:
    """Runs in the child process: renders the export and prints its figures as JSON."""
    import zipfile

    from documents.builders.dossier_renderers import helper_processes
    from documents.services.render_jobs import document_render

    started = time.perf_counter()
    document = document_render(document_pk=document_pk, task_id="benchmark")
    seconds = time.perf_counter() - started
    with document.file.open("rb") as file, zipfile.ZipFile(file) as archive:
        entries = len(archive.namelist())
    usage = resource.getrusage(resource.RUSAGE_SELF)
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = usage.ru_maxrss / 1024
    figures = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "helpers": helper_processes(),
        "helper_cpu_seconds": helpers.ru_utime + helpers.ru_stime,
        "helper_peak_mb": helpers.ru_maxrss / 1024,
        "peak_mb": peak_mb,
        "zip_mb": document.size / 1024 / 1024,
        "entries": entries,
    }
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", type=int, default=16, help="seed_demo --scale (default 16: 544 placements)"
    )
    parser.add_argument("--runs", type=int, default=20, help="PDF renderings to time")
    parser.add_argument("--skip-export", action="store_true", help="only time the PDFs")
    parser.add_argument("--export", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()

    if arguments.export:
        configure(os.environ["MEDIA_ROOT"])
        export(arguments.export)
        return

    with tempfile.TemporaryDirectory(prefix="stagebeheer-benchmark-") as scratch:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/benchmark.sqlite3")
        configure(str(Path(scratch) / "media"))
        started = time.perf_counter()
        seed(arguments.scale)
        school, school_year, count = largest_school_year()
        print(f"seed_demo --scale {arguments.scale}: {time.perf_counter() - started:.0f} s")
        pdf_benchmarks(arguments.runs, school, school_year)
        if not arguments.skip_export:
            if count < 500:
                print(f"Only {count} placements in one school year: raise --scale for 500.")
            export_in_fresh_process(school, school_year, count)


if __name__ == "__main__":
    main()
