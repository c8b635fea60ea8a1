"""I/O: vnreport as users run it.

The command line (``cli``), reading report files and the bundled samples (``corpus``), batch
extraction over processes and Dask (``batch``), tidy DataFrames and table writers (``frames``)
and the spaCy pipeline component (``spacy_component``). Everything here sits on top of
:class:`vnreport.Pipeline`; nothing in the extraction imports it.
"""
