"""Real towns in England and Germany, with real postcode districts and street names, to place the demo services."""
from __future__ import annotations

import random

from .specs import Town

TOWNS_ENGLAND = (
    Town("Leeds", "GB", "Yorkshire and the Humber", 53.7997, -1.5492, ("LS2", "LS6", "LS7", "LS8", "LS9"),
         ("Beckett Street", "Roundhay Road", "Harehills Lane", "Great George Street", "Chapeltown Road")),
    Town("Manchester", "GB", "North West", 53.4808, -2.2426, ("M13", "M14", "M15", "M20", "M4"),
         ("Oxford Road", "Wilmslow Road", "Upper Brook Street", "Stockport Road", "Oldham Road")),
    Town("Bristol", "GB", "South West", 51.4545, -2.5879, ("BS1", "BS2", "BS3", "BS5", "BS7"),
         ("Gloucester Road", "North Street", "Stapleton Road", "Whiteladies Road", "Church Road")),
    Town("Norwich", "GB", "East of England", 52.6309, 1.2974, ("NR1", "NR2", "NR3", "NR4"),
         ("Colney Lane", "Unthank Road", "Magdalen Street", "Earlham Road", "Bracondale"), 0.015),
    Town("Leicester", "GB", "East Midlands", 52.6369, -1.1398, ("LE1", "LE2", "LE3", "LE5"),
         ("Infirmary Square", "Queens Road", "Narborough Road", "Belgrave Gate", "London Road")),
    Town("Newcastle upon Tyne", "GB", "North East", 54.9783, -1.6178, ("NE1", "NE2", "NE4", "NE6"),
         ("Westgate Road", "Shields Road", "Osborne Road", "Elswick Road", "Chillingham Road")),
    Town("Sheffield", "GB", "Yorkshire and the Humber", 53.3811, -1.4701, ("S1", "S2", "S10", "S11"),
         ("Glossop Road", "Ecclesall Road", "London Road", "Abbeydale Road", "Division Street")),
    Town("Plymouth", "GB", "South West", 50.3755, -4.1427, ("PL1", "PL4", "PL6"),
         ("Mutley Plain", "Royal Parade", "Embankment Road", "North Hill", "Derriford Road"), 0.015),
)

TOWNS_GERMANY = (
    Town("Köln", "DE", "Nordrhein-Westfalen", 50.9375, 6.9603, ("50667", "50733", "50823", "50937", "51065"),
         ("Neusser Straße", "Venloer Straße", "Zülpicher Straße", "Aachener Straße", "Frankfurter Straße")),
    Town("Leipzig", "DE", "Sachsen", 51.3397, 12.3731, ("04109", "04177", "04229", "04315", "04277"),
         ("Karl-Heine-Straße", "Eisenbahnstraße", "Georg-Schwarz-Straße", "Karl-Liebknecht-Straße",
          "Dresdner Straße")),
    Town("Hamburg", "DE", "Hamburg", 53.5511, 9.9937, ("20095", "20249", "22083", "22765", "22767"),
         ("Max-Brauer-Allee", "Fuhlsbüttler Straße", "Eppendorfer Weg", "Hamburger Straße", "Osterstraße")),
    Town("München", "DE", "Bayern", 48.1351, 11.5820, ("80331", "80469", "80796", "81541", "81667"),
         ("Lindwurmstraße", "Schleißheimer Straße", "Tegernseer Landstraße", "Rosenheimer Straße",
          "Leopoldstraße")),
    Town("Freiburg im Breisgau", "DE", "Baden-Württemberg", 47.9990, 7.8421, ("79098", "79102", "79106", "79110"),
         ("Habsburgerstraße", "Schwarzwaldstraße", "Basler Straße", "Merzhauser Straße", "Sundgauallee"), 0.012),
    Town("Münster", "DE", "Nordrhein-Westfalen", 51.9607, 7.6261, ("48143", "48145", "48151", "48155"),
         ("Hammer Straße", "Wolbecker Straße", "Warendorfer Straße", "Steinfurter Straße", "Weseler Straße"),
         0.015),
    Town("Dresden", "DE", "Sachsen", 51.0504, 13.7373, ("01067", "01069", "01097", "01307"),
         ("Königsbrücker Straße", "Bautzner Straße", "Fetscherstraße", "Prager Straße", "Louisenstraße")),
    Town("Kassel", "DE", "Hessen", 51.3127, 9.4797, ("34117", "34119", "34121", "34127"),
         ("Wilhelmshöher Allee", "Friedrich-Ebert-Straße", "Holländische Straße", "Frankfurter Straße",
          "Leipziger Straße"), 0.015),
)

TOWNS = {town.name: town for town in TOWNS_ENGLAND + TOWNS_GERMANY}

# Letters a UK inward code never uses, so generated postcodes look like real ones.
_UK_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def postcode_for(town: Town, rng: random.Random) -> str:
    """A postcode that looks right for the town: 'LS9 7TF' in England, '50733' in Germany."""
    outward = rng.choice(town.postcodes)
    if town.country == "DE":
        return outward
    letters = rng.choice(_UK_INWARD_LETTERS) + rng.choice(_UK_INWARD_LETTERS)
    return f"{outward} {rng.randint(1, 9)}{letters}"


def street_address(town: Town, rng: random.Random) -> str:
    """A street and house number in the local order: '12 Beckett Street' or 'Neusser Straße 12'."""
    street, number = rng.choice(town.streets), rng.randint(1, 180)
    return f"{street} {number}" if town.country == "DE" else f"{number} {street}"


def coordinates_in(town: Town, rng: random.Random) -> tuple[float, float]:
    """A point scattered around the town centre but well inside the town."""
    # A degree of longitude is shorter than one of latitude this far north; scale so the scatter is round.
    latitude = town.latitude + rng.uniform(-town.spread, town.spread)
    longitude = town.longitude + rng.uniform(-town.spread, town.spread) * 1.6
    return round(latitude, 6), round(longitude, 6)
