"""Round 16 (issue 15, after the thirteenth unseen set): readers for jobs
that single someone out, homes named by where the name stands, and small
businesses by their shape (bot/safeguarding/redaction/job_reader.py,
home_positions.py, business_reader.py). Wordings written for this round in
other voices (text-speak, elderly formal, non-native, dialect, rambling,
Welsh), not copied from the sets; look-alikes that must keep their words.
The round's probe, tests/data/personal_details/details_probe_round16.jsonl,
holds more of each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.redaction import suggest_publishable
from bot.safeguarding.redaction.job_reader import find_roles_that_single_out

PROBE = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "personal_details"
    / "details_probe_round16.jsonl"
)

# (text, the job that must go)
JOBS = [
    ("im the only night carer on the unit n his son keeps threatnin me", "only night carer"),
    ("I'm the weekend manager, the lad comes in every Saturday and kicks off", "weekend manager"),
    ("I am a retired headmistress and I am writing about the youths on the green.", "headmistress"),
    ("As a retired coroner I have seen nothing like the behaviour on our lane.", "coroner"),
    ("Please, I am only cook at the Golden Lotus, owner shout at me every day", "only cook"),
    (
        "Aye, I'm the heid greenkeeper at the club, the only one mind, an they nicked the mower",
        "greenkeeper",
    ),
    (
        "so basically, long story, I'm the deputy manager at Rowan Court care home and a visitor "
        "keeps turning up drunk",
        "deputy manager",
    ),
    (
        "Our lollipop lady was sworn at this morning, she's the only one on that crossing",
        "lollipop lady",
    ),
    ("Rwy'n athrawes Blwyddyn 2 ac mae rhiant yn fy mygwth.", "athrawes Blwyddyn 2"),
    ("I'm the receptionist at the dentist's on the corner, there's only me", "receptionist"),
]

# (text, the home that must go)
HOMES = [
    ("Yours faithfully,\nMargery Kettlewell\nHawthornden\nSettle", "Hawthornden"),
    ("Kind regards, Mr T. Ashby, Briarfield, Malton", "Briarfield"),
    ("the farmhouse up the lane, Hollinbank, had its quad taken", "Hollinbank"),
    (
        "Scarth Nick, the house at the top of the bank, has lights on all night and it's empty",
        "Scarth Nick",
    ),
    ("my neighbour from the Whinnyfold says the same van was at his", "Whinnyfold"),
    ("our nieghbour at Blackmyre reckons he saw them", "Blackmyre"),
    ("we stay at Crawstane, is a croft near Lairg. Somebody take our sheep.", "Crawstane"),
    ("the bungalow behind us, Fairholme, had its garage done over", "Fairholme"),
    # after the part-b check: a quoted name after a home word, a titled person "of" a home
    ("we rent the cottage 'Bramblewick' near Whitby and the owner keeps coming in", "Bramblewick"),
    (
        "please write to my aunt, Miss Edna Fairweather of Heatherlea, Moor Road, Bingley",
        "Heatherlea",
    ),
]

# (text, the business that must go)
BUSINESSES = [
    ("theres a van with P & D Scaffolding on it parked on the pavement every day", "P & D"),
    ("got a leaflet from GH Roofing, they said my roof was dangerous, now want 4 grand", "GH"),
    ("The gentleman from S.M. Driveways called on my mother uninvited.", "S.M."),
    ("Mr Colin Pryce of Pryce Agricultural has blocked the footpath again", "Pryce Agricultural"),
    ("my boss Sandra Venn, she own Venn Cleaning, not pay my wages", "Venn Cleaning"),
    ("we got done by L and M Tarmac, cash only, gone the next day", "L and M Tarmac"),
    ("he works for Gary Holt at Holt Haulage and drives like a maniac", "Holt Haulage"),
    ("B&R Fencing took the deposit and never came", "B&R Fencing"),
    # after the part-b check: a business word, then a name holding the owner's own
    ("i have nail salon Studio Oksana on the high street, my name Oksana Melnyk", "Studio"),
    (
        "We own the takeaway Kaya Kebab House. I am Emre Kaya and they smashed the glass",
        "Kaya Kebab",
    ),
]

# Look-alikes that must keep these words
STAY = [
    # jobs: an everyday role, a big place, a role that is no one's job
    ("My son is a porter at the hospital and was punched", "a porter at the hospital"),
    ("I work as cleaner in Aberdeen, my bag is stolen", "cleaner in Aberdeen"),
    ("I'm the victim here, not him", "the victim"),
    ("the head office said to ring you", "the head office"),
    ("We're a retired couple and the lads on bikes frighten us", "a retired couple"),
    ("the night bus driver let them on without paying", "the night bus driver"),
    ("I'm the only one who saw it", "the only one"),
    ("the only way in is through the back gate", "the only way"),
    # a live emergency with the reader's own words stays readable around the job
    ("I'm the night manager and a man has a knife in reception NOW", "a man has a knife"),
    # homes: a town, a street, an organisation, a pub, a public place
    ("Yours faithfully, Ann Lowther, Penrith", "Penrith"),
    ("Thanks, Dave Parkin, Church Street, Ulverston", "Church Street"),
    ("Many thanks, Lucy Grant, Age UK, Carlisle", "Age UK"),
    ("the pub across the road, The Black Bull, has a fight every Friday", "The Black Bull"),
    ("my neighbour at the end of the road parks on the pavement", "the end of the road"),
    ("Anyway, the house next door has been empty for months", "Anyway"),
    ("my neighbour at Tesco saw it happen", "Tesco"),
    # businesses: chains' initials, a street named like the person
    ("We bought the lock from B&Q and it snapped in a week.", "B&Q"),
    ("someone nicked my bag in M&S Food on the high street", "M&S Food"),
    ("the JD Sports on Stricklandgate had its window put through", "JD Sports"),
    ("We came over on the P&O Ferries boat and my bag went missing.", "P&O Ferries"),
    ("Mrs Jean Booth of Booth Street has had her car keyed", "Booth Street"),
    ("Mrs Ann Holmes of Leeds, West Yorkshire, has written before", "Leeds"),
    ("I run the cafe Daily Grind on the square, my name is Tom Baker", "Daily Grind"),
    ("the house called 'Rose Villa' pub sign fell down", "the house called"),
]


@pytest.mark.parametrize(("text", "job"), JOBS)
def test_a_job_that_singles_someone_out_goes(text: str, job: str) -> None:
    out = suggest_publishable(text)
    assert job not in out, out
    assert "[job]" in out, out


@pytest.mark.parametrize(("text", "home"), HOMES)
def test_a_home_named_by_where_it_stands_goes(text: str, home: str) -> None:
    out = suggest_publishable(text)
    assert home not in out, out
    assert "[address]" in out, out


@pytest.mark.parametrize(("text", "business"), BUSINESSES)
def test_a_small_business_by_its_shape_goes(text: str, business: str) -> None:
    out = suggest_publishable(text)
    assert business not in out, out


@pytest.mark.parametrize(("text", "kept"), STAY)
def test_the_look_alike_keeps_its_words(text: str, kept: str) -> None:
    out = suggest_publishable(text)
    assert kept in out, out


def test_the_job_reader_takes_a_small_workplace_and_leaves_the_town() -> None:
    # older finders still take the town with some jobs (docs/redaction-figures.md,
    # round 16: the labelled sets disagree); the reader itself never does
    text = "I'm the weekend receptionist at Lakeside Vets in Windermere"
    spans = [text[d.start : d.end] for d in find_roles_that_single_out(text)]
    assert spans == ["the weekend receptionist at Lakeside Vets"], spans


def _probe_rows() -> list[dict[str, object]]:
    with PROBE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_every_detail_in_the_round16_probe_goes() -> None:
    missed = []
    for row in _probe_rows():
        text = str(row["text"])
        out = suggest_publishable(text)
        details = row["details"]
        assert isinstance(details, list)
        missed += [(row["id"], d["text"]) for d in details if d["text"] in out]
    assert not missed, missed
