"""Hard-wrapped text (a PDF saved as text, a plain-text e-mail): paragraphs joined before reading."""
from briefing.reader import from_text
from briefing.wrapping import is_wrapped, unwrap

PAGE = """Riverton Policy Brief                                           RB 25-07

Sylvania's Second Deployment: Scale and Losses

Ana Ruiz

   According to the Freedonian Intelligence Directorate, Sylvania sent an
additional 1,000 to 3,000 marines to Dorvia in January and February to
replace its losses. In a closed briefing to the committee, the director
warned that the marines were "rapidly absorbing the lessons of modern
warfare," according to law-
makers who attended. "They are learning to use drones, and they are
learning to counter them," the director was quoted as saying.

                              - 1 -

Riverton Policy Brief                                           RB 25-07

   The directorate put total casualties at some 4,400 killed and wounded,
including about 1,100 dead, and said Sylvania had supplied over 150 KN-
23 missiles. Measured against the original force, this implies a loss
rate of roughly 40 percent in three months of combat, a level that would
render most units combat-ineffective.
"""


def test_a_wrapped_page_is_read_one_paragraph_per_line_without_its_running_header():
    text = unwrap(PAGE)
    assert "law-\n" not in text and "according to lawmakers who attended" in text
    assert "over 150 KN-23 missiles" in text
    para = next(ln for ln in text.split("\n") if ln.strip().startswith("According to"))
    assert para.rstrip().endswith("the director was quoted as saying.")
    assert "- 1 -" not in text and "RB 25-07" not in text
    a = from_text("brief.txt", PAGE)
    assert a.title == "Sylvania's Second Deployment: Scale and Losses"
    # the quotation that crossed a line break is one quotation now
    assert '"They are learning to use drones, and they are learning to counter them,"' in a.text


def test_a_page_of_long_paragraph_lines_or_short_list_lines_is_left_as_it_is():
    scraped = "\n\n".join(["Sylvania sent marines to Dorvia, officials said on Monday, and more may follow. " * 3] * 6)
    assert not is_wrapped(scraped) and unwrap(scraped) == scraped
    listing = "\n".join(f"- item {i}: marines at the port" for i in range(12))
    assert unwrap(listing) == listing


def test_a_page_of_one_sentence_lines_of_equal_length_is_not_wrapped():
    lines = "\n".join(f"Paragraph {i}: the agency said unit {i} had moved closer to the front line near Dorvia."
                      for i in range(1, 12))
    assert not is_wrapped(lines) and unwrap(lines) == lines
