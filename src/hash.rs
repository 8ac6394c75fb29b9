//! Hash maps and sets for the walk's per-entry bookkeeping (variable names, env keys, server
//! names), hashed with foldhash instead of the standard library's SipHash: a fifth of the
//! cost on the short keys a config holds (SipHash was 5.5% of a 20,000-server run's
//! instructions). foldhash draws a fresh seed per process, so a file crafted to collide
//! cannot be built ahead of time.

/// A `HashMap` hashed with foldhash; make one with `HashMap::default()`.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` hashed with foldhash; make one with `HashSet::default()`.
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
