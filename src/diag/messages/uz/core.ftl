# Har bir hisobotning qolipi: xato va ogohlantirish soʻzlari, maslahat, yakun.

diag-error = xato
diag-warning = ogohlantirish
diag-hint = maslahat
diag-summary = { $errors } ta xato, { $warnings } ta ogohlantirish
diag-more = … va { $file } faylida shunga oʻxshash yana { $count } ta [{ $code }] bor (hammasini `darslik check --format json` koʻrsatadi)
diag-more-course = … va kursda shunga oʻxshash yana { $count } ta [{ $code }] bor (hammasini `darslik check --format json` koʻrsatadi)
