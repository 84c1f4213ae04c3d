"""Keyboard alone, a phone's screen, and the security headers, in a real browser."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .steps import LONG_WORD_TOKEN, page_width, screenshot, sign_in, tab_to, unique

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


# --- keyboard ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/share/", "/stories"])
def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, path: str) -> None:
    page.goto(path)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # visible when focused, not left off-screen
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))
    # The next Tab continues inside main, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


def test_a_story_can_be_found_written_and_sent_with_the_keyboard_alone(page) -> None:
    keyboard = page.keyboard
    page.goto("/share/")

    # Find the service: type the town, Enter searches.
    tab_to(page, "#q")
    keyboard.type("Leeds")
    keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Leeds"))
    tab_to(page, "input[type=checkbox][name=service]")
    keyboard.press("Space")
    expect(page.locator("input[type=checkbox][name=service]").first).to_be_checked()
    tab_to(page, "button.button-primary")
    keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/share/story"))

    title = unique("Sent by keyboard")
    tab_to(page, "#title")
    keyboard.type(title)
    tab_to(page, "#body")
    keyboard.type("The physiotherapist came on time and showed me exercises I could do at home.")

    # Radio groups: Tab enters the group, Space picks, the arrow keys move the choice.
    tab_to(page, "input[name=rating_overall]")
    keyboard.press("Space")
    keyboard.press("ArrowRight")
    keyboard.press("ArrowRight")
    expect(page.locator("input[name=rating_overall][value='3']")).to_be_checked()
    tab_to(page, "input[name=fft_answer]")
    keyboard.press("Space")
    keyboard.press("ArrowDown")
    expect(page.locator("input[name=fft_answer][value='good']")).to_be_checked()

    # Selects change with the arrow keys: January and this year are never in the future.
    tab_to(page, "#experienced_month")
    keyboard.press("ArrowDown")
    expect(page.locator("#experienced_month")).to_have_value("1")
    tab_to(page, "#experienced_year")
    keyboard.press("ArrowDown")
    expect(page.locator("#experienced_year")).not_to_have_value("")

    tab_to(page, "input[name=author_role]")
    keyboard.press("Space")
    expect(page.locator("input[name=author_role][value='patient']")).to_be_checked()
    tab_to(page, "#pseudonym")
    keyboard.type("Kit")
    tab_to(page, "#agree")
    keyboard.press("Space")
    expect(page.locator("#agree")).to_be_checked()
    screenshot(page, "kb-1-story-form-by-keyboard")

    tab_to(page, "button[type=submit].button-primary")
    keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/follow/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("main")).to_contain_text("Waiting for a moderator")


def test_every_error_link_in_the_summary_leads_to_its_field(page, live_server) -> None:
    page.goto(f"/share/story?service={live_server.services['Ward 14 (Elderly care)']}")
    page.get_by_role("button", name="Send my story").click()
    links = page.get_by_role("alert").get_by_role("link")
    expect(links.first).to_be_visible()
    missing = [
        f"{text} -> {href}" for text, href in
        (links.nth(i).evaluate("a => [a.textContent, a.getAttribute('href')]") for i in range(links.count()))
        if page.locator(f"[id='{href[1:]}']").count() == 0
    ]
    assert missing == [], "error summary links whose target does not exist: " + "; ".join(missing)


# --- a phone's screen ----------------------------------------------------------------------------------------------

def test_pages_fit_a_phone_screen_without_sideways_scrolling(open_page, live_server) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    ward = live_server.services["Ward 14 (Elderly care)"]
    story = live_server.story_id
    pages = {"/": "phone-1-front", f"/share/story?service={ward}": "phone-2-story-form",
             "/stories": "phone-3-stories", f"/stories/{story}": "phone-4-story"}
    too_wide = {}
    for path, shot in pages.items():
        page.goto(path)
        if (width := page_width(page)) > PHONE["width"]:
            too_wide[path] = width
        screenshot(page, shot, full_page=False)
    assert too_wide == {}, f"pages wider than a {PHONE['width']}px phone: {too_wide}"


def test_a_long_link_in_a_story_wraps_on_a_phone_screen(open_page) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(f"/follow/{LONG_WORD_TOKEN}")
    expect(page.get_by_role("heading", level=1)).to_have_text("The discharge leaflet")
    screenshot(page, "phone-5-long-link", full_page=False)
    width = page_width(page)
    assert width <= PHONE["width"], f"a long link makes the story {width}px wide on a {PHONE['width']}px phone"


# --- security headers and the Content-Security-Policy -------------------------------------------------------------

def test_pages_send_the_security_headers_and_break_no_content_security_policy(open_page, live_server, watch):
    ward = live_server.services["Ward 14 (Elderly care)"]
    public = ["/", "/share/", "/share/?q=Leeds", f"/share/story?service={ward}", "/stories",
              f"/stories/{live_server.story_id}", "/services", "/account/login", "/account/register"]
    moderator = open_page()
    sign_in(moderator)
    for path in public + ["/moderation/", "/my-stories"]:
        response = moderator.goto(path)
        assert response is not None and response.ok, path
        headers = response.headers
        csp = headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, (path, csp)
        assert "'unsafe-inline'" not in csp, (path, csp)
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("referrer-policy"), path
        assert watch.csp == [], (path, watch.csp)


def test_the_policy_is_enforced_an_injected_inline_script_is_refused(page, watch) -> None:
    """A control for the CSP listener above: a violation is seen, and the script does not run."""
    page.goto("/")
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.appendChild(script);
    }""")
    page.wait_for_timeout(100)
    assert page.evaluate("() => window.__ran === true") is False
    assert any("Content Security Policy" in message for message in watch.csp), watch.csp
    watch.csp.clear()  # expected here; any other violation fails the test
