"""Lexicon: the facts the rules consult, loaded once per pipeline.

Gazetteer tables (``gazetteers``: TSV loading, user extensions, the bundled set; ``bundled``:
where shipped data lives), the phrase matcher they compile to (``matcher``), places and
administrative units (``places``), organisation names (``orgnames``) and people — titles and
honorifics (``titles``), Vietnamese personal names (``names``). Recognisers read these; nothing
here reads a document.
"""
