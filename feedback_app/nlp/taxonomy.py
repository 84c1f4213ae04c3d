"""Storyloop's theme codes and how the labels of the NHS training files map onto them (TAXONOMY.md)."""
from __future__ import annotations

THEMES: tuple[str, ...] = (
    "staff_attitude",
    "staff_capacity",
    "communication",
    "access_waiting",
    "care_treatment",
    "coordination",
    "environment",
    "travel_parking",
    "dignity_safety",
    "family_carers",
    "organisation",
)

SENTIMENTS: tuple[str, ...] = ("positive", "mixed", "negative")

V6_LABELS: dict[str, str] = {
    "Staff manner & personal attributes": "staff_attitude",
    "Number & deployment of staff": "staff_capacity",
    "Staff responsiveness": "staff_capacity",
    "Staff continuity": "staff_capacity",
    "Competence & training": "care_treatment",
    "Unspecified communication": "communication",
    "Staff listening, understanding & involving patients": "communication",
    "Information directly from staff during care": "communication",
    "Information provision & guidance": "communication",
    "Being kept informed, clarity & consistency of information": "communication",
    "Contacting services": "access_waiting",
    "Appointment arrangements": "access_waiting",
    "Appointment method": "access_waiting",
    "Timeliness of care": "access_waiting",
    "Existence of services": "access_waiting",
    "Choice of services": "access_waiting",
    "Out of hours support (community services)": "access_waiting",
    "Pain management": "care_treatment",
    "Diagnosis & triage": "care_treatment",
    "Impact of treatment/ care": "care_treatment",
    "Supplying & understanding medication": "care_treatment",
    "Psychological therapy arrangements": "care_treatment",
    "Referals & continuity of care": "coordination",
    "Discharge": "coordination",
    "Care plans": "coordination",
    "Patient records": "coordination",
    "Admission": "coordination",
    "Cleanliness, tidiness & infection control": "environment",
    "Provision of medical equipment": "environment",
    "Environment & Facilities": "environment",
    "Food & drink provision & facilities": "environment",
    "Electronic entertainment": "environment",
    "Sensory experience": "environment",
    "Activities & access to fresh air": "environment",
    "Service location": "travel_parking",
    "Transport to/ from services": "travel_parking",
    "Parking": "travel_parking",
    "Feeling safe": "dignity_safety",
    "Patient appearance & grooming": "dignity_safety",
    "Mental Health Act": "dignity_safety",
    "Equality, Diversity & Inclusion": "dignity_safety",
    "Safeguarding concerns?": "dignity_safety",
    "Interaction with family/ carers": "family_carers",
    "Organisation & efficiency": "organisation",
    "Funding & use of financial resources": "organisation",
    "Learning organisation": "organisation",
}

PHASE1_LABELS: dict[str, str] = {
    "Staff": "staff_attitude",
    "Communication": "communication",
    "Access": "access_waiting",
    "Care received": "care_treatment",
    "Transition/coordination": "coordination",
    "Environment/ facilities": "environment",
    "Dignity": "dignity_safety",
}

# v6 "Comment sentiment": 1-2 positive, 3 mixed, 4-5 negative.
V6_SENTIMENT: dict[str, str] = {"1": "positive", "2": "positive", "3": "mixed", "4": "negative", "5": "negative"}
