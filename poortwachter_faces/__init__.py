"""The faces of the Poortwachter rules: the command, the HR API and the PDF for the dossier.

`cli.py` (`poortwachter tijdlijn …`, `poortwachter serve`), `api.py` + `openapi.json` (the HTTP
JSON API for HR systems), `pdf.py` (the overview as a PDF). They read input, call the rules in
`poortwachter` and present the result; no rule lives here. Kept out of the core so that the
core stays pure and installable on its own (no fpdf2, no HTTP server, no argparse): the faces
import the core, never the other way round (tests/rules/test_core_standalone.py).

Nothing is imported here, so `import poortwachter_faces.cli` does not load fpdf2.
"""
