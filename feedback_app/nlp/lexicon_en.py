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
                      r"|different (doctor|nurse|carer)s?|continuity",
    "communication": r"explain\w*|listen\w*|inform\w*|communicat\w*|kept (me |us )?(updated|informed)|update\w*"
                     r"|told (me|us)|leaflet\w*|advice|advis\w*|understand\w*|involv\w*|question\w*|jargon",
    "access_waiting": r"wait\w*|appointment\w*|queue\w*|delay\w*|cancel\w*|on hold|get(ting)? through|phone lines?"
                      r"|receptionist\w*|booking|book(ed)? (in|an)|waiting list|hours? late|prompt\w*|quick\w*"
                      r"|on time|seen (quickly|promptly|straight away)|out of hours|opening hours|availab\w*",
    "care_treatment": r"treat(ment|ed)|diagnos\w*|misdiagnos\w*|medication\w*|medicine\w*|tablets?|prescri\w*"
                      r"|pain( relief)?|painkiller\w*|operation\w*|surgery|therap\w*|scan\w*|x-?rays?|tests?"
                      r"|injection\w*|vaccin\w*|physio\w*|examin\w*|thorough\w*|professional\w*|competen\w*"
                      r"|incompeten\w*|knowledgeab\w*|dressings?|blood tests?",
    "coordination": r"discharg\w*|referr\w*|refer(red)?|admission\w*|admitted|care plans?|records?|notes|hand-?over\w*"
                    r"|transfer\w*|follow[- ]up|letters? (from|to) (my|the) gp|lost (my|the) (notes|referral|results)",
    "environment": r"clean\w*|dirty|filth\w*|hygien\w*|food|meals?|drinks?|tea|coffee|noise|noisy|quiet|beds?"
                   r"|toilets?|bathrooms?|showers?|ward (was|is)|waiting (room|area)|temperature|cold|hot|comfortabl\w*"
                   r"|uncomfortabl\w*|chairs?|equipment|wheelchairs?|tv|television|wifi|activities|garden|facilit\w*",
    "travel_parking": r"park(ing)?|car park\w*|parking (fees?|charges?|spaces?)|transport\w*|ambulance\w*|drivers?"
                      r"|taxi\w*|bus(es)?|journey\w*|travel\w*|lift home|pick(ed)? (me )?up|location|far away|directions",
    "dignity_safety": r"dignit\w*|privacy|private|safe(ty)?|unsafe|embarrass\w*|humiliat\w*|discriminat\w*|racis\w*"
                      r"|equalit\w*|inclusi\w*|mental health act|section(ed)?|safeguard\w*|wash(ed)?|washing|grooming"
                      r"|shav\w*|hair|modesty|gown",
    "family_carers": r"family|families|relatives|next of kin|visiting|visitors?|carers? (was|were) (involved|included"
                     r"|told|informed|ignored|listened to)|(involve|include|inform)\w* (the )?(family|carers?|relatives)",
    "organisation": r"organi[sz]\w*|disorgani[sz]\w*|efficien\w*|inefficien\w*|run (well|badly)|management"
                    r"|managers?|funding|funded|money|budget\w*|resources|cuts|nhs (is|was)|system|admin\w*|paperwork",
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
