"""`flask nlp`: train, tag, evaluate and retag."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click
from flask.cli import AppGroup

nlp = AppGroup("nlp", help="The language analysis: train, tag, evaluate, retag.")


def _needs_scikit_learn() -> None:
    """Stop with a clear message where scikit-learn is missing: only training needs it; running the models needs
    numpy alone."""
    from importlib.util import find_spec

    if find_spec("sklearn") is None:
        raise click.ClickException("Training needs scikit-learn: pip install -e '.[train]'")


def _log(line: str) -> None:
    click.echo(line, err=True)


@nlp.command("train")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with the shared NHS files (default: $STORYLOOP_TRAINING_DATA or ../shared/data).")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to save the model (default: feedback_app/nlp/models/en).")
@click.option("--epochs", type=int, default=8, show_default=True)
@click.option("--stories", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the project's written English stories, which teach sentiment and the story "
                   "reading of the themes (default: corpus/stories/en).")
@click.option("--no-stories", is_flag=True, help="Learn from the shared NHS comments alone.")
def train_command(data_dir: Path | None, output: Path | None, epochs: int, stories: Path | None,
                  no_stories: bool) -> None:
    """Train the English theme and sentiment models from the shared data and the written stories."""
    _needs_scikit_learn()
    from feedback_app.nlp.data import STORIES_FOLDER
    from feedback_app.nlp.train import DEFAULT_OUTPUT, train

    try:
        train(data_dir, output or DEFAULT_OUTPUT, epochs=epochs, log=_log,
              stories=None if no_stories else stories or STORIES_FOLDER)
    except ValueError as error:  # a written story that does not read
        raise click.ClickException(str(error)) from error


@nlp.command("train-story-themes")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The trained English model to add it to (default: feedback_app/nlp/models/en).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with the shared NHS files, whose long comments the story gate learns from.")
@click.option("--stories", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the written English stories (default: corpus/stories/en).")
@click.option("--cross-validate", "cross_validate", is_flag=True,
              help="First print each story file's theme macro-F1 with a reading trained on the other files.")
def train_story_themes_command(model_dir: Path | None, data_dir: Path | None, stories: Path | None,
                               cross_validate: bool) -> None:
    """Train only the story reading of the themes beside a trained model (`flask nlp train` does it too)."""
    _needs_scikit_learn()
    from feedback_app.nlp.data import STORIES_FOLDER
    from feedback_app.nlp.story_themes_train import train
    from feedback_app.nlp.train import DECISIONS_FILE, DEFAULT_OUTPUT

    model_dir = model_dir or DEFAULT_OUTPUT
    if not (model_dir / DECISIONS_FILE).is_file():
        raise click.ClickException(f"{model_dir} holds no trained English model: run flask nlp train first")
    try:
        train(model_dir, stories or STORIES_FOLDER, data_dir, _log,
              validate=cross_validate)
    except ValueError as error:  # a written story that does not read
        raise click.ClickException(str(error)) from error


@nlp.command("train-german-sentiment")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to save the model (default: feedback_app/nlp/models/de).")
@click.option("--cross-validate", "cross_validate", is_flag=True,
              help="First print the leave-one-file-out accuracy of the shipped settings (slow: minutes).")
@click.option("--grid", is_flag=True,
              help="First print the leave-one-file-out accuracy of every setting of the grid, best first "
                   "(slower: tens of minutes); the shipped settings stay as they are.")
def train_german_sentiment_command(output: Path | None, cross_validate: bool, grid: bool) -> None:
    """Train the German story sentiment model (seeded) from the read German sets and corpus/stories/de."""
    _needs_scikit_learn()
    from feedback_app.nlp import german_sentiment_train as trainer

    shipped = (trainer.LINEAR_C, trainer.STACKER_C, trainer.BALANCE)
    if cross_validate or grid:
        stories = trainer.load_stories(trainer.training_files())
        results = trainer.cross_validate(stories, trainer.grid() if grid else [shipped], _log)
        if grid:
            ranked = sorted((setting for setting in results if setting != "rules"),
                            key=lambda setting: -results[setting]["pooled"])
            _log("best first (linear C, stacker C, balanced): pooled accuracy")
            for setting in ranked:
                _log(f"  {setting}: {results[setting]['pooled']:.3f}" + ("  (shipped)" if setting == shipped else ""))
    trainer.train(output or trainer.MODEL_DIR, log=_log)


@nlp.command("train-german-themes")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to save the model (default: feedback_app/nlp/models/de).")
@click.option("--cross-validate", "cross_validate", is_flag=True,
              help="First print each file's macro-F1 read by a model trained without it, beside the cue rules.")
def train_german_themes_command(output: Path | None, cross_validate: bool) -> None:
    """Train the German theme model (deterministic) from the read German sets and corpus/stories/de."""
    _needs_scikit_learn()
    from feedback_app.nlp import german_themes_train as trainer
    from feedback_app.nlp.german_sentiment import MODEL_DIR
    from feedback_app.nlp.german_sentiment_train import load_stories, training_files

    if cross_validate:
        trainer.cross_validate(load_stories(training_files()), _log)
    trainer.train(output or MODEL_DIR, log=_log)


@nlp.command("train-safeguarding")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to save the weights (default: feedback_app/nlp/models/safeguarding).")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of written corpora, one writer per .jsonl (default: corpus/safeguarding).")
def train_safeguarding_command(output: Path | None, corpus: Path | None) -> None:
    """Train the safeguarding classifier; thresholds cross-validated by writer (deterministic)."""
    _needs_scikit_learn()
    from feedback_app.nlp.safeguarding_model import MODEL_DIR
    from feedback_app.nlp.safeguarding_train import CORPUS_DIR, load_cases, train

    folder = corpus or CORPUS_DIR
    if not any(folder.glob("*.jsonl")):  # without the corpora it would fit the small rule sets and ship that
        raise click.ClickException(f"No written corpora (*.jsonl) in {folder}: nothing to train on.")
    train(output or MODEL_DIR, load_cases(folder), log=_log)


@nlp.command("rule-hits")
@click.option("--out-of-fold", is_flag=True,
              help="Judge the model on the training corpora by models fitted without each writer, as training "
                   "does (needs scikit-learn; minutes). Default: the shipped model, which has seen them.")
@click.option("--limit", type=int, default=40, show_default=True, help="Rows to print (0: all).")
def rule_hits_command(out_of_fold: bool, limit: int) -> None:
    """Per safeguarding rule alternative: ordinary texts and disclosures it fires on in the tuning sets
    (training corpora, rule-tuned sets, held-out writers), what it adds to the model, and NHS hits."""
    from feedback_app.nlp.data import load_examples
    from feedback_app.nlp.rule_eval import alternative_hits, alternative_lines, load_jsonl
    from feedback_app.nlp.safeguarding_model import get_model
    from feedback_app.nlp.safeguarding_train import ROOT, load_cases

    model = get_model()
    if model is None:
        raise click.ClickException("No shipped safeguarding model to compare the rules with.")
    cases = load_cases(nhs=out_of_fold)  # training's NHS negatives change its folds' models
    if out_of_fold:
        from feedback_app.nlp.safeguarding_train import out_of_fold as score_out_of_fold

        thresholds, penalty = model.thresholds, model.length_penalty
        oof = score_out_of_fold(cases, log=_log)
        by_model = [o.gated(penalty, thresholds[k.lang]) >= thresholds[k.lang] for k, o in zip(cases, oof, strict=True)]
    else:
        by_model = [bool(model.flags(k.text, k.lang)) for k in cases]
    rows = [(k.lang, k.text, bool(k.kinds), m) for k, m in zip(cases, by_model, strict=True) if k.group != "nhs"]
    for path in sorted((ROOT / "corpus" / "held-out").glob("*.jsonl")):  # writers the model never saw
        rows += [(r["lang"], r["text"], bool(r["kinds"]), bool(model.flags(r["text"], r["lang"])))
                 for r in load_jsonl(path)]
    nhs = sorted({ex.text for ex in load_examples()})
    click.echo(f"{len(rows)} tuning texts ({sum(1 for r in rows if not r[2])} ordinary), {len(nhs)} NHS comments")
    for line in alternative_lines(alternative_hits(rows, nhs), limit or None):
        click.echo(line)


def _records(lines: TextIO) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, record or None, problem) for each non-blank line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"not JSON ({exc.msg})"
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield number, None, 'expected an object with a string "text"'
            continue
        yield number, record, ""


@nlp.command("tag")
@click.option("--input", "input_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help='JSON lines: {"id": ..., "text": ..., "lang": optional}.')
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--batch-size", type=int, default=500, show_default=True)
def tag_command(input_path: Path, output_path: Path, batch_size: int) -> None:
    """Analyse a JSON-lines file of texts into a JSON-lines file of results."""
    from feedback_app.nlp import analyse_many

    with open(input_path, encoding="utf-8") as fh:
        total = sum(1 for _ in fh)
    written = skipped = 0
    batch: list[dict[str, Any]] = []

    def flush(out: TextIO) -> None:
        nonlocal written
        results = analyse_many([r["text"] for r in batch], [r.get("lang") for r in batch], batch_size=batch_size)
        for record, analysis in zip(batch, results, strict=True):
            out.write(json.dumps({"id": record.get("id"), **analysis.to_dict()}, ensure_ascii=False) + "\n")
        written += len(batch)
        batch.clear()

    with open(input_path, encoding="utf-8") as src, open(output_path, "w", encoding="utf-8") as out, \
            click.progressbar(length=total, label="Tagging", file=sys.stderr) as bar:
        last = 0
        for number, record, problem in _records(src):
            bar.update(number - last)
            last = number
            if record is None:
                skipped += 1
                click.echo(f"\n{input_path}:{number}: skipped, {problem}", err=True)
                continue
            batch.append(record)
            if len(batch) >= batch_size:
                flush(out)
        if batch:
            flush(out)
        bar.update(total - last)
    click.echo(f"{written} tagged, {skipped} skipped -> {output_path}", err=True)


@nlp.command("evaluate")
@click.option("--data", "data_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A labelled CSV in either shared format (default: the validation split of the shared files).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the shared files, for the default validation split.")
@click.option("--split", type=click.Choice(["val", "dev", "train"]), default="val", show_default=True)
@click.option("--lang", type=click.Choice(["en", "de"]), default=None, help="Skip language detection.")
@click.option("--rules", "rules_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Instead: score PII, safeguarding and stories (German, English) on the hand-written sets here.")
@click.option("--misses", type=click.IntRange(min=0), default=0, show_default=True,
              help="With --rules: also print the N worst story and theme sentiment misses of each stories set.")
def evaluate_command(data_path: Path | None, data_dir: Path | None, split: str, lang: str | None,
                     rules_dir: Path | None, misses: int) -> None:
    """Print per-theme precision/recall/F1, macro-F1 and sentiment accuracy on labelled data."""
    from feedback_app.nlp import analyse_many
    from feedback_app.nlp.criticality_eval import criticality_report
    from feedback_app.nlp.data import PHASE1_FILE, default_data_dir, detect_format, load_examples, read_file
    from feedback_app.nlp.evaluate import analyser_predictor, evaluate_by_source

    if rules_dir is not None:
        from feedback_app.nlp.rule_eval import STORY_FILES, report_lines

        lines = report_lines(rules_dir, analyse_many, misses)
        if not lines:
            names = ", ".join(["pii.jsonl", "safeguarding.jsonl", *(file for _, _, file in STORY_FILES)])
            raise click.ClickException(f"None of {names} in {rules_dir}.")
        for line in lines:
            click.echo(line)
        return

    try:
        examples = read_file(data_path) if data_path else load_examples(data_dir, split)
    except (OSError, ValueError) as exc:  # a missing shared file, or a CSV in neither shared format
        raise click.ClickException(str(exc)) from exc
    click.echo(f"evaluating on {data_path or f'the {split} split'}: {len(examples)} texts")
    for line in evaluate_by_source(examples, analyser_predictor(analyse_many, lang)):
        click.echo(line)
    if data_path is None or detect_format(data_path) == "phase1":  # the only file with graded criticism
        phase1 = data_path or (data_dir or default_data_dir()) / PHASE1_FILE

        def criticality_of(texts: list[str]) -> list[int]:
            return [a.criticality for a in analyse_many(texts, [lang] * len(texts))]

        for line in criticality_report(criticality_of, phase1, None if data_path else split):
            click.echo(line)
