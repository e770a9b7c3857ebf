"""A simulator of what the mirror family does to an article, at the byte level, with the ground truth.

Feed it clean Simplified text (``tests/fixtures/mirror_corpus``); it makes a page as a mirror site would serve it:
Taiwan Traditional, pinyin annotations, GBK one-byte-shift runs at random sentence starts, full-width forms folded
to ASCII, entities left as text, no-break spaces as ``?``, and the family's layouts around the article.
"""
