"""Text: from the caller's string to the working document.

Normalisation with an offset map back to the original (``normalize``), the per-call working
document that recognisers read and annotate (``document``), page layout — title, date line,
byline, portal debris (``layout``), small token scanners shared by the rules (``scan``), and
word/sentence segmentation for ``tokens=True`` (``segmentation``). Nothing here knows about
gazetteers or entity kinds.
"""
