//! Slowing one address that floods the public health check's pages (its
//! questions and its result), without slowing anyone else.
//!
//! These are cheap GETs anyone may send, and the result is the costliest
//! public page. Counting them in the database (as sign-ins and started
//! checks are, in `ymarfer_store::throttle`) would add a write to every read,
//! and on SQLite every write waits for the one writer: the limit would cost
//! more than the flood. So each server keeps a token bucket per address in
//! memory: `per_minute` requests at once, then `per_minute` a minute. Behind
//! a load balancer each server limits on its own, so one address gets at
//! most that many a minute from each; that still bounds what a flood costs
//! each server, which is the point. Buckets of addresses gone quiet are
//! forgotten, and memory is bounded however many addresses come.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Independent locks, so that requests from different addresses seldom wait
/// on each other.
const SHARDS: usize = 16;
/// The most addresses a shard remembers; beyond, quiet ones are forgotten
/// first, and if none are quiet the shard starts afresh.
const SHARD_MOST: usize = 20_000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

#[derive(Debug)]
pub struct Flood {
    per_minute: u32,
    hasher: std::collections::hash_map::RandomState,
    shards: Vec<Mutex<HashMap<IpKey, Bucket>>>,
}

/// An address as limited: IPv4 whole, IPv6 by its /64 (one household or
/// server usually holds a whole /64, and could change address within it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum IpKey {
    V4(u32),
    V6(u64),
    Other(String),
}

impl IpKey {
    fn of(addr: &str) -> IpKey {
        match addr.parse::<IpAddr>() {
            Ok(IpAddr::V4(a)) => IpKey::V4(u32::from(a)),
            Ok(IpAddr::V6(a)) => match a.to_ipv4_mapped() {
                Some(v4) => IpKey::V4(u32::from(v4)),
                None => IpKey::V6((u128::from(a) >> 64) as u64),
            },
            Err(_) => IpKey::Other(addr.to_string()),
        }
    }
}

impl Flood {
    /// `per_minute` requests a minute from one address (0: no limit).
    pub fn new(per_minute: u32) -> Flood {
        Flood {
            per_minute,
            hasher: Default::default(),
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }

    /// Takes one request from the address's allowance: `None` when it may go
    /// ahead, or how many whole seconds until it may.
    pub fn take(&self, addr: &str) -> Option<u64> {
        self.take_at(addr, Instant::now())
    }

    fn take_at(&self, addr: &str, now: Instant) -> Option<u64> {
        if self.per_minute == 0 {
            return None;
        }
        let most = f64::from(self.per_minute);
        let per_second = most / 60.0;
        let key = IpKey::of(addr);
        let shard = &self.shards[(self.hasher.hash_one(&key) as usize) % SHARDS];
        // A poisoned lock only means another request panicked mid-update;
        // the buckets are still usable.
        let mut buckets = shard.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= SHARD_MOST && !buckets.contains_key(&key) {
            // Forget those that have refilled: they are as if never seen.
            let full = Duration::from_secs(60);
            buckets.retain(|_, b| now.saturating_duration_since(b.at) < full);
            if buckets.len() >= SHARD_MOST {
                buckets.clear();
            }
        }
        let b = buckets.entry(key).or_insert(Bucket {
            tokens: most,
            at: now,
        });
        let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * per_second).min(most);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            None
        } else {
            Some(((1.0 - b.tokens) / per_second).ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_is_slowed_and_no_other() {
        let f = Flood::new(60);
        let t = Instant::now();
        for _ in 0..60 {
            assert_eq!(f.take_at("203.0.113.9", t), None);
        }
        assert_eq!(f.take_at("203.0.113.9", t), Some(1));
        // Others are not slowed.
        assert_eq!(f.take_at("203.0.113.10", t), None);
        // A second later, one more.
        let later = t + Duration::from_secs(1);
        assert_eq!(f.take_at("203.0.113.9", later), None);
        assert_eq!(f.take_at("203.0.113.9", later), Some(1));
        // IPv6 by its /64.
        for _ in 0..60 {
            assert_eq!(f.take_at("2001:db8:1:2::1", t), None);
        }
        assert!(f.take_at("2001:db8:1:2::ffff", t).is_some());
        assert_eq!(f.take_at("2001:db8:1:3::1", t), None);
        // No limit.
        let off = Flood::new(0);
        for _ in 0..1000 {
            assert_eq!(off.take_at("203.0.113.9", t), None);
        }
    }

    #[test]
    fn memory_is_bounded() {
        let f = Flood::new(10);
        let t = Instant::now();
        for i in 0..(SHARDS * SHARD_MOST * 2) as u32 {
            f.take_at(&std::net::Ipv4Addr::from(i).to_string(), t);
        }
        let held: usize = f.shards.iter().map(|s| s.lock().unwrap().len()).sum();
        assert!(held <= SHARDS * SHARD_MOST, "{held}");
    }
}
