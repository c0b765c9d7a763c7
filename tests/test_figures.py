"""Figures on sentences of our own: one test per rule (numbers, exclusions, qualifier, unit, subject
and place, claimant, status, claim date)."""
import math

import pytest

from briefing.figures import extract_figures
from briefing.numbers import find_numbers, parse_number
from briefing.resources import read_table

PUB = "2024-10-22"  # a Tuesday


def figs(text, published=PUB, source="text"):
    return extract_figures(text, article="t.txt", published=published, published_source=source)


def one(text, **kw):
    f = figs(text, **kw)
    assert len(f) == 1, f[["surface", "unit"]].to_string()
    return f.iloc[0]


@pytest.mark.parametrize("s,v", [("1,500", 1500), ("10,000", 10000), ("1.5 million", 1.5e6), ("three thousand", 3000),
                                 ("a dozen", 12), ("twelve", 12), ("15-thousand", 15000), ("four-thousand-100", 4100),
                                 ("twenty-five", 25), ("two hundred and fifty", 250), ("12 mn", 12e6), ("1.5 bn", 1.5e9)])
def test_parse_number(s, v):
    assert parse_number(s) == v


@pytest.mark.parametrize("text,lo,hi", [("10,000 to 12,000 troops", 10000, 12000), ("10,000-12,000 troops", 10000, 12000),
                                        ("between 1,000 and 3,000 troops", 1000, 3000), ("1.5 to 2 million shells", 1.5e6, 2e6),
                                        # a scale letter after the second bound scales both
                                        ("11\u201312k troops", 11000, 12000), ("3-5m shells", 3e6, 5e6)])
def test_ranges(text, lo, hi):
    r = one(text)
    assert (r.qualifier, r.low, r.high) == ("range", lo, hi) and math.isnan(r.value)


@pytest.mark.parametrize("text,first", [("Thousands of soldiers crossed.", "Thousands"), ("They sent several hundred engineers.", "several hundred"),
                                        ("Dozens of missiles fell.", "Dozens"), ("Hundreds of workers left.", "Hundreds")])
def test_vague(text, first):
    r = one(text)
    assert r.qualifier == "vague" and math.isnan(r.value) and r.surface.startswith(first)


def test_percent():
    r = one("Officials said 40% of the shells were duds.")
    assert (r.value, r.unit) == (40, "percent")


@pytest.mark.parametrize("text", [
    "In 2022, the war began with troops massing.", "Since August 2023 soldiers have trained.",
    "On Oct. 17 troops moved.", "On June 25 soldiers arrived.", "At 15:40 troops left the base.",
    "The soldiers used 60-mm mortars.", "They fired AK-12 rifles and KN-23 missiles and flew Su-27 jets.",
    "The first soldiers and the 3rd brigade arrived.", "Troops advanced 50 km to the west.",
    "They captured 10 square kilometers of land.", "Top 10 Stories", "+2 -1", "Call 555-1234 now.",
    "The 22-year-old soldiers were captured.", "The two countries and four Indo-Pacific partners met.",
    "One official said the talks went well.", "The war has lasted two years; it ended within days.",
    "He paid $500 million for weapons.",
    "Shares of Hanwha Aerospace rose as much as 6.2% and the won weakened 0.4% to 1,381 per dollar.",
    # the people a story's sources are, counted
    "The convoy left, according to two Western officials briefed on the intelligence.",
    "Three people familiar with the plan said the convoy had left.",
    "Two of the officials, who asked not to be named, said the convoy had left.",
    "Four lawmakers who attended the session said the convoy had left.",
])
def test_not_figures(text):
    assert figs(text).empty, figs(text)[["surface", "unit"]].to_string()


@pytest.mark.parametrize("text, surface", [
    ("Three people were killed and two officials were wounded in the strike.", "Three"),
    ("Two of the soldiers were killed in the strike.", "Two"),
])
def test_people_counted_as_casualties_stay_figures(text, surface):
    assert surface in set(figs(text).surface)


@pytest.mark.parametrize("text, surface, unit", [
    ("Freedonia received a further 18 Leopard 1 A5 battle tanks this month.", "18", "tanks"),
    ("In all, 14 Challenger 2 tanks have been delivered.", "14", "tanks"),
])
def test_a_weapon_named_by_family_and_number_is_the_counted_noun_not_a_figure(text, surface, unit):
    f = one(text)
    assert (f.surface, f.unit) == (surface, unit)


@pytest.mark.parametrize("text, surface", [
    ("Freedonia's count, Jan 13: ~300 KIA, none captured.", "~300"),
    ("Our estimate is 3,500–4,500 KIA+WIA so far.", "3,500–4,500"),
    ("About 2,700 marines were wounded in action.", "About 2,700"),
])
def test_military_shorthand_for_the_dead_and_wounded_counts_casualties(text, surface):
    f = one(text)
    assert (f.surface, f.unit_category) == (surface, "casualties")


def test_the_last_item_of_a_list_closed_by_a_full_stop_is_the_lists_claim():
    from briefing.extract import article_rows
    text = ("According to the General Staff, the enemy's total losses were approximately:\n\n"
            "personnel – about 818,560 (+1,630) persons;\n\ntanks – 9,546 (+5);\n\nartillery systems – 21,063 (+30).")
    f = {r["surface"]: r["claimant"] for r in article_rows(text, article="t.txt", published="2025-01-16")[1]}
    assert f["21,063"] == f["about 818,560"] != ""


def test_every_exclusion_rule_example_is_excluded():
    from briefing.figures import _excluded
    from briefing.numbers import find_numbers
    for rule in read_table("not_figures.csv"):
        ex = rule["example"]
        hits = [_excluded(ex, n.start, n.end) for n in find_numbers(ex)]
        assert rule["id"] in hits, (rule["id"], hits)


@pytest.mark.parametrize("text,qual", [
    ("About 3,000 troops arrived.", "approximately"), ("Around 3,000 troops arrived.", "approximately"),
    ("Roughly 3,000 troops arrived.", "approximately"), ("Some 3,000 troops arrived.", "approximately"),
    ("An estimated 3,000 troops arrived.", "approximately"), ("Nearly 3,000 troops arrived.", "approximately"),
    ("More than 3,000 troops arrived.", "over"), ("At least 3,000 troops arrived.", "over"),
    ("Upwards of 3,000 troops arrived.", "over"), ("Over 3,000 troops arrived.", "over"),
    ("Fewer than 3,000 troops arrived.", "under"), ("Less than 3,000 troops arrived.", "under"),
    ("Up to 3,000 troops arrived.", "up_to"), ("As many as 3,000 troops arrived.", "up_to"),
    ("3,000 troops arrived.", "exact"),
])
def test_qualifier(text, qual):
    r = one(text)
    assert r.qualifier == qual and r.value == 3000 and r.surface.lower().endswith("3,000")


def test_up_to_and_over_bounds():
    r = one("Up to 3,000 troops arrived.")
    assert math.isnan(r.low) and r.high == 3000
    r = one("More than 3,000 troops arrived.")
    assert r.low == 3000 and math.isnan(r.high)


@pytest.mark.parametrize("text,unit,cat", [
    ("Pyongyang sent 1,500 special operations forces.", "special operations forces", "personnel"),
    ("Pyongyang sent 700 engineers.", "engineers", "personnel"),
    ("The strike left 40 wounded.", "wounded", "casualties"),
    ("Kyiv said 200 North Korean soldiers were killed.", "soldiers", "casualties"),
    ("Seoul said 3,000 more North Korean troops arrived.", "troops", "personnel"),
    ("The North shipped 9,000 containers.", "containers", "shipments"),
    ("The North shipped 2 million artillery shells.", "artillery shells", "shipments"),
    ("Russia received fifty howitzers.", "howitzers", "shipments"),
    ("Drones destroyed twelve tanks near the river.", "tanks", "other"),
])
def test_unit_category(text, unit, cat):
    r = one(text)
    assert (r.unit, r.unit_category) == (unit, cat)


@pytest.mark.parametrize("text,surface", [
    ("Freedonian officials described losses of \u201cmore than a thousand in a single week\u201d.", "more than a thousand"),
    ("Sylvania suffered casualties of about 1,500 a day in March.", "about 1,500"),
])
def test_a_toll_of_an_amount_counts_casualties(text, surface):
    r = one(text)
    assert (r.surface, r.unit_category) == (surface, "casualties")


@pytest.mark.parametrize("text,surface,category", [
    ("Freedonia said 9,000 marines were sent. Its spy agency has put the figure slightly higher, at about 10,500.",
     "about 10,500", "personnel"),
    ("Freedonia said 9,000 marines were sent. The agency expects the total to reach about 12,000 by December.",
     "about 12,000", "personnel"),
    # a deployment counts people sent, whatever the figure before it counted
    ("Freedonia thinks 2,700 marines have been killed or wounded. The first deployment last autumn was somewhere "
     "between 11,000 and 12,000.", "between 11,000 and 12,000", "personnel"),
    ("Freedonia said 9,000 marines were sent. Expect another rotation of several thousand by summer.",
     "several thousand", "personnel"),
])
def test_a_figure_that_names_no_noun_counts_what_its_total_or_group_counts(text, surface, category):
    f = figs(text)
    r = f[f.surface == surface]
    assert len(r) == 1 and r.iloc[0].unit_category == category, f[["surface", "unit_category"]].to_string()


def test_a_period_after_losses_of_is_no_figure():
    f = figs("The total combat losses of the enemy from 24.02.2022 to 17.12.2024 are approximately 770,000 personnel.")
    assert list(f.surface) == ["approximately 770,000"]


def test_elided_unit_and_place():
    f = figs("Officials said 9,000 troops were sent to Russia, with about 4,000 stationed in the Belgorod region.")
    assert list(f.value) == [9000, 4000]
    assert f.iloc[1].unit == "troops" and f.iloc[1].location == "in the Belgorod region"
    assert f.iloc[0].location == "to Russia" and "troops" in f.iloc[0].subject
    f = figs("Seoul said 9,000 North Korean troops were sent, with 4,000 deployed near Kursk.")
    assert f.iloc[1].subject.startswith("North Korean troops")


@pytest.mark.parametrize("text, surface, unit, cat", [
    # the counted noun written before the number
    ("Sylvanian losses above 3,000, Kyiv says", "above 3,000", "losses", "casualties"),
    ("About 600 marines were killed and 4,100 wounded, bringing the total casualties to about 4,700.",
     "about 4,700", "casualties", "casualties"),
    # the noun said in an earlier sentence, the number given as a figure, an assessment or a placing
    ("Seoul says 12,000 marines were sent. Washington gives a slightly lower figure of about 10,000.",
     "about 10,000", "marines", "personnel"),
    ("How many marines are in the region? We still assess 11,000 to 12,000.", "11,000 to 12,000", "marines",
     "personnel"),
    ("The marines were folded into other formations, and he put the number already at or near the front at roughly "
     "8,000.", "roughly 8,000", "marines", "personnel"),
])
def test_a_number_whose_noun_is_written_before_it(text, surface, unit, cat):
    r = {x.surface: x for x in figs(text).itertuples()}[surface]
    assert (r.unit, r.unit_category) == (unit, cat)


@pytest.mark.parametrize("text, surface, value, qual", [
    ("Sylvania has sent as many as 6mn artillery shells since the summer.", "as many as 6mn", 6e6, "up_to"),
    ("By Freedonia's count, perhaps 9m shells have been shipped.", "perhaps 9m", 9e6, "approximately"),
    ("Navy analysts estimate >20k containers since August.", ">20k", 2e4, "over"),
    ("Lawmakers said ~300 marines were killed.", "~300", 300, "approximately"),
])
def test_scales_and_signs_written_the_short_way(text, surface, value, qual):
    r = {x.surface: x for x in figs(text).itertuples()}[surface]
    assert (r.value, r.qualifier) == (value, qual)


def test_a_space_before_m_is_metres_not_millions():
    assert figs("The marines dug a 50 m trench near 3 tanks.").value.tolist() == [3]


@pytest.mark.parametrize("text", [
    "The defense gauge rises 3.1%, Rheinmetall up 6.4% and Saab added 4.7% in Stockholm.",
    "European defense budgets will reach 3% of GDP, and a ceasefire would take 20% off these stocks.",
    "The North's economy grew by 3.7% last year.",
])
def test_market_moves_and_shares_of_an_economy_are_not_figures(text):
    assert figs(text).empty, figs(text)[["surface"]].to_string()


def test_make_up_a_share_and_shot_down_stay_figures():
    assert "as much as 60%" in set(figs("Sylvanian shells make up as much as 60% of the rounds fired.").surface)
    assert "41" in set(figs("Air defence units had shot down 41 Freedonian drones over the region.").surface)


def test_a_number_after_a_noun_with_to_is_not_a_count_of_it():
    assert figs("They sent troops to 12 locations along the border.").empty


@pytest.mark.parametrize("text,claimant,actor", [
    ("According to the US State Department, 5,000 troops arrived.", "US State Department", "us_state_department"),
    ("South Korea’s intelligence agency said 2,000 soldiers left.", "National Intelligence Service", "nis"),
    ("Ukrainian President Volodymyr Zelenskyy claimed 6,000 soldiers had arrived.", "Volodymyr Zelenskyy", "volodymyr_zelenskyy"),
    ("Citing the Pentagon, the paper put the number at 4,000 workers.", "Pentagon", None),
    ("About 4,000 workers arrived, the Estonian navy chief told reporters.", "unnamed: Estonian navy chief", None),
    ("4,000 workers arrived in Vladivostok.", "", None),
])
def test_claimant(text, claimant, actor):
    r = one(text)
    assert r.claimant == claimant or (actor and r.actor_id == actor)


def test_claimant_carried_over():
    f = figs("The Lithuanian defence ministry estimated that 800 engineers arrived. It also said 300 drones were delivered.")
    assert list(f.claimant) == ["Lithuanian defence ministry"] * 2


def test_claimant_not_invented_across_paragraphs():
    f = figs("The Lithuanian defence ministry said 800 engineers arrived.\nLater, 300 drones were delivered.")
    assert f.iloc[1].claimant == ""


@pytest.mark.parametrize("text,status", [
    ("The ministry confirmed that 500 soldiers arrived.", "confirmed"),
    ("The ministry verified that 500 soldiers arrived.", "confirmed"),
    ("The North is believed to have sent 500 soldiers.", "estimate"),
    ("The ministry estimated that 500 soldiers arrived.", "estimate"),
    ("The North is preparing to send 500 soldiers.", "projection"),
    ("The number could reach 500 soldiers by December.", "projection"),
    ("Moscow denied that 500 soldiers arrived.", "denied"),
    ("The ministry said 500 soldiers arrived.", "reported"),
])
def test_status(text, status):
    assert one(text).status == status


@pytest.mark.parametrize("text,start,end,prec,ev", [
    ("Last week, the army said 500 soldiers arrived.", "2024-10-14", "2024-10-20", "week", "Last week"),
    ("On Tuesday the army said 500 soldiers arrived.", "2024-10-22", "2024-10-22", "day", "On Tuesday"),
    ("On Sunday the army said 500 soldiers arrived.", "2024-10-20", "2024-10-20", "day", "On Sunday"),
    # said in late October, in an article of Oct. 22: never after the article
    ("In late October the army said 500 soldiers arrived.", "2024-10-21", "2024-10-22", "range", "In late October"),
    ("On Oct. 17 the army said 500 soldiers arrived.", "2024-10-17", "2024-10-17", "day", "On Oct. 17"),
    ("On Dec. 30 the army said 500 soldiers arrived.", "2023-12-30", "2023-12-30", "day", "On Dec. 30"),
    # the time a figure is about is its period, not its claim date
    ("Since August 2023, 500 containers were shipped.", PUB, PUB, "published", ""),
    ("By December, 500 soldiers could be sent.", PUB, PUB, "published", ""),
    ("This month, 500 soldiers arrived.", PUB, PUB, "published", ""),
    ("Two days ago 500 soldiers arrived.", PUB, PUB, "published", ""),
])
def test_claim_date(text, start, end, prec, ev):
    r = one(text)
    assert (r.claim_date, r.claim_date_end, r.claim_date_precision, r.claim_date_evidence) == (start, end, prec, ev)
    assert r.claim_date_flag == ""


@pytest.mark.parametrize("text,start,end", [
    ("Since August 2023, 500 containers were shipped.", "2023-08-01", PUB),
    ("By December, 500 soldiers could be sent.", PUB, "2024-12-31"),
    ("Two days ago 500 soldiers arrived.", "2024-10-20", "2024-10-20"),
])
def test_period(text, start, end):
    r = one(text)
    assert (r.period_start, r.period_end) == (start, end)


def test_claim_date_defaults_to_published_and_flags():
    r = one("The army said 500 soldiers arrived.")
    assert (r.claim_date, r.claim_date_precision) == (PUB, "published")
    assert one("The army said 500 soldiers arrived.", source="inferred").claim_date_flag == "inferred"
    r = one("Last week 500 soldiers arrived.", published="", source="unknown")
    assert (r.claim_date, r.claim_date_precision, r.claim_date_flag) == ("", "unknown", "")


def test_offsets_point_into_text():
    text = "Intro line.\nThe ministry said more than 1,500 soldiers and 20 tanks arrived."
    f = figs(text)
    for r in f.itertuples():
        assert text[r.start:r.end] == r.surface
        assert r.sentence in text
    assert list(f.surface) == ["more than 1,500", "20"]


def test_empty_text_has_columns():
    from briefing.figures import COLUMNS
    assert list(extract_figures("").columns) == COLUMNS


@pytest.mark.parametrize("text,claimant", [
    ("“There are 8,000 troops in Kursk,” Blinken told reporters.", "Antony Blinken"),
    ("Russia has received more than 100 ballistic missiles, Ukrainian officials said.", "unnamed: Ukrainian officials"),
    ("Some 1,000 soldiers have been killed, a Ukrainian official told CNN.", "unnamed: Ukrainian official"),
])
def test_claimant_after_the_figure(text, claimant):
    assert one(text).claimant == claimant


def test_according_to_is_not_a_place():
    r = one("Pyongyang has deployed 11,000 soldiers, according to Seoul.")
    assert r.location == "" and r.side == "South Korea"


def test_a_generic_report_does_not_inherit_the_previous_speaker():
    f = figs("Defense Secretary Lloyd Austin said 10,000 troops were in Russia. The report said 5 million shells were sent.")
    assert f.iloc[1].claimant == ""


@pytest.mark.parametrize("text,cat", [
    ("The shelling killed 12 people in the town.", "casualties"),
    ("Kyiv said Russia lost about 1,500 soldiers in a day.", "casualties"),
    ("The ministry said 12 people were evacuated.", "personnel"),
    ("The 155th brigade has 3,000 marines.", "personnel"),
])
def test_casualty_verbs_before_or_after(text, cat):
    assert one(text).unit_category == cat


@pytest.mark.parametrize("text,value,cat", [
    # a share of a group counted before: the verb after "of them" says what happened to it
    ("Analysts think 9,000 marines landed and that about 2,100 of them have been wounded.", 2100, "casualties"),
    ("Of the 6,000 men sent, officials believe 800 of those were taken prisoner.", 800, "other"),
    # the part of a loss, named with "including"
    ("The army says Moldavia has lost 310,400 soldiers so far, including 940 over the past day.", 940, "casualties"),
    # the loss verb right before the number
    ("Border units eliminated 75 enemy commandos near the bridge, the command said.", 75, "casualties"),
    ("The rebels lose 120 fighters a week, the envoy said.", 120, "casualties"),
    # the force a loss is counted against is not a loss
    ("Casualties reached a quarter of the roughly 7,500 conscripts deployed, the agency said.", 7500, "personnel"),
    ("They suffered 900 casualties out of an estimated 5,200 soldiers sent to the front.", 5200, "personnel"),
    ("They suffered 900 casualties out of an estimated 5,200 soldiers sent to the front.", 900, "casualties"),
    # a hedge between the number and the loss
    ("He said at least 400 of the marines were believed to have been killed outright.", 400, "casualties"),
    ("About 300 soldiers are thought to have been captured near the bridge.", 300, "other"),
])
def test_losses_among_a_counted_force_and_the_force_itself(text, value, cat):
    f = figs(text)
    assert f.loc[f.value == value, "unit_category"].tolist() == [cat]


def test_data_showed_and_denials_name_their_claimant():
    r = one("The Pentagon's data showed 3,000 soldiers crossed the border.")
    assert r.claimant == "Pentagon" or r.actor_id == "us_pentagon"
    r = one("Moscow denied that 500 soldiers arrived.")
    assert r.status == "denied" and r.side == "Russia"


def test_surname_claimant_takes_the_full_name_given_earlier():
    text = ("Olena Marchuk, a spokeswoman for the border guard, spoke on Monday.\n\n"
            "Marchuk said about 4,000 soldiers had massed near the crossing.")
    row = extract_figures(text, article="t.txt", published="2025-02-03").iloc[0]
    assert row["claimant"] == "Olena Marchuk" and row["value"] == 4000


def test_role_word_before_a_name_is_not_part_of_the_claimant():
    text = "At least 250 soldiers were wounded, according to lawmaker Park Min-ji, who briefed reporters."
    row = extract_figures(text, article="t.txt", published="2025-02-03").iloc[0]
    assert row["claimant"] == "Park Min-ji"


def test_status_belongs_to_the_clause_of_the_figure():
    text = ("The agency said about 6,000 troops were already deployed, and that the North could send "
            "as many as 2,000 more by March.")
    rows = extract_figures(text, article="t.txt", published="2025-01-10").set_index("surface")
    assert rows.loc["about 6,000", "status"] != "projection"
    assert rows.loc["as many as 2,000", "status"] == "projection"


@pytest.mark.parametrize("text,surface,unit", [
    # model designators listed between the number and its noun
    ("The agency said Sylvania had supplied about 60 RK-7 and RK-9 cruise missiles.", "about 60", "missiles"),
    ("Officials say the navy has fired more than 40 Sylvanian ZT-4, ZT-5 and ZT-6 anti-ship missiles.",
     "more than 40", "missiles"),
    # new counted nouns
    ("The ministry said 14 Moldavian nationals had been killed.", "14", "nationals"),
    ("Sylvania sent around 2,500 reinforcements in March, the staff said.", "around 2,500", "reinforcements"),
])
def test_counted_nouns_after_designators_and_new_nouns(text, surface, unit):
    assert figs(text).set_index("surface").loc[surface, "unit"] == unit


@pytest.mark.parametrize("text,surface,unit", [
    # the noun asked or said before, taken by an answer that only gives the number
    ("Q: How many marines are on the island?\nA: Our estimate is about 7,200 in total.", "about 7,200", "marines"),
    ("The general put the number of marines on the island at 7,200. Of those, an estimated 900 have moved "
     "inland.", "an estimated 900", "marines"),
    ("How many marines have been lost? The navy says around 400 have died.", "around 400", "marines"),
    ("The staff says 2,000 marines have landed. It also said about 300 more were expected by Friday.",
     "about 300", "marines"),
    # a sending verb, a hedged apposition, "most of them", a loss put "at"
    ("How many more marines could Sylvania send? It has already sent around 6,000, and it could send anywhere "
     "from 20,000 to 30,000 more.", "around 6,000", "marines"),
    ("How many more marines could Sylvania send? It has already sent around 6,000, and it could send anywhere "
     "from 20,000 to 30,000 more.", "20,000 to 30,000", "marines"),
    ("How many marines are on the island? Both navies say about 7,000, most of them near the port.", "about 7,000",
     "marines"),
    ("The staff expects Sylvania to send reinforcements, possibly as many as 2,500, by May.", "as many as 2,500",
     "reinforcements"),
    ("Marines have died in large numbers. I would put the dead alone at somewhere between 900 and 1,200.",
     "between 900 and 1,200", "dead"),
])
def test_a_bare_number_takes_the_noun_said_before(text, surface, unit):
    f = figs(text).set_index("surface")
    assert f.loc[surface, "unit"] == unit


@pytest.mark.parametrize("text,surface,qualifier,cat", [
    ("The agency says Sylvania now supplies nearly half of the artillery shells the army fires.", "nearly half",
     "approximately", "shipments"),
    ("Officials say half of the 7,500 marines have been killed or wounded.", "half", "exact", "casualties"),
])
def test_half_of_a_counted_thing_is_fifty_percent(text, surface, qualifier, cat):
    r = figs(text).set_index("surface").loc[surface]
    assert (r.value, r.unit, r.qualifier, r.unit_category) == (50, "percent", qualifier, cat)


def test_half_of_a_year_counts_nothing_and_the_force_a_share_is_taken_of_stays_personnel():
    assert figs("In the second half of the year, half of the country lost power.").empty
    f = figs("Officials say half of the 7,500 marines have been killed or wounded.").set_index("surface")
    assert f.loc["7,500", "unit_category"] == "personnel"


@pytest.mark.parametrize("text,surface,value,qualifier,cat", [
    ("Analysts reckon that roughly a third of the 9,000 marines have been killed.", "roughly a third", 33,
     "approximately", "casualties"),
    ("The army sent 6,000 paratroopers; more than a quarter of them were wounded within a month.",
     "more than a quarter", 25, "over", "casualties"),
    ("One in four Sylvanian shells did not explode, the gunners said.", "One in four", 25, "exact", "other"),
    ("As many as one in ten conscripts may have been killed, a medic said.", "As many as one in ten", 10, "up_to",
     "casualties"),
    ("Two-thirds of the rockets delivered since May came from Sylvania.", "Two-thirds", 67, "exact", "shipments"),
    ("Losses are near 2,000 casualties, or about a fifth of the deployed force.", "about a fifth", 20,
     "approximately", "casualties"),
])
def test_a_share_written_in_words_is_a_percentage_of_what_follows(text, surface, value, qualifier, cat):
    f = figs(text).set_index("surface")
    r = f.loc[surface]
    assert (r.value, r.unit, r.qualifier, r.unit_category) == (value, "percent", qualifier, cat)
    # the number word inside the share ("four" of "one in four") is no figure of its own
    assert not any(s in surface and s != surface for s in f.index)


def test_a_share_of_no_counted_group_is_no_figure():
    for text in ("A quarter of a century ago the border was closed.", "We are a third of the way there.",
                 "One in four voters backed the plan.", "Two thirds of the budget went on roads."):
        assert figs(text).empty, text


def test_a_sending_verb_does_not_lend_a_noun_to_a_number_that_has_its_own():
    f = figs("About 3,000 marines have landed. The navy also sent 30 letters to the families.")
    assert list(f["surface"]) == ["About 3,000"]


def test_a_table_cell_is_looked_for_on_table_rows_not_on_a_line_of_prose_of_any_length():
    from briefing.figures import table_cell
    table = "Date | Claimed by | Killed\n2024-12-20 | Freedonian staff | 300\n"
    assert table_cell(table, table.index("300"))[1][1] == "Freedonian staff"
    # a line of thousands of characters is no table row: reading it whole for each of its numbers is quadratic
    wide = " | ".join(["Killed"] * 500) + "\n" + " | ".join(["300"] * 500)
    assert table_cell(wide, len(wide) - 1) is None


def test_infantry_counts_people_but_infantry_fighting_vehicles_are_equipment():
    f = figs("The brigade lost 400 infantry and 35 infantry fighting vehicles in a week.").set_index("surface")
    assert (f.loc["400", "unit_category"], f.loc["35", "unit"]) == ("casualties", "infantry fighting vehicles")


@pytest.mark.parametrize("text,surface,value", [
    ("Kyiv says some 11.000 Sylvanian troops were sent.", "some 11.000", 11000),
    ("Between 3.000 and 4.000 marines were killed, the ministry said.", "Between 3.000 and 4.000", 3000),
    ("The army has lost more than 840.000 soldiers, the General Staff said.", "more than 840.000", 840000),
    ("Sylvania shipped 1.200.000 shells, officials said.", "1.200.000", 1200000),
    ("Freedonia has about 1.5 million troops.", "about 1.5 million", 1500000),
])
def test_thousands_grouped_with_dots_as_translated_copy_writes_them(text, surface, value):
    r = figs(text).set_index("surface").loc[surface]
    assert (r.value if r.value == r.value else r.low) == value


@pytest.mark.parametrize("text,surface,value", [
    ("Sylvania may have sent half a million shells since spring.", "half a million", 500000),
    ("The plants could turn out a quarter of a million rounds a month, analysts said.", "a quarter of a million", 250000),
    ("Some three-quarters of a million shells crossed the border, the agency said.",
     "Some three-quarters of a million", 750000),
])
def test_a_share_of_a_million_is_a_number_not_a_share_and_a_million(text, surface, value):
    f = figs(text)
    assert list(f["surface"]) == [surface] and f.iloc[0].value == value


def test_a_share_of_a_group_named_further_on_is_a_share_not_the_number_inside_it():
    f = figs("The staff said roughly one in five of the Sylvanian marines had been wounded.")
    assert list(f["surface"]) == ["roughly one in five"] and f.iloc[0].value == 20


def test_a_fact_box_figure_on_its_own_line_counts_the_noun_the_next_line_names():
    text = ("By the numbers\n\n12,000\nSylvanian marines now in Freedonia, according to the Defence Staff.\n\n"
            "Nearly 900\nShipping containers of shells unloaded at the port since May.\n\n"
            "4\nSylvanian generals seen at the front, a ministry spokesman said.\n")
    f = figs(text).set_index("surface")
    assert list(f.index) == ["12,000", "Nearly 900", "4"]
    assert list(f["unit_category"]) == ["personnel", "shipments", "personnel"]
    assert f.loc["Nearly 900", "qualifier"] == "approximately"
    # the description is the figure's sentence: its claimant is read there
    assert "Defence Staff" in f.loc["12,000", "sentence"]


def test_a_number_alone_on_a_line_is_no_fact_box_when_it_is_a_year_or_the_next_line_names_nothing():
    assert figs("2024\nSylvanian marines marched through the capital.\n").empty
    assert figs("Page 3\nSylvanian marines marched through the capital.\n").empty
    assert figs("12\nThe minister, who visited the marines, spoke at length.\n").empty


def test_a_key_data_line_names_what_the_number_ending_it_counts():
    text = ("KEY DATA\nKoksan 170 mm SPGs identified in Freedonia: 120+\n"
            "Missiles launched at the capital since December: 60+\nArtillery rounds delivered since 2023: 4-6 million\n")
    f = figs(text)
    assert list(f["surface"]) == ["120+", "60+", "4-6 million"]
    assert list(f["qualifier"]) == ["over", "over", "range"]
    assert f.iloc[2].low == 4e6 and f.iloc[2].high == 6e6


def test_a_number_after_a_loss_count_borrows_its_noun_and_what_it_counted():
    f = figs("The ministry claimed that Freedonia had lost more than 67,000 servicemen since August, and about 380 "
             "over the past day.").set_index("surface")
    assert (f.loc["about 380", "unit"], f.loc["about 380", "unit_category"]) == ("servicemen", "casualties")


def test_a_list_line_opening_with_its_number_and_a_colon_counts_the_noun_after_it():
    text = ("Key facts:\n- About 14,000: Sylvanian marines sent to Freedonia since October\n"
            "- 4,700: marines killed or wounded, by the latest estimate\n"
            "- More than 76,000: Freedonian losses since August\n- In 2024: marines moved.\n- On page 12: marines at rest.\n")
    f = figs(text)
    assert list(f["surface"]) == ["About 14,000", "4,700", "More than 76,000"]
    assert list(f["unit_category"]) == ["personnel", "casualties", "casualties"]


def test_casualties_that_ran_in_the_hundreds():
    f = figs("The spokesman said Sylvanian casualties ran \u201cin the hundreds\u201d and included officers.")
    assert list(f["surface"]) == ["hundreds"] and f.iloc[0].unit_category == "casualties"
    assert figs("The marines ran in the park for hours.").empty


@pytest.mark.parametrize("text,surface,qualifier", [
    ("The latest assessment put Sylvanian casualties at \u201cwell over 3,000,\u201d an official said.", "well over 3,000", "over"),
    ("The agencies assessed that Sylvanian casualties were already \u201cin the hundreds\u201d, he said.", "hundreds", "vague"),
    ("The official said the estimate of Sylvanian casualties was \u201csomewhere north of 4,000.\u201d", "north of 4,000", "over"),
    ("\u201cThe contingent has lost almost a third of its strength,\u201d the general said.", "almost a third", "approximately"),
])
def test_casualty_counts_said_in_quoted_words_after_the_noun(text, surface, qualifier):
    f = figs(text).set_index("surface")
    assert f.loc[surface, "qualifier"] == qualifier and f.loc[surface, "unit_category"] == "casualties"


def test_a_scale_abbreviated_after_a_space_mn_or_bn_is_no_unit_of_length():
    f = figs("Sylvania may have shipped up to 12 mn shells, the institute said; the range is 50 m.")
    assert list(f["surface"]) == ["up to 12 mn"] and f.iloc[0].value == 12e6


def test_a_part_of_the_group_counted_before_counts_the_same_party():
    f = figs("The agency put Sylvanian casualties at around 3,000 North Korean soldiers. It added that about 1,000 of "
             "the wounded had been taken to hospitals in and around Moscow, and that 8,000 of the soldiers were in "
             "Russia's Kursk region, which borders Ukraine.").set_index("surface")
    assert (f.loc["about 1,000", "about"], f.loc["8,000", "about"]) == ("north_korea", "north_korea")


def test_maybe_before_a_number_is_a_hedge_not_the_month_of_may():
    r = one("A commander said maybe 2,500 Sylvanian marines had been killed near the river.")
    assert (r["surface"], r["qualifier"], r["value"]) == ("maybe 2,500", "approximately", 2500)
    # the month still dates what follows it: "on May 4 1,500 troops" is a date and a figure, not a figure of 4
    assert list(figs("On May 4 1,500 Sylvanian troops crossed the river.")["surface"]) == ["1,500"]


@pytest.mark.parametrize("text,surface", [
    ("Sylvanian casualties now stand at about 4,000, the directorate said.", "about 4,000"),
    ("Casualties estimated at about 4,000, up from 3,000 in January", "about 4,000"),
    ("Sylvanian marines in the south are estimated at 11,000, the directorate said.", "11,000"),
])
def test_the_counted_noun_before_stand_at_or_estimated_at(text, surface):
    r = figs(text).set_index("surface").loc[surface]
    assert r["unit_category"] in ("casualties", "personnel") and r["claimant"] != "Casualties"


def test_estimated_after_its_subject_is_the_verb_not_a_qualifier():
    r = one("The directorate estimated 300 Sylvanian marines had been killed.")
    assert (r["surface"], r["qualifier"]) == ("300", "exact")
    assert one("Of those, an estimated 8,000 Sylvanian marines are in the south.")["qualifier"] == "approximately"


@pytest.mark.parametrize("text,unit", [
    ("The air force said Sylvania had launched more than 60 XR-7/XR-9 guided rockets at the port.", "rockets"),
    ("Radar logged 14 Sylvanian ZT-4/5 missiles over the bay.", "missiles"),
])
def test_model_designators_paired_with_a_slash_stay_modifiers_of_the_noun(text, unit):
    assert one(text)["unit"] == unit


@pytest.mark.parametrize("text,part,whole,cat", [
    ("Nearly 2,000 of the roughly 9,000 Sylvanian marines sent to the front have been killed or wounded, the "
     "directorate said.", "Nearly 2,000", "roughly 9,000", "casualties"),
    ("The colonel said 300 out of the estimated 5,000 Sylvanian engineers were killed in the first week.", "300",
     "estimated 5,000", "casualties"),
    ("Officials said 700 of the 3,000 Sylvanian marines have moved to the coast.", "700", "3,000", "personnel"),
])
def test_a_part_of_a_counted_whole_takes_the_whole_s_noun_and_what_befell_it(text, part, whole, cat):
    f = figs(text).set_index("surface")
    assert f.loc[part, "unit"] == f.loc[whole.split()[-1] if whole.split()[-1] in f.index else whole, "unit"]
    assert f.loc[part, "unit_category"] == cat
    assert f.loc[f.index[-1], "unit_category"] == "personnel"     # the whole is the force, not its losses


@pytest.mark.parametrize("text,surface,qualifier", [
    ("My own reading is that total Sylvanian casualties are closer to 4,000.", "closer to 4,000", "approximately"),
    ("The directorate said 9,000 marines had crossed. By March 3 the directorate put the number above 10,000.",
     "above 10,000", "over"),
    ("The directorate said Sylvanian marines had crossed the river and that about 11,000 were in Dorvia.",
     "about 11,000", "approximately"),
    ("The directorate said marines had crossed, and that a second contingent of several thousand could follow.",
     "several thousand", "vague"),
    ("Sylvania has lost some 600,000 soldiers, the directorate said. In October it was averaging more than 1,200 "
     "a day.", "more than 1,200", "over"),
    ("Officials counted the marines who crossed. What they confirmed is the 8,000 number in Dorvia.", "8,000",
     "exact"),    # a total or a group counted by a verb, a total brought to a number, a count that "has already reached"
    ("The directorate says a second group of marines has since sailed, and that the total dispatched could reach "
     "about 9,000 by May.", "about 9,000", "approximately"),
    ("Another 2,000 marines landed in March as replacements. That brings the total to about 11,000.",
     "about 11,000", "approximately"),
    ("The admiral expects another rotation of marines; the next group could number between 2,000 and 4,000.",
     "between 2,000 and 4,000", "range"),
    ("Sylvanian marines moved closer to the coast, with Freedonia estimating that as many as 6,000 have already "
     "reached the port.", "as many as 6,000", "up_to"),
    ("Sylvania has plenty of manpower. \"If the money keeps coming, the number could reach 40,000 by spring.\"",
     "40,000", "exact"),
])
def test_a_count_whose_noun_was_written_before_it(text, surface, qualifier):
    r = figs(text).set_index("surface").loc[surface]
    assert r["qualifier"] == qualifier and r["unit_category"] in ("personnel", "casualties")


def test_a_total_of_something_never_counted_lends_no_noun():
    # the counted noun said before is not what these totals count
    for text in ("Marines were seen at the port. The exchange rate rose to about 1,300 by December.",
                 "Marines were seen at the port. That brings the total cost to about 1,300.",
                 "Marines were seen at the port. The number of days of rain could reach 40 by May."):
        assert figs(text).empty, text


def test_a_wave_dash_between_two_numbers_is_a_range():
    r = one("The agency put the force at 12,000~13,000 Sylvanian marines.")
    assert (r["surface"], r["qualifier"], r["low"], r["high"]) == ("12,000~13,000", "range", 12000, 13000)


@pytest.mark.parametrize("text,surface,cat", [
    # the total of what was counted, not the last counted noun written ("vessels", "ships")
    ("The agency said some 1,500 marines had been shipped to the port on navy vessels. Within a week it had "
     "raised the figure to 3,000.", "3,000", "personnel"),
    ("Sylvania moved about 1,500 marines to the coast aboard transport ships, and the total dispatched could "
     "reach about 9,000 by May.", "about 9,000", "personnel"),
    # a total that counted losses stays a count of losses
    ("An earlier version said 47,000 Sylvanian marines had been killed or wounded. The correct figure is 4,700.",
     "4,700", "casualties"),
])
def test_a_total_named_without_its_noun_totals_what_was_last_counted(text, surface, cat):
    r = figs(text).set_index("surface").loc[surface]
    assert r["unit_category"] == cat


def test_a_decimal_comma_before_a_scale_word_is_a_decimal():
    assert parse_number("3,5 million") == 3.5e6 and parse_number("12,5 billion") == 12.5e9
    assert parse_number("3,500 million") == 3.5e9     # a thousands separator stays one
    r = one("Sylvania has sent more than 3,5 million artillery shells since the autumn.")
    assert (r.surface, r.value, r.unit_category) == ("more than 3,5 million", 3.5e6, "shipments")


def test_a_count_in_the_range_of_and_a_contingent_that_grows_to():
    r = one("Sylvanian casualties were in the range of 3,500\u20134,500 by mid-February.")
    assert (r.low, r.high, r.unit_category) == (3500, 4500, "casualties")
    r = one("He expects the Sylvanian contingent to grow to as many as 20,000 by next summer.")
    assert (r.value, r.qualifier, r.unit_category) == (20000, "up_to", "personnel")
    # a time span "in the" stays no count
    assert figs("The troops in the previous 24 hours were 1,200 metres away.").empty


def test_a_bare_number_after_a_figure_in_the_sentence_before_counts_what_it_counted():
    f = figs("Apply those rates and you get a total of 6,000 to 7,000 killed and wounded. I suspect the dead "
             "alone are closer to 1,500 than to 600.")
    assert list(f.surface) == ["6,000 to 7,000", "closer to 1,500", "600"]
    assert set(f.unit_category) == {"casualties"}
    # the party is the one the later sentence names as losing them, not the earlier figure's
    f = figs("The General Staff counts more than 38,000 Russian troops killed and wounded since August. "
             "Russia, for its part, claims Ukraine has lost over 52,000 there.")
    assert list(zip(f.surface, f.unit_category, f.about)) == [("more than 38,000", "casualties", "russia"),
                                                              ("over 52,000", "casualties", "ukraine")]
    # not a year, not a number of another order, not one with a noun of its own, not across a paragraph
    for later in ("The offensive began in 2024.", "They advanced to 12 villages.", "He said 3,000 kilometres of front.",
                  "It reached 40 by then.", "\n\nThen it rose to 3,000."):
        f = figs("About 11,000 troops arrived in October. " + later)
        assert list(f.surface) == ["About 11,000"], later
    assert list(figs("About 11,000 troops arrived in October. Then it rose to 3,000.").surface) == ["About 11,000", "3,000"]


@pytest.mark.parametrize("text,surface,qual,cat", [
    # a group whose members were counted before: "the force numbers", "is assessed at"
    ("About 11,000 troops went. Intelligence says the force numbers about 12,000.", "about 12,000", "approximately", "personnel"),
    ("Sylvania could send 1,500 more troops soon.\n\nWe are watching. The current force in Freedonia is assessed at "
     "around 11,000.", "around 11,000", "approximately", "personnel"),
    # the counted noun before an infinitive or a modal: "casualties to exceed", "losses could reach"
    ("I expect total Sylvanian casualties to exceed 6,000 by the end of March.", "exceed 6,000", "over", "casualties"),
    ("Losses could reach 10,000 soon.", "10,000", "exact", "casualties"),
    ("Losses will pass 6,000 soon.", "pass 6,000", "over", "casualties"),
    # "send another", "with about 1,500 shipped": the people just named
    ("About 11,000 troops went. I would expect them to send another 5,000 to 10,000 by the spring.", "5,000 to 10,000",
     "range", "personnel"),
    ("Sylvania had begun sending special forces, with about 1,500 shipped in a first wave.", "about 1,500", "approximately",
     "personnel"),
])
def test_counts_whose_noun_comes_before_them(text, surface, qual, cat):
    f = figs(text)
    r = f[f.surface == surface]
    assert len(r) == 1, list(f.surface)
    assert (r.iloc[0].qualifier, r.iloc[0].unit_category) == (qual, cat)


def test_a_verb_or_a_distance_is_no_count_of_people():
    assert figs("The mountain pass 6,000 feet high was closed.").empty
    assert figs("The troops had to reach 40 kilometres inland.").empty


def test_nationals_of_other_countries_are_counted_people_about_others():
    r = one("The ministry says it is aware of at least 22 Kenyans who have signed contracts with the Russian army.")
    assert (r.surface, r.unit_category, r.about) == ("at least 22", "personnel", "other")
    r = one("He dismissed reports that as many as 500 Kazakh citizens were fighting for Russia.")
    assert (r.value, r.unit_category, r.about) == (500, "personnel", "other")
    # people who live or work abroad, and a country's population, are no figure of the war
    assert figs("The ministry says around 1,800 Filipinos are working in Russia, most as domestic staff.").empty
    assert figs("When a country with 145 million people has to borrow soldiers, something is wrong.").empty
    assert len(figs("Some 300 people died in the strike.")) == 1


def test_the_noun_after_a_second_count_is_the_first_counts_too():
    f = figs("Abu Dhabi says 150 Ukrainian and 150 Russian captives were freed.")
    assert list(zip(f.value, f.unit, f.about)) == [(150, "captives", "ukraine"), (150, "captives", "russia")]
    assert figs("In 2024 Russia and 2025 Ukraine held talks.").empty


def test_more_who_arrived_and_a_total_that_will_pass_count_the_people_counted_before():
    f = figs("About 11,000 troops came first. Then around 3,000 more arrived in January. My guess is that the "
             "total will pass 15,000 by the summer.")
    assert list(zip(f.surface, f.unit_category)) == [("About 11,000", "personnel"), ("around 3,000", "personnel"),
                                                      ("pass 15,000", "personnel")]


@pytest.mark.parametrize("second, surface", [
    ("About 9,000 arrived in a first wave, most of them from an elite corps.", "About 9,000"),
    ("Add the 3,000 to the 9,000 who went in the autumn.", "9,000"),
    ("The spokeswoman said that \"at least 9,000\" were in the border region.", "at least 9,000"),
])
def test_a_bare_count_of_the_people_the_article_counts_by_what_they_did(second, surface):
    # the noun is the one the article last wrote ("soldiers"); what follows the number says they are people
    f = figs("Freedonia has sent soldiers to Sylvania since October. " + second)
    row = f[f["surface"] == surface]
    assert len(row) == 1 and row.iloc[0]["unit_category"] == "personnel"


def test_a_bare_number_before_arrived_at_a_time_is_no_count_of_people_without_a_preposition():
    # "the 2024 arrived" is nothing; arrival needs where or when after it
    f = figs("Freedonia has sent soldiers to Sylvania since October. The letter dated 2024 arrived.")
    assert f.empty


def test_a_count_put_at_in_a_relative_clause_counts_the_noun_before_it_and_its_party():
    f = figs("Freedonia sent 9,000 shells last month. The number of soldiers was small next to the Russian force in "
             "Ukraine, which Western officials estimate at more than 600,000.")
    row = f[f["surface"] == "more than 600,000"]
    assert len(row) == 1 and row.iloc[0]["unit_category"] == "personnel" and row.iloc[0]["about"] == "russia"


def test_a_contingent_increased_to_a_number_counts_people():
    f = figs("\"Moscow wants to increase the Freedonian contingent to 15,000 by the new year,\" she said.")
    row = f[f["surface"] == "15,000"]
    assert len(row) == 1 and row.iloc[0]["unit_category"] == "personnel"


def test_a_share_quoted_on_its_own_is_a_figure_of_what_follows_the_closing_mark():
    text = 'Budanov said Pyongyang supplies "about half" of the artillery shells Russia fires.'
    f = figs(text)
    assert [(r["surface"], r["qualifier"], r["value"]) for r in f.to_dict("records")] == [("about half", "approximately", 50.0)]


@pytest.mark.parametrize("text", ["The EU puts the deployment at more than 11,000 soldiers.",
                                  "The deployment, which the EU estimates at more than 11,000 soldiers, is growing."])
def test_the_eu_is_a_registered_claimant(text):
    assert list(figs(text)["claimant"]) == ["European Union"]
