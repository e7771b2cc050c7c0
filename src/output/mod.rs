//! Printing diagnostics. One diagnostic model, one printer per format.

pub mod human;
