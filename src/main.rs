fn main() {
    std::process::exit(darslik::cli::main());
}
