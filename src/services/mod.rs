//! The imperative shell: the only code that talks to the browser. Each service turns browser
//! objects into model values (or the reverse) and browser failures into typed errors.

pub mod agreement;
pub mod clock;
pub mod couch;
pub mod crash;
pub mod download;
pub mod export;
pub mod file_tree;
pub mod html_dom;
pub mod intake;
pub mod jobs;
pub mod layer_intake;
pub mod library;
pub mod loader;
pub mod queue;
pub mod selection;
pub mod startup;
pub mod storage;
pub mod tabs;
pub mod team;
pub mod text_search;
pub mod theme;
