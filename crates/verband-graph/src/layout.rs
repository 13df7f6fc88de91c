//! Force-directed layout: Fruchterman–Reingold with a Barnes–Hut quadtree for the repulsion.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::graph::{Graph, NodeId};

/// Options for [`force_directed`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Seed for the random start positions (ChaCha8); equal seeds give equal layouts.
    pub seed: u64,
    /// Number of force steps; the temperature (largest step) falls linearly to 0 over them.
    pub iterations: usize,
    /// Barnes–Hut opening angle: a quadtree cell of side s at distance d counts as one body when
    /// s/d < θ. 0 means exact O(n²) repulsion; larger is faster and coarser.
    pub theta: f64,
    /// Pull towards the centre, so that separate components stay in view (0 = none, as networkx).
    pub gravity: f64,
    /// Scale attraction along an edge by its weight (as a strength).
    pub weighted: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { seed: 42, iterations: 200, theta: 0.9, gravity: 0.3, weighted: false }
    }
}

/// Fruchterman–Reingold layout, like networkx `spring_layout` (optimal distance k = 1/√n in a unit
/// square, repulsion k²/d between every pair, attraction d²/k along edges, linear cooling from
/// 0.1), with three differences: repulsion is approximated with a Barnes–Hut quadtree
/// (O(n log n) per step), a weak gravity keeps components together, and the random start comes
/// from `seed` via ChaCha8. Edge direction is ignored.
///
/// Returns one `[x, y]` per node, centred on the mean and scaled so the largest coordinate has
/// absolute value 1 (networkx's `rescale_layout`). One node sits at the origin; the empty graph
/// gives an empty vector. Deterministic for a seed, whatever the number of threads.
pub fn force_directed(g: &Graph, opts: LayoutOptions) -> Vec<[f64; 2]> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let mut pos: Vec<[f64; 2]> = (0..n).map(|_| [rng.gen::<f64>(), rng.gen::<f64>()]).collect();
    let k = (1.0 / n as f64).sqrt();
    let k2 = k * k;
    let iterations = opts.iterations.max(1);
    let t0 = 0.1;
    let weighted = opts.weighted && g.is_weighted();
    let mut tree = QuadTree::default();
    let mut next = pos.clone();
    for step in 0..iterations {
        let temperature = t0 * (1.0 - step as f64 / iterations as f64);
        tree.build(&pos);
        let centre = mean(&pos);
        next.par_iter_mut().with_min_len(64).enumerate().for_each(|(i, out)| {
            let p = pos[i];
            let mut f = tree.repulsion(i as u32, p, &pos, opts.theta, k2);
            let mut attract = |j: NodeId, w: f64| {
                let q = pos[j as usize];
                let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                let d = (dx * dx + dy * dy).sqrt();
                // d²/k along the unit vector = (dx, dy)·d/k
                let s = w * d / k;
                f[0] -= dx * s;
                f[1] -= dy * s;
            };
            let v = i as NodeId;
            let outs = g.out_neighbors(v).iter().zip(weight_iter(g.out_weights(v), weighted));
            for (&j, w) in outs {
                attract(j, w);
            }
            if g.is_directed() {
                for (&j, w) in g.in_neighbors(v).iter().zip(weight_iter(g.in_weights(v), weighted)) {
                    attract(j, w);
                }
            }
            f[0] -= opts.gravity * (p[0] - centre[0]);
            f[1] -= opts.gravity * (p[1] - centre[1]);
            let len = (f[0] * f[0] + f[1] * f[1]).sqrt();
            *out = if len > 0.0 {
                let s = len.min(temperature) / len;
                [p[0] + f[0] * s, p[1] + f[1] * s]
            } else {
                p
            };
        });
        std::mem::swap(&mut pos, &mut next);
    }
    rescale(&mut pos);
    pos
}

fn weight_iter(ws: Option<&[f64]>, weighted: bool) -> impl Iterator<Item = f64> + '_ {
    let ws = if weighted { ws } else { None };
    let len = ws.map_or(usize::MAX, <[f64]>::len);
    (0..len).map(move |i| ws.map_or(1.0, |w| w[i]))
}

fn mean(pos: &[[f64; 2]]) -> [f64; 2] {
    let (sx, sy) = pos.iter().fold((0.0, 0.0), |(x, y), p| (x + p[0], y + p[1]));
    [sx / pos.len() as f64, sy / pos.len() as f64]
}

fn rescale(pos: &mut [[f64; 2]]) {
    let c = mean(pos);
    let mut lim = 0.0f64;
    for p in pos.iter_mut() {
        p[0] -= c[0];
        p[1] -= c[1];
        lim = lim.max(p[0].abs()).max(p[1].abs());
    }
    if lim > 0.0 {
        for p in pos.iter_mut() {
            p[0] /= lim;
            p[1] /= lim;
        }
    }
}

const LEAF_SIZE: usize = 8;
const MAX_DEPTH: u32 = 30;
const NO_CHILD: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Cell {
    com: [f64; 2],
    mass: f64,
    /// Side length of the cell's square.
    size: f64,
    children: [u32; 4],
    /// Range in `QuadTree::perm` of the points under this cell.
    start: u32,
    end: u32,
}

/// Quadtree rebuilt every step; points are kept in `perm`, each cell owning a contiguous range.
#[derive(Debug, Default)]
struct QuadTree {
    cells: Vec<Cell>,
    perm: Vec<u32>,
}

impl QuadTree {
    fn build(&mut self, pos: &[[f64; 2]]) {
        self.cells.clear();
        self.perm.clear();
        self.perm.extend(0..pos.len() as u32);
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for p in pos {
            for a in 0..2 {
                lo[a] = lo[a].min(p[a]);
                hi[a] = hi[a].max(p[a]);
            }
        }
        let size = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(1e-12);
        let mut perm = std::mem::take(&mut self.perm);
        self.node(pos, &mut perm, 0, lo, size, 0);
        self.perm = perm;
    }

    /// Builds the cell for `perm[start..]` (the slice passed in) with corner `lo` and side `size`.
    fn node(&mut self, pos: &[[f64; 2]], perm: &mut [u32], start: usize, lo: [f64; 2], size: f64, depth: u32) -> u32 {
        let id = self.cells.len() as u32;
        let (mut sx, mut sy) = (0.0, 0.0);
        for &i in perm.iter() {
            sx += pos[i as usize][0];
            sy += pos[i as usize][1];
        }
        let mass = perm.len() as f64;
        self.cells.push(Cell {
            com: [sx / mass, sy / mass],
            mass,
            size,
            children: [NO_CHILD; 4],
            start: start as u32,
            end: (start + perm.len()) as u32,
        });
        if perm.len() <= LEAF_SIZE || depth >= MAX_DEPTH {
            return id;
        }
        let half = size / 2.0;
        let mid = [lo[0] + half, lo[1] + half];
        // Split by y, then each half by x: quadrants (low y, low x), (low y, high x), …
        let split_y = partition(perm, |i| pos[i as usize][1] < mid[1]);
        let (bottom, top) = perm.split_at_mut(split_y);
        let split_b = partition(bottom, |i| pos[i as usize][0] < mid[0]);
        let split_t = partition(top, |i| pos[i as usize][0] < mid[0]);
        let (b0, b1) = bottom.split_at_mut(split_b);
        let (t0, t1) = top.split_at_mut(split_t);
        let quads = [
            (b0, start, lo),
            (b1, start + split_b, [mid[0], lo[1]]),
            (t0, start + split_y, [lo[0], mid[1]]),
            (t1, start + split_y + split_t, mid),
        ];
        for (q, (slice, s, corner)) in quads.into_iter().enumerate() {
            if !slice.is_empty() {
                let child = self.node(pos, slice, s, corner, half, depth + 1);
                self.cells[id as usize].children[q] = child;
            }
        }
        id
    }

    /// Repulsive force k²/d on point `i` at `p` from all other points (approximated).
    fn repulsion(&self, i: u32, p: [f64; 2], pos: &[[f64; 2]], theta: f64, k2: f64) -> [f64; 2] {
        let mut f = [0.0, 0.0];
        let theta2 = theta * theta;
        let mut stack: Vec<u32> = Vec::with_capacity(64);
        if !self.cells.is_empty() {
            stack.push(0);
        }
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            let (dx, dy) = (p[0] - cell.com[0], p[1] - cell.com[1]);
            let d2 = dx * dx + dy * dy;
            let is_leaf = cell.children == [NO_CHILD; 4];
            if !is_leaf && cell.size * cell.size < theta2 * d2 {
                let s = cell.mass * k2 / d2;
                f[0] += dx * s;
                f[1] += dy * s;
            } else if is_leaf {
                for &j in &self.perm[cell.start as usize..cell.end as usize] {
                    if j == i {
                        continue;
                    }
                    let q = pos[j as usize];
                    let (mut dx, mut dy) = (p[0] - q[0], p[1] - q[1]);
                    let mut d2 = dx * dx + dy * dy;
                    if d2 < 1e-24 {
                        // Coincident points: push apart in a direction fixed by the pair's ids, so
                        // the result stays deterministic.
                        let angle = (i.wrapping_mul(2_654_435_761) ^ j) as f64;
                        dx = 1e-6 * angle.cos();
                        dy = 1e-6 * angle.sin();
                        d2 = 1e-12;
                    }
                    let s = k2 / d2;
                    f[0] += dx * s;
                    f[1] += dy * s;
                }
            } else {
                stack.extend(cell.children.iter().copied().filter(|&ch| ch != NO_CHILD));
            }
        }
        f
    }
}

/// In-place partition; returns the number of elements satisfying `pred` (now at the front).
fn partition(v: &mut [u32], pred: impl Fn(u32) -> bool) -> usize {
    let mut k = 0;
    for i in 0..v.len() {
        if pred(v[i]) {
            v.swap(i, k);
            k += 1;
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: [f64; 2], b: [f64; 2]) -> f64 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    #[test]
    fn tiny_graphs() {
        let empty = Graph::from_edges(0, false, &[]).unwrap();
        assert!(force_directed(&empty, LayoutOptions::default()).is_empty());
        let one = Graph::from_edges(1, false, &[]).unwrap();
        assert_eq!(force_directed(&one, LayoutOptions::default()), vec![[0.0, 0.0]]);
        let two = Graph::from_edges(2, false, &[(0, 1, None)]).unwrap();
        let p = force_directed(&two, LayoutOptions::default());
        assert!(p.iter().flatten().all(|c| c.is_finite() && c.abs() <= 1.0 + 1e-12));
        assert!(dist(p[0], p[1]) > 0.5);
    }

    #[test]
    fn deterministic_bounded_and_neighbours_close() {
        // Two 20-cycles joined by one edge: linked nodes should sit closer than average.
        let mut e: Vec<(u32, u32, Option<f64>)> = Vec::new();
        for i in 0..20u32 {
            e.push((i, (i + 1) % 20, None));
            e.push((20 + i, 20 + (i + 1) % 20, None));
        }
        e.push((0, 20, None));
        let g = Graph::from_edges(40, false, &e).unwrap();
        let a = force_directed(&g, LayoutOptions::default());
        let b = force_directed(&g, LayoutOptions::default());
        assert_eq!(a, b);
        let c = force_directed(&g, LayoutOptions { seed: 1, ..Default::default() });
        assert_ne!(a, c);
        let max = a.iter().flatten().fold(0.0f64, |m, c| m.max(c.abs()));
        assert!((max - 1.0).abs() < 1e-12);
        let edge_mean = e.iter().map(|&(u, v, _)| dist(a[u as usize], a[v as usize])).sum::<f64>() / e.len() as f64;
        let mut all = 0.0;
        for i in 0..40 {
            for j in 0..40 {
                all += dist(a[i], a[j]);
            }
        }
        let all_mean = all / (40.0 * 39.0);
        assert!(edge_mean < 0.5 * all_mean, "edges {edge_mean} vs all {all_mean}");
    }

    #[test]
    fn barnes_hut_close_to_exact_repulsion() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let pos: Vec<[f64; 2]> = (0..500).map(|_| [rng.gen::<f64>(), rng.gen::<f64>()]).collect();
        let mut tree = QuadTree::default();
        tree.build(&pos);
        let k2 = 1.0 / 500.0;
        for i in [0u32, 17, 250, 499] {
            let approx = tree.repulsion(i, pos[i as usize], &pos, 0.5, k2);
            let exact = tree.repulsion(i, pos[i as usize], &pos, 0.0, k2);
            let err = dist(approx, exact) / (exact[0].hypot(exact[1]) + 1e-9);
            assert!(err < 0.05, "node {i}: relative error {err}");
        }
    }
}
