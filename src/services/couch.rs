//! A CouchDB database over the browser's `fetch`: the [`Remote`] the sync engine replicates
//! with. It talks only to the one origin the user connected to, sends the session cookie
//! (`credentials: include`) and never a password after sign-in; every failure — no answer in
//! time, no connection, an HTTP error, an answer that is not CouchDB's JSON — comes back as a
//! [`RemoteError`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, RequestMode, Response};

use crate::model::sync::remote::{Remote, RemoteError};

/// Milliseconds an ordinary request may take.
const REQUEST_MS: u32 = 30_000;
/// Extra milliseconds a long-poll request may take beyond the wait it asked the server for.
const LONGPOLL_GRACE_MS: u32 = 15_000;

/// One team database.
pub struct Couch {
    /// The database URL, ending in `/`.
    db: String,
    /// The server's root URL, ending in `/` (where `_session` lives).
    server: String,
    /// The controller of the long-poll request in flight, so a local change can cut it short.
    waiting: RefCell<Option<AbortController>>,
    /// The long-poll in flight was cut short on purpose.
    interrupted: Rc<Cell<bool>>,
}

impl Couch {
    /// The database at `url` (`https://couch.example.org/desk-2026`), or why that is no
    /// database address.
    pub fn new(url: &str) -> Result<Couch, String> {
        let url = url.trim();
        let parsed = web_sys::Url::new(url)
            .map_err(|_| format!("“{url}” is not a web address (https://server/database)"))?;
        let protocol = parsed.protocol();
        if protocol != "https:" && protocol != "http:" {
            return Err(format!(
                "“{url}” is not an http or https address of a database"
            ));
        }
        let path = parsed.pathname();
        let path = path.trim_end_matches('/');
        let Some((parent, name)) = path.rsplit_once('/') else {
            return Err(format!("“{url}” names no database after the server"));
        };
        if name.is_empty() || name.starts_with('_') {
            return Err(format!(
                "“{url}” names no database after the server (e.g. https://couch.example.org/desk-2026)"
            ));
        }
        let origin = parsed.origin();
        Ok(Couch {
            db: format!("{origin}{path}/"),
            server: format!("{origin}{parent}/"),
            waiting: RefCell::new(None),
            interrupted: Rc::new(Cell::new(false)),
        })
    }

    /// The database URL, as shown to the user.
    pub fn url(&self) -> &str {
        self.db.trim_end_matches('/')
    }

    /// Signs in with CouchDB's cookie authentication (`POST /_session`): the server keeps the
    /// session in a cookie; the password is used for this request only.
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<(), RemoteError> {
        let body = json!({ "name": name, "password": password });
        let url = format!("{}_session", self.server);
        match self.request("POST", &url, Some(&body), REQUEST_MS).await {
            Ok(answer) if answer.get("ok").and_then(Value::as_bool) == Some(true) => Ok(()),
            Ok(_) => Err(RemoteError::NotCouch(
                "its /_session answer has no “ok”".to_string(),
            )),
            Err(RemoteError::Unauthorized) => Err(RemoteError::BadCredentials),
            Err(other) => Err(other),
        }
    }

    /// Checks that the server greets like CouchDB (before any credentials are sent to it).
    pub async fn greet(&self) -> Result<(), RemoteError> {
        let root = self.request("GET", &self.server, None, REQUEST_MS).await?;
        if root.get("couchdb").is_none() && root.get("express-pouchdb").is_none() {
            return Err(RemoteError::NotCouch(
                "its root does not greet like CouchDB".to_string(),
            ));
        }
        Ok(())
    }

    /// Checks that the database exists and this session may read it.
    pub async fn check(&self) -> Result<(), RemoteError> {
        let info = self.get("").await?;
        if info.get("db_name").is_none() {
            return Err(RemoteError::NotCouch(
                "the address does not describe a database".to_string(),
            ));
        }
        Ok(())
    }

    /// Cuts the long-poll in flight short (a local change is waiting to be pushed).
    pub fn interrupt(&self) {
        if let Some(controller) = self.waiting.borrow_mut().take() {
            self.interrupted.set(true);
            controller.abort();
        }
    }

    /// Whether the last long-poll ended because of [`Couch::interrupt`] (and forgets it).
    pub fn take_interrupted(&self) -> bool {
        self.interrupted.replace(false)
    }

    /// Sends one request and reads its JSON answer.
    async fn request(
        &self,
        method: &str,
        url: &str,
        body: Option<&Value>,
        timeout_ms: u32,
    ) -> Result<Value, RemoteError> {
        let init = RequestInit::new();
        init.set_method(method);
        init.set_credentials(RequestCredentials::Include);
        init.set_mode(RequestMode::Cors);
        let headers = Headers::new().map_err(|_| RemoteError::Offline)?;
        let _ = headers.set("Accept", "application/json");
        if let Some(body) = body {
            let _ = headers.set("Content-Type", "application/json");
            init.set_body(&JsValue::from_str(&body.to_string()));
        }
        init.set_headers(&headers);
        let controller = AbortController::new().map_err(|_| RemoteError::Offline)?;
        init.set_signal(Some(&controller.signal()));
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            Timeout::new(timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        if timeout_ms > REQUEST_MS {
            *self.waiting.borrow_mut() = Some(controller);
        }
        let failed = |timed_out: &Cell<bool>| match timed_out.get() {
            true => RemoteError::Timeout,
            false => RemoteError::Offline,
        };
        let window = web_sys::window().ok_or(RemoteError::Offline)?;
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|_| failed(&timed_out))?;
        let response: Response = response
            .dyn_into()
            .map_err(|_| RemoteError::NotCouch("no HTTP response".to_string()))?;
        let text = JsFuture::from(response.text().map_err(|_| failed(&timed_out))?)
            .await
            .map_err(|_| failed(&timed_out))?
            .as_string()
            .unwrap_or_default();
        drop(timer);
        self.waiting.borrow_mut().take();
        let status = response.status();
        let value: Option<Value> = serde_json::from_str(&text).ok();
        if !(200..300).contains(&status) {
            let reason = value
                .as_ref()
                .and_then(|v| v.get("reason"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            return Err(RemoteError::from_status(status, &reason));
        }
        value.ok_or_else(|| RemoteError::NotCouch("its answer is not JSON".to_string()))
    }
}

impl Remote for Couch {
    async fn get(&self, path: &str) -> Result<Value, RemoteError> {
        let timeout = match path.contains("feed=longpoll") {
            true => REQUEST_MS + LONGPOLL_GRACE_MS,
            false => REQUEST_MS,
        };
        self.request("GET", &format!("{}{path}", self.db), None, timeout)
            .await
    }

    async fn post(&self, path: &str, body: &Value) -> Result<Value, RemoteError> {
        self.request(
            "POST",
            &format!("{}{path}", self.db),
            Some(body),
            REQUEST_MS,
        )
        .await
    }

    async fn put(&self, path: &str, body: &Value) -> Result<Value, RemoteError> {
        self.request("PUT", &format!("{}{path}", self.db), Some(body), REQUEST_MS)
            .await
    }
}
