"""What the browser suite looks for on a page, as JavaScript run in the page.

Each function returns a list of problems (empty when the page is right), so a
failing test says what a student would see.
"""

from __future__ import annotations

from typing import Any

#: Maths that is really text: a run of four or more one-letter identifiers
#: ("438.9bnofgoods..." after MathJax ate the spaces between two dollar signs),
#: or a number followed by "bn"/"tn". Typeset maths (MathJax) is read from its
#: assistive MathML; untypeset TeX (a docs page without MathJax) from its source.
MATH_AS_TEXT = r"""
(root) => {
  const problems = [];
  const letter = (el) => el.tagName.toLowerCase() === 'mi' && /^[A-Za-z]$/.test(el.textContent);
  const scan = (math) => {
    for (const el of [math, ...math.querySelectorAll('*')]) {
      const kids = [...el.children];
      let run = 0;
      for (let i = 0; i < kids.length; i++) {
        run = letter(kids[i]) ? run + 1 : 0;
        const money = kids[i].tagName.toLowerCase() === 'mn' && i + 2 < kids.length &&
          letter(kids[i + 1]) && letter(kids[i + 2]) &&
          /^(bn|tn)$/.test(kids[i + 1].textContent + kids[i + 2].textContent);
        if (run >= 4 || money) { return true; }
      }
    }
    return false;
  };
  // prose only: the markdown of notebooks and docs pages, and HTML (not LaTeX) outputs
  const prose = (el) => !el.closest('[data-mime-type="text/latex"], .jp-RenderedLatex, div.math');
  for (const container of [...root.querySelectorAll('mjx-container')].filter(prose)) {
    const mml = container.querySelector('mjx-assistive-mml math');
    if (mml && scan(mml)) { problems.push(mml.textContent.slice(0, 80)); }
  }
  for (const span of [...root.querySelectorAll('span.math')].filter(prose)) {
    if (span.querySelector('mjx-container')) { continue; }
    const tex = span.textContent
      .replace(/\\(?:text|texttt|mathrm|mathbf|operatorname)\{[^}]*\}/g, ' ')
      .replace(/\\[A-Za-z]+/g, ' ');
    if (/[A-Za-z]{4,}/.test(tex) || /\d\s*(bn|tn)\b/.test(tex)) {
      problems.push(span.textContent.slice(0, 80));
    }
  }
  return problems;
}
"""

#: Widgets drawn as text, or not drawn: an error message or a repr in place of the view.
WIDGETS_AS_TEXT = r"""
(root) => [...root.querySelectorAll('.jp-OutputArea-output, .output, .cell_output')]
  .map(el => el.innerText || '')
  .filter(t => /Error displaying widget|Loading widget|^\s*(Dashboard|VBox)\(/.test(t))
  .map(t => t.slice(0, 80))
"""

#: Text wider than its cell: a markdown cell or a code editor that scrolls sideways.
OVERFLOW = r"""
(root) => {
  const wide = (el) => el.scrollWidth > el.clientWidth + 2;
  const out = [];
  for (const el of root.querySelectorAll('.jp-MarkdownOutput')) {
    if (wide(el)) { out.push('markdown: ' + el.innerText.slice(0, 60)); }
  }
  for (const el of root.querySelectorAll('.jp-InputArea .cm-scroller')) {
    if (wide(el)) {
      const longest = [...el.querySelectorAll('.cm-line')]
        .map(l => l.innerText).sort((a, b) => b.length - a.length)[0] || '';
      out.push('code: ' + longest.slice(0, 100));
    }
  }
  return out;
}
"""

#: Error and stderr outputs of the current JupyterLab notebook, from its model.
NOTEBOOK_ERRORS = r"""
() => {
  const model = window.jupyterapp.shell.currentWidget.content.model;
  const problems = [];
  for (let i = 0; i < model.cells.length; i++) {
    const cell = model.cells.get(i);
    if (cell.type !== 'code') { continue; }
    for (const out of cell.outputs.toJSON()) {
      if (out.output_type === 'error') {
        problems.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
      } else if (out.output_type === 'stream' && out.name === 'stderr') {
        problems.push(`cell ${i} wrote to stderr: ${String(out.text).slice(0, 120)}`);
      }
    }
  }
  return problems;
}
"""

#: Whether "Run All" has finished: the kernel is idle and every code cell has run
#: (or one failed, which stops the run).
RUN_FINISHED = r"""
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') { return false; }
  const model = panel.content.model;
  let failed = false;
  for (let i = 0; i < model.cells.length; i++) {
    const cell = model.cells.get(i);
    if (cell.type !== 'code') { continue; }
    if (cell.outputs.toJSON().some(o => o.output_type === 'error')) { failed = true; }
    if (cell.executionCount === null && !failed && cell.sharedModel.getSource().trim()) {
      return false;
    }
  }
  return true;
}
"""


def problems(page: Any, script: str, selector: str = "body") -> list[str]:
    """Run one of the checks above on the element ``selector`` of ``page``."""
    return list(page.locator(selector).first.evaluate(script))


def settle(page: Any, selector: str = "mjx-container", rounds: int = 20) -> None:
    """Wait until the count of ``selector`` (MathJax output, by default) stops changing."""
    last = -1
    for _ in range(rounds):
        count = page.locator(selector).count()
        if count == last:
            return
        last = count
        page.wait_for_timeout(500)


def move_slider(page: Any, label: str, value: str, scope: str = "body") -> None:
    """Type ``value`` into the readout of the slider labelled ``label``, as a student would."""
    slider = page.locator(f"{scope} .widget-slider").filter(
        has=page.locator(".widget-label", has_text=label)
    )
    readout = slider.first.locator(".widget-readout")
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(value)
    page.keyboard.press("Enter")


def tables_with(page: Any, text: str) -> int:
    """How many tables of equilibria show ``text``."""
    return sum(text in t for t in page.locator("table.negotiation").all_inner_texts())
