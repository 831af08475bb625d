//! Scenario tests: the grammar, its errors, the graph checks and scoring.

use super::*;

pub(super) const SPEC_EXAMPLE: &str = "# start
A 19-year-old woman is found at the bus station with no passport. Her
\"employer\" is waiting outside.
* Interview her at once, with the employer present -> employer
* Arrange a separate interview with an interpreter -> separate (+2)

# employer
She repeats what she was told to say. The chance is lost.
* Go back -> start

# separate (end)
She describes the debt and the confiscated passport.
";

#[test]
fn spec_example_parses() {
    let s = parse(SPEC_EXAMPLE).expect("valid");
    assert_eq!(s.steps.len(), 3);
    assert_eq!(s.best(), 2);
    assert!(s.good(0, 1));
    assert!(!s.good(0, 0));
}
