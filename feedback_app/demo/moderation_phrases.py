"""What moderators and authors write in the demo trail: reasons to reject, withdraw and edit, in both languages."""

REJECT_REASONS = {
    "en": ("The story names members of staff and makes allegations we cannot publish. Please raise them with the "
           "service's complaints team, who can look into them properly.",
           "This is not about a health or care service in England or Germany, so it does not belong here.",
           "You sent us the same story twice; we have published the other copy.",
           "The story contains details that could identify another patient. You are welcome to send it again "
           "without them."),
    "de": ("Die Geschichte nennt Mitarbeitende mit Namen und erhebt Vorwürfe, die wir nicht veröffentlichen können. "
           "Bitte wenden Sie sich an das Beschwerdemanagement der Einrichtung.",
           "Es geht nicht um einen Gesundheits- oder Sozialdienst in Deutschland oder England.",
           "Sie haben uns dieselbe Geschichte zweimal geschickt; die andere Fassung ist veröffentlicht.",
           "Die Geschichte enthält Angaben, durch die eine andere Person erkennbar wäre. Gern können Sie sie ohne "
           "diese Angaben noch einmal schicken."),
}

AUTHOR_WITHDRAW_REASONS = {
    "en": ("I have sorted it out with the service directly.", "I would rather not have this online any more.", None),
    "de": ("Hat sich mit der Einrichtung direkt geklärt.", "Ich möchte das nicht mehr online haben.", None),
}

MODERATOR_WITHDRAW_REASONS = {
    "en": ("The author asked us by e-mail to take this story down.",),
    "de": ("Die Autorin hat uns per E-Mail gebeten, die Geschichte zu entfernen.",),
}

# Moderator edits: (field, what the author first wrote around the story, the reason given).
# "{text}" is the final text; the "before" is what the author sent, which the moderator then cleaned up.
# The first edit of each language fits any story; the others only unhappy ones.
EDITS = {
    "en": (
        ("body", "{text} If anyone from the service wants to talk, ring me on 07700 900461.",
         "Removed a phone number: we never publish contact details."),
        ("body", "{text} The worst was the receptionist, Jo, who should not be working there.",
         "Removed the name of a member of staff; we do not publish staff names."),
        ("title", "{text}!!! NEVER AGAIN", "Made the title calmer so that the story is read, not dismissed."),
    ),
    "de": (
        ("body", "{text} Bei Rückfragen erreichen Sie mich unter erika.beispiel@example.org.",
         "E-Mail-Adresse entfernt: Wir veröffentlichen keine Kontaktdaten."),
        ("body", "{text} Am schlimmsten war Schwester Kim im Nachtdienst.",
         "Namen einer Mitarbeiterin entfernt; wir veröffentlichen keine Namen von Mitarbeitenden."),
        ("title", "{text}!!! NIE WIEDER", "Titel sachlicher formuliert, damit die Geschichte ernst genommen wird."),
    ),
}
