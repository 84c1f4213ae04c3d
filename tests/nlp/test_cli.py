import json
import shutil
from importlib.util import find_spec

import pytest

from tests.nlp.test_data import PHASE1_HEADER, V6_HEADER


def test_tag_writes_one_line_per_good_input_and_reports_bad_lines(runner, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "Dr Patel was kind but the wait was long."}\n'
                   "{not json\n"
                   '{"id": 3, "text": "Sehr freundliches Personal.", "lang": "de"}\n'
                   '{"id": 4}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(args=["nlp", "tag", "--input", str(src), "--output", str(out), "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "in.jsonl:2: skipped" in result.output and "in.jsonl:4: skipped" in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [1, 3]
    assert set(rows[0]) == {"id", "language", "sentiment", "themes", "criticality", "pii", "safeguarding"}
    assert rows[0]["pii"] == [{"type": "PERSON", "start": 3, "end": 8}]
    assert rows[1]["language"] == "de"


def test_evaluate_prints_figures_for_a_labelled_file(runner, tmp_path):
    v6 = tmp_path / "v6.csv"
    v6.write_text(V6_HEADER + '1,"Parking was impossible, no spaces",5,1,0,0\n'
                  "2,The nurses were so kind and friendly,1,0,0,1\n", encoding="utf-8")
    result = runner.invoke(args=["nlp", "evaluate", "--data", str(v6)])
    assert result.exit_code == 0, result.output
    assert "theme macro-F1:" in result.output and "sentiment accuracy:" in result.output
    assert "travel_parking" in result.output


def test_evaluate_reads_the_phase1_format(runner, tmp_path):
    p1 = tmp_path / "p1.csv"
    p1.write_text(PHASE1_HEADER + "x,Staff,s,Lovely nurses,3\n"
                  "y,Staff,s,The nurse was rude and I waited six hours in pain,-3\n", encoding="utf-8")
    result = runner.invoke(args=["nlp", "evaluate", "--data", str(p1)])
    assert result.exit_code == 0, result.output
    assert "== phase1 ==" in result.output
    # Graded criticism is scored too: one criticism and one praise comment.
    assert "criticality on 2 graded phase-1 comments (all split)" in result.output
    assert "criticism (1):" in result.output and "praise (1): rated 0 1.000" in result.output


def test_evaluate_rules_prints_pii_and_safeguarding(runner, data_dir):
    result = runner.invoke(args=["nlp", "evaluate", "--rules", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "PII en:" in result.output and "safeguarding de:" in result.output


def test_evaluate_refuses_a_csv_in_neither_shared_format(runner, tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(args=["nlp", "evaluate", "--data", str(other)])
    assert result.exit_code == 1
    assert "neither the v6 nor the phase-1 format" in result.output


def test_train_safeguarding_refuses_a_folder_without_corpora(runner, tmp_path):
    weights = tmp_path / "out"
    result = runner.invoke(args=["nlp", "train-safeguarding", "--corpus", str(tmp_path), "--output", str(weights)])
    assert result.exit_code == 1
    assert "No written corpora" in result.output
    assert not weights.exists()  # nothing trained, nothing written
    missing = runner.invoke(args=["nlp", "train-safeguarding", "--corpus", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_evaluate_rules_says_when_a_folder_holds_no_sets(runner, tmp_path):
    result = runner.invoke(args=["nlp", "evaluate", "--rules", str(tmp_path)])
    assert result.exit_code == 1
    assert "None of pii.jsonl, safeguarding.jsonl, de_stories.jsonl, en_stories.jsonl in" in result.output


def test_rule_hits_prints_each_rule_alternatives_hits(runner, monkeypatch):
    from feedback_app.nlp import data, safeguarding_train
    from feedback_app.nlp.safeguarding_train import Case

    cases = [Case("en", "A carer hit her.", ("abuse",), "w"), Case("en", "The sexual health clinic was quick.", (), "w")]
    monkeypatch.setattr(safeguarding_train, "load_cases", lambda nhs=True: cases)
    monkeypatch.setattr(data, "load_examples", lambda *args: [])
    result = runner.invoke(args=["nlp", "rule-hits", "--limit", "0"])
    assert result.exit_code == 0, result.output
    rows = {line.rsplit(" | ", 1)[1]: line.split(" | ")[1].split() for line in result.output.splitlines()[2:]}
    hit = next(counts for branch, counts in rows.items() if branch.startswith("hit (?:me|him|her"))
    assert int(hit[2].split("/")[0]) >= 1  # found: "A carer hit her." (and the held-out writers' own)
    sexual = next((counts for branch, counts in rows.items() if branch.startswith("sexual(?!")), ["0/0"])
    assert sexual[0] == "0/0"  # the clinic is no ordinary text it fires on (a row is left out if it fires on none)


def test_train_names_the_line_of_a_story_that_does_not_read(runner, tmp_path):
    (tmp_path / "writer.jsonl").write_text('{"text": "Kind nurses.", "themes": [], "sentiment": "positive"}\n'
                                           '{"text": "cut off\n', encoding="utf-8")
    result = runner.invoke(args=["nlp", "train", "--stories", str(tmp_path), "--output", str(tmp_path / "model")])
    assert result.exit_code != 0
    assert "writer.jsonl, line 2: not a story" in result.output
    assert not (tmp_path / "model").exists()  # nothing trained, nothing written


def test_train_learns_from_the_written_stories_unless_told_not_to(runner, tmp_path, monkeypatch):
    from feedback_app.nlp import train as trainer
    from feedback_app.nlp.data import STORIES_FOLDER, load_stories

    told: list = []
    monkeypatch.setattr(trainer, "train", lambda *args, **kwargs: told.append(kwargs["stories"]))
    for extra in ([], ["--no-stories"], ["--stories", str(tmp_path)]):
        result = runner.invoke(args=["nlp", "train", "--output", str(tmp_path / "model"), *extra])
        assert result.exit_code == 0, result.output
    # The shipped model is what the bare command trains: with the corpus's stories.
    assert told == [STORIES_FOLDER, None, tmp_path]
    assert len(load_stories(STORIES_FOLDER)) >= 600


@pytest.mark.skipif(find_spec("sklearn") is None, reason="training needs scikit-learn")
def test_train_german_sentiment_grid_ranks_every_setting_and_keeps_the_shipped_one(runner, tmp_path, monkeypatch):
    from feedback_app.nlp import german_sentiment_train as trainer

    settings = [(4.0, 0.3, True), (4.0, 3.0, True), (trainer.LINEAR_C, trainer.STACKER_C, trainer.BALANCE)]
    monkeypatch.setattr(trainer, "training_files", lambda corpus=None: list(trainer.TRAINING_SETS[:3]))
    monkeypatch.setattr(trainer, "grid", lambda: settings)
    result = runner.invoke(args=["nlp", "train-german-sentiment", "--grid", "--output", str(tmp_path / "de")])
    assert result.exit_code == 0, result.output
    ranking = result.output[result.output.index("best first"):].splitlines()[1:1 + len(settings)]
    assert sorted(line.split(":")[0].strip() for line in ranking) == sorted(str(s) for s in settings)
    pooled = [float(line.split(":")[1].split()[0]) for line in ranking]
    assert pooled == sorted(pooled, reverse=True)
    assert sum("(shipped)" in line for line in ranking) == 1
    # The model is still trained, at the shipped settings.
    stacker = json.loads((tmp_path / "de" / trainer.STACKER_FILE).read_text())
    assert (stacker["linear_c"], stacker["stacker_c"], stacker["balanced"]) == settings[-1]


@pytest.mark.skipif(find_spec("sklearn") is None, reason="training needs scikit-learn")
def test_train_story_themes_says_what_is_missing_instead_of_failing(runner, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(args=["nlp", "train-story-themes", "--model", str(empty)])
    assert result.exit_code != 0
    assert "holds no trained English model: run flask nlp train first" in result.output
    assert not (empty / "story").exists()

    from feedback_app.nlp.train import DEFAULT_OUTPUT

    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "writer.jsonl").write_text('{"text": "cut off\n', encoding="utf-8")
    model = tmp_path / "model"
    shutil.copytree(DEFAULT_OUTPUT, model)
    shutil.rmtree(model / "story")
    result = runner.invoke(args=["nlp", "train-story-themes", "--model", str(model), "--stories", str(stories)])
    assert result.exit_code != 0
    assert "writer.jsonl, line 1: not a story" in result.output
    assert not (model / "story").exists()  # nothing trained, nothing written
