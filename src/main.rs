// mimalloc: the build allocates many small strings from two threads; glibc's
// malloc spent ~17 % of a build in malloc/free and kept freed memory
// fragmented (peak RSS). See benches/run.sh for the figures.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    darslik::memory::prefer_small_pages();
    std::process::exit(darslik::cli::main());
}
