//! The benchmark's queries: 1–3 words as people type them, some with a typo,
//! some with a facet filter, each for a member of two networks.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::corpus::{Generator, KINDS, NETWORKS, THEMES};

#[derive(Debug, Clone)]
pub enum Filter {
    Theme(String),
    Kind(String),
    Year(i32),
}

#[derive(Debug, Clone)]
pub struct Query {
    pub words: Vec<String>,
    pub filter: Option<Filter>,
    pub networks: Vec<i64>,
}

impl Query {
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// Swaps two letters inside the word, as a hurried typist does.
fn typo(word: &str, rng: &mut ChaCha8Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() >= 6 {
        let i = rng.gen_range(1..chars.len() - 2);
        chars.swap(i, i + 1);
    }
    chars.into_iter().collect()
}

pub fn generate(gen: &Generator, n: usize, rng: &mut ChaCha8Rng) -> Vec<Query> {
    (0..n)
        .map(|_| {
            let lang = if rng.gen_bool(0.7) { &gen.dutch } else { &gen.english };
            let mut words: Vec<String> = Vec::new();
            let count = rng.gen_range(1..=3);
            while words.len() < count {
                let w = lang.content.pick(rng).to_string();
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            if rng.gen_bool(0.1) {
                let i = rng.gen_range(0..words.len());
                words[i] = typo(&words[i], rng);
            }
            let filter = match rng.gen_range(0..8) {
                0 => Some(Filter::Theme(THEMES[rng.gen_range(0..THEMES.len())].to_string())),
                1 => Some(Filter::Kind(KINDS[rng.gen_range(0..KINDS.len())].to_string())),
                2 => Some(Filter::Year(rng.gen_range(2015..=2026))),
                _ => None,
            };
            let first = rng.gen_range(1..=NETWORKS);
            let second = first % NETWORKS + 1;
            Query { words, filter, networks: vec![first, second] }
        })
        .collect()
}
