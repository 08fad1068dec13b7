//! Team sync through a CouchDB database (or anything speaking its replication protocol:
//! PouchDB Server, Cloudant): revision trees ([`rev`], [`tree`]), the browser's replica of the
//! team documents ([`replica`]), the pull and push batches over a [`remote::Remote`]
//! ([`remote`]), how the library lies in the database ([`layout`]) and conflicts as the user
//! compares them ([`conflict`]), and who annotates what ([`assignment`]). Pure: the HTTP client and
//! IndexedDB live in `services::team`.

pub mod assignment;
pub mod conflict;
pub mod layout;
pub mod remote;
pub mod replica;
pub mod rev;
pub mod tree;

#[cfg(test)]
mod memory_couch;
#[cfg(test)]
mod tests;
