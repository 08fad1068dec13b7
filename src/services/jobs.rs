//! What long jobs over the corpus (intake, export) share with the browser: the clock they
//! measure their rate by, handing the page back to the browser between steps so it never
//! freezes, and the Cancel flag the job checks between steps.

use std::cell::Cell;

use crate::state::JobKind;

thread_local! {
    static CANCELLED: [Cell<bool>; 2] = const { [Cell::new(false), Cell::new(false)] };
}

fn slot(kind: JobKind) -> usize {
    match kind {
        JobKind::Intake => 0,
        JobKind::Export => 1,
    }
}

/// Milliseconds on the page's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// How long one step of a job may run before it yields to the browser (well under the 100 ms
/// that makes a long task, so typing and scrolling stay smooth while a job runs).
pub const STEP_MS: f64 = 30.0;

/// Lets the browser paint and handle input before the job goes on (a zero-delay timer task).
pub async fn yield_to_browser() {
    sleep(0).await;
}

/// Waits `ms` milliseconds on a timer task, the page staying free meanwhile.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window()
            .map(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                    .is_ok()
            })
            .unwrap_or(false);
        if !queued {
            // No timer to wait for: go on at once rather than never.
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Starts a job of this kind: clears an earlier Cancel.
pub fn begin(kind: JobKind) {
    CANCELLED.with(|c| c[slot(kind)].set(false));
}

/// Asks the running job of this kind to stop at its next step.
pub fn cancel(kind: JobKind) {
    CANCELLED.with(|c| c[slot(kind)].set(true));
}

/// Whether Cancel was pressed since the job began.
pub fn is_cancelled(kind: JobKind) -> bool {
    CANCELLED.with(|c| c[slot(kind)].get())
}
