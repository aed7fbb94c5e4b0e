"""Two-factor authentication: TOTP in Kanboard's columns, plus hashed recovery codes.

Kanboard's columns are used (``users.twofactor_activated``, ``users.twofactor_secret``), so
an account imported from Kanboard keeps its authenticator app; new secrets have 32 base32
characters (160 bits, RFC 4226's advice) where Kanboard writes 16. Once it is active the
User API takes personal tokens only (Kanboard since 1.2.8), and the sign-in form asks
for a code after the password.
"""

from __future__ import annotations

import hashlib
import secrets

import pyotp
import segno
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from accounts.models import RecoveryCode, TwoFactorStep, User

SECRET_LENGTH = 32
ISSUER = "Kanboard"
RECOVERY_CODE_COUNT = 10


def new_secret() -> str:
    return pyotp.random_base32(length=SECRET_LENGTH)


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER)


def qr_code_svg(uri: str) -> str:
    """The otpauth URI as an inline SVG QR code (no image file, no network)."""
    return segno.make(uri, error="m").svg_inline(scale=5, border=2, title="QR code")


def _matching_step(secret: str, code: str) -> int | None:
    """The 30-second step whose code this is: the current one, or one either side for
    clocks that are a little off."""
    code = "".join(code.split())
    if not secret or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(timezone.now())
    for step in (current - 1, current, current + 1):
        if constant_time_compare(totp.generate_otp(step), code):
            return step
    return None


def code_matches(secret: str, code: str) -> bool:
    return _matching_step(secret, code) is not None


def use_code(user: User, code: str) -> bool:
    """A code of the user's app, accepted once: its step must be newer than the last one
    used (one conditional UPDATE, so two requests cannot both spend it)."""
    step = _matching_step(user.twofactor_secret or "", code)
    if step is None:
        return False
    TwoFactorStep.objects.get_or_create(user=user)
    return bool(TwoFactorStep.objects.filter(user=user, last_step__lt=step).update(last_step=step))


def _hash(salt: str, code: str) -> str:
    return hashlib.sha256((salt + code).encode()).hexdigest()


def _normalized(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def new_recovery_codes(user: User) -> list[str]:
    """Ten fresh codes, shown once; the previous ones stop working."""
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODE_COUNT)]
    salts = [secrets.token_hex(16) for _ in codes]
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, salt=salt, code_hash=_hash(salt, code))
            for salt, code in zip(salts, codes, strict=True)
        )
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def use_recovery_code(user: User, code: str) -> bool:
    """Spend one unused recovery code; each works once, even under concurrent use."""
    code = _normalized(code)
    if len(code) != 10:
        return False
    for recovery in RecoveryCode.objects.filter(user=user, used=None):
        if constant_time_compare(_hash(recovery.salt, code), recovery.code_hash):
            spent = RecoveryCode.objects.filter(pk=recovery.pk, used=None).update(
                used=timezone.now()
            )
            return bool(spent)
    return False


def second_factor_matches(user: User, code: str) -> bool:
    """A current code of the authenticator app, or an unused recovery code."""
    return use_code(user, code) or use_recovery_code(user, code)


def enable(user: User, secret: str, code: str) -> list[str]:
    """Turn two-factor on once the user proved their app has the secret; the recovery codes."""
    if not code_matches(secret, code):
        raise ValidationError("The code is not valid")
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(twofactor_activated=True, twofactor_secret=secret)
        codes = new_recovery_codes(user)
    user.twofactor_activated = True
    user.twofactor_secret = secret
    return codes


def disable(user: User) -> None:
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(twofactor_activated=False, twofactor_secret=None)
        RecoveryCode.objects.filter(user=user).delete()
    user.twofactor_activated = False
    user.twofactor_secret = None


def unused_recovery_codes(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used=None).count()
