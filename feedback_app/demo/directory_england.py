"""Demo organisations and services in England. The names are invented; the towns and streets are real."""
from __future__ import annotations

from ..models import ServiceKind as K
from .specs import OrgSpec
from .specs import ServiceSpec as S

ORGANISATIONS_ENGLAND = (
    OrgSpec(
        "Riverside Teaching Hospitals NHS Trust", "Yorkshire and the Humber",
        "An acute trust running two hospitals in Leeds.",
        children=(
            OrgSpec("Riverside General Hospital", "Yorkshire and the Humber",
                    "The main acute hospital of the trust, with the emergency department and maternity unit.",
                    services=(
                        S(K.HOSPITAL, "Riverside General Hospital – Emergency Department", "Leeds"),
                        S(K.HOSPITAL, "Riverside General Hospital – Ward 14 (Cardiology)", "Leeds"),
                        S(K.HOSPITAL, "Riverside General Hospital – Ward 22 (Care of the Elderly)", "Leeds"),
                        S(K.HOSPITAL, "Riverside General Hospital – Maternity Unit", "Leeds"),
                    )),
            OrgSpec("St Aidan's Community Hospital", "Yorkshire and the Humber",
                    "A community hospital for rehabilitation and minor injuries.",
                    services=(
                        S(K.HOSPITAL, "St Aidan's Community Hospital – Rehabilitation Ward", "Leeds"),
                        S(K.HOSPITAL, "St Aidan's Community Hospital – Minor Injuries Unit", "Leeds"),
                    )),
        ),
    ),
    OrgSpec(
        "Avon Vale University Hospitals NHS Foundation Trust", "South West",
        "Acute and specialist hospital care for Bristol and the surrounding area.",
        services=(
            S(K.HOSPITAL, "Avon Vale Royal Infirmary – Emergency Department", "Bristol"),
            S(K.HOSPITAL, "Avon Vale Royal Infirmary – Ward 7 (Orthopaedics)", "Bristol"),
            S(K.HOSPITAL, "Avon Vale Royal Infirmary – Day Surgery Unit", "Bristol"),
        ),
    ),
    OrgSpec(
        "Pennine Valleys Mental Health NHS Foundation Trust", "North West",
        "Community and inpatient mental health services across Greater Manchester.",
        services=(
            S(K.MENTAL_HEALTH, "Community Mental Health Team – Manchester Central", "Manchester"),
            S(K.MENTAL_HEALTH, "Crisis Resolution and Home Treatment Team", "Manchester"),
            S(K.MENTAL_HEALTH, "Willow Ward (Adult Inpatient Unit)", "Manchester"),
            S(K.COUNSELLING, "Pennine Valleys Talking Therapies", "Manchester"),
        ),
    ),
    OrgSpec(
        "Northern Counties Ambulance Service NHS Trust", "North East",
        "Emergency ambulances, patient transport and the NHS 111 line for the North East.",
        services=(
            S(K.AMBULANCE, "Northern Counties Ambulance Service – Newcastle Emergency Operations", "Newcastle upon Tyne"),
            S(K.AMBULANCE, "Northern Counties Patient Transport Service", "Newcastle upon Tyne"),
            S(K.URGENT_CARE_LINE, "NHS 111 – Northern Counties", "Newcastle upon Tyne"),
        ),
    ),
    OrgSpec(
        "South Western Urgent Care CIC", "South West",
        "Out-of-hours GP and NHS 111 for Bristol and Plymouth.",
        services=(
            S(K.URGENT_CARE_LINE, "NHS 111 and Out-of-Hours GP – Bristol", "Bristol"),
            S(K.AMBULANCE, "South Western Urgent Care – Rapid Response Vehicles", "Plymouth"),
        ),
    ),
    OrgSpec(
        "Leeds East Primary Care Network", "Yorkshire and the Humber",
        "Four GP practices in east Leeds working together.",
        children=(
            OrgSpec("Harehills Lane Surgery", "Yorkshire and the Humber", "A GP practice in Harehills.",
                    services=(S(K.GP_PRACTICE, "Harehills Lane Surgery", "Leeds"),)),
            OrgSpec("Roundhay Road Medical Centre", "Yorkshire and the Humber", "A GP practice in Chapel Allerton.",
                    services=(S(K.GP_PRACTICE, "Roundhay Road Medical Centre", "Leeds"),)),
        ),
    ),
    OrgSpec("Wilmslow Road Family Practice", "North West", "A GP practice in south Manchester.",
            services=(S(K.GP_PRACTICE, "Wilmslow Road Family Practice", "Manchester"),)),
    OrgSpec("Southville Health Centre", "South West", "A GP practice south of the river in Bristol.",
            services=(S(K.GP_PRACTICE, "Southville Health Centre", "Bristol"),)),
    OrgSpec("Unthank Road Surgery", "East of England", "A GP practice in Norwich.",
            services=(S(K.GP_PRACTICE, "Unthank Road Surgery", "Norwich"),)),
    OrgSpec("Clarendon Park Medical Practice", "East Midlands", "A GP practice in Leicester.",
            services=(S(K.GP_PRACTICE, "Clarendon Park Medical Practice", "Leicester"),)),
    OrgSpec(
        "Meadowbank Care Group", "East of England", "A family-run group of care homes.",
        children=(
            OrgSpec("Meadowbank Lodge", "East of England", "A residential home for 40 older people.",
                    services=(S(K.CARE_HOME, "Meadowbank Lodge Care Home", "Norwich"),)),
            OrgSpec("The Elms Nursing Home", "East Midlands", "Nursing care, including dementia care.",
                    services=(S(K.CARE_HOME, "The Elms Nursing Home", "Leicester"),)),
        ),
    ),
    OrgSpec("Chapeltown Court Care Home Ltd", "Yorkshire and the Humber", "A care home with a respite wing.",
            services=(S(K.CARE_HOME, "Chapeltown Court Care Home", "Leeds"),)),
    OrgSpec("Southville Youth Trust", "South West", "Youth work and a drop-in centre for 11 to 19 year olds.",
            services=(S(K.YOUTH_CENTRE, "The Hub Youth Centre", "Bristol"),
                      S(K.COUNSELLING, "Hub Youth Counselling", "Bristol"))),
    OrgSpec("Open Door Counselling Leicester", "East Midlands", "Low-cost counselling for adults.",
            services=(S(K.COUNSELLING, "Open Door Counselling", "Leicester"),)),
    OrgSpec("Access Ability Plymouth", "South West", "Support for disabled adults to live independently.",
            services=(S(K.DISABILITY_SUPPORT, "Access Ability – Supported Living", "Plymouth"),
                      S(K.DISABILITY_SUPPORT, "Access Ability – Day Opportunities", "Plymouth"))),
    OrgSpec("Sheffield Community Advice Centre", "Yorkshire and the Humber", "Free advice on benefits, debt and housing.",
            services=(S(K.WELFARE_ADVICE, "Community Advice – Benefits and Debt", "Sheffield"),
                      S(K.YOUTH_CENTRE, "Sharrow Young People's Project", "Sheffield"))),
)
