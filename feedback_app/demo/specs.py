"""The shapes of the demo directory data: plain records the data modules fill in."""
from __future__ import annotations

from dataclasses import dataclass

from ..models import ServiceKind


@dataclass(frozen=True)
class Town:
    """A real town: its centre, the spread of its built-up area, and postcodes that exist there."""

    name: str
    country: str  # ISO 3166-1 alpha-2: GB, DE
    region: str
    latitude: float
    longitude: float
    postcodes: tuple[str, ...]  # England: outward codes (LS9); Germany: whole Postleitzahlen
    streets: tuple[str, ...]
    spread: float = 0.02  # degrees of latitude the services scatter within, so they stay inside the town


@dataclass(frozen=True)
class ServiceSpec:
    """One service of an organisation."""

    kind: ServiceKind
    name: str
    town: str


@dataclass(frozen=True)
class OrgSpec:
    """A provider organisation, its services and its child organisations (a trust's hospitals, a Kreisverband)."""

    name: str
    region: str
    description: str
    services: tuple[ServiceSpec, ...] = ()
    children: tuple[OrgSpec, ...] = ()
