"""Shared test helpers: the scripts folders on the path, and the public functions under test."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
# generate.py and the hooks import the modules of their folder by name (`from outputs import ...`); so do the tests.
SCRIPT_FOLDERS = ("generators", "hooks", "tools", "")  # "" is scripts/ itself: generate.py and examples
for folder in SCRIPT_FOLDERS:
    sys.path.insert(0, str(ROOT / "scripts" / folder))
# The tests' own helpers that share a name with a script are imported from the package `tests`
# (`from tests import languages`); appended, so that nothing in the repository hides another module.
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

import activations  # noqa: E402

# Every public function of the package (the registry and its entry type are not functions).
PUBLIC = {name: getattr(activations, name) for name in activations.__all__ if name not in ("REGISTRY", "Activation", "FAMILIES", "SMOOTHNESS")}


def build_site(out: Path) -> Path:
    """Generate figures and tables, then build the site into out (`mkdocs_build`)."""
    import generate

    generate.main()
    return mkdocs_build(out)


def mkdocs_build(out: Path, site_url: str | None = None) -> Path:
    """`mkdocs build --strict` into out from docs/ as it is (raises with the log); with site_url, as
    the publishing workflow builds it, else as a build that does not know its address."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0")}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per test session."""
    return build_site(tmp_path_factory.mktemp("site"))


def require_tool(what: str, found: bool, how: str) -> None:
    """Skip a test whose tool is missing on a contributor's machine; in CI a missing tool fails."""
    if found:
        return
    message = f"{what} is not available, so these checks did not run. {how}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _mpmath_precision_stays_local():
    """A test that sets mpmath's global precision must not change the reference values of the
    tests after it (their tolerances assume 50 digits): restore it after every test."""
    import mpmath as mp

    dps = mp.mp.dps
    yield
    mp.mp.dps = dps


@pytest.fixture(scope="session")
def browser(_late_jobs):
    """Debian's Chromium, driven by Playwright (tests/browsing.py). The browser tests leave a core
    idle while Python waits on the browser: the session's late jobs start with them."""
    from tests import browsing

    _late_jobs.start()

    require_tool("Chromium with Playwright", browsing.available(),
                 f"Install Debian's browser (`sudo apt-get install chromium`) or set CHROMIUM to a Chromium binary; "
                 f"no browser download is needed. Looked for {browsing.CHROMIUM}.")
    with browsing.sync_playwright() as p:
        b = p.chromium.launch(executable_path=browsing.CHROMIUM, args=browsing.ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def served(site):
    """The built site, served on 127.0.0.1 as a static host serves it (scripts/tools/serve_site.py), from a
    process of its own, so that no request waits for the tests' computing: the base URL."""
    import re

    server = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "tools" / "serve_site.py"), str(site), "0"],
                              stdout=subprocess.PIPE, text=True)
    with server.stdout:
        said = server.stdout.readline()
    try:
        found = re.search(r"http://127\.0\.0\.1:\d+/", said)
        assert found, f"the site's server said {said!r}"
        yield found.group(0)
    finally:
        server.terminate()
        server.wait(timeout=30)


def pytest_configure(config):
    config.addinivalue_line("markers", "late(job): the test checks what the late job `job` (LATE_JOBS) made, "
                                       "through the `late` fixture; it runs after the browser tests")


def pytest_collection_modifyitems(session, config, items):
    """Each test waits as little as it can for work done in the background (`_begun`, the late jobs):
    first the tests that need none of it; then those of the first generator run and those that drive
    a browser (the visits of every page start with the session); then the accuracy tests on the dense
    grid, whose errors low-priority processes compute on the cores the tests before them leave idle;
    the tests of late jobs last, so that their jobs overlap the browser tests."""
    def stage(item) -> int:
        fixtures = getattr(item, "fixturenames", ())
        if item.get_closest_marker("late") is not None:
            return 4
        return 3 if "grid_ulp_errors" in fixtures else 2 if "browser" in fixtures else 1 if "first_run" in fixtures else 0

    items.sort(key=stage)  # stable: within a stage, the order of collection


class _Background:
    """A result computed in a thread of its own: result() waits for it (and raises what it raised)."""

    def __init__(self, work):
        import threading

        self._value, self._error, self._done = None, None, threading.Event()
        threading.Thread(target=self._run, args=(work,), daemon=True).start()

    def _run(self, work):
        try:
            self._value = work()
        except BaseException as e:  # noqa: BLE001 - handed to the test that waits for it
            self._error = e
        finally:
            self._done.set()

    def result(self):
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value


# Work that is one process of its own (a build of the site, a checker over it) and that a test only
# waits for: the function that does it, given the session's site and tmp_path_factory. A test names
# its job with @pytest.mark.late("name") and gets what the job returned from the `late` fixture.
LATE_JOBS: dict[str, Callable[[Path, pytest.TempPathFactory], object]] = {}


def late_job(work: Callable[[Path, pytest.TempPathFactory], object]):
    """Register `work` as the late job named after it."""
    LATE_JOBS[work.__name__] = work
    return work


class _LateJobs:
    """The late jobs of a session, one after another in a thread of its own, in the order of the tests
    that wait for them. They start when the visits of every page are done (`_begun`), or with the
    browser tests (`browser`), or when a test first waits for one, whichever comes first."""

    def __init__(self, jobs: dict[str, Callable[[], object]]):
        import threading

        self._jobs, self._runner = jobs, None
        self._done = {name: threading.Event() for name in jobs}
        self._results: dict[str, tuple[bool, object]] = {}

    def start(self) -> None:
        if self._runner is None and self._jobs:
            self._runner = _Background(self._run)

    def _run(self) -> None:
        for name, work in self._jobs.items():
            try:
                self._results[name] = (True, work())
            except BaseException as e:  # noqa: BLE001 - handed to the test that waits for it
                self._results[name] = (False, e)
            self._done[name].set()

    def result(self, name: str):
        self.start()
        self._done[name].wait()
        ok, value = self._results[name]
        if not ok:
            raise value
        return value


@pytest.fixture(scope="session")
def _late_jobs(request, tmp_path_factory) -> _LateJobs:
    names = list(dict.fromkeys(m.args[0] for item in request.session.items for m in item.iter_markers("late")))
    unknown = [n for n in names if n not in LATE_JOBS]
    assert not unknown, f"no late job is registered under {unknown}"
    if not names:
        return _LateJobs({})
    site = request.getfixturevalue("site")  # built, and docs/generated brought up to date, in this thread
    return _LateJobs({name: partial(LATE_JOBS[name], site, tmp_path_factory) for name in names})


@pytest.fixture
def late(request, _late_jobs):
    """What the late job named by the test's `late` mark returned."""
    return _late_jobs.result(request.node.get_closest_marker("late").args[0])


def generate_into(out: Path) -> tuple[Path, list[str]]:
    """The generator command run into `out` in a process of its own, as `make figures` runs it
    (there it renders in parallel): (out, the outputs it says it wrote)."""
    said = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate.py"), str(out), "--verbose"],
                          check=True, capture_output=True, text=True).stdout
    return out, [line.split("written: ", 1)[1] for line in said.splitlines() if line.startswith("  written: ")]


@pytest.fixture(scope="session", autouse=True)
def _begun(request, tmp_path_factory) -> dict[str, _Background]:
    """The longest pieces of work of a session start with it, in the background, when a test of the
    session looks at them: the visits of every page in a browser (`visits`), a first run of the
    generator into an empty folder (`first_run`) and the accuracy tests' errors on the dense grid
    (`grid_ulp_errors`, at the lowest priority). They work in processes of their own while the tests
    that need none of them run. The late jobs follow the visits."""
    import accuracy_grid
    from tests import browsing

    wanted = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    late = request.getfixturevalue("_late_jobs")
    begun = {}
    if "grid_ulp_errors" in wanted and not accuracy_grid.IN_THIS_PROCESS:
        series = list(dict.fromkeys(accuracy_grid.series(**{k: item.callspec.params[k] for k in ("entry", "which", "dtype")})
                                    for item in request.session.items if "grid_ulp_errors" in getattr(item, "fixturenames", ())))
        begun["grid_ulp_errors"] = _Background(lambda: accuracy_grid.all_errors(series))
    if "first_run" in wanted:
        out = tmp_path_factory.mktemp("generated")
        begun["first_run"] = _Background(lambda: generate_into(out))
    if "visits" in wanted and browsing.available():
        site, served = request.getfixturevalue("site"), request.getfixturevalue("served")

        def visits_then_late():
            try:
                return browsing.visit_all(served, browsing.page_paths(site))
            finally:
                late.start()  # the visits kept both cores busy; from now on the tests leave one idle

        begun["visits"] = _Background(visits_then_late)
    else:
        late.start()
    return begun


@pytest.fixture(scope="session")
def grid_ulp_errors(_begun) -> dict:
    """(slug, 0 or 1, dtype name) -> the ULP errors on the dense grid (tests/accuracy_grid.py), for
    every series a test of the session checks."""
    import accuracy_grid

    return _begun["grid_ulp_errors"].result() if "grid_ulp_errors" in _begun else accuracy_grid.OnDemand()


@pytest.fixture(scope="session")
def first_run(_begun, tmp_path_factory) -> tuple[Path, list[str]]:
    """The generator command run into an empty folder: (the folder, the outputs it says it wrote)."""
    if "first_run" in _begun:
        return _begun["first_run"].result()
    return generate_into(tmp_path_factory.mktemp("generated"))


@pytest.fixture(scope="session")
def visits(browser, served, site, _begun):
    """(page, scheme) -> what one visit of the page saw in that scheme (tests/browsing.py), for every page."""
    from tests import browsing

    if "visits" in _begun:
        return _begun["visits"].result()
    return browsing.visit_all(served, browsing.page_paths(site))
