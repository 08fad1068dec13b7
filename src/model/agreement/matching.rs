//! One-to-one matching of two annotators' spans: exact, and optimal by overlap.
//!
//! Overlap matching pairs spans whose intersection over union (IoU) reaches a threshold, each
//! span used at most once. The matching is **optimal**, not greedy: among all one-to-one
//! matchings it has the most pairs, and among those the largest total IoU. It is found with the
//! Hungarian algorithm (Kuhn 1955, Munkres 1957; the potentials version, O(n²·m)) run on each
//! connected component of the "may be matched" graph, with weight `big + IoU` for an allowed
//! pair (`big` larger than any possible IoU total, so cardinality comes first) and 0 otherwise.
//! Remaining ties (same count, same total IoU) go to the lowest indexes the algorithm meets
//! first, deterministically.

use crate::model::Span;

/// The IoU threshold of the overlap matching: pairs need `IoU >= 0.5`.
pub const IOU_THRESHOLD: f64 = 0.5;

/// Intersection over union of two spans: `|a ∩ b| / |a ∪ b|`, 0 when they do not overlap.
pub fn iou(a: Span, b: Span) -> f64 {
    let inter = a.intersection(b).map_or(0, |s| s.len());
    if inter == 0 {
        return 0.0;
    }
    let union = a.len() + b.len() - inter;
    inter as f64 / union as f64
}

/// The one-to-one pairs `(i, j)` with `a[i] == b[j]`; a span repeated in both lists is paired
/// as many times as it occurs in both.
pub fn match_exact(a: &[Span], b: &[Span]) -> Vec<(usize, usize)> {
    let mut ia: Vec<usize> = (0..a.len()).collect();
    let mut ib: Vec<usize> = (0..b.len()).collect();
    ia.sort_by_key(|&i| (a[i], i));
    ib.sort_by_key(|&j| (b[j], j));
    let (mut x, mut y) = (0, 0);
    let mut out = Vec::new();
    while x < ia.len() && y < ib.len() {
        let (sa, sb) = (a[ia[x]], b[ib[y]]);
        if sa == sb {
            out.push((ia[x], ib[y]));
            x += 1;
            y += 1;
        } else if sa < sb {
            x += 1;
        } else {
            y += 1;
        }
    }
    out
}

/// The optimal one-to-one matching of `a` against `b` among pairs with `IoU >= threshold`
/// (and a real overlap): most pairs first, then largest total IoU. Pairs are `(i, j)`,
/// indexes into `a` and `b`, sorted by `i`.
pub fn match_overlap(a: &[Span], b: &[Span], threshold: f64) -> Vec<(usize, usize)> {
    // Allowed pairs, and the components they form (nodes: a's then b's).
    let mut parent: Vec<usize> = (0..a.len() + b.len()).collect();
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    for (i, &sa) in a.iter().enumerate() {
        for (j, &sb) in b.iter().enumerate() {
            let w = iou(sa, sb);
            if w > 0.0 && w >= threshold {
                edges.push((i, j, w));
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, a.len() + j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<(usize, usize, f64)>> =
        std::collections::BTreeMap::new();
    for &(i, j, w) in &edges {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push((i, j, w));
    }
    let mut out = Vec::new();
    for group in groups.values() {
        out.extend(match_component(group));
    }
    out.sort_unstable();
    out
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Maximum-weight matching of one component, by the Hungarian algorithm.
fn match_component(edges: &[(usize, usize, f64)]) -> Vec<(usize, usize)> {
    let mut rows: Vec<usize> = edges.iter().map(|e| e.0).collect();
    let mut cols: Vec<usize> = edges.iter().map(|e| e.1).collect();
    rows.sort_unstable();
    rows.dedup();
    cols.sort_unstable();
    cols.dedup();
    if edges.len() == 1 {
        return vec![(edges[0].0, edges[0].1)];
    }
    let transpose = rows.len() > cols.len();
    let (n, m) = if transpose {
        (cols.len(), rows.len())
    } else {
        (rows.len(), cols.len())
    };
    let big = (n + 1) as f64;
    // cost = (big + 1) - weight, weight 0 for a pair that may not be matched.
    let mut cost = vec![vec![big + 1.0; m]; n];
    let mut allowed = vec![vec![false; m]; n];
    for &(i, j, w) in edges {
        let (Ok(r), Ok(c)) = (rows.binary_search(&i), cols.binary_search(&j)) else {
            continue;
        };
        let (r, c) = if transpose { (c, r) } else { (r, c) };
        cost[r][c] = 1.0 - w;
        allowed[r][c] = true;
    }
    let mut out = Vec::new();
    for (r, c) in hungarian(&cost) {
        if allowed[r][c] {
            let (r, c) = if transpose { (c, r) } else { (r, c) };
            out.push((rows[r], cols[c]));
        }
    }
    out
}

/// Minimum-cost assignment of every row of an `n × m` matrix (`n <= m`) to a distinct column:
/// the Hungarian algorithm with potentials. Returns `(row, column)` pairs.
fn hungarian(cost: &[Vec<f64>]) -> Vec<(usize, usize)> {
    let n = cost.len();
    let m = cost.first().map_or(0, |r| r.len());
    // 1-based: index 0 is the virtual column / row of the algorithm.
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0usize;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if cur < minv[j] {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if minv[j] < delta {
                    delta = minv[j];
                    j1 = j;
                }
            }
            if j1 == 0 {
                break; // unreachable when n <= m; guards against a malformed matrix
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        while j0 != 0 {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        }
    }
    (1..=m)
        .filter(|&j| p[j] != 0)
        .map(|j| (p[j] - 1, j - 1))
        .collect()
}
