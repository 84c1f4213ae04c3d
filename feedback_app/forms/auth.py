"""Sign in and register."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from .common import strip_whitespace

PASSWORD_MIN_LENGTH = 10


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), filters=[strip_whitespace], validators=[DataRequired(_l("Please enter your e-mail address."))])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Please enter your password."))])
    remember = BooleanField(_l("Keep me signed in on this device"))


class RegisterForm(FlaskForm):
    display_name = StringField(
        _l("Your name or a nickname"),
        description=_l("Shown only to you and to moderators, never on your stories."),
        validators=[DataRequired(_l("Please tell us what to call you.")), Length(max=80)],
    )
    email = EmailField(
        _l("E-mail address"), filters=[strip_whitespace],
        validators=[DataRequired(_l("Please enter your e-mail address.")),
                    Email(_l("Please enter a valid e-mail address.")), Length(max=254)],
    )
    password = PasswordField(
        _l("Password"),
        description=_l("At least %(count)d characters.", count=PASSWORD_MIN_LENGTH),
        validators=[DataRequired(_l("Please choose a password.")),
                    Length(min=PASSWORD_MIN_LENGTH, max=200,
                           message=_l("Your password must be at least %(count)d characters long.",
                                      count=PASSWORD_MIN_LENGTH))],
    )
    password_again = PasswordField(
        _l("Password again"),
        validators=[DataRequired(_l("Please type your password again.")),
                    EqualTo("password", _l("The two passwords do not match."))],
    )
