"""Input: articles from files, folders, corpora, DataFrames and strings, as `Article` objects.

`articles` holds the article model and its layout rules; `textfile`, `html` and `corpus` read one kind
of source each; `readers` dispatches on what it is given. Offsets everywhere index `Article.text`.
"""
