"""Build the demo directory (organisations and their services) from the data modules."""
from __future__ import annotations

import random
import re
import unicodedata

from sqlalchemy import func, select

from ..extensions import db
from ..models import Organisation, Service
from .directory_england import ORGANISATIONS_ENGLAND
from .directory_germany import ORGANISATIONS_GERMANY
from .places import TOWNS, coordinates_in, postcode_for, street_address
from .specs import OrgSpec

# Umlauts are spelled out rather than dropped, so "Köln" becomes "koeln", as Germans write it in URLs.
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slugify(text: str) -> str:
    """A lower-case ASCII slug: 'Krankenhaus Elbufer-Altona – Geriatrie' -> 'krankenhaus-elbufer-altona-geriatrie'."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def ensure_directory(rng: random.Random) -> list[Service]:
    """The services in the database; the demo directory is created first when there are none."""
    if not db.session.scalar(select(func.count()).select_from(Service)):
        for spec in ORGANISATIONS_ENGLAND:
            _add_organisation(spec, "GB", None, rng)
        for spec in ORGANISATIONS_GERMANY:
            _add_organisation(spec, "DE", None, rng)
        db.session.flush()
    return list(db.session.scalars(select(Service).order_by(Service.id)))


def _add_organisation(spec: OrgSpec, country: str, parent: Organisation | None, rng: random.Random) -> None:
    organisation = Organisation(name=spec.name, slug=slugify(spec.name), country=country, region=spec.region,
                                description=spec.description, parent=parent)
    db.session.add(organisation)
    for service_spec in spec.services:
        town = TOWNS[service_spec.town]
        latitude, longitude = coordinates_in(town, rng)
        organisation.services.append(Service(
            name=service_spec.name, slug=slugify(service_spec.name), kind=service_spec.kind,
            street=street_address(town, rng), town=town.name, postcode=postcode_for(town, rng),
            country=town.country, latitude=latitude, longitude=longitude,
        ))
    for child in spec.children:
        _add_organisation(child, country, organisation, rng)
