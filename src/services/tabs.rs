//! Telling other tabs of this app about saves, over a `BroadcastChannel`.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "claimtag-library";

/// A save another tab made: which document, which revision, which tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    /// The document id.
    pub id: String,
    /// Its new revision.
    pub revision: u64,
    /// The tab that saved it.
    pub tab: String,
}

/// Tells other tabs that `tab` stored `revision` of document `id`.
pub fn announce(id: &str, revision: u64, tab: &str) {
    if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
        let message = format!("{id}\n{revision}\n{tab}");
        // A tab that cannot be told still finds out through the revision check on save.
        let _ = channel.post_message(&JsValue::from_str(&message));
        channel.close();
    }
}

/// Listens for other tabs' saves; keep the returned pair alive for as long as it should listen.
pub fn listen(
    on_save: impl Fn(Announcement) + 'static,
) -> Option<(BroadcastChannel, EventListener)> {
    let channel = BroadcastChannel::new(CHANNEL).ok()?;
    let listener = EventListener::new(&channel, "message", move |event| {
        let Some(text) = event
            .dyn_ref::<MessageEvent>()
            .and_then(|m| m.data().as_string())
        else {
            return;
        };
        let mut parts = text.split('\n');
        if let (Some(id), Some(Ok(revision)), Some(tab)) =
            (parts.next(), parts.next().map(str::parse), parts.next())
        {
            on_save(Announcement {
                id: id.to_string(),
                revision,
                tab: tab.to_string(),
            });
        }
    });
    Some((channel, listener))
}

/// A random id for this tab.
pub fn new_tab_id() -> String {
    format!(
        "tab-{:08x}",
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
}
