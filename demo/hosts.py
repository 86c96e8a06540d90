"""Creates the demo hosts with their workplaces and mentors, written in bulk as ``host_create``
(a host's registered office is its first workplace, unless its pupils work elsewhere),
``workplace_create`` and ``mentor_create`` would store them, with the same history."""

from django.utils.translation import gettext as _

from demo.builders import DemoDataError, DemoSchool, HostBundle, ascii_slug
from demo.bulk import Batch
from demo.names import (
    CARE_HOME_NAMES,
    CHILDCARE_NAMES,
    FAMILY_NAMES,
    FLEMISH,
    HOSPITALITY_NAMES,
)
from demo.specs import SECTORS, SectorSpec
from internships.models import Host, Mentor, Workplace


def _host_name(
    demo: DemoSchool, sector: SectorSpec, place: str, taken: set[str]
) -> tuple[str, dict[str, str]]:
    """A name not used yet at this school, and the parts it was made of."""
    rng = demo.rng
    for attempt in range(30):
        parts = {
            "family": rng.choice(FAMILY_NAMES),
            "place": place,
            "care": rng.choice(CARE_HOME_NAMES),
            "kids": rng.choice(CHILDCARE_NAMES),
            "horeca": rng.choice(HOSPITALITY_NAMES),
            "area": rng.choice(demo.spec.area_names),
        }
        pattern = rng.choice(sector.names)
        name = pattern.format(**parts)
        if attempt >= 10 and name in taken:
            name = f"{name} {place}"
        if name not in taken:
            taken.add(name)
            if "{family}" not in pattern:
                del parts["family"]
            return name, parts
    raise DemoDataError(
        _("Geen vrije naam gevonden voor een stagegever in %(place)s.") % {"place": place}
    )


def hosts_create(demo: DemoSchool) -> None:
    """The hosts of every sector, with their workplaces and mentors."""
    taken: set[str] = set()
    batch = Batch()
    for sector_key, count in demo.spec.hosts.items():
        sector = SECTORS[sector_key]
        demo.hosts[sector_key] = [
            _host_create(demo, batch, sector_key, sector, taken)
            for _number in range(count * demo.scale)
        ]
    batch.write()


def _host_create(
    demo: DemoSchool, batch: Batch, key: str, sector: SectorSpec, taken: set[str]
) -> HostBundle:
    rng = demo.rng
    office = demo.municipality()
    name, parts = _host_name(demo, sector, office.city, taken)
    domain = f"{ascii_slug(name)[:40]}.be"
    # A family business is run by the family.
    if "family" in parts:
        first_name = rng.choice(FLEMISH.first_names(female=rng.random() < 0.4, adult=True))
        representative = f"{first_name} {parts['family']}"
    else:
        representative = " ".join(demo.person(female=rng.random() < 0.5))
    host = Host(
        school=demo.school,
        name=name,
        enterprise_number=demo.numbers.enterprise_number(),
        employs_staff=True,
        street=demo.street(business=sector.business_address),
        postal_code=office.postal_code,
        city=office.city,
        joint_committee=sector.joint_committee,
        representative_name=representative,
        representative_title=rng.choice(sector.representative_titles),
        email=f"info@{domain}",
        phone=demo.landline(office.phone_zone),
    )
    batch.add(host)
    workplaces = []
    if not sector.works_elsewhere:
        office_workplace = Workplace(
            host=host,
            name=host.name,
            street=host.street,
            postal_code=host.postal_code,
            city=host.city,
        )
        workplaces.append(batch.add(office_workplace))
    extra = 0
    if sector.works_elsewhere:
        extra = 1
    elif key == "hospital":
        extra = 2
    elif sector.extra_workplaces and rng.random() < 0.5:
        extra = 1
    # Different towns, so two campuses never share a name.
    places = rng.sample([m for m in demo.spec.region if m != office], extra)
    for place in places:
        workplace_name = (
            f"Atelier {name}"
            if sector.works_elsewhere
            else rng.choice(sector.extra_workplaces).format(**{**parts, "place": place.city})
        )
        workplace = Workplace(
            host=host,
            name=workplace_name,
            street=demo.street(business=sector.works_elsewhere),
            postal_code=place.postal_code,
            city=place.city,
        )
        workplaces.append(batch.add(workplace))
    mentor_count = rng.randint(2, 3) if key in ("hospital", "elderly_care") else rng.randint(1, 2)
    mentors = []
    for _number in range(mentor_count):
        female = rng.random() < (0.75 if key in ("hospital", "elderly_care", "home_care") else 0.4)
        first_name, last_name = demo.person(female=female)
        mentor = Mentor(
            host=host,
            first_name=first_name,
            last_name=last_name,
            job_title=rng.choice(sector.mentor_titles),
            email=demo.email(first_name, last_name, domain),
            phone=demo.mobile(),
        )
        mentors.append(batch.add(mentor))
    return HostBundle(host, key, workplaces, mentors)
