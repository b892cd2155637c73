"""A small model of streamlit/demo-stockpeers' rerun, on the dashboard's bundled prices.

What it models, as that demo does on every run: a multiselect of tickers and a "Time horizon" pills control; the
closing prices of the chosen tickers over the horizon (loaded once per tickers and horizon, ``st.cache_resource``,
rows with a missing close dropped), normalised to 1 at the first row; the best and the worst ticker as two metrics;
an altair line chart of the normalised prices; for every ticker, a line chart against the average of its peers and an
area chart of the difference; and the raw table. What it leaves out: yfinance (the prices are ``data/prices.csv``,
the horizon counts back from the last common date instead of today), the query parameter and the page's texts.
The benchmark times a change of the horizon (6 months to 1 year and back), the demo's typical interaction.
"""

from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

PRICES = Path(__file__).resolve().parents[3] / "data" / "prices.csv"
TICKERS = ["9988.HK", "BABA", "0700.HK", "NVDA", "^HSI", "^HSCE", "^GSPC"]
HORIZONS = {"1 Months": 1, "3 Months": 3, "6 Months": 6, "1 Year": 12, "5 Years": 60, "10 Years": 120,
            "20 Years": 240}

st.set_page_config(page_title="Stock peer analysis dashboard", layout="wide")
st.title("Stock peer analysis")
left, right = st.columns([1, 3])
with left:
    tickers = st.multiselect("Stock tickers", TICKERS, default=TICKERS)
    horizon = st.pills("Time horizon", list(HORIZONS), default="6 Months", key="horizon") or "6 Months"
if not tickers:
    st.stop()


@st.cache_resource(show_spinner=False)
def load_data(tickers: list[str], months: int) -> pd.DataFrame:
    prices = pd.read_csv(PRICES, usecols=["date", "symbol", "close"], parse_dates=["date"])
    closes = prices.pivot(index="date", columns="symbol", values="close")[tickers].dropna()
    return closes[closes.index > closes.index[-1] - pd.DateOffset(months=months)]


data = load_data(tickers, HORIZONS[horizon])
normalized = data.div(data.iloc[0])
last = normalized.iloc[-1]
best, worst = st.columns(2)
best.metric("Best stock", last.idxmax(), delta=f"{round(last.max() * 100)}%")
worst.metric("Worst stock", last.idxmin(), delta=f"{round(last.min() * 100)}%")
long = normalized.reset_index().melt(id_vars=["date"], var_name="Stock", value_name="Normalized price")
right.altair_chart(alt.Chart(long).mark_line().encode(alt.X("date:T"), alt.Y("Normalized price:Q").scale(zero=False),
                                                      alt.Color("Stock:N")).properties(height=400))

st.header("Individual stocks vs peer average")
cells = st.columns(4)
for i, ticker in enumerate(tickers if len(tickers) > 1 else []):
    peer_avg = normalized.drop(columns=[ticker]).mean(axis=1)
    pair = pd.DataFrame({"date": normalized.index, ticker: normalized[ticker], "Peer average": peer_avg})
    pair = pair.melt(id_vars=["date"], var_name="Series", value_name="Price")
    lines = alt.Chart(pair).mark_line().encode(
        alt.X("date:T"), alt.Y("Price:Q").scale(zero=False),
        alt.Color("Series:N", scale=alt.Scale(domain=[ticker, "Peer average"], range=["red", "gray"])),
        alt.Tooltip(["date", "Series", "Price"])).properties(title=f"{ticker} vs peer average", height=300)
    cells[(i * 2) % 4].container(border=True).altair_chart(lines)
    delta = pd.DataFrame({"date": normalized.index, "Delta": normalized[ticker] - peer_avg})
    area = alt.Chart(delta).mark_area().encode(alt.X("date:T"), alt.Y("Delta:Q").scale(zero=False)).properties(
        title=f"{ticker} minus peer average", height=300)
    cells[(i * 2 + 1) % 4].container(border=True).altair_chart(area)

st.header("Raw data")
st.dataframe(data)
