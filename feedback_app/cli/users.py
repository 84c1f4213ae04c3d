"""`flask users`: manage accounts from the shell."""
import click
from flask.cli import AppGroup

from ..extensions import db
from ..models import Role
from ..services import ServiceError
from ..services.accounts import register_user

users = AppGroup("users", help="Accounts.")


@users.command("create")
@click.option("--email", prompt=True)
@click.option("--name", "display_name", prompt=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.STORYTELLER.value, show_default=True)
@click.password_option()
def create(email: str, display_name: str, role: str, password: str) -> None:
    """Create an account with a platform role."""
    try:
        user = register_user(email, password, display_name, role=Role(role))
    except ServiceError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created user {user.id} ({role}).")
