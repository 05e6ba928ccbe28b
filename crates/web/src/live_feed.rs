//! How every screen of a live session learns that something changed, on any
//! server: each server reads a live session's version from the database four
//! times a second while anyone on it is watching (one reader per live session,
//! however many screens), and hands each new version to its watchers, who
//! then draw the room again. When nobody watches, the reader stops.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;
use ymarfer_store::Db;

/// How often a watched live session's version is read.
pub const EVERY: Duration = Duration::from_millis(250);

/// The live sessions this server's screens watch.
#[derive(Default)]
pub struct LiveFeed {
    rooms: Mutex<HashMap<i64, watch::Sender<i64>>>,
}

impl LiveFeed {
    /// Watches a live session's version, from `version` (what the screen drew).
    pub fn watch(self: &Arc<Self>, db: &Db, live: i64, version: i64) -> watch::Receiver<i64> {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = rooms.get(&live) {
            return sender.subscribe();
        }
        let (sender, receiver) = watch::channel(version);
        rooms.insert(live, sender.clone());
        drop(rooms);
        let feed = self.clone();
        let db = db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(EVERY);
            loop {
                tick.tick().await;
                {
                    // Nobody watching: stop, under the lock that `watch` takes.
                    let mut rooms = feed.rooms.lock().unwrap_or_else(|e| e.into_inner());
                    if sender.receiver_count() == 0 {
                        rooms.remove(&live);
                        return;
                    }
                }
                match db.live_version(live).await {
                    Ok(Some(now)) => {
                        sender.send_if_modified(|seen| {
                            let moved = *seen != now;
                            *seen = now;
                            moved
                        });
                    }
                    Ok(None) => {}
                    Err(e) => tracing::warn!(error = %e, live, "reading a live session's version"),
                }
            }
        });
        receiver
    }
}
