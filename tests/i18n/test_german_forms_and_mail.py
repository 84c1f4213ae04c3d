"""Forms answer in German and e-mails go out in the storyteller's language."""
from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage

from flask import Flask
from flask.testing import FlaskClient

from feedback_app.models import Role, StoryStatus
from feedback_app.services.notifications import sent_messages

from ..conftest import login, story_form
from .conftest import html

GERMAN = {"Accept-Language": "de-DE,de;q=0.9"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def tell(client: FlaskClient, service_id: int, headers: dict[str, str], **overrides: object):
    return client.post("/share/story", data=story_form([service_id], **overrides), headers=headers)


def mails_to(address: str) -> list[EmailMessage]:
    return [message for message in sent_messages if message["To"] == address]


# --- forms -------------------------------------------------------------------------------------------------------


def test_missing_title_is_reported_in_german(client: FlaskClient, make_service: Callable,
                                             de: Callable[..., str]) -> None:
    service = make_service()
    response = tell(client, service.id, GERMAN, title="")
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert html(de("There is a problem")) in text
    assert html(de("Please give your story a title.")) in text
    assert html(de("Give your story a title")) in text  # the label too
    assert "Please give your story a title." not in text
    # what was typed comes back
    assert "we waited six hours to be seen" in text


def test_every_missing_answer_is_reported_in_german(client: FlaskClient, make_service: Callable,
                                                    de: Callable[..., str]) -> None:
    service = make_service()
    response = tell(client, service.id, GERMAN, title="", body="", rating_overall="", fft_answer="",
                    author_role="", pseudonym="", agree="", experienced_month="")
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    for msgid in ("Please give your story a title.", "Please tell us what happened.",
                  "Please choose a rating from 1 to 5.", "Please answer this question.", "Please say who you are.",
                  "Please choose a pseudonym.", "Please confirm that you have read this.",
                  "Please choose the month."):
        assert html(de(msgid)) in text, msgid


def test_length_and_date_messages_in_german(client: FlaskClient, make_service: Callable,
                                            de: Callable[..., str]) -> None:
    service = make_service()
    text = tell(client, service.id, GERMAN, body="Zu kurz.", title="T" * 151,
                experienced_year="2000").get_data(as_text=True)
    assert html(de("Please write between %(min)d and %(max)d characters.", min=20, max=10_000)) in text
    assert html(de("Please keep the title under %(max)d characters.", max=150)) in text
    assert html(de("We can only take stories from the last three years.")) in text


def test_the_story_form_speaks_german(client: FlaskClient, make_service: Callable, de: Callable[..., str]) -> None:
    service = make_service()
    text = client.get(f"/share/story?service={service.id}", headers=GERMAN).get_data(as_text=True)
    assert html(de("Overall, how was your experience of our service?")) in text
    for answer in ("Very good", "Good", "Neither good nor poor", "Poor", "Very poor", "Don't know"):
        assert html(de(answer)) in text, answer
    assert html(de("Patient or service user")) in text
    assert ">Januar<" in text and ">Dezember<" in text  # month names from the locale, not the catalogue
    assert "January" not in text


def test_the_fft_question_reads_as_agreed(de: Callable[..., str]) -> None:
    """The wording of the German FFT question and its answers, as agreed with the German services."""
    assert de("Overall, how was your experience of our service?") == "Wie war Ihre Erfahrung mit unserem Angebot insgesamt?"
    assert [de(a) for a in ("Very good", "Good", "Neither good nor poor", "Poor", "Very poor", "Don't know")] == [
        "Sehr gut", "Gut", "Weder gut noch schlecht", "Schlecht", "Sehr schlecht", "Weiß nicht"]


def test_registration_errors_in_german(client: FlaskClient, de: Callable[..., str]) -> None:
    response = client.post("/account/register", headers=GERMAN, data={
        "display_name": "", "email": "not-an-address", "password": "short", "password_again": "other",
    })
    text = response.get_data(as_text=True)
    assert html(de("Please tell us what to call you.")) in text
    assert html(de("Please enter a valid e-mail address.")) in text
    assert html(de("Your password must be at least %(count)d characters long.", count=10)) in text


def test_error_page_in_german(client: FlaskClient, de: Callable[..., str]) -> None:
    response = client.get("/stories/999999", headers=GERMAN)
    assert response.status_code == 404
    assert html(de("We could not find that page.")) in response.get_data(as_text=True)


def test_thank_you_message_in_german(client: FlaskClient, make_service: Callable, de: Callable[..., str]) -> None:
    service = make_service()
    response = tell(client, service.id, GERMAN)
    assert response.status_code == 302
    text = client.get(response.headers["Location"], headers=GERMAN).get_data(as_text=True)
    assert html(de("Thank you. Your story is waiting for a moderator, who will read it soon.")) in text
    assert html(de("Waiting for a moderator")) in text


# --- e-mail ------------------------------------------------------------------------------------------------------


def test_private_link_mail_for_a_german_story_is_german(client: FlaskClient, make_service: Callable,
                                                        de: Callable[..., str]) -> None:
    service = make_service()
    response = tell(client, service.id, GERMAN, title="Lange Wartezeit", contact_email="erzaehlerin@example.de")
    assert response.status_code == 302
    token = response.headers["Location"].split("/follow/")[1].split("?")[0]
    [mail] = mails_to("erzaehlerin@example.de")
    assert mail["Subject"] == de("Your story on Storyloop")
    body = mail.get_content()
    assert body.startswith("Vielen Dank")
    assert "„Lange Wartezeit“" in body
    assert f"/follow/{token}" in body
    assert "Thank you" not in body and "private link" not in body


def test_private_link_mail_for_an_english_story_is_english(client: FlaskClient, make_service: Callable) -> None:
    service = make_service()
    tell(client, service.id, ENGLISH, contact_email="teller@example.org")
    [mail] = mails_to("teller@example.org")
    assert mail["Subject"] == "Your story on Storyloop"
    assert mail.get_content().startswith('Thank you for telling your story "Kind nurses, long wait".')


def test_story_told_after_switching_to_german_gets_a_german_mail(client: FlaskClient, make_service: Callable,
                                                                 de: Callable[..., str]) -> None:
    service = make_service()
    client.post("/language", data={"language": "de", "next": "/"}, headers=ENGLISH)
    tell(client, service.id, ENGLISH, contact_email="umgeschaltet@example.de")
    [mail] = mails_to("umgeschaltet@example.de")
    assert mail["Subject"] == de("Your story on Storyloop")


def test_moderators_language_does_not_change_the_authors_mail(app: Flask, client: FlaskClient,
                                                              make_user: Callable, make_story: Callable,
                                                              de: Callable[..., str]) -> None:
    """An English-speaking moderator publishes a German story: its author is told in German."""
    story = make_story(status=StoryStatus.PENDING, language="de", contact_email="autorin@example.de",
                       title="Gute Beratung")
    login(client, make_user(role=Role.MODERATOR))
    response = client.post(f"/moderation/stories/{story.id}/publish", headers=ENGLISH)
    assert response.status_code == 302
    [mail] = mails_to("autorin@example.de")
    assert mail["Subject"] == de("Your story has been published")
    assert mail.get_content().startswith("Vielen Dank für Ihre Geschichte „Gute Beratung“.")
    # ...while the moderator's own screen stays English
    assert "The story is published." in client.get("/moderation/", headers=ENGLISH).get_data(as_text=True)


def test_rejection_mail_is_german_for_a_german_story(client: FlaskClient, make_user: Callable,
                                                     make_story: Callable, de: Callable[..., str]) -> None:
    story = make_story(status=StoryStatus.PENDING, language="de", contact_email="abgelehnt@example.de")
    login(client, make_user(role=Role.MODERATOR))
    client.post(f"/moderation/stories/{story.id}/reject", data={"reject-reason": "Enthält Namen."},
                headers=ENGLISH)
    [mail] = mails_to("abgelehnt@example.de")
    assert mail["Subject"] == de("About your story")
    body = mail.get_content()
    assert "Leider können wir sie nicht veröffentlichen" in body
    assert body.rstrip().endswith("Enthält Namen.")


def test_account_language_wins_for_mails(app: Flask, client: FlaskClient, make_user: Callable,
                                         make_story: Callable, de: Callable[..., str]) -> None:
    """A storyteller who chose German on their account hears in German, even about a story told in English."""
    author = make_user()
    login(client, author)
    client.post("/language", data={"language": "de", "next": "/"})
    story = make_story(status=StoryStatus.PENDING, language="en", author=author)
    moderator = app.test_client()
    login(moderator, make_user(role=Role.MODERATOR))
    moderator.post(f"/moderation/stories/{story.id}/publish", headers=ENGLISH)
    [mail] = mails_to(author.email)
    assert mail["Subject"] == de("Your story has been published")


def test_wtforms_own_messages_are_german_too(client: FlaskClient) -> None:
    """Rules without a message of ours fall back to WTForms' built-in texts, which come in German as well."""
    response = client.post("/account/register", headers=GERMAN, data={
        "display_name": "x" * 81, "email": "lang@example.org", "password": "p" * 12, "password_again": "p" * 12,
    })
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "80 Zeichen" in text
    assert "cannot be longer" not in text
