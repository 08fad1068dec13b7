//! claimtag: mark FACT, ALLEGATION and QUOTE spans in news articles and export them as exact
//! JSON datasets, entirely in the browser.
//!
//! - [`model`]: the pure core (text, spans, annotations, clean-up, export), tested natively.
//! - [`state`]: the app state in slices (document, view, storage, corpus), each with its own
//!   actions and pure reducer, composed by one root reducer.
//! - [`services`]: the only code that talks to the browser (selection, downloads, clock).
//! - [`components`]: Yew components that render the state and dispatch actions.

pub mod components;
pub mod model;
pub mod sample;
pub mod services;
pub mod state;

pub use components::app::App;
