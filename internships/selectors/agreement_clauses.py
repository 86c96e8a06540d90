"""The clauses of the model agreement (omzendbrief SO/2015/01), each with its source section.

They are the same for every pupil except the travel costs, which each agreement settles
(7.1.2); the texts are Dutch because the content is built under the document's language.
"""

from django.utils.translation import gettext as _

from internships.models import Agreement, SchoolBoard


def _travel_costs(agreement: Agreement) -> str:
    texts = {
        Agreement.TravelCosts.HOST: _(
            "De stagegever vergoedt de verplaatsingskosten die uit de stage voortvloeien."
        ),
        Agreement.TravelCosts.SCHOOL: _(
            "De school vergoedt de verplaatsingskosten die uit de stage voortvloeien."
        ),
        Agreement.TravelCosts.STUDENT: _(
            "De leerling-stagiair draagt zelf de verplaatsingskosten; de school waakt er, onder "
            "meer door de keuze van de stageplaats, over dat deze kosten beheersbaar blijven."
        ),
    }
    text = texts[agreement.travel_costs]
    if agreement.travel_costs_note:
        text = f"{text} {agreement.travel_costs_note}"
    return text


def clauses(board: SchoolBoard, agreement: Agreement | None) -> list[dict[str, str]]:
    """The clauses of the model agreement; the travel costs only in a pupil's own agreement
    (a group agreement leaves them to each pupil's annex)."""
    clause = [
        (
            "no_employment",
            "8.1.2",
            _("Geen arbeidsovereenkomst"),
            _(
                "Deze leerlingenstageovereenkomst is geen arbeidsovereenkomst en geen "
                "overeenkomst voor tewerkstelling van studenten: tussen de stagegever en de "
                "leerling-stagiair ontstaat geen arbeidsrelatie."
            ),
        ),
        (
            "unpaid",
            "7.1.1",
            _("Onbezoldigd"),
            _(
                "De stage is onbezoldigd. Vrijgevigheden van de stagegever zijn enkel mogelijk "
                "als ook de gewone werknemers ze krijgen."
            ),
        ),
        (
            "accident_insurance",
            "6.1.2",
            _("Arbeidsongevallenverzekering"),
            _(
                "Het schoolbestuur %(board)s verzekert de leerling-stagiair tegen "
                "arbeidsongevallen op de stageplaats en op weg van en naar de stageplaats bij "
                "%(insurer)s, polisnummer %(policy)s. Bij een ernstig arbeidsongeval maakt de "
                "stagegever een omstandig verslag op."
            )
            % {"board": board.name, "insurer": board.insurer, "policy": board.policy_number},
        ),
        (
            "liability",
            "6.1.1",
            _("Aansprakelijkheid"),
            _(
                "De stagegever is aansprakelijk voor de schade die de leerling-stagiair door een "
                "lichte, eerder toevallige fout aan derden veroorzaakt. Enkel bij opzet, zware "
                "fout of een vaak voorkomende lichte fout kan de stagegever de schade op de "
                "leerling-stagiair verhalen. Deze regeling kan niet contractueel gewijzigd "
                "worden."
            ),
        ),
        *(
            [("travel_costs", "7.1.2", _("Onkosten"), _travel_costs(agreement))]
            if agreement
            else []
        ),
        (
            "no_fee",
            "7.3",
            _("Geen vergoeding voor de school"),
            _(
                "De school krijgt van de stagegever geen vergoeding en betaalt de stagegever "
                "geen vergoeding in ruil voor het tewerkstellen van de leerling-stagiair."
            ),
        ),
        (
            "dimona",
            "5.5",
            _("Dimona-aangifte"),
            _("De school doet voor de leerling-stagiair een Dimona-aangifte van het type STG."),
        ),
        (
            "protective_equipment",
            "8.2.1",
            _("Onthaal, werkkledij en beschermingsmiddelen"),
            _(
                "De stagegever laat de leerling-stagiair kennisnemen van het arbeidsreglement en "
                "overloopt met hem of haar de werkpostfiche. Hij stelt gratis persoonlijke "
                "beschermingsmiddelen en werkkledij ter beschikking, onderhoudt ze en verplicht "
                "het gebruik ervan; de leerling-stagiair gebruikt ze volgens de instructies."
            ),
        ),
        (
            "labour_rules",
            "5",
            _("Arbeidsduur en rusttijden"),
            _(
                "De arbeidsregelgeving van afdeling 5 is van toepassing: hoogstens 8 uur per dag, "
                "38 uur per week (lessen inbegrepen) en 1200 uur per schooljaar, de rusttijden, "
                "het verbod op arbeid op zon- en feestdagen en op nachtarbeid behoudens de "
                "vermelde afwijkingen. Collectieve arbeidsovereenkomsten met bijkomende "
                "beschermingsmaatregelen gelden ook voor de leerling-stagiair (5.6)."
            ),
        ),
        (
            "risks",
            "8.1.4",
            _("Welzijn op het werk"),
            _(
                "De stagegever maakt op basis van de stageactiviteitenlijst een risicoanalyse "
                "van de werkposten, bezorgt het resultaat aan de school en bezorgt, vóór de "
                "start op een werkpost met gezondheidstoezicht, de werkpostfiche aan de "
                "leerling-stagiair en aan de school."
            ),
        ),
        (
            "signatures",
            "8.1.2",
            _("Ondertekening"),
            _(
                "Deze overeenkomst wordt vóór de aanvang van de stage ondertekend door elke "
                "partij of haar gevolmachtigde vertegenwoordiger; voor een minderjarige "
                "leerling-stagiair tekent een ouder of voogd. Elke partij krijgt een exemplaar."
            ),
        ),
    ]
    return [
        {"key": key, "source": source, "title": title, "text": text}
        for key, source, title, text in clause
    ]
