//! Hash maps and sets for the walk's per-entry bookkeeping (variable names, env keys, server
//! names), hashed with foldhash instead of the standard library's SipHash, which was 5.5% of a
//! 20,000-server run's instructions on these short keys (the switch, with four smaller
//! changes, took the run from 1,199M to 1,070M). foldhash draws a fresh seed per process, so a
//! file crafted to collide cannot be built ahead of time.

/// A `HashMap` hashed with foldhash; make one with `HashMap::default()`.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` hashed with foldhash; make one with `HashSet::default()`.
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
