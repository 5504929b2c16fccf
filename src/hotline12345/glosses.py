"""A stored copy's pinyin glosses: the one home of the pattern, light enough for the seeds' checks to import.

A mirror's conversion of a page may leave a character's pinyin after it, in brackets (消費(fèi)維權(quán), 在線(xiàn)): lowercase
letters with tone marks. `extract` reads past them; a seed holds what the page prints read past them (消費維權), and
only a phrase is quoted as stored, glosses and all.
"""

PINYIN_GLOSS = r"(?<=[\u4e00-\u9fff])[（(][a-zü\u00e0-\u00fc\u0101-\u01dc]{1,6}[）)]"
