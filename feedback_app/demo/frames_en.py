"""English story frames: openers per kind of service, the words for its staff and place, endings, feelings."""
from ..models import ServiceKind as K

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH_PHRASE = "in {month} {year}"

# (who works there, plural; where, as an adverbial) — plural throughout so "{staff} were" always agrees.
KIND_WORDS = {
    K.HOSPITAL: ("the nurses and doctors", "on the ward"),
    K.GP_PRACTICE: ("the doctors and receptionists", "at the surgery"),
    K.AMBULANCE: ("the paramedics", "in the ambulance"),
    K.URGENT_CARE_LINE: ("the call handlers", "on the phone"),
    K.MENTAL_HEALTH: ("the team", "at the service"),
    K.CARE_HOME: ("the carers", "at the home"),
    K.YOUTH_CENTRE: ("the youth workers", "at the centre"),
    K.COUNSELLING: ("the counsellors", "at the service"),
    K.DISABILITY_SUPPORT: ("the support workers", "at the service"),
    K.WELFARE_ADVICE: ("the advisers", "at the advice centre"),
}

# "self" openers are told by the person who used the service, "carer" ones about {relative}.
OPENERS = {
    K.HOSPITAL: {
        "self": ["I was admitted to {service} {month} after several days of chest pain.",
                 "I had a planned operation at {service} {month} and stayed three nights.",
                 "I spent a week at {service} {month} after a fall at home."],
        "carer": ["{relative} was admitted to {service} {month} with a chest infection.",
                  "{relative} spent ten days at {service} {month} after a stroke."],
    },
    K.GP_PRACTICE: {
        "self": ["I saw a GP at {service} {month} about a cough that would not go away.",
                 "I needed an appointment at {service} {month} for ongoing back pain.",
                 "I went to {service} {month} to have my blood pressure medication reviewed."],
        "carer": ["{relative} needed to see a doctor at {service} {month} about a worrying rash, and I went along.",
                  "{relative} has diabetes and had a check-up at {service} {month}."],
    },
    K.AMBULANCE: {
        "self": ["I called 999 {month} when I could not breathe properly, and a crew from {service} came out.",
                 "A crew from {service} took me to hospital {month} after I collapsed in town."],
        "carer": ["{relative} had a bad fall {month} and I called 999; the crew came from {service}.",
                  "{relative} needed an ambulance {month}, and {service} responded."],
    },
    K.URGENT_CARE_LINE: {
        "self": ["I rang {service} late one evening {month} because of severe stomach pain.",
                 "My GP surgery was closed, so I called {service} {month}."],
        "carer": ["I phoned {service} at two in the morning {month} because {relative} had a high temperature."],
    },
    K.MENTAL_HEALTH: {
        "self": ["I was referred to {service} {month} after a long period of depression.",
                 "After a crisis {month}, I was supported by {service}."],
        "carer": ["{relative} was referred to {service} {month} after a mental health crisis."],
    },
    K.CARE_HOME: {
        "self": ["I moved into {service} {month} after my hip operation."],
        "carer": ["{relative} moved into {service} {month} when living at home was no longer safe.",
                  "{relative} stayed at {service} for respite care {month}."],
    },
    K.YOUTH_CENTRE: {
        "self": ["I started going to {service} after school {month}.",
                 "I went to {service} {month} because a friend said it was a good place to hang out."],
        "carer": ["My fifteen-year-old started going to {service} {month}."],
    },
    K.COUNSELLING: {
        "self": ["I had six sessions at {service}, starting {month}, after my marriage broke down.",
                 "I went to {service} {month} because I was struggling after a bereavement."],
        "carer": ["{relative} had counselling at {service} {month} after a bereavement."],
    },
    K.DISABILITY_SUPPORT: {
        "self": ["I started getting support from {service} {month} so that I can live more independently."],
        "carer": ["Our son, who has a learning disability, started with {service} {month}."],
    },
    K.WELFARE_ADVICE: {
        "self": ["I went to {service} {month} because my benefits had been stopped and I was behind on rent.",
                 "I asked {service} for help {month} with debts that were keeping me awake at night."],
        "carer": ["I went to {service} {month} for help with a Carer's Allowance claim."],
    },
}

RELATIVES = ("my mother", "my father", "my husband", "my wife", "my son", "my daughter", "my grandmother")
ACQUAINTANCES = ("my neighbour", "a friend of mine", "an elderly neighbour")
STAFF_PREFIX = "I work in health and care myself, so I know the pressure staff are under."
PATHWAY = "This story covers several services, one after the other: {services}."
PATHWAY_JOIN = ", then "
TRANSITIONS = ("That said, not everything went well.", "There were some problems, though.",
               "But there is another side to it.")
CLOSINGS = {
    "positive": ("Thank you to everyone involved.", "I would recommend this service to anyone.",
                 "Please pass on my thanks to the whole team."),
    "negative": ("I hope someone reads this and things change.", "I would not want anyone else to go through this.",
                 "I have made a formal complaint too, but wanted to share this here."),
    "mixed": ("Overall, good people let down by a stretched system.", "Some of it was great, some of it needs work."),
}
FEELINGS = {
    "positive": ("Reassured and well looked after.", "Relieved and grateful.", "Respected, and listened to for once.",
                 "Calm and confident about what happens next."),
    "negative": ("Anxious, ignored and exhausted.", "Angry and let down.", "Like a number, not a person.",
                 "Scared and alone."),
    "mixed": ("Grateful for the care, but frustrated by the waiting.",
              "Relieved in the end, though it was a stressful few days."),
}
NOTHING_GOOD = ("Honestly, not much.", "Not a lot, I am sorry to say.")
NOTHING_TO_IMPROVE = ("Nothing really, keep doing what you are doing.", "I cannot think of anything.")
PSEUDONYMS = {
    "patient": ("Patient from {town}", "J. from {town}", "Service user", "{town} resident", "Mum of three"),
    "carer": ("Daughter and carer", "Carer from {town}", "Dad", "Husband and carer", "Family member"),
    "staff": ("Night-shift nurse", "Health worker in {town}", "Care worker"),
    "other": ("Neighbour", "Concerned friend", "Visitor from {town}"),
}
MIXED_TITLE = "{good}, but {bad}"
LOWER_SECOND_TITLE = True
