"""The subject's names across scripts: Аблязов, Ablyazov and Abliazov are one person.

:func:`name_key` reduces a name in Cyrillic or Latin script, in English or French transliteration,
to one comparison key; :func:`transliterations` gives the usual Latin spellings of a Cyrillic name.
:func:`find_person_names` finds names introduced by a title or role (Mr, M., Mme, г-н, "the applicant,")
— the way letters and judgments name the person they are about.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass


# Cyrillic → (English/BGN-style, French-style) Latin.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TRANSLIT: dict[str, tuple[str, str]] = {
    "а": ("a", "a"), "б": ("b", "b"), "в": ("v", "v"), "г": ("g", "g"), "д": ("d", "d"), "е": ("e", "e"),
    "ё": ("yo", "io"), "ж": ("zh", "j"), "з": ("z", "z"), "и": ("i", "i"), "й": ("y", "i"), "к": ("k", "k"),
    "л": ("l", "l"), "м": ("m", "m"), "н": ("n", "n"), "о": ("o", "o"), "п": ("p", "p"), "р": ("r", "r"),
    "с": ("s", "s"), "т": ("t", "t"), "у": ("u", "ou"), "ф": ("f", "f"), "х": ("kh", "kh"), "ц": ("ts", "ts"),
    "ч": ("ch", "tch"), "ш": ("sh", "ch"), "щ": ("shch", "chtch"), "ъ": ("", ""), "ы": ("y", "y"), "ь": ("", ""),
    "э": ("e", "e"), "ю": ("yu", "iou"), "я": ("ya", "ia"), "ә": ("a", "a"), "ғ": ("g", "g"), "қ": ("k", "k"),
    "ң": ("n", "n"), "ө": ("o", "o"), "ұ": ("u", "ou"), "ү": ("u", "u"), "һ": ("h", "h"), "і": ("i", "i"),
}  # fmt: skip
# Spelling variants folded together for comparison, longest first.
_FOLD = [
    ("chtch", "shch"), ("tch", "ch"), ("iou", "yu"), ("ou", "u"), ("ia", "ya"), ("ja", "ya"), ("iu", "yu"),
    ("ju", "yu"), ("io", "yo"), ("dj", "j"), ("zh", "j"), ("ks", "x"), ("iy", "y"), ("ii", "y"), ("yy", "y"),
]  # fmt: skip
_TITLE = r"(?:Mr|Mrs|Ms|Mme|Mlle|M\.|Monsieur|Madame|Dr|(?i:г-н|г-жа|господин|госпожа))"
_WORD = r"[A-ZÀ-ÝА-ЯЁ][a-zà-ÿа-яё'’-]+"
_NAME_AFTER_TITLE = re.compile(rf"(?<!\w){_TITLE}\.?\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})")
_APPLICANT = re.compile(rf"\bThe applicant,\s+(?:Mr|Mrs|Ms)\.?\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}}),")
# Words that follow a title but are offices, not names ("Mr Prime Minister", "Monsieur le Président").
_NOT_NAMES = _words(
    "prime minister president premier ministre président le la secretary judge chairman speaker "
    "ambassador justice rapporteur deputy"
)


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def transliterations(name: str) -> list[str]:
    """Latin spellings of a Cyrillic name (English and French conventions); [] for a Latin name."""
    if not _cyrillic(name):
        return []
    spellings: list[str] = []
    for system in (0, 1):
        out = []
        for ch in name:
            latin = _TRANSLIT.get(ch.lower(), (ch, ch))[system]
            out.append(latin.capitalize() if ch.isupper() else latin)
        spellings.append("".join(out))
    return list(dict.fromkeys(spellings))


def name_key(name: str) -> str:
    """A comparison key that is equal for the Cyrillic, English and French spellings of a name."""
    latin = "".join(_TRANSLIT.get(ch, (ch, ch))[0] for ch in name.lower())
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z ]", "", ascii_text)
    for old, new in _FOLD:
        key = key.replace(old, new)
    return " ".join(key.split())


@dataclass(frozen=True)
class NameMention:
    """A person's name in the text, with offsets."""

    start: int
    end: int
    name: str


# A name next to one of these words belongs to counsel, an agent or a judge, not to the subject.
_ROLE_NEAR = re.compile(
    r"\b(?:lawyer|counsel|representative|represented|Agent|judge|President|Registrar|Ambassador|expert"
    r"|specialist|witness|"
    r"avocat|conseil|juge|адвокат|представител\w*|судь\w*)\b",
    re.IGNORECASE,
)


def find_person_names(text: str) -> list[NameMention]:
    """Names introduced by a title ("Mr Mukhtar Ablyazov", "M. Abliazov", "г-н Аблязов"), without counsel's."""
    found: list[NameMention] = []
    for pattern in (_APPLICANT, _NAME_AFTER_TITLE):
        for match in pattern.finditer(text):
            words = match.group("name").split()
            while words and words[-1].lower() in _NOT_NAMES:
                words.pop()
            if not words or words[0].lower() in _NOT_NAMES:
                continue
            name = re.sub(r"['’]s$", "", " ".join(words))
            start = match.start("name")
            window = text[max(0, match.start() - 40) : start + len(name) + 40]
            if pattern is _NAME_AFTER_TITLE and _ROLE_NEAR.search(window):
                continue
            found.append(NameMention(start, start + len(name), name))
    return found


def subject_names(mentions: list[NameMention]) -> list[NameMention]:
    """The mentions of the most-named person, grouped by surname key (the subject of a letter or judgment)."""
    if not mentions:
        return []
    surnames = Counter(name_key(m.name.split()[-1]) for m in mentions)
    top, count = surnames.most_common(1)[0]
    if count < 2 and len(surnames) > 1:
        return []
    return [m for m in mentions if name_key(m.name.split()[-1]) == top]
