//! Connected, weakly and strongly connected components.
//!
//! Membership vectors are canonical, as in the oracle files: components are numbered
//! 0, 1, 2, … in the order of their smallest node id, so two runs (or two libraries) that find the
//! same partition give the same vector. An isolated node is a component of its own.

use crate::graph::{Graph, NodeId};

/// A partition of the nodes into components.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Components {
    /// Number of components.
    pub count: usize,
    /// Component of each node, numbered by smallest member.
    pub membership: Vec<u32>,
}

impl Components {
    /// Size of each component, indexed by component number.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![0; self.count];
        for &c in &self.membership {
            sizes[c as usize] += 1;
        }
        sizes
    }

    /// Component number of the largest component (the first one on ties), `None` when empty.
    pub fn largest(&self) -> Option<u32> {
        let sizes = self.sizes();
        let max = *sizes.iter().max()?;
        sizes.iter().position(|&s| s == max).map(|i| i as u32)
    }
}

/// Connected components (networkx `connected_components`). On a directed graph this is the same
/// as [`weakly_connected`] (edge direction ignored).
pub fn connected(g: &Graph) -> Components {
    weakly_connected(g)
}

/// Weakly connected components: components of the graph with edge direction ignored
/// (networkx `weakly_connected_components`; for undirected graphs the connected components).
pub fn weakly_connected(g: &Graph) -> Components {
    let n = g.node_count();
    let mut membership = vec![u32::MAX; n];
    let mut count = 0u32;
    let mut stack: Vec<NodeId> = Vec::new();
    for start in 0..n {
        if membership[start] != u32::MAX {
            continue;
        }
        membership[start] = count;
        stack.push(start as NodeId);
        while let Some(v) = stack.pop() {
            let outs = g.out_neighbors(v).iter();
            let ins = if g.is_directed() { g.in_neighbors(v) } else { &[] };
            for &w in outs.chain(ins) {
                if membership[w as usize] == u32::MAX {
                    membership[w as usize] = count;
                    stack.push(w);
                }
            }
        }
        count += 1;
    }
    Components { count: count as usize, membership }
}

/// Strongly connected components (networkx `strongly_connected_components`), by an iterative
/// Tarjan algorithm (no recursion, so deep graphs cannot overflow the stack). For undirected
/// graphs these are the connected components.
pub fn strongly_connected(g: &Graph) -> Components {
    if !g.is_directed() {
        return weakly_connected(g);
    }
    let n = g.node_count();
    const NONE: u32 = u32::MAX;
    let mut index = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut raw = vec![NONE; n];
    let mut stack: Vec<NodeId> = Vec::new();
    // (node, position in its out-neighbour list)
    let mut call: Vec<(NodeId, usize)> = Vec::new();
    let mut next_index = 0u32;
    let mut raw_count = 0u32;
    for root in 0..n as NodeId {
        if index[root as usize] != NONE {
            continue;
        }
        call.push((root, 0));
        index[root as usize] = next_index;
        low[root as usize] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        while let Some(&(v, pos)) = call.last() {
            let nbrs = g.out_neighbors(v);
            if pos < nbrs.len() {
                let w = nbrs[pos];
                if let Some(top) = call.last_mut() {
                    top.1 += 1;
                }
                if index[w as usize] == NONE {
                    index[w as usize] = next_index;
                    low[w as usize] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w as usize] = true;
                    call.push((w, 0));
                } else if on_stack[w as usize] {
                    low[v as usize] = low[v as usize].min(index[w as usize]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent as usize] = low[parent as usize].min(low[v as usize]);
            }
            if low[v as usize] == index[v as usize] {
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    raw[w as usize] = raw_count;
                    if w == v {
                        break;
                    }
                }
                raw_count += 1;
            }
        }
    }
    canonical(raw, raw_count as usize)
}

/// Renumbers component labels by the smallest node in each component.
fn canonical(raw: Vec<u32>, count: usize) -> Components {
    let mut map = vec![u32::MAX; count];
    let mut next = 0u32;
    let membership = raw
        .into_iter()
        .map(|r| {
            if map[r as usize] == u32::MAX {
                map[r as usize] = next;
                next += 1;
            }
            map[r as usize]
        })
        .collect();
    Components { count, membership }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(n: usize, directed: bool, e: &[(u32, u32)]) -> Graph {
        let edges: Vec<_> = e.iter().map(|&(a, b)| (a, b, None)).collect();
        Graph::from_edges(n, directed, &edges).unwrap()
    }

    #[test]
    fn undirected_components_are_canonical() {
        let d = g(6, false, &[(4, 2), (0, 5), (1, 3)]);
        let c = connected(&d);
        assert_eq!(c.count, 3);
        assert_eq!(c.membership, vec![0, 1, 2, 1, 2, 0]);
        assert_eq!(c.sizes(), vec![2, 2, 2]);
        assert_eq!(c.largest(), Some(0));
    }

    #[test]
    fn strong_vs_weak() {
        // cycle 0→1→2→0, tail 2→3, separate 4→5, isolated 6
        let d = g(7, true, &[(0, 1), (1, 2), (2, 0), (2, 3), (4, 5)]);
        assert_eq!(weakly_connected(&d).membership, vec![0, 0, 0, 0, 1, 1, 2]);
        let s = strongly_connected(&d);
        assert_eq!(s.count, 5);
        assert_eq!(s.membership, vec![0, 0, 0, 1, 2, 3, 4]);
    }

    #[test]
    fn empty_and_single() {
        assert_eq!(connected(&g(0, false, &[])), Components { count: 0, membership: vec![] });
        assert_eq!(connected(&g(0, false, &[])).largest(), None);
        assert_eq!(strongly_connected(&g(1, true, &[])), Components { count: 1, membership: vec![0] });
    }

    #[test]
    fn deep_path_does_not_overflow() {
        let n = 200_000u32;
        let e: Vec<_> = (0..n - 1).map(|i| (i, i + 1)).chain([(n - 1, 0)]).collect();
        let s = strongly_connected(&g(n as usize, true, &e));
        assert_eq!(s.count, 1);
    }
}
