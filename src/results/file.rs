//! A learner's results file: reading and checking it.
