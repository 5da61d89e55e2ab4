"""The CSS pruner used for notebook pages keeps what the pages can use and drops the rest."""

from __future__ import annotations

from unused_css import classes_in, prune

CSS = """@charset "UTF-8";
/* a comment { with braces } */
:root { --used: red; --unused: url(data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=); --chain: 1px; --via: var(--chain); }
.a .b, .zzz .b { color: var(--used); border-width: var(--via); }
.a:not(.missing) { margin: 0; }
.missing { color: blue; }
@media (max-width: 600px) { .missing { color: green; } .a { padding: 0; } }
@media print { .missing { color: black; } }
@font-face { font-family: X; src: url(x.woff2); }
.a::after { content: ";}"; }
"""


def test_rules_needing_a_missing_class_go_and_the_rest_stays():
    out = prune(CSS, {"a", "b"})
    assert ".a .b{" in out and ".zzz" not in out and ".missing{" not in out
    assert ".a:not(.missing){" in out  # a class inside :not() is not needed to match
    assert "@media (max-width: 600px){.a{ padding: 0; }}" in out and "@media print" not in out
    assert "@font-face" in out and '.a::after{ content: ";}"; }' in out
    assert "@charset" not in out and "comment" not in out


def test_custom_properties_nothing_reads_go_even_through_chains():
    out = prune(CSS, {"a", "b"})
    assert "--used: red" in out and "--via: var(--chain)" in out and "--chain: 1px" in out
    assert "--unused" not in out and "data:" not in out


def test_classes_are_read_from_class_attributes():
    assert classes_in('<div class="a  b"><span class="c">x</span><p id="d">') == {"a", "b", "c"}
