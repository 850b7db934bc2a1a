"""The copy test reads programs from built HTML: it must read exactly what a reader copies."""

from copied_programs import programs_on

PAGE = """<html><body><h1>x</h1>
<div class="pyconc-example" data-example="threads/race.py">
<div class="tabbed-set"><div class="tabbed-block"><div class="highlight"><pre><code>output
</code></pre></div></div>
<div class="tabbed-block"><div class="highlight"><table class="highlighttable"><tr>
<th class="filename"><span class="filename">examples/threads/race.py</span></th></tr><tr>
<td class="linenos"><div class="linenodiv"><pre><span class="normal">1</span>
<span class="normal">2</span></pre></div></td>
<td class="code"><div><pre><span></span><code><span class="kn">import</span> <span class="nn">os</span>
<span class="nb">print</span><span class="p">(</span><span class="s2">&quot;a &lt; b&quot;</span><span class="p">)</span>
</code></pre></div></td></tr></table></div></div></div>
<p class="pyconc-run"><strong>Needs Python &gt;=3.10</strong> Run it: <code>race.py</code>, then
<code>uv run race.py</code>. Unzip <a href="../../downloads/pyconc.zip">pyconc.zip</a></p>
</div>
<p>after</p></body></html>"""


def test_a_block_is_read_as_the_reader_copies_it(tmp_path):
    page = tmp_path / "threads" / "races" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE, encoding="utf-8")
    [program] = programs_on(page, tmp_path)
    assert program.example == "threads/race.py" and program.file_name == "race.py"
    assert program.source == 'import os\nprint("a < b")\n'  # no line numbers, entities decoded
    assert program.command == "uv run race.py"
    assert program.toolkit == "../../downloads/pyconc.zip"
    assert program.page == "threads/races/index.html"


def test_a_page_without_examples_has_none(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p><code>uv run x.py</code></p>", encoding="utf-8")
    assert programs_on(page, tmp_path) == []
