# Oʻquv kursining umumiy matnlari (oʻzbek tili, lotin yozuvi).

course-title = Odam savdosiga qarshi kurashish
course-description = Oʻzbekiston huquqni muhofaza qiluvchi organlari xodimlari, prokurorlar va sudyalar uchun oʻquv kursi: odam savdosi tushunchasi, tergov, jinoiy taʼqib va ishlarni sudda koʻrish.
course-short-title = Odam savdosiga qarshi kurash
course-organisation = «Namuna» oʻquv akademiyasi
course-audience = Tergovchilar, tezkor xodimlar, prokurorlar, sudyalar va oʻquv muassasalari oʻqituvchilari
course-disclaimer = Barcha ish misollari toʻqima. Kurs huquqiy maslahat emas, balki oʻquv qoʻllanmasidir: har doim qonunning amaldagi rasmiy matniga tayaning.
