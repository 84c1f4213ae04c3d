"""English word lists: theme cues (for evidence spans and recall) and a small sentiment lexicon."""
from __future__ import annotations

# Regular-expression fragments matched at word starts, case-insensitively. A cue names the theme
# when it is nearly unambiguous; vaguer words are left to the trained classifier.
THEME_CUES: dict[str, str] = {
    "staff_attitude": r"rude\w*|polite\w*|friendl\w*|unfriendl\w*|kind|kindness|caring|compassion\w*|respect\w*"
                      r"|courteous|lovely|attitude|manner\w*|pleasant|welcom\w*|empath\w*|patien(t|ce) with"
                      r"|arrogan\w*|dismissive|condescend\w*|patroni[sz]\w*|smil\w*|reassur\w*|helpful",
    "staff_capacity": r"understaffed|short[- ]staffed|short of staff|more staff|not enough staff|staff shortage\w*"
                      r"|(busy|overworked|stretched) staff|staff (were|are|was) (so |very |too )?(busy|overworked|stretched)"
                      r"|buzzer|call bell|nobody came|no one came|agency staff|same (doctor|nurse|carer|person)"
                      r"|different (doctor|nurse|carer)s?|continuity|staffing|bank staff|(more|enough|regular|extra) "
                      r"(staff|nurses|doctors|carers|call handlers|advisers|people)|responsive\w*|attentive|"
                      r"(staff|someone|somebody|nurses?) (was|were|is|are) (always )?(there|available|around)"
                      r"|busy|pressure|stretched|short of|shortage\w*",
    "communication": r"explain\w*|listen\w*|inform\w*|communicat\w*|kept (me |us )?(updated|informed)|update\w*"
                     r"|told (me|us)|leaflet\w*|advice|advis\w*|understand\w*|involv\w*|question\w*|jargon",
    "access_waiting": r"wait\w*|appointment\w*|queue\w*|delay\w*|cancel\w*|on hold|get(ting)? through|phone lines?"
                      r"|receptionist\w*|booking|book(ed)? (in|an)|waiting list|hours? late|prompt\w*|quick\w*"
                      r"|on time|seen (quickly|promptly|straight away)|out of hours|opening hours|availab\w*",
    "care_treatment": r"treatment|diagnos\w*|misdiagnos\w*|medication\w*|medicine\w*|meds|tablets?|prescri\w*"
                      r"|pain( relief)?|painkiller\w*|operation\w*|surgery|therap\w*|scan\w*|x-?rays?|tests?"
                      r"|injection\w*|vaccin\w*|physio\w*|examin\w*|thorough\w*|competen\w*|symptoms?|triage"
                      r"|incompeten\w*|knowledgeab\w*|dressings?|blood tests?|assess\w*|recover\w*|well-?being"
                      r"|condition|improv(ed|ing|ement) (my|his|her)|(saved|save) (my|his|her) life|helped me|skill\w*"
                      r"|trained|training|expert\w*",
    "coordination": r"discharg\w*|referr\w*|refer(red)?|admission\w*|admitted|care plans?|records?|notes|hand(ed)?[- ]?over\w*"
                    r"|transfer\w*|follow[- ]up|letters? (from|to) (my|the) gp|lost (my|the) (notes|referral|results)"
                    r"|passed (around|from|between)|transition\w*|treatment plans?|joined[- ]up|between (services|teams)"
                    r"|after ?care|liais\w*|communication between|work(ed|ing)? together|pass(ed|ing)? the (book|buck)"
                    r"|agenc(y|ies)|review appointments?|(personal|person|support|safety) plans?|sent with|get back to",
    "environment": r"clean\w*|dirty|filth\w*|hygien\w*|food|meals?|drinks?|tea|coffee|noise|noisy|quiet|beds?"
                   r"|toilets?|bathrooms?|showers?|ward (was|is)|waiting (room|area)|temperature|cold|hot|comfortabl\w*"
                   r"|uncomfortabl\w*|chairs?|equipment|wheelchairs?|tv|television|wifi|activities|garden|facilit\w*"
                   r"|atmosphere|vibe|bored\w*|boring|outings?|walks?|groups?|smok\w*|yard|outside|seating|refreshments"
                   r"|lunch|dinner|breakfast|snacks?|fruit|towels|toiletries|bedrooms?|rooms?|comfort|fresh air|music|films?",
    "travel_parking": r"park(ing)?|car park\w*|parking (fees?|charges?|spaces?)|transport\w*|ambulance\w*|drivers?"
                      r"|taxi\w*|bus(es)?|journey\w*|travel\w*|lift home|pick(ed)? (me )?up|location|far away|directions"
                      r"|vehicles?|cars?|crew|get (me )?there|got (me )?there|took me (to|home|there)|pick-?ups?|miles?"
                      r"|closer to|distance|seats?|ride|drove|driving|to and from|way home",
    "dignity_safety": r"dignit\w*|privacy|private|safe(ty)?|unsafe|embarrass\w*|humiliat\w*|discriminat\w*|racis\w*"
                      r"|equalit\w*|inclusi\w*|mental health act|section(ed)?|safeguard\w*|wash(ed)?|washing|grooming"
                      r"|shav\w*|hair|modesty|gown|disabilit\w*|disabled|autis\w*|deaf|hard of hearing|dementia"
                      r"|transgender|gender|divers\w*|freedom\w*|detain\w*|detention|seclu\w*|security|trapped"
                      r"|let (me|us) out|leave|afraid|scared|special (medical )?diet|interpreter|language barrier",
    "family_carers": r"family|families|relatives|next of kin|visiting|visitors?|carers? (was|were) (involved|included"
                     r"|told|informed|ignored|listened to)|(involve|include|inform)\w* (the )?(family|carers?|relatives)"
                     r"|accompan\w*|allowed (me )?to (go|be|stay|come|travel)|(be|stay) with (my|him|her)"
                     r"|the carers?|(patients|patient) and carers?|kept me informed about (my|his|her)",
    "organisation": r"organi[sz]\w*|disorgani[sz]\w*|efficien\w*|inefficien\w*|run (well|badly)|management"
                    r"|managers?|fund\w*|money|budget\w*|resourc\w*|cuts|nhs (is|was)|system|admin\w*|paperwork"
                    r"|wast(e|ed|ing)|invest\w*|leadership|planning|surveys?|questionnaires?|government|well run",
}

# Sentiment stems (prefix match on lower-cased words, like the German lexicon).
POSITIVE = tuple("""
good great excellent brilliant fantastic amazing wonderful lovely kind friendly helpful caring pleasant happy
pleased thank thanks grateful superb outstanding perfect professional efficient quick prompt polite
reassuring supportive attentive compassionate nice best fab fabulous smooth easy comfortable satisfied
brill marvel exceptional delight impress recommend reassur fantastic superb wonderful respectful
""".split())
NEGATIVE = tuple("""
bad poor terrible awful horrible rude unhelpful dismissive slow late long delay delayed cancelled worst
disgusting dirty appalling shocking unprofessional uncaring ignored unhappy disappointed disappointing
frustrating frustrated angry upset wrong lost never nobody complaint complain painful unacceptable useless
awful dreadful atrocious abysmal disgrace shambles chaotic incompeten neglect ignor dismiss unfriend impolite
arrogan patroni condescend unsafe dangerous misdiagnos mistake error failed fail lack shortage rushed
""".split())
NEUTRAL = ("painkiller", "pain relief", "longer", "belong", "lacking")
NEGATORS = frozenset({"not", "no", "never", "nothing", "without", "n't", "cannot", "dont", "didnt", "wasnt",
                      "hardly"})
