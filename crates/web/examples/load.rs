//! A small HTTP load generator for Ymarfer's benchmarks (see BENCHMARKS.md).
//!
//! `cargo run --release -p ymarfer-web --example load -- URL [REQUESTS] [CONCURRENCY]`
//! sends GET requests to URL and prints throughput and latency percentiles.
//! `LOAD_COOKIE="ymarfer_session=…"` sends a session cookie, to measure signed-in pages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "http://127.0.0.1:8080/healthz".into());
    let total: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5_000);
    let concurrency: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(16);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .unwrap();
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, url, next) = (client.clone(), url.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut errors = 0usize;
            while next.fetch_add(1, Ordering::Relaxed) < total {
                let t = Instant::now();
                match client.get(&url).send().await {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        times.push(t.elapsed());
                    }
                    _ => errors += 1,
                }
            }
            (times, errors)
        }));
    }
    let mut times: Vec<Duration> = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (t, e) = w.await.unwrap();
        times.extend(t);
        errors += e;
    }
    let elapsed = started.elapsed();
    times.sort();
    let pct = |p: f64| {
        times
            .get(((times.len() as f64 * p) as usize).min(times.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!("url: {url}");
    println!(
        "requests: {} ok, {errors} failed, concurrency {concurrency}",
        times.len()
    );
    println!(
        "throughput: {:.0} requests/s",
        times.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms",
        ms(pct(0.50)),
        ms(pct(0.95)),
        ms(pct(0.99))
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
