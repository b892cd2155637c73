"""The downloadable report (pure, no streamlit): one self-contained HTML file of the current story."""
