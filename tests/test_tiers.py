"""The test tiers: set from each test's fixtures, disjoint, and together every test there is."""
from __future__ import annotations

import pytest

from conftest import FULL_OPTION, ROOT, TIERS


class _Collected:
    """A pytest plugin that keeps the tier markers of every test a collection selects."""

    def __init__(self):
        self.tiers: dict[str, set[str]] = {}

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        self.tiers = {item.nodeid: {m.name for m in item.iter_markers() if m.name in TIERS}
                      for item in items}


def _collect(*arguments: str) -> dict[str, set[str]]:
    collected = _Collected()
    code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "--rootdir", str(ROOT),
                        str(ROOT / "tests"), *arguments], plugins=[collected])
    assert code == 0
    return collected.tiers


@pytest.fixture(scope="module")
def every_test() -> dict[str, set[str]]:
    return _collect(FULL_OPTION)


def test_every_test_is_in_exactly_one_tier(every_test):
    assert [test for test, tiers in every_test.items() if len(tiers) != 1] == []
    assert {tier for tiers in every_test.values() for tier in tiers} == set(TIERS)


def test_the_default_run_is_the_fast_tier(every_test):
    fast = {test for test, tiers in every_test.items() if tiers == {"fast"}}
    assert set(_collect()) == fast


def test_a_test_that_builds_the_book_or_opens_a_browser_is_not_fast(every_test):
    assert every_test["tests/test_book.py::test_book_builds_with_warnings_as_errors"] == {"book"}
    assert every_test["tests/test_diagrams.py::test_committed_drawings_match_their_declarations"] == {"book"}
    offline = [tiers for test, tiers in every_test.items()
               if test.startswith("tests/test_site.py::test_page_loads_offline_without_errors")]
    assert offline and all(tiers == {"browser"} for tiers in offline)
