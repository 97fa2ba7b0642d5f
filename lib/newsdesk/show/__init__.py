"""Showing results: annotated articles (`render`), summary tables (`summaries`, `structure`) and charts
saved reproducibly (`plotting`), and the report site built from the notebooks (`site`)."""
