"""WeasyPrint's access to files: local media and static files only, never the network."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from documents.builders.individual_dossier import dossier_placements, dossier_source, render_dossier
from documents.rendering import (
    STYLESHEET,
    LocalFileFetcher,
    css_string,
    logo_url,
    url_fetcher,
    write_pdf,
)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (29, 79, 115)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def media_file():
    path = Path(settings.MEDIA_ROOT) / "school-logos" / "test-logo.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png())
    yield path
    path.unlink()


class TestLocalFileFetcher:
    @pytest.mark.parametrize(
        "url",
        [
            "http://127.0.0.1:8000/static/img/favicon.svg",
            "https://example.com/logo.png",
            "ftp://example.com/logo.png",
            "file:///etc/passwd",
            "file://otherhost/etc/passwd",
        ],
    )
    def test_it_refuses_the_network_and_files_elsewhere(self, url):
        with pytest.raises(ValueError, match="Refused"):
            url_fetcher().fetch(url)

    def test_it_refuses_a_path_that_climbs_out_of_media(self, media_file):
        sneaky = media_file.parent.as_uri() + "/../../../../etc/passwd"
        with pytest.raises(ValueError, match="Refused"):
            url_fetcher().fetch(sneaky)

    def test_it_serves_files_under_media_root(self, media_file):
        response = url_fetcher().fetch(media_file.as_uri())
        try:
            assert response.content_type == "image/png"
            assert response.read() == media_file.read_bytes()
        finally:
            response.close()

    def test_it_serves_the_print_stylesheet(self):
        response = LocalFileFetcher([STYLESHEET.parent]).fetch(STYLESHEET.as_uri())
        try:
            assert b"@page" in response.read()
        finally:
            response.close()


@pytest.mark.django_db
def test_the_schools_logo_heads_every_page(school_a):
    school = school_a.school
    school.logo.save("logo.png", ContentFile(png()), save=True)
    placement = dossier_placements().get(pk=school_a.placement.pk)
    output = io.BytesIO()

    try:
        assert logo_url(school).startswith("file://")
        render_dossier(placement, output=output)
    finally:
        school.logo.delete(save=False)

    reader = PdfReader(output)
    assert all(len(page.images) == 1 for page in reader.pages)


@pytest.mark.django_db
def test_a_school_without_logo_has_none(school_a):
    assert logo_url(school_a.school) == ""


@pytest.mark.django_db
def test_the_footer_and_metadata_say_when_the_pdf_was_made(school_a):
    placement = dossier_placements().get(pk=school_a.placement.pk)
    made = timezone.make_aware(datetime.datetime(2026, 3, 2, 14, 5))
    output = io.BytesIO()

    write_pdf(dossier_source(placement), output, generated_at=made)

    reader = PdfReader(output)
    assert all("Aangemaakt op 02/03/2026 14:05" in page.extract_text() for page in reader.pages)
    assert reader.metadata.creation_date.replace(tzinfo=None) == datetime.datetime(
        2026, 3, 2, 14, 5
    )


@pytest.mark.django_db
def test_the_content_hash_ignores_the_moment_but_not_the_content(school_a, monkeypatch):
    placement = dossier_placements().get(pk=school_a.placement.pk)
    first = dossier_source(placement)
    later = timezone.now() + datetime.timedelta(hours=3)
    monkeypatch.setattr(timezone, "now", lambda: later)

    again = dossier_source(placement)
    placement.student.phone = "+32 470 99 99 99"

    assert again.content_hash(version=1) == first.content_hash(version=1)
    assert first.content_hash(version=2) != first.content_hash(version=1)
    assert dossier_source(placement).content_hash(version=1) != first.content_hash(version=1)


def test_a_quote_in_the_footer_text_stays_inside_its_css_string():
    assert css_string('Aangemaakt "nu"\\') == '"Aangemaakt \\"nu\\"\\\\"'
