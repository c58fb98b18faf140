"""Build the name and word lists that bot/safeguarding/redaction/ reads.

    .venv/bin/python -m tests.support.build_name_lists

Run once by hand when the sources change; the output is committed, so
nothing is downloaded or built when forumbot runs. Sources (provenance and
licences in bot/safeguarding/redaction/data/README.md):

- Faker's person providers (PyPI ``faker``, MIT licence, pinned in the test
  extras): the first names and surnames of every locale, Latin script only.
- Debian's ``wbritish`` (SCOWL British English, size 50, Kevin Atkinson's
  permissive licence): its lower-case entries are the ordinary words, its
  capitalised ones proper nouns, read
  from /usr/share/dict/british-english (``apt-get install wbritish``).
- data/extra_names.txt in this repository: names the sources lack (Somali,
  more Nigerian and South Asian names, nicknames), written for forumbot.

Writes data/first_names.txt, data/surnames.txt, data/ordinary_words.txt and
data/proper_nouns.txt (SCOWL's capitalised entries: places, peoples, names):
one lower-case word a line, sorted; accented names also in plain letters
("łukasz" and "lukasz").
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "bot" / "safeguarding" / "redaction" / "data"
SCOWL = Path("/usr/share/dict/british-english")
_LATIN = re.compile(r"[a-zà-öø-ÿāăąćčďđēėęěğīįıķĺľłńňōőœŕřśşšţťūůűųźżž'’-]+")
_ATTRIBUTE = re.compile(r"^(first|last)_\w*names\w*$")


def _folded(word: str) -> str:
    """ "łukasz" -> "lukasz": the letters without their accents."""
    word = word.replace("ł", "l").replace("đ", "d").replace("ı", "i").replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _words(names: Iterable[object]) -> set[str]:
    found: set[str] = set()
    for name in names:
        if not isinstance(name, str):
            continue
        for word in name.lower().replace("’", "'").split():
            word = word.strip(".,")
            if len(word) >= 2 and _LATIN.fullmatch(word):
                found.add(word)
                found.add(_folded(word))
    return found


def faker_names() -> tuple[set[str], set[str]]:
    """(first names, surnames) of every Faker person provider."""
    import faker.providers.person as person  # only this script needs Faker

    first: set[str] = set()
    last: set[str] = set()
    for locale in pkgutil.iter_modules(person.__path__):
        module = importlib.import_module(f"{person.__name__}.{locale.name}")
        provider = getattr(module, "Provider", None)
        for attribute in dir(provider):
            match = _ATTRIBUTE.match(attribute)
            if match is None:
                continue
            value = getattr(provider, attribute)
            if not isinstance(value, (list, tuple, dict)):
                continue
            (first if match.group(1) == "first" else last).update(_words(value))
    return first, last


def extra_names() -> tuple[set[str], set[str]]:
    """data/extra_names.txt: ``first: ...`` and ``surname: ...`` lines."""
    first: set[str] = set()
    last: set[str] = set()
    for line in (DATA / "extra_names.txt").read_text(encoding="utf-8").splitlines():
        kind, _, words = line.partition(":")
        if kind.strip() == "first":
            first.update(_words(words.split()))
        elif kind.strip() == "surname":
            last.update(_words(words.split()))
    return first, last


# Contractions as people type them without the apostrophe ("arent", "dont"):
# some are in Faker's lists, none is a name.
_CONTRACTIONS = """
    arent cant couldnt didnt doesnt dont hadnt hasnt havent isnt mustnt neednt shant
    shouldnt wasnt werent wont wouldnt im ive id ill youre youve youd theyre theyve
    theyd weve wed hes shes thats whats wheres whos theres heres lets aint
"""


def scowl_words() -> tuple[set[str], set[str]]:
    """(SCOWL's lower-case entries, its capitalised entries in lower case):
    ordinary words, and proper nouns (places, peoples, given names...)."""
    words = SCOWL.read_text(encoding="utf-8").split()
    ordinary = {w for w in words if w.islower()}
    ordinary |= {w.replace("'", "") for w in ordinary if w.endswith("n't")}
    ordinary = {w for w in ordinary if len(w) >= 2 and _LATIN.fullmatch(w) and not w.endswith("'s")}
    ordinary.update(_CONTRACTIONS.split())
    proper = {w.lower() for w in words if w[:1].isupper() and w.isalpha() and len(w) >= 2}
    return ordinary, proper - ordinary


def main() -> None:
    first, last = faker_names()
    more_first, more_last = extra_names()
    _write("first_names.txt", first | more_first)
    _write("surnames.txt", last | more_last)
    ordinary, proper = scowl_words()
    _write("ordinary_words.txt", ordinary)
    _write("proper_nouns.txt", proper)


def _write(name: str, words: set[str]) -> None:
    (DATA / name).write_text("".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{name}: {len(words)} words")


if __name__ == "__main__":
    main()
