//! The current time, from the browser's clock.

/// Now, as an ISO 8601 UTC timestamp (`2026-11-28T01:36:16.000Z`).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
