"""Tests of kuril_research.ingest.homonyms: when a territory name names a ship, a firm or a place elsewhere.

Every sentence here is made up; the expected mentions were checked by hand.
"""

from __future__ import annotations

import pytest

from kuril_research.errors import LexiconError
from kuril_research.ingest.gazetteer import Gazetteer, load_gazetteer
from kuril_research.ingest.homonyms import TERRITORY_TYPES


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def territory(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    """The territory mentions of ``text`` and the homonyms, as (surface, entity)."""
    return [(m.surface, m.entity) for m in gaz.find(text) if m.entity_type in TERRITORY_TYPES | {"homonym"}]


# --------------------------------------------------------------------------- ships
@pytest.mark.parametrize(("text", "expected"), [
    # warships of both navies bear island names; the class is named after its first ship
    ("The Etorofu-class escort ships were slow.", [("Etorofu", "homonym")]),
    ("fourteen ships of the Shikotan class", [("Shikotan", "homonym")]),
    ("The cruiser Chishima sank in a collision.", [("Chishima", "homonym")]),
    ("the kaibokan Kunashiri was launched", [("Kunashiri", "homonym")]),
    # ship prefixes, "named"/"called" after the cue, travelling aboard
    ("The MV Kunashir docked at Korsakov.", [("Kunashir", "homonym")]),
    ("The ship, named Iturup, was built abroad.", [("Iturup", "homonym")]),
    ('A boat called "Shikotan" left port.', [("Shikotan", "homonym")]),
    ("He sailed aboard the Kunashir last summer.", [("Kunashir", "homonym")]),
    ("Passengers on board the Iturup waited.", [("Iturup", "homonym")]),
    # ... but a ship sailing to an island leaves the island a territory mention
    ("the ship sailed to Kunashir", [("Kunashir", "kunashir")]),
    ("a ferry ride from Iturup", [("Iturup", "iturup")]),
])
def test_ships_named_after_an_island(gaz, text, expected):
    assert territory(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the" before a bare island name, in a subject's or object's place: a ship
    ("The Kunashir, which carries 200 passengers, was late.", [("Kunashir", "homonym")]),
    ("Ice trapped the Iturup.", [("Iturup", "homonym")]),
    ("They chartered the Shikotan.", [("Shikotan", "homonym")]),
    ("the Kunashir’s captain radioed", [("Kunashir", "homonym")]),
    ("the Iturup, called Etorofu in Japan", [("Iturup", "iturup"), ("Etorofu", "iturup")]),
    ("the South Kurils District Court ruled", [("South Kurils", "homonym")]),
    # ... not in a list of names, not as an adjective, not after a preposition of place
    ("the Kunashir, Iturup and Shikotan islands", [("Kunashir", "kunashir"), ("Iturup", "iturup"),
                                                   ("Shikotan", "shikotan")]),
    ("the Iturup and Kunashir garrisons", [("Iturup", "iturup"), ("Kunashir", "kunashir")]),
    ("the Iturup, the Kunashir and the Shikotan.", [("Iturup", "iturup"), ("Kunashir", "kunashir"),
                                                    ("Shikotan", "shikotan")]),
    ("the Iturup airport", [("Iturup", "iturup")]),
    ("troops deployed on the Iturup.", [("Iturup", "iturup")]),
    ("the Kunashir (Kunashiri) coast", [("Kunashir", "kunashir"), ("Kunashiri", "kunashir")]),
    # ... and an island group takes "the": "the Habomai" are the islets
    ("The Habomai, uninhabited, lie close.", [("Habomai", "habomai")]),
])
def test_the_before_a_bare_island_name_is_a_ship(gaz, text, expected):
    assert territory(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kunashir, a Sakhalin passenger ferry, was repaired.", [("Kunashir", "homonym")]),
    ("Iturup, the company's newest trawler, sailed.", [("Iturup", "homonym")]),
    # ... a ferry ride, an island where ferries call: the island
    ("Kunashir, a two-hour ferry ride from Shikotan, has", [("Kunashir", "kunashir"), ("Shikotan", "shikotan")]),
    ("Shikotan, the island where the ferry calls, is small", [("Shikotan", "shikotan")]),
])
def test_an_apposition_that_calls_the_name_a_ship(gaz, text, expected):
    assert territory(gaz, text) == expected


# --------------------------------------------------------------------------- organisations and places
@pytest.mark.parametrize(("text", "expected"), [
    # three capitalised words of an organisation's name between the territory name and its head noun
    ("the Northern Territories Return Movement Promotion Council met", [("Northern Territories", "homonym")]),
    ("the Northern Territories Return Alliance was banned", [("Northern Territories", "homonym")]),
    ("the South Kurils Fish Plant", [("South Kurils", "homonym")]),
    # lower-case bodies: a fishing cooperative, the minister's portfolio
    ("fishermen of the Habomai cooperative", [("Habomai", "homonym")]),
    ("the Northern Territories minister said", [("Northern Territories", "homonym")]),
    # the ferry company and news agency "Sakhalin-Kurils" is an organisation, not the islands
    ("the shipping company Sakhalin-Kurils said", []),
    ("the Sakhalin – Kuriles company said", []),
    # ... while the islands with Sakhalin, or a lower-case common noun after a name, stay territory
    ("Sakhalin and the Kurils", [("Kurils", "kuril_islands")]),
    ("a Habomai fishing ground", [("Habomai", "habomai")]),
])
def test_organisation_names_containing_a_territory_name(gaz, text, expected):
    assert territory(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Canada's and Russia's own northern territories are not Japan's Northern Territories
    ("Canada's northern territories had a warm winter.", [("northern territories", "homonym")]),
    ("Canada's three northern territories", [("northern territories", "homonym")]),
    ("investment in Russia's northern territories and the Arctic", [("northern territories", "homonym")]),
    ("the northern territories of Canada", [("northern territories", "homonym")]),
    # ... Japan's are
    ("Japan's Northern Territories", [("Northern Territories", "northern_territories")]),
    ("the Russian-held Northern Territories", [("Northern Territories", "northern_territories")]),
])
def test_other_countries_northern_territories(gaz, text, expected):
    assert territory(gaz, text) == expected


def test_a_tab_separates_table_cells_not_the_words_of_a_name(gaz):
    assert [m.surface for m in gaz.find("1956\tJoint Declaration of 1956\tJapan")] == ["Joint Declaration of 1956",
                                                                                      "Japan"]
    assert [m.surface for m in gaz.find("the 1956 Joint Declaration")] == ["1956 Joint Declaration"]


@pytest.mark.parametrize(("text", "expected"), [
    ("under the Treatise on Trade and Borders of 1855", [("Treatise on Trade and Borders of 1855", "shimoda_treaty")]),
    ("the Treaty on Trade and Borders", [("Treaty on Trade and Borders", "shimoda_treaty")]),
    ("the St. Petersburg Treaty", [("St. Petersburg Treaty", "treaty_of_saint_petersburg_1875")]),
])
def test_translated_treaty_names(gaz, text, expected):
    assert [(m.surface, m.entity) for m in gaz.find(text)] == expected


# --------------------------------------------------------------------------- validation
@pytest.mark.parametrize(("rules", "line", "words"), [
    ("homonym_after_the: [was]\n", 6, "homonym_after_the must be a mapping"),
    ("homonym_after_the:\n  follow: [was]\n", 7, "unknown key 'follow'"),
    ("homonym_appositions:\n  heads: ferry\n", 7, "homonym_appositions.heads must be a list"),
    ("homonym_contexts:\n  nowhere: {before: [x]}\n", 7, "unknown entity 'nowhere'"),
    ("homonym_contexts:\n  shikotan: {around: [x]}\n", 7, "before and/or after"),
])
def test_invalid_rules_name_file_and_line(tmp_path, rules, line, words):
    path = tmp_path / "gazetteer.yaml"
    path.write_text("entities:\n  - id: shikotan\n    type: island\n    naming: neutral\n    variants: [Shikotan]\n"
                    "  - id: homonym\n    type: homonym\n    naming: neutral\n    variants: [Shikotan Maru]\n"
                    .replace("  - id: homonym", "  - id: homonym") + rules, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_gazetteer(path)
    assert words in str(caught.value) and caught.value.line == line + 4


def test_a_rule_needs_the_homonym_entity(tmp_path):
    path = tmp_path / "gazetteer.yaml"
    path.write_text("entities:\n  - id: shikotan\n    type: island\n    naming: neutral\n    variants: [Shikotan]\n"
                    "homonym_appositions:\n  heads: [ferry]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_gazetteer(path)
    assert caught.value.line == 6 and "homonym_appositions" in str(caught.value)


@pytest.mark.parametrize(("text", "expected"), [
    # the Habomai islets and the smaller islands, with the suffix "Island" and the Japanese "-jima"
    ("kelp off Yuri Island and Akiyurijima", [("Yuri Island", "yuri"), ("Akiyurijima", "akiyuri")]),
    ("Anuchina Island and Yury Island", [("Anuchina Island", "akiyuri"), ("Yury Island", "yuri")]),
    ("a boy named Yuri", []),
    ("north of Shumshu Island", [("Shumshu Island", "shumshu")]),
    # the archipelago as a Japanese headword glosses it, and "the Kuril island chain"
    ("Japanese: Kuriru rettō", [("Kuriru rettō", "kuril_islands")]),
    ("along the Kuril island chain", [("Kuril island chain", "kuril_islands")]),
])
def test_smaller_islands_and_chain_names(gaz, text, expected):
    assert [(m.surface, m.entity) for m in gaz.find(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the Soviet Union as "USSR", and the 2001 statement as outlets sometimes call it
    ("under the 1956 USSR-Japan Joint Declaration", [("1956 USSR-Japan Joint Declaration", "joint_declaration_1956")]),
    ("the Irkutsk Declaration of the two leaders", [("Irkutsk Declaration", "irkutsk_statement_2001")]),
    ("the Portsmouth Peace Treaty", [("Portsmouth Peace Treaty", "treaty_of_portsmouth")]),
])
def test_more_spellings_of_treaties(gaz, text, expected):
    assert [(m.surface, m.entity) for m in gaz.find(text)] == expected


def test_a_line_break_ends_an_organisation_name(gaz):
    # a headline ending in a name, and a line of capitalised words after it: no "Southern Kurils ... Office"
    text = "Talks on the Southern Kurils\nForeign Ministry Press Office said"
    assert territory(gaz, text) == [("Southern Kurils", "southern_kurils")]
    assert territory(gaz, "the Southern Kurils Press Office said") == [("Southern Kurils", "homonym")]


@pytest.mark.parametrize(("text", "expected"), [
    # bars, shops and inns named after an island, the kind of noun before the name
    ("the snack bar Etorofu near the station", [("Etorofu", "homonym")]),
    ("an izakaya, Kunashiri, serves crab", [("Kunashiri", "homonym")]),
    # ... "bar" alone is a verb too; a shop on an island is on the island
    ("Moscow may bar Kunashir residents", [("Kunashir", "kunashir")]),
    ("the souvenir shop on Shikotan", [("Shikotan", "shikotan")]),
])
def test_bars_and_shops_named_after_an_island(gaz, text, expected):
    assert territory(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bodies and stations named after the islands
    ("the Southern Kurils Border Guard Department said", [("Southern Kurils", "homonym")]),
    ("the Kuril Islands Seismic Station recorded a quake", [("Kuril Islands", "homonym")]),
    ("the Shikotan Island Former Residents Association", [("Shikotan Island", "homonym")]),
    # the league's name in its other word order: both names belong to it
    ("the League of Chishima and Habomai Islands Residents", [("Chishima", "homonym"), ("Habomai Islands", "homonym")]),
    # ... and a sentence that ends with a name, then a capitalised word, is about the islands
    ("Kunashir was quiet. Service on the ferry resumed.", [("Kunashir", "kunashir")]),
])
def test_bodies_named_after_the_islands(gaz, text, expected):
    assert territory(gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Russian usage: the kind of thing, then its name in quotation marks
    ('the all-weather airport "Iturup" opened', [("Iturup", "homonym")]),
    ('the territory of advanced development "Kuriles" was formed', [("Kuriles", "homonym")]),
    ('the TOR "Kurils" has one resident', [("Kurils", "homonym")]),
    # ... an airport or a company on an island is on the island
    ("a new airport on Iturup", [("Iturup", "iturup")]),
    ("a Japanese company in Kunashir", [("Kunashir", "kunashir")]),
])
def test_the_kind_of_thing_before_its_quoted_name(gaz, text, expected):
    assert territory(gaz, text) == expected


def test_a_capitalised_title_with_in_and_near(gaz):
    text = ("the Liaison Council of Municipalities in Nemuro for the Development of Regions near "
            "the Northern Territories")
    assert territory(gaz, text) == [("Northern Territories", "homonym")]
    assert territory(gaz, "fishermen in Nemuro near the Northern Territories") == [("Northern Territories",
                                                                                    "northern_territories")]


@pytest.mark.parametrize(("text", "expected"), [
    # a peace agreement about another war is not the Russia-Japan peace treaty
    ("talks on a Ukraine peace agreement stalled", [("peace agreement", "homonym")]),
    ("Moscow wants a peace agreement with Kyiv on its terms", [("peace agreement", "homonym")]),
    ("a peace treaty with Japan", [("peace treaty", "peace_treaty")]),
    ("Japan wants a peace treaty, while Ukraine wants arms", [("peace treaty", "peace_treaty")]),
])
def test_another_wars_peace_agreement(gaz, text, expected):
    assert [(m.surface, m.entity) for m in gaz.find(text) if m.entity in ("peace_treaty", "homonym")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Joint Declaration" alone is the 1956 one, except after two other countries' names
    ("the Sino-British Joint Declaration on Hong Kong", [("Joint Declaration", "homonym")]),
    ("the two countries signed the Joint Declaration", [("Joint Declaration", "joint_declaration_1956")]),
    ("the Japan-Soviet Joint Declaration", [("Japan-Soviet Joint Declaration", "joint_declaration_1956")]),
])
def test_other_countries_joint_declarations(gaz, text, expected):
    assert [(m.surface, m.entity) for m in gaz.find(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the Northern Territories Caravan toured Osaka", [("Northern Territories", "homonym")]),
    ("the 10th Kuril Islands Cup regatta", [("Kuril Islands", "homonym")]),
    # a title-case headline left in the body: "Arms Race" is about the islands
    ("Japan and Russia: A Kuril Islands Arms Race", [("Kuril Islands", "kuril_islands")]),
])
def test_events_named_after_the_islands(gaz, text, expected):
    assert territory(gaz, text) == expected


def test_a_title_case_headline_is_no_organisation_name(gaz):
    assert territory(gaz, "Abe and Putin Discuss Kuril Islands At Summit") == [("Kuril Islands", "kuril_islands")]
    assert territory(gaz, "the Kuril Islands Youth Summit") == [("Kuril Islands", "homonym")]
