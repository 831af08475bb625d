//! Keys of a text, cached per thread: the fast hash, the word cache and the
//! marks that number a page's keys.

use std::sync::Arc;

use super::*;

/// A small fast hash for the word cache (words are short; no untrusted
/// keys choose the table's size): eight bytes at a time, rotate, xor,
/// multiply, as rustc's FxHash.
#[derive(Default)]
pub struct Fnv(u64);

impl Fnv {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
}

pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// What a page's reader writes beside a key of the thread's cache while it
/// reads a page (see [`for_each_marked_key`]): starts as all zeros.
#[derive(Debug, Default, Clone, Copy)]
pub struct Mark {
    /// The [`new_page`] number of the page that last wrote here.
    pub page: u32,
    /// Free for the reader: the key's number on that page, say.
    pub id: u32,
    /// Free for the reader: the last unit of that page that had the key.
    pub unit: u32,
}

/// A word that gives no usable key.
pub(super) const NO_KEY: u32 = u32::MAX;

/// Per thread and language: word → its key's place in `keys` (or
/// [`NO_KEY`]), key → its place, and the keys, each stored once and shared
/// by every page that has it, with their marks.
#[derive(Default)]
pub(super) struct KeyCache {
    words: FastMap<Box<str>, u32>,
    places: FastMap<Arc<str>, u32>,
    keys: Vec<(Arc<str>, Mark)>,
    /// The number of the page being read.
    page: u32,
}

thread_local! {
    /// A course repeats its words a lot.
    static KEYS: std::cell::RefCell<[KeyCache; 4]> = Default::default();
}

/// Call `f` with the key of each usable word of a text, in order (what
/// [`keys`] returns), remembering the key of every word seen on this thread.
pub fn for_each_key(text: &str, lang: Lang, mut f: impl FnMut(&str)) {
    new_page(lang);
    for_each_marked_key(text, lang, |k, _| f(k));
}

/// Start a new page on this thread; its number (never 0). The word cache
/// starts again when it has grown large (never in the middle of a page,
/// whose keys stay one shared string each, with their marks).
pub fn new_page(lang: Lang) -> u32 {
    KEYS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let c = &mut cache[lang as usize];
        if c.words.len() > 1 << 20 {
            c.words.clear();
            c.places.clear();
            c.keys.clear();
        }
        c.page = c.page.wrapping_add(1).max(1);
        c.page
    })
}

/// [`for_each_key`], each key as a shared string (on a thread, the same key
/// is the same allocation between two calls of [`new_page`]) with its mark,
/// which the caller may change: a page's reader numbers the page's keys and
/// tells a unit's distinct keys apart without a map of its own.
pub fn for_each_marked_key(text: &str, lang: Lang, mut f: impl FnMut(&Arc<str>, &mut Mark)) {
    KEYS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let KeyCache {
            words,
            places,
            keys,
            ..
        } = &mut cache[lang as usize];
        for_each_word(text, lang, |w| {
            let place = match words.get(w) {
                Some(p) => *p,
                None => {
                    let k = key(w, lang);
                    let place = if usable(&k) {
                        match places.get(k.as_str()) {
                            Some(p) => *p,
                            None => {
                                let shared: Arc<str> = Arc::from(k);
                                let p = keys.len() as u32;
                                keys.push((shared.clone(), Mark::default()));
                                places.insert(shared, p);
                                p
                            }
                        }
                    } else {
                        NO_KEY
                    };
                    words.insert(w.into(), place);
                    place
                }
            };
            if let Some((k, mark)) = keys.get_mut(place as usize) {
                f(k, mark);
            }
        });
    });
}
