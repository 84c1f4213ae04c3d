"""English word lists: theme cues (for evidence spans and recall) and a small sentiment lexicon."""
from __future__ import annotations

# Regular-expression fragments matched at word starts, case-insensitively. A cue names the theme
# when it is nearly unambiguous; vaguer words are left to the trained classifier. A cue matching at
# least 5 labelled training texts of which under 30% carry its theme was dropped ("ambulance", "crew",
# "system", "busy", "comfortable", ...): out of fold, pruning by that rule on half the folds raised the
# other half's macro-F1 (0.628 -> 0.640), as every theme's cue weight had to serve its worst words.
THEME_CUES: dict[str, str] = {
    "staff_attitude": r"rude\w*|polite\w*|friendl\w*|unfriendl\w*|kind|kindness|caring|compassion\w*|respect\w*"
                      r"|courteous|lovely|attitude|manner\w*|pleasant|welcom\w*|empath\w*|patien(t|ce) with"
                      r"|arrogan\w*|dismissive|condescend\w*|patroni[sz]\w*|smil\w*|reassur\w*|helpful",
    "staff_capacity": r"understaffed|short[- ]staffed|short of staff|more staff|not enough staff|staff shortage\w*"
                      r"|(busy|overworked|stretched) staff"
                      r"|staff (were|are|was) (so |very |too )?(busy|overworked|stretched)|buzzer|call bell"
                      r"|nobody came|no one came|agency staff|same (doctor|nurse|carer|person)"
                      r"|different (doctor|nurse|carer)s?|continuity|staffing|bank staff"
                      r"|(more|enough|regular|extra) (staff|nurses|doctors|carers|call handlers|advisers|people)"
                      r"|responsive\w*|attentive"
                      r"|(staff|someone|somebody|nurses?) (was|were|is|are) (always )?(there|available|around)"
                      r"|stretched|short of|shortage\w*",
    "communication": r"explain\w*|listen\w*|inform\w*|communicat\w*|kept (me |us )?(updated|informed)|update\w*"
                     r"|told (me|us)|leaflet\w*|advice|advis\w*|understand\w*|involv\w*|question\w*|jargon",
    "access_waiting": r"wait\w*|appointment\w*|queue\w*|delay\w*|cancel\w*|on hold|get(ting)? through|phone lines?"
                      r"|receptionist\w*|booking|book(ed)? (in|an)|waiting list|hours? late|prompt\w*|quick\w*"
                      r"|on time|seen (quickly|promptly|straight away)|out of hours|opening hours",
    "care_treatment": r"treatment|diagnos\w*|misdiagnos\w*|medication\w*|medicine\w*|meds|tablets?|prescri\w*"
                      r"|pain( relief)?|painkiller\w*|operation\w*|scan\w*|x-?rays?|tests?|injection\w*|vaccin\w*"
                      r"|physio\w*|examin\w*|thorough\w*|competen\w*|symptoms?|triage|incompeten\w*|knowledgeab\w*"
                      r"|dressings?|blood tests?|assess\w*|recover\w*|well-?being|condition"
                      r"|improv(ed|ing|ement) (my|his|her)|(saved|save) (my|his|her) life|helped me|skill\w*|trained"
                      r"|training|expert\w*",
    "coordination": r"discharg\w*|referr\w*|refer(red)?|admission\w*|admitted|care plans?|records?|notes"
                    r"|hand(ed)?[- ]?over\w*|letters? (from|to) (my|the) gp|lost (my|the) (notes|referral|results)"
                    r"|passed (around|from|between)|transition\w*|treatment plans?|joined[- ]up"
                    r"|between (services|teams)|after ?care|liais\w*|communication between|work(ed|ing)? together"
                    r"|pass(ed|ing)? the (book|buck)|agenc(y|ies)|review appointments?"
                    r"|(personal|person|support|safety) plans?|sent with|get back to",
    "environment": r"clean\w*|dirty|filth\w*|hygien\w*|food|meals?|drinks?|tea|coffee|noise|noisy|quiet|beds?"
                   r"|toilets?|bathrooms?|showers?|ward (was|is)|temperature|cold|hot|uncomfortabl\w*|chairs?"
                   r"|equipment|tv|television|wifi|activities|garden|facilit\w*|atmosphere|vibe|bored\w*|boring"
                   r"|outings?|walks?|groups?|smok\w*|yard|outside|seating|refreshments|lunch|dinner|breakfast"
                   r"|snacks?|fruit|towels|toiletries|bedrooms?|rooms?|fresh air|music|films?",
    "travel_parking": r"park(ing)?|car park\w*|parking (fees?|charges?|spaces?)|transport\w*|taxi\w*|bus(es)?"
                      r"|journey\w*|travel\w*|lift home|far away|directions|vehicles?|cars?|get (me )?there"
                      r"|pick-?ups?|miles?|closer to|distance|seats?|ride|drove|driving|to and from|way home",
    "dignity_safety": r"privacy|safe(ty)?|unsafe|embarrass\w*|humiliat\w*|discriminat\w*|racis\w*|equalit\w*"
                      r"|inclusi\w*|mental health act|section(ed)?|safeguard\w*|wash(ed)?|washing|grooming|shav\w*"
                      r"|hair|modesty|gown|disabilit\w*|autis\w*|deaf|hard of hearing|transgender|gender|divers\w*"
                      r"|freedom\w*|detain\w*|detention|seclu\w*|security|trapped|let (me|us) out|afraid"
                      r"|special (medical )?diet|interpreter|language barrier",
    "family_carers": r"family|families|relatives|next of kin|visiting|visitors?"
                     r"|carers? (was|were) (involved|included|told|informed|ignored|listened to)"
                     r"|(involve|include|inform)\w* (the )?(family|carers?|relatives)|accompan\w*"
                     r"|allowed (me )?to (go|be|stay|come|travel)|(be|stay) with (my|him|her)|the carers?"
                     r"|(patients|patient) and carers?|kept me informed about (my|his|her)",
    "organisation": r"organi[sz]\w*|disorgani[sz]\w*|efficien\w*|inefficien\w*|run (well|badly)|management"
                    r"|managers?|fund\w*|budget\w*|cuts|admin\w*|paperwork|invest\w*|leadership|planning|surveys?"
                    r"|questionnaires?|government|well run",
}

# Sentiment stems (prefix match on lower-cased words, like the German lexicon).
POSITIVE = tuple("""
good great excellent brilliant fantastic amazing wonderful lovely kind friendly helpful caring pleasant happy
pleased thank thanks grateful superb outstanding perfect professional efficient quick prompt polite
reassuring supportive attentive compassionate nice best fab fabulous smooth easy comfortable satisfied
brill marvel exceptional delight impress recommend reassur fantastic superb wonderful respectful
spotless immaculate tidy gentle calm informative thorough knowledgeable considerate thoughtful welcoming stellar
faultless cheerful dignity dignif organised clean listened
""".split())
NEGATIVE = tuple("""
bad poor terrible awful horrible rude unhelpful dismissive slow late long delay delayed cancelled worst
disgusting dirty appalling shocking unprofessional uncaring ignored unhappy disappointed disappointing
frustrating frustrated angry upset wrong lost never nobody complaint complain painful unacceptable useless
awful dreadful atrocious abysmal disgrace shambles chaotic incompeten neglect ignor dismiss unfriend impolite
arrogan patroni condescend unsafe dangerous misdiagnos mistake error failed fail lack shortage rushed
filth grubby grotty smelly stank stink stench reek unclean unhygien squalid disgust horrid horrend nasty vile
sloppy careless callous cruel harsh abrupt curt hostile aggressive intimidat bullied bullying bully shouted shouting
yelled yelling slapped humiliat degrading demean belittl forgotten forgot miserable scared frighten terrified
terrifying distress fobbed liar negligen inadequat inexcus disrespect unkind unsympathetic insensitive impatient
clueless overcrowd cramped freezing pointless hopeless worthless worse messy
""".split())
NEUTRAL = ("painkiller", "pain relief", "longer", "belong", "lacking", "cleaner", "cleaning", "calming")
NEGATORS = frozenset({"not", "no", "never", "nothing", "without", "n't", "cannot", "dont", "didnt", "wasnt",
                      "hardly"})
