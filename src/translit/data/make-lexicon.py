#!/usr/bin/env python3
"""Derives darslik's transliteration lexicon from Debian's hunspell word lists.

    apt-get download hunspell-uz hunspell-ru   # 0.6-6 and 1:7.5.0-1
    dpkg-deb -x hunspell-uz_*.deb x && dpkg-deb -x hunspell-ru_*.deb x
    python3 src/translit/data/make-lexicon.py x/usr/share/hunspell src/translit/data

Writes two sorted, lower-case word lists (one word per line, UTF-8):

* lexicon-uz.txt: every word form of hunspell-uz's uz_UZ.dic (Uzbek Cyrillic,
  Copyright (C) 2004-2006 Mashrab Kuvatov, GPL-2+), unchanged but for case,
  de-duplication and order;
* lexicon-ru.txt: the headwords of hunspell-ru's ru_RU.dic (Copyright
  1997-2008 Alexander I. Lebedev, BSD-style licence, see LICENSE-ru_RU.txt)
  that can be Uzbek loans and that no context rule spells: words with one of
  ц ь ъ ё ю я э щ, no ы, not a verb or adjective ending; a headword spelt
  with е where the list also has it with ё is left out (Uzbek Cyrillic writes
  the ё). This is a modified version of the list: only these headwords,
  without the affix flags.
"""
import os
import sys

SPECIAL = set("цьъёюяэщ")
# Russian verb and adjective endings: not borrowed into Uzbek in this form.
NOT_LOAN = ("ть", "ться", "тся", "чь", "сь", "ся", "ый", "ая", "ое", "ые", "яя", "ее", "ешь", "ишь",
            "щий", "щая", "вший", "вшая")
# Russian words that are an Uzbek word with a soft sign added (банка/банька,
# завод/заводь, чунки/чуньки, тилда/тильда): the Uzbek word is meant.
NOT_LOANS = {"банька", "заводь", "тильда", "чуньки"}
CYR = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳ-")


def read_dic(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    out = []
    for line in lines[1:]:
        word = line.split("/", 1)[0].strip()
        if word:
            out.append(word)
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    uz = sorted({w.lower() for w in read_dic(os.path.join(src, "uz_UZ.dic"))
                 if set(w.lower()) <= CYR and not w.startswith("-")})
    ru_all = {w.lower() for w in read_dic(os.path.join(src, "ru_RU.dic"))}
    ru = set()
    for w in ru_all:
        if not set(w) <= CYR or "ы" in w or w.startswith("-") or w.endswith("-"):
            continue
        if not (set(w) & SPECIAL) or w.endswith(NOT_LOAN) or len(w) < 3 or w in NOT_LOANS:
            continue
        if any(w[:i] + "ё" + w[i + 1:] in ru_all for i, c in enumerate(w) if c == "е"):
            continue
        ru.add(w)
    for name, words in (("lexicon-uz.txt", uz), ("lexicon-ru.txt", sorted(ru))):
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            f.write("\n".join(words) + "\n")
        print(name, len(words))


if __name__ == "__main__":
    main()
