"""The symposium deck rendered outside the browser: chart images, PPTX, PDF, command line.

No Streamlit here: the presentation page and `python -m ui.export` share this code,
so a deck made from the app and one made by `make deck` are the same deck.
"""
