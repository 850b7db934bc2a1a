"""The pages themselves: inline snippets run, and the two languages stay twins.

Inline Python blocks (short snippets with `#>` output comments) are run and their printed
output checked by pytest-examples, then linted with ruff. Blocks that the build executes
(markdown-exec's `exec="1"`, which only call the example renderer) are not snippets and are
skipped; so are blocks marked `test="skip"` (fragments that are not programs, said on the page).
"""

import re
from pathlib import Path

import example_runner
import glossary
import pytest
import site_config
import zh_style
from pytest_examples import CodeExample, EvalExample, find_examples

ROOT = Path(__file__).resolve().parent.parent
DOCS = {lang: ROOT / "docs" / lang for lang in ("zh", "en")}


def _snippets():
    for example in find_examples(DOCS["zh"], DOCS["en"]):
        settings = example.prefix_settings()
        if "exec" in settings:
            continue  # a build directive, run by the build itself
        marks = (
            [pytest.mark.skip(reason='marked test="skip" on the page')]
            if settings.get("test") == "skip"
            else []
        )
        yield pytest.param(
            example,
            id=f"{Path(example.path).relative_to(ROOT).as_posix()}:{example.start_line}",
            marks=marks,
        )


@pytest.mark.timeout(60)
@pytest.mark.parametrize("example", list(_snippets()))
def test_inline_snippet(example: CodeExample, eval_example: EvalExample) -> None:
    eval_example.set_config(line_length=100, target_version="py310", ruff_ignore=["D", "T201"])
    eval_example.lint(example)
    try:
        # __spec__ None: a snippet that starts processes can pickle its functions under spawn.
        # No assertion rewriting: it broke pytest itself when a snippet raised (INTERNALERROR).
        eval_example.run_print_check(
            example, module_globals={"__spec__": None}, rewrite_assertions=False
        )
    except Exception as error:
        pytest.fail(f"{example}: {type(error).__name__}: {error}", pytrace=False)


def _pages(lang: str) -> list[str]:
    return sorted(p.relative_to(DOCS[lang]).as_posix() for p in DOCS[lang].rglob("*.md"))


def test_every_page_has_its_twin() -> None:
    zh, en = set(_pages("zh")), set(_pages("en"))
    assert zh - en == set(), f"pages only in Chinese: {sorted(zh - en)}"
    assert en - zh == set(), f"pages only in English: {sorted(en - zh)}"


_BLOCK_OR_HEADING = re.compile(
    r"^[ \t]*(?P<fence>```+|~~~+)(?P<info>[^\n]*)\n(?P<body>.*?)^[ \t]*(?P=fence)[ \t]*$"
    r"|^(?P<level>#{1,6}) ",
    re.S | re.M,
)


def _outline(text: str) -> list[str]:
    """Heading levels, example directives and inline snippets, in page order.

    Snippets are compared by their code: the same snippet, character for character, in both
    languages (their comments are in English, like the examples').
    """
    items = []
    for m in _BLOCK_OR_HEADING.finditer(text):
        if m["level"]:
            items.append(m["level"])
        elif names := example_runner.referenced_examples(m["body"]):
            items += [f"example {name}" for name in names]
        elif m["info"].strip().lower().startswith(("py", "{.py")):
            items.append(f"snippet {m['body'].strip()}")
    return items


@pytest.mark.parametrize("page", _pages("zh"))
def test_twins_have_the_same_structure(page: str) -> None:
    zh = _outline((DOCS["zh"] / page).read_text(encoding="utf-8"))
    en_path = DOCS["en"] / page
    if not en_path.exists():
        pytest.skip("no twin (reported by test_every_page_has_its_twin)")
    en = _outline(en_path.read_text(encoding="utf-8"))
    assert zh == en, (
        f"{page}: zh and en differ in headings, examples or snippets (in order).\n"
        f"zh: {zh}\nen: {en}"
    )


def test_every_example_is_shown_in_both_languages() -> None:
    shown = example_runner.pages_by_example(DOCS.values())
    for name in example_runner.all_examples():
        langs = {page.split("/")[1] for page in shown.get(name, [])}
        assert langs == {"zh", "en"}, f"examples/{name} is shown in {sorted(langs) or 'no'} pages"
    unknown = sorted(set(shown) - set(example_runner.all_examples()))
    assert not unknown, f"pages show examples that do not exist: {unknown}"


def test_both_navs_list_the_same_pages() -> None:
    zh, en = site_config.nav_pages("mkdocs.yml"), site_config.nav_pages("mkdocs.en.yml")
    assert zh == en, f"the zh and en navigation differ:\nzh: {zh}\nen: {en}"
    assert set(zh) <= set(_pages("zh")), (
        f"nav lists missing pages: {sorted(set(zh) - set(_pages('zh')))}"
    )


def test_glossary_terms_have_both_languages() -> None:
    chapters = glossary.load()  # raises on a term without zh/en name or definition
    assert sum(map(len, chapters.values())) > 0


@pytest.mark.parametrize("page", _pages("zh"))
def test_chinese_prose_reads_as_chinese(page: str) -> None:
    text = (DOCS["zh"] / page).read_text(encoding="utf-8")
    problems = {
        "join these lines (a break between Chinese characters shows as a space)": (
            zh_style.hard_wraps(text)
        ),
        "no spaces around emphasis between Chinese characters": zh_style.padded_emphasis(text),
        "use “” around Chinese text": zh_style.straight_quotes(text),
    }
    found = {what: items for what, items in problems.items() if items}
    assert not found, f"{page}: {found}"


@pytest.mark.parametrize("page", _pages("zh"))
def test_chinese_pages_use_the_glossary_terms(page: str) -> None:
    text = (DOCS["zh"] / page).read_text(encoding="utf-8")
    found = zh_style.avoided_terms(text, glossary.avoid_map())
    assert not found, f"{page}: the glossary's term instead of these variants: {found}"


def test_assets_are_the_same_in_both_languages() -> None:
    # Each language is its own MkDocs docs_dir, so shared assets exist twice; keep them equal.
    for lang, other in (("zh", "en"), ("en", "zh")):
        for asset in DOCS[lang].rglob("*"):
            if asset.is_file() and asset.suffix != ".md":
                twin = DOCS[other] / asset.relative_to(DOCS[lang])
                assert twin.is_file(), f"{asset.relative_to(ROOT)} has no twin in docs/{other}"
                assert twin.read_bytes() == asset.read_bytes(), (
                    f"{asset.name} differs between zh and en"
                )
