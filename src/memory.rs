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

/// Ask the kernel for ordinary 4 KB pages only (no transparent huge pages)
/// for this process. mimalloc marks its memory for huge pages; the kernel
/// then zeroes 2 MB at the first touch of each, and a build frees and
/// reuses memory stage by stage: on the large benchmark course, peak
/// resident memory 276–284 MB with huge pages, 240–246 MB without, in the
/// same time (6 runs each, interleaved). Linux only; elsewhere nothing.
pub fn prefer_small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_THP_DISABLE) takes no pointers and only sets a
    // flag of this process; a failure (an old kernel) changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
