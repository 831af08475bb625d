//! The scenario as a graph: reachability, loops, and the best score from
//! each step (SPEC §8, contract §2).
//!
//! Every function here works on any [`Scenario`], also one that did not
//! come from the parser: out-of-range targets are ignored, never indexed.

use super::Scenario;

/// What is wrong with a scenario's graph, by step index.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct GraphProblems {
    /// Steps not reachable from the first step.
    pub unreachable: Vec<usize>,
    /// Reachable steps from which no ending (and no dead end, reported on
    /// its own) can be reached.
    pub no_way_out: Vec<usize>,
    /// (step, choice) of each choice with positive points whose target can
    /// lead back to its step.
    pub points_loops: Vec<(usize, usize)>,
}

/// The targets of step `i` that exist.
fn targets(s: &Scenario, i: usize) -> impl Iterator<Item = usize> + '_ {
    let n = s.steps.len();
    s.steps
        .get(i)
        .into_iter()
        .flat_map(|st| st.choices.iter().map(|c| c.target))
        .filter(move |t| *t < n)
}

/// Steps reachable from the first one, in breadth-first order, with their
/// depth (`usize::MAX` for the unreachable ones).
pub fn depths(s: &Scenario) -> Vec<usize> {
    let n = s.steps.len();
    let mut depth = vec![usize::MAX; n];
    if n == 0 {
        return depth;
    }
    let mut queue = std::collections::VecDeque::from([0usize]);
    depth[0] = 0;
    while let Some(u) = queue.pop_front() {
        for v in targets(s, u) {
            if depth[v] == usize::MAX {
                depth[v] = depth[u] + 1;
                queue.push_back(v);
            }
        }
    }
    depth
}

/// Strongly connected components (Kosaraju, iterative): a component number
/// per step.
pub fn components(s: &Scenario) -> Vec<usize> {
    let n = s.steps.len();
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    for root in 0..n {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(root, targets(s, root).collect())];
        while let Some((u, next)) = stack.last_mut() {
            if let Some(v) = next.pop() {
                if !seen[v] {
                    seen[v] = true;
                    let vs = targets(s, v).collect();
                    stack.push((v, vs));
                }
            } else {
                order.push(*u);
                stack.pop();
            }
        }
    }
    let mut rev: Vec<Vec<usize>> = vec![Vec::new(); n];
    for u in 0..n {
        for v in targets(s, u) {
            rev[v].push(u);
        }
    }
    let mut comp = vec![usize::MAX; n];
    let mut c = 0;
    for &root in order.iter().rev() {
        if comp[root] != usize::MAX {
            continue;
        }
        comp[root] = c;
        let mut stack = vec![root];
        while let Some(u) = stack.pop() {
            for &v in &rev[u] {
                if comp[v] == usize::MAX {
                    comp[v] = c;
                    stack.push(v);
                }
            }
        }
        c += 1;
    }
    comp
}

/// The graph checks of contract §1: unreachable steps, steps with no way
/// out, choices with points inside a loop.
pub fn check(s: &Scenario) -> GraphProblems {
    let n = s.steps.len();
    let mut out = GraphProblems::default();
    if n == 0 {
        return out;
    }
    let depth = depths(s);
    out.unreachable = (0..n).filter(|i| depth[*i] == usize::MAX).collect();

    // Steps from which an ending (or a dead end, already an error) can be
    // reached: backwards from those.
    let mut rev: Vec<Vec<usize>> = vec![Vec::new(); n];
    for u in 0..n {
        for v in targets(s, u) {
            rev[v].push(u);
        }
    }
    let mut exits = vec![false; n];
    let mut stack: Vec<usize> = (0..n)
        .filter(|i| s.steps[*i].end || s.steps[*i].choices.is_empty())
        .collect();
    for &i in &stack {
        exits[i] = true;
    }
    while let Some(v) = stack.pop() {
        for &u in &rev[v] {
            if !exits[u] {
                exits[u] = true;
                stack.push(u);
            }
        }
    }
    out.no_way_out = (0..n)
        .filter(|i| depth[*i] != usize::MAX && !exits[*i])
        .collect();

    let comp = components(s);
    for (i, st) in s.steps.iter().enumerate() {
        for (j, c) in st.choices.iter().enumerate() {
            if c.points > 0 && c.target < n && comp[c.target] == comp[i] {
                out.points_loops.push((i, j));
            }
        }
    }
    out
}

/// The highest sum of points from each step to an ending (`None` when no
/// ending can be reached), leaving out step `skip` if given. Bellman-Ford:
/// exact when no loop holds positive points (the parser rejects those),
/// since a longest walk then needs each step at most once; otherwise
/// bounded by the number of rounds.
fn longest(s: &Scenario, skip: Option<usize>) -> Vec<Option<i64>> {
    let n = s.steps.len();
    let mut best: Vec<Option<i64>> = s
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| (st.end && Some(i) != skip).then_some(0))
        .collect();
    // Deepest steps first: on the acyclic parts one round is enough.
    let depth = depths(s);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(depth[i]), i));
    for _ in 0..n {
        let mut changed = false;
        for &i in &order {
            let st = &s.steps[i];
            if st.end || Some(i) == skip {
                continue;
            }
            for c in &st.choices {
                let Some(Some(b)) = best.get(c.target).copied() else {
                    continue;
                };
                let cand = b + i64::from(c.points);
                if best[i].is_none_or(|cur| cand > cur) {
                    best[i] = Some(cand);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    best
}

fn clamp(b: i64) -> i32 {
    i32::try_from(b.clamp(i64::from(i32::MIN), i64::from(i32::MAX))).unwrap_or(0)
}

/// best(s) for every step: the highest sum of points from the step to an
/// ending (0 at an ending, and 0 for a step from which no ending can be
/// reached).
pub fn best_from(s: &Scenario) -> Vec<i32> {
    longest(s, None)
        .into_iter()
        .map(|b| clamp(b.unwrap_or(0)))
        .collect()
}

/// Which choices are good: `points + best(target) == best(step)`, and the
/// best path through the choice need not come back to the step. Without
/// the second condition a detour through a loop of 0 points (the SPEC's
/// "Go back -> start") would count as a right choice: a step from which
/// every path leads back scores the same as the step itself.
pub fn good_all(s: &Scenario) -> Vec<Vec<bool>> {
    let best = longest(s, None);
    let comp = components(s);
    s.steps
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let mut avoiding: Option<Vec<Option<i64>>> = None;
            st.choices
                .iter()
                .map(|c| {
                    let t = c.target;
                    let (Some(Some(bt)), Some(bs)) = (best.get(t).copied(), best[i]) else {
                        return false;
                    };
                    if st.end || bt + i64::from(c.points) != bs {
                        return false;
                    }
                    if comp.get(t) != comp.get(i) {
                        return true;
                    }
                    // The target can lead back here: is its best reached
                    // without this step?
                    let a = avoiding.get_or_insert_with(|| longest(s, Some(i)));
                    a.get(t).copied().flatten() == Some(bt)
                })
                .collect()
        })
        .collect()
}
