"""Suggested publishable text: personal details replaced by labels.

Officers always see the text as received beside the suggestion, and approve
it or write their own; nothing a resident wrote goes public otherwise.
Measured on the labelled corpus in tests/data/personal_details/ (docs/privacy.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.edge.text import strip_hidden
from bot.safeguarding.redaction.address import (
    find_addresses,
    find_lone_numbers_pairs_and_blocks,
    find_numbers_on_their_street,
)
from bot.safeguarding.redaction.blocks import find_homes_in_blocks_and_estates
from bot.safeguarding.redaction.boats import find_boat_registrations, find_boats_by_port_or_index
from bot.safeguarding.redaction.business import (
    find_named_traders,
    find_owners_bars_and_grills,
    find_owners_trade_businesses,
    find_shops_named_after_owners,
)
from bot.safeguarding.redaction.business_reader import (
    find_businesses_by_shape,
    find_firms_named_after_people,
)
from bot.safeguarding.redaction.circumstances import (
    find_ages_beside_circumstances,
    find_people_at_their_workplace,
    find_posts_at_named_workplaces,
)
from bot.safeguarding.redaction.code import (
    find_emails,
    find_id_numbers,
    find_loosely_cued_id_numbers,
    find_ni_numbers,
    find_personal_plates_and_second_guesses,
    find_postcodes,
    find_tags_and_carried_numbers,
    find_vehicle_regs,
    find_worded_personal_plates,
)
from bot.safeguarding.redaction.cued_details import (
    find_doors_with_their_street,
    find_firms_by_trade_or_quote,
    find_house_names_by_cue,
    find_houses_said_to_be_named,
    find_roles_by_cue,
    find_titled_people,
)
from bot.safeguarding.redaction.cued_people import (
    find_childrens_schools,
    find_firms_with_owners,
    find_lower_case_full_names,
    find_lower_case_homes,
    find_lower_case_relations,
    find_nicknames,
    find_roles_at_the_only_workplace,
    find_schools_with_years,
    find_tags_by_cue,
)
from bot.safeguarding.redaction.cued_records import (
    find_crime_references,
    find_cued_dates_of_birth,
    find_serial_numbers,
)
from bot.safeguarding.redaction.detail import Category, Detail
from bot.safeguarding.redaction.everyday import keep_places_pets_universities_and_speeds
from bot.safeguarding.redaction.field_cues import take_field_cues
from bot.safeguarding.redaction.handles import (
    find_cued_accounts,
    find_handles,
    find_handles_without_at,
)
from bot.safeguarding.redaction.hard_names import (
    find_children_with_forms,
    find_families_by_surname,
    find_hyphenated_given_names,
    find_lower_case_hard_names,
    find_names_asked_after,
    find_names_by_a_close_cue,
    find_names_heard_not_known,
    find_names_in_capitals,
    find_names_in_welsh,
    find_officers_with_numbers,
    find_surname_first_names,
)
from bot.safeguarding.redaction.home_numbers import find_homes_by_their_number
from bot.safeguarding.redaction.home_positions import find_homes_by_position
from bot.safeguarding.redaction.house import (
    find_boats_named_after_a_comma,
    find_homes_by_street_or_part,
    find_homes_where_an_address_would_be,
    find_house_names,
    find_house_names_by_village_or_home_word,
    find_more_house_names,
    find_named_boats_and_homes_to_write_to,
)
from bot.safeguarding.redaction.institutions import (
    keep_institutions,
    keep_places_and_organisations,
)
from bot.safeguarding.redaction.job_reader import find_roles_that_single_out, keep_everyday_jobs
from bot.safeguarding.redaction.kept_towns import (
    keep_towns_on_journeys_and_branches,
    trim_town_after_a_school,
)
from bot.safeguarding.redaction.loose_numbers import (
    find_account_endings,
    find_accounts_after_sort_codes,
    find_hedged_collar_numbers,
)
from bot.safeguarding.redaction.names import (
    Doubt,
    find_doubtful_names,
    find_goes_by_capitals_and_signs,
    find_half_given_and_set_off_names,
    find_lower_case_friends_and_greetings,
    find_nicknamed_and_lower_case_names,
    find_signed_and_cued_names,
    find_unintroduced_names,
)
from bot.safeguarding.redaction.not_people import keep_words_taken_for_names
from bot.safeguarding.redaction.numbered import (
    find_districts_and_bare_house_numbers,
    find_flat_codes_estates_and_welsh_names,
    find_flats_by_block_or_shop,
    find_flats_welsh_streets_and_coded_digits,
    find_homes_on_sites_and_in_blocks,
    find_numbered_homes,
)
from bot.safeguarding.redaction.oddities import (
    find_asides_extensions_and_pieces_of_lines,
    find_homes_said_oddly,
    find_slipped_postcodes_and_plate_endings,
    find_spelt_emails_with_spaces,
)
from bot.safeguarding.redaction.ordinary import keep_plots_destinations_and_clubs
from bot.safeguarding.redaction.people import find_people_shapes, repeat_names, widen_names
from bot.safeguarding.redaction.person import (
    find_dates_of_birth,
    find_initialled_names,
    find_names,
)
from bot.safeguarding.redaction.pet_names import keep_pets_called
from bot.safeguarding.redaction.phone import find_misgiven_phones, find_phones
from bot.safeguarding.redaction.places import (
    keep_places,
    keep_pubs_villages_bays_pets_and_brands,
    keep_schemes_operators_breeds_and_pets,
    keep_streets_forces_events_and_pets,
    trim_times,
    trim_towns,
)
from bot.safeguarding.redaction.plain_names import (
    find_couples_sharing_a_surname,
    find_given_names_in_capitals,
    find_lower_case_families,
    find_lower_given_names_after_a_cue,
    find_names_after_misspelt_kin,
)
from bot.safeguarding.redaction.plate_clause import find_plates_in_bits
from bot.safeguarding.redaction.public_names import keep_public_places_and_roles
from bot.safeguarding.redaction.public_tails import trim_public_tail
from bot.safeguarding.redaction.reference_codes import find_reference_codes
from bot.safeguarding.redaction.rural_homes import find_rural_and_regional_homes
from bot.safeguarding.redaction.signed_people import find_signed_and_possessive_people
from bot.safeguarding.redaction.singled_out import (
    find_engraved_words,
    find_old_ages_after_a_circumstance,
    find_only_ones_in_a_post,
    find_police_shaped_references,
    find_sole_posts_said_of_someone,
)
from bot.safeguarding.redaction.situation import (
    ages_after_names,
    find_ages_with_a_condition,
    find_ages_with_detail,
    find_birth_dates,
    find_described_ages,
    find_described_plates,
    find_local_school_years,
    find_own_posts,
    find_posts_after_a_named_workplace,
    find_posts_at_named_places,
    find_posts_schools_and_widowhood,
    find_school_years,
    find_singular_roles,
)
from bot.safeguarding.redaction.spoken import (
    find_cued_plates,
    find_partial_plates,
    find_read_out_plates,
    find_spelled_codes,
    find_spoken_phones,
    find_spoken_regs,
    find_worded_ids,
    find_worded_postcodes,
)
from bot.safeguarding.redaction.street_corners import find_numbers_by_their_street
from bot.safeguarding.redaction.townland_homes import find_townland_homes
from bot.safeguarding.redaction.unlisted_names import (
    find_cleft_names,
    find_lists_of_people,
    find_name_shaped_runs,
    find_names_with_particles,
    find_nicknamed_initialled_and_apposed,
    find_quoted_nicknames_and_graffiti,
    find_sign_offs_and_greetings,
)
from bot.safeguarding.redaction.what3words import find_what3words
from bot.safeguarding.redaction.where_they_live import find_ages_with_where_they_live
from bot.safeguarding.redaction.workplace_posts import (
    find_posts_at_a_workplace,
    keep_posts_of_allotments,
)

__all__ = [
    "LABEL_PATTERN",
    "Category",
    "Detail",
    "Doubt",
    "find_doubtful_names",
    "find_personal_details",
    "suggest_publishable",
]

# Earlier finders win a tie: an email beats the name inside it, a phone
# number beats the date-like digits inside it.
_FINDERS: tuple[Callable[[str], Iterable[Detail]], ...] = (
    find_emails,
    find_handles,
    find_handles_without_at,
    find_cued_accounts,
    find_ni_numbers,
    # round 21: "account ending 40317722" is an account's, not a phone's end
    find_account_endings,
    find_phones,
    find_misgiven_phones,
    find_id_numbers,
    find_loosely_cued_id_numbers,
    find_tags_and_carried_numbers,
    find_worded_ids,
    find_spoken_phones,
    find_postcodes,
    find_worded_postcodes,
    find_vehicle_regs,
    find_personal_plates_and_second_guesses,
    find_worded_personal_plates,
    find_spoken_regs,
    find_partial_plates,
    find_cued_plates,
    find_read_out_plates,
    find_spelled_codes,
    find_described_plates,
    find_dates_of_birth,
    find_birth_dates,
    find_addresses,
    # round 19: "no 47 on Groby Rd": the house and the street it is on
    find_numbers_on_their_street,
    # round 20: "forty-one on the corner of Hawthorne Road": the number only
    find_numbers_by_their_street,
    find_flats_welsh_streets_and_coded_digits,
    find_numbered_homes,
    find_boats_by_port_or_index,
    find_flats_by_block_or_shop,
    find_homes_on_sites_and_in_blocks,
    find_flat_codes_estates_and_welsh_names,
    find_districts_and_bare_house_numbers,
    find_lone_numbers_pairs_and_blocks,
    # round 14: number-group details in shapes a fresh probe found left
    find_asides_extensions_and_pieces_of_lines,
    find_slipped_postcodes_and_plate_endings,
    find_spelt_emails_with_spaces,
    find_homes_said_oddly,
    # round 15: homes in blocks and on estates, boats' numbers, what3words
    find_homes_in_blocks_and_estates,
    find_boat_registrations,
    find_what3words,
    # round 16: context readers for the number group, dates of birth, serials, references
    find_plates_in_bits,
    find_homes_by_their_number,
    find_cued_dates_of_birth,
    find_serial_numbers,
    find_crime_references,
    # round 17: a record's number by its shape or its cue ("ref CC-2291-0874")
    find_reference_codes,
    find_house_names,
    find_more_house_names,
    find_house_names_by_village_or_home_word,
    find_homes_where_an_address_would_be,
    find_homes_by_street_or_part,
    # round 15: homes by a regional word or a living cue; signed and possessive people
    find_rural_and_regional_homes,
    find_school_years,
    find_local_school_years,
    find_singular_roles,
    find_posts_after_a_named_workplace,
    find_posts_at_named_places,
    find_ages_with_detail,
    find_described_ages,
    find_ages_with_a_condition,
    find_names,
    find_initialled_names,
    find_unintroduced_names,
    find_people_shapes,
    find_shops_named_after_owners,
    find_owners_bars_and_grills,
    find_nicknamed_and_lower_case_names,
    find_lower_case_friends_and_greetings,
    find_owners_trade_businesses,
    find_named_traders,
    find_signed_and_cued_names,
    find_half_given_and_set_off_names,
    find_named_boats_and_homes_to_write_to,
    find_posts_schools_and_widowhood,
    find_own_posts,
    find_goes_by_capitals_and_signs,
    find_boats_named_after_a_comma,
    find_signed_and_possessive_people,
    # round 16: readers for jobs, homes by position and businesses
    find_roles_that_single_out,
    find_homes_by_position,
    find_businesses_by_shape,
    # round 17: people singled out by a cue (nicknames, lower case, tags, schools with years)
    find_tags_by_cue,
    find_nicknames,
    find_lower_case_full_names,
    find_lower_case_relations,
    find_schools_with_years,
    find_childrens_schools,
    find_lower_case_homes,
    find_firms_with_owners,
    find_roles_at_the_only_workplace,
    # round 18: details read by their cue (titles, doors, firms, house names, roles)
    find_titled_people,
    find_doors_with_their_street,
    find_firms_by_trade_or_quote,
    find_house_names_by_cue,
    find_roles_by_cue,
    # round 18 (names): names the lists do not hold, by position and shape
    find_name_shaped_runs,
    find_names_with_particles,
    find_lists_of_people,
    find_cleft_names,
    find_sign_offs_and_greetings,
    find_quoted_nicknames_and_graffiti,
    find_nicknamed_initialled_and_apposed,
    # round 19: an age beside a circumstance, a person at their workplace
    find_ages_beside_circumstances,
    find_people_at_their_workplace,
    # round 20: a post at a named workplace, firms named after people
    find_posts_at_named_workplaces,
    find_firms_named_after_people,
    # round 20 (roles): a sole post said with a verb, an old age after its
    # circumstance, the words engraved on a thing
    find_sole_posts_said_of_someone,
    find_old_ages_after_a_circumstance,
    find_engraved_words,
    find_only_ones_in_a_post,
    find_police_shaped_references,
    # round 19 (names): names in capitals, lower case, surname first, heard,
    # with a rank and number, with a form, by family, asked after, in Welsh
    find_names_in_capitals,
    find_surname_first_names,
    find_lower_case_hard_names,
    find_hyphenated_given_names,
    find_names_heard_not_known,
    find_officers_with_numbers,
    find_children_with_forms,
    find_families_by_surname,
    find_names_asked_after,
    find_names_in_welsh,
    find_names_by_a_close_cue,
    # round 21: numbers a few words from their cue (an account after its sort
    # code, an account "ending" in figures, a hedged collar number) and names
    # written plainly (a couple sharing a surname, capitals, lower case)
    find_accounts_after_sort_codes,
    find_hedged_collar_numbers,
    find_couples_sharing_a_surname,
    find_given_names_in_capitals,
    find_lower_given_names_after_a_cue,
    find_lower_case_families,
    find_names_after_misspelt_kin,
    # round 21: a post narrowed by a shift, a ward, a crossing or a spot
    find_posts_at_a_workplace,
    # round 21: an age with the door it lives behind; homes named after a townland
    find_ages_with_where_they_live,
    find_townland_homes,
)

LABEL_PATTERN = re.compile("|".join(re.escape(c.label) for c in Category))


def find_personal_details(text: str) -> list[Detail]:
    """Every personal detail in the text, in order, none overlapping. Where
    finders claim overlapping text, the union is taken (so no part of either
    is left showing), labelled as the longest claim, then the earliest
    finder's."""
    found: list[tuple[int, int, int, Detail]] = []
    for rank, finder in enumerate(_FINDERS):
        for detail in finder(text):
            if detail.end > detail.start:
                found.append((detail.start, -(detail.end - detail.start), rank, detail))
    # what goes with a name: a title, a business, a school, an age ("PC Hayes",
    # "Tindall & Sons Roofing", "Nadia is 14")
    kept = set(keep_places(text, [item[3] for item in found]))
    kept &= set(keep_places_and_organisations(text, [item[3] for item in found]))
    kept &= set(keep_streets_forces_events_and_pets(text, [item[3] for item in found]))
    kept &= set(keep_schemes_operators_breeds_and_pets(text, [item[3] for item in found]))
    kept &= set(keep_pubs_villages_bays_pets_and_brands(text, [item[3] for item in found]))
    # round 14: allotment plots, a bus's destination, a football club
    kept &= set(keep_plots_destinations_and_clubs(text, [item[3] for item in found]))
    # round 15: public places named like homes, Welsh streets, pets, universities, speeds
    kept &= set(keep_places_pets_universities_and_speeds(text, [item[3] for item in found]))
    # round 16: "I work as chef in Stonehaven": an everyday role in a town stays
    kept &= set(keep_everyday_jobs(text, [item[3] for item in found]))
    # round 17: a pet's name after "called" ("a big cross called Tyson")
    kept &= set(keep_pets_called(text, [item[3] for item in found]))
    # round 18: towns closing a sentence, terms, a brand's part, pets, "The Occupier"
    kept &= set(keep_words_taken_for_names(text, [item[3] for item in found]))
    # round 21: a town on a journey, after a chain's branch, closing a line
    kept &= set(keep_towns_on_journeys_and_branches(text, [item[3] for item in found]))
    kept &= set(keep_posts_of_allotments(text, [item[3] for item in found]))
    found = [item for item in found if item[3] in kept]
    # public places, institutions, firms and groups; a town after a name
    given = keep_institutions(text, [item[3] for item in found])
    found = [(s, n, rank, d) for (s, n, rank, _d), d in zip(found, given, strict=True) if d]
    # a town at the end of an age's or a job's description stays
    found = [(s, n, rank, trim_towns(text, d)) for s, n, rank, d in found]
    # round 21: "the howard school rainham": the town after a school stays
    found = [(s, n, rank, trim_town_after_a_school(text, d)) for s, n, rank, d in found]
    # round 17: a public place closing a job's or an age's description stays
    found = [(s, n, rank, trim_public_tail(text, d)) for s, n, rank, d in found]
    # round 12: a day or a time inside a span stays ("[age] last Tuesday")
    found = [(s, n, rank, t) for s, n, rank, d in found for t in trim_times(text, d)]
    found = [(d.start, -(d.end - d.start), rank, d) for _s, _n, rank, d in found]
    every = [item[3] for item in found]
    # round 12: a name said again is checked again ("Hope Farm, Hope Bowdler
    # SY6 7DD": the village after the farm is no repeat of a person's name)
    every += keep_words_taken_for_names(
        text, keep_pubs_villages_bays_pets_and_brands(text, list(repeat_names(text, every)))
    )
    names = [detail for detail in every if detail.category is Category.NAME]
    widened = list(widen_names(text, every)) + list(ages_after_names(text, names))
    # round 11: an age found after a name ends before its town too
    widened = keep_schemes_operators_breeds_and_pets(
        text,
        [t for d in widened for t in trim_times(text, trim_public_tail(text, trim_towns(text, d)))],
    )
    in_found = {item[3] for item in found}
    widened += [d for d in every if d not in in_found]
    # round 18: "Hillside (that's the name of their house": a home, said so
    widened += list(find_houses_said_to_be_named(text))
    for detail in widened:
        found.append((detail.start, -(detail.end - detail.start), len(_FINDERS), detail))
    found = [
        (d.start, -(d.end - d.start), rank, d)
        for rank, d in (
            (rank, _whole_words(text, _after_names(text, d, names))) for _s, _l, rank, d in found
        )
        if d.end > d.start
    ]
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    merged: list[tuple[int, int, tuple[int, int], Category]] = []
    for start, negative_length, rank, detail in found:
        claim = (negative_length, rank)
        if merged and start < merged[-1][1]:
            last_start, last_end, best, category = merged[-1]
            if claim < best:
                best, category = claim, detail.category
            merged[-1] = (last_start, max(last_end, detail.end), best, category)
        else:
            merged.append((start, detail.end, claim, detail.category))
    details = [Detail(start, end, category) for start, end, _b, category in merged]
    # round 18 (keep words): "King George V playing fields", "Robin Hood Cars",
    # "The head teacher told us": public places and roles, not residents
    # round 20: a field's cue goes with its value ("DOB 12/04/2007", "aged 81")
    return _joined(text, take_field_cues(text, keep_public_places_and_roles(text, details)))


def _whole_words(text: str, detail: Detail) -> Detail:
    """``detail`` widened to whole words: a span that starts or ends inside a
    word (a finder's pattern stopping at "o" of "off") would leave a broken
    word in the suggestion ("[job]f Station Road") and could leave part of
    the detail showing. Widening, not narrowing: what is unsure goes."""
    start, end = detail.start, detail.end
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    if (start, end) == (detail.start, detail.end):
        return detail
    return Detail(start, end, detail.category)


def _after_names(text: str, detail: Detail, names: list[Detail]) -> Detail:
    """An age whose subject is a name ("My dad George is 91") starts after the
    name, so the name keeps its own label: "My dad [name] [age]"."""
    if detail.category is not Category.AGE:
        return detail
    start = detail.start
    # only a name before the age: "my dad is 87 and lives at Bryn Awel" keeps its start
    age = re.search(r"\d", text[detail.start : detail.end])
    before_age = detail.start + age.start() if age else detail.end
    for name in names:
        if detail.start <= name.start and name.end < detail.end and name.end <= before_age:
            start = max(start, name.end)
    while start < detail.end and text[start] in " \t,":
        start += 1
    return Detail(start, detail.end, detail.category)


# Two children with their years, one school: "Ruby (Year 4) and Finn (Year
# 1), both at Park View Primary" is one detail.
_AND_BETWEEN = re.compile(r"[ \t]*,?[ \t]*(?:and|&)[ \t]+")


def _joined(text: str, details: list[Detail]) -> list[Detail]:
    joined: list[Detail] = []
    for detail in details:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.category is Category.SCHOOL is detail.category
            and _AND_BETWEEN.fullmatch(text, last.end, detail.start)
        ):
            joined[-1] = Detail(last.start, detail.end, Category.SCHOOL)
        else:
            joined.append(detail)
    return joined


def suggest_publishable(text: str) -> str:
    """``text`` with each personal detail replaced by its label. Characters
    that show nothing (``bot.edge.text.strip_hidden``) are dropped first,
    so a zero-width space inside a phone number hides nothing."""
    text = strip_hidden(text)
    return "".join(_replaced(text, find_personal_details(text)))


def _replaced(text: str, details: list[Detail]) -> Iterator[str]:
    position = 0
    for detail in details:
        yield text[position : detail.start]
        yield detail.category.label
        position = detail.end
    yield text[position:]
