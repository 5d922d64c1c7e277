"""Two-factor sign-in (issue 14): TOTP from an authenticator app, with one-time recovery codes.

django-otp keeps the devices and checks the codes (with its throttling); this package adds the
product around it: the step after the password, enrolment with a QR code, the grace period
after which staff and consultants must have it, and a fresh password before sensitive actions.
"""
