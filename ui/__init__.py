"""What the Streamlit pages share: translations, formatting, caching, charts, widgets.

Only this package and `pages/` import streamlit; `data_access` stays usable without it.
"""
