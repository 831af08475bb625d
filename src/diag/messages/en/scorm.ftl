# SCORM packages: the Moodle pre-flight (build and `darslik verify`) and
# writing the packages. Area owner: scorm.

## Writing the packages

scorm-cannot-compress = cannot compress: { $reason }
scorm-cannot-read = cannot read { $file }: { $reason }
scorm-cannot-read-hint = was the file removed while building? build again
scorm-theme-static = the theme has no { $file }, which SCORM packages need
scorm-theme-static-hint = restore the file in themes/<name>/static/ or remove the override
scorm-cannot-make = cannot make { $package }: { $reason }
scorm-cannot-write = cannot write { $package }: { $reason }
scorm-cannot-write-hint = is the disk full, or the output folder read-only?
scorm-suspend-budget = module `{ $module }` is too large for SCORM 1.2: its saved state could need { $chars } characters, more than the { $max } an LMS keeps
scorm-suspend-budget-hint = split the module, or use fewer questions, options or scenarios

## `darslik verify`: the file given

scorm-verify-cannot-read = cannot read { $file }: { $reason }
scorm-verify-not-plain = { $file } is not a plain file ({ $kind }); give the path of a SCORM zip or of a bundle folder

## The zip

scorm-zip-unreadable = This is not a readable zip archive ({ $detail }). Moodle refuses the upload: "{ $moodle }". Rebuild the package with darslik, or re-create the zip, and copy it again (a partly copied file looks like this).
scorm-zip-too-many-files = The zip holds { $count } files; a package may hold at most { $max } (a course package holds hundreds). Moodle would time out unpacking it. Build the package again.
scorm-zip-claims-files = The zip says it holds { $count } files; darslik reads at most { $max } (a course package holds hundreds). It is not a package darslik made; Moodle would time out unpacking it. Build the package again.
scorm-zip-directory-too-large = The zip's list of files is { $mb } MB; darslik reads at most { $max } MB (a course package's is a few KB). It is not a package darslik made. Build the package again.
scorm-zip-bomb = This file expands more than { $ratio }-fold ({ $kb } KB in the zip, over { $mb } MB unpacked): a zip bomb, made to fill the disk or memory of the server that unpacks it. Do not upload it; build the package again.
scorm-zip-too-large = The files of this zip expand to more than { $mb } MB together (the check stopped at this one). That is not a course package; unpacking it could fill the Moodle server's disk. Build the package again.
scorm-file-too-large = This file expands to more than { $mb } MB. No course file is that large; unpacking it could fill the Moodle server's disk. Build the package again, and keep large videos outside it.
scorm-file-damaged = the file { $file } is damaged (it cannot be unpacked: { $detail }); build the package again. Moodle would unpack a broken file, or refuse the package (a partly copied zip looks like this).
scorm-file-damaged-checksum = the file { $file } is damaged (its checksum does not match); build the package again. Moodle would unpack a broken file, or refuse the package (a partly copied zip looks like this).

## The entries

scorm-entry-unreadable = Entry { $index } of the zip cannot be read ({ $detail }). Moodle's unzip would fail on it. Rebuild the package and copy it again.
scorm-file-encrypted = This file is password-protected inside the zip. Moodle cannot unpack it, so the page that needs it stays broken. Create the zip without a password.
scorm-file-duplicate = The zip holds two files with this name. Moodle keeps only one of them, and which one depends on the server. Rebuild the package.
scorm-file-link = This entry is a symbolic link, not a file. Unpacked on a server it points wherever its text says, outside the package too; darslik never makes links, so the package was changed after it was built. Build the package again.
scorm-file-special = This entry is not a plain file (unix file type { $kind }: a FIFO, device or socket). A course package holds only files; darslik never makes such entries. Build the package again.
scorm-path-unsafe = This path is absolute or climbs out of the package with `..`. Moodle refuses to unpack it outside the package folder, so the file is lost. Keep every file inside the package, with relative paths.
scorm-file-name-unsafe = This file name contains { $chars }. When Moodle unpacks a SCORM zip it deletes the characters { $deleted } and control characters from file names, so the file is stored under another name and the pages that use it cannot find it. Rename the file using letters, digits, `-`, `_` and `.`.
scorm-file-name-encoding = This file name is not plain ASCII and the zip does not mark it as UTF-8. Moodle then has to guess its encoding (from the site language), and the name can come out garbled so that links to it break. Use an ASCII name, or a zip tool that sets the UTF-8 flag (darslik does).
scorm-manifest-not-at-root = Moodle refuses this upload: "{ $moodle }". The manifest is inside the folder `{ $folder }`; this happens when the folder itself was zipped. Zip the contents of the folder instead, so that imsmanifest.xml is at the top of the zip.
scorm-manifest-missing = Moodle refuses this upload: "{ $moodle }". This zip is not a SCORM package (or it is an AICC package, which darslik does not check).
scorm-manifest-missing-case = Moodle refuses this upload: "{ $moodle }". The zip has `{ $found }`: Moodle looks for the name exactly as `imsmanifest.xml`, in lower case, at the top of the zip.

## The manifest

scorm-manifest-unreadable = imsmanifest.xml cannot be read from the zip ({ $detail }). Moodle could not read it either. Rebuild the package.
scorm-manifest-too-large = it is larger than { $mb } MB
scorm-manifest-encoding = imsmanifest.xml is not UTF-8 (invalid byte at offset { $offset }). Moodle reads manifests as UTF-8, so titles come out garbled or the parser fails. Save the manifest as UTF-8.
scorm-manifest-char-ref = imsmanifest.xml uses a numeric character reference (line { $line }). Before parsing, Moodle turns every `&` that does not start a named entity into `&amp;`, so a title with `&#...;` shows the code instead of the character. Write the character itself (the manifest is UTF-8).
scorm-manifest-bare-amp = imsmanifest.xml is not well-formed XML (line { $line }: { $detail }): it has a bare `&`. Moodle repairs that before parsing, but other LMSs and SCORM validators reject the package. Write `&amp;`.
scorm-manifest-malformed = imsmanifest.xml is not well-formed XML (line { $line }: { $detail }). Moodle accepts the upload, then its manifest parser fails when the activity is saved or opened. Rebuild the package; do not edit the manifest by hand.
scorm-manifest-root = The manifest's root is <{ $root }> in namespace "{ $ns }", not an unprefixed <manifest> in the SCORM 1.2 ({ $ns12 }) or SCORM 2004 ({ $ns2004 }) namespace. Moodle reads manifest elements by their literal names and would find no course in it.
scorm-schemaversion-missing = The manifest has no <metadata><schemaversion>. Moodle then runs the package as SCORM 1.2. Add <schemaversion>1.2</schemaversion>.
scorm-schemaversion-missing-2004 = The manifest has no <metadata><schemaversion>. Moodle then runs the package as SCORM 1.2, but its namespace says SCORM 2004: the content looks for the 2004 API, does not find it, and records nothing. Add <schemaversion>2004 4th Edition</schemaversion>.
scorm-schemaversion-unknown = Moodle does not recognise <schemaversion>{ $value }</schemaversion> (it knows "1.2", "CAM 1.3", "2004 3rd Edition" and "2004 4th Edition", exactly, without spaces around) and runs the package as SCORM 1.2.
scorm-version-mismatch = The manifest's namespace says { $ns } but <schemaversion> says { $schema }. Moodle follows schemaversion and offers the content the { $schema } API, while the content expects the other one: it finds no LMS and records nothing.
scorm-dependency-broken = Resource `{ $resource }` depends on `{ $target }`, which is not a resource of this manifest. Moodle ignores dependencies, but stricter LMSs and SCORM validators refuse the package.
scorm-organization-missing = The manifest has no <organization>. Moodle then lists the bare resources, titled with their identifiers, and the course structure is lost.
scorm-organization-default-absent = <organizations> has no `default` attribute. Moodle starts with the first organization; SCORM requires the attribute.
scorm-organization-default-broken = <organizations default="{ $default }"> names no organization of this manifest. Moodle cannot tell which organization to start, and the activity may open on nothing.
scorm-identifierref-broken = Item `{ $item }` launches resource `{ $target }`, which does not exist. Moodle shows "{ $moodle } { $target }" and the item cannot be opened.
scorm-scormtype-prefix = Resource `{ $target }` says { $prefix }:scormtype="{ $value }". Moodle's manifest reader is not namespace-aware and only reads the attribute under the prefix `adlcp`, so it treats this SCO as a plain asset and records no progress or score. Bind the ADL namespace to the prefix `adlcp`.
scorm-launch-not-sco = Item `{ $item }` launches resource `{ $target }`, which is adlcp:scormtype="{ $value }" rather than adlcp:scormtype="sco". Moodle opens it but records no progress, completion or score for it.
scorm-launch-no-scormtype = Item `{ $item }` launches resource `{ $target }`, which is without adlcp:scormtype rather than adlcp:scormtype="sco". Moodle opens it but records no progress, completion or score for it.
scorm-launch-href-missing = Item `{ $item }` launches resource `{ $target }`, which has no `href`. Moodle has no file to open for this item.
scorm-no-sco = No item of the manifest launches a SCO (a resource with adlcp:scormtype="sco"). Moodle can show the content, but it records no progress, completion or score, so the activity never completes and the gradebook stays empty.
scorm-file-unlisted = This file is in the zip but no resource of imsmanifest.xml lists it. Moodle still serves it, but SCORM requires every file to be listed, and LMSs that copy only listed files would leave it out. Rebuild the package, or list the file.
scorm-identifier-duplicate = The identifier `{ $id }` is used { $count } times. Moodle keeps one entry per identifier, so items disappear or share their tracking data, and SCORM requires identifiers to be unique.
scorm-file-missing = imsmanifest.xml names the file `{ $path }`, but the zip has no such file. In Moodle the page (or the picture, style or script) that needs it stays broken, and a missing launch file means the item cannot open at all. Rebuild the package; check the spelling and upper/lower case.

## What a path given to `verify` is

scorm-kind-fifo = a FIFO, a named pipe
scorm-kind-char-device = a character device
scorm-kind-block-device = a block device
scorm-kind-socket = a socket
scorm-kind-link = a symbolic link
scorm-kind-folder = a folder
scorm-kind-file = a plain file
scorm-kind-other = not a file darslik knows

## Why the manifest is not XML (the detail of `manifest-malformed`)

scorm-xml-reader = { $detail }
scorm-xml-text-outside = text outside the root element
scorm-xml-bad-char-ref = invalid character reference { $reference }
scorm-xml-undefined-entity = undefined entity { $reference }
scorm-xml-never-closed = { $element } is never closed
scorm-xml-no-element = there is no element at all
scorm-xml-second-root = a second top-level element
scorm-xml-too-deep = the document is nested too deeply or is too large
