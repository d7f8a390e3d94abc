"""The product's words, one wording for each thing it says (see `catalog`).

Below the edge, code says *what* happened with a code and parameters; here each code has its
one Russian sentence. The CLI prints that sentence; the window passes it through Qt's
translation (`desktop_app.ui.wording`), so the English `.ts` translates it once for both.
No Qt here: the CLI runs without a display.
"""
