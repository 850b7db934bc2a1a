"""The PEP 723 block is the one place an example says what it needs."""

import pytest
from example_meta import DEFAULT_TIMEOUT, Meta, MetadataError, meta_of

FULL = '''\
# /// script
# requires-python = ">=3.11,!=3.12.*"
# dependencies = ["psutil==7.2.2"]
#
# [tool.pyconc]
# timeout = 5
# benchmark = true
# per-interpreter = true
# expected-warnings = ["DeprecationWarning"]
# ///
"""doc"""
'''


def test_every_field_is_read():
    meta = meta_of(FULL)
    assert meta.dependencies == ("psutil==7.2.2",)
    assert (meta.timeout, meta.benchmark, meta.per_interpreter) == (5.0, True, True)
    assert meta.expected_warnings == ("DeprecationWarning",)


@pytest.mark.parametrize(
    ("version", "admitted"),
    [("3.10.13", False), ("3.11.7", True), ("3.12.1", False), ("3.14.0", True)],
)
def test_requires_python_is_a_specifier_set(version, admitted):
    assert meta_of(FULL).admits(version) is admitted


def test_lowest_python_names_the_first_admitted_minor():
    assert meta_of(FULL).lowest_python == "3.11"


def test_defaults():
    meta = meta_of('# /// script\n# requires-python = ">=3.10"\n# ///\n')
    assert meta == Meta() and meta.timeout == DEFAULT_TIMEOUT


@pytest.mark.parametrize(
    ("source", "complaint"),
    [
        ("# requires-python: >=3.11\nx = 1\n", "no `# /// script` block"),
        ("# /// script\n# dependencies = []\n# ///\n", "requires-python"),
        (
            '# /// script\n# requires-python = ">=3.10"\n# [tool.pyconc]\n# timout = 5\n# ///\n',
            "timout",
        ),
        ("# /// script\n# requires-python = >=3.10\n# ///\n", "not valid TOML"),
    ],
)
def test_a_wrong_block_is_refused(source, complaint):
    with pytest.raises(MetadataError, match=complaint):
        meta_of(source)
