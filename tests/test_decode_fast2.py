"""articles.decode's split pattern finds the runs its plain form finds, on random text."""

from __future__ import annotations

import random
import re

from articles.decode import _RUN_CLASS, _TRIGGER, _TRIGGER_SPLIT

# the plain form: a run start (no run character before), the shortest stretch of run characters to a trigger,
# then the rest of the run; tried at every character
_PLAIN = re.compile(f"((?<!{_RUN_CLASS}){_RUN_CLASS}*?(?:{_TRIGGER.pattern}){_RUN_CLASS}*)")

_ALPHABET = (
    "ab \n.\u00c2\u00c3\u00d0\u00d1\u00e1\u00e2\u00e0\u00e9\u0080\u00ba\u00bb\u00a9\u20ac\u2019\u201b\u2122"
    "\ufffdРé"
)


def test_trigger_split_is_the_plain_pattern() -> None:
    rnd = random.Random(11)
    for _ in range(40000):
        s = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 14)))
        assert _TRIGGER_SPLIT.split(s) == _PLAIN.split(s), s
