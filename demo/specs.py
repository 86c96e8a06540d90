"""The shapes of the demo data (schools, programmes, staff) and the host sectors."""

from dataclasses import dataclass

from demo.names import Municipality

DEMO_PASSWORD = "demo-stage-2026"
SEED = 20262027


@dataclass(frozen=True)
class ProgrammeSpec:
    """A programme and how its pupils do their internships.

    ``recipe`` names the placements of a pupil in this programme (see ``demo.placements``);
    ``previous_recipe`` those of the year before, for pupils who were at the school then too.
    """

    code: str
    name: str
    grade: int
    year_in_grade: int
    finality: str
    lesson_hours: int
    sectors: tuple[str, ...]
    pupils: tuple[int, int]  # whose class is in 2025–2026 (they left), in 2026–2027; scale 1
    recipe: str
    supervisor: str
    weekday: int = 3  # the day of an alternating internship
    previous_recipe: str | None = None

    @property
    def school_year_number(self) -> int:
        """The year of secondary school: 4 for the second grade's second year, 7 for a 7th."""
        return (2 if self.grade == 2 else 4) + self.year_in_grade

    @property
    def final_year(self) -> bool:
        return self.grade == 3 and self.year_in_grade >= 2


@dataclass(frozen=True)
class StaffSpec:
    username: str
    first_name: str
    last_name: str
    role: str


@dataclass(frozen=True)
class SectorSpec:
    """A kind of host: its joint committee, how it is named and where pupils work."""

    joint_committee: str
    names: tuple[str, ...]  # format strings: {family} {place} {care} {kids} {horeca} {area}
    representative_titles: tuple[str, ...]
    mentor_titles: tuple[str, ...]
    extra_workplaces: tuple[str, ...] = ()  # names of workplaces at another address
    works_elsewhere: bool = False  # the registered office is not where the pupil works
    business_address: bool = False  # on an industrial estate rather than in a street


@dataclass(frozen=True)
class BoardSpec:
    name: str
    enterprise_number: str
    street: str
    municipality: Municipality
    insurer: str
    policy_number: str


@dataclass(frozen=True)
class SchoolSpec:
    key: str
    name: str
    institution_number: str
    street: str
    municipality: Municipality
    head_name: str
    domain: str
    phone: str
    board: BoardSpec
    region: tuple[Municipality, ...]
    area_names: tuple[str, ...]
    programmes: tuple[ProgrammeSpec, ...]
    staff: tuple[StaffSpec, ...]
    hosts: dict[str, int]  # sector: number of hosts at scale 1


SECTORS = {
    "elderly_care": SectorSpec(
        "330",
        ("Woonzorgcentrum {care}", "WZC {care}", "Residentie {care}"),
        ("directeur", "algemeen directeur"),
        ("hoofdverpleegkundige", "teamverantwoordelijke", "referentieverpleegkundige"),
        extra_workplaces=("Assistentiewoningen {care}", "Dagverzorgingscentrum {care}"),
    ),
    "hospital": SectorSpec(
        "330",
        ("Algemeen Ziekenhuis {area}", "AZ {area}"),
        ("algemeen directeur", "directeur patiëntenzorg"),
        ("hoofdverpleegkundige", "stagecoördinator verpleging", "zorgcoördinator"),
        extra_workplaces=("Campus {place}",),
    ),
    "home_care": SectorSpec(
        "318.02",
        ("Familiezorg {area}", "Thuiszorgdienst {area}"),
        ("directeur", "regioverantwoordelijke"),
        ("teamleider gezinszorg", "maatschappelijk werker"),
        extra_workplaces=("Thuiszorgteam {place}",),
    ),
    "childcare": SectorSpec(
        "331",
        ("Kinderdagverblijf {kids}", "Kinderopvang {kids}"),
        ("verantwoordelijke", "zaakvoerder"),
        ("kinderbegeleider", "verantwoordelijke kinderopvang"),
    ),
    "electrician": SectorSpec(
        "149.01",
        ("Elektro {family}", "{family} Elektrotechniek", "Elektriciteitswerken {family}"),
        ("zaakvoerder",),
        ("ploegbaas", "meestergast", "elektrotechnicus"),
        works_elsewhere=True,
    ),
    "metal": SectorSpec(
        "111",
        ("{family} Machinebouw", "{family} Industrial Services", "Metaalwerken {family}"),
        ("gedelegeerd bestuurder", "productieleider"),
        ("onderhoudsverantwoordelijke", "ploegleider", "technisch verantwoordelijke"),
        business_address=True,
    ),
    "office": SectorSpec(
        "200",
        (
            "Boekhoudkantoor {family}",
            "{family} & Partners",
            "Immo {place}",
            "Verzekeringen {family}",
        ),
        ("zaakvoerder", "kantoorverantwoordelijke"),
        ("office manager", "administratief bediende", "boekhouder"),
    ),
    "logistics": SectorSpec(
        "226",
        ("{family} Logistics", "Distributiecentrum {area}"),
        ("gedelegeerd bestuurder", "operationeel directeur"),
        ("teamleider administratie", "planner", "customer service manager"),
        business_address=True,
    ),
    "catering": SectorSpec(
        "302",
        ("Brasserie {horeca}", "Restaurant {horeca}", "Hotel {horeca}", "Taverne {horeca}"),
        ("zaakvoerder", "uitbater"),
        ("chef-kok", "souschef", "zaalverantwoordelijke"),
    ),
    "bakery": SectorSpec(
        "118.03",
        ("Bakkerij {family}", "Banketbakkerij {family}", "Brood en banket {family}"),
        ("zaakvoerder", "bakker-patissier"),
        ("meester-bakker", "patissier", "winkelverantwoordelijke"),
        extra_workplaces=("Winkel {place}",),
    ),
    "food": SectorSpec(
        "118",
        ("{family} Vleeswaren", "Chocolaterie {family}", "Traiteur {family}"),
        ("gedelegeerd bestuurder", "productieverantwoordelijke"),
        ("productieleider", "kwaliteitsverantwoordelijke"),
        business_address=True,
    ),
}
