//! claimtag: mark FACT, ALLEGATION and QUOTE spans in news articles and export them as exact
//! JSON datasets, entirely in the browser.
//!
//! - [`model`]: the pure core (text, spans, annotations, clean-up, export), tested natively.
//! - [`state`]: the one reducer that turns user actions into new states.
//! - [`services`]: the only code that talks to the browser (selection, downloads, clock).
//! - [`components`]: Yew components that render the state and dispatch actions.

pub mod components;
pub mod model;
pub mod sample;
pub mod services;
pub mod state;

pub use components::app::App;
