//! Telling other tabs of this app about saves, over a `BroadcastChannel`; and work only one
//! tab at a time may do (team sync), under a Web Lock.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "claimtag-library";

/// The document id of an announcement that many documents changed at once (an intake).
pub const EVERY_DOCUMENT: &str = "*";

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

/// Runs `task` in this tab while it holds the Web Lock `name`, so that only one tab of the app
/// at a time does it; when another tab holds the lock, the task waits (and `waiting` is told)
/// until that tab closes. Without the Web Locks API the task runs at once.
pub fn exclusive(name: &str, task: impl Future<Output = ()> + 'static, waiting: impl FnOnce()) {
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|locks| !locks.is_undefined() && !locks.is_null());
    let request = locks.as_ref().and_then(|locks| {
        js_sys::Reflect::get(locks, &JsValue::from_str("request"))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        wasm_bindgen_futures::spawn_local(task);
        return;
    };
    waiting();
    type Task = std::pin::Pin<Box<dyn Future<Output = ()>>>;
    let task: Rc<RefCell<Option<Task>>> = Rc::new(RefCell::new(Some(Box::pin(task))));
    // The lock is held until the promise the callback returns settles: when the task ends.
    let callback = {
        let task = task.clone();
        Closure::once_into_js(move |_lock: JsValue| {
            let task = task.borrow_mut().take();
            wasm_bindgen_futures::future_to_promise(async move {
                if let Some(task) = task {
                    task.await;
                }
                Ok(JsValue::UNDEFINED)
            })
        })
    };
    if request
        .call2(&locks, &JsValue::from_str(name), &callback)
        .is_err()
    {
        // The browser refused the lock request: run without it rather than not at all.
        if let Some(task) = task.borrow_mut().take() {
            wasm_bindgen_futures::spawn_local(task);
        }
    }
}
