"""Names, streets and municipalities for the demo data: Flanders as it is today.

The municipalities are real, with their real postal codes; the streets are common Flemish street
names, so an address looks plausible without pointing at anyone's home.
"""

from typing import NamedTuple


class NameGroup(NamedTuple):
    """Family names and the first names that go with them, for pupils and for adults."""

    weight: int
    family_names: tuple[str, ...]
    boys: tuple[str, ...]
    girls: tuple[str, ...]
    men: tuple[str, ...]
    women: tuple[str, ...]

    def first_names(self, *, female: bool, adult: bool) -> tuple[str, ...]:
        if adult:
            return self.women if female else self.men
        return self.girls if female else self.boys


FLEMISH = NameGroup(
    weight=86,
    family_names=(
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
        "Wouters", "De Smet", "Van den Bossche", "De Clercq", "Verhoeven", "Van Damme", "De Vos",
        "Pauwels", "Hermans", "Cools", "Aerts", "De Cock", "Van de Velde", "Verbeke",
        "Vermeulen", "Martens", "Lambrecht", "De Backer", "Van Acker", "Baert", "Schepens",
        "Van der Linden", "De Wilde", "Blommaert", "Bogaert", "Coppens", "De Bruyne", "Stevens",
        "Segers", "Van Hecke", "Verstraete", "Moens", "Roels", "D'hondt", "Van Impe", "De Meyer",
        "Cornelis", "Van Wassenhove", "De Schrijver", "Meganck", "Van der Haegen", "De Mol",
        "Rogiers", "Beeckman", "Van Nuffel", "Schelfhout", "De Pauw", "Vercauteren",
        "Van Cauwenbergh", "Moerman", "Bauwens", "Van Mol", "Hoebeke", "Van Geit", "De Ridder",
        "Van Gysegem", "Cosyns", "Heyvaert", "Van Eeckhout", "Sterckx", "Bracke",
        "Van Landeghem",
    ),
    boys=(
        "Lucas", "Louis", "Arthur", "Noah", "Liam", "Jules", "Finn", "Mathis", "Vic", "Lars",
        "Seppe", "Wout", "Robbe", "Milan", "Kobe", "Jasper", "Thibo", "Senne", "Stan", "Warre",
        "Lander", "Ruben", "Mats", "Bram", "Jarne", "Nathan", "Cas", "Jelle", "Rune", "Daan",
        "Tuur", "Xander", "Brent", "Kenzo", "Jonas",
    ),
    girls=(
        "Emma", "Louise", "Olivia", "Elise", "Marie", "Lotte", "Julie", "Fien", "Nore", "Lina",
        "Hanne", "Lore", "Febe", "Amber", "Noor", "Jana", "Ine", "Axelle", "Margot", "Zoë",
        "Ella", "Laura", "Charlotte", "Kiana", "Jade", "Lisa", "Britt", "Silke", "Jolien",
        "Manon", "Estelle", "Niene", "Tess", "Eline", "Luna",
    ),
    men=(
        "Kristof", "Bart", "Tom", "Peter", "Stijn", "Koen", "Wim", "Dirk", "Geert", "Johan",
        "Steven", "Pieter", "Nico", "Jan", "Davy", "Sven", "Gert", "Frederik", "Filip", "Jurgen",
        "Kurt", "Luc", "Marc", "Patrick", "Wouter", "Joris", "Dieter", "Hans", "Yves",
    ),
    women=(
        "Sofie", "Nathalie", "Katrien", "Els", "Veerle", "Ann", "Sarah", "Tine", "Leen",
        "Evelien", "Kim", "Nele", "Griet", "Inge", "Hilde", "Liesbeth", "Karen", "Vanessa",
        "Sandra", "Kathleen", "Isabelle", "Caroline", "Annelies", "Barbara", "Heidi", "Marijke",
        "An", "Ilse", "Elke",
    ),
)  # fmt: skip
MAGHREB_TURKISH = NameGroup(
    weight=10,
    family_names=(
        "El Amrani", "Benali", "Bakkali", "El Idrissi", "Azzouzi", "Yilmaz", "Kaya", "Öztürk",
        "Demir", "Aydin",
    ),
    boys=("Mohamed", "Adam", "Ayoub", "Yusuf", "Emir", "Bilal", "Rayan", "Amine", "Kerem"),
    girls=("Aya", "Yasmine", "Ines", "Yara", "Malak", "Sara", "Nour", "Elif", "Zeynep"),
    men=("Hakim", "Karim", "Mehmet", "Ahmed", "Mustafa", "Rachid", "Youssef", "Hasan"),
    women=("Fatima", "Samira", "Naima", "Leila", "Hatice", "Meryem", "Khadija", "Ayse"),
)  # fmt: skip
CENTRAL_EUROPEAN = NameGroup(
    weight=4,
    family_names=("Nowak", "Kowalski", "Popescu", "Ionescu", "Kovács", "Novák"),
    boys=("Jakub", "Mateusz", "Andrei", "Luca", "Filip", "David"),
    girls=("Zuzanna", "Maja", "Ioana", "Elena", "Anna", "Natalia"),
    men=("Piotr", "Tomasz", "Mihai", "Bogdan", "Pavel", "László"),
    women=("Agnieszka", "Katarzyna", "Maria", "Alina", "Eva", "Monika"),
)  # fmt: skip
NAME_GROUPS = (FLEMISH, MAGHREB_TURKISH, CENTRAL_EUROPEAN)
FAMILY_NAMES = FLEMISH.family_names  # for company names: Flemish family businesses
STREETS = (
    "Kerkstraat", "Stationsstraat", "Molenstraat", "Nieuwstraat", "Dorpsstraat", "Schoolstraat",
    "Kouterstraat", "Veldstraat", "Hoogstraat", "Kapelstraat", "Bergstraat", "Lindenlaan",
    "Beekstraat", "Meersstraat", "Pastorijstraat", "Kasteelstraat", "Bosstraat", "Heirbaan",
    "Weverstraat", "Brouwerijstraat", "Zandstraat", "Groenstraat", "Vijverstraat",
    "Processiestraat", "Populierenlaan", "Eikenlaan", "Kloosterstraat", "Molenberg",
    "Smidsestraat", "Bellaertstraat", "Hoveniersstraat", "Ridderstraat", "Wilgenstraat",
    "Koning Albertstraat", "Leopoldlaan", "Kleine Kerkstraat", "Ommegangstraat", "Tuinwijk",
)  # fmt: skip
BUSINESS_STREETS = (
    "Industrieweg", "Ambachtenlaan", "Zuiderlaan", "Nijverheidsstraat", "Handelsstraat",
    "Ondernemersstraat", "Industriepark Noord", "Bedrijvenzone Schoonhoven", "Toekomststraat",
    "Hoogveld", "Europalaan", "Kolonel Begaultlaan",
)  # fmt: skip
EMAIL_PROVIDERS = ("telenet.be", "gmail.com", "proximus.be", "hotmail.com", "skynet.be")


class Municipality(NamedTuple):
    postal_code: str
    city: str
    phone_zone: str  # the landline zone, e.g. 053 for Aalst


# Around the school in Aalst; the first ones are closest and weigh more.
AALST_REGION = (
    Municipality("9300", "Aalst", "053"),
    Municipality("9320", "Erembodegem", "053"),
    Municipality("9420", "Erpe-Mere", "053"),
    Municipality("9470", "Denderleeuw", "053"),
    Municipality("9400", "Ninove", "054"),
    Municipality("9340", "Lede", "053"),
    Municipality("9620", "Zottegem", "09"),
    Municipality("9450", "Haaltert", "053"),
    Municipality("9260", "Wichelen", "052"),
    Municipality("9550", "Herzele", "053"),
    Municipality("1790", "Affligem", "053"),
    Municipality("1770", "Liedekerke", "053"),
)
# Around the school in Lokeren.
LOKEREN_REGION = (
    Municipality("9160", "Lokeren", "09"),
    Municipality("9100", "Sint-Niklaas", "03"),
    Municipality("9240", "Zele", "052"),
    Municipality("9200", "Dendermonde", "052"),
    Municipality("9250", "Waasmunster", "052"),
    Municipality("9180", "Moerbeke", "09"),
    Municipality("9185", "Wachtebeke", "09"),
    Municipality("9190", "Stekene", "03"),
    Municipality("9220", "Hamme", "052"),
    Municipality("9080", "Lochristi", "09"),
    Municipality("9290", "Berlare", "052"),
)

# What a hospital or home-care service in the area calls its region.
AALST_AREA_NAMES = ("Denderstreek", "Dendervallei", "Denderland", "Land van Aalst")
LOKEREN_AREA_NAMES = ("Waasland", "Waas en Durme", "Durmevallei", "Scheldeland")

# Parts of host names, by the sector's naming style.
CARE_HOME_NAMES = (
    "Ter Linde", "De Bloesem", "Hof ter Dender", "Sint-Jozef", "De Wingerd", "Ter Meersen",
    "Het Anker", "De Populier", "Zonnehof", "De Vlinder", "Ter Beke", "Denderhof", "De Kastanje",
    "Ter Weyde", "Huize Mariëngaarde", "De Notelaar", "Ter Durme", "Hof van Lede",
)  # fmt: skip
CHILDCARE_NAMES = (
    "'t Kabouterhuis", "De Speelvogel", "Pinkeltje", "Het Zonnetje", "De Rupsjes", "Ukkepuk",
    "De Boomhut", "Kaboutertje", "De Knuffelbeer", "Het Nestje",
)  # fmt: skip
HOSPITALITY_NAMES = (
    "Het Anker", "De Gouden Leeuw", "'t Pleintje", "De Kroon", "Den Ouden Brouwer", "De Zwaan",
    "Het Hemelrijk", "De Keizer", "'t Molenhuis", "De Valk", "Het Wapen van Lokeren",
    "De Ster", "Ter Durme", "De Graanschuur",
)  # fmt: skip
