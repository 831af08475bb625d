//! Handing memory a finished stage freed back to the system, so the next
//! stage does not add to a peak the previous one made: mimalloc, the
//! binary's allocator (`main.rs`), otherwise keeps freed pages for reuse.

/// Give freed memory back to the system now.
pub fn release_free_memory() {
    // SAFETY: mi_collect takes no pointers and may be called at any time
    // from any thread; when mimalloc is not the allocator (the library's
    // tests) it has nothing to do.
    unsafe { libmimalloc_sys::mi_collect(true) };
}
