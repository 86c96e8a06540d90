"""Invented but valid Belgian numbers: national numbers and enterprise numbers (KBO)."""

import datetime
import random


def enterprise_number(first_eight: str) -> str:
    """The enterprise number whose first eight digits are ``first_eight``.

    The last two digits are 97 minus the first eight modulo 97 (python-stdnum ``be.vat``).
    """
    return f"{first_eight}{97 - int(first_eight) % 97:02d}"


def national_number(birth_date: datetime.date, serial: int) -> str:
    """The national number of someone born on ``birth_date`` with day serial ``serial``.

    Odd serials are men, even serials women. From 2000 on the checksum is computed over the
    nine digits prefixed with a 2 (python-stdnum ``be.nn``).
    """
    if not 1 <= serial <= 997:
        raise ValueError("A national number's serial runs from 001 to 997.")
    digits = f"{birth_date:%y%m%d}{serial:03d}"
    base = int(digits) + (2_000_000_000 if birth_date.year >= 2000 else 0)
    return f"{digits}{97 - base % 97:02d}"


class NumberSource:
    """Hands out distinct invented numbers, reproducibly for a given random generator."""

    def __init__(self, rng: random.Random, taken: set[str] | None = None) -> None:
        self.rng = rng
        self.taken: set[str] = set(taken or ())

    def enterprise_number(self) -> str:
        while True:
            # Enterprise numbers of existing companies start with 02 to 08.
            number = enterprise_number(
                f"0{self.rng.randint(2, 8)}{self.rng.randint(0, 999999):06d}"
            )
            if number not in self.taken:
                self.taken.add(number)
                return number

    def national_number(self, birth_date: datetime.date, *, female: bool) -> str:
        while True:
            serial = self.rng.randrange(2 if female else 1, 998, 2)
            number = national_number(birth_date, serial)
            if number not in self.taken:
                self.taken.add(number)
                return number
