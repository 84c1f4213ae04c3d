from feedback_app.nlp.data import detect_format, read_file, split_of

V6_HEADER = "Comment ID,FFT answer,Comment sentiment,Parking,Discharge,Staff manner & personal attributes\n"
PHASE1_HEADER = "code,label,subcategory,feedback,criticality\n"


def test_split_is_deterministic_and_ignores_case_and_spacing():
    assert split_of("Nothing.") == split_of("  nothing. ")
    splits = [split_of(f"comment number {i}") for i in range(2000)]
    assert 0.10 < splits.count("val") / 2000 < 0.20
    assert 0.05 < splits.count("dev") / 2000 < 0.15


def test_reads_both_shared_formats(tmp_path):
    v6 = tmp_path / "v6.csv"
    v6.write_text(V6_HEADER + '1,"No parking, awful",5,1,0,0\n2,Did not answer,,0,0,0\n', encoding="utf-8")
    p1 = tmp_path / "p1.csv"
    p1.write_text(PHASE1_HEADER + "x,Staff,s,Lovely nurses,3\ny,Staff,s,Unrated but fine,0\n", encoding="utf-8")
    assert detect_format(v6) == "v6" and detect_format(p1) == "phase1"
    [row] = read_file(v6)
    assert row.themes == {"travel_parking"} and row.sentiment == "negative"
    first, second = read_file(p1)
    assert first.main_theme == "staff_attitude" and first.sentiment == "positive"
    assert second.sentiment is None  # criticality 0 is unrated in the phase-1 file
