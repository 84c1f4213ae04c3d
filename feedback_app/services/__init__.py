"""The business rules. Each function checks, changes state, writes the audit event and flushes; the caller commits."""


class ServiceError(Exception):
    """A rule refused the request; the message is safe to show to the person who made it."""


class TransitionNotAllowed(ServiceError):
    """The story's current state does not allow this action by this kind of actor."""
