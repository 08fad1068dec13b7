//! Replication against the protocol model: two browsers, one server, edits interleaved with
//! syncs and outages. Any interleaving converges to the same state with no revision lost.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use serde_json::{json, Value};

use super::memory_couch::MemoryCouch;
use super::remote::{pull_batch, push_batch, resume, save_checkpoint, Checkpoint, RemoteError};
use super::replica::Replica;

/// Runs a future that never waits (the model answers at once).
fn run<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

/// A browser: its replica and checkpoint.
struct Browser {
    replica: Replica,
    checkpoint: Checkpoint,
}

impl Browser {
    fn new(session: &str) -> Self {
        Browser {
            replica: Replica::default(),
            checkpoint: Checkpoint {
                session: session.to_string(),
                ..Checkpoint::default()
            },
        }
    }

    /// Pull everything, push everything, store the checkpoint — as the app's sync cycle does.
    fn sync(&mut self, server: &MemoryCouch) -> Result<(), RemoteError> {
        run(async {
            self.checkpoint = resume(server, self.checkpoint.clone()).await?;
            while !pull_batch(server, &mut self.replica, &mut self.checkpoint, None)
                .await?
                .done
            {}
            while push_batch(server, &self.replica, &mut self.checkpoint)
                .await?
                .remaining
                > 0
            {}
            save_checkpoint(server, &mut self.checkpoint).await
        })
    }

    fn leaves(&self, id: &str) -> Vec<(String, Value)> {
        let entry = &self.replica.entries[id];
        let mut all: Vec<(String, Value)> = entry
            .tree
            .live_leaves()
            .iter()
            .map(|r| (r.to_string(), entry.bodies[&r.to_string()].clone()))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }
}

#[test]
fn two_browsers_share_documents_and_keep_both_sides_of_a_conflict() {
    let server = MemoryCouch::default();
    let (mut a, mut b) = (Browser::new("a"), Browser::new("b"));
    a.replica.edit("doc:d1", json!({"text": "one"}));
    a.replica.edit("layer:d1:ana", json!({"annotations": [1]}));
    a.sync(&server).unwrap();
    b.sync(&server).unwrap();
    assert_eq!(
        b.replica.body("layer:d1:ana"),
        Some(&json!({"annotations": [1]}))
    );
    // The same layer edited in both browsers while apart: both versions are kept everywhere.
    a.replica
        .edit("layer:d1:ana", json!({"annotations": [1, 2]}));
    b.replica
        .edit("layer:d1:ana", json!({"annotations": [1, 3]}));
    a.sync(&server).unwrap();
    b.sync(&server).unwrap();
    a.sync(&server).unwrap();
    assert_eq!(a.leaves("layer:d1:ana"), b.leaves("layer:d1:ana"));
    assert_eq!(a.leaves("layer:d1:ana").len(), 2);
    assert_eq!(server.winner("layer:d1:ana").map(|w| w.1), Some(1));
    // A chooses A's version; B follows, and the conflict is gone on the server too.
    let entry = &a.replica.entries["layer:d1:ana"];
    let keep = entry
        .tree
        .live_leaves()
        .into_iter()
        .find(|r| entry.bodies[&r.to_string()] == json!({"annotations": [1, 2]}))
        .unwrap();
    assert!(a.replica.resolve("layer:d1:ana", &keep));
    a.sync(&server).unwrap();
    b.sync(&server).unwrap();
    assert_eq!(b.leaves("layer:d1:ana").len(), 1);
    assert_eq!(
        b.replica.body("layer:d1:ana"),
        Some(&json!({"annotations": [1, 2]}))
    );
    assert_eq!(server.winner("layer:d1:ana").map(|w| w.1), Some(0));
}

#[test]
fn an_outage_changes_nothing_and_a_restart_resumes_from_the_checkpoint() {
    let server = MemoryCouch::default();
    let (mut a, mut b) = (Browser::new("a"), Browser::new("b"));
    for i in 0..450 {
        a.replica.edit(&format!("doc:d{i}"), json!({ "n": i }));
    }
    a.sync(&server).unwrap();
    b.sync(&server).unwrap();
    assert_eq!(server.sent.get(), 450);
    server.offline.set(true);
    b.replica.edit("layer:d1:bob", json!({"annotations": []}));
    let before = b.replica.clone();
    assert_eq!(b.sync(&server), Err(RemoteError::Offline));
    assert_eq!(b.replica, before);
    server.offline.set(false);
    b.sync(&server).unwrap();
    // B restarts with what it stored: nothing already held is fetched again.
    let mut again = Browser {
        replica: b.replica.clone(),
        checkpoint: b.checkpoint.clone(),
    };
    again.sync(&server).unwrap();
    assert_eq!(server.sent.get(), 450);
    // A browser whose checkpoint the server does not know starts over, but fetches nothing it
    // holds.
    let mut stranger = Browser {
        replica: b.replica.clone(),
        checkpoint: Checkpoint {
            session: "new".to_string(),
            ..b.checkpoint.clone()
        },
    };
    stranger.sync(&server).unwrap();
    assert_eq!(server.sent.get(), 450);
    a.sync(&server).unwrap();
    assert_eq!(
        a.replica.body("layer:d1:bob"),
        Some(&json!({"annotations": []}))
    );
}

/// A server that answers every request with the same JSON (or error).
struct Fixed(Result<Value, RemoteError>);

impl super::remote::Remote for Fixed {
    async fn get(&self, _: &str) -> Result<Value, RemoteError> {
        self.0.clone()
    }
    async fn post(&self, _: &str, _: &Value) -> Result<Value, RemoteError> {
        self.0.clone()
    }
    async fn put(&self, _: &str, _: &Value) -> Result<Value, RemoteError> {
        self.0.clone()
    }
}

#[test]
fn bad_answers_are_named_and_change_nothing() {
    let statuses = [401, 403, 404, 409, 412, 500, 503, 418];
    let named: Vec<String> = statuses
        .iter()
        .map(|&s| RemoteError::from_status(s, "reason").to_string())
        .collect();
    assert!(named[0].contains("sign in again"));
    assert!(named[1].contains("403") && named[1].contains("reason"));
    assert!(named[2].contains("no such database"));
    assert!(named[4].contains("412"));
    assert!(named[7].contains("418"));
    let transient: Vec<bool> = statuses
        .iter()
        .map(|&s| RemoteError::from_status(s, "").is_transient())
        .collect();
    assert_eq!(
        transient,
        [false, false, false, true, false, true, true, false]
    );
    let mut browser = Browser::new("a");
    browser.replica.edit("layer:d:ana", json!({ "v": 1 }));
    let before = (browser.replica.clone(), browser.checkpoint.clone());
    for answer in [
        Ok(json!({ "unexpected": true })),
        Ok(json!([1, 2, 3])),
        Ok(json!({ "results": [], "no_last_seq": 1 })),
        Err(RemoteError::Timeout),
        Err(RemoteError::from_status(500, "")),
    ] {
        let server = Fixed(answer);
        let pulled = run(pull_batch(
            &server,
            &mut browser.replica,
            &mut browser.checkpoint,
            None,
        ));
        assert!(pulled.is_err());
        let pushed = run(push_batch(
            &server,
            &browser.replica,
            &mut browser.checkpoint,
        ));
        assert!(pushed.is_err());
        assert_eq!(
            (browser.replica.clone(), browser.checkpoint.clone()),
            before
        );
    }
    // A changes feed listing a revision whose document comes back without `_revisions` or
    // with a broken one is refused as a whole.
    let mut replica = Replica::default();
    let bad = json!({ "_id": "layer:d:bo", "_rev": "not-a-rev" });
    assert!(replica.insert(&bad).is_err());
    assert!(replica.entries.is_empty());
}

/// The property: any interleaving converges (native only: proptest does not build for wasm32).
#[cfg(not(target_arch = "wasm32"))]
mod interleavings {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Edit {
            browser: usize,
            doc: usize,
            value: u8,
        },
        Sync(usize),
        Outage(bool),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            3 => (0..2usize, 0..3usize, any::<u8>()).prop_map(|(browser, doc, value)| Step::Edit { browser, doc, value }),
            2 => (0..2usize).prop_map(Step::Sync),
            1 => any::<bool>().prop_map(Step::Outage),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any interleaving of edits, syncs and outages converges, after both browsers sync with
        /// the server up, to the same revisions, winners and conflicts, with every edit kept.
        #[test]
        fn any_interleaving_converges_and_loses_no_edit(steps in prop::collection::vec(step(), 0..40)) {
            let server = MemoryCouch::default();
            let mut browsers = [Browser::new("a"), Browser::new("b")];
            let mut made = Vec::new();
            for step in steps {
                match step {
                    Step::Edit { browser, doc, value } => {
                        let id = format!("layer:d{doc}:ana");
                        if let Some(rev) = browsers[browser].replica.edit(&id, json!({ "v": value })) {
                            made.push((id, rev.to_string()));
                        }
                    }
                    Step::Sync(browser) => {
                        let result = browsers[browser].sync(&server);
                        prop_assert!(result.is_ok() || result == Err(RemoteError::Offline));
                    }
                    Step::Outage(down) => server.offline.set(down),
                }
            }
            server.offline.set(false);
            for i in [0, 1, 0] {
                browsers[i].sync(&server).unwrap();
            }
            let [a, b] = &browsers;
            prop_assert_eq!(&a.replica.entries.keys().collect::<Vec<_>>(), &b.replica.entries.keys().collect::<Vec<_>>());
            for (id, entry) in &a.replica.entries {
                let other = &b.replica.entries[id];
                prop_assert_eq!(entry.tree.leaves(), other.tree.leaves());
                prop_assert_eq!(entry.winner(), other.winner());
                prop_assert_eq!(a.leaves(id), b.leaves(id));
            }
            for (id, rev) in made {
                prop_assert!(a.replica.entries[&id].tree.contains(&rev), "{} {} lost", id, rev);
                prop_assert!(b.replica.entries[&id].tree.contains(&rev), "{} {} lost", id, rev);
            }
        }
    }
}
