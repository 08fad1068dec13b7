//! Telling other tabs of this app about saves and team connection changes, over
//! `BroadcastChannel`s; work only one tab at a time may do (team sync), under a Web Lock; and
//! which tabs are open, each holding a lock.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "claimtag-library";

/// The channel on which tabs tell each other that the team connection was made or dropped.
const TEAM_CHANNEL: &str = "claimtag-team";

/// The Web Lock the team sync loop runs under: one tab at a time syncs.
pub const TEAM_SYNC_LOCK: &str = "claimtag-team-sync";

thread_local! {
    /// This page's end of [`TEAM_CHANNEL`]: one object both sends and listens, so the page does
    /// not hear its own messages.
    static TEAM: Option<BroadcastChannel> = BroadcastChannel::new(TEAM_CHANNEL).ok();
}

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

/// Tells the other tabs that the team connection was made here (`connected`) or dropped.
pub fn announce_team_change(connected: bool) {
    TEAM.with(|channel| {
        if let Some(channel) = channel {
            let message = if connected {
                "connected"
            } else {
                "disconnected"
            };
            // A tab that cannot be told finds out at its next start.
            let _ = channel.post_message(&JsValue::from_str(message));
        }
    });
}

/// Listens for other tabs' team connection changes (`true`: connected); keep the listener
/// alive for as long as it should listen.
pub fn listen_team_changes(on_change: impl Fn(bool) + 'static) -> Option<EventListener> {
    TEAM.with(|channel| {
        channel.as_ref().map(|channel| {
            EventListener::new(channel, "message", move |event| {
                let message = event
                    .dyn_ref::<MessageEvent>()
                    .and_then(|m| m.data().as_string());
                match message.as_deref() {
                    Some("connected") => on_change(true),
                    Some("disconnected") => on_change(false),
                    _ => {}
                }
            })
        })
    })
}

/// A random id for this tab.
pub fn new_tab_id() -> String {
    format!(
        "tab-{:08x}",
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
}

/// The page's Web Locks manager and its method `name`, when the browser has the API.
fn locks_method(name: &str) -> Option<(JsValue, js_sys::Function)> {
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|locks| !locks.is_undefined() && !locks.is_null())?;
    let method = js_sys::Reflect::get(&locks, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some((locks, method))
}

/// The Web Lock a tab holds while it is open.
fn alive_lock(tab: &str) -> String {
    format!("claimtag-alive-{tab}")
}

/// Holds a Web Lock named after `tab` for as long as the page is open, so that other tabs can
/// tell it is (see [`live_tabs`]). Without the Web Locks API it does nothing.
pub fn hold_alive(tab: &str) {
    let Some((locks, request)) = locks_method("request") else {
        return;
    };
    // The lock is held until the returned promise settles: never, while the page lives.
    let callback = Closure::once_into_js(|_lock: JsValue| js_sys::Promise::new(&mut |_, _| {}));
    let _ = request.call2(&locks, &JsValue::from_str(&alive_lock(tab)), &callback);
}

/// The tabs of the app that are open now (each holds its lock from [`hold_alive`]); empty
/// without the Web Locks API.
pub async fn live_tabs() -> Vec<String> {
    let Some((locks, query)) = locks_method("query") else {
        return Vec::new();
    };
    let Some(promise) = query
        .call0(&locks)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return Vec::new();
    };
    let Ok(snapshot) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return Vec::new();
    };
    let held = js_sys::Reflect::get(&snapshot, &JsValue::from_str("held"))
        .ok()
        .and_then(|h| h.dyn_into::<js_sys::Array>().ok());
    let prefix = alive_lock("");
    held.map(|held| {
        held.iter()
            .filter_map(|lock| js_sys::Reflect::get(&lock, &JsValue::from_str("name")).ok())
            .filter_map(|name| name.as_string())
            .filter_map(|name| name.strip_prefix(&prefix).map(str::to_string))
            .collect()
    })
    .unwrap_or_default()
}

/// Runs `task` in this tab while it holds the Web Lock `name`, so that only one tab of the app
/// at a time does it; when another tab holds the lock, the task waits (and `waiting` is told)
/// until that tab closes. Without the Web Locks API the task runs at once.
pub fn exclusive(name: &str, task: impl Future<Output = ()> + 'static, waiting: impl FnOnce()) {
    let Some((locks, request)) = locks_method("request") else {
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

/// Runs `task` under the Web Lock `name` — after every tab that holds it or asked for it
/// earlier — and resolves with its result (`None` only if the task never ran).
pub async fn locked<T: 'static>(name: &str, task: impl Future<Output = T> + 'static) -> Option<T> {
    let mut resolve = None;
    let finished = js_sys::Promise::new(&mut |done, _| resolve = Some(done));
    let result = Rc::new(RefCell::new(None));
    {
        let result = result.clone();
        exclusive(
            name,
            async move {
                let value = task.await;
                result.borrow_mut().replace(value);
                if let Some(done) = resolve {
                    let _ = done.call0(&JsValue::NULL);
                }
            },
            || {},
        );
    }
    let _ = wasm_bindgen_futures::JsFuture::from(finished).await;
    let value = result.borrow_mut().take();
    value
}
