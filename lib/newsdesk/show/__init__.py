"""Showing results: annotated articles (`render`), summary tables (`summaries`, `structure`) and charts
saved reproducibly (`plotting`)."""
