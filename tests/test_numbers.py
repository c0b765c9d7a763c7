import math

from briefing.numbers import find_numbers


def nums(text):
    return [(n.surface, n.kind) for n in find_numbers(text)]


def test_candidates_in_running_text():
    got = nums("Some 1,500 men, three thousand more, a dozen tanks and thousands of shells; 10,000-12,000 in all.")
    assert got == [("1,500", "single"), ("three thousand", "single"), ("a dozen", "single"),
                   ("thousands", "vague"), ("10,000-12,000", "range")]


def test_hyphenated_number_words_are_not_ranges():
    assert nums("twenty-five") == [("twenty-five", "single")]
    assert nums("5-1") == [("5", "single")] or nums("5-1")[0][1] != "range"


def test_tens_of_thousands_and_percent():
    (n,) = find_numbers("tens of thousands")
    assert n.kind == "vague" and math.isnan(n.value) and n.low == 10000
    (p,) = find_numbers("12.5 percent")
    assert p.percent and p.value == 12.5


def test_indian_english_lakh_and_crore_multiply():
    got = {n.surface: n.value for n in find_numbers("up to one lakh soldiers, 1.5 lakh shells and 2 crore rounds")}
    assert got == {"one lakh": 100_000, "1.5 lakh": 150_000, "2 crore": 20_000_000}
    (vague,) = find_numbers("several lakh artillery shells")
    assert vague.kind == "vague" and vague.surface == "several lakh"
