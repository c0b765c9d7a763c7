"""Issue 11, reading: one bad byte, character or line costs at most itself, never the article or the run,
and every repair is named in a warning (file and line)."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from briefing import manifest
from briefing.actors import default_registry
from briefing.decoding import decode, normalise
from briefing.errors import UserError
from briefing.figures import figure_rows
from briefing.pipeline import articles_frame
from briefing.reader import read_corpus, read_file

REPORT = ("The ministry said on Monday that “about 1,500 soldiers had crossed the border,” "
          "according to a statement.\n\nIt added that more would follow.")


def _corpus(folder, **files):
    for name, data in files.items():
        path = folder / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return read_corpus([folder], progress=False)


# --- item 3: unpaired surrogates --------------------------------------------------------------

def test_lone_surrogate_in_jsonl_is_replaced_and_named(tmp_path):
    rows = [json.dumps({"text": "Officials said\ud800 300 troops had left on Monday.", "title": "T\udfff"}),
            json.dumps({"text": "A second report said 400 soldiers arrived."})]
    c = _corpus(tmp_path, **{"feed.jsonl": "\n".join(rows)})
    first = c.articles[0]
    assert "\ufffd" in first.text and first.title == "T\ufffd"
    # everything written later must encode: the hash, the tables
    first.sha256.encode()
    articles_frame(c.articles, with_text=True).to_csv(tmp_path / "a.csv")
    assert any("feed.jsonl: line 1: 1 unpaired surrogate in 'text'" in w for w in c.warnings)
    assert any("line 1: 1 unpaired surrogate in 'title'" in w for w in c.warnings)
    assert len(c.articles) == 2


def test_surrogate_pair_written_as_two_json_escapes_is_one_character(tmp_path):
    c = _corpus(tmp_path, **{"feed.jsonl": json.dumps({"text": "Seoul said \ud83d\ude00 it was ready."},
                                                       ensure_ascii=True)})
    assert "\U0001f600" in c.articles[0].text and not c.warnings


def test_extract_survives_a_surrogate_end_to_end(tmp_path):
    from briefing.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_text(json.dumps({"text": "Kyiv said 2,000 troops\udc80 moved."}))
    assert main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    arts = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert len(arts) == 1


# --- item 4: a UTF-8 file with a few bad bytes stays UTF-8 ------------------------------------

def test_utf8_with_one_invalid_byte_stays_utf8_and_counts_it():
    text = ("Seoul’s spy agency said on Oct. 18 that “North Korea has sent 1,500 special forces” to Russia.\n"
            "A second line \xff with a stray byte.\n")
    raw = text.encode("utf-8").replace(b"\xc3\xbf", b"\xff")  # one byte that is not UTF-8
    d = decode(raw)
    assert d.encoding == "utf-8" and d.replaced == 1 and d.first_bad_line == 2
    assert "Seoul’s spy agency" in d.text and "“North Korea has sent 1,500 special forces”" in d.text
    assert "line \ufffd with" in d.text
    assert "1 byte not valid utf-8" in d.warning() and "line 2" in d.warning()


def test_cut_multibyte_characters_are_counted_per_byte():
    raw = "Kyiv said “yes” and Seoul said “no”.".encode("utf-8")
    cut = raw.replace("“no".encode("utf-8"), "“no".encode("utf-8")[:2] + b"no")  # 2 of 3 bytes of the mark
    d = decode(cut)
    assert d.encoding == "utf-8" and d.replaced == 2 and "“yes”" in d.text


def test_file_with_bad_bytes_reads_with_a_warning_naming_file_count_and_line(tmp_path):
    body = REPORT.replace("It added", "It \x80 added")
    c = _corpus(tmp_path, **{"a.txt": body.encode("utf-8").replace(b"\xc2\x80", b"\x80")})
    [a] = c.articles
    assert a.encoding == "utf-8" and "“about 1,500 soldiers had crossed the border,”" in a.text
    assert any(w.endswith("a.txt: 1 byte not valid utf-8 replaced with U+FFFD (first on line 3)") for w in c.warnings)


@pytest.mark.parametrize("encoding, text", [
    ("cp1252", "The envoy said “we will respond” and the minister’s office agreed — twice. " * 8),
    ("euc-kr", "북한군 파병에 대한 정부의 공식 입장입니다. 국가정보원은 특수부대 파병을 확인했다고 밝혔다. " * 8),
    ("cp1251", "Україна заявила, що Північна Корея відправила війська до Курської області. " * 8),
    ("latin-1", "Le ministre a déclaré à Genève que la délégation était prête. " * 8),
])
def test_files_that_are_not_utf8_at_all_are_still_detected(encoding, text):
    d = decode(text.encode(encoding))
    assert d.replaced == 0 and text.split()[3] in d.text


# --- item 10: zero-width characters -------------------------------------------------------------

@pytest.mark.parametrize("joint", ["\u200b", " \u200b", "\u200b ", "\u2060 ", "\ufeff ", " \u00ad"])
def test_zero_width_characters_between_number_and_noun_keep_the_figure(tmp_path, joint):
    text = f"Kyiv said on Monday that 3,000{joint}troops had arrived, officials said.\n\nMore later."
    [a] = _corpus(tmp_path, **{"z.txt": text}).articles
    assert "\u200b" not in a.text and "\u2060" not in a.text and "\u00ad" not in a.text
    rows = figure_rows(a.text, article="z.txt", published="2024-10-01", published_source="text",
                       registry=default_registry())
    assert [(r["surface"], r["unit"]) for r in rows] == [("3,000", "troops")]
    assert all(a.text[r["start"]:r["end"]] == r["surface"] for r in rows)


def test_soft_hyphen_and_word_joiner_vanish_inside_words():
    assert normalise("sol\u00addiers and Pyong\u2060yang").text == "soldiers and Pyongyang"


def test_zwj_and_zwnj_are_kept_for_the_scripts_that_need_them():
    assert normalise("می\u200cخواهم 👩\u200d💻").text == "می\u200cخواهم 👩\u200d💻"


# --- item 10: .jsonl records ----------------------------------------------------------------

@pytest.mark.parametrize("value, kind", [(12345, "a number"), (["Kim said yes."], "a list"),
                                         ({"body": "x"}, "an object"), (True, "true/false")])
def test_jsonl_text_that_is_not_a_string_skips_the_line(tmp_path, value, kind):
    rows = [json.dumps({"text": value}), json.dumps({"text": REPORT})]
    c = _corpus(tmp_path, **{"feed.jsonl": "\n".join(rows)})
    assert [a.article for a in c.articles] == ["feed.jsonl#2"]
    assert any(f"feed.jsonl: line 1: 'text' is {kind}, not a string; skipped" in w for w in c.warnings)


def test_jsonl_metadata_that_is_not_a_string_is_ignored_with_a_warning(tmp_path):
    c = _corpus(tmp_path, **{"feed.jsonl": json.dumps({"text": REPORT, "title": ["a", "b"], "outlet": "Planet"})})
    [a] = c.articles
    assert a.outlet == "Planet" and "['a'" not in a.title
    assert any("line 1: 'title' is a list, not a string; ignored" in w for w in c.warnings)


def test_jsonl_nested_too_deeply_is_a_bad_line_not_a_crash(tmp_path):
    c = _corpus(tmp_path, **{"feed.jsonl": "[" * 100000 + "\n" + json.dumps({"text": REPORT})})
    assert [a.article for a in c.articles] == ["feed.jsonl#2"]
    assert any("line 1: not JSON" in w for w in c.warnings)


def test_jsonl_duplicate_warning_names_the_line_dropped(tmp_path):
    rows = [json.dumps({"text": REPORT}), json.dumps({"text": "Another story: 40 tanks moved."}),
            json.dumps({"text": REPORT.replace("“", '"').replace("”", '"')})]
    c = _corpus(tmp_path, **{"feed.jsonl": "\n".join(rows)})
    assert c.duplicates == [("feed.jsonl#3", "feed.jsonl#1")]
    assert any(w.endswith("feed.jsonl: line 3: duplicate of feed.jsonl#1 (same text), dropped; kept once")
               for w in c.warnings)


def test_jsonl_control_characters_and_crlf_in_text_are_normalised(tmp_path):
    [a] = _corpus(tmp_path, **{"feed.jsonl": json.dumps({"text": "Line one\x01 said 5 tanks.\r\nLine two."})}).articles
    assert "\x01" not in a.text and "\r" not in a.text and a.text == "Line one said 5 tanks.\n\nLine two."


# --- item 5: the manifest ------------------------------------------------------------------

def _manifest(tmp_path, body):
    p = tmp_path / "sources.csv"
    p.write_text(body, encoding="utf-8")
    return p


def test_manifest_unclosed_quote_is_an_error_naming_the_row(tmp_path):
    p = _manifest(tmp_path, 'file,published,notes\na.txt,2024-10-01,"checked by phone\n'
                            'b.txt,2024-10-02,\nc.txt,2024-10-03,\n')
    with pytest.raises(UserError) as exc:
        manifest.load(p)
    assert f"{p}: row 2: a quoted value is not closed" in str(exc.value)


def test_manifest_text_after_a_closing_quote_is_an_error(tmp_path):
    p = _manifest(tmp_path, 'file,published,notes\na.txt,2024-10-01,"by phone" later\n')
    with pytest.raises(UserError, match="row 2: a quoted value"):
        manifest.load(p)


def test_manifest_row_with_too_few_fields_is_an_error(tmp_path):
    # "b.txt,2024-10-02" under file,url,published would put the date in the url column
    p = _manifest(tmp_path, "file,url,published\na.txt,,2024-10-01\nb.txt,2024-10-02\n")
    with pytest.raises(UserError) as exc:
        manifest.load(p)
    assert "row 3 has 2 fields but the header has 3 (file, url, published)" in str(exc.value)


def test_manifest_quoted_commas_and_doubled_quotes_are_fine(tmp_path):
    p = _manifest(tmp_path, 'file,published,notes\n# a comment\na.txt,2024-10-01,"Seoul, ""late"" edition"\n')
    m = manifest.load(p)
    assert m["a.txt"] == {"file": "a.txt", "published": "2024-10-01", "notes": 'Seoul, "late" edition'}
    assert m.rows["a.txt"] == 3


def test_manifest_rows_matching_no_article_are_warned_with_the_reason(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "Report.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "copy.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "feed.jsonl").write_text(json.dumps({"text": "Another story: 40 tanks moved on Friday."}))
    (corpus / "blank.txt").write_text("")
    p = _manifest(tmp_path, "file,published\nreport.txt,2024-10-01\ncopy.txt,2024-10-02\n"
                            "blank.txt,2024-10-03\nfeed.jsonl,2024-10-04\nmissing.txt,2024-10-05\n")
    c = read_corpus([corpus], manifest.load(p), progress=False)
    w = "\n".join(c.warnings)
    assert f"{p}: row 2: report.txt matches no file; did you mean Report.txt? (file names are case-sensitive)" in w
    assert "row 3: copy.txt is a duplicate of Report.txt, which was kept" in w
    assert "row 4: blank.txt was skipped" in w
    assert "row 5: feed.jsonl is a JSONL file; name its articles by line, e.g. feed.jsonl#1" in w
    assert "row 6: missing.txt matches no file in the corpus" in w
    assert {a.article: a.published_source for a in c.articles}["Report.txt"] != "manifest"


def test_the_packaged_manifest_on_another_corpus_is_quiet_unless_a_name_differs_in_case(tmp_path):
    (tmp_path / "x.txt").write_text(REPORT, encoding="utf-8")
    m = manifest.load(_manifest(tmp_path / "..", "file,published\nseed.txt,2024-10-01\nX.TXT,2024-10-02\n"))
    m.implicit = True
    c = read_corpus([tmp_path], m, progress=False)
    manifest_lines = [w for w in c.warnings if "sources.csv" in w]
    assert len(manifest_lines) == 1 and "X.TXT matches no file; did you mean x.txt?" in manifest_lines[0]


def test_cli_extract_with_unclosed_quote_exits_2_and_keeps_outputs(tmp_path):
    import subprocess
    import sys

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "sources.csv").write_text('file,published,notes\na.txt,2024-10-01,"open\n')
    res = subprocess.run([sys.executable, "-m", "briefing", "extract", str(corpus), "--out", str(tmp_path / "o")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and "row 2: a quoted value is not closed" in res.stderr
    assert "Traceback" not in res.stderr and not (tmp_path / "o").exists()


def test_read_file_keeps_the_decoded_bytes_warning_on_html(tmp_path):
    para = "The defence ministry said on Tuesday that at least 3,000 soldiers had been sent. " * 4
    html = f"<html><body><article><h1>Troops</h1><p>{para}</p><p>“Yes,” he said. \xe9</p></article></body></html>"
    raw = html.encode("utf-8").replace(b"\xc3\xa9", b"\xe9")
    (tmp_path / "p.html").write_bytes(raw)
    [a] = read_file(tmp_path / "p.html")
    assert a.encoding == "utf-8" and "“Yes,”" in a.text
    assert a.warnings and "1 byte not valid utf-8" in a.warnings[0]
