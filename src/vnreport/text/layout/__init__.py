"""Page layout of a scraped report: boilerplate, title, date line, source tag, byline.

Scraped provincial pages carry portal debris (``ĐÁNH GIÁ BÀI VIẾT( 0)``, ``EmailPrintAa``,
``Xem với cỡ chữ : A- A A+``, banner/icon blocks, related-news lists) around the article.
Those ranges are marked as boilerplate so no recogniser produces entities from them; the
article's own metadata (title, published date, source tag, byline) goes to the Report.

Modules: ``lines`` (content vs boilerplate), ``dateline``, ``byline``, ``page`` (the steps in
order), ``vocabulary`` (the word lists, read from the ``page_lines`` and ``page_words`` tables).
"""

from .page import Layout, analyse
from .vocabulary import LayoutVocabulary, bundled_vocabulary, vocabulary_of

__all__ = ["Layout", "LayoutVocabulary", "analyse", "bundled_vocabulary", "vocabulary_of"]
