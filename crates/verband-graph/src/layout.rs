//! Force-directed layout: Fruchterman–Reingold with a Barnes–Hut quadtree for the repulsion,
//! and a multilevel start for large graphs.
//!
//! One force step builds a quadtree over the current positions (bodies sorted along a Morton
//! curve, cells in one flat array), then walks it once per **leaf** rather than once per body:
//! the leaf's bodies share one interaction list (the cells far enough from the whole leaf, and
//! the bodies of the cells that are not), which is then summed for each body in `f32` lanes.
//! Positions, attraction and the step itself stay in `f64`.
//!
//! Graphs with more than [`LayoutOptions::multilevel_above`] nodes are first coarsened by
//! repeated matching (a node merges with the neighbour it is most strongly tied to; nodes left
//! without a partner join a neighbour's pair), down to about [`COARSEST`] nodes. The coarsest
//! graph gets the full `iterations` from random positions; each finer graph starts from its
//! parent's position plus a small jitter and is refined with a quarter of the iterations at a
//! lower temperature. Merged nodes repel with their mass (the number of nodes merged), so the
//! coarse picture already gives crowded regions their room.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::graph::Graph;

/// Options for [`force_directed`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Seed for the random start positions (ChaCha8); equal seeds give equal layouts.
    pub seed: u64,
    /// Number of force steps (on the coarsest graph when the start is multilevel); the
    /// temperature (largest step) falls linearly to 0 over them.
    pub iterations: usize,
    /// Barnes–Hut opening angle: a quadtree cell of side s at distance d counts as one body when
    /// s/d < θ. 0 means exact O(n²) repulsion; larger is faster and coarser.
    pub theta: f64,
    /// Pull towards the centre, so that separate components stay in view (0 = none, as networkx).
    pub gravity: f64,
    /// Scale attraction along an edge by its weight (as a strength).
    pub weighted: bool,
    /// Graphs with more nodes than this get a multilevel start (see the module docs);
    /// `usize::MAX` turns it off.
    pub multilevel_above: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { seed: 42, iterations: 200, theta: 0.9, gravity: 0.3, weighted: false, multilevel_above: 1_000 }
    }
}

/// Coarsening stops once a graph has at most this many nodes (or when a round of matching
/// would shrink it by less than 15 %).
pub const COARSEST: usize = 100;

/// Starting temperature of a refinement, in units of the level's spacing 1/√n.
const REFINE_T0: f64 = 2.0;

/// Fruchterman–Reingold layout, like networkx `spring_layout` (optimal distance k = 1/√n in a unit
/// square, repulsion k²/d between every pair, attraction d²/k along edges, linear cooling from
/// 0.1), with four differences: repulsion is approximated with a Barnes–Hut quadtree
/// (O(n log n) per step), a weak gravity keeps components together, the random start comes
/// from `seed` via ChaCha8, and graphs above [`LayoutOptions::multilevel_above`] nodes start
/// from a layout of a coarsened graph (module docs). Edge direction is ignored.
///
/// Returns one `[x, y]` per node, centred on the mean and scaled so the largest coordinate has
/// absolute value 1 (networkx's `rescale_layout`). One node sits at the origin; the empty graph
/// gives an empty vector. Deterministic for a seed, whatever the number of threads.
pub fn force_directed(g: &Graph, opts: LayoutOptions) -> Vec<[f64; 2]> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let mut levels = vec![Level::from_graph(g, opts.weighted && g.is_weighted())];
    let mut parents: Vec<Vec<u32>> = Vec::new();
    if n > opts.multilevel_above {
        while levels.last().map_or(0, Level::len) > COARSEST {
            let Some((coarse, parent)) = coarsen(levels.last().expect("finest level")) else { break };
            levels.push(coarse);
            parents.push(parent);
        }
    }
    let k = (1.0 / n as f64).sqrt();
    let iterations = opts.iterations.max(1);
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let top = levels.len() - 1;
    let mut pos: Vec<[f64; 2]> = (0..levels[top].len()).map(|_| [rng.gen::<f64>(), rng.gen::<f64>()]).collect();
    let mut sim = Simulation::default();
    sim.run(&levels[top], &mut pos, k, iterations, 0.1, &opts);
    for l in (0..top).rev() {
        let parent = &parents[l];
        let coarse_n = levels[l + 1].len() as f64;
        // Children start around their parent, within a fraction of the coarse spacing.
        let spread = 0.3 / coarse_n.sqrt();
        pos = parent
            .iter()
            .map(|&p| {
                let q = pos[p as usize];
                let (a, r) = (rng.gen::<f64>() * std::f64::consts::TAU, spread * rng.gen::<f64>());
                [q[0] + r * a.cos(), q[1] + r * a.sin()]
            })
            .collect();
        let fine_n = levels[l].len() as f64;
        let t0 = (REFINE_T0 / fine_n.sqrt()).min(0.1);
        sim.run(&levels[l], &mut pos, k, (iterations / 4).max(1), t0, &opts);
    }
    rescale(&mut pos);
    pos
}

/// One graph of the multilevel hierarchy: symmetric adjacency with edge strengths and node masses.
#[derive(Debug)]
struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    mass: Vec<f64>,
}

impl Level {
    /// The graph itself: every node mass 1; a directed graph's arcs count in both rows (a
    /// reciprocated pair pulls twice).
    fn from_graph(g: &Graph, weighted: bool) -> Level {
        let n = g.node_count();
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut targets = Vec::new();
        let mut weights = Vec::new();
        for v in 0..n as u32 {
            let mut add = |row: &[u32], ws: Option<&[f64]>| {
                targets.extend_from_slice(row);
                match ws.filter(|_| weighted) {
                    Some(ws) => weights.extend_from_slice(ws),
                    None => weights.extend(std::iter::repeat_n(1.0, row.len())),
                }
            };
            add(g.out_neighbors(v), g.out_weights(v));
            if g.is_directed() {
                add(g.in_neighbors(v), g.in_weights(v));
            }
            offsets.push(targets.len());
        }
        Level { offsets, targets, weights, mass: vec![1.0; n] }
    }

    fn len(&self) -> usize {
        self.mass.len()
    }

    fn row(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.offsets[v], self.offsets[v + 1]);
        (&self.targets[a..b], &self.weights[a..b])
    }
}

/// One round of coarsening: a greedy matching (nodes in order of degree, each taking the free
/// neighbour with the largest weight / (mass × mass)), then every node left alone joins the
/// group of its strongest-tied neighbour. Returns the coarse graph and each node's group, or
/// `None` when the graph would shrink by less than 15 %.
fn coarsen(level: &Level) -> Option<(Level, Vec<u32>)> {
    const FREE: u32 = u32::MAX;
    let n = level.len();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&v| (level.offsets[v as usize + 1] - level.offsets[v as usize], v));
    let mut mate = vec![FREE; n];
    for &u in &order {
        let u = u as usize;
        if mate[u] != FREE {
            continue;
        }
        let (row, ws) = level.row(u);
        let mut best: Option<(f64, u32)> = None;
        for (&v, &w) in row.iter().zip(ws) {
            if v as usize != u && mate[v as usize] == FREE {
                let score = w / (level.mass[u] * level.mass[v as usize]);
                if best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, v));
                }
            }
        }
        if let Some((_, v)) = best {
            mate[u] = v;
            mate[v as usize] = u as u32;
        }
    }
    let mut parent = vec![FREE; n];
    let mut group_mass: Vec<f64> = Vec::new();
    for u in 0..n {
        if parent[u] == FREE && mate[u] != FREE {
            let id = group_mass.len() as u32;
            parent[u] = id;
            parent[mate[u] as usize] = id;
            group_mass.push(level.mass[u] + level.mass[mate[u] as usize]);
        }
    }
    for u in 0..n {
        if parent[u] != FREE {
            continue;
        }
        let (row, ws) = level.row(u);
        let mut best: Option<(f64, u32)> = None;
        for (&v, &w) in row.iter().zip(ws) {
            let p = parent[v as usize];
            if mate[v as usize] != FREE && p != FREE {
                let score = w / group_mass[p as usize];
                if best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, p));
                }
            }
        }
        let id = match best {
            Some((_, p)) => p,
            None => {
                group_mass.push(0.0);
                group_mass.len() as u32 - 1
            }
        };
        parent[u] = id;
        group_mass[id as usize] += level.mass[u];
    }
    let nc = group_mass.len();
    if nc as f64 > 0.85 * n as f64 {
        return None;
    }
    // Members of each group, then the merged rows (parallel edges summed, loops dropped).
    let mut start = vec![0usize; nc + 1];
    for &p in &parent {
        start[p as usize + 1] += 1;
    }
    for c in 0..nc {
        start[c + 1] += start[c];
    }
    let mut fill = start.clone();
    let mut members = vec![0u32; n];
    for (u, &p) in parent.iter().enumerate() {
        members[fill[p as usize]] = u as u32;
        fill[p as usize] += 1;
    }
    let mut offsets = Vec::with_capacity(nc + 1);
    offsets.push(0);
    let mut targets = Vec::new();
    let mut weights: Vec<f64> = Vec::new();
    let mut slot = vec![FREE; nc];
    for c in 0..nc {
        let row_start = targets.len();
        for &u in &members[start[c]..start[c + 1]] {
            let (row, ws) = level.row(u as usize);
            for (&v, &w) in row.iter().zip(ws) {
                let pv = parent[v as usize];
                if pv as usize == c {
                    continue;
                }
                let s = slot[pv as usize];
                if s != FREE && s as usize >= row_start {
                    weights[s as usize] += w;
                } else {
                    slot[pv as usize] = targets.len() as u32;
                    targets.push(pv);
                    weights.push(w);
                }
            }
        }
        offsets.push(targets.len());
    }
    Some((Level { offsets, targets, weights, mass: group_mass }, parent))
}

/// Buffers reused across the force steps of all levels.
#[derive(Debug, Default)]
struct Simulation {
    tree: Tree,
    repulsion: Vec<[f64; 2]>,
    next: Vec<[f64; 2]>,
}

impl Simulation {
    /// `iterations` force steps on `level`, temperature falling linearly from `t0` to 0.
    fn run(&mut self, level: &Level, pos: &mut Vec<[f64; 2]>, k: f64, iterations: usize, t0: f64, opts: &LayoutOptions) {
        let n = level.len();
        self.repulsion.resize(n, [0.0; 2]);
        self.next.resize(n, [0.0; 2]);
        self.next.truncate(n);
        self.repulsion.truncate(n);
        let k2 = k * k;
        let inv_k = 1.0 / k;
        for step in 0..iterations {
            let temperature = t0 * (1.0 - step as f64 / iterations as f64);
            self.tree.build(pos, &level.mass);
            self.tree.repulsion(opts.theta, k2, &mut self.repulsion);
            let centre = mean(pos);
            let (pos_now, rep) = (&*pos, &self.repulsion);
            self.next.par_iter_mut().with_min_len(256).enumerate().for_each(|(i, out)| {
                let p = pos_now[i];
                let mut f = rep[i];
                let (row, ws) = level.row(i);
                for (&j, &w) in row.iter().zip(ws) {
                    let q = pos_now[j as usize];
                    let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                    let d = (dx * dx + dy * dy).sqrt();
                    // d²/k along the unit vector = (dx, dy)·d/k
                    let s = w * d * inv_k;
                    f[0] -= dx * s;
                    f[1] -= dy * s;
                }
                let gm = opts.gravity * level.mass[i];
                f[0] -= gm * (p[0] - centre[0]);
                f[1] -= gm * (p[1] - centre[1]);
                let len = (f[0] * f[0] + f[1] * f[1]).sqrt();
                *out = if len > 0.0 {
                    let s = len.min(temperature) / len;
                    [p[0] + f[0] * s, p[1] + f[1] * s]
                } else {
                    p
                };
            });
            std::mem::swap(pos, &mut self.next);
        }
    }
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

/// Most bodies in a leaf cell; the leaves are also the groups that share an interaction list.
const LEAF_SIZE: usize = 32;
/// Keys have 31 bits per axis, so cells stop splitting at depth 31.
const MAX_DEPTH: u32 = 31;
/// f32 lanes per step of the interaction sum.
const LANES: usize = 8;

#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    /// Centre of mass, relative to `Tree::origin`.
    com: [f32; 2],
    mass: f32,
    /// Side length of the cell's square.
    size: f32,
    /// First child in `Tree::cells` (children are contiguous); 0 for a leaf.
    child: u32,
    children: u32,
    /// Range of the cell's bodies in the sorted order.
    start: u32,
    end: u32,
}

/// Quadtree rebuilt every step. Bodies are sorted by Morton key of their position, so every cell
/// owns a contiguous range of them, and `x`, `y`, `m` hold the bodies in that order.
#[derive(Debug, Default)]
struct Tree {
    /// (Morton key, body), sorted; the order of the previous step makes the sort nearly free.
    keys: Vec<(u64, u32)>,
    x: Vec<f32>,
    y: Vec<f32>,
    m: Vec<f32>,
    cells: Vec<Cell>,
    leaves: Vec<u32>,
    force: Vec<[f32; 2]>,
    origin: [f64; 2],
}

impl Tree {
    fn build(&mut self, pos: &[[f64; 2]], mass: &[f64]) {
        let n = pos.len();
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for p in pos {
            for a in 0..2 {
                lo[a] = lo[a].min(p[a]);
                hi[a] = hi[a].max(p[a]);
            }
        }
        let side = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(1e-12);
        // Coordinates are stored relative to the box centre, where f32 is most precise.
        self.origin = [lo[0] + side / 2.0, lo[1] + side / 2.0];
        let scale = (1u64 << 31) as f64 / side;
        let quantise = |c: f64, l: f64| (((c - l) * scale) as u64).min((1 << 31) - 1);
        if self.keys.len() != n {
            self.keys = (0..n as u32).map(|b| (0, b)).collect();
        }
        self.keys.par_iter_mut().with_min_len(4096).for_each(|(key, b)| {
            let p = pos[*b as usize];
            *key = spread(quantise(p[0], lo[0])) | (spread(quantise(p[1], lo[1])) << 1);
        });
        // Keys are unique pairs, so the order does not depend on the sort's stability.
        self.keys.sort();
        let origin = self.origin;
        self.x.clear();
        self.y.clear();
        self.m.clear();
        for &(_, b) in &self.keys {
            let p = pos[b as usize];
            self.x.push((p[0] - origin[0]) as f32);
            self.y.push((p[1] - origin[1]) as f32);
            self.m.push(mass[b as usize] as f32);
        }
        self.cells.clear();
        self.leaves.clear();
        self.cells.push(Cell { size: side as f32, start: 0, end: n as u32, ..Cell::default() });
        self.split(0, 0);
    }

    /// Fills in cell `id` (its range and size already set): children, centre of mass.
    fn split(&mut self, id: usize, depth: u32) {
        let Cell { start, end, size, .. } = self.cells[id];
        let (start, end) = (start as usize, end as usize);
        if end - start <= LEAF_SIZE || depth >= MAX_DEPTH {
            let (mut m, mut mx, mut my) = (0.0f64, 0.0f64, 0.0f64);
            for s in start..end {
                let w = self.m[s] as f64;
                m += w;
                mx += w * self.x[s] as f64;
                my += w * self.y[s] as f64;
            }
            let cell = &mut self.cells[id];
            cell.mass = m as f32;
            cell.com = if m > 0.0 { [(mx / m) as f32, (my / m) as f32] } else { [self.x[start], self.y[start]] };
            self.leaves.push(id as u32);
            return;
        }
        let shift = 2 * (MAX_DEPTH - 1 - depth);
        let quadrant = |key: u64| (key >> shift) & 3;
        let range = &self.keys[start..end];
        let mut bounds = [start, 0, 0, 0, end];
        for q in 1..4u64 {
            bounds[q as usize] = start + range.partition_point(|&(key, _)| quadrant(key) < q);
        }
        let first = self.cells.len();
        for q in 0..4 {
            if bounds[q] < bounds[q + 1] {
                self.cells.push(Cell { size: size / 2.0, start: bounds[q] as u32, end: bounds[q + 1] as u32, ..Cell::default() });
            }
        }
        let last = self.cells.len();
        let (mut m, mut mx, mut my) = (0.0f64, 0.0f64, 0.0f64);
        for c in first..last {
            self.split(c, depth + 1);
            let child = self.cells[c];
            let w = child.mass as f64;
            m += w;
            mx += w * child.com[0] as f64;
            my += w * child.com[1] as f64;
        }
        let com = if m > 0.0 { [(mx / m) as f32, (my / m) as f32] } else { self.cells[first].com };
        let cell = &mut self.cells[id];
        cell.child = first as u32;
        cell.children = (last - first) as u32;
        cell.mass = m as f32;
        cell.com = com;
    }

    /// Repulsive force k²·m_i·m_j/d on every body from all others (approximated), indexed by body.
    fn repulsion(&mut self, theta: f64, k2: f64, out: &mut [[f64; 2]]) {
        let n = self.x.len();
        self.force.resize(n, [0.0; 2]);
        self.force.truncate(n);
        // Disjoint output slices, one per leaf, in body order.
        let mut chunks: Vec<&mut [[f32; 2]]> = Vec::with_capacity(self.leaves.len());
        let mut rest: &mut [[f32; 2]] = &mut self.force;
        for &leaf in &self.leaves {
            let c = self.cells[leaf as usize];
            let (head, tail) = std::mem::take(&mut rest).split_at_mut((c.end - c.start) as usize);
            chunks.push(head);
            rest = tail;
        }
        let theta2 = (theta * theta) as f32;
        // Nearer than this (0.1 % of k) counts as this near: bounds the force, and a body's own
        // term (distance 0) adds nothing.
        let eps2 = (k2 * 1e-6) as f32;
        let (cells, x, y, m) = (&self.cells, &self.x, &self.y, &self.m);
        #[cfg(target_arch = "x86_64")]
        let avx = std::is_x86_feature_detected!("avx");
        #[cfg(not(target_arch = "x86_64"))]
        let avx = false;
        chunks.into_par_iter().zip(self.leaves.par_iter()).with_min_len(8).for_each_init(Interactions::default, |list, (out, &leaf)| {
            let group = cells[leaf as usize];
            let (start, end) = (group.start as usize, group.end as usize);
            let (mut lo, mut hi) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
            for s in start..end {
                lo = [lo[0].min(x[s]), lo[1].min(y[s])];
                hi = [hi[0].max(x[s]), hi[1].max(y[s])];
            }
            list.collect(cells, x, y, m, lo, hi, theta2);
            for (s, f) in (start..end).zip(out.iter_mut()) {
                *f = list.sum(x[s], y[s], eps2, avx);
            }
        });
        for (&(_, b), f) in self.keys.iter().zip(&self.force) {
            out[b as usize] = [f[0] as f64 * k2, f[1] as f64 * k2];
        }
    }
}

/// The point masses one leaf interacts with, structure of arrays padded to whole lanes.
#[derive(Debug, Default)]
struct Interactions {
    x: Vec<f32>,
    y: Vec<f32>,
    m: Vec<f32>,
    stack: Vec<u32>,
}

impl Interactions {
    /// Walks the tree for a group of bodies inside the box `lo..hi`: a cell whose side is
    /// below θ times its centre of mass's distance to the box counts as one point mass (so the
    /// criterion holds for every body of the group), any other cell is opened, down to bodies.
    #[allow(clippy::too_many_arguments)]
    fn collect(&mut self, cells: &[Cell], x: &[f32], y: &[f32], m: &[f32], lo: [f32; 2], hi: [f32; 2], theta2: f32) {
        self.x.clear();
        self.y.clear();
        self.m.clear();
        self.stack.clear();
        self.stack.push(0);
        while let Some(c) = self.stack.pop() {
            let cell = &cells[c as usize];
            let dx = (lo[0] - cell.com[0]).max(cell.com[0] - hi[0]).max(0.0);
            let dy = (lo[1] - cell.com[1]).max(cell.com[1] - hi[1]).max(0.0);
            if cell.size * cell.size < theta2 * (dx * dx + dy * dy) {
                self.x.push(cell.com[0]);
                self.y.push(cell.com[1]);
                self.m.push(cell.mass);
            } else if cell.children == 0 {
                let r = cell.start as usize..cell.end as usize;
                self.x.extend_from_slice(&x[r.clone()]);
                self.y.extend_from_slice(&y[r.clone()]);
                self.m.extend_from_slice(&m[r]);
            } else {
                self.stack.extend(cell.child..cell.child + cell.children);
            }
        }
        // Zero masses pad the list to whole lanes; they add nothing.
        let padded = self.m.len().next_multiple_of(LANES);
        self.x.resize(padded, 0.0);
        self.y.resize(padded, 0.0);
        self.m.resize(padded, 0.0);
    }

    /// Σ m_j (p − q_j) / (|p − q_j|² + eps2) over the list; `eps2` (tiny) keeps a body's own
    /// term at 0 and bounds the force between coincident bodies.
    fn sum(&self, px: f32, py: f32, eps2: f32, avx: bool) -> [f32; 2] {
        #[cfg(target_arch = "x86_64")]
        if avx {
            // SAFETY: `avx` is only true when the CPU reports AVX (checked in `Tree::repulsion`).
            return unsafe { self.sum_avx(px, py, eps2) };
        }
        let _ = avx;
        self.sum_lanes(px, py, eps2)
    }

    /// [`Interactions::sum_lanes`] in 8-wide AVX registers: every lane does the same IEEE
    /// operations in the same order (no fused multiply-add), so the result is bit-identical.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    unsafe fn sum_avx(&self, px: f32, py: f32, eps2: f32) -> [f32; 2] {
        use std::arch::x86_64::*;
        let (vpx, vpy, veps) = (_mm256_set1_ps(px), _mm256_set1_ps(py), _mm256_set1_ps(eps2));
        let (mut ax, mut ay) = (_mm256_setzero_ps(), _mm256_setzero_ps());
        let len = self.m.len();
        assert!(self.x.len() == len && self.y.len() == len && len.is_multiple_of(LANES));
        for i in (0..len).step_by(LANES) {
            // SAFETY: i + LANES <= len for all three arrays (asserted above).
            let (qx, qy, qm) = unsafe {
                (_mm256_loadu_ps(self.x.as_ptr().add(i)), _mm256_loadu_ps(self.y.as_ptr().add(i)), _mm256_loadu_ps(self.m.as_ptr().add(i)))
            };
            let dx = _mm256_sub_ps(vpx, qx);
            let dy = _mm256_sub_ps(vpy, qy);
            let d2 = _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(dx, dx), _mm256_mul_ps(dy, dy)), veps);
            let s = _mm256_div_ps(qm, d2);
            ax = _mm256_add_ps(ax, _mm256_mul_ps(dx, s));
            ay = _mm256_add_ps(ay, _mm256_mul_ps(dy, s));
        }
        let (mut lx, mut ly) = ([0.0f32; LANES], [0.0f32; LANES]);
        // SAFETY: both arrays hold LANES = 8 floats.
        unsafe {
            _mm256_storeu_ps(lx.as_mut_ptr(), ax);
            _mm256_storeu_ps(ly.as_mut_ptr(), ay);
        }
        [lane_total(lx), lane_total(ly)]
    }

    fn sum_lanes(&self, px: f32, py: f32, eps2: f32) -> [f32; 2] {
        let (mut ax, mut ay) = ([0.0f32; LANES], [0.0f32; LANES]);
        let lanes = self.x.chunks_exact(LANES).zip(self.y.chunks_exact(LANES)).zip(self.m.chunks_exact(LANES));
        for ((qx, qy), qm) in lanes {
            for l in 0..LANES {
                let dx = px - qx[l];
                let dy = py - qy[l];
                let d2 = dx * dx + dy * dy + eps2;
                let s = qm[l] / d2;
                ax[l] += dx * s;
                ay[l] += dy * s;
            }
        }
        [lane_total(ax), lane_total(ay)]
    }
}

fn lane_total(a: [f32; LANES]) -> f32 {
    ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]))
}

/// Spreads the low 32 bits of `v` to the even bit positions (Morton interleave).
fn spread(v: u64) -> u64 {
    let mut v = v & 0xFFFF_FFFF;
    v = (v | (v << 16)) & 0x0000_FFFF_0000_FFFF;
    v = (v | (v << 8)) & 0x00FF_00FF_00FF_00FF;
    v = (v | (v << 4)) & 0x0F0F_0F0F_0F0F_0F0F;
    v = (v | (v << 2)) & 0x3333_3333_3333_3333;
    (v | (v << 1)) & 0x5555_5555_5555_5555
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

    /// A `side` × `side` grid graph.
    fn grid(side: u32) -> (Graph, Vec<(u32, u32, Option<f64>)>) {
        let mut e = Vec::new();
        for r in 0..side {
            for c in 0..side {
                let v = r * side + c;
                if c + 1 < side {
                    e.push((v, v + 1, None));
                }
                if r + 1 < side {
                    e.push((v, v + side, None));
                }
            }
        }
        (Graph::from_edges((side * side) as usize, false, &e).unwrap(), e)
    }

    #[test]
    fn multilevel_start_keeps_neighbours_close_and_is_deterministic() {
        // 1,600 nodes: above the default threshold, so the start is multilevel.
        let (g, e) = grid(40);
        let n = g.node_count();
        assert!(n > LayoutOptions::default().multilevel_above);
        let a = force_directed(&g, LayoutOptions::default());
        let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let b = one_thread.install(|| force_directed(&g, LayoutOptions::default()));
        assert_eq!(a, b, "same positions whatever the thread count");
        assert!(a.iter().flatten().all(|c| c.is_finite()));
        let edge_mean = e.iter().map(|&(u, v, _)| dist(a[u as usize], a[v as usize])).sum::<f64>() / e.len() as f64;
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let pairs = 20_000;
        let pair_mean = (0..pairs).map(|_| dist(a[rng.gen_range(0..n)], a[rng.gen_range(0..n)])).sum::<f64>() / pairs as f64;
        assert!(edge_mean < 0.1 * pair_mean, "edges {edge_mean} vs pairs {pair_mean}");
        // No collapse: nearly every node keeps some room around it.
        let mut nearest: Vec<f64> =
            (0..n).map(|i| (0..n).filter(|&j| j != i).map(|j| dist(a[i], a[j])).fold(f64::INFINITY, f64::min)).collect();
        nearest.sort_by(f64::total_cmp);
        assert!(nearest[n / 20] > 0.05 * edge_mean, "5th percentile nearest {} vs edge {edge_mean}", nearest[n / 20]);
        // Turned off, the same graph takes the single-level path and still looks right.
        let single = force_directed(&g, LayoutOptions { multilevel_above: usize::MAX, ..Default::default() });
        assert_ne!(a, single);
        let single_edges = e.iter().map(|&(u, v, _)| dist(single[u as usize], single[v as usize])).sum::<f64>() / e.len() as f64;
        assert!(single_edges < 0.5 * pair_mean);
    }

    #[test]
    fn coarsening_keeps_mass_and_cross_weights() {
        let (g, e) = grid(12);
        let level = Level::from_graph(&g, false);
        let (coarse, parent) = coarsen(&level).expect("a grid shrinks");
        assert!(coarse.len() <= (0.85 * 144.0) as usize);
        assert_eq!(coarse.mass.iter().sum::<f64>(), 144.0);
        let cross = e.iter().filter(|&&(u, v, _)| parent[u as usize] != parent[v as usize]).count() as f64;
        // Every cross-group edge appears in both coarse rows.
        assert_eq!(coarse.weights.iter().sum::<f64>(), 2.0 * cross);
        for c in 0..coarse.len() {
            let (row, _) = coarse.row(c);
            assert!(row.iter().all(|&d| d as usize != c), "no loops");
            let mut sorted = row.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), row.len(), "no parallel edges");
        }
    }

    #[test]
    fn lane_sum_is_the_same_with_and_without_avx() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let mut list = Interactions::default();
        for _ in 0..37 {
            list.x.push(rng.gen::<f32>());
            list.y.push(rng.gen::<f32>());
            list.m.push(rng.gen_range(1.0..4.0));
        }
        let padded = list.m.len().next_multiple_of(LANES);
        list.x.resize(padded, 0.0);
        list.y.resize(padded, 0.0);
        list.m.resize(padded, 0.0);
        let plain = list.sum(0.3, 0.6, 1e-9, false);
        assert!(plain.iter().all(|f| f.is_finite()));
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx") {
            assert_eq!(plain.map(f32::to_bits), list.sum(0.3, 0.6, 1e-9, true).map(f32::to_bits));
        }
    }

    #[test]
    fn barnes_hut_close_to_exact_repulsion() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let pos: Vec<[f64; 2]> = (0..500).map(|_| [rng.gen::<f64>(), rng.gen::<f64>()]).collect();
        let mass = vec![1.0; 500];
        let k2 = 1.0 / 500.0;
        let mut tree = Tree::default();
        tree.build(&pos, &mass);
        let (mut approx, mut exact) = (vec![[0.0; 2]; 500], vec![[0.0; 2]; 500]);
        tree.repulsion(0.5, k2, &mut approx);
        tree.repulsion(0.0, k2, &mut exact);
        for i in 0..500 {
            let mut direct = [0.0f64; 2];
            for j in 0..500 {
                if i != j {
                    let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                    let s = k2 / (dx * dx + dy * dy);
                    direct = [direct[0] + dx * s, direct[1] + dy * s];
                }
            }
            let scale = direct[0].hypot(direct[1]) + 1e-9;
            // θ = 0 opens every cell: exact up to the f32 rounding of the sum.
            assert!(dist(exact[i], direct) / scale < 1e-3, "node {i}: θ = 0 is not exact");
            let err = dist(approx[i], direct) / scale;
            assert!(err < 0.05, "node {i}: relative error {err}");
        }
    }
}
